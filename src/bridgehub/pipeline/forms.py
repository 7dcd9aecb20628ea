from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from bridgehub.common.money import CURRENCY_CHOICES, AmountField
from bridgehub.pipeline.enums import LostReason, Stage


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("stage"), choices=Stage.choices)
    effective_on = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    amount = AmountField(label=_("amount"), required=False)
    currency = forms.ChoiceField(label=_("currency"), choices=[("", "—"), *CURRENCY_CHOICES], required=False)
    lost_reason = forms.ChoiceField(label=_("reason"), choices=[("", "—"), *LostReason.choices], required=False)
    evidence_url = forms.URLField(label=_("evidence (a link to a document or a press release)"), required=False,
                                  assume_scheme="https")


class NoteForm(forms.Form):
    text = forms.CharField(label=_("note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    shared = forms.BooleanField(label=_("shared with the other side"), required=False, initial=True)


class NextStepForm(forms.Form):
    next_step = forms.CharField(label=_("next step"), max_length=300, required=False)
    next_step_on = forms.DateField(label=_("next step by"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class StaleAfterForm(forms.ModelForm):
    """Days without a new stage after which a relationship at each stage counts as stalled (0: never)."""

    class Meta:
        from bridgehub.pipeline.models import PipelineSettings

        model = PipelineSettings
        fields = ["stale_after_met", "stale_after_follow_up", "stale_after_nda", "stale_after_poc",
                  "stale_after_agreement"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.min_value, field.max_value = 0, 3650
            field.validators.append(MaxValueValidator(3650))
            field.widget.attrs.update({"min": 0, "max": 3650, "inputmode": "numeric"})
