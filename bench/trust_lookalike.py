"""Lookalike detection on pairs built here: impostor variants of verified organisations (positives)
and real, distinct organisations (negatives), some of which share words with a verified one.

Positives come from transformations an impostor uses (look-alike letters, another legal form, another
script or character form, full-width letters, a word added to the name or the domain, a one-letter
typo, another suffix). Each transformation is applied to every verified organisation it fits; the
names were written down before the detector was tuned and are not used by it. Prints JSON.

    python bench/trust_lookalike.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bridgehub.engines.trust.lookalike import Known, lookalikes  # noqa: E402

# Verified organisations: (id, English name, local name, domain).
VERIFIED = [
    ("sequoia", "Sequoia Capital", "紅杉資本", "sequoiacap.com"),
    ("softbank", "SoftBank Group Corp.", "ソフトバンクグループ株式会社", "group.softbank"),
    ("tsmc", "Taiwan Semiconductor Manufacturing Company", "台灣積體電路製造股份有限公司", "tsmc.com"),
    ("hitachi", "Hitachi, Ltd.", "株式会社日立製作所", "hitachi.co.jp"),
    ("mediatek", "MediaTek Inc.", "聯發科技股份有限公司", "mediatek.com"),
    ("foxconn", "Hon Hai Precision Industry Co., Ltd.", "鴻海精密工業股份有限公司", "foxconn.com"),
    ("jafco", "JAFCO Group Co., Ltd.", "ジャフコ グループ株式会社", "jafco.co.jp"),
    ("ndf", "National Development Fund", "國家發展基金", "df.gov.tw"),
    ("mitsui", "Mitsui Fudosan Co., Ltd.", "三井不動産株式会社", "mitsuifudosan.co.jp"),
    ("appworks", "AppWorks Ventures", "之初創投", "appworks.tw"),
    ("globis", "Globis Capital Partners", "グロービス・キャピタル・パートナーズ株式会社", "globiscapital.co.jp"),
    ("utec", "University of Tokyo Edge Capital Partners", "東京大学エッジキャピタルパートナーズ", "ut-ec.co.jp"),
    ("tokiomarine", "Tokio Marine & Nichido Fire Insurance", "東京海上日動火災保険株式会社", "tokiomarine-nichido.co.jp"),
    ("cathay", "Cathay Venture", "國泰創業投資股份有限公司", "cathayventure.com"),
    ("delta", "Delta Electronics, Inc.", "台達電子工業股份有限公司", "deltaww.com"),
    ("omron", "OMRON Corporation", "オムロン株式会社", "omron.com"),
    ("fanuc", "FANUC Corporation", "ファナック株式会社", "fanuc.co.jp"),
    ("asus", "ASUSTeK Computer Inc.", "華碩電腦股份有限公司", "asus.com"),
    ("kddi", "KDDI Open Innovation Fund", "KDDIオープンイノベーションファンド", "kddi.com"),
    ("wistron", "Wistron Corporation", "緯創資通股份有限公司", "wistron.com"),
    ("renesas", "Renesas Electronics Corporation", "ルネサス エレクトロニクス株式会社", "renesas.com"),
    ("advantest", "Advantest Corporation", "株式会社アドバンテスト", "advantest.com"),
    ("taishin", "Taishin Venture Capital", "台新創業投資股份有限公司", "taishinvc.com.tw"),
    ("mizuho", "Mizuho Capital Co., Ltd.", "みずほキャピタル株式会社", "mizuho-cap.co.jp"),
]

# Real organisations that are not impostors of any verified one (some share a word with one).
NEGATIVES = [
    ("Mitsubishi Chemical Group", "mcgc.com"), ("Sony Bank", "sonybank.net"), ("Capital One", "capitalone.com"),
    ("Sequent Medical", "sequentmedical.com"), ("Delta Air Lines", "delta.com"), ("Hitachi Zosen", "hitachizosen.co.jp"),
    ("Taiwan Mobile", "taiwanmobile.com"), ("National Taiwan University", "ntu.edu.tw"),
    ("Globalwafers", "sas-globalwafers.com"), ("Omni Capital", "omnicap.jp"), ("Fanatics", "fanatics.com"),
    ("ASE Technology", "aseglobal.com"), ("Mizuno Corporation", "mizuno.jp"), ("Renault", "renault.com"),
    ("Advantech", "advantech.com"), ("Tokio Hotel Records", "tokiohotel.com"), ("Cathay Pacific", "cathaypacific.com"),
    ("Media Do", "mediado.jp"), ("Wistron NeWeb", "wnc.com.tw"), ("Jafron Biomedical", "jafron.com"),
    ("Preferred Networks", "preferred.jp"), ("Spiber", "spiber.inc"), ("Gogoro", "gogoro.com"),
    ("KKday", "kkday.com"), ("Appier", "appier.com"), ("Line Yahoo", "lycorp.co.jp"), ("Rakuten Capital", "rakuten.com"),
    ("東京エレクトロン株式会社", "tel.co.jp"), ("日本電気株式会社", "nec.com"), ("聯華電子股份有限公司", "umc.com"),
    ("台灣大哥大股份有限公司", "taiwanmobile.com"), ("三井物産株式会社", "mitsui.com"),
    ("鴻準精密模具股份有限公司", "foxconntech.com.tw"), ("日立建機株式会社", "hitachicm.com"),
    ("國泰金融控股股份有限公司", "cathayholdings.com"), ("台達化學工業股份有限公司", "deltachem.com.tw"),
    ("ソフトウェア・サービス株式会社", "softs.co.jp"), ("みずほ銀行", "mizuhobank.co.jp"),
    ("Sequoia Financial Group", "sequoia.com"), ("Delta Dental", "deltadental.com"),
]

HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "i": "і", "s": "ѕ"}
SUFFIX_WORDS = [" Partners Asia", " Japan", " Global Investment", " Holdings", " Asia Fund"]


def homoglyph(name: str, rng: random.Random) -> str | None:
    spots = [index for index, char in enumerate(name) if char.lower() in HOMOGLYPHS]
    if not spots:
        return None
    index = rng.choice(spots)
    return name[:index] + HOMOGLYPHS[name[index].lower()] + name[index + 1:]


def typo(name: str, rng: random.Random) -> str | None:
    letters = [index for index, char in enumerate(name) if char.isascii() and char.isalpha()]
    if len(letters) < 6:
        return None
    index = rng.choice(letters[1:])
    return name[:index] + name[index + 1:]


def positives(rng: random.Random) -> list[tuple[str, tuple[str, ...], str, str]]:
    """(transformation, names, domain, the verified id it imitates)."""
    made = []
    for vid, english, local, domain in VERIFIED:
        label, _dot, suffix = domain.partition(".")
        made.append(("homoglyph", (homoglyph(english, rng) or english,), "gmail.com", vid))
        made.append(("legal_form", (english.replace(" Inc.", "").replace(" Corporation", "") + " Co., Ltd.",),
                     "outlook.com", vid))
        made.append(("full_width", ("".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in english),),
                     "", vid))
        made.append(("added_words", (english + rng.choice(SUFFIX_WORDS),), "gmail.com", vid))
        made.append(("local_name_variant", (_variant(local),), "", vid))
        if (misspelt := typo(english, rng)) is not None:
            made.append(("typo", (misspelt,), "", vid))
        made.append(("domain_suffix", ("Unrelated Name " + vid[::-1],), label + ".co", vid))
        made.append(("domain_brand", ("Unrelated Name " + vid[::-1],), f"{label}-asia-partners.com", vid))
    return made


def _variant(local: str) -> str:
    """The local name as an impostor writes it: simplified characters or another legal form."""
    import opencc

    simplified = opencc.OpenCC("t2s").convert(local)
    if simplified != local:
        return simplified
    return local.replace("株式会社", "（株）") if "株式会社" in local else local + " 株式会社"


def main() -> None:
    rng = random.Random(7)
    verified = [Known(vid, (english, local), domain) for vid, english, local, domain in VERIFIED]
    by_kind: dict[str, list[int]] = {}
    found = missed = 0
    for kind, names, domain, vid in positives(rng):
        hit = any(h.original_id == vid for h in lookalikes(names, domain, verified))
        by_kind.setdefault(kind, [0, 0])[0 if hit else 1] += 1
        found, missed = found + hit, missed + (not hit)
    false_alarms = []
    for name, domain in NEGATIVES:
        hits = lookalikes((name,), domain, verified)
        if hits:
            false_alarms.append({"name": name, "domain": domain, "hits": [(h.original_id, h.reason) for h in hits]})
    true_flags = found
    precision = true_flags / (true_flags + len(false_alarms)) if true_flags + len(false_alarms) else 0.0
    print(json.dumps({
        "verified": len(VERIFIED), "positives": found + missed, "negatives": len(NEGATIVES),
        "recall": round(found / (found + missed), 3),
        "precision": round(precision, 3),
        "negatives_flagged": len(false_alarms),
        "recall_by_transformation": {kind: round(hit / (hit + miss), 3) for kind, (hit, miss) in sorted(by_kind.items())},
        "false_alarms": false_alarms,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
