"""Instance validation names every broken item; the checker catches every broken rule."""

import pytest

from bridgehub.engines.scheduling.check import check_schedule
from bridgehub.engines.scheduling.instance import InstanceError, Meeting, instance_to_dict, parse_instance


def base() -> dict:
    return {
        "slots": 3, "tables": 1, "coverage_bonus": 2,
        "participants": [
            {"id": "a", "languages": ["zh"], "available": [0, 1, 2], "max_meetings": 1},
            {"id": "b", "languages": ["ja"], "available": [0, 1]},
            {"id": "c", "languages": ["zh", "ja"], "available": [0, 1, 2]},
        ],
        "interpreters": [{"id": "i", "languages": ["zh", "ja"], "available": [1]}],
        "requests": [{"a": "a", "b": "b", "weight": 2}, {"a": "b", "b": "c", "weight": 1, "pinned_slot": 0}],
    }


def problems(data: dict) -> list[str]:
    with pytest.raises(InstanceError) as error:
        parse_instance(data)
    return error.value.problems


def test_round_trip_keeps_everything():
    instance = parse_instance(base())
    assert parse_instance(instance_to_dict(instance)) == instance


def test_unknown_participant_conflicting_repeat_and_slot_out_of_range_are_each_named():
    data = base()
    data["requests"] += [{"a": "a", "b": "zz", "weight": 1}, {"a": "c", "b": "b", "weight": 1, "pinned_slot": 1}]
    data["participants"][2]["available"] = [0, 7]
    found = problems(data)
    assert "request 2 (a-zz): unknown participant 'zz'" in found
    assert "request 3 (c-b): repeats request 1 but is pinned to slot 1, not 0" in found
    assert "participant 'c': slot 7 is out of range 0..2" in found


def test_a_pair_listed_twice_becomes_one_request_with_a_warning_naming_both_lines():
    data = base()
    data["requests"][0]["slots"] = [0, 1]
    data["requests"].append({"a": "b", "b": "a", "weight": 5, "slots": [1, 2]})
    instance = parse_instance(data)
    assert [(r.a, r.b, r.weight, r.slots) for r in instance.requests] == [
        ("a", "b", 5.0, frozenset({1})), ("b", "c", 1.0, None)]
    assert instance.warnings == ["request 2 (b-a) repeats request 0 (a-b): merged into one meeting"]


def test_a_pair_listed_twice_with_no_common_slot_is_refused():
    data = base()
    data["requests"][0]["slots"] = [0]
    data["requests"].append({"a": "b", "b": "a", "weight": 1, "slots": [2]})
    assert problems(data) == ["request 2 (b-a): repeats request 0 but the two allow no common slot"]


def test_no_availability_and_bad_pins_are_named():
    data = base()
    data["participants"][0]["available"] = []
    data["requests"][1]["pinned_slot"] = 2
    found = problems(data)
    assert "participant 'a': no availability (no slot listed)" in found
    assert "request 1 (b-c): pinned to slot 2 but b is not available then" in found


def test_wrong_shapes_are_refused():
    assert problems({"slots": 0, "tables": 1}) == ["slots: expected a positive whole number, got 0"]
    data = base()
    data["requests"][0]["weight"] = -1
    data["interpreters"][0]["languages"] = ["zh"]
    found = problems(data)
    assert "request 0 (a-b): weight must be a number >= 0" in found
    assert "interpreter 'i': an interpreter needs at least two languages" in found


def test_checker_accepts_a_good_schedule_and_scores_it():
    instance = parse_instance(base())
    report = check_schedule(instance, [Meeting(0, 0, "b", "c"), Meeting(1, 0, "a", "b", "i")])
    assert report.feasible, report.violations
    assert report.objective == 3 + 2 * 3  # weights 2 + 1, three people covered
    assert report.breaks == 0


@pytest.mark.parametrize(
    ("meetings", "expected"),
    [
        ([Meeting(0, 0, "a", "c")], "not requested: a-c"),
        ([Meeting(0, 0, "b", "c"), Meeting(0, 1, "a", "b", "i")], "b is double-booked in slot 0"),
        ([Meeting(0, 0, "b", "c"), Meeting(1, 0, "a", "b", None)], "a-b: share no language and have no interpreter"),
        ([Meeting(0, 0, "b", "c"), Meeting(0, 0, "a", "b", "i")], "table 0 is double-booked in slot 0"),
        ([Meeting(0, 0, "b", "c"), Meeting(2, 0, "a", "b", "i")], "b is not available in slot 2"),
        ([Meeting(1, 0, "b", "c")], "b-c: pinned to slot 0 but held in slot 1"),
        ([Meeting(1, 0, "a", "b", "i")], "pinned request b-c is not held"),
        ([Meeting(0, 0, "b", "c"), Meeting(0, 1, "a", "b", "i")], "interpreter i is not available in slot 0"),
        ([Meeting(0, 5, "b", "c")], "b-c: no such table 5"),
    ],
)
def test_checker_names_each_broken_rule(meetings, expected):
    report = check_schedule(parse_instance(base()), meetings)
    assert not report.feasible
    assert expected in report.violations


def test_checker_counts_meeting_caps_and_breaks():
    data = base()
    data["requests"].append({"a": "a", "b": "c", "weight": 1})
    data["tables"] = 2
    report = check_schedule(parse_instance(data), [Meeting(0, 0, "b", "c"), Meeting(1, 0, "a", "b", "i"),
                                                   Meeting(2, 1, "a", "c")])
    assert "a has 2 meetings, over their maximum 1" in report.violations
    assert report.breaks == 1  # c meets in slots 0 and 2
