"""The fraud screen on messages written for these tests (not the evaluation set): the issue's hard
benign cases pass in three languages, each scam signal is flagged with its reason, rules are data."""

import json

import pytest
from django.core.management import CommandError, call_command

from bridgehub.engines.trust.rules import DEFAULT_RULES
from bridgehub.engines.trust.screen import Sender, normalise, screen

FUND = Sender("investor", "Harbour Lane Ventures", True, "harbourlane.vc")
UNVERIFIED_FUND = Sender("investor", "Golden Bridge Capital", False, "gmail.com")
CORPORATE = Sender("corporate", "株式会社みなと精機", True, "minato-seiki.co.jp")
ACCELERATOR = Sender("corporate", "Kitakaze Accelerator", True, "kitakaze.jp")
CRYPTO_STARTUP = Sender("startup", "Ledgerline Payments", True, "ledgerline.io")


@pytest.mark.parametrize(("text", "sender"), [
    ("We charge founders no fees of any kind; each side pays its own lawyers at closing.", FUND),
    ("我們不向新創收取任何費用，雙方律師費各自負擔。", FUND),
    ("弊社は起業家の皆様から手数料を一切いただきません。", FUND),
    ("本日は展示会ブースでお会いできて光栄でした。続きはLINEで日程調整させてください。資料はメールでお送りします。", CORPORATE),
    ("Great to meet you at the venue today! Add me on LINE for the factory visit logistics next week.", CORPORATE),
    ("Ledgerline lets exporters receive USDC and settle to yen the same day; we are licensed in Singapore.", CRYPTO_STARTUP),
    ("The programme costs USD 3,000 per team, published on our website, invoiced by Kitakaze after selection.",
     ACCELERATOR),
    ("我們的加速器每隊學費新台幣八萬元，簡章公開在官網，錄取後開立發票。", ACCELERATOR),
    ("We cannot guarantee returns; the target multiple in the memo is not a promise.", FUND),
    ("Heads up: someone claiming to be our partner asked a founder for a due diligence fee. It's a scam, "
     "please report it.", FUND),
    # Saying no fee with the object in between, or in the passive; a start-up's own custody product.
    ("這筆盡職調查的費用不會跟新創團隊收取。", FUND),
    ("Bank charges for the transfer are covered by us, so you receive the full amount.", FUND),
    ("我們是做冷錢包硬體的新創，想跟貴行介紹多簽託管方案。", CRYPTO_STARTUP),
    # Groups and circles that are not stock tips.
    ("Our crypto community app lets fans tip artists in stablecoins; we'd love a PoC with your label.",
     CRYPTO_STARTUP),
    ("株式会社みなとグループとして、来月の投資委員会で本件を検討いたします。", CORPORATE),
])
def test_the_hard_benign_cases_pass(text, sender):
    verdict = screen(text, sender, "startup")
    assert not verdict.flag, (text, verdict)


