"""An in-memory index of the directory's public listing facts, shared by the pages and the API.

Why: a substring scan of 10,000 profile documents costs ~20 ms in SQLite per query (and a
1–2 character CJK query cannot use a trigram index in either database), and the visibility
join costs as much again. Each web process therefore keeps the *public* facts of every
organisation in memory (~4 MB for 10,000) and answers search, filters, ordering and counts
from it in a few milliseconds; only the 20 rows of a page are then read from the database.

Freshness: the index is rebuilt when the directory's version changes: a counter in a
one-row table (`DirectoryVersion`), read by primary key on each request and bumped by every
change of listing facts (`refresh_search_fields`, and model signals for admin edits and
deletions). Code that changes listing rows with a bulk `.update()` must call
`DirectoryVersion.bump()` itself.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings

from bridgehub.common.text import is_latin_word, searchable_words
from bridgehub.common.visibility import Visibility
from bridgehub.directory.domain.concepts import alternatives
from bridgehub.directory.enums import ApprovalStatus, Direction
from bridgehub.directory.models import AskOffer, DirectoryVersion, Organisation, OrganisationHub, ProfileText, Sector


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    name: str
    listed: bool
    kind: str
    stage: str
    country: str
    sectors: frozenset[str]  # own sector codes and their parents' codes
    hubs: frozenset[str]  # slugs of hubs that approved it
    asks: frozenset[str]  # public asks
    offers: frozenset[str]  # public offers
    document: str
    title: str = ""  # folded name, reading and taglines: a hit here ranks first


class DirectoryIndex:
    """Entries in listing order (name, id), with posting sets per filter value.

    Positions (0..n-1, in listing order) stand for entries: a filter is a set intersection,
    a word is one substring pass over the remaining documents, and sorting the surviving
    positions restores listing order without comparing names again.
    """

    def __init__(self, entries: list[Entry], version: tuple[Any, ...]):
        self.entries = sorted(entries, key=lambda entry: (entry.name, entry.id))
        self.version = version
        self.ids = [entry.id for entry in self.entries]
        self.documents = [entry.document for entry in self.entries]
        self.titles = [entry.title for entry in self.entries]
        self.position = {entry.id: index for index, entry in enumerate(self.entries)}
        self.listed = frozenset(index for index, entry in enumerate(self.entries) if entry.listed)
        self._memo: dict[Any, Any] = {}
        self.postings: dict[tuple[str, str], set[int]] = defaultdict(set)
        for index, entry in enumerate(self.entries):
            for facet, values in (("kind", (entry.kind,)), ("stage", (entry.stage,)), ("country", (entry.country,)),
                                  ("sector", entry.sectors), ("hub", entry.hubs), ("ask", entry.asks),
                                  ("offer", entry.offers)):
                for value in values:
                    self.postings[(facet, value)].add(index)

    def search(self, words: list[str], *, also_visible: frozenset[int] = frozenset(), **facets: str) -> list[int]:
        """Ids of visible entries that match every facet value and every word (or a form of its concept,
        see `concepts`): with words, most relevant first (name and tagline hits, the word as typed),
        ties in listing order; without, in listing order."""
        visible = set(self.listed)
        visible.update(self.position[pk] for pk in also_visible if pk in self.position)
        for facet, value in facets.items():
            if value:
                visible &= self.postings.get((facet, value), set())
        positions = sorted(visible)
        groups = [alternatives(word) for word in words]
        for group in groups:
            matching = self._positions_containing(group)
            positions = [index for index in positions if index in matching]
        if groups:
            positions.sort(key=lambda index: (-self._relevance(index, groups), index))
        return [self.ids[index] for index in positions]

    def _relevance(self, index: int, groups: list[tuple[str, ...]]) -> int:
        """Per word: 4 in the name or tagline, 1 elsewhere; as typed counts double a form of its concept."""
        score = 0
        for typed, *others in groups:
            best = 0
            for weight, form in ((2, typed), *((1, other) for other in others)):
                if _contains(self.titles[index], form, typed=weight == 2):
                    best = max(best, 4 * weight)
                elif _contains(self.documents[index], form, typed=weight == 2):
                    best = max(best, weight)
            score += best
        return score

    def _positions_containing(self, group: tuple[str, ...]) -> frozenset[int]:
        """All positions whose document contains the typed word or a form of its concept."""
        def scan() -> frozenset[int]:
            typed, *others = group
            return frozenset(index for index, document in enumerate(self.documents)
                             if _contains(document, typed, typed=True)
                             or any(_contains(document, form, typed=False) for form in others))

        return self.remember(("word", group), scan)

    def remember(self, key: Any, compute: Callable[[], T]) -> T:
        """`compute()`, remembered for this index's lifetime under `key`.

        Popular searches and pages repeat; anything derived from the directory can be kept
        here, because the memo dies with the index the moment the directory changes.
        """
        limit = settings.LISTING_MEMO_SIZE
        if limit <= 0:
            return compute()
        try:
            return self._memo[key]
        except KeyError:
            value = compute()
            if len(self._memo) >= limit:
                self._memo.clear()
            self._memo[key] = value
            return value


def _contains(document: str, form: str, *, typed: bool) -> bool:
    """CJK anywhere (it has no word boundaries); Latin at a word start, and a concept's own forms as whole
    words (so the concept's "fab" does not pull in "fabless", while typing "robot" still finds "robotics")."""
    if not is_latin_word(form):
        return form in document
    if typed:
        return " " + form in document
    return " " + form + " " in document + " "


T = TypeVar("T")
_lock = threading.Lock()
_current: DirectoryIndex | None = None


def directory_version() -> tuple[Any, ...]:
    return DirectoryVersion.current()


def _load(version: tuple[Any, ...]) -> DirectoryIndex:
    parents = dict(Sector.objects.filter(parent__isnull=False).values_list("code", "parent__code"))
    sectors: dict[int, set[str]] = defaultdict(set)
    for organisation_id, code in Organisation.sectors.through.objects.values_list(
            "organisation_id", "sector__code"):
        sectors[organisation_id].add(code)
        if code in parents:
            sectors[organisation_id].add(parents[code])
    hubs: dict[int, set[str]] = defaultdict(set)
    for organisation_id, slug in OrganisationHub.objects.filter(status=ApprovalStatus.APPROVED).values_list(
            "organisation_id", "hub__slug"):
        hubs[organisation_id].add(slug)
    asks: dict[int, set[str]] = defaultdict(set)
    offers: dict[int, set[str]] = defaultdict(set)
    for organisation_id, direction, kind in AskOffer.objects.filter(visibility=Visibility.PUBLIC).values_list(
            "organisation_id", "direction", "kind"):
        (asks if direction == Direction.ASK else offers)[organisation_id].add(kind)
    taglines: dict[int, list[str]] = defaultdict(list)
    for organisation_id, tagline in ProfileText.objects.exclude(tagline="").values_list("organisation_id", "tagline"):
        taglines[organisation_id].append(tagline)
    entries = [
        Entry(id=pk, name=name, listed=bool(hubs.get(pk)), kind=kind, stage=stage, country=country,
              sectors=frozenset(sectors.get(pk, ())), hubs=frozenset(hubs.get(pk, ())),
              asks=frozenset(asks.get(pk, ())), offers=frozenset(offers.get(pk, ())), document=document,
              title=searchable_words(" ".join([name, reading, *taglines.get(pk, ())])))
        for pk, name, reading, kind, stage, country, document in Organisation.objects.values_list(
            "pk", "name", "name_reading", "kind", "stage", "country", "search_document")
    ]
    return DirectoryIndex(entries, version)


def current_index() -> DirectoryIndex:
    """The index for the directory as it is now (rebuilt if anything changed since the last call)."""
    global _current
    version = directory_version()
    index = _current
    if index is not None and index.version == version:
        return index
    with _lock:
        if _current is None or _current.version != version:
            _current = _load(version)
        return _current
