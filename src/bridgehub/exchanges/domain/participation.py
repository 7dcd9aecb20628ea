"""Registration and meeting requests: the member side of a round before the day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.exchanges.domain import notify
from bridgehub.exchanges.domain.queries import organisations_that_may_register
from bridgehub.exchanges.domain.rounds import ExchangeError, clean_languages, clean_slots
from bridgehub.exchanges.enums import MeetingStatus, RequestStatus, RoundStatus
from bridgehub.exchanges.models import Meeting, MeetingRequest, NoShowReport, Registration, Round
from bridgehub.exchanges.models.participation import new_calendar_token
from bridgehub.trust.domain.cases import blocked_reason, is_suspended
from bridgehub.trust.domain.screening import record_screening, screen_note
from bridgehub.trust.enums import ScreenOutcome

ACCEPTING = (RoundStatus.OPEN, RoundStatus.PUBLISHED)
REMIND_BEFORE = dt.timedelta(hours=24)


def no_show_priority(user_id: int, hub_id: int, *, exclude_round: int | None = None) -> float:
    """1.0, halved for every no-show reported against the person in the hub's rounds, floor 0.25."""
    misses = NoShowReport.objects.filter(absent__user_id=user_id, meeting__round__programme__hub_id=hub_id)
    if exclude_round is not None:
        misses = misses.exclude(meeting__round_id=exclude_round)
    return max(0.25, 0.5 ** misses.count())


def register(*, user: Any, round_: Round, organisation_id: int, languages: list[str], available_slots: list[int],
             max_meetings: int | None) -> Registration:
    """Register (or update / confirm a carried-over registration).

    Side effects: the registration row. A person may not drop availability in a slot where they
    already have a published meeting (they cancel the meeting first, so the other side is told).
    """
    if round_.status not in ACCEPTING:
        raise ExchangeError(_("This round is not open for registration."))
    if is_suspended(user, round_.programme.hub_id):
        raise ExchangeError(_("The hub's operators suspended your account in this hub. You can appeal on your "
                              "standing page."))
    if round_.invitation_only and not Registration.objects.filter(round=round_, user=user).exists():
        raise ExchangeError(_("This round is by invitation: the hub invites its participants."))
    if not organisations_that_may_register(user, round_).filter(pk=organisation_id).exists():
        raise PermissionDenied
    slots = clean_slots(round_, available_slots)
    if not slots:
        raise ExchangeError(_("Choose at least one slot when you are available."))
    spoken = clean_languages(languages)
    with transaction.atomic():
        registration = Registration.objects.select_for_update().filter(round=round_, user=user).first()
        if registration is None:
            registration = Registration(round=round_, user=user)
        else:
            busy = {m.slot for m in Meeting.objects.filter(
                Q(request__sender=registration) | Q(request__recipient=registration),
                status=MeetingStatus.SCHEDULED)}
            dropped = sorted(busy - set(slots))
            if dropped:
                raise ExchangeError(_("You have a meeting in slot %(slot)d: cancel it before you drop that slot.")
                                    % {"slot": dropped[0] + 1})
        registration.organisation_id = organisation_id
        registration.languages = spoken
        registration.available_slots = slots
        registration.max_meetings = max_meetings
        registration.confirmed = True
        registration.priority = no_show_priority(user.pk, round_.programme.hub_id, exclude_round=round_.pk)
        registration.save()
    return registration


def _met_before(sender: Registration, recipient: Registration) -> bool:
    """Did these two organisations meet in an earlier round of the same programme?"""
    pair = Q(request__sender__organisation=sender.organisation_id,
             request__recipient__organisation=recipient.organisation_id)
    pair |= Q(request__sender__organisation=recipient.organisation_id,
              request__recipient__organisation=sender.organisation_id)
    return (Meeting.objects.filter(pair, round__programme_id=sender.round.programme_id)
            .exclude(round_id=sender.round_id).exclude(status=MeetingStatus.CANCELLED).exists())


