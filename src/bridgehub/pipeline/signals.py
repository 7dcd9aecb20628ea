"""The pipeline follows the exchanges and introductions without their code knowing about it (the apps
form a line: a lower app never imports the pipeline).

- An accepted introduction opens the relationship of the two sides in its hub.
- A meeting's feedback with a next step opens (or finds) the relationship, records that the two met
  on the meeting's day and that a follow-up is under way, and keeps the next step: nobody retypes it.
"""

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from bridgehub.exchanges.enums import NextStep
from bridgehub.exchanges.models import MeetingFeedback
from bridgehub.matchmaking.enums import IntroStatus
from bridgehub.matchmaking.models import Introduction
from bridgehub.pipeline.domain.history import exchange_rates_changed, history_changed
from bridgehub.pipeline.domain.relationships import PipelineError, open_relationship, record_stage
from bridgehub.pipeline.enums import Origin, Stage
from bridgehub.pipeline.models import ExchangeRate, Relationship

log = logging.getLogger(__name__)


@receiver([post_save, post_delete], sender=ExchangeRate)
def exchange_rate_changed(sender, **kwargs) -> None:
    exchange_rates_changed()


@receiver(post_delete, sender=Relationship)
def relationship_deleted(sender, instance: Relationship, **kwargs) -> None:
    """An organisation's deletion takes its relationships along: the hub's reports recount without them."""
    history_changed(instance.hub_id)


def _sides(first, second):
    """Organisation and counterpart (organisation or person) of two match profiles."""
    organisations = [profile.organisation for profile in (first, second) if profile.organisation_id]
    people = [profile.person for profile in (first, second) if profile.person_id]
    if len(organisations) == 2:
        return organisations[0], {"counterpart": organisations[1]}
    if len(organisations) == 1 and len(people) == 1:
        return organisations[0], {"person": people[0]}
    return None, {}


@receiver(post_save, sender=Introduction)
def introduction_accepted(sender, instance: Introduction, **kwargs):
    if instance.status != IntroStatus.ACCEPTED:
        return
    organisation, other = _sides(instance.requester, instance.recipient)
    if organisation is None:
        return
    try:
        open_relationship(user=instance.answered_by, hub=instance.hub, organisation=organisation, **other,
                          origin=Origin.INTRODUCTION, introduction=instance, system=True)
    except PipelineError as error:  # e.g. a side left the hub meanwhile: the introduction still stands
        log.info("no relationship for introduction %s: %s", instance.pk, error)


@receiver(post_save, sender=MeetingFeedback)
def meeting_followed_up(sender, instance: MeetingFeedback, created: bool, **kwargs):
    if not created or instance.next_step == NextStep.NONE:
        return
    meeting = instance.meeting
    sender_registration, recipient_registration = meeting.sides
    author = instance.author
    try:
        relationship, _new = open_relationship(
            user=author.user, hub=meeting.round.hub, organisation=sender_registration.organisation,
            counterpart=recipient_registration.organisation, origin=Origin.MEETING, meeting=meeting,
            round_=meeting.round, system=True)
        met_on = timezone.localdate(meeting.starts_at, meeting.round.hub.zone)
        stages = set(relationship.events.values_list("stage", flat=True))
        if Stage.MET not in stages:
            record_stage(user=author.user, relationship=relationship, stage=Stage.MET, effective_on=met_on)
        if Stage.FOLLOW_UP not in stages:
            record_stage(user=author.user, relationship=relationship, stage=Stage.FOLLOW_UP,
                         effective_on=max(met_on, timezone.localdate(instance.created_at, meeting.round.hub.zone)))
        relationship.next_step = str(NextStep(instance.next_step).label)
        relationship.save(update_fields=["next_step"])
    except PipelineError as error:
        log.info("no relationship for meeting %s: %s", meeting.pk, error)
