"""Operator pages of exchange rounds: programmes, round set-up, interpreters, scheduling, the desk."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from bridgehub.exchanges.domain import dayof, queries, rounds, scheduling_jobs
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.domain.rounds import ExchangeError
from bridgehub.exchanges.enums import RequestStatus, RoundStatus
from bridgehub.exchanges.forms import InterpreterForm, ProgrammeForm, RoundForm
from bridgehub.exchanges.models import Interpreter, MeetingRequest, Registration, Round, ScheduleRun
from bridgehub.manage.views.common import operator_view

PREVIEW_TIME_LIMIT = 10.0


def _number(value: str | None) -> int:
    """A posted id, or 0 (which matches nothing) when it is not a number."""
    return int(value) if value and value.isdigit() else 0


@operator_view
def round_list(request, hub):
    programme_form = ProgrammeForm(request.POST if "programme" in request.POST else None)
    programmes = list(queries.programmes_for_hub(hub))
    with timezone.override(hub.zone):
        round_form = RoundForm(request.POST if "round" in request.POST else None, hub=hub,
                               initial={"time_zone": hub.time_zone, "programme": programmes[0] if programmes else None},
                               instance=Round(time_zone=hub.time_zone))
        if request.method == "POST" and "programme" in request.POST and programme_form.is_valid():
            rounds.create_programme(user=request.user, hub=hub, **programme_form.cleaned_data)
            messages.success(request, _("Programme created."))
            return redirect("manage:rounds", hub=hub.slug)
        if request.method == "POST" and "round" in request.POST and round_form.is_valid():
            created = rounds.save_round(user=request.user, round_=round_form.save(commit=False))
            messages.success(request, _("Round created as a draft. Add interpreters, then open it."))
            return redirect("manage:round", hub=hub.slug, round_id=created.pk)
    return render(request, "manage/rounds.html", {
        "hub": hub, "programmes": programmes, "rounds": queries.rounds_for_hub(hub),
        "programme_form": programme_form, "round_form": round_form})


def _round_context(hub, round_, **extra):
    registrations = list(Registration.objects.filter(round=round_).select_related("user", "organisation"))
    statuses = Counter(MeetingRequest.objects.filter(round=round_).values_list("status", flat=True))
    interpreters = list(Interpreter.objects.filter(round=round_))
    latest = queries.latest_run(round_)
    job = scheduling_jobs.latest_job(round_)
    preview = None
    if latest is not None:
        preview = {"run": latest, "grid": queries.schedule_preview(round_, latest, interpreters),
                   "days": queries.days_in_preview(round_, latest)}
    return {"hub": hub, "round": round_, "registrations": registrations, "interpreters": interpreters,
            "pending": statuses.get(RequestStatus.PENDING, 0), "accepted": statuses.get(RequestStatus.ACCEPTED, 0),
            "preview": preview, "job": job if job and _worth_showing(job, latest) else None, **extra}


def _worth_showing(job, latest_run) -> bool:
    """A run waiting or running; or one that failed after the preview shown (its reason still matters)."""
    if job.active:
        return True
    return job.status == job.Status.FAILED and (latest_run is None or job.created_at > latest_run.created_at)


@operator_view
@require_GET
def round_job(request, hub, round_id: int):
    """The optimiser's progress, polled by the round page (htmx) while a run waits or runs; when it
    ends, the page reloads to show the preview or the reason."""
    round_ = queries.access_round_for_operator(request.user, hub, round_id)
    if round_ is None:
        raise Http404
    job = scheduling_jobs.latest_job(round_)
    response = render(request, "manage/_scheduling_job.html", {"hub": hub, "round": round_, "job": job})
    if job is None or not job.active:
        response["HX-Refresh"] = "true"
    return response


@operator_view
def round_detail(request, hub, round_id: int):
    round_ = queries.access_round_for_operator(request.user, hub, round_id)
    if round_ is None:
        raise Http404
    with timezone.override(round_.zone):
        form = RoundForm(request.POST if "save" in request.POST else None, instance=round_, hub=hub,
                         initial={"time_zone": round_.time_zone})
        interpreter_form = InterpreterForm(request.POST if "interpreter" in request.POST else None, round_=round_)
        try:
            if request.method == "POST" and "save" in request.POST and form.is_valid():
                rounds.save_round(user=request.user, round_=form.save(commit=False))
                messages.success(request, _("Round saved."))
                return redirect("manage:round", hub=hub.slug, round_id=round_.pk)
            if request.method == "POST" and "interpreter" in request.POST and interpreter_form.is_valid():
                rounds.add_interpreter(user=request.user, round_=round_, **interpreter_form.cleaned_data)
                messages.success(request, _("Interpreter added."))
                return redirect("manage:round", hub=hub.slug, round_id=round_.pk)
        except ExchangeError as error:
            messages.error(request, str(error))
        return render(request, "manage/round.html", _round_context(hub, round_, form=form,
                                                                    interpreter_form=interpreter_form))


@operator_view
@require_POST
def round_action(request, hub, round_id: int):
    """Status changes, carry-over, interpreter removal, scheduling, publishing, desk check-in."""
    round_ = queries.access_round_for_operator(request.user, hub, round_id)
    if round_ is None:
        raise Http404
    action = request.POST.get("action", "")
    try:
        if action in (RoundStatus.OPEN, RoundStatus.CLOSED, RoundStatus.DRAFT):
            rounds.set_status(user=request.user, round_=round_, status=action)
            messages.success(request, _("Round status: %(status)s.") % {"status": round_.get_status_display()})
        elif action == "carry_over":
            count = rounds.carry_over(user=request.user, round_=round_)
            messages.success(request, ngettext("%(count)d participant of the previous round was invited.",
                                              "%(count)d participants of the previous round were invited.", count)
                             % {"count": count})
        elif action == "remove_interpreter":
            interpreter = get_object_or_404(Interpreter, round=round_, pk=_number(request.POST.get("interpreter")))
            rounds.remove_interpreter(user=request.user, interpreter=interpreter)
        elif action == "schedule":
            _job, new = scheduling_jobs.request_schedule(
                user=request.user, round_=round_, time_limit=PREVIEW_TIME_LIMIT,
                keep_interpreters=request.POST.get("allow_interpreter_change") != "on")
            messages.info(request, _("The optimiser is running: the preview appears below when it is ready.") if new
                          else _("The optimiser is already running for this round: its preview appears below."))
        elif action == "publish":
            run = get_object_or_404(ScheduleRun, round=round_, pk=_number(request.POST.get("run")))
            count = scheduling_domain.publish(user=request.user, run=run)
            messages.success(request, ngettext(
                "Published. %(count)d participant gets their agenda by e-mail in a moment.",
                "Published. %(count)d participants get their agenda by e-mail in a moment.", count)
                             % {"count": count})
        elif action == "check_in":
            registration = get_object_or_404(Registration, round=round_, pk=_number(request.POST.get("registration")))
            dayof.check_in(user=request.user, registration=registration)
        else:
            raise Http404
    except ExchangeError as error:
        messages.error(request, str(error))
    return redirect("manage:round", hub=hub.slug, round_id=round_.pk)
