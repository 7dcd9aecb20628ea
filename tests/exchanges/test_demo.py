import pytest
from django.core import mail
from django.core.management import call_command

from bridgehub.exchanges.enums import MeetingStatus, RequestStatus, RoundStatus
from bridgehub.exchanges.models import Meeting, MeetingFeedback, MeetingRequest, NoShowReport, Registration, Round


@pytest.mark.django_db
def test_demo_has_a_past_a_published_and_an_open_round_without_sending_mail(capsys):
    call_command("demo")
    assert "meetings scheduled in the December exchange round" in capsys.readouterr().out
    statuses = dict(Round.objects.values_list("title", "status"))
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
