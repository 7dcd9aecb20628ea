"""Who may read a group of fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of my hubs")
    PRIVATE = "private", _("Only me and my organisation")
