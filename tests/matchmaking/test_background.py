"""Profile changes are read in the background: the web request only queues a task; the worker
reads and encodes, skips unchanged texts, and queues the hub's rebuild."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from bridgehub.directory.domain.organisations import save_profile_texts
from bridgehub.matchmaking.domain.lists import rebuild_if_requested
from bridgehub.matchmaking.domain.refresh import refresh_profile
from bridgehub.matchmaking.models import HubMatching, MatchProfile
from tests.conftest import client_for
from tests.web.test_flows import organisation_form

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits and reconnects, as in production


@pytest.fixture(autouse=True)
def _taxonomy(transactional_db):
    """Transactional tests flush every table afterwards, the migrated taxonomy included: load it again."""
    importlib.import_module("bridgehub.directory.migrations.0002_taxonomy").load_taxonomy(apps, None)

LONGER = ("我們是新竹的先進封裝新創，開發晶圓級扇出型封裝與 chiplet 整合製程。目前正在進行 A輪募資，"
          "希望在日本找到策略投資人與 PoC 夥伴，也在招募一位製程工程師。")


ROBOTICS = ("我們在台中開發協作型機械手臂，小型加工廠十分鐘就能用手教會它取放工件。目前正在進行 A輪募資，"
            "也在招募一位韌體工程師。")


def queued(task_name):
    return DBTaskResult.objects.filter(task_path__endswith=task_name, status="READY")


def forget_queue():
    """Drops the tasks building the fixture queued, as if a worker had taken them (and cleared their marks)."""
    DBTaskResult.objects.all().delete()
    MatchProfile.objects.update(refresh_queued_at=None)


def edit_fund(client, tagline):
    return client.post("/o/fund/edit/", organisation_form(
        name="Fund", kind="investor", investor_type="vc", country="JP", registry_number="", stage="",
        **{"text-ja-tagline": tagline, "text-ja-summary": "ロボティクスにも投資します。" * 5,
           "items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
           "items-MAX_NUM_FORMS": "1000"}))


def test_a_burst_of_changes_queues_one_refresh_per_profile(market):
    client = client_for(market.users["fund"])
    forget_queue()
    fund = MatchProfile.objects.get(organisation=market.orgs["fund"])
    read_before = fund.text_hash
    assert edit_fund(client, "先端パッケージング特化VC").status_code == 302  # the organisation, texts, sectors
    assert edit_fund(client, "先端パッケージングとロボティクスのVC").status_code == 302  # again before the worker
    assert queued("refresh_profile_task").filter(args_kwargs__args=[fund.pk]).count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    fund.refresh_from_db()
    assert fund.refresh_queued_at is None and fund.status == "ready"
    assert fund.text_hash != read_before  # the one refresh read the edits
    assert edit_fund(client, "ロボティクス特化VC").status_code == 302  # the worker took it: a new change queues again
    assert queued("refresh_profile_task").filter(args_kwargs__args=[fund.pk]).count() == 1


def test_an_edit_queues_a_refresh_and_the_worker_reads_it(market):
    startup = market.orgs["startup"]
    old_vector = bytes(market.profiles["startup"].vector)
    forget_queue()  # what building the fixture queued
    requested_before = market.profiles["startup"].requested_at
    with transaction.atomic():
        save_profile_texts(user=market.users["startup"], organisation=startup,
                           texts={"zh-Hant": {"tagline": "協作機械手臂", "summary": ROBOTICS, "member_details": ""}})
    profile = MatchProfile.objects.get(organisation=startup)
    assert profile.requested_at not in (None, requested_before)  # stamped by this edit
    assert bytes(profile.vector) == old_vector  # nothing encoded yet
    assert queued("refresh_profile_task").filter(args_kwargs__args=[profile.pk]).exists()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    profile.refresh_from_db()
    assert profile.status == "ready" and bytes(profile.vector) != old_vector
    assert "robotics" in profile.facets["sectors"]
    assert queued("refresh_profile_task").count() == 0
    # The hub's rebuild is queued a few seconds later (one rebuild for a burst of edits).
    assert DBTaskResult.objects.filter(task_path__endswith="rebuild_hub_task").exists()
    assert rebuild_if_requested(market.world.tokyo.pk) == "rebuilt"
    assert rebuild_if_requested(market.world.tokyo.pk) == "up to date"


def test_the_web_edit_page_does_not_wait_for_the_encoder(market):
    client = client_for(market.users["fund"])
    forget_queue()
    response = client.post("/o/fund/edit/", organisation_form(
        name="Fund", kind="investor", investor_type="vc", country="JP", registry_number="", stage="",
        **{"text-ja-tagline": "先端パッケージング特化VC", "text-ja-summary": "ロボティクスにも投資します。" * 5,
           "items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
           "items-MAX_NUM_FORMS": "1000"}))
    assert response.status_code == 302
    assert queued("refresh_profile_task").exists()
    assert MatchProfile.objects.get(organisation=market.orgs["fund"]).text_hash == market.profiles["fund"].text_hash


def test_unchanged_profiles_are_not_encoded_again(market):
    assert refresh_profile(market.profiles["fund"].pk) == "unchanged"


def test_closing_a_talent_profile_removes_it_from_matching(market):
    person = market.talent_user.person
    before = HubMatching.objects.get(hub=market.world.tokyo).requested_at
    person.open_to_roles = False
    person.save()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert not MatchProfile.objects.filter(person=person).exists()
    after = HubMatching.objects.get(hub=market.world.tokyo).requested_at
    assert after is not None and after != before


def test_a_closed_talent_with_introductions_is_withdrawn_not_deleted(market):
    from bridgehub.matchmaking.models import Introduction, Recommendation

    person = market.talent_user.person
    talent = MatchProfile.objects.get(person=person)
    Introduction.objects.create(hub=market.world.tokyo, requester=market.profiles["startup"], recipient=talent,
                                requested_by=market.users["startup"])
    person.open_to_roles = False
    person.save()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    talent.refresh_from_db()
    assert (talent.status, talent.sentences, talent.vector) == ("withdrawn", [], None)
    assert Introduction.objects.filter(recipient=talent).count() == 1
    assert not Recommendation.objects.filter(target=talent).exists()


def test_a_private_talent_profile_is_never_matched(market):
    person = market.talent_user.person
    person.profile_visibility = "private"
    person.save()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert not MatchProfile.objects.filter(person=person).exists()