@pytest.mark.parametrize(("text", "sender", "reason"), [
    ("Before the term sheet you need to pay a due diligence fee of USD 4,800 to our law firm.", UNVERIFIED_FUND,
     "upfront_fee"),
    ("投資前請先支付審查費新台幣六萬元至指定帳戶，款項到位後即可簽約。", UNVERIFIED_FUND, "upfront_fee"),
    ("出資の前に、法律事務所の審査料30万円をお振込みください。", UNVERIFIED_FUND, "upfront_fee"),
    # An unverified sender's invoice is the scam's, not a published price; 非公開 is not 公開.
    ("Our syndicate funds you after a small onboarding fee of $3,500. I'll send the invoice tonight.",
     UNVERIFIED_FUND, "upfront_fee"),
    ("非公開の投資家ピッチ会です。参加には登録料15万円のお振込みが必要です。", UNVERIFIED_FUND, "upfront_fee"),
    ("This inbox is not safe. Add me on Telegram today and keep this between us.", UNVERIFIED_FUND, "off_platform"),
    ("這邊不方便講，加個賴吧，今天就要決定喔。", UNVERIFIED_FUND, "off_platform"),
    ("Please send 2,000 USDT to our wallet address 0x91ab33ff as a test before the wire.", UNVERIFIED_FUND,
     "crypto_payment"),
    ("本基金保證獲利，每月固定配息 5%，穩賺不賠。", UNVERIFIED_FUND, "guaranteed_return"),
    ("元本保証で月利3%、リスクはほぼゼロです。", UNVERIFIED_FUND, "guaranteed_return"),
    ("Join our free stock study group run by a famous trading teacher and his assistant.", UNVERIFIED_FUND,
     "investment_group"),
    # Found by a validation set written after the rules (docs/benchmarks.md): circles and picks, 株式勉強会.
    ("Our trading circle gets pre-IPO picks every morning in the Telegram group.", UNVERIFIED_FUND,
     "investment_group"),
    ("無料の株式勉強会です。LINEグループで毎朝銘柄を配信しています。", UNVERIFIED_FUND, "investment_group"),
    ("請提供您的網銀帳號密碼和簡訊驗證碼，以便我們完成撥款。", UNVERIFIED_FUND, "credential_request"),
    ("I am a partner at Sequoia Capital Asia. Don't call our office, reply here only.",
     Sender("investor", "Sequoia Capital Partners Asia", False, "gmail.com"), "impersonation"),
])
def test_each_scam_signal_is_flagged_with_its_reason(text, sender, reason):
    verdict = screen(text, sender, "startup")
    assert verdict.flag and reason in verdict.reasons, (text, verdict)
    assert 0.5 <= verdict.score <= 1


def test_full_width_text_reads_like_ascii():
    assert normalise("ＬＩＮＥ　ＩＤ：ａｂｃ") == "line id:abc"
    verdict = screen("ＵＳＤＴでの入金をお願いします。ウォレットアドレスは０ｘ１２３４ａｂｃｄです。", UNVERIFIED_FUND, "startup")
    assert verdict.flag and verdict.reasons[0] == "crypto_payment"


def test_rules_are_data_an_operator_can_switch_off():
    text = "Before the term sheet you need to pay a due diligence fee of USD 4,800 to our law firm."
    without_fee_rule = tuple(rule for rule in DEFAULT_RULES if rule.code != "upfront_fee")
    assert screen(text, UNVERIFIED_FUND, "startup").flag
    assert not screen(text, UNVERIFIED_FUND, "startup", rules=without_fee_rule).flag


def test_a_fee_asked_of_an_investor_is_not_an_advance_fee_scam():
    # Start-ups quoting their own prices to a corporate is ordinary business.
    verdict = screen("Our PoC fee is JPY 2,000,000; please pay 50% before we start.",
                     Sender("startup", "Aiso Robotics", True, "aiso.jp"), "corporate")
    assert not verdict.flag


def test_the_command_writes_one_verdict_per_message(tmp_path):
    source = tmp_path / "messages.jsonl"
    rows = [{"id": "a1", "lang": "en", "sender": {"kind": "investor", "name": "X Fund", "verified": False,
                                                  "email_domain": "gmail.com"},
             "recipient_kind": "startup", "channel": "message",
             "text": "Send 500 USDT to wallet address 0xabcdef12 before we wire."},
            {"id": "a2", "lang": "ja", "sender": {"kind": "corporate", "name": "みなと精機", "verified": True,
                                                  "email_domain": "minato.jp"},
             "recipient_kind": "startup", "channel": "introduction_note", "text": "来週の工場見学の日程をご相談させてください。"}]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "flags.jsonl"
    call_command("screen-messages", str(source), "--out", str(out))
    verdicts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(v["id"], v["flag"]) for v in verdicts] == [("a1", True), ("a2", False)]
    assert verdicts[0]["reasons"] == ["crypto_payment", "unverified_free_mail"] and verdicts[1]["reasons"] == []


def test_a_bad_line_is_named_and_nothing_is_written(tmp_path):
    source = tmp_path / "messages.jsonl"
    source.write_text('{"id": "a1", "text": "hi", "recipient_kind": "startup"}\nnot json\n', encoding="utf-8")
    out = tmp_path / "flags.jsonl"
    with pytest.raises(CommandError) as error:
        call_command("screen-messages", str(source), "--out", str(out))
    assert "line 1: missing or invalid sender" in str(error.value)
    assert "line 2: not JSON" in str(error.value)
    assert not out.exists()
