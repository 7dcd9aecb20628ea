"""The deep-tech sector taxonomy: codes with labels in the three content languages.

Labels are product vocabulary, written by us once, so they live here as data and are loaded
into the Sector table by a migration (operators may add sectors later through the admin).
Synonyms feed keyword search so that a reader who types チップ or 晶片 finds chip companies.
"""

from __future__ import annotations

from typing import NamedTuple


class SectorSpec(NamedTuple):
    code: str
    parent: str | None
    zh_hant: str
    ja: str
    en: str
    synonyms: str = ""


SECTORS: tuple[SectorSpec, ...] = (
    SectorSpec("semiconductors", None, "半導體", "半導体", "Semiconductors", "晶片 チップ chip IC"),
    SectorSpec("semiconductors_equipment", "semiconductors", "半導體設備", "半導体製造装置",
               "Semiconductor equipment", "晶圓 ウェーハ wafer fab 檢測 検査 inspection"),
    SectorSpec("semiconductor_design", "semiconductors", "IC 設計", "半導体設計", "Semiconductor design",
               "IC設計 fabless EDA RISC-V"),
    SectorSpec("advanced_packaging", "semiconductors", "先進封裝", "先端パッケージング", "Advanced packaging",
               "封裝 パッケージ chiplet CoWoS"),
    SectorSpec("memory", "semiconductors", "記憶體", "メモリ", "Memory", "DRAM NAND MRAM"),
    SectorSpec("semiconductor_materials", "semiconductors", "半導體材料", "半導体材料", "Semiconductor materials",
               "材料 素材 materials"),
    SectorSpec("ai", None, "人工智慧", "人工知能", "Artificial intelligence", "AI 機器學習 機械学習 machine learning"),
    SectorSpec("ai_software", "ai", "AI 軟體", "AI ソフトウェア", "AI software", "LLM 生成式 生成AI"),
    SectorSpec("ai_hardware", "ai", "AI 硬體", "AI ハードウェア", "AI hardware",
               "加速器 アクセラレータ accelerator NPU"),
    SectorSpec("robotics", None, "機器人", "ロボティクス", "Robotics", "機器人 ロボット robot 自動化"),
    SectorSpec("eldercare_tech", None, "高齡照護科技", "高齢者ケア・エイジテック", "Ageing-society and eldercare tech",
               "長照 介護 eldercare agetech 高齡 高齢"),
    SectorSpec("healthtech_medical_devices", None, "醫療科技與醫材", "ヘルステック・医療機器",
               "Healthtech and medical devices", "醫材 医療 medtech 醫療器材"),
    SectorSpec("biotech", None, "生技", "バイオテック", "Biotech", "生物科技 バイオ 新藥 創薬 drug"),
    SectorSpec("climate_energy", None, "氣候與能源", "気候・エネルギー", "Climate and energy",
               "能源 エネルギー 電池 battery 減碳 脱炭素 cleantech"),
    SectorSpec("smart_manufacturing", None, "智慧製造", "スマート製造", "Smart manufacturing",
               "工廠 工場 factory 製造 IoT"),
    SectorSpec("fintech", None, "金融科技", "フィンテック", "Fintech", "支付 決済 payment 保險 保険 insurtech"),
    SectorSpec("agritech_food", None, "農業與食品科技", "アグリテック・フードテック", "Agritech and food",
               "農業 農 食品 food"),
    SectorSpec("mobility_ev", None, "移動與電動車", "モビリティ・EV", "Mobility and EV",
               "電動車 電気自動車 EV 自駕 自動運転"),
    SectorSpec("space_tech", None, "太空科技", "宇宙技術", "Space tech", "衛星 satellite 宇宙 太空"),
    SectorSpec("cybersecurity", None, "資安", "サイバーセキュリティ", "Cybersecurity",
               "資訊安全 セキュリティ security"),
    SectorSpec("quantum", None, "量子科技", "量子技術", "Quantum technology", "量子 quantum"),
)
