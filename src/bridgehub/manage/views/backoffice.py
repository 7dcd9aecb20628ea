"""The hub operator's back office: applications, members, notes."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from bridgehub.directory.domain import organisations as organisation_domain
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import ImportBatch, Organisation, OrganisationHub
from bridgehub.hubs.domain.membership import invite_to_hub, remove_from_hub, revoke_hub_invitation, set_hub_role
from bridgehub.hubs.domain.queries import hub_member, hubs_operated_by
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import HubMembership
from bridgehub.manage.views.common import operator_view


@login_required
@require_safe
def index(request):
    hubs = list(hubs_operated_by(request.user))
    if not hubs:
        raise Http404
    return redirect("manage:hub", hub=hubs[0].slug)


@operator_view
@require_safe
def hub_home(request, hub):
    links = OrganisationHub.objects.filter(hub=hub).select_related("organisation", "decided_by")
    return render(request, "manage/hub.html", {
        "hub": hub,
        "operated_hubs": hubs_operated_by(request.user),
        "pending": links.filter(status=ApprovalStatus.PENDING).order_by("created_at"),
        "approved_count": links.filter(status=ApprovalStatus.APPROVED).count(),
        "recent": links.exclude(status=ApprovalStatus.PENDING).order_by("-decided_at")[:10],
        "imports": ImportBatch.objects.filter(hub=hub).select_related("created_by")[:5],
    })


@operator_view
@require_POST
def decide(request, hub, link_id: int):
    link = OrganisationHub.objects.filter(hub=hub, pk=link_id).select_related("organisation").first()
    if link is None:
        raise Http404
    approve = request.POST.get("decision") == "approve"
    try:
        organisation_domain.decide_application(user=request.user, link=link, approve=approve,
                                               reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("manage:hub", hub=hub.slug)
    message = _("%(name)s approved.") if approve else _("%(name)s rejected; its admins are told why.")
    messages.success(request, message % {"name": link.organisation.name})
    return redirect("manage:hub", hub=hub.slug)


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("e-mail address"))
    role = forms.ChoiceField(choices=HubRole.choices, label=gettext_lazy("role"), initial=HubRole.MEMBER)


def _number(value: str) -> int:
    return int(value) if value.isdigit() else 0


@operator_view
def members(request, hub):
    form = InviteForm(request.POST if "invite" in request.POST else None)
    if request.method == "POST":
        try:
            if "remove" in request.POST or "member" in request.POST:
                member = hub_member(hub, _number(request.POST.get("remove") or request.POST["member"]))
                if member is None or member == request.user:
                    raise Http404
                if "remove" in request.POST:
                    remove_from_hub(user=request.user, hub=hub, member=member)
                    messages.success(request, _("Removed from the hub."))
                else:
                    set_hub_role(user=request.user, hub=hub, member=member, role=request.POST.get("role", ""))
                    messages.success(request, _("Role saved."))
                return redirect("manage:members", hub=hub.slug)
            if "revoke" in request.POST:
                invitation = hub.invitations.filter(pk=_number(request.POST["revoke"])).first()
                if invitation is None:
                    raise Http404
                revoke_hub_invitation(user=request.user, invitation=invitation)
                messages.success(request, _("Invitation withdrawn."))
                return redirect("manage:members", hub=hub.slug)
            if form.is_valid():
                invite_to_hub(user=request.user, hub=hub, email=form.cleaned_data["email"],
                              role=form.cleaned_data["role"])
                # The same words whether or not an account uses the address: nothing is revealed.
                messages.success(request, _("Invitation sent to %(email)s. The role is given when they accept it "
                                            "with that address confirmed.") % {"email": form.cleaned_data["email"]})
                return redirect("manage:members", hub=hub.slug)
        except (PermissionDenied, ValueError):
            messages.error(request, _("That change is not possible."))
    memberships = HubMembership.objects.filter(hub=hub).select_related("user").order_by("role", "user__display_name")
    organisations = Organisation.objects.filter(
        hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED).order_by("name")
    return render(request, "manage/members.html", {
        "hub": hub, "form": form, "memberships": memberships, "organisations": organisations[:500],
        "organisation_count": organisations.count(), "operated_hubs": hubs_operated_by(request.user),
        "roles": HubRole.choices,
        "invitations": [i for i in hub.invitations.filter(accepted_at=None, revoked_at=None) if i.is_open],
    })


@operator_view
@require_POST
def add_note(request, hub, slug: str):
    organisation = Organisation.objects.filter(slug=slug, hub_links__hub=hub).first()
    text = request.POST.get("text", "").strip()
    if organisation is None:
        raise Http404
    if not text:
        messages.error(request, _("The note is empty."))
    else:
        organisation_domain.add_operator_note(user=request.user, hub=hub, organisation=organisation, text=text)
        messages.success(request, _("Note saved. Only %(hub)s operators can read it.")
                         % {"hub": hub.name_for(translation.get_language())})
    return redirect("web:organisation", slug=slug)
