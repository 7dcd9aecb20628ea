"""An article added by its address: fetched as politely as a feed, its text read with trafilatura.

Press releases and announcements often have no feed. An operator gives the article's address; the
worker fetches it (robots.txt, timeout, internal addresses refused: `feeds.fetch`), takes the main text,
title, date and site name out of the page (trafilatura, which drops navigation, footers and ads), and
adds it like any other item. A page without an article in it is refused with the reason stored on the
hub's "articles" source, where the operator sees it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import trafilatura
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.feeds import FetchError, fetch
from bridgehub.signals.domain.ingest import IngestResult, RawItem, ingest
from bridgehub.signals.enums import SourceKind
from bridgehub.signals.models import Source

MIN_TEXT = 40  # characters: less is a page without an article (a login wall, an index)


def pages_source(hub: Hub, user: Any = None) -> Source:
    """The hub's source for articles added by address (one per hub)."""
    source, _created = Source.objects.get_or_create(hub=hub, kind=SourceKind.PAGES, url="",
                                                    defaults={"name": _("Articles added by address"),
                                                              "created_by": user})
    return source


def extract_article(html: bytes, url: str) -> RawItem:
    """The article of a page; FetchError when the page holds none."""
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    found: dict[str, Any] = {} if document is None else (document if isinstance(document, dict)
                                                         else document.as_dict())
    text, title = (found.get("text") or "").strip(), (found.get("title") or "").strip()
    if len(text) < MIN_TEXT or not title:
        raise FetchError("no article found on the page")
    day = parse_date(found.get("date") or "")
    published = dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC) if day else timezone.now()
    body = text.removeprefix(title).strip()  # the text often repeats the headline first
    return RawItem(title=title[:500], url=url, published_at=published, body=body,
                   outlet=(found.get("sitename") or "")[:200])


def add_article(source: Source, url: str) -> IngestResult | None:
    """Fetch and add one article. Side effects: the item; the source's last error (cleared on success).
    Returns None when it failed (the reason is stored)."""
    now = timezone.now()
    try:
        fetched = fetch(url)
        article = extract_article(fetched.body or b"", url)
    except FetchError as error:
        Source.objects.filter(pk=source.pk).update(last_checked_at=now, last_error=f"{url}: {error}"[:500],
                                                   failures=source.failures + 1)
        return None
    result = ingest(hub=source.hub, source=source, raw_items=[article])
    Source.objects.filter(pk=source.pk).update(last_checked_at=now, last_success_at=now, last_error="", failures=0)
    return result
