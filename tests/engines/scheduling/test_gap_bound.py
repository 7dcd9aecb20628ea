"""The proved lower bound on gaps: each person alone, every day of 1, 2, ... blocks tried with a
matching of their meetings to its slots; the solver stops when it reaches the bound."""

import json
import time
from pathlib import Path

from bridgehub.engines.scheduling.gap_bound import gap_lower_bound, person_gap_bound
from bridgehub.engines.scheduling.instance import parse_instance
from bridgehub.engines.scheduling.solve import solve

DATA = Path(__file__).parent / "data"
ANY = frozenset(range(6))


def test_a_free_person_needs_no_gap():
    assert person_gap_bound([ANY, ANY, ANY], 6) == 0
    assert person_gap_bound([ANY], 6) == 0 and person_gap_bound([], 6) == 0


def test_a_hole_in_the_slots_forces_one_gap():
    # Slots 0-1 and 3-4 only (2 is taken elsewhere): four meetings cannot be one block.
    open_slots = frozenset({0, 1, 3, 4})
    assert person_gap_bound([open_slots] * 4, 6) == 1
    assert person_gap_bound([open_slots] * 2, 6) == 0


def test_the_meetings_own_slots_count_not_only_their_union():
    # The union {0, 1, 2, 3} has room for a block, but one meeting is pinned to 0 and one must be
    # in the afternoon (3): whatever the third does, the day has a hole.
    assert person_gap_bound([frozenset({0}), frozenset({3}), frozenset({0, 1, 2, 3})], 6) == 1
    assert person_gap_bound([frozenset({0}), frozenset({3}), frozenset({1}), frozenset({2})], 6) == 0
    assert person_gap_bound([frozenset({0}), frozenset({2}), frozenset({4})], 6) == 2


def test_the_bound_sums_people_and_gives_up_at_its_deadline():
    people = {0: [frozenset({0}), frozenset({2})], 1: [ANY, ANY]}
    assert gap_lower_bound(people, 6) == 1
    assert gap_lower_bound(people, 6, deadline=time.monotonic() - 1) is None


def test_the_solver_stops_at_the_bound_and_says_the_gaps_are_optimal():
    # p0 must meet p1 at 0 and p2 at 2 (their only slots): one gap is unavoidable, and reached.
    everyone = [{"id": f"p{i}", "languages": ["en"], "available": list(range(4))} for i in range(4)]
    data = {"slots": 4, "tables": 2, "participants": everyone,
            "requests": [{"a": "p0", "b": "p1", "weight": 1, "slots": [0]},
                         {"a": "p0", "b": "p2", "weight": 1, "slots": [2]},
                         {"a": "p2", "b": "p3", "weight": 1}]}
    result = solve(parse_instance(data), time_limit=5)
    assert (result.report.breaks, result.gap_floor, result.gaps_optimal) == (1, 1, True)
    assert result.compaction is None  # at the bound: CP-SAT is not run, nothing is left to find
    assert result.summary()["breaks_floor"] == 1


def test_on_a_real_event_the_bound_is_below_what_the_solver_finds():
    instance = parse_instance(json.loads((DATA / "forum-13.fixed020-Forb.json").read_text(encoding="utf-8")))
    result = solve(instance, time_limit=3)
    assert result.gap_floor is not None and 0 < result.gap_floor <= result.report.breaks
