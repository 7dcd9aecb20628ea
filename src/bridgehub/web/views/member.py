"""Pages for signed-in members: dashboard, organisation create/edit, settings, API tokens."""

from __future__ import annotations

from django import forms
from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import modelformset_factory
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bridgehub.accounts.domain.addresses import has_verified_address
from bridgehub.accounts.domain.mailing import allowed_modes
from bridgehub.accounts.domain.tokens import issue_token, revoke_token
from bridgehub.accounts.enums import DEFAULT_MODES, MailMode, MailTopic
from bridgehub.accounts.forms import zone_field
from bridgehub.accounts.models import User
from bridgehub.common.languages import CONTENT_LANGUAGE_CHOICES
from bridgehub.directory.domain import organisations as organisation_domain
from bridgehub.directory.domain import queries
from bridgehub.directory.forms import (
    AskOfferForm,
    OrganisationForm,
    ProfileTextForm,
    check_written_in_one_language,
)
from bridgehub.directory.models import AskOffer, Organisation
from bridgehub.hubs.models import Hub

AskOfferFormSet = modelformset_factory(AskOffer, form=AskOfferForm, extra=2, can_delete=True)


class HubChoiceForm(forms.Form):
    hubs = forms.ModelMultipleChoiceField(queryset=Hub.objects.order_by("pk"), widget=forms.CheckboxSelectMultiple,
                                          label=gettext_lazy("apply to hubs"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = translation.get_language()
        self.fields["hubs"].label_from_instance = lambda hub: hub.name_for(language)


def _text_forms(data, organisation: Organisation | None):
    existing = {text.language: text for text in organisation.texts.all()} if organisation else {}
    forms_by_language = []
    for language, name in CONTENT_LANGUAGE_CHOICES:
        text = existing.get(language)
        initial = ({"tagline": text.tagline, "summary": text.summary, "member_details": text.member_details}
                   if text else None)
        forms_by_language.append((language, name, ProfileTextForm(data, prefix=f"text-{language}", initial=initial)))
    return forms_by_language


def _organisation_form(data, instance=None):
    form = OrganisationForm(data, instance=instance)
    form.ui_language = translation.get_language()
    return form


@login_required
def create_organisation(request):
    if not has_verified_address(request.user):
        # Creating an organisation makes its creator the admin: a role, so a confirmed address first.
        return render(request, "web/verify_first.html", {"email": request.user.email})
    data = request.POST if request.method == "POST" else None
    form = _organisation_form(data)
    hub_form = HubChoiceForm(data)
    text_forms = _text_forms(data, None)
    if data is not None and form.is_valid() and hub_form.is_valid() and all(f.is_valid() for _l, _n, f in text_forms):
        texts = {language: f.cleaned_data for language, _name, f in text_forms}
        try:
            check_written_in_one_language(texts)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            organisation = form.save(commit=False)
            organisation_domain.create_organisation(user=request.user, organisation=organisation,
                                                    sectors=form.cleaned_data["sectors"],
                                                    hubs=hub_form.cleaned_data["hubs"])
            organisation_domain.save_profile_texts(user=_fresh(request.user), organisation=organisation, texts=texts)
            messages.success(request, _("Your organisation was created and is waiting for the hub's approval."))
            return redirect("web:organisation", slug=organisation.slug)
    return render(request, "web/organisation_form.html", {
        "form": form, "hub_form": hub_form, "text_forms": text_forms, "creating": True,
    })


def _fresh(user):
    """The same user without per-request role caches (roles changed during this request)."""
    return User.objects.get(pk=user.pk)


@login_required
def edit_organisation(request, slug: str):
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None or not request.user.has_perm("directory.change_organisation", organisation):
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = _organisation_form(data, instance=organisation)
    text_forms = _text_forms(data, organisation)
    formset = AskOfferFormSet(data, queryset=organisation.asks_offers.all(), prefix="items")
    if data is not None and form.is_valid() and formset.is_valid() and all(f.is_valid() for _l, _n, f in text_forms):
        texts = {language: f.cleaned_data for language, _name, f in text_forms}
        try:
            check_written_in_one_language(texts)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            organisation_domain.update_organisation(user=request.user, organisation=form.save(commit=False),
                                                    sectors=form.cleaned_data["sectors"])
            organisation_domain.save_profile_texts(user=request.user, organisation=organisation, texts=texts)
            # Untouched extra rows have empty cleaned_data; deleted rows are dropped by replacement.
            items = [f.save(commit=False) for f in formset.forms if f.cleaned_data and not f.cleaned_data["DELETE"]]
            organisation_domain.replace_asks_offers(user=request.user, organisation=organisation, items=items)
            messages.success(request, _("Profile saved."))
            return redirect("web:organisation", slug=organisation.slug)
    return render(request, "web/organisation_form.html", {
        "form": form, "text_forms": text_forms, "formset": formset, "organisation": organisation,
    })


@login_required
@require_POST
def apply_to_hub(request, slug: str):
    organisation = queries.access_organisation_for_user(request.user, slug)
    hub = Hub.objects.filter(slug=request.POST.get("hub", "")).first()
    if organisation is None or hub is None or not request.user.has_perm("directory.change_organisation",
                                                                         organisation):
        raise Http404
    organisation_domain.apply_to_hub(user=request.user, organisation=organisation, hub=hub)
    messages.success(request, _("Application sent to %(hub)s.") % {"hub": hub.name_for(translation.get_language())})
    return redirect("web:organisation", slug=slug)


class SettingsForm(forms.ModelForm):
    """Name, time zone, language, and for each mail topic whether it comes at once, daily or not at all."""

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = zone_field(self.instance.time_zone)
        self.fields["language"] = forms.ChoiceField(
            label=_("my language"), choices=[(code, translation.get_language_info(code)["name_local"])
                                             for code, _name in django_settings.LANGUAGES],
            help_text=_("The site and every e-mail to you use this language."), required=False)
        for topic in MailTopic:
            self.fields[f"mail_{topic.value}"] = forms.ChoiceField(
                label=topic.label, initial=self.instance.mail_mode(topic), widget=forms.RadioSelect, required=False,
                choices=[(mode, MailMode(mode).label) for mode in allowed_modes(topic)])

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.instance.language  # a form without it keeps it

    def mail_fields(self):
        return [self[f"mail_{topic.value}"] for topic in MailTopic]

    def profile_fields(self):
        return [self[name] for name in self.Meta.fields]

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        chosen = {topic.value: self.cleaned_data.get(f"mail_{topic.value}") or self.instance.mail_mode(topic)
                  for topic in MailTopic}  # a topic the form did not send keeps its mode
        user.mail_preferences = {topic: mode for topic, mode in chosen.items()
                                 if mode != DEFAULT_MODES.get(topic, MailMode.INSTANT)}
        if commit:
            user.save()
        return user


@login_required
def settings_view(request):
    form = SettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        messages.success(request, _("Settings saved."))
        response = redirect("web:settings")
        response.set_cookie(django_settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
        return response
    return render(request, "web/settings.html", {"form": form})


@login_required
def tokens(request):
    new_token = None
    if request.method == "POST":
        if "revoke" in request.POST:
            token_id = request.POST["revoke"]
            revoke_token(user=request.user, token_id=int(token_id) if token_id.isdigit() else 0)
            messages.success(request, _("Token revoked."))
            return redirect("web:tokens")
        name = request.POST.get("name", "").strip()[:80] or _("API token")
        _token, new_token = issue_token(user=request.user, name=name)
    return render(request, "web/tokens.html", {"tokens": request.user.api_tokens.order_by("-created_at"),
                                               "new_token": new_token})
