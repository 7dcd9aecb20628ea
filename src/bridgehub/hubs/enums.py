from django.db import models
from django.utils.translation import gettext_lazy as _


class HubRole(models.TextChoices):
    OPERATOR = "operator", _("Hub operator")
    MEMBER = "member", _("Hub member")
