"""Forms for rounds, registrations, requests and the day itself (shared by member and operator pages)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bridgehub.common.timezones import zone_choices
from bridgehub.exchanges.enums import DeclineReason, NextStep, SpokenLanguage
from bridgehub.exchanges.models import Programme, Round


def slot_choices(round_: Round) -> list[tuple[int, str]]:
    """Slots labelled with their times in the viewer's zone (the middleware activates it)."""
    return [
        (slot, f"{timezone.localtime(round_.slot_start(slot)):%H:%M}–{timezone.localtime(round_.slot_end(slot)):%H:%M}")
        for slot in round_.slots
    ]


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "name_zh_hant", "name_ja", "name_en", "cadence", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class RoundForm(forms.ModelForm):
    """`starts_at` is read and shown in the round's own zone (the view activates it)."""

    online_link = forms.URLField(label=_("online meeting link"), required=False, assume_scheme="https")

    class Meta:
        model = Round
        fields = ["programme", "title", "title_zh_hant", "title_ja", "title_en", "starts_at", "time_zone", "venue",
                  "venue_zh_hant", "venue_ja", "venue_en", "mode", "online_link", "slot_minutes",
                  "slot_count", "tables", "request_expiry_hours", "max_outstanding_requests", "coverage_bonus",
                  "gap_spread", "previous", "invitation_only"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, hub, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(hub=hub)
        self.fields["previous"].queryset = Round.objects.filter(programme__hub=hub).exclude(pk=self.instance.pk)
        self.fields["previous"].required = False
        self.fields["time_zone"] = forms.ChoiceField(label=_("time zone of the round"),
                                                     choices=zone_choices(self.initial.get("time_zone")))


class InterpreterForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=120)
    languages = forms.MultipleChoiceField(label=_("languages"), choices=SpokenLanguage.choices,
                                          widget=forms.CheckboxSelectMultiple)
    available_slots = forms.TypedMultipleChoiceField(label=_("available slots"), coerce=int, required=False,
                                                     widget=forms.CheckboxSelectMultiple,
                                                     help_text=_("None ticked: available all day."))

    def __init__(self, *args, round_: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["available_slots"].choices = slot_choices(round_)


class RegistrationForm(forms.Form):
    organisation_id = forms.TypedChoiceField(label=_("taking part for"), coerce=int)
    languages = forms.MultipleChoiceField(label=_("languages I can meet in"), choices=SpokenLanguage.choices,
                                          widget=forms.CheckboxSelectMultiple)
    available_slots = forms.TypedMultipleChoiceField(label=_("slots I am available"), coerce=int,
                                                     widget=forms.CheckboxSelectMultiple)
    max_meetings = forms.IntegerField(label=_("at most this many meetings"), required=False, min_value=1,
                                      max_value=48)

    def __init__(self, *args, round_: Round, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_id"].choices = [(o.pk, o.name) for o in organisations]
        self.fields["available_slots"].choices = slot_choices(round_)


class MeetingRequestForm(forms.Form):
    note = forms.CharField(label=_("note"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("reason"), choices=DeclineReason.choices)
    note = forms.CharField(label=_("comment"), required=False, max_length=300)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("why (the other side reads it)"), max_length=300,
                             widget=forms.TextInput(attrs={"autocomplete": "off"}))
    confirm = forms.BooleanField(label=_("Yes, cancel this meeting"))


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(label=_("useful?"), coerce=lambda v: v == "yes",
                                    choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect)
    next_step = forms.ChoiceField(label=_("next step"), choices=NextStep.choices)
    comment = forms.CharField(label=_("comment"), required=False, max_length=500)
