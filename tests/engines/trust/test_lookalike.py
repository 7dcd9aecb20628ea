"""Lookalike names and domains, and sanctions name matching (pure engine)."""

from bridgehub.engines.trust.lookalike import Known, lookalikes, sanctions_hits
from bridgehub.engines.trust.names import domain_label, fold_name
from bridgehub.engines.trust.screen import Sender, screen, tuned_rules

SEQUOIA = Known("1", ("Sequoia Capital", "紅杉資本"), "sequoiacap.com")
HITACHI = Known("2", ("Hitachi, Ltd.", "株式会社日立製作所"), "hitachi.co.jp")


def reasons(names, domain=""):
    return [(hit.original_id, hit.reason) for hit in lookalikes(names, domain, [SEQUOIA, HITACHI])]


def test_folding_removes_what_an_impostor_changes():
    assert fold_name("Ѕеquоia Capital Inc.") == fold_name("SEQUOIA CAPITAL") == "sequoiacapital"  # Cyrillic letters
    assert fold_name("ＳＯＮＹ株式会社") == "sony"
    assert fold_name("台湾积体电路制造股份有限公司") == fold_name("台灣積體電路製造股份有限公司")
    assert fold_name("（株）日立製作所") == fold_name("株式会社日立製作所")
    assert domain_label("mail.hitachi.co.jp") == "hitachi" and domain_label("sequoiacap.com") == "sequoiacap"


def test_impostor_names_and_domains_are_caught_with_the_original_named():
    assert reasons(["Ѕequoia Capital"]) == [("1", "same_name")]
    assert reasons(["Sequoia Capital Partners Asia"]) == [("1", "contains_name")]
    assert reasons(["Sequoai Capital"]) == [("1", "similar_name")]
    assert reasons(["红杉资本"]) == [("1", "same_name")]
    assert reasons(["日立製作所株式会社"]) == [("2", "same_name")]
    assert reasons(["Northern Lights Fund"], "sequoiacap-asia.com") == [("1", "brand_in_domain")]
    assert reasons(["Northern Lights Fund"], "sequoiacap.co") == [("1", "similar_domain")]
    assert reasons(["Northern Lights Fund"], "hitachl.co.jp") == [("2", "similar_domain")]


def test_distinct_organisations_are_left_alone():
    for name, domain in [("Sequent Medical", "sequentmedical.com"), ("Capital One", "capitalone.com"),
                         ("三菱電機株式会社", "mitsubishielectric.co.jp"), ("Hikari Tsushin", "hikari.co.jp"),
                         ("AI", "ai.example")]:
        assert reasons([name], domain) == [], name


def test_sanctions_names_match_across_order_script_and_form_but_not_loosely():
    entries = [Known("UN:1", ("IVANOV, Pavel Sergeyevich", "Павел Иванов")),
               Known("JP:7", ("東方貿易有限公司", "Dongfang Trading Co., Ltd."))]
    assert [h.original_id for h in sanctions_hits(["Pavel Sergeyevich Ivanov"], entries)] == ["UN:1"]
    assert [h.original_id for h in sanctions_hits(["东方贸易有限公司"], entries)] == ["JP:7"]
    assert [h.original_id for h in sanctions_hits(["Dongfang Trading Limited"], entries)] == ["JP:7"]
    assert sanctions_hits(["Pavel Petrov"], entries) == []
    assert sanctions_hits(["Eastern Trading"], entries) == []


def test_behaviour_and_hub_settings_change_the_verdict():
    quiet = Sender(kind="investor", name="Tiny Fund", verified=False, email_domain="tinyfund.jp")
    busy = Sender(kind="investor", name="Tiny Fund", verified=False, email_domain="tinyfund.jp", account_days=2,
                  sent_last_day=25, answered=10, declined=9, reports=1)
    text = "Hello, could we talk about your seed round next week?"
    assert screen(text, quiet, "startup").reasons == ()
    verdict = screen(text, busy, "startup")
    assert set(verdict.reasons) == {"burst_new_account", "many_declines", "reported_before"} and verdict.flag
    fee = "Please pay the due diligence fee of USD 3,000 first."
    assert "upfront_fee" in screen(fee, quiet, "startup").reasons
    assert "upfront_fee" not in screen(fee, quiet, "startup", tuned_rules(disabled=["upfront_fee"])).reasons
    lowered = screen(fee, quiet, "startup", tuned_rules(weights={"upfront_fee": 0.1}))
    assert lowered.score < screen(fee, quiet, "startup").score and not lowered.flag
