import datetime as dt

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from bridgehub.exchanges.enums import MeetingStatus, RequestStatus, RoundStatus
from bridgehub.exchanges.models import Meeting, MeetingFeedback, MeetingRequest, NoShowReport, Registration, Round


def check_the_exchange_and_pipeline_demo(output: str) -> None:
    """Called by tests/directory/test_demo.py right after its `bridgehub demo` (one build of the whole demo
    per suite: it takes a minute). The rounds: one past, one published, one open; no mail sent."""
    assert "meetings scheduled in the December exchange round" in output
    statuses = dict(Round.objects.filter(starts_at__gte=dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
                    .values_list("title", "status"))
    assert statuses == {"Tokyo Deep-Tech Bridge — October": RoundStatus.CLOSED,
                        "Tokyo Deep-Tech Bridge — December": RoundStatus.PUBLISHED,
                        "Tokyo Deep-Tech Bridge — January": RoundStatus.OPEN}
    december = Round.objects.get(status=RoundStatus.PUBLISHED)
    assert december.meetings.count() >= 30
    assert december.meetings.filter(interpreter__isnull=False).exists()
    founder_meetings = Meeting.objects.filter(round=december,
                                              request__sender__user__email="founder@startup.bridgehub.example")
    assert founder_meetings.filter(request__recipient__user__email="partner@investor.bridgehub.example").exists()
    assert MeetingRequest.objects.filter(round=december, status=RequestStatus.PENDING,
                                         recipient__user__email="partner@investor.bridgehub.example").exists()
    assert MeetingFeedback.objects.exists() and NoShowReport.objects.exists()
    assert Meeting.objects.filter(status=MeetingStatus.HELD).exists()
    assert Registration.objects.filter(round__title__endswith="January", confirmed=False).count() >= 30
    assert mail.outbox == []
    # The October follow-ups went on: the pipeline has relationships at every depth, dated in the autumn.
    from bridgehub.hubs.models import Hub
    from bridgehub.pipeline.domain.outcomes import hub_outcomes
    from bridgehub.pipeline.models import StageConfirmation, StageEvent

    tokyo = Hub.objects.get(slug="tokyo")
    now = hub_outcomes(tokyo, timezone.now())
    assert now.funnel.reached[1] >= 10 and now.funnel.reached[6] >= 2 and now.funnel.confirmed[1] >= 5
    assert StageEvent.objects.filter(stage="closed_lost").exists()
    assert StageConfirmation.objects.filter(kind="verified", event__stage="investment").exists()
    early_november = hub_outcomes(tokyo, dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    assert early_november.funnel.reached[6] < now.funnel.reached[6]  # the outcomes came later
    from bridgehub.accounts.models import User
    from bridgehub.pipeline.domain.queries import views_for_user

    founder_views = views_for_user(User.objects.get(email="founder@startup.bridgehub.example"))
    assert [len(view.awaiting_me) for view in founder_views] == [1]  # the investor recorded their meeting
    # A year of history from monthly rounds, calibrated to public base rates; young cohorts still pending.
    history = Round.objects.filter(starts_at__lt=dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    assert history.count() == 11 and set(history.values_list("status", flat=True)) == {RoundStatus.CLOSED}
    from bridgehub.pipeline.models import Relationship

    from_history = set(Relationship.objects.filter(round__in=history).values_list("pk", flat=True))
    cooperation = sum(1 for pk in from_history if now.states[pk].furthest_step >= 4)
    assert 0.06 <= cooperation / len(from_history) <= 0.2  # about one meeting in eight
    # About a third of the start-ups that met someone have some cooperation (PoC or further) after a year.
    history_relationships = Relationship.objects.filter(round__in=history).select_related("organisation",
                                                                                          "counterpart")
    startup_of = {r.pk: r.organisation_id if r.organisation.kind == "startup" else r.counterpart_id
                  for r in history_relationships}
    met = set(startup_of.values())
    cooperating = {startup_of[pk] for pk in from_history if now.states[pk].furthest_step >= 4}
    assert 0.2 <= len(cooperating) / len(met) <= 0.5
    claimed_only = sum(1 for pk in from_history
                       if now.states[pk].furthest_confirmed_step < now.states[pk].furthest_step)
    assert claimed_only > 0
    oldest = next(row for _label, row in now.cohorts if row.opened_from.year == 2025)
    assert not oldest.cells[-1].pending and now.cohorts[-1][1].cells[-1].pending
    report = call_command("outcomes-report", "--hub", "tokyo", "--as-of", "2026-11-30", "--out", "/dev/null")
    assert report is None
    # The news: stories about the hub's members, some merged from two outlets, in the founder's feed.
    from bridgehub.accounts.models import User
    from bridgehub.signals.domain.queries import items_for_user
    from bridgehub.signals.models import Item, ItemCopy

    assert "news stories about its members" in output
    assert Item.objects.filter(hub=tokyo, links__isnull=False).distinct().count() >= 30
    assert ItemCopy.objects.count() > Item.objects.count()
    assert set(Item.objects.values_list("language", flat=True)) == {"ja", "zh-Hant", "en"}
    assert items_for_user(User.objects.get(email="founder@startup.bridgehub.example")).exists()
