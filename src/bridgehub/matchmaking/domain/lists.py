"""A hub's recommendation lists, rebuilt in the background after profiles change.

`request_rebuild` stamps the hub and queues a task a few seconds later, so a burst of edits (an import
of 300 organisations) costs one rebuild, not 300. The rebuild scores candidate pairs with the engine
(engines/matching/recommend.py), allocates lists under the counterparts' capacities, and stores them
with the exposure Gini; pages then read stored rows and only re-rank by the reader's own feedback.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import OrganisationHub
from bridgehub.engines.matching.feedback import target_prior
from bridgehub.engines.matching.index import VectorIndex
from bridgehub.engines.matching.recommend import Subject, build_lists, facets_from_json
from bridgehub.hubs.models import Hub, HubMembership
from bridgehub.matchmaking.enums import ProfileStatus, Signal
from bridgehub.matchmaking.models import HubMatching, MatchFeedback, MatchProfile, Recommendation

REBUILD_DELAY = timedelta(seconds=3)
NEIGHBOURS = 8
POSITIVE = (Signal.INTRO_ACCEPTED, Signal.MET_USEFUL)
NEGATIVE = (Signal.INTRO_DECLINED, Signal.MET_NOT_USEFUL)


def request_rebuild(hub_id: int) -> None:
    from bridgehub.matchmaking.tasks import rebuild_hub_task

    HubMatching.objects.update_or_create(hub_id=hub_id, defaults={"requested_at": timezone.now()})
    transaction.on_commit(lambda: rebuild_hub_task.using(run_after=timezone.now() + REBUILD_DELAY).enqueue(hub_id))


def rebuild_if_requested(hub_id: int) -> str:
    state = HubMatching.objects.filter(hub_id=hub_id).first()
    if state is not None and state.built_at and state.requested_at and state.built_at >= state.requested_at:
        return "up to date"
    rebuild_hub(hub_id)
    return "rebuilt"


def hub_profiles(hub_id: int, *, ready_only: bool = True):
    """Match profiles of the hub (ready ones by default): its approved organisations and its members
    open to roles."""
    org_ids = OrganisationHub.objects.filter(hub_id=hub_id, status=ApprovalStatus.APPROVED).values("organisation_id")
    users = HubMembership.objects.filter(hub_id=hub_id).values("user_id")
    return MatchProfile.objects.exclude(person__profile_visibility=Visibility.PRIVATE).filter(
        Q(organisation_id__in=org_ids)
        | Q(person__open_to_roles=True, person__user_id__in=users)
        | Q(person__open_to_roles=True, person__affiliations__organisation_id__in=org_ids),
        **({"status": ProfileStatus.READY} if ready_only else {}),
    ).distinct()


def _index_path(hub_id: int) -> Path:
    return Path(settings.MATCHING_INDEX_DIR) / f"hub-{hub_id}"


def nearest_by_vector(hub_id: int, profiles: list[MatchProfile]) -> dict[str, list[str]]:
    """Each profile's nearest profiles by vector, from the hub's persisted index (updated in place:
    only changed vectors are re-added; a missing or unreadable file is rebuilt from the rows)."""
    path = _index_path(hub_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    hashes_path = path.with_suffix(".hashes.npy")
    dim = len(bytes(profiles[0].vector or b"")) // 4  # the encoder's dimension (384 for e5-small)
    try:
        index = VectorIndex.load(path)
        known = dict(np.load(hashes_path, allow_pickle=False).tolist())
        if index.dim != dim:
            raise ValueError("the encoder changed")
    except (OSError, ValueError, KeyError):
        index, known = VectorIndex(dim), {}
    current = {str(p.pk): p.text_hash for p in profiles}
    gone = [key for key in known if key not in current]
    index.remove(gone)
    changed = [p for p in profiles if known.get(str(p.pk)) != p.text_hash]
    if changed:
        vectors = np.stack([np.frombuffer(bytes(p.vector or b""), dtype=np.float32) for p in changed])
        index.upsert([str(p.pk) for p in changed], vectors)
    index.save(path)
    np.save(hashes_path, np.array(sorted(current.items()), dtype=str))
    kinds = {str(p.pk): p.kind for p in profiles}
    out = {}
    for p in profiles:
        wanted = (lambda k: k != "startup") if p.kind == "startup" else (lambda k: k == "startup")
        hits = index.search(np.frombuffer(bytes(p.vector or b""), dtype=np.float32), k=4 * NEIGHBOURS)
        out[str(p.pk)] = [key for key, _s in hits if key in kinds and wanted(kinds[key])][:NEIGHBOURS]
    return out


def outcome_priors(profile_ids: list[int]) -> dict[int, float]:
    rows = (MatchFeedback.objects.filter(target_id__in=profile_ids, signal__in=POSITIVE + NEGATIVE)
            .values("target_id").annotate(good=Count("pk", filter=Q(signal__in=POSITIVE)),
                                          bad=Count("pk", filter=Q(signal__in=NEGATIVE))))
    return {row["target_id"]: target_prior(row["good"], row["bad"]) for row in rows}


def rebuild_hub(hub_id: int) -> HubMatching:
    started = time.perf_counter()
    requested = timezone.now()
    profiles = list(hub_profiles(hub_id).select_related("organisation", "person"))
    neighbours = nearest_by_vector(hub_id, profiles) if profiles else {}
    priors = outcome_priors([p.pk for p in profiles])
    subjects = []
    for p in profiles:
        ticket = p.facets.get("ticket")
        subjects.append(Subject(str(p.pk), facets_from_json(p.facets), tuple(ticket) if ticket else None,
                                frozenset(p.facets.get("languages", [])), p.monthly_capacity, priors.get(p.pk, 0.0),
                                tuple(neighbours.get(str(p.pk), ())),
                                np.frombuffer(bytes(p.vector), dtype=np.float32) if p.vector else None))
    built = build_lists(subjects)
    rows = []
    for key, picked in built.lists.items():
        reader_id = int(key.split(">")[0])
        for rank, candidate in enumerate(picked, start=1):
            pair = (str(reader_id), candidate.id)
            mutual = built.mutual.get(pair, built.mutual.get(pair[::-1], 0.0))
            rows.append(Recommendation(hub_id=hub_id, reader_id=reader_id, target_id=int(candidate.id), rank=rank,
                                       score=candidate.score, mutual=mutual, reasons=list(candidate.reasons)))
    with transaction.atomic():
        Recommendation.objects.filter(hub_id=hub_id).delete()
        Recommendation.objects.bulk_create(rows, batch_size=2000)
        state, _created = HubMatching.objects.get_or_create(hub_id=hub_id)
        state.built_at = requested if not state.requested_at or state.requested_at <= requested else state.built_at
        state.seconds = round(time.perf_counter() - started, 3)
        state.profiles = len(profiles)
        state.pairs_scored = built.pairs_scored
        state.exposure = built.exposure
        state.gini = built.gini
        state.save()
    return state


def rebuild_all() -> list[HubMatching]:
    return [rebuild_hub(hub_id) for hub_id in Hub.objects.order_by("pk").values_list("pk", flat=True)]
