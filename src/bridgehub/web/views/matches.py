"""Member pages of recommendations: read them with their reasons, act on them, answer introductions."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.common.templatetags.bridgehub import select_options
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain import recommendations as domain
from bridgehub.matchmaking.domain.access import is_profile_admin
from bridgehub.matchmaking.domain.explain import reading_of
from bridgehub.matchmaking.domain.feedback import FeedbackError, give_feedback
from bridgehub.matchmaking.domain.intros import answer_introduction, default_contact_for, request_introduction
from bridgehub.matchmaking.enums import IntroDeclineReason, NotRelevantReason, Signal, SubjectKind
from bridgehub.matchmaking.models import Introduction, MatchProfile
from bridgehub.signals.domain import queries as signal_queries
from bridgehub.trust.domain.verification import badge_map
from bridgehub.web.match_cards import render_cards
from bridgehub.web.match_page import NOTHING, render_content


class CapacityForm(forms.ModelForm):
    class Meta:
        model = MatchProfile
        fields = ["monthly_capacity"]


def _reader_or_404(request, profile_id: int | None) -> MatchProfile:
    reader = domain.reader_for(request.user, profile_id)
    if reader is None:
        raise Http404
    return reader


@login_required
@require_safe
def matches(request):
    readers = domain.readers_for(request.user)
    profile_id = request.GET.get("profile", "")
    if not readers and not profile_id:
        return render(request, "web/matches.html", {"content": render_content(request, {"readers": []})})
    reader = next((r for r in readers if str(r.pk) == profile_id), None) if profile_id else readers[0]
    if reader is None:
        raise Http404
    kinds = domain.target_kinds_for(reader.kind)
    showing_saved = request.GET.get("view") == "saved"
    kind = request.GET.get("kind") if request.GET.get("kind") in kinds else kinds[0]
    taxonomy = domain.sector_map()
    page = domain.recommendations(user=request.user, reader=reader, target_kind=kind, hub_slug=request.GET.get("hub"),
                                  limit=0 if showing_saved else domain.PAGE_SIZE, taxonomy=taxonomy)
    context = {
        "showing_saved": showing_saved,
        "shortlist": domain.shortlist(user=request.user, reader=reader) if showing_saved else [],
        # An edit since the last reading: the lists below are from before it until the worker catches up.
        "rereading": reader.requested_at is not None and (reader.refreshed_at is None
                                                          or reader.requested_at > reader.refreshed_at),
        "readers": readers, "reader": reader, "page": page, "kind": kind,
        "kinds": [(k, SubjectKind(k).label) for k in kinds],
        # Tags are offered to the profile's admins only.
        "tags": domain.suggested_tags(reader, taxonomy) if (can_admin := is_profile_admin(request.user, reader))
        else [],
        "incoming": (incoming := domain.incoming_introductions(reader)),
        "capacity_form": CapacityForm(instance=reader), "can_admin": can_admin,
        "reading": reading_of(reader, request.LANGUAGE_CODE, taxonomy),
        "feedback_url": (feedback_url := reverse("web:match_feedback", args=[reader.pk])),
        "decline_reasons": IntroDeclineReason.choices,
        "default_contact": default_contact_for(request.user) if incoming else "",
        "trust": (trust := badge_map(
            [(item.target.organisation, page.hub) for item in page.items if item.target.organisation]
            + [(intro.requester.organisation, intro.hub) for intro in incoming if intro.requester.organisation])),
    }
    if not showing_saved:  # the cards: a Jinja2 fragment (web/match_cards.py says why)
        news = signal_queries.news_by_organisation(
            request.user, [item.target.organisation.pk for item in page.items if item.target.organisation],
            hub_ids=frozenset({page.hub.pk}) if page.hub else frozenset())  # the recommendations' hub is the reader's
        context["cards"] = render_cards(
            request, page, kind=kind, news=news, trust=trust, feedback_url=feedback_url,
            # The same for every card: built once here, not once per card.
            not_relevant_options=select_options(NotRelevantReason.choices),
            introduce_url=reverse("web:match_introduce", args=[reader.pk]))
    # The rarely shown parts are Django templates, rendered only when shown; the rest is one Jinja2
    # fragment (web/match_page.py says why).
    # Rendered without the request: its context processors (the top bar's reads) already ran for the page.
    partial = {**context, "request": request, "csrf_token": get_token(request)}
    parts = {"incoming": SafeString(render_to_string("web/_match_incoming.html", partial)) if incoming else NOTHING,
             "saved": SafeString(render_to_string("web/_match_saved.html", partial)) if showing_saved else NOTHING,
             # The capacity form is for admins of investors and partners (a start-up's capacity is not asked);
             # the fragment shows its section where this field is given.
             "capacity_field": SafeString("".join(render_to_string("includes/field.html", {"field": field})
                                                  for field in context["capacity_form"]))
             if can_admin and reader.kind != SubjectKind.STARTUP else NOTHING}
    return render(request, "web/matches.html", {"content": render_content(request, context, **parts)})


def _back(reader: MatchProfile, request) -> str:
    query = f"?profile={reader.pk}"
    for key in ("kind", "hub", "view"):
        if request.POST.get(key):
            query += f"&{key}={request.POST[key]}"
    return reverse("web:matches") + query


def _target_or_404(request, reader: MatchProfile) -> MatchProfile:
    """A target the reader was recommended (in any hub): others cannot be acted on from here."""
    target_id = request.POST.get("target", "")
    if not target_id.isdigit() or not reader.recommendations.filter(target_id=int(target_id)).exists():
        raise Http404
    return MatchProfile.objects.get(pk=int(target_id))


@login_required
@require_POST
def feedback(request, profile_id: int):
    reader = _reader_or_404(request, profile_id)
    target = _target_or_404(request, reader)
    signal = request.POST.get("signal", "")
    try:
        give_feedback(user=request.user, reader=reader, target=target, signal=signal,
                      reason=request.POST.get("reason", ""), undo=request.POST.get("undo") == "1")
    except FeedbackError as error:
        messages.error(request, str(error))
        return redirect(_back(reader, request))
    undo = request.POST.get("undo") == "1"
    if signal == Signal.NOT_RELEVANT and not undo:
        messages.success(request, _("Hidden. Similar recommendations move down."))
    elif signal == Signal.SAVED:
        messages.success(request, _("Removed from your saved matches.") if undo else
                         _("Saved. Find it under “Saved and introductions”."))
    return redirect(_back(reader, request))


@login_required
@require_POST
def introduce(request, profile_id: int):
    reader = _reader_or_404(request, profile_id)
    target = _target_or_404(request, reader)
    hub = get_object_or_404(Hub, slug=request.POST.get("hub", ""))
    try:
        request_introduction(user=request.user, reader=reader, target=target, hub=hub,
                             note=request.POST.get("note", ""))
        messages.success(request, _("Introduction requested. They are told by e-mail and in their inbox; their "
                                    "answer arrives in yours."))
    except FeedbackError as error:
        messages.error(request, str(error))
    return redirect(_back(reader, request))


@login_required
@require_POST
def answer(request, introduction_id: int):
    intro = get_object_or_404(Introduction.objects.select_related("recipient__person"), pk=introduction_id)
    if not domain.is_reader(request.user, intro.recipient):
        raise Http404
    accept = "accept" in request.POST
    try:
        answer_introduction(user=request.user, introduction=intro, accept=accept,
                            reason="" if accept else request.POST.get("reason", ""),
                            contact=request.POST.get("contact", "") if accept else "")
        messages.success(request, _("Accepted: they now see the contact you shared.") if accept else
                         _("Declined. They are told, without your reason."))
    except FeedbackError as error:
        messages.error(request, str(error))
    return redirect(reverse("web:matches") + f"?profile={intro.recipient_id}")


@login_required
@require_POST
def capacity(request, profile_id: int):
    reader = _reader_or_404(request, profile_id)
    form = CapacityForm(request.POST, instance=reader)
    if form.is_valid():
        try:
            domain.state_capacity(user=request.user, reader=reader, capacity=form.cleaned_data["monthly_capacity"])
        except FeedbackError as denied:
            raise Http404 from denied  # a member who is not an admin: as if the form were not there
        messages.success(request, _("Saved. Recommendations are recomputed in the background."))
    else:
        messages.error(request, "; ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(_back(reader, request))


@login_required
@require_POST
def confirm_tag(request, profile_id: int):
    reader = _reader_or_404(request, profile_id)
    try:
        sector = domain.confirm_tag(user=request.user, reader=reader, code=request.POST.get("code", ""))
        messages.success(request, _("Added %(sector)s to your sectors.") % {
            "sector": sector.label_for(request.LANGUAGE_CODE)})
    except FeedbackError as error:
        messages.error(request, str(error))
    return redirect(_back(reader, request))
