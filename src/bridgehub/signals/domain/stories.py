"""A hub's recent stories, as ingestion needs them: which one a new item copies, translates or follows up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from django.utils import timezone

from bridgehub.engines.linking.carry import bracketed_forms, carried_over, encoder_similarities, has_latin_name
from bridgehub.engines.linking.link import Linker
from bridgehub.engines.linking.stories import (
    TRANSLATION_DAYS,
    StoryFacts,
    StoryIndex,
    is_follow_up,
    same_subject,
    translation_of,
)
from bridgehub.hubs.models import Hub
from bridgehub.signals.models import Item

# Copies and follow-ups are looked for among the stories of the last weeks, not the whole archive.
STORY_WINDOW = timedelta(days=45)
# A translation that names fewer organisations than its original (the directory lists some in the other
# script only) shares no organisation to find it by: at most this many stories of the days around it,
# nearest first, are compared by meaning (each costs the encoder one text, once per ingestion run).
TRANSLATION_CANDIDATES = 20


def day_of(moment: datetime) -> int:
    return moment.date().toordinal()


@dataclass(frozen=True)
class Copy:
    """The story an item copies, and the organisations the item names that the story did not."""

    story: int
    new_organisations: frozenset[str] = frozenset()


def _encode(texts: list[str]) -> np.ndarray:
    """The configured encoder's query vectors; the encoder is loaded only when a translation is possible."""
    from bridgehub.matchmaking.domain.refresh import encoder

    return encoder().queries(texts)


