"""An organisation's admins manage who belongs to it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bridgehub.accounts.models import User
from bridgehub.directory.domain import organisations as organisation_domain
from bridgehub.directory.domain import queries
from bridgehub.directory.enums import OrgRole


class TeamMemberForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("e-mail address"))
    role = forms.ChoiceField(choices=OrgRole.choices, label=gettext_lazy("role"))


@login_required
def team(request, slug: str):
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None or not request.user.has_perm("directory.change_organisation", organisation):
        raise Http404
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                member = User.objects.filter(pk=request.POST["remove"] if request.POST["remove"].isdigit() else 0,
                                             org_memberships__organisation=organisation).first()
                if member is None:
                    raise Http404
                organisation_domain.remove_member(user=request.user, organisation=organisation, member=member)
                messages.success(request, _("%(person)s was removed.") % {"person": member})
                return redirect("web:organisation_team", slug=slug)
            if form.is_valid():
                member = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
                if member is None:
                    form.add_error("email", _("No account uses this e-mail address; ask them to sign up first."))
                else:
                    organisation_domain.add_member(user=request.user, organisation=organisation, member=member,
                                                   role=form.cleaned_data["role"])
                    messages.success(request, _("%(person)s is now on the team.") % {"person": member})
                    return redirect("web:organisation_team", slug=slug)
        except organisation_domain.LastAdminError as error:
            messages.error(request, str(error))
    memberships = organisation.memberships.select_related("user").order_by("role", "user__email")
    return render(request, "web/team.html", {"organisation": organisation, "form": form,
                                             "memberships": memberships})
