"""Organisations a translation names in the other script, carried over from its original.

Pure Python (no Django). The directory may list an organisation in one script only: 明镜周刊 with no
"SPIEGEL", 人口普査局 with no "Census Bureau". The linker cannot find such a name in an English
translation of a Chinese story, yet the story names it. When a story and its translation are known to be
one (the encoder puts their texts within `TRANSLATION_THRESHOLD`, see `stories`), an organisation
linked in the original is carried over to the English text only where that text shows a name for it:

* the organisation has no name in Latin letters (otherwise the linker would have found it, or the
  translation does not name it);
* the English text has a name-shaped span no other link explains: two or more capitalised words
  ("Census Bureau", "Royal Navy", "LUISS University") or an acronym ("SPIEGEL", "BID"). A single
  capitalised word is left out: in English that is mostly a person, a place or an adjective of one
  ("German army", "Swedish troops"), the cases where translators keep the organisation's mention and
  annotators and readers do not take it for a name; unless the original gives that very word in
  brackets after the mention (波音（Boeing）);
* one of those spans holds a Latin form the original writes in brackets after the organisation's
  mention (《明鏡周刊》（SPIEGEL）), or lies within `CARRY_THRESHOLD` of one of its names in the
  encoder's space; and no other carried organisation took a span overlapping it.

Only Latin-script text receives: capitals are what mark a name there. Chinese and Japanese show no such
mark, and carrying a Latin-only name into them (Senate → 參議院?) would rest on the encoder alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# Cosine between multilingual-e5-small query vectors of an organisation's name and the span naming it in
# a translation. Set from how often a span that does not name the organisation reaches it (the dev set's
# English sentences against 150 organisations each that they do not name: 15 % reach 0.80, 1.4 % 0.83,
# 0.8 % 0.835, 0.5 % 0.84), not from the right spans, which scored 0.82–0.91 there
# (docs/benchmarks.md): a wrong link is an alert to the wrong people.
CARRY_THRESHOLD = 0.835

_WORD = r"[A-Z][\w'’&.-]*"
_CONNECTOR = r"(?:of|and|for|the|de|du|des|la|le|von|van|der|&)"
_NAME_SPAN = re.compile(rf"(?<![\w'’-]){_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_WORD})*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]*[A-Z0-9]$")
_LATIN_LETTER = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_NON_LATIN_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    shaped: bool = True  # two capitalised words or more, or an acronym (else one capitalised word)


def has_latin_name(names: Sequence[str]) -> bool:
    """Whether any of the names is written in Latin letters (and no Chinese, Japanese or Korean)."""
    return any(_LATIN_LETTER.search(name) and not _NON_LATIN_LETTER.search(name) for name in names)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    for suffix in ("'s", "’s", "'", "’"):
        if span.endswith(suffix):
            end -= len(suffix)
            span = text[start:end]
    while span and span[-1] in ".,-" and not _ACRONYM.match(span.split()[-1]):
        end -= 1
        span = text[start:end]
    if span.startswith(("The ", "A ", "An ")):
        start += span.index(" ") + 1
    return start, end


def name_spans(text: str, covered: Sequence[tuple[int, int]] = (), single_words: bool = False) -> list[Span]:
    """Spans of `text` shaped like a name (two capitalised words or more, or an acronym) that no
    `covered` (start, end) range overlaps; with `single_words`, single capitalised words too (marked
    not `shaped`). A run joined by "of", "for"... is offered whole and from each part after such a
    word ("Students of LUISS University": also "LUISS University")."""
    found = []
    for match in _NAME_SPAN.finditer(text):
        starts = [match.start()] + [match.start() + inner.end()
                                    for inner in re.finditer(rf"\s+{_CONNECTOR}\s+(?:{_CONNECTOR}\s+)*", match.group())]
        for first in starts:
            start, end = _trimmed(text, first, match.end())
            words = text[start:end].split()
            shaped = len(words) > 1 or (len(words) == 1 and bool(_ACRONYM.match(words[0].replace("'", ""))))
            if not words or not (shaped or single_words):
                continue
            if any(start < other_end and other_start < end for other_start, other_end in covered):
                continue
            found.append(Span(start, end, text[start:end], shaped))
    return found


def _holds(span: Span, forms: Sequence[str]) -> bool:
    """Whether a bracketed form stands in the span as whole words."""
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", span.text, re.IGNORECASE) for form in forms)


Similarities = Callable[[Sequence[str], Sequence[str]], np.ndarray]
"""Cosine similarities, one row per first text, one column per second (the encoder's query vectors)."""


_BRACKETED = re.compile(r"^[》」』”\"]?\s*[（(]([^（）()]{2,80})[）)]")


def bracketed_forms(text: str, mentions: Sequence[tuple[int, int, frozenset[str]]]) -> dict[str, set[str]]:
    """Latin forms a text writes in brackets right after an organisation's mention (鴻海（Foxconn）)."""
    forms: dict[str, set[str]] = {}
    for _start, end, ids in mentions:
        found = _BRACKETED.match(text[end:])
        if found and has_latin_name([found.group(1)]):
            for organisation in ids:
                forms.setdefault(organisation, set()).add(found.group(1).strip())
    return forms


def carried_over(
    original: Mapping[str, Sequence[str]],
    translation: str,
    covered: Sequence[tuple[int, int]],
    similarities: Similarities,
    bracketed: Mapping[str, set[str]] | None = None,
) -> dict[str, Span]:
    """Of the organisations linked in a story's original (id → directory names), those its English
    `translation` names in a span the linker could not read, with that span. `covered` are the
    translation's own mentions; `bracketed`, the Latin forms the original gives (`bracketed_forms`)."""
    carriable = {organisation: names for organisation, names in original.items() if not has_latin_name(names)}
    # A single capitalised word is taken only when the original itself gives it in brackets (鴻海（Foxconn）).
    spans = name_spans(translation, covered, single_words=bool(bracketed)) if carriable else []
    if not spans:
        return {}
    shaped = [span.text for span in spans if span.shaped]
    scored = []
    for organisation, names in sorted(carriable.items()):
        near = iter(similarities(list(names), shaped).max(axis=0) if shaped else [])
        forms = sorted((bracketed or {}).get(organisation, ()))
        for index, span in enumerate(spans):
            score = float(next(near)) if span.shaped else 0.0
            scored.append((1.0 if _holds(span, forms) else score, organisation, index))
    carried: dict[str, Span] = {}
    for score, organisation, index in sorted(scored, reverse=True):
        if score < CARRY_THRESHOLD:
            break
        span = spans[index]
        if organisation not in carried and all(span.end <= other.start or span.start >= other.end
                                               for other in carried.values()):
            carried[organisation] = span
    return carried


def mutual_pairs(first: np.ndarray, second: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Rows of `first` and `second` (unit vectors) that are each other's nearest at cosine ≥ threshold."""
    if not len(first) or not len(second):
        return []
    scores = first @ second.T
    best_second = scores.argmax(axis=1)
    best_first = scores.argmax(axis=0)
    return [(row, int(column)) for row, column in enumerate(best_second)
            if best_first[column] == row and scores[row, column] >= threshold]


@dataclass(frozen=True)
class LinkedText:
    """A text with its language and the linker's mentions (start, end, organisation ids)."""

    key: str
    language: str
    text: str
    mentions: Sequence[tuple[int, int, frozenset[str]]]

    @property
    def organisations(self) -> set[str]:
        return {organisation for _start, _end, ids in self.mentions for organisation in ids}


def carry_over_translations(
    texts: Sequence[LinkedText],
    names: Mapping[str, Sequence[str]],
    encode: Callable[[list[str]], np.ndarray],
    threshold: float,
) -> dict[str, dict[str, Span]]:
    """For a batch of linked texts with no dates (a file of items): English texts and their originals
    paired (each the other's nearest, cosine ≥ `threshold`), and what each English text gains.

    The encoder costs ~25 ms a sentence, so whole texts are encoded only where carrying is possible:
    first the short strings (the names of organisations listed in other scripts only that some text
    links, and the English texts' name-shaped spans), then only the English texts with a span near
    such a name, and the texts linking one of those names. Each distinct string is encoded once."""
    vector_of = _Vectors(encode)
    givers = [text for text in texts if text.language != "en"
              and any(not has_latin_name(names[organisation]) for organisation in text.organisations)]
    carriable = sorted({organisation for giver in givers for organisation in giver.organisations
                        if not has_latin_name(names[organisation])})
    forms: dict[str, set[str]] = {}
    for giver in givers:
        for organisation, found in bracketed_forms(giver.text, giver.mentions).items():
            forms.setdefault(organisation, set()).update(found)
    spans_of = {text.key: name_spans(text.text, [(start, end) for start, end, _ids in text.mentions],
                                     single_words=bool(forms))
                for text in texts if text.language == "en"}
    possible = _possible_carries(spans_of, carriable, names, forms, vector_of)
    takers = [text for text in texts if possible.get(text.key)]
    wanted = set().union(*possible.values()) if possible else set()
    givers = [giver for giver in givers if giver.organisations & wanted]
    if not givers or not takers:
        return {}
    taker_vectors = _unit(vector_of([text.text for text in takers]))
    giver_vectors = _unit(vector_of([text.text for text in givers]))
    gained = {}
    for taker_index, giver_index in mutual_pairs(taker_vectors, giver_vectors, threshold):
        taker, giver = takers[taker_index], givers[giver_index]
        original = {organisation: names[organisation] for organisation in giver.organisations
                    if organisation not in taker.organisations}
        carried = carried_over(original, taker.text, [(start, end) for start, end, _ids in taker.mentions],
                               _similarities(vector_of), bracketed_forms(giver.text, giver.mentions))
        if carried:
            gained[taker.key] = carried
    return gained


def _possible_carries(spans_of: Mapping[str, list[Span]], carriable: list[str], names: Mapping[str, Sequence[str]],
                      forms: Mapping[str, set[str]], vector_of: _Vectors) -> dict[str, set[str]]:
    """For each English text, the organisations some span of it could carry (`carried_over`'s test
    without the pairing): near one of their names, or holding a bracketed form an original gives."""
    span_texts = sorted({span.text for spans in spans_of.values() for span in spans if span.shaped})
    if not carriable:
        return {}
    near: dict[str, set[str]] = {}
    if span_texts:
        name_rows = [(organisation, name) for organisation in carriable for name in names[organisation]]
        scores = _unit(vector_of([name for _organisation, name in name_rows])) @ _unit(vector_of(span_texts)).T
        for row, (organisation, _name) in enumerate(name_rows):
            for index in np.flatnonzero(scores[row] >= CARRY_THRESHOLD):
                near.setdefault(span_texts[index], set()).add(organisation)
    possible: dict[str, set[str]] = {}
    for key, spans in spans_of.items():
        found = set().union(*(near.get(span.text, set()) for span in spans)) if spans else set()
        found |= {organisation for organisation, given in forms.items() for span in spans
                  if _holds(span, sorted(given))}
        if found:
            possible[key] = found
    return possible


class _Vectors:
    """The encoder's query vectors, each distinct string encoded once."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray]):
        self._encode = encode
        self._known: dict[str, np.ndarray] = {}

    def __call__(self, strings: Sequence[str]) -> np.ndarray:
        missing = sorted(set(strings) - self._known.keys())
        if missing:
            self._known.update(zip(missing, np.asarray(self._encode(missing), dtype=np.float32), strict=True))
        return np.stack([self._known[string] for string in strings]) if strings else np.zeros((0, 1), np.float32)


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def encoder_similarities(encode: Callable[[list[str]], np.ndarray]) -> Similarities:
    """`Similarities` from an encoder's query vectors, each distinct string encoded once."""
    return _similarities(_Vectors(encode))


def _similarities(vector_of: _Vectors) -> Similarities:
    def similarities(first: Sequence[str], second: Sequence[str]) -> np.ndarray:
        return np.asarray(_unit(vector_of(first)) @ _unit(vector_of(second)).T)
    return similarities