def send_request(*, user: Any, sender: Registration, recipient: Registration, note: str = "",
                 now: dt.datetime | None = None) -> MeetingRequest:
    """Ask for a meeting.

    Rules: both registered in the same open round; not with oneself or one's own organisation; at
    most `max_outstanding_requests` waiting for an answer; one request per direction. If the other
    side already asked us, that request becomes accepted and mutual instead. A pair that met in an
    earlier round of the programme is held (unseen by the other side) until both ask.
    Side effects: the request row; an e-mail to the recipient (or both, when mutual) after commit.
    """
    now = now or timezone.now()
    round_ = sender.round
    if sender.user_id != user.pk:
        raise PermissionDenied
    if round_.status not in ACCEPTING:
        raise ExchangeError(_("This round no longer takes requests."))
    if recipient.round_id != round_.pk or not recipient.confirmed or not sender.confirmed:
        raise ExchangeError(_("Both sides must be registered in this round."))
    if recipient.organisation_id == sender.organisation_id:
        raise ExchangeError(_("You cannot request a meeting with your own organisation."))
    if (blocked := blocked_reason(user, round_.programme.hub_id)) is not None:
        raise ExchangeError(blocked)
    with transaction.atomic():
        reverse = (MeetingRequest.objects.select_for_update()
                   .filter(round=round_, sender=recipient, recipient=sender).first())
        if reverse is not None and reverse.status in (RequestStatus.PENDING, RequestStatus.WAITING_FOR_BOTH):
            reverse.status = RequestStatus.ACCEPTED
            reverse.mutual = True
            reverse.responded_at = now
            reverse.save(update_fields=["status", "mutual", "responded_at"])
            transaction.on_commit(lambda: notify.request_answered(reverse))
            return reverse
        if reverse is not None and reverse.status == RequestStatus.ACCEPTED:
            raise ExchangeError(_("You already agreed to meet."))
        existing = MeetingRequest.objects.select_for_update().filter(round=round_, sender=sender,
                                                                      recipient=recipient).first()
        if existing is not None and existing.status not in (RequestStatus.EXPIRED, RequestStatus.WITHDRAWN):
            raise ExchangeError(_("You already sent this request (%(status)s).")
                                % {"status": existing.get_status_display()})
        outstanding = MeetingRequest.objects.filter(round=round_, sender=sender, status=RequestStatus.PENDING).count()
        if outstanding >= round_.max_outstanding_requests:
            raise ExchangeError(_("You have %(count)d requests waiting for an answer, the most this round allows. "
                                  "Wait for answers or withdraw one.") % {"count": outstanding})
        request = existing or MeetingRequest(round=round_, sender=sender, recipient=recipient)
        request.note = note
        hub = round_.programme.hub
        screening = screen_note(text=note, user=user, organisation=sender.organisation, hub=hub,
                                recipient_kind=recipient.organisation.kind)
        request.screen_score = screening.verdict.score if screening else 0.0
        request.screen_reasons = list(screening.verdict.reasons) if screening else []
        request.screen_outcome = screening.outcome if screening else ScreenOutcome.DELIVERED
        request.status = RequestStatus.WAITING_FOR_BOTH if _met_before(sender, recipient) else RequestStatus.PENDING
        request.expires_at = now + dt.timedelta(hours=round_.request_expiry_hours)
        request.responded_at = request.reminded_at = None
        request.decline_reason, request.decline_note = "", ""
        request.save()
        record_screening(screening=screening, hub=hub, user=user, organisation=sender.organisation,
                         ref=f"meeting_request:{request.pk}", text=note)
        if request.status == RequestStatus.PENDING:
            transaction.on_commit(lambda: notify.request_received(request))
    return request


def respond(*, user: Any, request: MeetingRequest, accept: bool, reason: str = "", note: str = "",
            now: dt.datetime | None = None) -> MeetingRequest:
    """Accept or decline (with a reason). Side effects: the row; an e-mail to the sender after commit."""
    now = now or timezone.now()
    if request.recipient.user_id != user.pk:
        raise PermissionDenied
    # An overdue request is expired now, whether or not the sweep has run; that change stands even
    # though the answer is refused.
    MeetingRequest.objects.filter(pk=request.pk, status=RequestStatus.PENDING, expires_at__lte=now).update(
        status=RequestStatus.EXPIRED)
    with transaction.atomic():
        request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != RequestStatus.PENDING:
            raise ExchangeError(_("This request is no longer waiting for an answer (%(status)s).")
                                % {"status": request.get_status_display()})
        if not accept and not reason:
            raise ExchangeError(_("Choose a reason for declining."))
        request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        request.decline_reason = "" if accept else reason
        request.decline_note = "" if accept else note
        request.responded_at = now
        request.save()
        transaction.on_commit(lambda: notify.request_answered(request))
    return request


def withdraw(*, user: Any, request: MeetingRequest) -> MeetingRequest:
    """The sender takes back a request nobody has answered yet."""
    if request.sender.user_id != user.pk:
        raise PermissionDenied
    if request.status not in (RequestStatus.PENDING, RequestStatus.WAITING_FOR_BOTH):
        raise ExchangeError(_("Only a request still waiting for an answer can be withdrawn."))
    request.status = RequestStatus.WITHDRAWN
    request.save(update_fields=["status"])
    return request


def expire_overdue(now: dt.datetime | None = None) -> int:
    """Mark unanswered requests past their expiry as expired; e-mail their senders. Returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        overdue = list(MeetingRequest.objects.select_for_update()
                       .filter(status=RequestStatus.PENDING, expires_at__lte=now))
        MeetingRequest.objects.filter(pk__in=[r.pk for r in overdue]).update(status=RequestStatus.EXPIRED)
        transaction.on_commit(lambda: notify.each(notify.request_expired, overdue))
    return len(overdue)


def send_reminders(now: dt.datetime | None = None) -> int:
    """Remind recipients once, a day before a request expires. Returns how many were reminded."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(MeetingRequest.objects.select_for_update().filter(
            status=RequestStatus.PENDING, reminded_at__isnull=True, expires_at__gt=now,
            expires_at__lte=now + REMIND_BEFORE))
        MeetingRequest.objects.filter(pk__in=[r.pk for r in due]).update(reminded_at=now)
        transaction.on_commit(lambda: notify.each(notify.request_reminder, due))
    return len(due)


def rotate_calendar_token(*, user: Any, registration: Registration) -> Registration:
    """A new secret for the person's calendar feed: the old link stops working at once (a shared or
    leaked feed URL can be cut off). Side effects: the registration's token."""
    if registration.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        registration.calendar_token = new_calendar_token()
        registration.save(update_fields=["calendar_token"])
    return registration
