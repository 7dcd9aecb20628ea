"""Operator page of a hub's matching: strongest unmet matches, exposure fairness, rebuild."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.exchanges.domain.queries import organisation_pairs_with_requests
from bridgehub.manage.views.common import operator_view
from bridgehub.matchmaking.domain.lists import request_rebuild
from bridgehub.matchmaking.domain.operator import exposure_report, unmet_matches


@operator_view
@require_safe
def matching(request, hub):
    return render(request, "manage/matching.html", {
        "hub": hub, "unmet": unmet_matches(hub, in_touch=organisation_pairs_with_requests(hub),
                                           ui_language=request.LANGUAGE_CODE),
        **exposure_report(hub)})


@operator_view
@require_POST
def rebuild(request, hub):
    request_rebuild(hub.pk)
    messages.success(request, _("Recommendations will be recomputed in the background in a few seconds."))
    return redirect("manage:matching", hub=hub.slug)
