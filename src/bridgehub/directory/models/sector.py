from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.common.languages import label_field_for_ui


class Sector(models.Model):
    code = models.SlugField(max_length=64, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    label_zh_hant = models.CharField(max_length=80)
    label_ja = models.CharField(max_length=80)
    label_en = models.CharField(max_length=80)
    synonyms = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.label_en

    def label_for(self, ui_language: str | None) -> str:
        return str(getattr(self, "label_" + label_field_for_ui(ui_language)))

    @property
    def all_labels(self) -> str:
        return " ".join((self.label_zh_hant, self.label_ja, self.label_en, self.synonyms))