class RecentStories:
    """The hub's stories of the last weeks: their signatures, organisations, event types and days."""

    def __init__(self, hub: Hub, linker: Linker):
        self.linker = linker
        recent = list(Item.objects.filter(hub=hub, published_at__gte=timezone.now() - STORY_WINDOW)
                      .prefetch_related("links").only("pk", "signature", "event_type", "published_at", "language"))
        self.index = StoryIndex((str(item.pk), bytes(item.signature)) for item in recent)
        self.facts: dict[int, StoryFacts] = {}
        self.languages: dict[int, str] = {}
        # Follow-ups and translations share an organisation: mostly only those stories are looked at.
        self.naming: dict[str, set[int]] = {}
        self.by_day: dict[int, list[int]] = {}
        self._vectors: dict[int, np.ndarray] = {}
        self._similarities = encoder_similarities(_encode)  # names and spans, each encoded once per run
        # Organisations with no name in Latin letters, and the stories in other languages naming one: only
        # those can differ from their English translation by what the linker reads.
        self.other_script_only = {organisation for organisation, names in linker.names.items()
                                  if not has_latin_name(names)}
        self.naming_other_script: set[int] = set()
        for item in recent:
            fact = StoryFacts(frozenset(str(link.organisation_id) for link in item.links.all()),
                              item.event_type, day_of(item.published_at))
            self._remember(item.pk, item.language, fact)

    def _remember(self, pk: int, language: str, fact: StoryFacts) -> None:
        self.facts[pk] = fact
        self.languages[pk] = language
        self.by_day.setdefault(fact.day, []).append(pk)
        self._index_names(pk, fact)
        if language != "en" and fact.organisations & self.other_script_only:
            self.naming_other_script.add(pk)

    def _index_names(self, pk: int, fact: StoryFacts) -> None:
        for organisation in fact.organisations:
            self.naming.setdefault(organisation, set()).add(pk)

    def _sharing(self, named: frozenset[str]) -> set[int]:
        return set().union(*(self.naming.get(organisation, set()) for organisation in named))

    def copy_of(self, text: str, language: str, packed: bytes, named: frozenset[str], day: int) -> Copy | None:
        """The story this text copies: the same words (MinHash), or the same meaning in another language."""
        found = self.index.copy_of(packed, lambda key: same_subject(self.facts[int(key)].organisations, named))
        if found is not None:
            return Copy(int(found))
        same = sorted(pk for pk in self._sharing(named) if self.facts[pk].organisations == named
                      and abs(self.facts[pk].day - day) <= TRANSLATION_DAYS and self.languages[pk] != language)
        naming_more = self._naming_other_script(language, named, day)
        if not same and not naming_more:
            return None  # the encoder is loaded only when a translation is possible
        vector, vectors = self._vectors_of(text, same + naming_more)
        found = translation_of(vector, [(str(pk), vectors[pk]) for pk in same])
        if found is not None:
            return Copy(int(found))
        found = translation_of(vector, [(str(pk), vectors[pk]) for pk in naming_more])
        return self._carrying(text, language, named, int(found)) if found is not None else None

    def _naming_other_script(self, language: str, named: frozenset[str], day: int) -> list[int]:
        """Stories of the days around `day` that can be this text's translation though they name other
        organisations: the English side names fewer, the others all listed in the other script only."""
        if language == "en":
            pool = [pk for pk in self.naming_other_script if abs(self.facts[pk].day - day) <= TRANSLATION_DAYS]
        elif named & self.other_script_only:
            pool = [pk for offset in range(-TRANSLATION_DAYS, TRANSLATION_DAYS + 1)
                    for pk in self.by_day.get(day + offset, ()) if self.languages[pk] == "en"]
        else:
            return []
        found = [pk for pk in pool if self._differ_by_other_script(named, self.facts[pk].organisations, language)]
        return sorted(found, key=lambda pk: (abs(self.facts[pk].day - day), -pk))[:TRANSLATION_CANDIDATES]

    def _differ_by_other_script(self, named: frozenset[str], theirs: frozenset[str], language: str) -> bool:
        english, original = (named, theirs) if language == "en" else (theirs, named)
        return english < original and original - english <= self.other_script_only

    def _vectors_of(self, text: str, stories: list[int]) -> tuple[np.ndarray, dict[int, np.ndarray]]:
        """The encoder's vectors of `text` and of the stories (each story encoded once per run)."""
        missing = [pk for pk in stories if pk not in self._vectors]
        texts = dict(self._texts(missing))
        encoded = _encode([text] + [texts[pk] for pk in missing])
        self._vectors.update(zip(missing, encoded[1:], strict=True))
        return encoded[0], {pk: self._vectors[pk] for pk in stories}

    @staticmethod
    def _texts(stories: list[int]) -> list[tuple[int, str]]:
        return [(pk, f"{title}\n{body}") for pk, title, body in
                Item.objects.filter(pk__in=stories).values_list("pk", "title", "body")]

    def _carrying(self, text: str, language: str, named: frozenset[str], story: int) -> Copy | None:
        """`story` as the copy this translation makes, if the English side shows a name for each
        organisation only the other side's links name (`engines.linking.carry`)."""
        theirs = self.facts[story].organisations
        if language == "en":
            english, other, original = text, dict(self._texts([story]))[story], theirs - named
        else:
            english, other, original = dict(self._texts([story]))[story], text, named - theirs
        covered = [(mention.start, mention.end) for mention in self.linker.mentions(english)]
        given = bracketed_forms(other, [(mention.start, mention.end, mention.ids)
                                        for mention in self.linker.mentions(other)])
        carried = carried_over({organisation: self.linker.names[organisation] for organisation in original},
                               english, covered, self._similarities, given)
        if set(carried) != original:
            return None
        new = frozenset(named - theirs)
        if new:
            fact = self.facts[story]
            self.facts[story] = StoryFacts(fact.organisations | new, fact.event_type, fact.day)
            self._index_names(story, self.facts[story])
        return Copy(story, new_organisations=new)

    def follow_up_of(self, story: StoryFacts) -> int | None:
        earlier = [pk for pk in self._sharing(story.organisations) if is_follow_up(story, self.facts[pk])]
        return max(earlier, key=lambda pk: self.facts[pk].day) if earlier else None

    def add(self, item: Item, story: StoryFacts, packed: bytes) -> None:
        self.index.add(str(item.pk), packed)
        self._remember(item.pk, item.language, story)
