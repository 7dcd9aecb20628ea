"""Read access to the directory: who may see which organisations, people and fields.

Tenancy rule: an organisation's member-only content is readable by its own members and by
members and operators of the hubs that approved it, never by another hub's people.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from bridgehub.common.text import fold_for_search
from bridgehub.common.visibility import Visibility
from bridgehub.directory.domain.viewer import viewer_of
from bridgehub.directory.enums import ApprovalStatus, OrgRole
from bridgehub.directory.models import (
    Affiliation,
    AskOffer,
    OperatorNote,
    Organisation,
    OrganisationHub,
    Person,
)
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def own_organisation_roles(user: Any) -> dict[int, str]:
    """{organisation id: role} for the user's own organisations (cached per request: directory/domain/viewer.py)."""
    return viewer_of(user).organisation_roles


def member_hub_ids(user: Any) -> frozenset[int]:
    """Hubs whose members' content `user` may read: direct hub roles plus their organisations' approved
    hubs (cached per request: directory/domain/viewer.py)."""
    return viewer_of(user).member_hubs


def approved_hub_ids(organisation: Organisation) -> set[int]:
    return {
        link.hub_id for link in organisation.hub_links.all() if link.status == ApprovalStatus.APPROVED
    }


def is_org_admin(user: Any, organisation: Organisation) -> bool:
    return own_organisation_roles(user).get(organisation.pk) == OrgRole.ADMIN


def is_org_member(user: Any, organisation: Organisation) -> bool:
    return organisation.pk in own_organisation_roles(user)


def can_read_member_content(user: Any, organisation: Organisation) -> bool:
    """Member-only profile fields: own members, and members/operators of an approving hub."""
    if is_org_member(user, organisation):
        return True
    return bool(approved_hub_ids(organisation) & member_hub_ids(user))


def can_operate_organisation(user: Any, organisation: Organisation) -> bool:
    """Operators of any hub the organisation applied to (pending or approved) may review it."""
    linked = {link.hub_id for link in organisation.hub_links.all()}
    return bool(linked & operated_hub_ids(user))


def organisations_for_viewer(user: Any) -> QuerySet[Organisation]:
    """Organisations a viewer may open: approved anywhere, own, or applying to a hub they operate."""
    visible = Q(hub_links__status=ApprovalStatus.APPROVED)
    if _authenticated(user):
        visible |= Q(pk__in=list(own_organisation_roles(user)))
        visible |= Q(hub_links__hub_id__in=list(operated_hub_ids(user)))
    ids = Organisation.objects.filter(visible).values("pk")
    return Organisation.objects.filter(pk__in=ids)


def with_listing_data(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Prefetch what a list row shows, so a list costs a fixed number of queries."""
    return queryset.prefetch_related(
        "texts",
        "sectors",
        Prefetch("hub_links", queryset=OrganisationHub.objects.select_related("hub")),
        Prefetch("asks_offers", queryset=AskOffer.objects.all()),
    )


def access_organisation_for_user(user: Any, slug: str) -> Organisation | None:
    """The organisation if the viewer may open it; None for missing and forbidden alike."""
    return with_listing_data(organisations_for_viewer(user)).filter(slug=slug).first()


def visible_asks_offers(user: Any, organisation: Organisation) -> list[AskOffer]:
    members = can_read_member_content(user, organisation)
    own = is_org_member(user, organisation)
    allowed = {Visibility.PUBLIC} | ({Visibility.MEMBERS} if members else set()) | (
        {Visibility.PRIVATE} if own else set()
    )
    return [item for item in organisation.asks_offers.all() if item.visibility in allowed]


def operator_notes_for(user: Any, organisation: Organisation) -> QuerySet[OperatorNote]:
    """Only the notes of hubs the viewer operates: another hub's notes are never read."""
    return OperatorNote.objects.filter(
        organisation=organisation, hub_id__in=list(operated_hub_ids(user))
    ).select_related("hub", "author")


def people_for_viewer(user: Any) -> QuerySet[Person]:
    """People listed in the directory: public profiles of people who agreed to be listed, plus
    what the viewer may see by rule (their own organisation's people; people of their hubs whose
    profile is for members; imported people awaiting consent, for the hub's operators)."""
    queryset = Person.objects.all()
    listed = Q(listing_consent=True)
    if not _authenticated(user):
        return queryset.filter(listed, profile_visibility=Visibility.PUBLIC)
    hub_org_ids = OrganisationHub.objects.filter(
        hub_id__in=list(member_hub_ids(user)), status=ApprovalStatus.APPROVED
    ).values("organisation_id")
    operated_org_ids = OrganisationHub.objects.filter(hub_id__in=list(operated_hub_ids(user))).values(
        "organisation_id")
    return queryset.filter(
        (listed & Q(profile_visibility=Visibility.PUBLIC))
        | Q(user=user)
        | (listed & Q(profile_visibility=Visibility.MEMBERS, affiliations__organisation_id__in=hub_org_ids))
        | Q(affiliations__organisation_id__in=list(own_organisation_roles(user)))
        | Q(listing_consent=False, affiliations__organisation_id__in=operated_org_ids,
            profile_visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
    ).distinct()


def people_named(queryset: QuerySet[Person], query: str) -> QuerySet[Person]:
    """People in `queryset` whose name or reading contains `query`, CJK variants folded alike.

    Folding runs in Python: people number in the hundreds per hub, and this keeps 半导体-style
    variants matching without a second search index.
    """
    folded = fold_for_search(query)
    ids = [pk for pk, name, reading in queryset.values_list("pk", "name", "name_reading")
           if folded in fold_for_search(f"{name} {reading}")]
    return Person.objects.filter(pk__in=ids)


def person_group_visible(user: Any, person: Person, visibility: str) -> bool:
    """May `user` read a field group of `person` set to `visibility`? (Expects `with_person_data`.)"""
    if person.listing_consent and visibility == Visibility.PUBLIC:
        return True
    if not _authenticated(user):
        return False
    if person.user_id == user.pk:
        return True
    org_ids = {affiliation.organisation_id for affiliation in person.affiliations.all()}
    if org_ids & set(own_organisation_roles(user)):
        return True
    if visibility == Visibility.PRIVATE:
        return False
    links = [link for affiliation in person.affiliations.all() for link in affiliation.organisation.hub_links.all()]
    if not person.listing_consent:  # awaiting consent: the importing hub's operators only
        return bool({link.hub_id for link in links} & operated_hub_ids(user))
    return bool({link.hub_id for link in links if link.status == ApprovalStatus.APPROVED} & member_hub_ids(user))


def with_person_data(queryset: QuerySet[Person]) -> QuerySet[Person]:
    return queryset.prefetch_related(
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.select_related("organisation").prefetch_related("organisation__hub_links"),
        )
    )


def access_person_for_user(user: Any, person_id: int) -> Person | None:
    return with_person_data(people_for_viewer(user)).filter(pk=person_id).first()


def hubs_with_names() -> QuerySet[Hub]:
    return Hub.objects.order_by("pk")


def team_member(organisation: Organisation, user_id: int) -> Any:
    """The account `user_id` if it belongs to `organisation`'s team, else None."""
    from bridgehub.accounts.models import User

    return User.objects.filter(pk=user_id, org_memberships__organisation=organisation).first()
