"""Polling a hub's feeds politely, and reading what they hold.

Polite means: robots.txt is asked first (and remembered for a day), a feed is fetched with the
ETag / Last-Modified it gave last time so an unchanged feed costs a 304, a request gives up after
`TIMEOUT` seconds, requests to one host are settings.SIGNALS_HOST_INTERVAL seconds apart, and a failing feed is retried
less and less often. Every failure is stored on the source in words the operator can act on; a
fetch never raises into the worker.
"""

from __future__ import annotations

import calendar
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import feedparser
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from bridgehub.signals.domain.ingest import IngestResult, RawItem, ingest
from bridgehub.signals.models import Source

TIMEOUT = 10
MAX_BYTES = 5_000_000
POLL_EVERY = timedelta(minutes=30)
USER_AGENT = "bridgehub-signals/1 (+https://github.com/bridgehub; market signals for innovation hubs)"

_host_lock = threading.Lock()
_last_request_at: dict[str, float] = {}
_robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}


class FetchError(Exception):
    """A feed could not be read; the message is shown to the operator."""


@dataclass(frozen=True)
class Fetched:
    body: bytes | None  # None: not modified since the last fetch
    etag: str
    last_modified: str


def _wait_for_host(host: str) -> None:
    with _host_lock:
        wait = _last_request_at.get(host, 0.0) + settings.SIGNALS_HOST_INTERVAL - time.monotonic()
        _last_request_at[host] = time.monotonic() + max(wait, 0.0)
    if wait > 0:
        time.sleep(wait)


def _allowed_by_robots(url: str) -> bool:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    cached = _robots.get(origin)
    if cached is None or cached[0] < time.monotonic() - 86400:
        parser: urllib.robotparser.RobotFileParser | None
        try:
            request = urllib.request.Request(origin + "/robots.txt", headers={"User-Agent": USER_AGENT})  # noqa: S310 - http(s) only: fetch() checked the scheme
            with _opener.open(request, timeout=TIMEOUT) as response:
                parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
                parser.parse(response.read(100_000).decode("utf-8", "replace").splitlines())
        except (urllib.error.URLError, OSError, ValueError):
            parser = None  # no robots.txt (or none readable): nothing is disallowed
        cached = (time.monotonic(), parser)
        _robots[origin] = cached
    return cached[1] is None or cached[1].can_fetch(USER_AGENT, url)


def _check_public(host: str, port: int | None) -> None:
    """Refuse addresses inside the hub's own network (loopback, private, link-local): a feed address
    must not turn the worker into a way to read internal services. Tests and closed intranets allow
    them with BRIDGEHUB_SIGNALS_PRIVATE_FEEDS."""
    if settings.SIGNALS_PRIVATE_FEEDS:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)}
    except OSError as error:
        raise FetchError(f"could not find the host {host}") from error
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if not ip.is_global:
            raise FetchError(f"{host} is an internal address ({ip}); feeds must be on the public web")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another public web address: a public feed must not redirect the worker
    into the hub's own network."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        parts = urlsplit(newurl)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"redirected to something that is not a web address: {newurl}")
        _check_public(parts.hostname, parts.port)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_CheckedRedirects)


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """The feed's bytes (or None when unchanged since `etag` / `last_modified`); FetchError says why not."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not a web address: {url}")
    _check_public(parts.hostname, parts.port)
    if not _allowed_by_robots(url):
        raise FetchError("the site's robots.txt does not allow fetching this address")
    headers = {"User-Agent": USER_AGENT,
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    _wait_for_host(parts.hostname)
    try:
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - the scheme is http(s), checked above
        with _opener.open(request, timeout=TIMEOUT) as response:
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"the feed is larger than {MAX_BYTES // 1_000_000} MB")
            return Fetched(body, response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(None, etag, last_modified)
        raise FetchError(f"the server answered {error.code} {error.reason}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"could not connect: {reason}") from error


def parse_feed(body: bytes) -> list[RawItem]:
    """The entries of an RSS or Atom document; FetchError when it is neither."""
    parsed = feedparser.parse(body)
    if not parsed.get("version"):  # feedparser names the dialect it recognised; none: a web page, an error page
        cause = f" ({type(parsed.bozo_exception).__name__})" if parsed.get("bozo") else ""
        raise FetchError(f"not a readable RSS or Atom feed{cause}")
    outlet = str(parsed.feed.get("title", ""))[:200]
    items = []
    for entry in parsed.entries:
        link, title = str(entry.get("link", "")).strip(), strip_tags(str(entry.get("title", ""))).strip()
        if not link or not title:
            continue  # an entry without an address or a title cannot be shown or merged
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC) if stamp else timezone.now())
        summary = strip_tags(str(entry.get("summary", "")))
        items.append(RawItem(title=title, url=link, published_at=published, body=summary.strip(), outlet=outlet))
    return items


def poll_source(source: Source) -> IngestResult | None:
    """Fetch one feed and ingest what is new. Side effects: items; the source's caching headers, times,
    and last error (cleared on success). Returns None when the fetch failed (the error is stored)."""
    now = timezone.now()
    try:
        fetched = fetch(source.url, etag=source.etag, last_modified=source.last_modified)
        raw_items = parse_feed(fetched.body) if fetched.body is not None else []
    except FetchError as error:
        Source.objects.filter(pk=source.pk).update(last_checked_at=now, last_error=str(error)[:500],
                                                   failures=source.failures + 1)
        return None
    result = ingest(hub=source.hub, source=source, raw_items=raw_items)
    Source.objects.filter(pk=source.pk).update(last_checked_at=now, last_success_at=now, last_error="", failures=0,
                                               etag=fetched.etag[:300], last_modified=fetched.last_modified[:100])
    return result


def is_due(source: Source, now: datetime) -> bool:
    """Whether a feed should be polled now: every `POLL_EVERY`, backing off (up to a day) while it fails."""
    if not source.active or not source.url:
        return False
    if source.last_checked_at is None:
        return True
    backoff = min(POLL_EVERY * (2 ** min(source.failures, 6)), timedelta(days=1))
    return now - source.last_checked_at >= backoff


def poll_due_sources() -> int:
    """Poll every active feed that is due (see `is_due`); returns how many were polled."""
    now = timezone.now()
    due = [source for source in Source.objects.select_related("hub").filter(active=True).exclude(url="")
           if is_due(source, now)]
    for source in due:
        poll_source(source)
    return len(due)
