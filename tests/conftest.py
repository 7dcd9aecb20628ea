"""Shared fixtures: a small two-hub world with one actor per role.

Tokyo is the owner's hub; Taipei is "the other hub" whose operator must never read Tokyo's
private data. Every protected page and endpoint is tested against these four actors.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from bridgehub.directory.domain.search import refresh_search_fields
from tests.factories.core import (
    TEST_PASSWORD,
    HubFactory,
    HubMembershipFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    ProfileTextFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # The real hasher costs ~0.4 s per login; tests that measure hashing override this again.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    # A request leaves its negotiated language active on the thread (Django's LocaleMiddleware does not
    # undo it); code a test calls outside a request starts from the default language, whatever ran before.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@dataclass
class World:
    tokyo: object
    taipei: object
    organisation: object
    owner: object
    tokyo_member: object
    tokyo_operator: object
    taipei_operator: object
    taipei_member: object


@pytest.fixture
def world(db):
    tokyo = HubFactory(slug="tokyo", time_zone="Asia/Tokyo", currency="JPY", country="JP")
    taipei = HubFactory(slug="taipei", time_zone="Asia/Taipei", currency="TWD", country="TW")
    organisation = OrganisationFactory(slug="secret-chips", name="Secret Chips", country="JP")
    ProfileTextFactory(organisation=organisation, language="en", tagline="Chips for edge AI",
                       summary="We design chips.", member_details="MEMBERS-ONLY revenue figures")
    OrganisationHubFactory(organisation=organisation, hub=tokyo)
    owner = UserFactory(email="owner@example.com")
    OrganisationMembershipFactory(organisation=organisation, user=owner)
    # A member of the Tokyo hub through their own approved organisation.
    tokyo_member = UserFactory(email="tokyo-member@example.com")
    neighbour = OrganisationFactory(slug="neighbour", name="Neighbour KK")
    OrganisationHubFactory(organisation=neighbour, hub=tokyo)
    OrganisationMembershipFactory(organisation=neighbour, user=tokyo_member, role="member")
    tokyo_operator = HubMembershipFactory(hub=tokyo, user=UserFactory(email="op-tokyo@example.com")).user
    taipei_operator = HubMembershipFactory(hub=taipei, user=UserFactory(email="op-taipei@example.com")).user
    taipei_member = UserFactory(email="taipei-member@example.com")
    taipei_org = OrganisationFactory(slug="taipei-org", name="Taipei Org", country="TW")
    OrganisationHubFactory(organisation=taipei_org, hub=taipei)
    OrganisationMembershipFactory(organisation=taipei_org, user=taipei_member, role="member")
    for org in (organisation, neighbour, taipei_org):
        refresh_search_fields(org)
    return World(tokyo, taipei, organisation, owner, tokyo_member, tokyo_operator, taipei_operator, taipei_member)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def taxonomy_again(transactional_db):
    """Transactional tests flush every table afterwards, the migrated sector taxonomy included: a
    transactional test that reads sectors loads it again first."""
    import importlib

    from django.apps import apps

    importlib.import_module("bridgehub.directory.migrations.0002_taxonomy").load_taxonomy(apps, None)


def run_queued_tasks(only: str = "") -> int:
    """Runs the queued background tasks (those whose path ends with `only`, if given) here, in the test's
    own transaction, as the worker would (a test that cannot commit cannot hand them to a real
    `db_worker`; transactional tests use the real one)."""
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    ran = 0
    for result in DBTaskResult.objects.ready().filter(task_path__endswith=only).order_by("enqueued_at"):
        task = import_string(result.task_path)
        task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        DBTaskResult.objects.filter(pk=result.pk).update(status="SUCCESSFUL")
        ran += 1
    return ran


def pytest_collection_modifyitems(config, items):
    """Tests of the pure engines (tests/engines/: no Django, no database) are marked `engine`, so the
    PostgreSQL run can leave them to the SQLite run: running them against a second database tests
    nothing more and costs minutes of `make test`."""
    engines = Path(__file__).parent / "engines"
    for item in items:
        if engines in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.engine)
