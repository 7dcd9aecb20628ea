"""Varied short profile texts in Traditional Chinese, Japanese and English, for the 100k-vector run.

Each text names a sector (one of its cue words, in the text's script), a product, customers, a city,
a founding year, a team size and a need, so 100,000 texts are nearly all distinct and spread over the
sectors and languages like a large directory.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bridgehub.engines.matching.lexicon import SECTOR_CUES  # noqa: E402
from bridgehub.engines.matching.text import has_kana  # noqa: E402

CITIES = {"zh": ["新竹", "台北", "台中", "台南", "高雄", "桃園", "新北", "台東"],
          "ja": ["東京", "大阪", "名古屋", "福岡", "京都", "仙台", "つくば", "札幌"],
          "en": ["Hsinchu", "Taipei", "Tokyo", "Osaka", "Singapore", "San Jose", "Bangkok", "Fukuoka"]}
PRODUCTS = {"zh": ["檢測系統", "量測設備", "軟體平台", "感測模組", "控制晶片", "雲端服務", "自動化產線", "數據分析工具"],
            "ja": ["検査システム", "計測装置", "ソフトウェア基盤", "センサーモジュール", "制御チップ", "クラウドサービス",
                   "自動化ライン", "データ分析ツール"],
            "en": ["inspection systems", "metrology tools", "a software platform", "sensor modules", "control chips",
                   "a cloud service", "automated lines", "analytics tools"]}
CUSTOMERS = {"zh": ["晶圓廠", "醫院", "長照機構", "車廠", "製造業者", "金融機構", "農場", "電力公司"],
             "ja": ["半導体工場", "病院", "介護施設", "自動車メーカー", "製造業", "金融機関", "農家", "電力会社"],
             "en": ["wafer fabs", "hospitals", "care homes", "carmakers", "manufacturers", "banks", "farms",
                    "utilities"]}
NEEDS = {"zh": ["正在進行種子輪募資", "正在進行 A輪募資", "尋找日本的 PoC 夥伴", "尋找日本代理商", "正在招募韌體工程師",
                "目前沒有募資計畫", "尋找量產合作夥伴", "希望與大學共同研發"],
         "ja": ["シードラウンドで資金調達中です", "シリーズAの資金調達中です", "台湾での PoC パートナーを探しています",
                "台湾の販売代理店を探しています", "ファームウェアエンジニアを募集しています", "資金調達の予定はありません",
                "量産パートナーを探しています", "大学との共同研究を希望しています"],
         "en": ["We are raising a seed round", "We are raising a Series A", "We look for PoC partners in Japan",
                "We look for distributors in Taiwan", "We are hiring a firmware engineer", "We are not raising",
                "We look for a manufacturing partner", "We want joint research with universities"]}


def _cue(rng: random.Random, sector: str, language: str) -> str:
    cues = [c for c in SECTOR_CUES[sector] if c.isascii() == (language == "en") and len(c) > 1
            and not (language == "zh" and has_kana(c))]
    return rng.choice(cues or list(SECTOR_CUES[sector]))


def profile_text(rng: random.Random) -> str:
    language = rng.choice(["zh", "zh", "ja", "ja", "en"])
    sector = rng.choice(list(SECTOR_CUES))
    city, product = rng.choice(CITIES[language]), rng.choice(PRODUCTS[language])
    customer, need = rng.choice(CUSTOMERS[language]), rng.choice(NEEDS[language])
    year, team = rng.randrange(1995, 2026), rng.randrange(3, 400)
    word = _cue(rng, sector, language)
    if language == "zh":
        return f"{city}的{word}公司，成立於{year}年，團隊{team}人，開發{product}，客戶是{customer}。{need}。"
    if language == "ja":
        return f"{city}発の{word}企業です（{year}年創業、{team}名）。{product}を開発し、{customer}に提供しています。{need}。"
    return (f"{word.capitalize()} company from {city}, founded {year}, {team} people, building {product} for "
            f"{customer}. {need}.")


def profile_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [profile_text(rng) for _ in range(n)]
