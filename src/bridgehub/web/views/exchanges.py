"""Member pages of exchange rounds: register, request, answer, agenda, calendar, the day itself."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.directory.domain.people import person_for_user
from bridgehub.exchanges.domain import dayof, participation, queries
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.domain.agenda import agenda_for, calendar_bytes, day_summary
from bridgehub.exchanges.domain.rounds import ExchangeError
from bridgehub.exchanges.domain.suggestions import suggestions_for
from bridgehub.exchanges.enums import RequestStatus, RoundStatus
from bridgehub.exchanges.forms import CancelForm, DeclineForm, FeedbackForm, MeetingRequestForm, RegistrationForm
from bridgehub.exchanges.models import Registration
from bridgehub.signals.domain import queries as signal_queries
from bridgehub.trust.domain.verification import badge_map


def _round_or_404(request, round_id: int):
    round_ = queries.access_round_for_member(request.user, round_id)
    if round_ is None:
        raise Http404
    return round_


def _registration_or_404(request, round_):
    registration = queries.registration_of(request.user, round_)
    if registration is None or not registration.confirmed:
        raise Http404
    return registration


@login_required
@require_safe
def rounds(request):
    visible = list(queries.rounds_for_member(request.user))
    mine = set(Registration.objects.filter(user=request.user, confirmed=True).values_list("round_id", flat=True))
    return render(request, "web/rounds.html", {"rounds": visible, "mine": mine})


def _profile_languages(user) -> list[str]:
    """The languages a person listed in their directory profile, as meeting languages."""
    person = person_for_user(user)
    spoken = {"zh-Hant": "zh", "ja": "ja", "en": "en"}
    return [spoken[code] for code in (person.languages if person else []) if code in spoken]


def _registration_form(request, round_, registration):
    organisations = list(queries.organisations_that_may_register(request.user, round_))
    initial: dict = {"available_slots": list(round_.slots)}
    if registration is not None:
        initial |= {"organisation_id": registration.organisation_id, "languages": registration.languages,
                    "available_slots": registration.available_slots, "max_meetings": registration.max_meetings}
    else:
        # A first registration starts from the languages the person listed in their profile.
        initial["languages"] = _profile_languages(request.user)
        if organisations:
            initial["organisation_id"] = organisations[0].pk
    data = request.POST if request.method == "POST" and "register" in request.POST else None
    return RegistrationForm(data, initial=initial, round_=round_, organisations=organisations), organisations


@login_required
def round_detail(request, round_id: int):
    round_ = _round_or_404(request, round_id)
    registration = queries.registration_of(request.user, round_)
    form, organisations = _registration_form(request, round_, registration)
    if request.method == "POST" and "register" in request.POST and form.is_valid():
        try:
            participation.register(user=request.user, round_=round_, **form.cleaned_data)
            messages.success(request, _("You are registered. Ask for meetings below."))
            return redirect("web:round", round_id=round_.pk)
        except ExchangeError as error:
            form.add_error(None, str(error))
    accepting = round_.status in participation.ACCEPTING
    invited = registration is not None
    context = {"round": round_, "registration": registration, "form": form, "organisations": organisations,
               "zone": request.user.time_zone, "accepting": accepting,
               "pinned_news": signal_queries.pinned_for_round(round_.pk, round_.programme_id),
               "by_invitation": round_.invitation_only and not invited,
               "editing": accepting and (not round_.invitation_only or invited) and (
                   request.GET.get("edit") == "1" or registration is None or not registration.confirmed)}
    if registration is not None and registration.confirmed:
        involved = list(queries.requests_involving(registration))
        to_me = [r for r in involved if r.recipient_id == registration.pk]
        context |= {
            "incoming": (incoming := [r for r in to_me if r.status == RequestStatus.PENDING]),
            "trust": badge_map([(r.sender.organisation, round_.programme.hub) for r in incoming]),
            "outgoing": [r for r in involved if r.sender_id == registration.pk],
            "agreed": [r for r in to_me if r.status != RequestStatus.PENDING],
            "suggestions": suggestions_for(registration),
            "agenda": (agenda := agenda_for(registration)),
            "day": day_summary(agenda),
            "request_form": MeetingRequestForm(), "decline_form": DeclineForm(), "feedback_form": FeedbackForm(),
            "cancel_form": CancelForm(),
            "now": timezone.now(),
            "on_the_day": round_.status == RoundStatus.PUBLISHED and dayof.check_in_open(round_),
        }
    return render(request, "web/round.html", context)


@login_required
@require_POST
def send_request(request, round_id: int, registration_id: int):
    round_ = _round_or_404(request, round_id)
    mine = _registration_or_404(request, round_)
    other = get_object_or_404(Registration, pk=registration_id, round=round_, confirmed=True)
    form = MeetingRequestForm(request.POST)
    if form.is_valid():
        try:
            sent = participation.send_request(user=request.user, sender=mine, recipient=other,
                                              note=form.cleaned_data["note"])
            if sent.status == RequestStatus.ACCEPTED:
                messages.success(request, _("%(name)s had already asked you: the meeting is agreed.")
                                 % {"name": other.organisation.name})
            elif sent.status == RequestStatus.WAITING_FOR_BOTH:
                messages.info(request, _("You met %(name)s in an earlier round: a new meeting is arranged only if "
                                         "they ask too. We kept your request.") % {"name": other.organisation.name})
            else:
                messages.success(request, _("Request sent to %(name)s.") % {"name": other.organisation.name})
        except ExchangeError as error:
            messages.error(request, str(error))
    return redirect("web:round", round_id=round_.pk)


@login_required
@require_POST
def answer_request(request, round_id: int, request_id: int):
    round_ = _round_or_404(request, round_id)
    mine = _registration_or_404(request, round_)
    found = queries.access_request(mine, request_id)
    if found is None:
        raise Http404
    try:
        if "withdraw" in request.POST:
            participation.withdraw(user=request.user, request=found)
            messages.success(request, _("Request withdrawn."))
        elif "accept" in request.POST:
            participation.respond(user=request.user, request=found, accept=True)
            messages.success(request, _("Accepted. The hub will place the meeting in the schedule."))
        else:
            form = DeclineForm(request.POST)
            if not form.is_valid():
                raise ExchangeError(_("Choose a reason for declining."))
            participation.respond(user=request.user, request=found, accept=False, reason=form.cleaned_data["reason"],
                                  note=form.cleaned_data["note"])
            messages.success(request, _("Declined."))
    except PermissionDenied as denied:
        raise Http404 from denied
    except ExchangeError as error:
        messages.error(request, str(error))
    return redirect("web:round", round_id=round_.pk)


@login_required
@require_POST
def meeting_action(request, round_id: int, meeting_id: int):
    round_ = _round_or_404(request, round_id)
    mine = _registration_or_404(request, round_)
    meeting = queries.access_meeting(mine, meeting_id)
    if meeting is None:
        raise Http404
    try:
        if "cancel" in request.POST:
            form = CancelForm(request.POST)
            if not form.is_valid():
                raise ExchangeError(_("Say why you cancel, and tick the box to confirm."))
            scheduling_domain.cancel_meeting(user=request.user, meeting=meeting, reason=form.cleaned_data["reason"])
            messages.success(request, _("Meeting cancelled; the other side is told. You can undo it for a few "
                                        "minutes."))
        elif "undo_cancel" in request.POST:
            scheduling_domain.undo_cancel(user=request.user, meeting=meeting)
            messages.success(request, _("The meeting is back in both agendas."))
        elif "no_show" in request.POST:
            dayof.report_no_show(user=request.user, meeting=meeting)
            messages.success(request, _("No-show recorded. Thank you."))
        else:
            form = FeedbackForm(request.POST)
            if not form.is_valid():
                raise ExchangeError(_("Say whether the meeting was useful."))
            dayof.give_feedback(user=request.user, meeting=meeting, **form.cleaned_data)
            messages.success(request, _("Thank you for the feedback."))
    except ExchangeError as error:
        messages.error(request, str(error))
    return redirect("web:round", round_id=round_.pk)


@login_required
@require_POST
def check_in(request, round_id: int):
    round_ = _round_or_404(request, round_id)
    try:
        dayof.check_in(user=request.user, registration=_registration_or_404(request, round_))
        messages.success(request, _("You are checked in. Enjoy your meetings."))
    except ExchangeError as error:
        messages.error(request, str(error))
    return redirect("web:round", round_id=round_.pk)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
def agenda_ics(request, round_id: int):
    round_ = _round_or_404(request, round_id)
    registration = _registration_or_404(request, round_)
    return _ics_response(calendar_bytes(registration, agenda_for(registration)), f"round-{round_.pk}.ics")


@login_required
@require_safe
def meeting_ics(request, round_id: int, meeting_id: int):
    round_ = _round_or_404(request, round_id)
    registration = _registration_or_404(request, round_)
    entries = [e for e in agenda_for(registration) if e.meeting.pk == meeting_id]
    if not entries:
        raise Http404
    return _ics_response(calendar_bytes(registration, entries), f"meeting-{meeting_id}.ics")


@login_required
@require_POST
def rotate_calendar(request, round_id: int):
    round_ = _round_or_404(request, round_id)
    participation.rotate_calendar_token(user=request.user, registration=_registration_or_404(request, round_))
    messages.success(request, _("Your calendar link was renewed: the old link no longer works. Subscribe again "
                                "with the new one."))
    return redirect("web:round", round_id=round_.pk)


@require_safe
def calendar_feed(request, token: str):
    """The personal feed a calendar app subscribes to: the secret token in the URL is the credential.
    It dies with the person's place in the round's hub (and when they renew it)."""
    registration = (Registration.objects.select_related("round", "user")
                    .filter(calendar_token=token, confirmed=True, user__is_active=True).first())
    if registration is None or queries.access_round_for_member(registration.user, registration.round_id) is None:
        raise Http404
    return _ics_response(calendar_bytes(registration, agenda_for(registration)), "bridgehub.ics")
