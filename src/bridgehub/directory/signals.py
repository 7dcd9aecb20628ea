"""Keep derived search data fresh when listing facts change outside the domain functions
(the admin, shell scripts): the organisation's search fields are rebuilt, which also touches
the directory version so that every process's listing index reloads."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from bridgehub.directory.models import (
    AskOffer,
    DirectoryVersion,
    Organisation,
    OrganisationHub,
    ProfileText,
    Sector,
)
from bridgehub.hubs.models import Hub


def _refresh(organisation_id: int) -> None:
    from bridgehub.directory.domain.search import refresh_search_fields

    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is not None:  # gone: a cascade delete in progress
        refresh_search_fields(organisation)


@receiver([post_save, post_delete], sender=ProfileText)
@receiver([post_save, post_delete], sender=AskOffer)
@receiver([post_save, post_delete], sender=OrganisationHub)
def listing_fact_changed(sender, instance, **kwargs):
    _refresh(instance.organisation_id)


@receiver(m2m_changed, sender=Organisation.sectors.through)
def sectors_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Organisation):
        _refresh(instance.pk)


@receiver([post_save, post_delete], sender=Organisation)
@receiver([post_save, post_delete], sender=Sector)
@receiver([post_save, post_delete], sender=Hub)
def listing_labels_changed(sender, instance, **kwargs):
    # Sector and hub names appear in remembered result pages: those must be rebuilt too.
    DirectoryVersion.bump()
