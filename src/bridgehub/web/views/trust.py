"""A member's side of trust: reporting, their own standing (measures and appeals), proving a domain."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from bridgehub.directory.domain import queries as directory_queries
from bridgehub.hubs.models import Hub
from bridgehub.trust.domain import cases, verification
from bridgehub.trust.domain.queries import measures_on
from bridgehub.trust.enums import SubjectKind
from bridgehub.trust.models import Restriction


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def report(request):
    kind = request.POST.get("kind", "")
    subject = request.POST.get("subject", "")
    hub = Hub.objects.filter(slug=request.POST.get("hub", "")).first()
    if kind not in SubjectKind.values or not subject.isdigit():
        raise Http404
    if kind == SubjectKind.ORGANISATION and (hub is None or hub.pk not in directory_queries.member_hub_ids(
            request.user)):
        raise Http404
    try:
        cases.report(user=request.user, subject_kind=kind, subject_id=int(subject), hub=hub,
                     reason=request.POST.get("reason", ""), comment=request.POST.get("comment", ""))
    except cases.TrustError as error:
        if "subject" in error.message_dict:
            raise Http404 from None
        messages.error(request, " ".join(error.messages))
        return _back(request, "web:dashboard")
    messages.success(request, _("Thank you: the hub's operators will review your report. The other member is not "
                                "told who reported."))
    return _back(request, "web:dashboard")


class AppealForm(forms.Form):
    restriction = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(label=gettext_lazy("Why should the measure be lifted?"), widget=forms.Textarea(
        attrs={"rows": 4}), max_length=4000)


@login_required
def standing(request):
    """The member's measures in every hub, each with its reason, end and appeal."""
    form = AppealForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid() and "restriction" in form.errors:
            raise Http404  # no measure named: as if it did not exist
        restriction = Restriction.objects.filter(pk=form.cleaned_data.get("restriction", 0),
                                                 user=request.user).first()
        if restriction is None:
            raise Http404  # another member's measure looks like a missing one
        if form.is_valid():
            try:
                cases.appeal(user=request.user, restriction=restriction, text=form.cleaned_data["text"])
            except cases.TrustError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Your appeal is with the hub's operators. You will hear from them by "
                                            "e-mail."))
                return redirect("web:standing")
    return render(request, "web/standing.html", {"measures": measures_on(request.user), "form": form})


class DomainProofForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("An e-mail address on the website's domain"))


@login_required
def domain_proof(request, slug: str):
    organisation = directory_queries.access_organisation_for_user(request.user, slug)
    if organisation is None or not request.user.has_perm("directory.change_organisation", organisation):
        raise Http404
    form = DomainProofForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            verification.request_domain_proof(user=request.user, organisation=organisation,
                                              email=form.cleaned_data["email"])
        except ValidationError as error:
            form.add_error("email", error.message_dict.get("email", error.messages))
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("A link is on its way to %(email)s. Open it within three days.")
                             % {"email": form.cleaned_data["email"]})
            return redirect("web:organisation", slug=slug)
    return render(request, "web/domain_proof.html", {
        "organisation": organisation, "form": form, "domain": verification.website_domain(organisation),
        "proof": verification.proved_domain(organisation)})


@require_http_methods(["GET", "HEAD", "POST"])
def domain_confirm(request, token: str):
    """The mailed link: a page with one button (a link scanner opening the URL proves nothing)."""
    if request.method == "POST":
        proof = verification.confirm_domain_proof(token)
        if proof is None:
            raise Http404
        messages.success(request, _("%(domain)s is confirmed as the domain of %(name)s.")
                         % {"domain": proof.domain, "name": proof.organisation.name})
        return redirect("web:organisation", slug=proof.organisation.slug)
    return render(request, "web/domain_confirm.html", {"token": token})
