"""Forms for rounds, registrations, requests and the day itself (shared by member and operator pages)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bridgehub.exchanges.enums import DeclineReason, NextStep, SpokenLanguage
from bridgehub.exchanges.models import Programme, Round

TIME_ZONES = ["Asia/Taipei", "Asia/Tokyo", "Asia/Singapore", "Asia/Bangkok", "Asia/Ho_Chi_Minh",
              "America/Los_Angeles", "America/New_York", "Europe/London", "UTC"]


def zone_choices(extra: str | None = None) -> list[tuple[str, str]]:
    zones = TIME_ZONES if not extra or extra in TIME_ZONES else [extra, *TIME_ZONES]
    return [(zone, zone) for zone in zones]


def slot_choices(round_: Round) -> list[tuple[int, str]]:
    """Slots labelled with their times in the viewer's zone (the middleware activates it)."""
    return [
        (slot, f"{timezone.localtime(round_.slot_start(slot)):%H:%M}–{timezone.localtime(round_.slot_end(slot)):%H:%M}")
        for slot in round_.slots
    ]


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "cadence", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class RoundForm(forms.ModelForm):
    """`starts_at` is read and shown in the round's own zone (the view activates it)."""

    online_link = forms.URLField(label=_("online meeting link"), required=False, assume_scheme="https")

    class Meta:
        model = Round
        fields = ["programme", "title", "starts_at", "time_zone", "venue", "mode", "online_link", "slot_minutes",
                  "slot_count", "tables", "request_expiry_hours", "max_outstanding_requests", "coverage_bonus",
                  "previous"]
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
    time_zone = forms.ChoiceField(label=_("show my agenda in"))

    def __init__(self, *args, round_: Round, organisations, zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_id"].choices = [(o.pk, o.name) for o in organisations]
        self.fields["available_slots"].choices = slot_choices(round_)
        self.fields["time_zone"].choices = zone_choices(zone)


class MeetingRequestForm(forms.Form):
    note = forms.CharField(label=_("note"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("reason"), choices=DeclineReason.choices)
    note = forms.CharField(label=_("comment"), required=False, max_length=300)


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(label=_("useful?"), coerce=lambda v: v == "yes",
                                    choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect)
    next_step = forms.ChoiceField(label=_("next step"), choices=NextStep.choices)
    comment = forms.CharField(label=_("comment"), required=False, max_length=500)
