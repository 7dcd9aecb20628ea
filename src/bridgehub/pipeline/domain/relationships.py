"""Relationships between the two sides of a hub: opening them, recording stages, confirming them.

Who may do what: the two sides (members of either organisation, or the talent) open relationships,
record stages and write notes; only the *other* side confirms a stage; a hub operator verifies a
stage's evidence. Every write is a new row (the history is append-only) inside one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.common.money import CURRENCIES
from bridgehub.directory.domain.queries import own_organisation_roles
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, OrganisationHub, Person
from bridgehub.engines.pipeline import funnel as engine
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.history import history_changed
from bridgehub.pipeline.enums import AMOUNT_STAGES, STEP_OF_STAGE, ConfirmationKind, LostReason, Origin, Stage
from bridgehub.pipeline.models import Relationship, RelationshipNote, StageConfirmation, StageEvent

MAX_AMOUNT = 10**15  # a quadrillion of any currency: beyond it, a typing error
_web_address = URLValidator(schemes=["http", "https"])  # shown as a link: never javascript: or data:


class PipelineError(Exception):
    """A refused change, with a message for the person who asked (in their language)."""


@dataclass(frozen=True)
class Side:
    organisation_id: int | None  # None: the talent of an organisation–person relationship


def side_of(user: Any, relationship: Relationship) -> Side | None:
    """The side `user` speaks for in this relationship, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    roles = own_organisation_roles(user)
    for organisation_id in (relationship.organisation_id, relationship.counterpart_id):
        if organisation_id is not None and organisation_id in roles:
            return Side(organisation_id)
    person = relationship.person
    if person is not None and person.user_id == user.pk:
        return Side(None)
    return None


def _approved_in(hub: Hub, organisation: Organisation) -> bool:
    return OrganisationHub.objects.filter(hub=hub, organisation=organisation, status=ApprovalStatus.APPROVED).exists()


@transaction.atomic
def open_relationship(*, user: Any, hub: Hub, organisation: Organisation, counterpart: Organisation | None = None,
                      person: Person | None = None, origin: str = Origin.MANUAL, introduction: Any = None,
                      meeting: Any = None, round_: Any = None, system: bool = False) -> tuple[Relationship, bool]:
    """The relationship of this pair in this hub, opened if new (True). `system`: opened by the platform
    itself on an accepted introduction or a held meeting, for `user` (who answered or met).

    Side effects: one Relationship row when new; a new history token for the hub (reports recount).
    """
    if (counterpart is None) == (person is None):
        raise PipelineError(_("Name either an organisation or a person on the other side."))
    if counterpart is not None and counterpart.pk == organisation.pk:
        raise PipelineError(_("An organisation cannot have a relationship with itself."))
    if not system:
        # By hand, both must be the hub's members; a round or an introduction of the hub already brought
        # the two together (a Taipei start-up meets Tokyo investors at a Tokyo round).
        for member in (organisation, counterpart):
            if member is not None and not _approved_in(hub, member):
                raise PipelineError(_("%(name)s is not a member of this hub.") % {"name": member.name})
        roles = own_organisation_roles(user)
        on_a_side = organisation.pk in roles or (counterpart is not None and counterpart.pk in roles) or (
            person is not None and person.user_id == getattr(user, "pk", None))
        if not on_a_side and hub.pk not in operated_hub_ids(user):
            raise PipelineError(_("Only the two sides or the hub's operators open a relationship."))
    first, second = organisation, counterpart
    if second is not None and second.pk < first.pk:
        first, second = second, first
    lookup = {"hub": hub, "organisation": first, "counterpart": second, "person": person}
    existing = Relationship.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            relationship = Relationship.objects.create(
                **lookup, origin=origin, introduction=introduction, meeting=meeting, round=round_,
                opened_by=user if getattr(user, "is_authenticated", False) else None)
            history_changed(hub.pk)
    except IntegrityError:  # opened at the same moment by the other side
        return Relationship.objects.get(**lookup), False
    return relationship, True


