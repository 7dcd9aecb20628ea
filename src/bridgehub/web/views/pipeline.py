"""A member's relationships after introductions and meetings: where each stands, what to confirm, next steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.directory.domain.queries import access_organisation_for_user, own_organisation_roles
from bridgehub.pipeline.domain import queries
from bridgehub.pipeline.domain.relationships import (
    PipelineError,
    add_note,
    confirm_stage,
    open_relationship,
    record_stage,
    set_next_step,
)
from bridgehub.pipeline.enums import NEXT_STAGE, Origin, Stage
from bridgehub.pipeline.forms import NextStepForm, NoteForm, StageForm
from bridgehub.pipeline.models import StageEvent
from bridgehub.signals.domain import queries as signal_queries


@login_required
@require_safe
def relationships(request):
    return render(request, "web/relationships.html", {"views": queries.views_for_user(request.user)})


@login_required
@require_POST
def relationship_open(request):
    """Start tracking a relationship by hand with an organisation of one's hub (from its profile): `slug` of
    the other organisation, `via` = "<hub id>:<own organisation id>" among those the profile offered."""
    counterpart = access_organisation_for_user(request.user, request.POST.get("slug", ""))
    if counterpart is None:
        raise Http404
    choices = {f"{hub.pk}:{own.pk}": (hub, own) for hub, own, _existing in
               queries.manual_openings_for(request.user, counterpart)}
    chosen = choices.get(request.POST.get("via", ""))
    if chosen is None:
        messages.error(request, _("Choose the hub and your organisation for this relationship."))
        return redirect("web:organisation", slug=counterpart.slug)
    hub, own = chosen
    try:
        relationship, created = open_relationship(user=request.user, hub=hub, organisation=own,
                                                  counterpart=counterpart, origin=Origin.MANUAL)
    except PipelineError as error:
        messages.error(request, str(error))
        return redirect("web:organisation", slug=counterpart.slug)
    if created:
        messages.success(request, _("Relationship opened: record its stages as it goes."))
    return redirect("web:relationship", relationship_id=relationship.pk)


def _relationship_or_404(request, relationship_id: int):
    relationship = queries.access_relationship_for_user(request.user, relationship_id)
    if relationship is None:
        raise Http404
    return relationship


@login_required
@require_safe
def relationship(request, relationship_id: int):
    found = _relationship_or_404(request, relationship_id)
    view = queries.view_for(request.user, found)
    following = NEXT_STAGE.get(view.state.current) if view.state.open else None
    other_id = found.counterpart_id if found.organisation_id in own_organisation_roles(request.user) else (
        found.organisation_id)
    return render(request, "web/relationship.html", {
        "news": signal_queries.news_by_organisation(request.user, [other_id], per_organisation=5).get(other_id, [])
        if other_id else [],
        "view": view, "notes": queries.notes_for(request.user, found),
        "advance": (following, Stage(following).label) if following else None,
        "today": timezone.localdate().isoformat(),
        "stage_form": StageForm(), "note_form": NoteForm(),
        "next_step_form": NextStepForm(initial={"next_step": found.next_step, "next_step_on": found.next_step_on}),
    })


@login_required
@require_POST
def relationship_act(request, relationship_id: int):
    """One endpoint for the page's forms (`action`: stage, confirm, note, next_step); errors come back as
    messages and nothing is written."""
    found = _relationship_or_404(request, relationship_id)
    action = request.POST.get("action", "")
    try:
        if action == "stage":
            form = StageForm(request.POST)
            if not form.is_valid():
                raise PipelineError("; ".join(f"{form.fields[name].label}: {' '.join(errors)}"
                                              for name, errors in form.errors.items()))
            record_stage(user=request.user, relationship=found, **form.cleaned_data)
            messages.success(request, _("Stage recorded. It counts as claimed until the other side confirms it."))
        elif action == "confirm":
            event_id = request.POST.get("event", "")
            event = StageEvent.objects.filter(relationship=found, pk=int(event_id) if event_id.isdigit() else 0).first()
            if event is None:
                raise Http404
            confirm_stage(user=request.user, event=event)
            messages.success(request, _("Confirmed."))
        elif action == "note":
            form = NoteForm(request.POST)
            if not form.is_valid():
                raise PipelineError(_("The note is empty."))
            add_note(user=request.user, relationship=found, **form.cleaned_data)
            messages.success(request, _("Note added."))
        elif action == "next_step":
            form = NextStepForm(request.POST)
            if not form.is_valid():
                raise PipelineError("; ".join(" ".join(errors) for errors in form.errors.values()))
            set_next_step(user=request.user, relationship=found, text=form.cleaned_data["next_step"],
                          due_on=form.cleaned_data["next_step_on"])
            messages.success(request, _("Next step saved."))
        else:
            raise PipelineError(_("Unknown action."))
    except PipelineError as error:
        messages.error(request, str(error))
    return redirect("web:relationship", relationship_id=found.pk)
