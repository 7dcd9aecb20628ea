"""Trilingual cue words for the facets, in normalised form (NFKC, Traditional Chinese, lower case).

Written by hand from how founders, investors and corporates describe themselves in Taiwanese
Chinese, Japanese and English; the weights say how specific a cue is (a "wafer" is semiconductor
equipment far more surely than "equipment" is). Japanese cues stay in Japanese script: normalising
never turns kanji into Chinese forms.
"""

from __future__ import annotations

SECTOR_CUES: dict[str, dict[str, float]] = {
    "semiconductors_equipment": {
        "半導體設備": 3, "設備": 1, "製造装置": 3, "equipment": 1, "前工程": 3, "半導体製造": 2, "晶圓": 2, "蝕刻": 2, "缺陷檢測": 2, "製程設備": 3,
        "腔體": 2, "機台": 2, "洗淨": 2, "沉積": 2, "ウェーハ": 2, "ウエハ": 2, "洗浄装置": 3, "エッチング": 2, "成膜": 2, "検査装置": 2,
        "装置メーカー": 2, "wafer": 2, "etch": 2, "deposition": 2, "fab equipment": 3, "semiconductor equipment": 3,
        "inspection tool": 2, "cmp": 2, "metrology": 2, "設備與零組件": 3, "零組件": 1, "アドバンテスト": 1, "製程": 1, "fab": 1,
        "ファブ": 1, "晶圓廠": 2,
    },
    "semiconductor_design": {
        "ic設計": 3, "設計公司": 2, "半導體設計": 3, "ファブレス": 3, "ip core": 3, "silicon ip": 3, "晶片設計": 3, "ip設計": 2, "asic": 2,
        "soc": 1, "rtl": 2, "fabless": 3, "チップ設計": 3, "回路設計": 2, "半導体設計": 3, "ic design": 3, "chip design": 3,
        "risc-v": 2, "eda": 2, "類比ic": 3, "アナログ回路": 3, "mixed-signal": 2, "pmic": 2, "電源ic": 2, "設計・検証": 2,
    },
    "advanced_packaging": {
        "封裝": 3, "先進封裝": 4, "chiplet": 3, "玻璃基板": 3, "tgv": 3, "混合鍵合": 3, "パッケージ": 2, "実装": 2, "後工程": 3, "チップレット": 3,
        "packaging": 3, "interposer": 3, "hybrid bonding": 3, "substrate": 2, "中介層": 3, "載板": 2, "基板": 1, "tsv": 3,
        "fan-out": 3, "扇出": 3,
    },
    "ai_software": {
        "aiソフトウェア": 4, "ai software": 4, "ai活用": 2, "ai應用": 2, "aiサービス": 2, "ai軟體": 4, "人工智慧軟體": 4, "機器學習": 1,
        "大型語言模型": 3, "llm": 3, "生成式ai": 3, "軟體": 1, "saas": 2, "ai模型": 2, "機械学習": 1, "生成ai": 3, "言語モデル": 3,
        "ソフトウェア": 1, "machine learning": 1, "software": 1, "nlp": 2, "computer vision": 1, "電腦視覺": 1, "画像認識": 1,
        "ai平台": 2, "aiプラットフォーム": 2, "agent": 2, "エージェント": 2, "rag": 2, "聊天機器人": 2, "チャットボット": 2, "mlops": 3,
    },
    "ai_hardware": {
        "ai edge hardware": 4, "edge ai hardware": 4, "aiハード": 4, "ai硬體": 4, "ai晶片": 4, "加速器": 3, "npu": 3, "推論晶片": 4,
        "aiチップ": 4, "アクセラレータ": 3, "accelerator": 3, "inference chip": 4, "edge ai": 2, "エッジai": 2, "邊緣ai": 2,
        "ai hardware": 4, "aiハードウェア": 4, "ai伺服器": 3, "aiサーバー": 3, "gpu": 2, "行列演算": 2, "記憶體內運算": 3,
        "in-memory compute": 3,
    },
    "robotics": {
        "ロボティクス": 3, "robotics": 3, "warehouse robot": 3, "機器人": 3, "機械手臂": 3, "ロボット": 3, "アーム": 1, "agv": 2,
        "amr": 2, "robot": 3, "robotic": 3, "manipulator": 2, "cobot": 3, "協作機器人": 3, "協働ロボット": 3, "ピッキング": 2,
        "揀貨": 2, "picking": 2, "外骨骼": 2, "grasp": 2, "夾爪": 2, "ハンド": 1, "gripper": 2,
    },
    "eldercare_tech": {
        "介護テック": 4, "シニア": 2, "高齡化": 2, "高齢化": 2, "長期照顧": 3, "ageing": 2, "age-tech": 3, "agetech": 3, "長照": 3,
        "照護": 2, "高齡": 2, "長者": 2, "失智": 3, "介護": 3, "高齢者": 3, "見守り": 3, "elderly": 3, "eldercare": 3, "senior": 2,
        "aging": 2, "nursing home": 3, "dementia": 3, "養護": 2, "安養": 3, "介護施設": 3, "認知症": 3, "caregiver": 2, "照服員": 3,
        "老人": 2, "獨居": 2, "独居": 2,
    },
    "healthtech_medical_devices": {
        "medical devices": 4, "medtech": 4, "醫療科技": 3, "ヘルスケア": 2, "healthcare": 2, "digital health": 3, "數位醫療": 3,
        "醫療器材": 4, "醫材": 3, "醫院": 2, "臨床": 1, "診斷": 2, "醫療": 1, "医療機器": 4, "病院": 2, "診断": 2, "medical device": 4,
        "hospital": 2, "clinical": 1, "diagnostic": 2, "fda": 2, "tfda": 2, "pmda": 2, "sensor": 1, "感測": 1, "センサ": 1,
        "穿戴": 1, "ウェアラブル": 1, "復健": 2, "リハビリ": 2, "膀胱": 2, "超音波": 2, "影像診斷": 3, "內視鏡": 3, "内視鏡": 3, "医療": 1, "手術": 2,
    },
    "biotech": {
        "therapeutics": 3, "life-science": 3, "life science": 3, "生命科學": 3, "ライフサイエンス": 3, "製藥": 3, "製薬": 3,
        "pharma": 3, "生技": 3, "新藥": 3, "抗體": 3, "細胞治療": 3, "基因": 3, "創薬": 3, "抗体": 3, "細胞": 2, "遺伝子": 3, "バイオ": 3,
        "biotech": 3, "drug": 2, "antibody": 3, "cell therapy": 3, "gene": 3, "therapeutic": 2, "蛋白質": 2, "タンパク質": 2,
        "protein": 2, "mrna": 3, "臨床試驗": 2, "治験": 2, "clinical trial": 2, "微生物": 2, "酵素": 2, "enzyme": 2,
    },
    "climate_energy": {
        "clean energy": 3, "storage": 1, "decarboni": 3, "circularity": 2, "循環經濟": 2, "綠能": 3, "潔淨能源": 3,
        "クリーンエネルギー": 3, "気候": 3, "碳中和": 3, "カーボンニュートラル": 3, "儲能": 3, "電池": 2, "太陽能": 3, "氫": 2, "減碳": 3, "碳": 1,
        "能源": 2, "再生能源": 3, "蓄電池": 3, "水素": 3, "脱炭素": 3, "再エネ": 3, "太陽光": 3, "エネルギー": 2, "battery": 2,
        "energy storage": 3, "solar": 3, "hydrogen": 3, "carbon": 2, "climate": 3, "grid": 2, "電網": 2, "電力": 1,
        "全固態": 3, "全固体": 3, "固態電池": 3, "正極": 2, "負極": 2, "電解質": 2, "cathode": 2, "electrolyte": 2, "風電": 3, "風力": 3,
        "地熱": 3, "ccus": 3, "淨零": 3, "net zero": 3,
    },
    "smart_manufacturing": {
        "smart-manufacturing": 4, "smart manufacturing": 4, "製造業dx": 4, "製造dx": 4, "工業4.0": 3, "industry 4.0": 3,
        "製造現場": 2, "現場": 1, "智慧製造": 4, "工廠": 2, "產線": 2, "瑕疵檢測": 3, "預測保養": 3, "預知保養": 3, "スマートファクトリー": 4, "工場": 2,
        "製造業": 2, "予知保全": 3, "外観検査": 3, "factory": 2, "production line": 2, "predictive maintenance": 3,
        "industrial iot": 3, "defect inspection": 3, "鑄件": 2, "鋳造": 2, "casting": 2, "工具機": 3, "工作機械": 3,
        "machine tool": 3, "plc": 2, "mes": 2, "數位孿生": 2, "デジタルツイン": 2, "digital twin": 2, "品檢": 2,
    },
    "fintech": {
        "financial inclusion": 3, "financial services": 3, "金融包容": 3, "普惠金融": 3, "銀行業": 2, "金融": 2, "支付": 3, "借貸": 3,
        "保險科技": 3, "銀行": 2, "決済": 3, "融資": 2, "フィンテック": 4, "与信": 3, "fintech": 4, "payment": 3, "lending": 3,
        "banking": 2, "insurtech": 3, "credit": 2, "金流": 3, "放款": 3, "週轉金": 3, "信用": 1, "保険": 2, "insurance": 2,
        "會計": 2, "会計": 2, "accounting": 2, "資產管理": 2, "資産運用": 2, "wealth": 2,
    },
    "agritech_food": {
        "food & agriculture": 3, "agriculture": 3, "農食": 3, "食農": 3, "フードテック": 3, "foodtech": 3, "アグリ": 3, "農業テック": 3,
        "農業": 3, "食品": 3, "養殖": 3, "作物": 3, "農": 1, "水産": 3, "agri": 3, "farm": 3, "food": 3, "crop": 3,
        "aquaculture": 3, "漁業": 3, "植物工廠": 3, "植物工場": 3, "畜產": 3, "畜産": 3, "替代蛋白": 3, "代替肉": 3, "greenhouse": 3,
        "溫室": 3, "農家": 3, "農場": 3, "稻": 2, "果": 1,
    },
    "mobility_ev": {
        "電動移動": 3, "electric mobility": 3, "e-mobility": 3, "移動服務": 2, "mobility": 3, "電動車輛": 3, "電動車": 3, "電動機車": 3,
        "充電": 2, "車載": 3, "交通": 2, "自駕": 3, "電動車両": 3, "自動運転": 3, "モビリティ": 3, "electric vehicle": 3, "ev": 2,
        "charging": 2, "autonomous driving": 3, "scooter": 3, "bus": 2, "巴士": 2, "公車": 2, "バス": 2, "オンデマンド": 2,
        "共乗": 2, "ride": 1, "電動二輪": 3, "車隊": 2, "fleet": 2, "ドローン": 1, "無人機": 1,
    },
    "space_tech": {
        "宇宙産業": 4, "space tech": 4, "spacetech": 4, "aerospace": 3, "航太": 3, "衛星": 4, "太空": 4, "火箭": 4, "軌道": 3,
        "宇宙": 4, "ロケット": 4, "satellite": 4, "space": 2, "rocket": 4, "orbit": 3, "地球觀測": 3, "地球観測": 3,
        "earth observation": 3,
    },
    "cybersecurity": {
        "資安": 3, "cyber": 3, "security software": 3, "資訊安全": 3, "弱點": 2, "零信任": 3, "セキュリティ": 2, "脆弱性": 3, "サイバー": 3,
        "cybersecurity": 4, "security": 1, "zero trust": 3, "vulnerability": 3, "滲透測試": 3, "ペネトレーション": 3,
        "penetration": 3, "資安威脅": 3, "threat": 2, "soc監控": 2, "不正アクセス": 2, "マルウェア": 3, "malware": 3, "加密": 1, "暗号": 1,
        "encryption": 1,
    },
}