@transaction.atomic
def record_stage(*, user: Any, relationship: Relationship, stage: str, effective_on: dt.date,
                 amount: int | None = None, currency: str = "", lost_reason: str = "",
                 evidence_url: str = "") -> StageEvent:
    """One side says the relationship reached `stage` on `effective_on`; it counts as claimed until the
    other side confirms it or the hub verifies its evidence. Stages may be skipped or recorded late.

    Side effects: one StageEvent row; a new history token for the hub (reports recount).
    """
    side = side_of(user, relationship)
    if side is None:
        raise PipelineError(_("Only the two sides record the stages of their relationship."))
    if stage not in Stage.values:
        raise PipelineError(_("Unknown stage “%(stage)s”.") % {"stage": stage})
    # People write dates in their own calendar: refuse only a date that has not begun anywhere (UTC+14).
    if effective_on > (timezone.now() + dt.timedelta(hours=14)).date():
        raise PipelineError(_("The date is in the future: record a stage once it has happened."))
    if amount is not None and not 0 < amount <= MAX_AMOUNT:
        raise PipelineError(_("An amount is a whole number above zero."))
    if evidence_url:
        try:
            _web_address(evidence_url)
            if len(evidence_url) > StageEvent._meta.get_field("evidence_url").max_length:  # type: ignore[operator]
                raise ValidationError("too long")
        except ValidationError:
            raise PipelineError(_("The evidence link must be a web address (https://…) of at most 200 "
                                  "characters.")) from None
    if lost_reason and lost_reason not in LostReason.values:
        raise PipelineError(_("Unknown reason “%(reason)s”.") % {"reason": lost_reason})
    if amount is not None and stage not in AMOUNT_STAGES:
        raise PipelineError(_("Only agreements, investments and orders carry an amount."))
    if amount is not None and currency not in CURRENCIES:
        raise PipelineError(_("Give the amount's currency: one of %(currencies)s.") % {
            "currencies": ", ".join(CURRENCIES)})
    if (stage == Stage.CLOSED_LOST) != bool(lost_reason):
        raise PipelineError(_("A relationship closed without result needs a reason, and only then."))
    history_changed(relationship.hub_id)
    return StageEvent.objects.create(
        relationship=relationship, stage=stage, effective_on=effective_on, recorded_by=user,
        side_id=side.organisation_id, amount=amount, currency=currency if amount is not None else "",
        lost_reason=lost_reason, evidence_url=evidence_url)


@transaction.atomic
def confirm_stage(*, user: Any, event: StageEvent) -> StageConfirmation:
    """The other side confirms a stage the first side recorded.

    Side effects: one StageConfirmation row; a new history token for the hub (reports recount).
    """
    side = side_of(user, event.relationship)
    if side is None:
        raise PipelineError(_("Only the other side of the relationship confirms a stage."))
    recorder_side = Side(event.side_id) if event.side_id is not None or event.relationship.person_id else None
    if side == recorder_side:
        raise PipelineError(_("A stage is confirmed by the other side, not by the side that recorded it."))
    if event.confirmations.filter(kind=ConfirmationKind.CONFIRMED).exists():
        raise PipelineError(_("This stage is already confirmed."))
    history_changed(event.relationship.hub_id)
    return StageConfirmation.objects.create(event=event, kind=ConfirmationKind.CONFIRMED, by=user,
                                            side_id=side.organisation_id)


@transaction.atomic
def verify_stage(*, user: Any, event: StageEvent) -> StageConfirmation:
    """A hub operator checked the evidence attached to a stage (a signed document, a press release).

    Side effects: one StageConfirmation row; a new history token for the hub (reports recount).
    """
    if event.relationship.hub_id not in operated_hub_ids(user):
        raise PipelineError(_("Only the hub's operators verify evidence."))
    if not event.evidence_url:
        raise PipelineError(_("There is no evidence to verify: the side that recorded the stage attaches it."))
    if event.confirmations.filter(kind=ConfirmationKind.VERIFIED).exists():
        raise PipelineError(_("This evidence is already verified."))
    history_changed(event.relationship.hub_id)
    return StageConfirmation.objects.create(event=event, kind=ConfirmationKind.VERIFIED, by=user)


@transaction.atomic
def add_note(*, user: Any, relationship: Relationship, text: str, shared: bool = True) -> RelationshipNote:
    """A note from one side: shared with the other side (and the hub), or private to the author's side.

    Side effects: one RelationshipNote row.
    """
    side = side_of(user, relationship)
    if side is None:
        raise PipelineError(_("Only the two sides write notes on their relationship."))
    text = text.replace("\x00", "")  # a NUL cannot be stored (PostgreSQL) and is never meant
    if not text.strip():
        raise PipelineError(_("The note is empty."))
    return RelationshipNote.objects.create(relationship=relationship, author=user, side_id=side.organisation_id,
                                           shared=shared, text=text.strip())


@transaction.atomic
def set_next_step(*, user: Any, relationship: Relationship, text: str, due_on: dt.date | None) -> None:
    """The next step both sides see on the relationship (what, by when); not history: it is replaced.

    Side effects: updates the relationship's next step.
    """
    if side_of(user, relationship) is None:
        raise PipelineError(_("Only the two sides set the next step of their relationship."))
    relationship.next_step = text.strip()[:300]
    relationship.next_step_on = due_on if relationship.next_step else None
    relationship.save(update_fields=["next_step", "next_step_on"])


def engine_events(relationship: Relationship) -> list[engine.Event]:
    """The relationship's history as the funnel engine reads it (uses prefetched events and confirmations)."""
    return [engine.Event(stage=event.stage, step=STEP_OF_STAGE.get(Stage(event.stage)),
                         effective_on=event.effective_on, recorded_at=event.recorded_at,
                         confirmed_at=min((c.at for c in event.confirmations.all()), default=None))
            for event in relationship.events.all()]


def state_of(relationship: Relationship, as_of: dt.datetime | None = None) -> engine.State:
    """The relationship's stage as known at `as_of` (now by default), derived from its history."""
    return engine.state_as_of(engine_events(relationship), as_of or timezone.now())
