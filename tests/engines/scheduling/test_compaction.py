"""The CP-SAT gap phase: the same meetings, fewer idle gaps, the fairness rule, pins untouched."""

import json
import time
from pathlib import Path

from bridgehub.engines.scheduling.check import check_schedule, idle_breaks
from bridgehub.engines.scheduling.compact_cp import breaks_by_person, compact_with_cpsat, score
from bridgehub.engines.scheduling.instance import parse_instance
from bridgehub.engines.scheduling.solve import solve
from bridgehub.engines.scheduling.state import ScheduleState, prepare

DATA = Path(__file__).parent / "data"


def placed(data: dict, slots: list[int]) -> ScheduleState:
    """A state holding request i in slots[i], as an earlier phase might have left it."""
    instance = parse_instance(data)
    people, _interpreters, asks = prepare(instance)
    state = ScheduleState(instance, people, asks)
    for k, slot in enumerate(slots):
        assert state.try_add(k, slot)
    return state


def everyone(n: int, slots: int) -> list[dict]:
    return [{"id": f"p{i}", "languages": ["en"], "available": list(range(slots))} for i in range(n)]


def test_a_day_with_two_waits_becomes_one_block_and_the_pin_stays():
    # p0 meets p1, p2, p3 in slots 0, 2, 4 (two waits); the meeting with p3 is pinned to slot 4.
    data = {"slots": 5, "tables": 3, "participants": everyone(4, 5),
            "requests": [{"a": "p0", "b": "p1", "weight": 1}, {"a": "p0", "b": "p2", "weight": 1},
                         {"a": "p0", "b": "p3", "weight": 1, "pinned_slot": 4}]}
    state = placed(data, [0, 2, 4])
    assert breaks_by_person(state)[0] == 2
    result = compact_with_cpsat(state, time.monotonic() + 3, fairness=None)
    assert (result.breaks_before, result.breaks_after, result.proven_optimal) == (2, 0, True)
    assert sorted(state.held) == [2, 3, 4] and state.held[2] == 4


def test_a_fairness_rule_that_cannot_be_met_still_gives_the_fewest_gaps():
    # p1 can only come at slot 0 and p2 only at slot 2: p0 must wait once, everyone else never, so
    # "spread 0" is impossible. The rule is soft: the answer is the best schedule, not a failure.
    data = {"slots": 4, "tables": 2, "participants": everyone(4, 4),
            "requests": [{"a": "p0", "b": "p1", "weight": 1, "slots": [0]},
                         {"a": "p0", "b": "p2", "weight": 1, "slots": [2]},
                         {"a": "p0", "b": "p3", "weight": 1}]}
    state = placed(data, [0, 2, 3])  # p0 waits at 1
    result = compact_with_cpsat(state, time.monotonic() + 3, fairness=0)
    assert result.breaks_after == 0 and state.held == [0, 2, 1]  # p3 moves into the wait
    state = placed({**data, "requests": data["requests"][:2]}, [0, 2])
    result = compact_with_cpsat(state, time.monotonic() + 3, fairness=0)
    assert (result.breaks_after, result.spread_after) == (1, 1)
    assert score({0: 1, 1: 0, 2: 0}, 0) > score({0: 1, 1: 0, 2: 0}, None)


def test_the_real_event_keeps_every_meeting_and_pin_with_fewer_gaps_and_the_rule_held():
    instance = parse_instance(json.loads((DATA / "forum-13.fixed020-Forb.json").read_text(encoding="utf-8")))
    result = solve(instance, time_limit=5)
    report = check_schedule(instance, result.meetings)
    assert report.feasible and report.meetings == len(instance.requests)
    assert result.fairness == 2  # every request fits, so the rule is on
    assert report.breaks_spread <= 2
    assert result.annealing is not None and result.annealing.breaks_after < result.annealing.breaks_before
    assert result.compaction is not None and result.compaction.breaks_before == result.annealing.breaks_after
    assert result.compaction.breaks_after <= result.compaction.breaks_before
    assert sum(idle_breaks(result.meetings).values()) == report.breaks
    pinned = {r.pair: r.pinned_slot for r in instance.requests if r.pinned_slot is not None}
    assert all(m.slot == pinned[m.pair] for m in result.meetings if m.pair in pinned)


def test_fairness_can_be_switched_off():
    instance = parse_instance(json.loads((DATA / "forum-13.fixed020-Forb.json").read_text(encoding="utf-8")))
    assert solve(instance, time_limit=2, fairness=None).fairness is None
