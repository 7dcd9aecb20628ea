"""Is a new or edited organisation confusingly close to a verified one? Is a name on a sanctions list?

Pure Python (no Django). Names are compared after `names.fold_name` (look-alike letters, CJK
variants and scripts, legal forms and punctuation folded away): the same core, a core one or two
edits away, or a verified core inside a longer one ("Sequoia Capital Partners Asia"). Domains are
compared on the label the organisation chose (sequoiacap in sequoiacap.com): the same label under
another suffix, a label one edit away, or the verified label inside a longer hyphenated one
(sequoiacap-asia.com). Every hit names the verified original and the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from .names import domain_label, fold_name, latin_tokens, skeleton

MIN_CORE = 4  # shorter folded names ("AI", "LINE") are common words: only an exact match counts
CONTAIN_MIN_CORE = 6  # a verified core found inside a longer name must be this long to count


@dataclass(frozen=True)
class Known:
    """A verified organisation (or a sanctions entry): its id, names and, for organisations, its domain."""

    id: str
    names: tuple[str, ...]
    domain: str = ""


@dataclass(frozen=True)
class Hit:
    original_id: str
    reason: str  # same_name, similar_name, contains_name, same_domain, similar_domain, brand_in_domain
    detail: str  # the two forms compared, for the reviewer


def _edits_allowed(core: str) -> int:
    # CJK cores are short but dense: one changed character already makes another name.
    if any(ord(char) > 0x2E80 for char in core):
        return 0 if len(core) < 4 else 1
    return 1 if len(core) < 9 else 2


def name_hits(name: str, known: Known) -> Hit | None:
    core = fold_name(name)
    if not core:
        return None
    for original in known.names:
        other = fold_name(original)
        if not other:
            continue
        if core == other:
            return Hit(known.id, "same_name", f"{name} ~ {original}")
        if min(len(core), len(other)) < MIN_CORE:
            continue
        distance = Levenshtein.distance(core, other)
        if distance <= _edits_allowed(other) and ratio(core, other) >= 80:
            return Hit(known.id, "similar_name", f"{name} ~ {original}")
        if len(other) >= CONTAIN_MIN_CORE and other in core:
            return Hit(known.id, "contains_name", f"{name} ⊃ {original}")
    return None


def domain_hits(domain: str, known: Known) -> Hit | None:
    if not domain or not known.domain:
        return None
    mine, theirs = skeleton(domain.strip().rstrip(".")), skeleton(known.domain.strip().rstrip("."))
    if mine == theirs or mine.endswith("." + theirs):
        return Hit(known.id, "same_domain", f"{domain} = {known.domain}")
    label, original = domain_label(mine), domain_label(theirs)
    if len(original) < MIN_CORE or not label:
        return None
    if label.replace("-", "") == original.replace("-", ""):
        return Hit(known.id, "similar_domain", f"{domain} ~ {known.domain}")
    if len(original) >= 5 and Levenshtein.distance(label, original) == 1:
        return Hit(known.id, "similar_domain", f"{domain} ~ {known.domain}")
    if original in label.split("-") or (len(original) >= CONTAIN_MIN_CORE and original in label):
        return Hit(known.id, "brand_in_domain", f"{domain} ⊃ {known.domain}")
    return None


def lookalikes(names: Sequence[str], domain: str, verified: Iterable[Known]) -> list[Hit]:
    """Every verified organisation the candidate (its names in any language, its domain) resembles."""
    hits = []
    for known in verified:
        hit = next((found for found in (name_hits(name, known) for name in names if name) if found), None)
        hit = hit or domain_hits(domain, known)
        if hit:
            hits.append(hit)
    return hits


def sanctions_hits(names: Sequence[str], entries: Iterable[Known], threshold: float = 92.0) -> list[Hit]:
    """Sanctions entries (their names and aliases in any script) that one of `names` matches.

    Exact folded matches in any script, or, for Latin names, the same words in another order or with
    a small spelling difference (token ratio ≥ `threshold`). Cross-script matches need the entry's
    alias in that script: nothing here transliterates, so nothing guesses.
    """
    mine = [(fold_name(name), latin_tokens(name)) for name in names if name]
    hits = []
    for entry in entries:
        for alias in entry.names:
            core, tokens = fold_name(alias), latin_tokens(alias)
            if any(core and core == my_core for my_core, _ in mine):
                hits.append(Hit(entry.id, "same_name", alias))
                break
            if tokens and any(len(my_tokens) >= 2 and ratio(" ".join(tokens), " ".join(my_tokens)) >= threshold
                              for _, my_tokens in mine):
                hits.append(Hit(entry.id, "similar_name", alias))
                break
    return hits
