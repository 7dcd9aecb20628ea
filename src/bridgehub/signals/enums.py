"""Kinds of news sources and of the events an item reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS or Atom feed")
    PAGES = "pages", _("Articles added by address")
    UPLOAD = "upload", _("Uploaded file")


class EventType(models.TextChoices):
    # Values match engines.linking.events.EVENT_TYPES.
    FUNDING = "funding", _("Funding")
    ACQUISITION = "acquisition", _("Merger or acquisition")
    PARTNERSHIP = "partnership", _("Partnership")
    PRODUCT_LAUNCH = "product_launch", _("Product launch")
    FACILITY = "facility", _("Facility or expansion")
    CONTRACT = "contract", _("Contract or order")
    EXECUTIVE_CHANGE = "executive_change", _("Executive change")
    IPO_EXIT = "ipo_exit", _("IPO or exit")
    PROGRAMME_CALL = "programme_call", _("Policy or programme call")


class ItemLanguage(models.TextChoices):
    ZH_HANT = "zh-Hant", _("Traditional Chinese")
    ZH_HANS = "zh-Hans", _("Simplified Chinese")
    JA = "ja", _("Japanese")
    EN = "en", _("English")