STAGE_ORDER = ["pre_seed", "seed", "series_a", "series_b", "growth"]
STAGE_CUES: dict[str, tuple[str, ...]] = {
    "pre_seed": ("pre-seed", "pre seed", "preseed", "天使輪", "種子前", "プレシード", "エンジェル", "angel",
                 "想法和原型", "只有想法", "創業初期", "アイデア段階", "構想段階", "idea stage", "pre-product",
                 "設立前", "創業前", "原型階段"),
    "seed": ("種子輪", "シード", "seed"),
    "series_a": ("a輪", "a 輪", "シリーズa", "シリーズ a", "series a", "series-a"),
    "series_b": ("b輪", "b 輪", "c輪", "シリーズb", "シリーズ b", "シリーズc", "series b", "series-b", "series c"),
    "growth": ("pre-ipo", "上市前", "ipo", "上場前", "レイター", "late-stage", "late stage", "growth", "成長期",
               "擴張期", "獲利", "黒字", "profitable", "上櫃", "上市櫃", "グロース", "expansion stage"),
}

NOT_RAISING = ("不募資", "暫不募資", "沒有募資", "無募資", "不需要資金", "不打算募資", "目前不對外募資", "調達の予定はありません",
               "調達予定はありません", "資金調達は予定していません", "調達は考えていません", "資金調達の予定はない",
               "not raising", "no plans to raise", "not looking for investors", "not fundraising", "self-funded",
               "bootstrapped", "自己資金", "自有資金", "募資計畫")
