"""factory_boy factories for the directory. Defaults build a valid, approved start-up."""

import factory
from allauth.account.models import EmailAddress

from bridgehub.accounts.models import User
from bridgehub.directory.enums import ApprovalStatus, OrgRole
from bridgehub.directory.models import (
    AskOffer,
    Organisation,
    OrganisationHub,
    OrganisationMembership,
    Person,
    ProfileText,
)
from bridgehub.hubs.enums import HubRole
from bridgehub.hubs.models import Hub, HubMembership

TEST_PASSWORD = "correct horse battery staple 42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """The login address is confirmed unless the test says `verified=False`."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hub
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"hub{n}")
    name_zh_hant = factory.LazyAttribute(lambda o: f"{o.slug} 樞紐")
    name_ja = factory.LazyAttribute(lambda o: f"{o.slug} ハブ")
    name_en = factory.LazyAttribute(lambda o: f"{o.slug} hub")
    time_zone = "Asia/Tokyo"
    currency = "JPY"
    country = "JP"


class HubMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HubMembership

    hub = factory.SubFactory(HubFactory)
    user = factory.SubFactory(UserFactory)
    role = HubRole.OPERATOR


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"org-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = "startup"
    country = "JP"
    original_language = "en"


class ProfileTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfileText

    organisation = factory.SubFactory(OrganisationFactory)
    language = "en"
    tagline = "A tagline"
    summary = "A public summary."
    member_details = ""


class OrganisationHubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationHub

    organisation = factory.SubFactory(OrganisationFactory)
    hub = factory.SubFactory(HubFactory)
    status = ApprovalStatus.APPROVED


class OrganisationMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrgRole.ADMIN


class AskOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AskOffer

    organisation = factory.SubFactory(OrganisationFactory)
    direction = "ask"
    kind = "poc_partner"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    original_language = "en"
