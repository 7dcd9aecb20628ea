"""Candidates come from structured fits too, and pair scores separate pairs that fit equally."""

import numpy as np

from bridgehub.engines.matching.facets import Facets
from bridgehub.engines.matching.recommend import MIN_LISTED, Subject, build_lists, candidate_pairs, pair_score


def startup(**fields) -> Facets:
    return Facets(kind="startup", country="TW", **fields)


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_a_talent_with_the_role_a_startup_hires_for_is_a_candidate_whatever_the_sectors():
    hiring = Subject("s", startup(sectors={"fintech": 0.9}, needs={"talent"}, role="ml_engineer"))
    talent = Subject("t", Facets(kind="talent", country="JP", sectors={"robotics": 0.8}, role="ml_engineer"))
    other_role = Subject("u", Facets(kind="talent", country="JP", sectors={"robotics": 0.8}, role="bd_japan"))
    assert candidate_pairs([hiring], [talent, other_role]) == {("s", "t")}
    lists = build_lists([hiring, talent, other_role]).lists
    assert [c.id for c in lists["s>talent"]] == ["t"] and [c.id for c in lists["t>startup"]] == ["s"]


def test_an_offer_that_meets_a_need_makes_a_candidate():
    needs_pilot = Subject("s", startup(sectors={"agritech_food": 0.9}, needs={"poc_partner"}))
    pilots = Subject("c", Facets(kind="corporate", country="JP", sectors={"smart_manufacturing": 0.7}, offers={"poc"}))
    assert candidate_pairs([needs_pilot], [pilots]) == {("s", "c")}


def test_pairs_of_equal_fit_are_ordered_by_how_alike_the_texts_are():
    me = Subject("s", startup(sectors={"robotics": 0.9}, needs={"funding"}, stages=["seed"]), vector=unit(1, 0, 0))
    fund = Facets(kind="investor", country="TW", sectors={"robotics": 0.9}, stages=["seed"], geographies={"TW"})
    near = Subject("near", fund, vector=unit(0.9, 0.1, 0))
    far = Subject("far", fund, vector=unit(0.1, 0.9, 0))
    (near_score, near_fit, _r), (far_score, far_fit, _s) = pair_score(me, near), pair_score(me, far)
    assert near_fit == far_fit and near_score > far_score


def test_the_separation_term_never_lists_a_pair_that_does_not_fit():
    not_hiring = Subject("s", startup(sectors={"robotics": 0.9}), vector=unit(1, 0))
    engineer = Subject("t", Facets(kind="talent", country="JP", sectors={"robotics": 0.9}, role="ml_engineer"),
                       vector=unit(1, 0))
    score, fit, _reasons = pair_score(not_hiring, engineer)
    assert 0 < fit < MIN_LISTED < score  # the same field and alike texts, but the start-up is not hiring
    assert build_lists([not_hiring, engineer]).lists.get("s>talent", []) == []
