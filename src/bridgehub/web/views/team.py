"""An organisation's admins manage who belongs to it: invitations, roles, removal."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bridgehub.directory.domain import queries
from bridgehub.directory.domain import team as team_domain
from bridgehub.directory.domain.people import consent_to_listing
from bridgehub.directory.enums import OrgRole
from bridgehub.directory.models import Person


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("e-mail address"))
    role = forms.ChoiceField(choices=OrgRole.choices, label=gettext_lazy("role"), initial=OrgRole.MEMBER)


def _number(value: str) -> int:
    return int(value) if value.isdigit() else 0


@login_required
def team(request, slug: str):
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None or not request.user.has_perm("directory.change_organisation", organisation):
        raise Http404
    form = InviteForm(request.POST if "invite" in request.POST else None)
    if request.method == "POST":
        try:
            if "remove" in request.POST or "role" in request.POST and "member" in request.POST:
                member = queries.team_member(organisation,
                                             _number(request.POST.get("remove") or request.POST["member"]))
                if member is None:
                    raise Http404
                if "remove" in request.POST:
                    team_domain.remove_member(user=request.user, organisation=organisation, member=member)
                    messages.success(request, _("%(person)s was removed.") % {"person": member})
                else:
                    team_domain.change_member_role(user=request.user, organisation=organisation, member=member,
                                                   role=request.POST["role"])
                    messages.success(request, _("Role saved."))
                return redirect("web:organisation_team", slug=slug)
            if "consent" in request.POST:
                person = organisation.affiliations.filter(person_id=_number(request.POST["consent"])).first()
                if person is None:
                    raise Http404
                consent_to_listing(user=request.user, person=person.person)
                messages.success(request, _("%(person)s is now listed.") % {"person": person.person.name})
                return redirect("web:organisation_team", slug=slug)
            if "revoke" in request.POST:
                invitation = organisation.invitations.filter(pk=_number(request.POST["revoke"])).first()
                if invitation is None:
                    raise Http404
                team_domain.revoke_team_invitation(user=request.user, invitation=invitation)
                messages.success(request, _("Invitation withdrawn."))
                return redirect("web:organisation_team", slug=slug)
            if form.is_valid():
                team_domain.invite_member(user=request.user, organisation=organisation,
                                          email=form.cleaned_data["email"], role=form.cleaned_data["role"])
                # The same words whether or not an account uses the address: nothing is revealed.
                messages.success(request, _("Invitation sent to %(email)s. The role is given when they accept it "
                                            "with that address confirmed.") % {"email": form.cleaned_data["email"]})
                return redirect("web:organisation_team", slug=slug)
        except team_domain.LastAdminError as error:
            messages.error(request, str(error))
        except (PermissionDenied, ValueError):
            messages.error(request, _("That change is not possible."))
    memberships = organisation.memberships.select_related("user").order_by("role", "user__display_name", "pk")
    return render(request, "web/team.html", {
        "organisation": organisation, "form": form, "memberships": memberships, "roles": OrgRole.choices,
        "invitations": [i for i in organisation.invitations.filter(accepted_at=None, revoked_at=None) if i.is_open],
        "awaiting_consent": Person.objects.filter(affiliations__organisation=organisation, listing_consent=False),
    })
