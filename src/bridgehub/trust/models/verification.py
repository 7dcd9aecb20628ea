from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Vetting(models.Model):
    """A hub operator's check of an organisation: vetted (met, documents seen) and/or registry number
    confirmed against the name in the public registry."""

    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="vettings")
    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="vettings")
    vetted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    vetted_at = models.DateTimeField(null=True, blank=True)
    registry_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                              on_delete=models.SET_NULL, related_name="+")
    registry_confirmed_at = models.DateTimeField(null=True, blank=True)
    # The registry number and name as they were when confirmed: a later edit voids the confirmation.
    registry_number = models.CharField(max_length=32, blank=True)
    confirmed_name = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "hub"], name="one_vetting_per_org_hub")]
        verbose_name = _("vetting")
        verbose_name_plural = _("vettings")

    def __str__(self) -> str:
        return f"vetting of {self.organisation} @ {self.hub}"


class DomainProof(models.Model):
    """A member proved that the organisation's web domain is theirs by opening a link mailed to an
    address on that domain."""

    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE,
                                     related_name="domain_proofs")
    domain = models.CharField(max_length=253)
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("domain proof")
        verbose_name_plural = _("domain proofs")

    def __str__(self) -> str:
        return f"{self.domain} for {self.organisation}"
