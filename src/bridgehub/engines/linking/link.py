"""Which directory organisations a sentence mentions.

Pure Python (no Django); the product's signals app and `bridgehub link-news` call the same `Linker`.

Every directory name is folded (see `fold` and `names`) into keys; a sentence is folded the same way
and scanned for keys, longest first. A found key is a mention only where the original text agrees:
a Latin-script name must not start or end inside a word ("UN" in "under"), a katakana name must not
start or end inside a katakana word (トヨタ in トヨタカップ), and where two mentions overlap the longer
one wins (東映東京撮影所 over 東映); a name shared by several organisations links none of them. Cost is
linear in the text: at each position only the key lengths that start with the two characters there are
tried.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .fold import DROPPED_MARKS, Folded, closer_fold, fold, is_katakana, is_latin_word_char
from .names import name_keys, strip_legal_forms


@dataclass(frozen=True)
class Entry:
    """A directory organisation as the linker sees it: an id and every name it is listed under."""

    id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """A span of the original text (start inclusive, end exclusive) naming the organisations `ids`."""

    start: int
    end: int
    ids: frozenset[str]
    key: str


class Linker:
    """Finds the organisations of a directory in texts; build once, call `mentions` per text."""

    def __init__(self, entries: Iterable[Entry]):
        self._ids_by_key: dict[str, set[str]] = defaultdict(set)
        # For keys that several organisations share: each one's names folded less eagerly.
        self._closer: dict[str, set[str]] = defaultdict(set)
        self._lower_case_keys: set[str] = set()  # Latin names some organisation writes in lower case
        self.names: dict[str, tuple[str, ...]] = {}  # every organisation's names as the directory lists them
        for entry in entries:
            self.names[entry.id] = entry.names
            for name in entry.names:
                keys = name_keys(name)
                for key in keys:
                    self._ids_by_key[key].add(entry.id)
                    if name.islower():
                        self._lower_case_keys.add(key)
                if keys:
                    self._closer[entry.id] |= {closer_fold(name), closer_fold(strip_legal_forms(name))}
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in self._ids_by_key:
            lengths[key[:2]].add(len(key))
        self._lengths_by_prefix = {prefix: sorted(found, reverse=True) for prefix, found in lengths.items()}

    def mentions(self, text: str) -> list[Mention]:
        """The mentions of directory organisations in `text`, in reading order."""
        folded = fold(text)
        candidates = []
        size = len(folded.text)
        for start in range(size - 1):
            for length in self._lengths_by_prefix.get(folded.text[start:start + 2], ()):
                if start + length > size:
                    continue
                key = folded.text[start:start + length]
                ids = self._ids_by_key.get(key)
                if ids and _stands_alone(text, folded, start, start + length, key in self._lower_case_keys):
                    first, end = folded.origins[start], folded.origins[start + length - 1] + 1
                    candidates.append(Mention(first, end, self._closest(ids, text[first:end]), key))
        # A name that several organisations share, and that the text does not tell apart, alerts nobody
        # (three funds read "Zhuke Ventures"); it still covers its span, so no shorter name inside fires.
        return [mention for mention in _longest_first(candidates) if len(mention.ids) == 1]

    def _closest(self, ids: set[str], span: str) -> frozenset[str]:
        """Of organisations sharing a key, those written as the span is, where some are."""
        if len(ids) > 1:
            written = closer_fold(span)
            closer = {organisation for organisation in ids if written in self._closer[organisation]}
            if closer:
                return frozenset(closer)
        return frozenset(ids)

    def link(self, text: str) -> set[str]:
        """The ids of the organisations `text` mentions."""
        return {organisation for mention in self.mentions(text) for organisation in mention.ids}


def _stands_alone(text: str, folded: Folded, start: int, end: int, lower_case_name: bool) -> bool:
    """Whether folded[start:end] covers whole original characters and does not run on into a word."""
    origins = folded.origins
    if (start > 0 and origins[start - 1] == origins[start]) or (
            end < len(origins) and origins[end] == origins[end - 1]):
        return False
    first, last = origins[start], origins[end - 1]
    before = text[first - 1] if first > 0 else ""
    after_index = last + 1
    while after_index < len(text) and text[after_index] in DROPPED_MARKS:
        after_index += 1
    after = text[after_index] if after_index < len(text) else ""
    key = folded.text[start:end]
    if key[0].isascii() and key[0].isalnum() and before and is_latin_word_char(before):
        return False
    if key[-1].isascii() and key[-1].isalnum() and after and (is_latin_word_char(after) or is_katakana(after)):
        # Latin letters run on into katakana as one Japanese word (BBCプロムス is a concert series).
        return False
    if is_katakana(text[first]) and before and is_katakana(before):
        return False
    if is_katakana(text[last]) and after and is_katakana(after):
        return False
    # A company called LINE or Apple is written with capitals; "line" and "apple" are words (unless the
    # directory itself writes the name in lower case, as freee does).
    return not (key.isascii() and text[first:last + 1].islower() and not lower_case_name)


def _longest_first(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, the longer (then earlier) one kept where two overlap."""
    kept: list[Mention] = []
    for mention in sorted(candidates, key=lambda found: (found.start - found.end, found.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda found: found.start)
