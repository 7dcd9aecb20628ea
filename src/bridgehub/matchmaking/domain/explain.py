"""Explanations in the reader's language: reason codes as sentences, and the best sentence pair."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from bridgehub.common.languages import content_language_for_ui
from bridgehub.directory.enums import Country, Stage, TalentRole
from bridgehub.directory.models import Sector
from bridgehub.engines.matching.facets import MEANING
from bridgehub.engines.matching.text import normalise
from bridgehub.matchmaking.models import MatchProfile


def offer_label(value: str) -> str:
    labels = {"poc": _("a PoC"), "distribution_japan": _("distribution in Japan"),
              "distribution_taiwan": _("distribution in Taiwan"), "manufacturing": _("manufacturing")}
    return labels.get(value, value)


# The enums' values as sets, made once: `Country.values` builds its list anew on every call (11 µs,
# and a page states ~20 reasons).
_STAGES, _COUNTRIES, _ROLES = frozenset(Stage.values), frozenset(Country.values), frozenset(TalentRole.values)


def reason_text(code: str, sectors: dict[str, Sector], ui_language: str | None) -> str:
    """One engine reason code (e.g. "sector:robotics") as a sentence in the active language."""
    kind, _sep, value = code.partition(":")
    if kind == "sector":
        label = sectors[value].label_for(ui_language) if value in sectors else value
        return _("Profiles fit in %(sector)s") % {"sector": label}
    if kind == "stage":
        return _("Stage fits: %(stage)s") % {"stage": Stage(value).label if value in _STAGES else value}
    if kind == "geography":
        return _("Invests in %(country)s") % {"country": Country(value).label if value in _COUNTRIES else value}
    if kind == "need":
        return _("Raising money meets an investor")
    if kind == "role":
        return _("Hiring for the role they seek: %(role)s") % {
            "role": TalentRole(value).label if value in _ROLES else value}
    if kind == "ticket":
        return _("Ticket size fits the round") if value == "fits" else _("Ticket size and round are far apart")
    if kind == "language":
        return _("No shared working language: ask the hub for an interpreter")
    return _("Offer meets a need: %(offer)s") % {"offer": offer_label(value)}


@dataclass(frozen=True)
class SentencePair:
    mine: str
    theirs: str
    similarity: float


@dataclass
class Sentences:
    """One profile's sentences in a language (where it has them, else all) with their vectors; the
    normalised lines are made on first use and kept (a page pairs the reader's with every card)."""

    profile: MatchProfile
    lines: list[str]
    vectors: np.ndarray
    _normalised: list[str] | None = None

    def normalised(self) -> list[str]:
        if self._normalised is None:
            self._normalised = [normalise(line) for line in self.lines]
        return self._normalised


def sentences_of(profile: MatchProfile, language: str) -> Sentences:
    if not profile.sentences or not profile.sentence_vectors:
        return Sentences(profile, [], np.zeros((0, 1), dtype=np.float32))
    vectors = (np.frombuffer(bytes(profile.sentence_vectors), dtype=np.float16)
               .reshape(len(profile.sentences), -1).astype(np.float32))
    rows = [i for i, (lang, _s) in enumerate(profile.sentences) if lang == language] or list(
        range(len(profile.sentences)))
    return Sentences(profile, [profile.sentences[i][1] for i in rows], vectors[rows])


EVIDENCE_BONUS = 0.15  # a sentence holding the words a matched facet was read from explains it best


def _evidence_bonus(side: Sentences, reasons) -> np.ndarray:
    """A bonus for each line holding the evidence of a matched facet: a cue word it was read from,
    or the sentence the meaning reader found says it best."""
    profile = side.profile
    evidence = profile.facets.get("evidence", {})
    values = [code.partition(":")[2] for code in reasons]
    cues = {cue for value in values for cue in evidence.get(value, []) if cue != MEANING}
    said = {profile.sentences[i][1] for value in values
            for i in [profile.facets.get("evidence_sentences", {}).get(value)]
            if i is not None and i < len(profile.sentences)}
    if not cues and not said:
        return np.zeros(len(side.lines), dtype=np.float32)
    normalised = side.normalised() if cues else [""] * len(side.lines)
    return np.array([EVIDENCE_BONUS * (any(cue in text for cue in cues) or line in said)
                     for line, text in zip(side.lines, normalised, strict=True)], dtype=np.float32)


def best_sentence_pair(reader: MatchProfile, target: MatchProfile, ui_language: str | None,
                       reasons: tuple[str, ...] | list[str] = (), mine: Sentences | None = None) -> SentencePair | None:
    """The sentence of each public profile that fit each other best, from stored vectors (no encoder
    in the request), preferring sentences written in the reader's language and those holding the
    words a matched facet (the `reasons` codes) was read from. `mine`: the reader's `sentences_of`
    where the caller pairs them with many targets."""
    language = content_language_for_ui(ui_language)
    mine = mine if mine is not None else sentences_of(reader, language)
    theirs = sentences_of(target, language)
    if not mine.lines or not theirs.lines:
        return None
    similarity = (mine.vectors @ theirs.vectors.T + _evidence_bonus(mine, reasons)[:, None]
                  + _evidence_bonus(theirs, reasons)[None, :])
    i, j = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
    return SentencePair(mine.lines[i], theirs.lines[j], round(float(mine.vectors[i] @ theirs.vectors[j]), 3))


def need_label(value: str) -> str:
    labels = {"funding": _("funding"), "poc_partner": _("a PoC partner"),
              "distribution_japan": _("distribution in Japan"), "distribution_taiwan": _("distribution in Taiwan"),
              "manufacturing_partner": _("a manufacturing partner"), "talent": _("people to hire"),
              "rnd_collaboration": _("R&D collaboration")}
    return labels.get(value, value)


@dataclass(frozen=True)
class Reading:
    """What matching read from a profile, in words, with hints where something it needs is missing."""

    lines: list[tuple[str, str]]  # (what, value)
    hints: list[str]


def reading_of(profile: MatchProfile, ui_language: str | None, taxonomy: dict[str, Sector] | None = None) -> Reading:
    """The reader's own profile as matching sees it: sectors (and whether a term or the meaning of the
    text gave them), stage, needs or offers, role; and why a list may be empty. `taxonomy`: the
    sectors by code where the caller holds them."""
    facets = profile.facets or {}
    sectors = taxonomy if taxonomy is not None else {
        s.code: s for s in Sector.objects.filter(code__in=list(facets.get("sectors", {})))}
    evidence = facets.get("evidence", {})
    lines: list[tuple[str, str]] = []
    hints: list[str] = []
    if facets.get("sectors"):
        named = []
        for code in facets["sectors"]:
            label = sectors[code].label_for(ui_language) if code in sectors else code
            if evidence.get(code) == [MEANING]:
                label = _("%(sector)s (read from the meaning of your text)") % {"sector": label}
            named.append(label)
        lines.append((_("Sectors"), ", ".join(named)))
    elif profile.status == "ready":
        hints.append(_("We could not tell your sector from your text. Say what you make and for whom, or choose "
                       "your sectors in your profile."))
    if facets.get("stages"):
        lines.append((_("Stage"), ", ".join(str(Stage(s).label) if s in Stage.values else s for s in facets["stages"])))
    if facets.get("needs"):
        lines.append((_("Looking for"), ", ".join(need_label(n) for n in facets["needs"])))
    if facets.get("offers"):
        lines.append((_("Offers"), ", ".join(offer_label(o) for o in facets["offers"])))
    role = facets.get("role")
    if role:
        lines.append((_("Role"), str(TalentRole(role).label) if role in TalentRole.values else role))
    if profile.kind == "talent" and not role and profile.status == "ready":
        hints.append(_("We could not tell which role you seek from your biography: name it (for example "
                       "“firmware engineer”), or choose it in your profile. Start-ups that hire for that role then "
                       "appear here."))
    if profile.kind == "startup" and "funding" not in facets.get("needs", []) and profile.status == "ready":
        hints.append(_("We did not read that you are raising money, so investors are shown only when their field "
                       "fits. Say so in your profile if you are raising."))
    return Reading(lines, hints)
