"""The demo hub's relationships after its October round: most meetings' next steps led somewhere.

The October feedback already opened relationships (met, follow-up) through the pipeline's receivers;
here the two sides carry some of them further over October and November, the way a hub's first
months look: confirmations, NDAs, PoCs, an agreement, an investment with verified evidence, an order,
and a few that ended without result. Events are dated when they happened and recorded on those days,
so the operator's "as of" reports move through the autumn.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from bridgehub.accounts.models import User
from bridgehub.directory.enums import OrgRole
from bridgehub.directory.models import Organisation
from bridgehub.exchanges.demo import DEMO_FOUNDER, DEMO_INVESTOR, DEMO_OPERATOR
from bridgehub.exchanges.models import Programme
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.demo_history import build_history
from bridgehub.pipeline.domain.history import history_changed
from bridgehub.pipeline.domain.relationships import (
    confirm_stage,
    open_relationship,
    record_stage,
    set_next_step,
    verify_stage,
)
from bridgehub.pipeline.enums import Stage
from bridgehub.pipeline.models import Relationship, StageConfirmation, StageEvent

# (stages in order, amount, currency, closed-lost reason); applied to relationships in turn.
PATHS = [
    ([Stage.NDA, Stage.POC, Stage.AGREEMENT], 12_000_000, "JPY", ""),
    ([Stage.POC, Stage.INVESTMENT], 50_000_000, "JPY", ""),
    ([Stage.CLOSED_LOST], None, "", "timing"),
    ([Stage.NDA], None, "", ""),
    ([Stage.NDA, Stage.POC, Stage.ORDER], 3_200_000, "TWD", ""),
    ([Stage.POC], None, "", ""),
    ([Stage.CLOSED_LOST], None, "", "no_fit"),
    ([Stage.NDA, Stage.POC], None, "", ""),
]


def _speaker(organisation: Organisation) -> User | None:
    membership = organisation.memberships.filter(role=OrgRole.ADMIN).select_related("user").first()
    return membership.user if membership else None


def _backdate(event: StageEvent, when: dt.datetime) -> None:
    # Demo history is written today but happened over the autumn: recorded on the day it happened.
    StageEvent.objects.filter(pk=event.pk).update(recorded_at=when)


def build_pipeline_demo(seed: int = 20261203) -> int:
    """Advance the Tokyo hub's relationships; returns how many relationships the hub has."""
    rng = random.Random(seed)
    hub = Hub.objects.get(slug="tokyo")
    operator = User.objects.get(email=DEMO_OPERATOR)
    relationships = list(Relationship.objects.filter(hub=hub, counterpart__isnull=False)
                         .select_related("organisation", "counterpart", "meeting").order_by("pk"))
    started = dt.datetime(2026, 10, 16, 10, 0, tzinfo=hub.zone)
    latest = timezone.now() - dt.timedelta(days=1)
    for number, relationship in enumerate(relationships):
        sides = [_speaker(relationship.organisation), _speaker(relationship.counterpart)]
        if None in sides:
            continue
        Relationship.objects.filter(pk=relationship.pk).update(opened_at=started)
        for event in relationship.events.all():
            _backdate(event, started)
            if rng.random() < 0.75:  # the other side confirms the meeting and the follow-up
                other = sides[1] if event.side_id == relationship.organisation_id else sides[0]
                confirmation = confirm_stage(user=other, event=event)
                StageConfirmation.objects.filter(pk=confirmation.pk).update(at=started + dt.timedelta(days=2))
        if number >= len(PATHS):
            continue
        stages, amount, currency, reason = PATHS[number]
        when = started
        for stage in stages:
            when = min(when + dt.timedelta(days=rng.randint(6, 14)), latest)
            recorder, other = sides if rng.random() < 0.5 else sides[::-1]
            final = stage == stages[-1]
            event = record_stage(
                user=recorder, relationship=relationship, stage=stage, effective_on=when.date(),
                amount=amount if final and amount else None, currency=currency if final and amount else "",
                lost_reason=reason if stage == Stage.CLOSED_LOST else "",
                evidence_url="https://example.org/press/bridge-demo" if final and stage == Stage.INVESTMENT else "")
            _backdate(event, when)
            if stage != Stage.CLOSED_LOST and rng.random() < 0.7:
                confirmation = confirm_stage(user=other, event=event)
                StageConfirmation.objects.filter(pk=confirmation.pk).update(at=when + dt.timedelta(days=1))
            if event.evidence_url:
                verification = verify_stage(user=operator, event=event)
                StageConfirmation.objects.filter(pk=verification.pk).update(at=when + dt.timedelta(days=3))
    _founder_and_investor(hub)
    build_history(hub, Programme.objects.filter(hub=hub).order_by("pk").first(), operator)
    history_changed(hub.pk)  # the dates above were moved back outside the domain functions
    return Relationship.objects.filter(hub=hub).count()


def _founder_and_investor(hub: Hub) -> None:
    """The demo founder met the demo investor at the hub's office hours in November: the investor recorded
    the meeting (awaiting the founder's confirmation) and a due-diligence call as the next step."""
    founder = User.objects.get(email=DEMO_FOUNDER)
    investor = User.objects.get(email=DEMO_INVESTOR)
    startup = founder.org_memberships.select_related("organisation").first()
    fund = investor.org_memberships.select_related("organisation").first()
    if startup is None or fund is None:
        return
    relationship, _new = open_relationship(user=founder, hub=hub, organisation=startup.organisation,
                                           counterpart=fund.organisation, system=True)
    met_on = dt.datetime(2026, 11, 12, 16, 0, tzinfo=hub.zone)
    Relationship.objects.filter(pk=relationship.pk).update(opened_at=met_on)
    _backdate(record_stage(user=investor, relationship=relationship, stage=Stage.MET, effective_on=met_on.date()),
              met_on)
    set_next_step(user=investor, relationship=relationship, text="Due-diligence call with the fund's partners",
                  due_on=(timezone.now() + dt.timedelta(days=7)).date())
