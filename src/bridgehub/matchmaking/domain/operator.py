"""What a hub's operators see of matching: the strongest matches nobody acted on, and how fairly
recommendations are spread (exposure against stated capacity)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from bridgehub.directory.models import Sector
from bridgehub.engines.matching.recommend import DEFAULT_CAPACITY
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain.explain import reason_text
from bridgehub.matchmaking.enums import ProfileStatus
from bridgehub.matchmaking.models import HubMatching, Introduction, MatchProfile, Recommendation


@dataclass
class UnmetMatch:
    startup: MatchProfile
    other: MatchProfile
    mutual: float
    reasons: list[str]
    score: float = 0.0  # the full pair score the list is ordered by (fit, ticket, likeness, outcomes)


@dataclass
class Exposure:
    profile: MatchProfile
    shown: int
    capacity: int
    stated: bool


def _acted_pairs(hub: Hub, organisation_pairs: Iterable[tuple[int, int]]) -> set[frozenset]:
    """Profile-id pairs with an introduction in this hub, or (given by the caller, e.g. exchange meeting
    requests) a pair of organisations that is already in touch."""
    pairs = {frozenset(p) for p in Introduction.objects.filter(hub=hub).values_list("requester_id", "recipient_id")}
    organisation_pairs = list(organisation_pairs)
    ids = {org for pair in organisation_pairs for org in pair}
    profile_of = dict(MatchProfile.objects.filter(organisation_id__in=ids).values_list("organisation_id", "pk"))
    for a, b in organisation_pairs:
        if a in profile_of and b in profile_of:
            pairs.add(frozenset((profile_of[a], profile_of[b])))
    return pairs


def unmet_matches(hub: Hub, *, in_touch: Iterable[tuple[int, int]] = (), limit: int = 30,
                  ui_language: str | None = None) -> list[UnmetMatch]:
    """The hub's strongest two-sided fits with no introduction yet, best first; `in_touch` names
    organisation pairs already in touch some other way (exchange meeting requests)."""
    acted = _acted_pairs(hub, in_touch)
    rows = (Recommendation.objects.filter(hub=hub, reader__kind="startup")
            .select_related("reader__organisation", "target__organisation", "target__person")
            .order_by("-score", "-mutual", "pk"))  # the full pair score: ticket size and outcomes count
    sectors = {s.code: s for s in Sector.objects.all()}
    out: list[UnmetMatch] = []
    for row in rows.iterator(chunk_size=500):
        if frozenset((row.reader_id, row.target_id)) in acted:
            continue
        out.append(UnmetMatch(row.reader, row.target, row.mutual,
                              [reason_text(code, sectors, ui_language) for code in row.reasons], row.score))
        if len(out) >= limit:
            break
    return out


def exposure_report(hub: Hub, *, limit: int = 20) -> dict[str, Any]:
    state = HubMatching.objects.filter(hub=hub).first()
    exposure = {int(k): v for k, v in (state.exposure if state else {}).items()}
    top = sorted(exposure, key=lambda pk: -exposure[pk])[:limit]
    profiles = MatchProfile.objects.select_related("organisation", "person").in_bulk(top)
    rows = [Exposure(profiles[pk], exposure[pk], profiles[pk].monthly_capacity or DEFAULT_CAPACITY,
                     profiles[pk].monthly_capacity is not None) for pk in top if pk in profiles]
    from bridgehub.matchmaking.domain.lists import hub_profiles

    statuses = dict(MatchProfile.objects.filter(pk__in=hub_profiles(hub.pk, ready_only=False).values("pk"))
                    .values("status").annotate(n=Count("pk")).values_list("status", "n"))
    never_shown = sum(1 for count in exposure.values() if count == 0)
    return {"state": state, "top": rows, "never_shown": never_shown,
            "ready": statuses.get(ProfileStatus.READY, 0), "too_short": statuses.get(ProfileStatus.TOO_SHORT, 0),
            "pending": statuses.get(ProfileStatus.PENDING, 0)}
