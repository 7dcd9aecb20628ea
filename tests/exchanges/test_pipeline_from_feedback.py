"""A meeting's feedback carries its next step into the pipeline: nobody types it twice."""

import datetime as dt

import pytest
from django.utils import timezone

from bridgehub.exchanges.models import Meeting, MeetingFeedback, Round
from bridgehub.pipeline.domain.relationships import state_of
from bridgehub.pipeline.models import Relationship
from tests.exchanges.test_pages import published


@pytest.mark.django_db
def test_feedback_with_a_next_step_opens_the_relationship_met_and_following_up(exchange):
    meeting = published(exchange)
    Round.objects.filter(pk=exchange.round.pk).update(starts_at=timezone.now() - dt.timedelta(days=2))
    meeting = Meeting.objects.get(pk=meeting.pk)
    MeetingFeedback.objects.create(meeting=meeting, author=exchange.owner_reg, useful=True, next_step="none")
    assert not Relationship.objects.exists()  # no next step: nothing to follow
    MeetingFeedback.objects.create(meeting=meeting, author=exchange.taipei_reg, useful=True, next_step="poc")
    relationship = Relationship.objects.get()
    assert (relationship.origin, relationship.meeting, relationship.round) == ("meeting", meeting, exchange.round)
    assert relationship.next_step == "PoC discussion"
    events = list(relationship.events.values_list("stage", "side_id"))
    assert events == [("met", exchange.taipei_reg.organisation_id), ("follow_up", exchange.taipei_reg.organisation_id)]
    met = relationship.events.get(stage="met")
    assert met.effective_on == meeting.round.slot_start(meeting.slot).astimezone(exchange.round.hub.zone).date()
    state = state_of(relationship)
    assert (state.current, state.furthest_step, state.furthest_confirmed_step) == ("follow_up", 2, 0)
