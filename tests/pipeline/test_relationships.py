"""Relationships after an introduction or a meeting: who records what, confirmation, history as of a date."""

import datetime as dt

import pytest
from django.utils import timezone

from bridgehub.matchmaking.models import Introduction, MatchProfile
from bridgehub.pipeline.domain.history import history_changed
from bridgehub.pipeline.domain.outcomes import hub_outcomes
from bridgehub.pipeline.domain.queries import relationships_for_user
from bridgehub.pipeline.domain.relationships import (
    PipelineError,
    add_note,
    confirm_stage,
    open_relationship,
    record_stage,
    state_of,
    verify_stage,
)
from bridgehub.pipeline.models import Relationship, StageEvent
from tests.factories.core import (
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    UserFactory,
)

TODAY = timezone.localdate


@pytest.fixture
def pair(world):
    neighbour = world.tokyo_member.org_memberships.get().organisation
    relationship, created = open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation,
                                              counterpart=neighbour)
    assert created
    return relationship


@pytest.mark.django_db
def test_a_pair_has_one_relationship_whoever_opens_it(world, pair):
    again, created = open_relationship(user=world.tokyo_member, hub=world.tokyo, organisation=pair.counterpart,
                                       counterpart=world.organisation)
    assert (again, created) == (pair, False)
    assert pair.organisation_id < pair.counterpart_id
    assert list(relationships_for_user(world.tokyo_member)) == [pair]
    assert list(relationships_for_user(world.taipei_member)) == []


@pytest.mark.django_db
def test_outsiders_and_non_members_cannot_open_one(world):
    neighbour = world.tokyo_member.org_memberships.get().organisation
    with pytest.raises(PipelineError, match="Only the two sides"):
        open_relationship(user=world.taipei_member, hub=world.tokyo, organisation=world.organisation,
                          counterpart=neighbour)
    stranger = OrganisationFactory(slug="stranger")
    with pytest.raises(PipelineError, match="not a member of this hub"):
        open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation, counterpart=stranger)
    with pytest.raises(PipelineError, match="itself"):
        open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation,
                          counterpart=world.organisation)
    operator_opened, created = open_relationship(user=world.tokyo_operator, hub=world.tokyo,
                                                 organisation=world.organisation, counterpart=neighbour)
    assert created and operator_opened.origin == "manual"


@pytest.mark.django_db
def test_a_side_records_stages_with_the_checks_people_need(world, pair):
    event = record_stage(user=world.owner, relationship=pair, stage="investment", effective_on=TODAY(),
                         amount=50_000_000, currency="JPY", evidence_url="https://example.org/press")
    assert (event.side_id, event.amount, event.currency) == (world.organisation.pk, 50_000_000, "JPY")
    refusals = [
        ({"user": world.taipei_member, "stage": "poc"}, "Only the two sides"),
        ({"stage": "poc", "effective_on": TODAY() + dt.timedelta(days=2)}, "future"),
        ({"stage": "poc", "amount": 10, "currency": "JPY"}, "carry an amount"),
        ({"stage": "order", "amount": 10, "currency": "EUR"}, "currency"),
        ({"stage": "closed_lost"}, "needs a reason"),
        ({"stage": "poc", "lost_reason": "timing"}, "needs a reason"),
        ({"stage": "closed_lost", "lost_reason": "bored"}, "Unknown reason"),
        ({"stage": "signed"}, "Unknown stage"),
    ]
    for changes, message in refusals:
        arguments = {"user": world.owner, "relationship": pair, "effective_on": TODAY(), **changes}
        with pytest.raises(PipelineError, match=message):
            record_stage(**arguments)
    assert StageEvent.objects.count() == 1


@pytest.mark.django_db
def test_only_the_other_side_confirms_and_only_an_operator_verifies_evidence(world, pair):
    poc = record_stage(user=world.owner, relationship=pair, stage="poc", effective_on=TODAY())
    with pytest.raises(PipelineError, match="not by the side that recorded it"):
        confirm_stage(user=world.owner, event=poc)
    with pytest.raises(PipelineError, match="Only the other side"):
        confirm_stage(user=world.taipei_member, event=poc)
    assert state_of(pair).furthest_confirmed_step == 0
    confirm_stage(user=world.tokyo_member, event=poc)
    assert state_of(pair).furthest_confirmed_step == 4
    with pytest.raises(PipelineError, match="already confirmed"):
        confirm_stage(user=world.tokyo_member, event=poc)

    order = record_stage(user=world.tokyo_member, relationship=pair, stage="order", effective_on=TODAY(),
                         amount=1_200_000, currency="TWD")
    with pytest.raises(PipelineError, match="no evidence"):
        verify_stage(user=world.tokyo_operator, event=order)
    documented = record_stage(user=world.tokyo_member, relationship=pair, stage="order", effective_on=TODAY(),
                              amount=1_200_000, currency="TWD", evidence_url="https://example.org/po.pdf")
    with pytest.raises(PipelineError, match="operators"):
        verify_stage(user=world.taipei_operator, event=documented)
    verify_stage(user=world.tokyo_operator, event=documented)
    assert state_of(pair).furthest_confirmed_step == 6


@pytest.mark.django_db
def test_history_is_append_only(world, pair):
    event = record_stage(user=world.owner, relationship=pair, stage="met", effective_on=TODAY())
    event.stage = "order"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    note = add_note(user=world.owner, relationship=pair, text="Send the NDA draft", shared=False)
    note.text = "changed"
    with pytest.raises(ValueError, match="append-only"):
        note.save()
    with pytest.raises(PipelineError, match="empty"):
        add_note(user=world.owner, relationship=pair, text="  ")
    with pytest.raises(PipelineError, match="Only the two sides"):
        add_note(user=world.tokyo_operator, relationship=pair, text="hello")


