"""The directory's result list (a Jinja2 fragment fed by web/directory_cards.py): what a reader sees."""

import re

import pytest
from django.test import Client

from tests.directory.test_search import make
from tests.factories.core import HubFactory, ProfileTextFactory


@pytest.fixture
def tokyo(db):
    return HubFactory(slug="tokyo")


def results_of(html: str) -> str:
    return html[html.index('id="result-count"'):]


@pytest.mark.django_db
def test_names_and_texts_are_escaped(tokyo):
    make("tricky", name="<script>alert(1)</script> & Co", summary='Say "<b>hi</b>"', hub=tokyo)
    html = results_of(Client().get("/directory/").content.decode())
    assert "<script>alert(1)</script>" not in html and "<b>hi</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "&lt;b&gt;hi&lt;/b&gt;" in html


@pytest.mark.django_db
def test_a_card_links_its_profile_and_shortens_a_long_text(tokyo):
    make("long-text", name="Long Text KK", summary="長" * 300, hub=tokyo, language="ja", stage="seed")
    html = results_of(Client().get("/directory/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert '<a href="/o/long-text/">Long Text KK</a>' in html
    assert "長" * 159 + "…" in html and "長" * 160 not in html
    # Shown in Japanese to an English reader: the card says so, with the language's own name.
    assert re.search(r'<span class="lang-badge" lang="ja" title="[^"]+">日本語</span>', html)
    assert "Start-up · Japan · Seed" in html


@pytest.mark.django_db
def test_the_tagline_comes_first_and_no_badge_in_the_readers_language(tokyo):
    organisation = make("tagged", name="Tagged", summary="The long story.", hub=tokyo, language="ja")
    organisation.texts.update(tagline="介護ロボット")
    ProfileTextFactory(organisation=organisation, language="en", tagline="Care robots", summary="Robots.")
    from bridgehub.directory.domain.search import refresh_search_fields

    refresh_search_fields(organisation)
    english = results_of(Client().get("/directory/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert '<p lang="en">Care robots </p>' in english
    japanese = results_of(Client().get("/directory/", HTTP_ACCEPT_LANGUAGE="ja").content.decode())
    assert '<p lang="ja">介護ロボット </p>' in japanese


@pytest.mark.django_db
def test_count_line_and_pages_in_the_readers_language(tokyo):
    for number in range(23):
        make(f"org-{number:02}", name=f"Org {number:02}", summary="Robots for care homes.", hub=tokyo)
    english = results_of(Client().get("/directory/?q=robots", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "23 organisations found" in english
    assert '<a href="?q=robots&amp;page=2">Next</a>' in english and "Page 1 of 2" in english
    assert english.count('<li class="result">') == 20
    second = results_of(Client().get("/directory/?q=robots&page=2", HTTP_ACCEPT_LANGUAGE="ja").content.decode())
    assert "23 件の組織が見つかりました" in second
    assert second.count('<li class="result">') == 3 and 'href="?q=robots&amp;page=1"' in second
    single = results_of(Client().get("/directory/?q=org+00", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "1 organisation found" in single and 'class="pager"' not in single


@pytest.mark.django_db
def test_nothing_found_says_what_to_try(tokyo):
    html = results_of(Client().get("/directory/?q=zzzz", HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode())
    assert "0 organisations found" not in html
    assert '<li class="empty">' in html


@pytest.mark.django_db
def test_htmx_gets_the_same_list_as_the_page(tokyo):
    make("alpha", name="Alpha", summary="Robots.", hub=tokyo)
    client = Client()
    fragment = client.get("/directory/?q=robots", HTTP_HX_REQUEST="true").content.decode()
    page = client.get("/directory/?q=robots").content.decode()
    assert fragment.strip() and fragment.strip() in page


@pytest.mark.django_db
def test_a_renamed_hub_shows_in_the_filter_at_once(tokyo):
    client = Client()
    client.get("/directory/", HTTP_ACCEPT_LANGUAGE="en")  # the listing index is built with the old name
    tokyo.name_en = "Bridge Tokyo Hub"
    tokyo.save()
    html = client.get("/directory/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<option value="tokyo">Bridge Tokyo Hub</option>' in html
