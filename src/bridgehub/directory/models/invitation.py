from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.accounts.models.invitation import Invitation
from bridgehub.directory.enums import OrgRole


class OrganisationInvitation(Invitation):
    """A place on an organisation's team offered to an e-mail address."""

    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=10, choices=OrgRole.choices)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")

    def __str__(self) -> str:
        return f"invitation to {self.organisation} ({self.role})"
