"""Reading the pipeline: relationships a person may see, and a hub's funnel as of a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bridgehub.directory.domain.queries import own_organisation_roles
from bridgehub.directory.enums import ApprovalStatus, Country
from bridgehub.directory.models import Organisation, OrganisationHub
from bridgehub.engines.pipeline import funnel as engine
from bridgehub.exchanges.models import Programme, Round
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.relationships import side_of, state_of
from bridgehub.pipeline.domain.stale import idle_days, settings_for
from bridgehub.pipeline.enums import ConfirmationKind, Stage
from bridgehub.pipeline.models import PipelineSettings, Relationship, RelationshipNote, StageEvent


def relationships_for_user(user: Any) -> QuerySet[Relationship]:
    """The relationships `user` is a side of (through their organisations, or as the talent)."""
    if not getattr(user, "is_authenticated", False):
        return Relationship.objects.none()
    organisations = list(own_organisation_roles(user))
    return Relationship.objects.filter(
        Q(organisation_id__in=organisations) | Q(counterpart_id__in=organisations) | Q(person__user=user))


@dataclass
class RelationshipView:
    """A relationship as one side reads it: who the other side is, where it stands, what awaits them."""

    relationship: Relationship
    other_name: str
    other_slug: str  # the other organisation's profile ("" for a talent)
    state: engine.State
    awaiting_me: list[StageEvent] = field(default_factory=list)  # the other side's stages I have not confirmed
    idle_days: int | None = None  # stalled: days since it last moved (past the hub's limit for its stage)

    @property
    def stage_label(self) -> str:
        return str(Stage(self.state.current).label) if self.state.current else str(_("Introduced"))


def _with_history(queryset: QuerySet[Relationship]) -> QuerySet[Relationship]:
    return queryset.select_related("hub", "organisation", "counterpart", "person").prefetch_related(
        "events__confirmations", "notes")


def view_for(user: Any, relationship: Relationship, settings: PipelineSettings | None = None) -> RelationshipView:
    side = side_of(user, relationship)
    mine = side.organisation_id if side else None
    if side is not None and mine is None:  # the reader is the talent: the other side is the organisation
        other_name, other_slug = relationship.organisation.name, relationship.organisation.slug
    elif relationship.person is not None:
        other_name, other_slug = relationship.person.name, ""
    else:
        other = relationship.counterpart if relationship.organisation_id == mine else relationship.organisation
        assert other is not None
        other_name, other_slug = other.name, other.slug
    awaiting = [event for event in relationship.events.all()
                if side is not None and event.side_id != mine and event.stage != Stage.CLOSED_LOST
                and not any(c.kind == ConfirmationKind.CONFIRMED for c in event.confirmations.all())]
    state = state_of(relationship)
    zone = relationship.hub.zone
    idle = idle_days(relationship, state.current, state.lost, settings or settings_for(relationship.hub_id),
                     timezone.localdate(timezone=zone), zone)
    return RelationshipView(relationship, other_name, other_slug, state, awaiting, idle)


def views_for_user(user: Any) -> list[RelationshipView]:
    relationships = list(_with_history(relationships_for_user(user)))
    settings = {hub_id: settings_for(hub_id) for hub_id in {relationship.hub_id for relationship in relationships}}
    return [view_for(user, relationship, settings[relationship.hub_id]) for relationship in relationships]


def waiting_for_user(user: Any, today: dt.date) -> tuple[int, int, int]:
    """(stages the other side recorded that the user's side has not confirmed, next steps due by `today`,
    stalled relationships)."""
    views = views_for_user(user)
    to_confirm = sum(len(view.awaiting_me) for view in views)
    due = sum(1 for view in views if view.relationship.next_step_on is not None and view.state.open
              and view.relationship.next_step_on <= today)
    return to_confirm, due, sum(1 for view in views if view.idle_days is not None)


def manual_openings_for(user: Any, counterpart: Organisation) -> list[tuple[Hub, Organisation, Relationship | None]]:
    """Where `user` may start tracking a relationship with `counterpart` by hand: each hub where one of the
    user's organisations and the counterpart are both approved members, with the relationship if it exists."""
    if not getattr(user, "is_authenticated", False):
        return []
    own = [pk for pk in own_organisation_roles(user) if pk != counterpart.pk]
    if not own:
        return []
    their_hubs = set(counterpart.hub_links.filter(status=ApprovalStatus.APPROVED).values_list("hub_id", flat=True))
    links = list(OrganisationHub.objects.filter(organisation_id__in=own, hub_id__in=their_hubs,
                                                status=ApprovalStatus.APPROVED)
                 .select_related("hub", "organisation").order_by("hub_id", "organisation_id"))
    existing = {(relationship.hub_id, relationship.organisation_id, relationship.counterpart_id): relationship
                for relationship in Relationship.objects.filter(
                    Q(organisation=counterpart) | Q(counterpart=counterpart), hub_id__in=their_hubs)}
    result = []
    for link in links:
        first, second = sorted((link.organisation_id, counterpart.pk))
        result.append((link.hub, link.organisation, existing.get((link.hub_id, first, second))))
    return result


