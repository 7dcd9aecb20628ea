from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.accounts.models.invitation import Invitation
from bridgehub.hubs.enums import HubRole


class HubInvitation(Invitation):
    """A hub role (operator or member) offered to an e-mail address."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=16, choices=HubRole.choices)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("hub invitation")
        verbose_name_plural = _("hub invitations")

    def __str__(self) -> str:
        return f"invitation to {self.hub} ({self.role})"
