"""Lookalike check after an organisation is created or renamed, or changes its website."""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from bridgehub.directory.models import Organisation


@receiver(pre_save, sender=Organisation)
def remember_identity(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._identity_before = None
        return
    instance._identity_before = (Organisation.objects.filter(pk=instance.pk)
                                 .values_list("name", "name_reading", "website").first())


@receiver(post_save, sender=Organisation)
def check_lookalike(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if not created and getattr(instance, "_identity_before", None) == (instance.name, instance.name_reading,
                                                                       instance.website):
        return
    from bridgehub.trust.domain.lookalikes import check_organisation

    organisation_id = instance.pk
    transaction.on_commit(lambda: check_organisation(organisation_id))


@receiver(post_save, sender="directory.OrganisationHub")
def check_lookalike_on_application(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    from bridgehub.trust.domain.lookalikes import check_organisation

    organisation_id = instance.organisation_id
    transaction.on_commit(lambda: check_organisation(organisation_id))
