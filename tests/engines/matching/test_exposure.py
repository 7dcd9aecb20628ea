"""Fair exposure under capacity, diversity within a list, and the Gini of exposure."""

from bridgehub.engines.matching.exposure import Candidate, allocate, exposure, gini


def test_gini_is_zero_when_equal_and_grows_with_concentration():
    assert gini([3, 3, 3, 3]) == 0.0
    assert gini([0, 0, 0, 12]) == 0.75
    assert gini([]) == 0.0


def test_a_popular_investor_is_not_shown_beyond_its_capacity():
    # Every start-up's best fit is "star"; it can take two meetings this month.
    readers = {f"s{i}": [Candidate("star", 0.9), Candidate(f"i{i}", 0.6), Candidate("other", 0.5)] for i in range(5)}
    unlimited = allocate(readers, k=1, capacity={})
    assert [picked[0].id for picked in unlimited.values()] == ["star"] * 5
    capped = allocate(readers, k=1, capacity={"star": 2})
    assert sum(picked[0].id == "star" for picked in capped.values()) == 2
    assert {picked[0].id for reader, picked in capped.items() if picked[0].id != "star"} <= {"i2", "i3", "i4"}
    everyone = ["star", "other"] + [f"i{i}" for i in range(5)]
    assert gini(exposure(capped, everyone)) < gini(exposure(unlimited, everyone))


def test_readers_take_turns_so_nobody_loses_every_best_match():
    readers = {"a": [Candidate("x", 0.9), Candidate("y", 0.8)], "b": [Candidate("x", 0.9), Candidate("y", 0.8)]}
    lists = allocate(readers, k=1, capacity={"x": 1, "y": 1})
    assert sorted(picked[0].id for picked in lists.values()) == ["x", "y"]


def test_diversity_pushes_down_a_repeat_of_the_same_reasons():
    options = [Candidate("a", 1.0, ("sector:robotics", "stage:seed")),
               Candidate("b", 0.97, ("sector:robotics", "stage:seed")),
               Candidate("c", 0.95, ("sector:robotics", "geography:TW"))]
    same = allocate({"r": options}, k=2, capacity={}, diversity=0.0)["r"]
    varied = allocate({"r": options}, k=2, capacity={}, diversity=0.1)["r"]
    assert [c.id for c in same] == ["a", "b"]
    assert [c.id for c in varied] == ["a", "c"]
