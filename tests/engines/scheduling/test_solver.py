"""The scheduling engine on fixed and generated instances, judged by its own independent checker."""

import json
import random
from pathlib import Path

import pytest

from bridgehub.engines.scheduling.check import check_schedule
from bridgehub.engines.scheduling.cli import run_schedule
from bridgehub.engines.scheduling.instance import InstanceError, parse_instance, parse_schedule
from bridgehub.engines.scheduling.solve import baseline, solve

DATA = Path(__file__).parent / "data"


def load(name: str):
    return parse_instance(json.loads((DATA / name).read_text(encoding="utf-8")))


def generated(seed: int, *, people: int = 40, requests: int = 150, slots: int = 6, tables: int = 8,
              interpreters: int = 2, bonus: float = 3) -> dict:
    """A small instance in the shared generator's spirit: zh/ja/en speakers, skewed popularity."""
    rnd = random.Random(seed)
    participants = []
    for i in range(people):
        langs = rnd.choice([["zh"], ["ja"], ["zh", "en"], ["ja", "en"], ["en"]])
        start = rnd.randint(0, slots // 2)
        participants.append({"id": f"p{i}", "languages": langs, "available": list(range(start, slots))})
    pairs = set()
    while len(pairs) < requests:
        a, b = rnd.randrange(people), min(people - 1, int(rnd.paretovariate(1.2)) - 1)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    return {
        "slots": slots, "tables": tables, "coverage_bonus": bonus, "participants": participants,
        "interpreters": [{"id": f"i{j}", "languages": ["zh", "ja"] if j % 2 == 0 else ["ja", "en"],
                          "available": list(range(slots))} for j in range(interpreters)],
        "requests": [{"a": f"p{a}", "b": f"p{b}", "weight": rnd.choice([1, 1, 2, 3])} for a, b in sorted(pairs)],
    }


def test_small_120_is_solved_to_the_bound():
    instance = load("small-120.json")
    result = solve(instance, time_limit=5)
    assert result.report.feasible
    # 501 is the bound the shared checker caches for these bytes (bounds.tsv).
    assert result.upper_bound == pytest.approx(501.0, abs=1e-3)
    assert result.report.objective == 501.0
    assert result.proven_optimal
    assert result.binding == "tables"  # 12 tables x 8 slots for 500 requests


def test_solver_beats_both_greedy_baselines_and_every_schedule_checks():
    instance = parse_instance(generated(3))
    solved = solve(instance, time_limit=5)
    scores = {order: check_schedule(instance, baseline(instance, order)) for order in ("fcfs", "weight")}
    assert all(report.feasible for report in scores.values())
    assert solved.report.objective >= max(report.objective for report in scores.values())
    assert solved.report.objective <= solved.upper_bound + 1e-6


def test_same_seed_same_schedule():
    data = generated(5)
    first = solve(parse_instance(data), time_limit=5, seed=11)
    second = solve(parse_instance(data), time_limit=5, seed=11)
    assert first.meetings == second.meetings


def test_pinned_meetings_never_move_when_requests_change():
    data = generated(7)
    first = solve(parse_instance(data), time_limit=5)
    confirmed = {m.pair: m.slot for m in first.meetings[::2]}
    cancelled = {m.pair for m in first.meetings[1::4]}
    later = dict(data)
    later["requests"] = []
    for request in data["requests"]:
        pair = frozenset((request["a"], request["b"]))
        if pair in cancelled:
            continue
        later["requests"].append({**request, "pinned_slot": confirmed[pair]} if pair in confirmed else request)
    later["requests"].append({"a": "p0", "b": "p39", "weight": 3} if not any(
        {r["a"], r["b"]} == {"p0", "p39"} for r in later["requests"]) else {"a": "p1", "b": "p38", "weight": 3})
    result = solve(parse_instance(later), time_limit=5)
    assert result.report.feasible
    held = {m.pair: m.slot for m in result.meetings}
    assert all(held.get(pair) == slot for pair, slot in confirmed.items())


def test_pins_that_clash_are_refused_with_the_meeting_named():
    data = generated(8)
    first = data["requests"][0]
    second = next(r for r in data["requests"][1:] if first["a"] in (r["a"], r["b"]))
    slot = data["participants"][int(first["a"][1:])]["available"][-1]
    first["pinned_slot"] = second["pinned_slot"] = slot
    for request in (first, second):
        for person in (request["a"], request["b"]):
            participant = data["participants"][int(person[1:])]
            participant["available"] = sorted(set(participant["available"]) | {slot})
            participant["languages"] = ["en"]
    with pytest.raises(InstanceError) as error:
        solve(parse_instance(data), time_limit=2)
    assert f"slot {slot}" in str(error.value)
    assert "pinned meeting" in str(error.value)


def test_interpreters_are_assigned_and_bind_when_scarce():
    data = {
        "slots": 2, "tables": 10,
        "participants": [{"id": f"z{i}", "languages": ["zh"], "available": [0, 1]} for i in range(4)]
        + [{"id": f"j{i}", "languages": ["ja"], "available": [0, 1]} for i in range(4)],
        "interpreters": [{"id": "i0", "languages": ["zh", "ja"], "available": [0, 1]}],
        "requests": [{"a": f"z{i}", "b": f"j{i}", "weight": 1} for i in range(4)],
    }
    result = solve(parse_instance(data), time_limit=2)
    assert result.report.feasible
    assert result.report.meetings == 2  # one interpreter, two slots
    assert all(m.interpreter == "i0" for m in result.meetings)
    assert result.binding == "interpreters"


def test_people_bind_when_one_person_is_asked_by_everyone():
    data = {
        "slots": 3, "tables": 10,
        "participants": [{"id": "star", "languages": ["en"], "available": [0, 1, 2]}]
        + [{"id": f"p{i}", "languages": ["en"], "available": [0, 1, 2]} for i in range(6)],
        "requests": [{"a": f"p{i}", "b": "star", "weight": 1} for i in range(6)],
    }
    result = solve(parse_instance(data), time_limit=2)
    assert result.report.meetings == 3
    assert result.binding == "people"


def test_pair_with_no_interpreter_is_reported_unplaceable_not_forced():
    data = {
        "slots": 2, "tables": 2,
        "participants": [{"id": "z", "languages": ["zh"], "available": [0, 1]},
                         {"id": "j", "languages": ["ja"], "available": [0, 1]}],
        "requests": [{"a": "z", "b": "j", "weight": 5}],
    }
    result = solve(parse_instance(data), time_limit=2)
    assert result.meetings == []
    assert result.unplaceable == 1
    assert result.upper_bound == 0


def test_real_event_with_pins_and_forbidden_slots_holds_every_meeting():
    instance = load("forum-13.fixed020-Forb.json")
    result = solve(instance, time_limit=5)
    assert result.report.feasible
    assert result.report.meetings == len(instance.requests)
    pinned = {r.pair: r.pinned_slot for r in instance.requests if r.pinned_slot is not None}
    assert pinned and all(m.slot == pinned[m.pair] for m in result.meetings if m.pair in pinned)


def test_idle_gaps_are_closed_when_the_set_of_meetings_allows():
    # p0 meets three people; slot 1 is free for everyone, so the meeting in slot 3 can move there.
    data = {
        "slots": 4, "tables": 5,
        "participants": [{"id": "p0", "languages": ["en"], "available": [0, 1, 2, 3]}]
        + [{"id": f"q{i}", "languages": ["en"], "available": [0, 1, 2, 3]} for i in range(3)],
        "requests": [{"a": "p0", "b": f"q{i}", "weight": 1} for i in range(3)],
    }
    result = solve(parse_instance(data), time_limit=2)
    assert result.report.meetings == 3
    assert result.breaks_per_person["p0"] == 0


def test_cli_writes_the_schedule_and_one_summary(tmp_path):
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(generated(9)), encoding="utf-8")
    out = tmp_path / "schedule.json"
    summary = run_schedule(source, time_limit=3, out=out)
    assert set(summary) >= {"feasible", "meetings", "covered", "objective", "upper_bound", "ratio", "seconds",
                            "binding"}
    meetings = parse_schedule(json.loads(out.read_text(encoding="utf-8")))
    assert len(meetings) == summary["meetings"] and summary["feasible"] is True
    assert check_schedule(parse_instance(generated(9)), meetings).feasible


