"""Sentence templates for demo profiles, one per language and organisation kind."""

STARTUP = {
    "zh-Hant": "我們是{city}的{focus}新創，{product}。{traction}。{asks}",
    "ja": "{city}発の{focus}スタートアップです。{product}。{traction}。{asks}",
    "en": "We are a {city}-based {focus} start-up. We {product}. {traction}. {asks}",
}
STARTUP_TAGLINE = {"zh-Hant": "{focus}｜{city}", "ja": "{focus}｜{city}", "en": "{focus} from {city}"}

ASK_SENTENCES = {
    "funding": {"zh-Hant": "正在募集{stage}資金（目標約{amount}）", "ja": "{stage}ラウンドで約{amount}を調達中です",
                "en": "We are raising a {stage} round of about {amount}"},
    "poc_partner": {"zh-Hant": "希望找到願意一起做PoC的企業夥伴", "ja": "PoCを一緒に進められる事業会社を探しています",
                    "en": "We are looking for a corporate partner for a PoC"},
    "distribution": {"zh-Hant": "也在尋找{market}的代理商與通路夥伴", "ja": "{market}での販売代理店を探しています",
                     "en": "We want a distribution partner in {market}"},
    "talent": {"zh-Hant": "徵求一位{role}", "ja": "{role}を募集しています", "en": "We are hiring a {role}"},
    "manufacturing": {"zh-Hant": "需要能小量試產的製造夥伴", "ja": "少量試作ができる製造パートナーを求めています",
                      "en": "We need a manufacturing partner for pilot runs"},
    "rnd_collaboration": {"zh-Hant": "歡迎大學與研究機構共同研發", "ja": "大学・研究機関との共同研究を歓迎します",
                          "en": "We welcome joint R&D with universities and labs"},
}
SEPARATOR = {"zh-Hant": "；", "ja": "。", "en": ". "}
END = {"zh-Hant": "。", "ja": "。", "en": "."}

INVESTOR = {
    "zh-Hant": "我們是專注於{focus}的{type}，投資{stages}階段的新創，單筆投資約{ticket}。{geo}",
    "ja": "{focus}に特化した{type}です。{stages}のスタートアップに、1社あたり{ticket}程度を投資します。{geo}",
    "en": "We are a {type} focused on {focus}, investing {ticket} per company at {stages}. {geo}",
}
INVESTOR_TYPE = {
    "vc": {"zh-Hant": "創投基金", "ja": "ベンチャーキャピタル", "en": "venture capital fund"},
    "corporate_vc": {"zh-Hant": "企業創投", "ja": "コーポレートVC", "en": "corporate venture arm"},
    "university_vc": {"zh-Hant": "大學創投", "ja": "大学系ベンチャーキャピタル", "en": "university venture fund"},
    "angel": {"zh-Hant": "天使投資人社群", "ja": "エンジェル投資家グループ", "en": "angel network"},
    "institutional": {"zh-Hant": "保險與機構投資人", "ja": "保険会社系の機関投資家", "en": "insurance-backed institutional investor"},
}
GEO = {
    "TW": {"zh-Hant": "以台灣新創為主。", "ja": "主に台湾のスタートアップに投資します。", "en": "We mostly back Taiwanese teams."},
    "JP": {"zh-Hant": "以日本新創為主。", "ja": "主に日本のスタートアップに投資します。", "en": "We mostly back Japanese teams."},
    "TWJP": {"zh-Hant": "同時投資台灣與日本的團隊，並協助跨境拓展。",
             "ja": "日本と台湾の両方に投資し、越境展開を支援します。",
             "en": "We invest in both Taiwan and Japan and help with cross-border expansion."},
    "ASIA": {"zh-Hant": "投資範圍涵蓋亞太地區。", "ja": "アジア太平洋全域が投資対象です。",
             "en": "We invest across Asia-Pacific."},
}

CORPORATE = {
    "zh-Hant": "我們是{city}的{focus}企業，{offers}。希望與新創合作開發新事業。",
    "ja": "{city}に本社を置く{focus}の事業会社です。{offers}。スタートアップとの協業で新規事業をつくります。",
    "en": "We are a {focus} company headquartered in {city}. {offers}. We work with start-ups to build new business.",
}
OFFER_SENTENCES = {
    "poc_partner": {"zh-Hant": "可提供工廠與產線作為PoC場域", "ja": "工場や生産ラインをPoCの場として提供できます",
                    "en": "We offer our plants and lines as PoC sites"},
    "distribution": {"zh-Hant": "可協助在{market}銷售與代理", "ja": "{market}での販売・代理を支援できます",
                     "en": "We can resell and distribute in {market}"},
    "manufacturing": {"zh-Hant": "提供代工與量產服務", "ja": "受託製造と量産を引き受けます",
                      "en": "We provide contract manufacturing at volume"},
    "market_entry": {"zh-Hant": "協助進入{market}市場", "ja": "{market}市場への参入を支援します",
                     "en": "We support market entry into {market}"},
}

