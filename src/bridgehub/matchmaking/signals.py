"""Profile changes queue a refresh of the match profile.

Receivers rather than calls from the directory's domain functions, so that edits through the admin
or an import are seen too. The refresh itself runs after commit in the background (tasks.py).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from bridgehub.directory.models import AskOffer, Organisation, OrganisationHub, Person, ProfileText
from bridgehub.matchmaking.domain.lists import request_rebuild
from bridgehub.matchmaking.domain.refresh import request_refresh


@receiver([post_save, post_delete], sender=ProfileText)
@receiver([post_save, post_delete], sender=AskOffer)
def organisation_fact_changed(sender, instance, **kwargs):
    request_refresh(organisation_id=instance.organisation_id)


@receiver([post_save, post_delete], sender=OrganisationHub)
def organisation_hub_changed(sender, instance, **kwargs):
    # Approval or withdrawal changes who is in the hub's lists, not what the profile says: the
    # profile's reading may be unchanged, so the hub's rebuild is asked for here.
    request_refresh(organisation_id=instance.organisation_id)
    request_rebuild(instance.hub_id)


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, **kwargs):
    request_refresh(organisation_id=instance.pk)


@receiver(m2m_changed, sender=Organisation.sectors.through)
def organisation_sectors_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Organisation):
        request_refresh(organisation_id=instance.pk)


@receiver(post_save, sender=Person)
def person_saved(sender, instance, **kwargs):
    request_refresh(person_id=instance.pk)