def test_cli_reports_instance_errors_instead_of_a_schedule(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"slots": 2, "tables": 1, "participants": [], "requests": [{"a": "x", "b": "y"}]}),
                      encoding="utf-8")
    summary = run_schedule(source, time_limit=1, out=tmp_path / "out.json")
    assert summary["feasible"] is False
    assert "request 0 (x-y): unknown participant 'x'" in summary["errors"]
    assert not (tmp_path / "out.json").exists()


def test_compaction_closes_idle_gaps_on_a_real_event_without_dropping_meetings():
    instance = load("forum-13.fixed020-Forb.json")
    plain = solve(instance, time_limit=3, use_mip=False)  # placement and single moves only
    compacted = solve(instance, time_limit=3)
    assert compacted.report.meetings == plain.report.meetings == len(instance.requests)
    assert compacted.report.breaks < plain.report.breaks


def interpreted_pair(**request_extra) -> dict:
    """One zh speaker and one ja speaker who need an interpreter; two interpreters could do it."""
    return {
        "format": "bridgehub-schedule-instance/1", "slots": 2, "tables": 2,
        "participants": [{"id": "tw", "languages": ["zh"], "available": [0, 1]},
                         {"id": "jp", "languages": ["ja"], "available": [0, 1]}],
        "interpreters": [{"id": "i1", "languages": ["zh", "ja"], "available": [0, 1]},
                         {"id": "i2", "languages": ["zh", "ja"], "available": [0, 1]}],
        "requests": [{"a": "tw", "b": "jp", "weight": 1, **request_extra}],
    }