FUNDING = ("募資", "募集資金", "資金", "天使", "籌資", "資金調達", "調達", "出資", "raising", "fundraising", "investors", "investment",
           "round", "融資", "投資人", "投資家", "vc", "ベンチャーキャピタル", "創投")

COUNTRY_CUES: dict[str, tuple[str, ...]] = {
    "TW": ("台灣", "臺灣", "台湾", "taiwan", "新竹", "台北", "臺北", "台中", "台南", "臺南", "高雄", "桃園"),
    "JP": ("日本", "japan", "japanese", "東京", "大阪", "九州", "東北", "関西", "京都", "名古屋", "国内", "國內日本"),
    "US": ("美國", "米国", "アメリカ", "united states", "u.s.", "us-based", "silicon valley", "矽谷", "北米", "北美",
           "american"),
    "SG": ("新加坡", "シンガポール", "singapore"),
    "TH": ("泰國", "タイ", "thailand"),
    "VN": ("越南", "ベトナム", "vietnam"),
}
SOUTHEAST_ASIA = ("東南亞", "東南アジア", "southeast asia", "south-east asia", "asean")

NEED_CUES: dict[str, tuple[str, ...]] = {
    "poc_partner": ("poc", "試跑", "實證", "試點", "実証", "試験導入", "トライアル", "pilot", "pilots", "trial",
                    "proof of concept", "test site", "導入先", "テストベッド", "test bed", "協力いただける",
                    "願意讓我們", "導入測試", "實地測試", "場域驗證", "驗證場域", "field test", "試用"),
    "manufacturing_partner": ("代工", "量産パートナー", "量産委託", "量產夥伴", "製造夥伴", "製造パートナー",
                              "委託製造", "contract manufactur", "manufacturing partner", "mass production partner",
                              "ems", "oem", "生產夥伴", "製造委託", "scale up production", "放大到", "組裝",
                              "製造を担って", "smt"),
    "rnd_collaboration": ("共同研究", "產學", "研發合作", "共同開発", "joint research", "r&d partner", "co-develop",
                          "研究機構", "大學合作", "大学との", "研究夥伴", "research partner"),
}
HIRING_CUES = ("徵", "招募", "一位", "の経験がある方", "仲間", "募集中", "採用予定", "エンジニアを探して", "1名",
               "plus a", "development lead", "lead who", "country manager",
               "経験のある方", "経験がある方", "ジョイン", "仲間を", "採用したい", "を募集", "募集しています",
               "hiring", "hire", "we need a", "looking for a", "looking for an", "join us", "join our team",
               "recruit")
