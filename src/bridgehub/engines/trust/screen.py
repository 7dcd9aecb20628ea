"""Screening a message for scam signals: rules over the text, plus what the sender's profile shows.

Pure Python (no Django): the product and `bridgehub screen-messages` call the same `screen()`.
Evidence combines as independent signals (noisy-or of the fired rules' weights); a verified
sender lowers the score, an unverified one on a free-mail domain who claims a well-known name
raises it. Every flag carries its reason codes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from .rules import BIG_NAMES, DEFAULT_RULES, WARNING, Rule

FLAG_AT = 0.5  # score at or above which a message is flagged (held or shown with a caution)
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp", "yahoo.com.tw", "outlook.com", "hotmail.com",
    "live.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "qq.com", "163.com", "126.com",
    "gmx.com", "mail.com", "aol.com", "yandex.com", "hinet.net", "msa.hinet.net", "docomo.ne.jp", "ezweb.ne.jp",
})


@dataclass(frozen=True)
class Sender:
    kind: str  # investor, corporate, startup, talent
    name: str
    verified: bool
    email_domain: str
    # Behaviour in the hub (the product knows it; the evaluation format does not carry it).
    account_days: int | None = None  # age of the sender's account
    sent_last_day: int = 0  # introductions and meeting requests sent in the last 24 hours
    answered: int = 0  # of the sender's requests in the last 90 days, how many were answered
    declined: int = 0  # ... and how many of those declined
    reports: int = 0  # reports about the sender that an operator upheld or has not reviewed yet


@dataclass(frozen=True)
class Verdict:
    flag: bool
    score: float
    reasons: tuple[str, ...]


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), lower case, runs of spaces as one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).lower()


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    # ASCII word boundaries: "\bline\b" must match in "詳しくはlineで", where a Unicode \b would not.
    return re.compile(pattern, re.ASCII)


def _matches(pattern: str, text: str) -> bool:
    return bool(pattern) and _compiled(pattern).search(text) is not None


def fired(rule: Rule, text: str, sender: Sender, recipient_kind: str) -> bool:
    """Whether `rule` fires on already normalised text from `sender` to a recipient of `recipient_kind`."""
    if (rule.only_for and recipient_kind not in rule.only_for) or sender.kind in rule.not_from:
        return False
    if not _matches(rule.patterns, text) or not all(_matches(need, text) for need in rule.needs):
        return False
    if sender.verified and _matches(rule.unless_verified, text):
        return False
    return not _matches(rule.unless, text)


def sender_signals(sender: Sender, text: str) -> list[tuple[str, float]]:
    """What the profile adds: an unverified sender claiming a well-known name, free mail for a fund."""
    signals = []
    free_mail = sender.email_domain.lower() in FREE_MAIL
    claims_big_name = _matches(BIG_NAMES, normalise(sender.name)) or _matches(BIG_NAMES, text)
    if not sender.verified and claims_big_name:
        signals.append(("impersonation", 0.7 if free_mail or _lookalike_domain(sender) else 0.45))
    elif not sender.verified and free_mail and sender.kind in ("investor", "corporate"):
        signals.append(("unverified_free_mail", 0.25))
    return signals


def behaviour_signals(sender: Sender) -> list[tuple[str, float]]:
    """A new account sending many requests, most requests declined, earlier reports."""
    signals = []
    if sender.account_days is not None and sender.account_days < 14 and sender.sent_last_day >= 10:
        signals.append(("burst_new_account", 0.35))
    if sender.answered >= 5 and sender.declined / sender.answered >= 0.6:
        signals.append(("many_declines", 0.25))
    if sender.reports:
        signals.append(("reported_before", min(0.2 * sender.reports, 0.45)))
    return signals


def tuned_rules(disabled: Iterable[str] = (), weights: Mapping[str, float] | None = None,
                rules: tuple[Rule, ...] = DEFAULT_RULES) -> tuple[Rule, ...]:
    """The rules a hub runs: some switched off, some re-weighted (weights outside 0..1 are clipped)."""
    off, weights = set(disabled), weights or {}
    return tuple(replace(rule, weight=min(1.0, max(0.0, float(weights.get(rule.code, rule.weight)))))
                 for rule in rules if rule.code not in off)


def _lookalike_domain(sender: Sender) -> bool:
    """A domain that carries a big name but adds words to it (foxconn-sio.net, sequoia-asia-partners.com)."""
    domain = sender.email_domain.lower()
    return _matches(BIG_NAMES, domain.replace("-", " ").replace(".", " ")) and "-" in domain


def screen(text: str, sender: Sender, recipient_kind: str, rules: tuple[Rule, ...] = DEFAULT_RULES,
           flag_at: float = FLAG_AT) -> Verdict:
    """The verdict on one message (see the module docstring)."""
    folded = normalise(text)
    evidence = [(rule.code, rule.weight) for rule in rules if fired(rule, folded, sender, recipient_kind)]
    evidence += sender_signals(sender, folded) + behaviour_signals(sender)
    remaining = 1.0
    for _code, weight in evidence:
        remaining *= 1.0 - weight
    score = 1.0 - remaining
    if _matches(WARNING, folded):
        score *= 0.4  # a warning quotes the scam's words; it is not the scam
    if sender.verified:
        score *= 0.8  # verification is a signal, not proof: verified accounts are sometimes taken over
    reasons = tuple(dict.fromkeys(code for code, _weight in evidence))
    return Verdict(score >= flag_at, round(score, 4), reasons)
