"""Pure engine: learning from feedback, ticket sizes, two-sided scores and capacity-bound lists."""

from bridgehub.engines.matching.facets import Facets
from bridgehub.engines.matching.feedback import (
    FeedbackEvent,
    centred_bonuses,
    learn_preferences,
    target_features,
    target_prior,
)
from bridgehub.engines.matching.recommend import Subject, build_lists, pair_score, ticket_fit


def fund(name, sector, country="JP", capacity=None):
    return Subject(name, Facets("investor", country, sectors={sector: 1.0}, stages=["seed", "series_a"],
                                geographies={"TW", "JP"}), ticket_usd=(500_000, 3_000_000), capacity=capacity)


def startup(name, sector, raising=True):
    return Subject(name, Facets("startup", "TW", sectors={sector: 1.0}, stages=["seed"],
                                needs={"funding"} if raising else set()), ticket_usd=(1_000_000, 2_000_000))


def test_simulated_feedback_moves_a_sector_down_and_another_up():
    robotics = [("kind:investor", "sector:robotics", "country:JP")] * 3
    chips = [("kind:investor", "sector:semiconductor_design", "country:JP")] * 3
    events = [FeedbackEvent(f, "not_relevant", "sector") for f in robotics]
    events += [FeedbackEvent(f, "saved") for f in chips]
    weights = learn_preferences(events)
    # "wrong sector" touches the sector only: the kind and country are not blamed for it.
    assert weights["sector:robotics"] < 0 < weights["sector:semiconductor_design"]
    assert weights["kind:investor"] > 0  # only the saves touched it
    # Applied to a list, the bonuses are centred: the list is reordered, not lifted as a whole.
    before = {"robot-fund": 2.0, "chip-fund": 1.9, "robot-fund-2": 1.8}
    bonuses = centred_bonuses(weights, [robotics[0], chips[0], robotics[0]])
    after = {name: score + bonus for (name, score), bonus in zip(before.items(), bonuses, strict=True)}
    assert after["robot-fund"] < before["robot-fund"] and after["chip-fund"] > before["chip-fund"]
    assert max(after, key=after.get) == "chip-fund"
    assert abs(sum(bonuses)) < 1e-3


def test_one_click_moves_less_than_many():
    one = learn_preferences([FeedbackEvent(("sector:robotics",), "not_relevant", "sector")])
    many = learn_preferences([FeedbackEvent(("sector:robotics",), "not_relevant", "sector")] * 10)
    assert many["sector:robotics"] < one["sector:robotics"] < 0


def test_target_prior_rewards_answering_and_delivering():
    assert target_prior(0, 0) == 0.0
    assert target_prior(8, 1) > 0.3 and target_prior(0, 6) < -0.3


def test_target_features_name_what_feedback_can_be_about():
    features = target_features({"kind": "investor", "country": "JP", "sectors": {"robotics": 1.0},
                                "stages": ["seed"], "offers": []}, "small")
    assert features == ("kind:investor", "country:JP", "sector:robotics", "stage:seed", "ticket:small")


def test_ticket_sizes_compare_in_one_currency():
    assert ticket_fit((1_000_000, 2_000_000), (500_000, 3_000_000)) > 0
    assert ticket_fit((20_000_000, 30_000_000), (500_000, 3_000_000)) < 0
    assert ticket_fit(None, (500_000, 3_000_000)) == 0


def test_a_one_sided_pair_scores_nothing_and_a_fitting_one_explains_itself():
    score, two_sided, reasons = pair_score(startup("s", "robotics"), fund("f", "robotics"))
    assert score > two_sided > 0
    assert {"sector:robotics", "need:funding", "stage:seed", "ticket:fits"} <= set(reasons)
    assert pair_score(startup("s", "robotics", raising=False), fund("f", "robotics"))[0] < 1
    assert pair_score(startup("s", "robotics"), fund("f", "biotech"))[0] == 0


def test_lists_respect_stated_capacity_and_report_the_gini():
    subjects = [startup(f"s{i}", "robotics") for i in range(30)]
    subjects += [fund("popular", "robotics", capacity=5), fund("other", "robotics")]
    built = build_lists(subjects, k=2)
    shown = sum(any(c.id == "popular" for c in built.lists[f"s{i}>investor"]) for i in range(30))
    assert shown == 5
    assert built.exposure["popular"] == 5
    assert 0 <= built.gini["investor"] <= 1
    # The funds' own lists hold start-ups, and nobody is listed for a sector they do not share.
    assert all(c.id.startswith("s") for c in built.lists["popular>startup"])


def test_too_short_weighs_chinese_and_japanese_characters_as_the_denser_scripts_they_are():
    from bridgehub.engines.matching.text import too_short

    assert too_short("") and too_short("AI company") and too_short("AIの会社です。")
    assert too_short("We build AI chips for edge devices and robots in factories across Asia.")  # one line
    assert not too_short("IC設計工程師，專長類比設計與 RTL 驗證，參與過 AI 加速器晶片的設計定案。"
                         "希望加入 IC 設計新創。")
    assert not too_short("We build AI chips for edge devices. We sell to robot makers in Japan and Taiwan. "
                         "We are raising a seed round.")
