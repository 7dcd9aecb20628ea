"""The hub's review queue (reports, held messages, lookalikes, sanctions matches, appeals), the
screening settings, and vetting organisations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.common.trust_texts import REASONS
from bridgehub.directory.models import Organisation
from bridgehub.engines.trust.rules import DEFAULT_RULES
from bridgehub.hubs.domain.queries import hubs_operated_by
from bridgehub.manage.views.common import operator_view
from bridgehub.trust.domain import cases, verification
from bridgehub.trust.domain.queries import cases_for_hub, history_of, queue_counts
from bridgehub.trust.domain.screening import settings_for
from bridgehub.trust.domain.settings import SettingsError, save_settings
from bridgehub.trust.enums import Action, CaseStatus
from bridgehub.trust.models import Case


@operator_view
@require_safe
def queue(request, hub):
    status = request.GET.get("status", CaseStatus.OPEN)
    if status not in CaseStatus.values:
        status = CaseStatus.OPEN
    return render(request, "manage/trust.html", {
        "hub": hub, "operated_hubs": hubs_operated_by(request.user), "nav_section": "trust",
        "status": status, "statuses": CaseStatus.choices, "counts": queue_counts(hub),
        "cases": cases_for_hub(hub, status)[:200]})


@operator_view
def case_detail(request, hub, case_id: int):
    case = Case.objects.filter(hub=hub, pk=case_id).select_related(
        "subject_user", "subject_organisation", "original", "reporter", "restriction").first()
    if case is None:
        raise Http404
    if request.method == "POST":
        days = request.POST.get("days", "")
        try:
            cases.act(user=request.user, case=case, action=request.POST.get("action", ""),
                      note=request.POST.get("note", ""), days=int(days) if days.isdigit() else None)
        except cases.TrustError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("manage:trust_case", hub=hub.slug, case_id=case.pk)
        messages.success(request, _("Done. The people concerned are told by e-mail."))
        return redirect("manage:trust", hub=hub.slug)
    return render(request, "manage/trust_case.html", {
        "hub": hub, "operated_hubs": hubs_operated_by(request.user), "nav_section": "trust", "case": case,
        "history": history_of(case.subject_user, hub, case),
        "actions": [(value, Action(value).label) for value in cases.allowed_actions(case)],
        "decisions": case.decisions.select_related("actor")})


@operator_view
def trust_settings(request, hub):
    current = settings_for(hub)
    if request.method == "POST":
        try:
            save_settings(user=request.user, hub=hub, data=request.POST)
        except SettingsError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Screening settings saved; they apply to the next message."))
            return redirect("manage:trust_settings", hub=hub.slug)
    codes = list(dict.fromkeys(rule.code for rule in DEFAULT_RULES))
    default_weight = {rule.code: rule.weight for rule in reversed(DEFAULT_RULES)}
    rules = [{"code": code, "text": REASONS.get(code, code), "default": default_weight[code],
              "weight": current.weights.get(code, default_weight[code]), "on": code not in current.disabled_rules}
             for code in codes]
    return render(request, "manage/trust_settings.html", {
        "hub": hub, "operated_hubs": hubs_operated_by(request.user), "nav_section": "trust",
        "settings": current, "rules": rules})


@operator_view
@require_POST
def vet(request, hub, slug: str):
    organisation = Organisation.objects.filter(slug=slug, hub_links__hub=hub).first()
    if organisation is None:
        raise Http404
    try:
        if "clear" in request.POST:
            verification.set_vetting(user=request.user, hub=hub, organisation=organisation, vetted=False,
                                     registry_confirmed=False)
            messages.success(request, _("Verification withdrawn."))
        elif "registry" in request.POST:
            verification.set_vetting(user=request.user, hub=hub, organisation=organisation, registry_confirmed=True)
            messages.success(request, _("Registry number confirmed against the name."))
        else:
            verification.set_vetting(user=request.user, hub=hub, organisation=organisation, vetted=True)
            messages.success(request, _("Marked vetted by the hub."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        raise Http404 from None
    return redirect("web:organisation", slug=slug)
