"""Feeds are read politely from a real local web server, and every failure is shown, never raised."""

import datetime as dt
import functools
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bridgehub.signals.domain.feeds import (
    FetchError,
    _CheckedRedirects,
    fetch,
    is_due,
    poll_due_sources,
    poll_source,
)
from bridgehub.signals.models import Item, Source
from tests.conftest import client_for, run_queued_tasks

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tokyo Deep Tech Daily</title>
<item><title>Secret Chips raises a Series B</title><link>{base}/news/1</link>
<pubDate>Mon, 02 Nov 2026 09:00:00 +0900</pubDate>
<description>&lt;p&gt;The round was led by Neighbour KK.&lt;/p&gt;</description></item>
<item><title>經濟部公布半導體補助計畫徵件</title><link>{base}/news/2</link>
<pubDate>Tue, 03 Nov 2026 10:00:00 +0800</pubDate></item>
<item><title></title><link>{base}/news/untitled</link></item>
</channel></rss>"""


ARTICLE = """<html><head><title>熊本に新工場 | テック東京</title><meta property="og:site_name" content="テック東京">
<meta name="date" content="2026-11-03"></head><body><nav>ホーム ニュース ランキング</nav><article>
<h1>Secret Chips、熊本に新工場を開設</h1><p>ウェーハ検査装置のSecret Chipsは、来春熊本に新工場を開設すると発表した。</p>
<p>新工場では先端パッケージング向けの検査装置を製造し、120人を雇用する予定だ。</p></article>
<footer>Copyright テック東京</footer></body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test's output is the assertions, not the access log
        pass

    def do_GET(self):
        if self.path == "/moved-to-a-file":  # a feed that redirects the worker off the web
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def site(tmp_path, settings):
    settings.SIGNALS_PRIVATE_FEEDS = True
    settings.SIGNALS_HOST_INTERVAL = 0.0
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "feed.xml").write_text(RSS.format(base=base), encoding="utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "feed.xml").write_text(RSS.format(base=base), encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body>not a feed</body></html>", encoding="utf-8")
    (tmp_path / "article.html").write_text(ARTICLE, encoding="utf-8")
    yield base
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_a_feed_is_read_once_and_then_only_when_changed(world, site):
    source = Source.objects.create(hub=world.tokyo, kind="feed", name="Daily", url=f"{site}/feed.xml")
    result = poll_source(source)
    assert (result.added, result.copies) == (2, 0)  # the entry without a title is skipped
    item = Item.objects.get(url=f"{site}/news/1")
    assert item.body == "The round was led by Neighbour KK."
    assert item.published_at == dt.datetime(2026, 11, 2, 0, 0, tzinfo=dt.UTC)
    assert Item.objects.get(url=f"{site}/news/2").event_type == "programme_call"
    source.refresh_from_db()
    assert source.last_error == "" and source.last_modified and source.items_added == 2
    assert poll_source(source).added == 0  # If-Modified-Since: the server answers 304


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "error"), [
    ("/missing.xml", "the server answered 404 File not found"),
    ("/page.html", "not a readable RSS or Atom feed"),
    ("/private/feed.xml", "the site's robots.txt does not allow fetching this address"),
])
def test_a_failing_feed_says_why_and_backs_off(world, site, path, error):
    source = Source.objects.create(hub=world.tokyo, kind="feed", name="Broken", url=site + path)
    assert poll_source(source) is None
    source.refresh_from_db()
    assert (source.last_error, source.failures) == (error, 1)
    assert not is_due(source, source.last_checked_at + dt.timedelta(minutes=45))  # 30 min × 2 after a failure
    assert is_due(source, source.last_checked_at + dt.timedelta(minutes=61))
    page = client_for(world.tokyo_operator).get("/manage/tokyo/signals/").content.decode()
    assert error.replace("'", "&#x27;") in page


@pytest.mark.django_db
def test_internal_addresses_are_refused_unless_allowed(settings):
    settings.SIGNALS_PRIVATE_FEEDS = False
    for url in ("http://127.0.0.1:9/feed.xml", "http://10.1.2.3/feed", "http://169.254.169.254/latest/"):
        with pytest.raises(FetchError, match="is an internal address"):
            fetch(url)
    with pytest.raises(FetchError, match="not a web address"):
        fetch("file:///etc/passwd")


@pytest.mark.django_db
def test_a_redirect_off_the_public_web_is_refused(site, settings):
    with pytest.raises(FetchError, match="Redirection to url 'file:///etc/passwd' is not allowed"):
        fetch(f"{site}/moved-to-a-file")  # urllib refuses other schemes; the handler checks the addresses
    settings.SIGNALS_PRIVATE_FEEDS = False
    request = urllib.request.Request("https://news.example.org/feed")
    with pytest.raises(FetchError, match="is an internal address"):  # a public feed moved into the hub's network
        _CheckedRedirects().redirect_request(request, None, 302, "Found", {}, "http://10.0.0.7/admin")


@pytest.mark.django_db
def test_an_operator_adds_a_feed_and_the_worker_reads_it(world, site, django_capture_on_commit_callbacks):
    client = client_for(world.tokyo_operator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/manage/tokyo/signals/action/",
                               {"action": "add_feed", "url": f"{site}/feed.xml", "name": "Daily"})
    assert response.status_code == 302
    assert run_queued_tasks("poll_source_task") == 1
    assert Item.objects.filter(hub=world.tokyo).count() == 2
    Source.objects.update(last_checked_at=None)
    assert poll_due_sources() == 1
    assert client.post("/manage/tokyo/signals/action/", {"action": "add_feed", "url": "not a url"}).status_code == 302
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_an_article_without_a_feed_is_read_from_its_page(world, site, django_capture_on_commit_callbacks):
    client = client_for(world.tokyo_operator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/manage/tokyo/signals/action/", {"action": "add_article", "url": f"{site}/article.html"})
        client.post("/manage/tokyo/signals/action/", {"action": "add_article", "url": f"{site}/page.html"})
    assert run_queued_tasks("add_article_task") == 2
    item = Item.objects.get()
    assert (item.title, item.language, item.event_type) == ("Secret Chips、熊本に新工場を開設", "ja", "facility")
    assert item.body.startswith("ウェーハ検査装置のSecret Chipsは") and "Copyright" not in item.body
    assert item.published_at == dt.datetime(2026, 11, 3, tzinfo=dt.UTC)
    assert list(item.copies.values_list("outlet", flat=True)) == ["テック東京"]
    assert list(item.links.values_list("organisation__slug", flat=True)) == ["secret-chips"]
    source = Source.objects.get(kind="pages")
    assert source.last_error == f"{site}/page.html: no article found on the page"