def test_a_published_meeting_keeps_its_interpreter_on_a_re_solve():
    free = solve(parse_instance(interpreted_pair(pinned_slot=1)), time_limit=2)
    kept = solve(parse_instance(interpreted_pair(pinned_slot=1, pinned_interpreter="i2")), time_limit=2)
    assert [m.interpreter for m in free.meetings] == ["i1"]  # left free, the first able one is taken
    assert [(m.slot, m.interpreter) for m in kept.meetings] == [(1, "i2")]
    assert kept.report.violations == []
    # The checker holds the engine to it: the same meeting with another interpreter is a violation.
    instance = parse_instance(interpreted_pair(pinned_slot=1, pinned_interpreter="i2"))
    report = check_schedule(instance, free.meetings)
    assert "tw-jp: keeps interpreter i2 but got i1" in report.violations


@pytest.mark.parametrize(("extra", "problem"), [
    ({"pinned_interpreter": "i2"}, "request 0 (tw-jp): pinned_interpreter needs a pinned_slot"),
    ({"pinned_slot": 0, "pinned_interpreter": "i9"},
     "request 0 (tw-jp): pinned_interpreter 'i9' is not among the interpreters"),
])
def test_a_kept_interpreter_that_cannot_be_kept_is_named(extra, problem):
    with pytest.raises(InstanceError) as error:
        parse_instance(interpreted_pair(**extra))
    assert error.value.problems == [problem]


def test_a_solve_abandoned_at_its_deadline_is_waited_for_before_the_task_ends():
    """run_until stops waiting at the deadline; the thread still running is tracked, and
    wait_for_abandoned_solves (called by the optimiser's task, and at exit) returns once it stopped."""
    import threading
    import time

    from bridgehub.engines.scheduling.model import build_model, run_until, to_highs, wait_for_abandoned_solves

    model = build_model(parse_instance(generated(5, people=300, requests=1500, slots=12, tables=40)))
    highs = to_highs(model, integer=True, time_limit=0.5)
    assert not run_until(highs, time.monotonic())  # a 1,500-request MIP does not finish in no time
    assert any(t.name == "highs" and t.is_alive() for t in threading.enumerate())
    assert wait_for_abandoned_solves(timeout=60) == 0  # its interrupt callbacks stop it after 0.5 s
    assert not any(t.name == "highs" and t.is_alive() for t in threading.enumerate())