CHANNEL_CUES = ("代理商", "通路", "經銷", "販售", "販路", "販売代理", "代理店", "販売パートナー", "distributor",
                "distribution", "reseller", "channel", "go-to-market", "sales partner", "販売", "銷售", "客戶",
                "顧客", "市場", "進入", "進出", "展開", "market entry", "customers in", "打進")

OFFER_CUES: dict[str, tuple[str, ...]] = {
    "poc": ("poc", "實證", "試點", "驗證場域", "実証", "試験導入", "pilot", "trial", "test bed", "テストベッド",
            "場域", "協業", "共同検証", "open innovation", "オープンイノベーション"),
    "manufacturing": ("ems", "代工", "量産", "量產", "製造受託", "受託製造", "contract manufactur", "manufacturing partner",
                      "mass production", "oem", "odm", "box build", "pcba", "試作から量産"),
}
NO_POC = ("no poc", "not run pocs", "don't do poc", "do not do poc", "不做poc", "不提供poc", "pocは行っていません",
          "pocは実施していません", "実証実験は行いません", "poc不", "not offer poc", "no pilots", "pocには対応していません",
          "pocは受け付けていません", "不接受poc")

ROLE_CUES: dict[str, tuple[str, ...]] = {
    "ml_engineer": ("機器學習工程師", "ml工程師", "ai工程師", "演算法工程師", "機械学習エンジニア", "mlエンジニア",
                    "aiエンジニア", "ml engineer", "machine learning engineer", "ai engineer", "data scientist",
                    "資料科學家", "データサイエンティスト"),
    "process_engineer": ("製程工程師", "プロセスエンジニア", "process engineer", "製程開發", "プロセス開発",
                         "熱噴塗", "cvd", "濕式蝕刻", "電鍍", "薄膜", "製程整合"),
    "ic_design_engineer": ("ic設計工程師", "數位設計", "類比設計", "rtl", "回路設計", "設計・検証", "ic design",
                           "verification engineer", "asic engineer", "チップ設計", "晶片設計工程師", "設計エンジニア",
                           "layout"),
    "firmware_engineer": ("韌體", "ファームウェア", "firmware", "embedded", "嵌入式", "組み込み", "組込み", "mcu"),
    "security_engineer": ("資安工程師", "セキュリティエンジニア", "security engineer", "資安", "iso 27001", "セキュリティ"),
    "clinical_affairs": ("臨床", "法規", "薬事", "臨床開発", "clinical affairs", "regulatory", "tfda", "pmda", "fda",
                         "查驗登記"),
    "bd": ("業務開發", "事業開発", "business development", "country manager", "営業責任者", "sales lead", "bd"),
    "bd_japan": ("日本市場開發", "日本業務", "日本事業開発", "日本市場の事業開発", "bd japan", "japan business development",
                 "日本bd", "日本營業", "日本での営業", "japan sales"),
    "bd_taiwan": ("台灣業務", "台灣市場開發", "台湾市場", "台湾事業開発", "台湾での営業", "taiwan business development",
                  "bd taiwan", "taiwan sales", "台灣bd"),
}
