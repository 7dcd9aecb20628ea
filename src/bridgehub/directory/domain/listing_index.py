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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
from django.conf import settings

from bridgehub.common.text import is_latin_word, searchable_words
from bridgehub.common.visibility import Visibility
from bridgehub.directory.domain.concepts import alternatives
from bridgehub.directory.enums import ApprovalStatus, Direction
from bridgehub.directory.models import AskOffer, DirectoryVersion, Organisation, OrganisationHub, ProfileText, Sector
from bridgehub.engines.search.token_index import TokenIndex
from bridgehub.hubs.models import Hub

Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    name: str
    listed: bool
    kind: str
    stage: str
    country: str
    # Small tuples, not sets: 10,000 entries hold four of them (a set costs four times the memory).
    sectors: tuple[str, ...]  # own sector codes (in taxonomy order) and then their parents' codes
    hubs: tuple[str, ...]  # slugs of hubs that approved it, in hub order
    asks: tuple[str, ...]  # public asks
    offers: tuple[str, ...]  # public offers
    document: str
    title: str = ""  # folded name, reading and taglines: a hit here ranks first
    # What a result card shows besides its text: listing pages read only the texts from the database.
    slug: str = ""
    name_reading: str = ""
    investor_type: str = ""
    original_language: str = ""
    own_sectors: int = 0  # how many of `sectors` are its own


class DirectoryIndex:
    """Entries in listing order (name, id), with a mask per filter value and word indexes.

    Positions (0..n-1, in listing order) stand for entries: a filter is a mask, a word is a
    lookup in the token indexes of the documents and of the titles (`engines.search`), and
    the surviving positions in ascending order are already in listing order.
    """

    def __init__(self, entries: list[Entry], version: tuple[Any, ...], *,
                 sectors: Sequence[Sector] = (), hubs: Sequence[Hub] = ()):
        self.entries = sorted(entries, key=lambda entry: (entry.name, entry.id))
        self.version = version
        # Taxonomy and hubs as of this version (their saves bump the version): filters and cards read them here.
        self.sectors = list(sectors)
        self.sector_by_code = {sector.code: sector for sector in self.sectors}
        self.hubs = list(hubs)
        self.entry_by_id = {entry.id: entry for entry in self.entries}
        self.ids = np.array([entry.id for entry in self.entries], dtype=np.int64)
        self.documents = [entry.document for entry in self.entries]
        self.titles = [entry.title for entry in self.entries]
        self.position = {entry.id: index for index, entry in enumerate(self.entries)}
        self.listed = np.array([entry.listed for entry in self.entries], dtype=np.bool_)
        self._memo: dict[Any, Any] = {}
        positions: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, entry in enumerate(self.entries):
            for facet, values in (("kind", (entry.kind,)), ("stage", (entry.stage,)), ("country", (entry.country,)),
                                  ("sector", entry.sectors), ("hub", entry.hubs), ("ask", entry.asks),
                                  ("offer", entry.offers)):
                for value in values:
                    positions[(facet, value)].append(index)
        self.facets: dict[tuple[str, str], Mask] = {}
        for key, found in positions.items():
            mask = np.zeros(len(self.entries), dtype=np.bool_)
            mask[found] = True
            self.facets[key] = mask
        self.document_words = TokenIndex(self.documents)
        self.title_words = TokenIndex(self.titles)

    def search(self, words: list[str], *, also_visible: frozenset[int] = frozenset(), **facets: str) -> list[int]:
        """Ids of visible entries that match every facet value and every word (or a form of its concept,
        see `concepts`): with words, most relevant first (name and tagline hits, the word as typed),
        ties in listing order; without, in listing order."""
        visible = self.listed.copy()
        visible[[self.position[pk] for pk in also_visible if pk in self.position]] = True
        for facet, value in facets.items():
            if value:
                found = self.facets.get((facet, value))
                if found is None:
                    return []
                visible &= found
        score = np.zeros(len(self.entries), dtype=np.int32)
        for word in words:
            typed, *others = alternatives(word)
            in_document = self._matching(self.document_words, self.documents, typed, others)
            in_title = self._matching(self.title_words, self.titles, typed, others)
            visible &= in_document[0] | in_document[1]
            # Per word: 4 in the name or tagline, 1 elsewhere; as typed counts double a form of its concept.
            score += np.select([in_title[0], in_title[1], in_document[0], in_document[1]], [8, 4, 2, 1], 0)
        positions = np.flatnonzero(visible)
        if words:
            positions = positions[np.argsort(-score[positions], kind="stable")]
        return self.ids[positions].tolist()

    @staticmethod
    def _matching(words: TokenIndex, texts: list[str], typed: str, others: list[str]) -> tuple[Mask, Mask]:
        """Where the word occurs as typed, and where a form of its concept does."""
        as_typed = words.matching([typed], typed=True,
                                  verify=lambda form, position: _contains(texts[position], form, typed=True))
        as_concept = words.matching(others, typed=False,
                                    verify=lambda form, position: _contains(texts[position], form, typed=False))
        return as_typed, as_concept

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
    all_sectors = list(Sector.objects.select_related("parent"))
    parents = {sector.code: sector.parent.code for sector in all_sectors if sector.parent is not None}
    own_sectors: dict[int, list[str]] = defaultdict(list)
    for organisation_id, code in Organisation.sectors.through.objects.order_by("sector__position").values_list(
            "organisation_id", "sector__code"):
        own_sectors[organisation_id].append(code)
    hubs: dict[int, list[str]] = defaultdict(list)
    for organisation_id, slug in OrganisationHub.objects.filter(status=ApprovalStatus.APPROVED).order_by(
            "hub_id").values_list("organisation_id", "hub__slug"):
        hubs[organisation_id].append(slug)
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
              sectors=_with_parents(own := tuple(own_sectors.get(pk, ())), parents),
              hubs=tuple(hubs.get(pk, ())), asks=tuple(sorted(asks.get(pk, ()))),
              offers=tuple(sorted(offers.get(pk, ()))), document=document,
              title=searchable_words(" ".join([name, reading, *taglines.get(pk, ())])),
              slug=slug, name_reading=reading, investor_type=investor_type, original_language=original_language,
              own_sectors=len(own))
        for pk, slug, name, reading, kind, investor_type, stage, country, original_language, document
        in Organisation.objects.values_list("pk", "slug", "name", "name_reading", "kind", "investor_type", "stage",
                                            "country", "original_language", "search_document")
    ]
    return DirectoryIndex(entries, version, sectors=all_sectors, hubs=list(Hub.objects.order_by("pk")))


def _with_parents(own: tuple[str, ...], parents: dict[str, str]) -> tuple[str, ...]:
    """Own sector codes (in taxonomy order), then those of their parents not already among them."""
    return own + tuple(dict.fromkeys(parents[code] for code in own if code in parents and parents[code] not in own))


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
