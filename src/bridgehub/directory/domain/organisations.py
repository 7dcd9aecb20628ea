"""Changes to organisations: creation, profile texts, asks/offers, hub approval, notes."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bridgehub.accounts.domain import inbox
from bridgehub.accounts.domain.addresses import has_verified_address
from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.accounts.enums import NotificationKind
from bridgehub.common.languages import CONTENT_LANGUAGES
from bridgehub.directory.domain import queries, viewer
from bridgehub.directory.domain.search import refresh_search_fields
from bridgehub.directory.enums import ApprovalStatus, OrgRole
from bridgehub.directory.forms import check_written_in_one_language, profile_text_errors
from bridgehub.directory.models import (
    AskOffer,
    OperatorNote,
    Organisation,
    OrganisationHub,
    OrganisationMembership,
    ProfileText,
)
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub


def unique_slug(name: str, reading: str = "") -> str:
    """A URL slug from the romanised name where there is one; CJK-only names get a short id."""
    base = slugify(reading or name)[:60] or "org"
    slug = base
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


def create_organisation(*, user: Any, organisation: Organisation, sectors: Iterable[Any] = (),
                        hubs: Iterable[Hub] = (), approved: bool = False) -> Organisation:
    """Save a new (already validated) organisation with its creator as admin.

    Side effects: the organisation row, an admin membership for `user` (if given; their viewer facts
    cached for the request are dropped), a pending application to each hub (approved at once when
    `approved`, for operators and imports), and its search fields.
    """
    if not approved and not has_verified_address(user):
        # The creator becomes the organisation's admin: a role, so only for a confirmed address.
        raise PermissionDenied("confirm your e-mail address before creating an organisation")
    with transaction.atomic():
        if not organisation.slug:
            organisation.slug = unique_slug(organisation.name, organisation.name_reading)
        organisation.created_by = user if getattr(user, "is_authenticated", False) else None
        organisation.save()
        organisation.sectors.set(list(sectors))
        if organisation.created_by is not None and not approved:
            OrganisationMembership.objects.create(organisation=organisation, user=user, role=OrgRole.ADMIN)
            viewer.forget(user)  # the rest of this request reads them as the new organisation's admin
        now = timezone.now()
        for hub in hubs:
            OrganisationHub.objects.create(
                organisation=organisation, hub=hub,
                status=ApprovalStatus.APPROVED if approved else ApprovalStatus.PENDING,
                decided_by=organisation.created_by if approved else None,
                decided_at=now if approved else None,
            )
        refresh_search_fields(organisation)
    return organisation


def check_can_edit(user: Any, organisation: Organisation) -> None:
    if not queries.is_org_admin(user, organisation):
        raise PermissionDenied("only the organisation's admins may change it")


def update_organisation(*, user: Any, organisation: Organisation, sectors: Iterable[Any]) -> Organisation:
    """Save edited fields. Side effects: the row, its sectors, its search fields."""
    check_can_edit(user, organisation)
    with transaction.atomic():
        organisation.save()
        organisation.sectors.set(list(sectors))
        refresh_search_fields(organisation)
    return organisation


def save_profile_texts(*, user: Any, organisation: Organisation, texts: dict[str, dict[str, str]]) -> None:
    """Store the profile as written, per language; a language left empty is removed.

    `texts` maps language → {"tagline", "summary", "member_details"}.
    Side effects: ProfileText rows, the original language if the old one was emptied, search fields.
    """
    check_can_edit(user, organisation)
    kept = {text.language: {"tagline": text.tagline, "summary": text.summary, "member_details": text.member_details}
            for text in organisation.texts.exclude(language__in=list(texts))}
    check_written_in_one_language({**kept, **texts})  # what the profile holds afterwards
    for language, fields in texts.items():
        if language not in CONTENT_LANGUAGES or profile_text_errors(language, fields):
            raise ValueError(f"profile text in {language!r} is not valid; validate it with ProfileTextForm first")
    with transaction.atomic():
        written = []
        for language, fields in texts.items():
            if any(value.strip() for value in fields.values()):
                ProfileText.objects.update_or_create(organisation=organisation, language=language, defaults=fields)
                written.append(language)
            else:
                ProfileText.objects.filter(organisation=organisation, language=language).delete()
        if written and organisation.original_language not in written:
            organisation.original_language = written[0]
            organisation.save(update_fields=["original_language"])
        refresh_search_fields(organisation)


def replace_asks_offers(*, user: Any, organisation: Organisation, items: list[AskOffer]) -> None:
    """Replace all asks/offers by `items` (validated). Side effects: rows, search fields."""
    check_can_edit(user, organisation)
    with transaction.atomic():
        organisation.asks_offers.all().delete()
        for item in items:
            item.organisation = organisation
            item.pk = None
            item.save()
        refresh_search_fields(organisation)


def apply_to_hub(*, user: Any, organisation: Organisation, hub: Hub) -> OrganisationHub:
    check_can_edit(user, organisation)
    with transaction.atomic():
        link, _created = OrganisationHub.objects.get_or_create(organisation=organisation, hub=hub)
    return link


def decide_application(*, user: Any, link: OrganisationHub, approve: bool, reason: str = "") -> OrganisationHub:
    """A hub operator approves or rejects an organisation's application to their hub. A rejection
    says why (the admins read it): ValidationError without a reason.

    Side effects: the link's status, who decided, when and why; after commit, an e-mail and an inbox
    entry to the organisation's admins.
    """
    if link.hub_id not in operated_hub_ids(user):
        raise PermissionDenied("only this hub's operators decide on its members")
    reason = " ".join(reason.split())[:300]
    if not approve and not reason:
        raise ValidationError(_("Say why the application is not approved: the organisation's admins read it."),
                              code="reason_required")
    with transaction.atomic():
        link.status = ApprovalStatus.APPROVED if approve else ApprovalStatus.REJECTED
        link.decided_by = user
        link.decided_at = timezone.now()
        link.decision_reason = "" if approve else reason
        link.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        transaction.on_commit(lambda: notify_decision(link.pk))
    return link


def notify_decision(link_id: int) -> None:
    """E-mail the organisation's admins about a hub's decision, each in their own language (an essential
    mail: no setting turns it off). Quietly does nothing if the link is gone."""
    link = OrganisationHub.objects.select_related("organisation", "hub").filter(pk=link_id).first()
    if link is None:
        return
    recipients = list(link.organisation.memberships.filter(role=OrgRole.ADMIN).values_list("user__email", flat=True))
    if not recipients:
        return

    def subject() -> str:
        return f"{link.organisation.name} – {link.hub.name_for(translation.get_language())}: " \
               f"{link.get_status_display()}"

    def body() -> str:
        return render_to_string("email/application_decided.txt", {
            "organisation": link.organisation, "hub_name": link.hub.name_for(translation.get_language()),
            "approved": link.status == ApprovalStatus.APPROVED, "reason": link.decision_reason})

    send_to_people(subject, body, recipients, link=reverse("web:organisation", kwargs={"slug": link.organisation.slug}))
    admins = link.organisation.memberships.filter(role=OrgRole.ADMIN).values_list("user_id", flat=True)
    approved = link.status == ApprovalStatus.APPROVED
    inbox.notify(admins, NotificationKind.APPLICATION_DECIDED if approved else NotificationKind.APPLICATION_DECLINED,
                 reverse("web:dashboard"), organisation=link.organisation.name, note=link.decision_reason,
                 hub={language: link.hub.name_for(language) for language in ("zh-hant", "ja", "en")})


def add_operator_note(*, user: Any, hub: Hub, organisation: Organisation, text: str) -> OperatorNote:
    if hub.pk not in operated_hub_ids(user) or not organisation.hub_links.filter(hub=hub).exists():
        raise PermissionDenied("notes are written by operators of a hub the organisation belongs to")
    with transaction.atomic():
        return OperatorNote.objects.create(hub=hub, organisation=organisation, author=user, text=text.strip())
