"""An operator's alias links the stories already in the feed, not only the next ones (signals/domain/relink.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from bridgehub.signals.domain.follows import follow_organisation, report_link
from bridgehub.signals.domain.ingest import RawItem, ingest
from bridgehub.signals.domain.relink import relink_organisation
from bridgehub.signals.models import Alias, Item, ItemLink, LinkReport
from tests.conftest import client_for, run_queued_tasks
from tests.factories.core import OrganisationFactory, OrganisationHubFactory
from tests.signals.test_feed import _feed

pytestmark = pytest.mark.django_db


def _story(title: str, slug: str, days_ago: int) -> RawItem:
    return RawItem(title=title, url=f"https://n.example/{slug}", body="",
                   published_at=timezone.now() - dt.timedelta(days=days_ago))


@pytest.fixture
def hefeng(world):
    organisation = OrganisationFactory(slug="hefeng", name="禾峰科技", name_reading="Hefeng Technology", country="TW")
    OrganisationHubFactory(organisation=organisation, hub=world.tokyo)
    ingest(hub=world.tokyo, source=None, raw_items=[
        _story("Hefeng Robotics shows a care robot in Osaka", "recent", 3),
        _story("Hefeng Robotics and Secret Chips sign a sensor deal", "with-chips", 40),
        _story("Hefeng Robotics opens its first office", "old", 400),  # beyond the year read again
        _story("Hefeng Technology raises a Series B", "listed-name", 10),  # linked at ingestion already
        _story("Secret Chips opens a design centre in Hsinchu", "unrelated", 5),
    ])
    return organisation


def test_an_alias_links_last_years_stories_on_the_worker(world, hefeng, django_capture_on_commit_callbacks):
    follow_organisation(user=world.owner, organisation=hefeng)
    assert sorted(ItemLink.objects.filter(organisation=hefeng).values_list("item__url", flat=True)) == [
        "https://n.example/listed-name"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.tokyo_operator).post("/manage/tokyo/signals/action/", {
            "action": "alias", "organisation": hefeng.pk, "name": "Hefeng Robotics"})
    assert response.status_code == 302
    recent = ItemLink.objects.filter(organisation=hefeng, item__url__endswith="/recent")
    assert not recent.exists()  # the worker links them, not the request
    assert run_queued_tasks("relink_organisation_task") == 1
    links = dict(ItemLink.objects.filter(organisation=hefeng).values_list("item__url", "mention"))
    assert links == {"https://n.example/listed-name": "Hefeng Technology",
                     "https://n.example/recent": "Hefeng Robotics",
                     "https://n.example/with-chips": "Hefeng Robotics"}
    story = Item.objects.get(url__endswith="/with-chips")
    assert ItemLink.objects.get(item=story, organisation=hefeng).published_at == story.published_at
    assert "recent" in _feed(world.owner) and "old" not in _feed(world.owner)


def test_reading_again_adds_nothing_twice_and_keeps_a_reported_link_reported(world, hefeng):
    Alias.objects.create(hub=world.tokyo, organisation=hefeng, name="Hefeng Robotics")
    first = relink_organisation(world.tokyo, hefeng.pk)
    assert (first.read, first.added) == (3, 2)  # the year's stories it lacks; not the listed-name one
    link = ItemLink.objects.get(organisation=hefeng, item__url__endswith="/recent")
    report_link(user=world.owner, link=link)
    again = relink_organisation(world.tokyo, hefeng.pk)
    assert (again.read, again.added) == (1, 0)  # only the story that does not name it is read again
    assert ItemLink.objects.filter(organisation=hefeng).count() == 3
    assert LinkReport.objects.get().link == link


def test_removing_a_wrong_alias_removes_the_links_made_through_it(world, hefeng, django_capture_on_commit_callbacks):
    operator = client_for(world.tokyo_operator)
    with django_capture_on_commit_callbacks(execute=True):
        operator.post("/manage/tokyo/signals/action/", {"action": "alias", "organisation": hefeng.pk,
                                                        "name": "Hefeng Robotics"})
    run_queued_tasks("relink_organisation_task")
    # A story naming it both ways keeps its link: the directory's reading still finds it.
    both = ingest(hub=world.tokyo, source=None, raw_items=[_story(
        "Hefeng Robotics, listed as Hefeng Technology, opens a lab", "both-names", 1)]).new_ids[0]
    ItemLink.objects.filter(item_id=both, organisation=hefeng).update(mention="Hefeng Robotics")
    link = ItemLink.objects.get(organisation=hefeng, item__url__endswith="/recent")
    report_link(user=world.owner, link=link)
    alias = Alias.objects.get(name="Hefeng Robotics")
    with django_capture_on_commit_callbacks(execute=True):
        response = operator.post("/manage/tokyo/signals/action/", {"action": "unalias", "alias": alias.pk})
    assert response.status_code == 302 and not Alias.objects.exists()
    assert ItemLink.objects.filter(organisation=hefeng).count() == 4  # the worker removes them, not the request
    assert run_queued_tasks("unlink_alias_task") == 1
    assert sorted(ItemLink.objects.filter(organisation=hefeng).values_list("item__url", flat=True)) == [
        "https://n.example/both-names", "https://n.example/listed-name"]
    assert not LinkReport.objects.exists()  # the reported link went with the alias
    assert ItemLink.objects.get(item_id=both, organisation=hefeng).mention == "Hefeng Technology"


def test_only_the_hubs_operators_remove_its_aliases(world, hefeng):
    alias = Alias.objects.create(hub=world.tokyo, organisation=hefeng, name="Hefeng Robotics")
    for user in (world.owner, world.taipei_operator):
        response = client_for(user).post("/manage/tokyo/signals/action/", {"action": "unalias", "alias": alias.pk})
        assert response.status_code in (403, 404)
    response = client_for(world.taipei_operator).post("/manage/taipei/signals/action/",
                                                       {"action": "unalias", "alias": alias.pk})
    assert response.status_code == 302  # their own hub's page: no such alias there
    assert Alias.objects.filter(pk=alias.pk).exists()