def access_relationship_for_user(user: Any, pk: int) -> Relationship | None:
    """The relationship if `user` is one of its sides (None for missing and forbidden alike)."""
    return _with_history(relationships_for_user(user)).filter(pk=pk).first()


def notes_for(user: Any, relationship: Relationship) -> list[RelationshipNote]:
    """Shared notes, and the private notes of the reader's own side."""
    side = side_of(user, relationship)
    return [note for note in relationship.notes.all()
            if note.shared or (side is not None and note.side_id == side.organisation_id)]


STEP_LABELS = {0: _("Introduced"), 1: Stage.MET.label, 2: Stage.FOLLOW_UP.label, 3: Stage.NDA.label,
               4: Stage.POC.label, 5: Stage.AGREEMENT.label, 6: _("Investment, hire or order")}


# The pairs a Taiwan–Japan hub reports on (either way round); none chosen is every pair.
COUNTRY_PAIRS = ("TW-JP", "TW-US", "TW-SG", "JP-US", "JP-SG", "TW-TW", "JP-JP")


@dataclass(frozen=True)
class PipelineFilters:
    """Which relationships a report counts: from one round (or any round of a programme), with a side in
    a sector (or its sub-sectors), between two countries (either way round), opened within a window."""

    round_id: int | None = None
    programme_id: int | None = None
    sector: str = ""
    countries: tuple[str, str] | None = None
    opened_from: dt.date | None = None
    opened_to: dt.date | None = None  # inclusive, in the hub's zone

    @classmethod
    def from_params(cls, params: Mapping[str, str], hub: Hub) -> PipelineFilters:
        """The filters a page or API query names (round, programme, sector, countries "TW-JP", opened_from,
        opened_to); a value that does not name one of this hub's rounds or programmes, a known pair or a
        date is ignored, so a stale link shows everything rather than an error."""
        round_id, programme_id = params.get("round", ""), params.get("programme", "")
        pair = params.get("countries", "")
        return cls(
            round_id=int(round_id) if round_id.isdigit() and Round.objects.filter(
                pk=int(round_id), programme__hub=hub).exists() else None,
            programme_id=int(programme_id) if programme_id.isdigit() and Programme.objects.filter(
                pk=int(programme_id), hub=hub).exists() else None,
            sector=params.get("sector", "")[:40],
            countries=(pair[:2], pair[3:]) if pair in COUNTRY_PAIRS else None,
            opened_from=_date_or_none(params.get("opened_from", "")),
            opened_to=_date_or_none(params.get("opened_to", "")))


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def country_pair_choices() -> list[tuple[str, str]]:
    return [(pair, " – ".join(str(Country(code).label) for code in pair.split("-"))) for pair in COUNTRY_PAIRS]