UNIVERSITY = {
    "zh-Hant": "{name}的{focus}研究團隊，開放產學合作與技術授權，並協助新創使用實驗設施。",
    "ja": "{name}の{focus}研究グループです。共同研究や技術ライセンスに対応し、スタートアップに実験設備を開放しています。",
    "en": "The {focus} research group at {name}. We license technology, run joint research and open our labs to start-ups.",
}
AGENCY = {
    "zh-Hant": "協助台日新創交流的公部門窗口，提供補助資訊、法規諮詢與媒合活動。",
    "ja": "日台のスタートアップ交流を支援する公的機関です。補助金情報、規制相談、マッチングイベントを提供します。",
    "en": "A public agency supporting Taiwan–Japan start-up exchange: grants, regulatory advice and matchmaking events.",
}
SERVICE = {
    "zh-Hant": "提供新創進入{market}市場的法務、會計與人才招募服務。",
    "ja": "{market}市場に進出するスタートアップに、法務・会計・採用の支援を提供します。",
    "en": "Legal, accounting and hiring support for start-ups entering {market}.",
}
MARKET_NAMES = {
    "JP": {"zh-Hant": "日本", "ja": "日本", "en": "Japan"},
    "TW": {"zh-Hant": "台灣", "ja": "台湾", "en": "Taiwan"},
    "US": {"zh-Hant": "美國", "ja": "米国", "en": "the US"},
    "SG": {"zh-Hant": "東南亞", "ja": "東南アジア", "en": "Southeast Asia"},
}
STAGE_NAMES = {
    "pre_seed": {"zh-Hant": "種子前", "ja": "プレシード", "en": "pre-seed"},
    "seed": {"zh-Hant": "種子輪", "ja": "シード", "en": "seed"},
    "series_a": {"zh-Hant": "A輪", "ja": "シリーズA", "en": "Series A"},
    "series_b": {"zh-Hant": "B輪", "ja": "シリーズB", "en": "Series B"},
    "growth": {"zh-Hant": "成長期", "ja": "レイターステージ", "en": "growth"},
}
ROLE_NAMES = {
    "ml_engineer": {"zh-Hant": "機器學習工程師", "ja": "機械学習エンジニア", "en": "machine-learning engineer"},
    "process_engineer": {"zh-Hant": "製程工程師", "ja": "プロセスエンジニア", "en": "process engineer"},
    "ic_design_engineer": {"zh-Hant": "IC設計工程師", "ja": "IC設計エンジニア", "en": "IC design engineer"},
    "firmware_engineer": {"zh-Hant": "韌體工程師", "ja": "ファームウェアエンジニア", "en": "firmware engineer"},
    "security_engineer": {"zh-Hant": "資安工程師", "ja": "セキュリティエンジニア", "en": "security engineer"},
    "clinical_affairs": {"zh-Hant": "臨床法規專員", "ja": "臨床開発担当", "en": "clinical affairs lead"},
    "bd_japan": {"zh-Hant": "日本市場業務開發", "ja": "日本市場の事業開発担当", "en": "business developer for Japan"},
    "bd_taiwan": {"zh-Hant": "台灣市場業務開發", "ja": "台湾市場の事業開発担当", "en": "business developer for Taiwan"},
}
PERSON_BIO = {
    "zh-Hant": "{org}的{title}。關注{focus}領域的台日合作，會說{languages}。",
    "ja": "{org}の{title}。{focus}分野での日台連携に取り組んでいます。{languages}を話します。",
    "en": "{title} at {org}. Works on Taiwan–Japan collaboration in {focus}; speaks {languages}.",
}
TITLES = {
    "startup": {"zh-Hant": "共同創辦人暨執行長", "ja": "共同創業者・CEO", "en": "Co-founder and CEO"},
    "investor": {"zh-Hant": "合夥人", "ja": "パートナー", "en": "Partner"},
    "corporate": {"zh-Hant": "新事業開發經理", "ja": "新規事業開発マネージャー", "en": "New business development manager"},
    "university": {"zh-Hant": "教授", "ja": "教授", "en": "Professor"},
    "public_agency": {"zh-Hant": "專案經理", "ja": "プロジェクトマネージャー", "en": "Programme manager"},
    "service_provider": {"zh-Hant": "顧問", "ja": "コンサルタント", "en": "Consultant"},
}
LANGUAGE_WORDS = {
    "zh-Hant": {"zh-Hant": "中文", "ja": "日文", "en": "英文"},
    "ja": {"zh-Hant": "中国語", "ja": "日本語", "en": "英語"},
    "en": {"zh-Hant": "Mandarin", "ja": "Japanese", "en": "English"},
}
