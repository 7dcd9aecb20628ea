"""The member's day: the dashboard (next meeting, what waits for them) and the inbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.accounts.domain import inbox as inbox_domain
from bridgehub.accounts.inbox_texts import detail, sentence
from bridgehub.directory.domain.people import person_for_user
from bridgehub.directory.domain.queries import own_organisation_roles, with_listing_data
from bridgehub.directory.models import Organisation, OrganisationHub
from bridgehub.exchanges.domain import today
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain.recommendations import introductions_to_answer
from bridgehub.pipeline.domain import queries as pipeline_queries

PAGE_SIZE = 30


def _entries(notifications) -> list[dict]:
    return [{"entry": n, "text": sentence(n.kind, n.params), "detail": detail(n.params)} for n in notifications]


def waiting_for(user) -> list[tuple[int, str, str]]:
    """What waits for the person's action, as (count, sentence, where): answered items drop out."""
    items = []
    introductions = introductions_to_answer(user)
    if introductions:
        items.append((introductions, ngettext("introduction to answer", "introductions to answer", introductions),
                      reverse("web:matches") + "#introductions"))
    requests = today.requests_to_answer(user)
    if requests:
        items.append((requests, ngettext("meeting request to answer", "meeting requests to answer", requests),
                      reverse("web:rounds")))
    for registration in today.registrations_to_confirm(user):
        title = registration.round.label_for(get_language())
        items.append((1, _("invitation to %(round)s: confirm your availability") % {"round": title},
                      reverse("web:round", kwargs={"round_id": registration.round_id})))
    to_confirm, due, stalled = pipeline_queries.waiting_for_user(user, timezone.localdate())
    if to_confirm:
        items.append((to_confirm, ngettext("stage of a relationship to confirm", "stages of relationships to confirm",
                                           to_confirm), reverse("web:relationships")))
    if due:
        items.append((due, ngettext("next step due", "next steps due", due), reverse("web:relationships")))
    if stalled:
        items.append((stalled, ngettext("relationship without news for a while",
                                        "relationships without news for a while", stalled),
                      reverse("web:relationships")))
    feedback = today.meetings_awaiting_feedback(user)
    if feedback:
        items.append((len(feedback), ngettext("meeting to give feedback on", "meetings to give feedback on",
                                              len(feedback)),
                      reverse("web:round", kwargs={"round_id": feedback[0].round_id}) + "#agenda"))
    return items


@login_required
@require_safe
def dashboard(request):
    user = request.user
    waiting = waiting_for(user)
    roles = own_organisation_roles(user)
    organisations = list(with_listing_data(Organisation.objects.filter(pk__in=list(roles))))
    return render(request, "web/dashboard.html", {
        "next": today.next_meeting(user),
        "zone": user.time_zone,
        "waiting": waiting,
        "waiting_total": sum(count for count, _text, _url in waiting),
        "recent": _entries(inbox_domain.inbox_for(user)[:5]),
        "organisations": [(org, roles[org.pk]) for org in organisations],
        "links": OrganisationHub.objects.filter(organisation__in=organisations).select_related("hub", "organisation"),
        "person": person_for_user(user),
        "operated_hubs": Hub.objects.filter(memberships__user=user, memberships__role=HubRole.OPERATOR),
    })


@login_required
@require_safe
def inbox(request):
    page = Paginator(inbox_domain.inbox_for(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "web/inbox.html", {"page": page, "entries": _entries(page.object_list)})


@login_required
@require_POST
def inbox_open(request, notification_id: int):
    entry = inbox_domain.open_entry(user=request.user, notification_id=notification_id)
    if entry is None:
        raise Http404
    # Entries hold site paths; anything else (never written by us) goes to the inbox instead.
    if not entry.url.startswith("/") or not url_has_allowed_host_and_scheme(entry.url, allowed_hosts=None):
        return redirect("web:inbox")
    return redirect(entry.url)


@login_required
@require_POST
def inbox_read_all(request):
    count = inbox_domain.mark_all_read(user=request.user)
    messages.success(request, ngettext("%(count)d entry marked as read.", "%(count)d entries marked as read.",
                                       count) % {"count": count})
    return redirect("web:inbox")