@pytest.mark.django_db
def test_a_past_funnel_is_the_same_after_later_events(world, pair):
    start = timezone.now() - dt.timedelta(days=60)
    Relationship.objects.filter(pk=pair.pk).update(opened_at=start)
    met = record_stage(user=world.owner, relationship=pair, stage="met", effective_on=TODAY() - dt.timedelta(days=59))
    StageEvent.objects.filter(pk=met.pk).update(recorded_at=start + dt.timedelta(days=1))
    history_changed(world.tokyo.pk)
    as_of = start + dt.timedelta(days=10)
    before = hub_outcomes(world.tokyo, as_of).funnel
    assert before.reached == (1, 1, 0, 0, 0, 0, 0) and before.confirmed == (1, 0, 0, 0, 0, 0, 0)
    # Later: a PoC, a confirmation of the old meeting, an investment, another relationship.
    confirm_stage(user=world.tokyo_member, event=met)
    record_stage(user=world.owner, relationship=pair, stage="poc", effective_on=TODAY())
    record_stage(user=world.owner, relationship=pair, stage="investment", effective_on=TODAY(), amount=1,
                 currency="USD")
    other_member = UserFactory(email="other@example.com")
    other = OrganisationFactory(slug="other")
    OrganisationHubFactory(organisation=other, hub=world.tokyo)
    OrganisationMembershipFactory(organisation=other, user=other_member)
    open_relationship(user=other_member, hub=world.tokyo, organisation=other, counterpart=world.organisation)
    assert hub_outcomes(world.tokyo, as_of).funnel == before
    now = hub_outcomes(world.tokyo, timezone.now()).funnel
    assert now.reached == (2, 1, 1, 1, 1, 1, 1) and now.confirmed == (2, 1, 0, 0, 0, 0, 0)


@pytest.mark.django_db
def test_an_accepted_introduction_opens_the_relationship(world):
    neighbour = world.tokyo_member.org_memberships.get().organisation
    requester, _new = MatchProfile.objects.get_or_create(organisation=world.organisation,
                                                         defaults={"kind": "startup"})
    recipient, _new = MatchProfile.objects.get_or_create(organisation=neighbour, defaults={"kind": "corporate"})
    introduction = Introduction.objects.create(hub=world.tokyo, requester=requester, recipient=recipient,
                                               requested_by=world.owner)
    assert not Relationship.objects.exists()  # asked, not yet accepted
    introduction.status = "accepted"
    introduction.answered_by = world.tokyo_member
    introduction.save()
    relationship = Relationship.objects.get()
    assert (relationship.origin, relationship.introduction, relationship.hub) == ("introduction", introduction,
                                                                                    world.tokyo)
    assert {relationship.organisation, relationship.counterpart} == {world.organisation, neighbour}
    assert state_of(relationship).current is None  # introduced, not met yet


@pytest.mark.django_db
def test_the_outcomes_report_of_a_past_date_is_identical_after_later_events(world, pair, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    yesterday = TODAY() - dt.timedelta(days=1)
    Relationship.objects.filter(pk=pair.pk).update(opened_at=timezone.now() - dt.timedelta(days=5))
    order = record_stage(user=world.owner, relationship=pair, stage="order", effective_on=yesterday,
                         amount=3_200_000, currency="TWD")
    StageEvent.objects.filter(pk=order.pk).update(recorded_at=timezone.now() - dt.timedelta(days=3))
    history_changed(world.tokyo.pk)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("outcomes-report", "--hub", "tokyo", "--as-of", (TODAY() - dt.timedelta(days=2)).isoformat(),
                 "--out", str(first))
    # Later: the order is confirmed, another is recorded, a new relationship opens.
    confirm_stage(user=world.tokyo_member, event=order)
    record_stage(user=world.tokyo_member, relationship=pair, stage="investment", effective_on=TODAY(),
                 amount=9, currency="USD")
    call_command("outcomes-report", "--hub", "tokyo", "--as-of", (TODAY() - dt.timedelta(days=2)).isoformat(),
                 "--out", str(second))
    assert first.read_bytes() == second.read_bytes()
    import json

    report = json.loads(first.read_text(encoding="utf-8"))
    assert report["steps"][6]["reached"] == 1 and report["steps"][6]["confirmed"] == 0
    assert report["amounts"] == {"order": {
        "label": "Order",
        "claimed": {"by_currency": {"TWD": 3_200_000}, "converted": 0, "amounts_without_rate": 1},  # no rates yet
        "confirmed": {"by_currency": {}, "converted": 0, "amounts_without_rate": 0}}}
    with pytest.raises(CommandError, match="--as-of"):
        call_command("outcomes-report", "--hub", "tokyo", "--as-of", "March", "--out", str(first))
    with pytest.raises(CommandError, match="--hub"):
        call_command("outcomes-report", "--hub", "nowhere", "--as-of", "2026-01-01", "--out", str(first))


@pytest.mark.django_db
def test_amounts_and_evidence_links_are_checked(world, pair):
    for changes, message in (({"amount": 0, "currency": "JPY"}, "above zero"),
                             ({"amount": 10**16, "currency": "JPY"}, "above zero"),
                             ({"evidence_url": "javascript:alert(1)"}, "web address"),
                             ({"evidence_url": "ftp://example.org/x"}, "web address"),
                             ({"evidence_url": "https://example.org/" + "x" * 300}, "200 characters")):
        with pytest.raises(PipelineError, match=message):
            record_stage(user=world.owner, relationship=pair, stage="order", effective_on=TODAY(), **changes)
    note = add_note(user=world.owner, relationship=pair, text="NDA\x00 sent")
    assert note.text == "NDA sent"
