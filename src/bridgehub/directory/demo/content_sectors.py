"""Demo content: what invented companies in each sector do, as their owners would write it.

Each sector has products as (zh-Hant, ja, en) triples of one clause, written to read naturally
inside the sentence templates of `content_templates`. All companies and people are invented.
"""

PRODUCTS: dict[str, list[tuple[str, str, str]]] = {
    "semiconductors_equipment": [
        ("開發12吋晶圓暗場光學缺陷檢測模組，可直接加裝在既有AOI機台上",
         "12インチウェーハ向けの暗視野光学欠陥検査モジュールを開発し、既存のAOI装置に後付けできます",
         "build dark-field optical defect inspection modules for 300 mm wafers that retrofit onto existing AOI tools"),
        ("提供蝕刻腔體零件的氧化釔熔射塗層，壽命比現行方案長1.8倍",
         "エッチングチャンバー部品向けに、寿命が従来比1.8倍のイットリア溶射コーティングを提供しています",
         "supply yttria thermal-spray coatings for etch chamber parts that last 1.8 times longer"),
        ("設計低耗液量的單晶圓兆聲波清洗設備",
         "薬液使用量を大幅に減らす枚葉式メガソニック洗浄装置を開発しています",
         "make single-wafer megasonic cleaning tools that cut chemical use by more than half"),
    ],
    "semiconductor_design": [
        ("設計用於邊緣裝置的RISC-V低功耗微控制器IP",
         "エッジ機器向けの低消費電力RISC-VマイコンIPを設計しています",
         "design low-power RISC-V microcontroller IP for edge devices"),
        ("開發車用毫米波雷達的類比前端晶片",
         "車載ミリ波レーダー向けのアナログフロントエンドICを開発しています",
         "develop analog front-end chips for automotive millimetre-wave radar"),
    ],
    "advanced_packaging": [
        ("提供小晶片（chiplet）異質整合用的玻璃基板與重佈線層製程",
         "チップレットの異種統合に向けたガラス基板と再配線層プロセスを提供しています",
         "offer glass-core substrates and redistribution-layer processes for chiplet integration"),
        ("開發先進封裝用的低溫混合鍵合設備",
         "先端パッケージング向けの低温ハイブリッドボンディング装置を開発しています",
         "build low-temperature hybrid bonding equipment for advanced packaging"),
    ],
    "memory": [
        ("開發嵌入式MRAM記憶體IP，寫入耗能僅為快閃記憶體的十分之一",
         "書き込み電力がフラッシュの10分の1の組み込みMRAM IPを開発しています",
         "develop embedded MRAM IP that writes at a tenth of the energy of flash"),
    ],
    "semiconductor_materials": [
        ("量產高純度前驅物材料，供應原子層沉積製程",
         "原子層堆積（ALD）向けの高純度プリカーサ材料を量産しています",
         "produce high-purity precursors for atomic layer deposition"),
    ],
    "ai_software": [
        ("打造專為製造業品質文件設計的大型語言模型助理",
         "製造業の品質文書に特化した大規模言語モデルのアシスタントを開発しています",
         "build a large-language-model assistant for manufacturing quality documents"),
        ("提供能在本地端運行、支援繁中與日文的客服語音AI",
         "繁体字中国語と日本語に対応し、オンプレミスで動くコールセンター向け音声AIを提供しています",
         "offer an on-premise voice AI for call centres that speaks Mandarin and Japanese"),
    ],
    "ai_hardware": [
        ("設計用於影像辨識的類神經網路加速晶片，功耗低於1瓦",
         "消費電力1W未満の画像認識向けニューラルネットワーク・アクセラレータを設計しています",
         "design sub-1-watt neural-network accelerator chips for vision at the edge"),
    ],
    "robotics": [
        ("開發協作型機械手臂的觸覺夾爪，可抓取易碎食材",
         "壊れやすい食材もつかめる協働ロボット用の触覚グリッパーを開発しています",
         "make tactile grippers for collaborative robot arms that can pick fragile food"),
        ("打造倉儲用的自主移動機器人與排程軟體",
         "倉庫向けの自律移動ロボットと配車ソフトウェアを開発しています",
         "build autonomous mobile robots and fleet software for warehouses"),
    ],
    "eldercare_tech": [
        ("開發長照機構用的非接觸式離床與跌倒偵測感測器",
         "介護施設向けの非接触型の離床・転倒検知センサーを開発しています",
         "develop contactless bed-exit and fall detection sensors for care homes"),
        ("提供居家長者的用藥提醒與遠距關懷平台",
         "在宅高齢者の服薬リマインドと見守りのプラットフォームを提供しています",
         "run a medication-reminder and remote check-in platform for older people living at home"),
    ],
    "healthtech_medical_devices": [
        ("開發可穿戴式心電圖貼片與AI心律不整分析",
         "ウェアラブル心電図パッチとAIによる不整脈解析を開発しています",
         "develop a wearable ECG patch with AI arrhythmia analysis"),
        ("製造用於復健病房的膀胱容量超音波感測器",
         "リハビリ病棟向けの膀胱容量超音波センサーを製造しています",
         "manufacture ultrasound bladder-volume sensors for rehabilitation wards"),
    ],
    "biotech": [
        ("以mRNA平台開發亞洲常見肝病的治療藥物",
         "mRNAプラットフォームでアジアに多い肝疾患の治療薬を開発しています",
         "use an mRNA platform to develop treatments for liver diseases common in Asia"),
    ],
    "climate_energy": [
        ("開發工廠屋頂用的輕量化鈣鈦礦太陽能模組",
         "工場の屋根向けの軽量ペロブスカイト太陽電池モジュールを開発しています",
         "develop lightweight perovskite solar modules for factory roofs"),
        ("提供電池儲能系統的健康度診斷與二次利用評估",
         "蓄電池システムの劣化診断とリユース評価を提供しています",
         "provide state-of-health diagnostics and second-life grading for battery storage"),
    ],
    "smart_manufacturing": [
        ("為中小型工廠提供以影像AI檢測鑄件瑕疵的系統",
         "中小工場向けに鋳物の欠陥を画像AIで検査するシステムを提供しています",
         "offer image-based AI inspection of castings for small and mid-sized factories"),
        ("開發工具機的預知保養感測器與雲端儀表板",
         "工作機械の予知保全センサーとクラウドダッシュボードを開発しています",
         "build predictive-maintenance sensors and dashboards for machine tools"),
    ],
    "fintech": [
        ("為東南亞的小型商家提供跨境支付與對帳服務",
         "東南アジアの小規模事業者向けに越境決済と照合サービスを提供しています",
         "provide cross-border payments and reconciliation for small merchants in Southeast Asia"),
    ],
    "agritech_food": [
        ("開發溫室用的病蟲害影像辨識與精準噴藥系統",
         "温室向けの病害虫画像認識と精密散布システムを開発しています",
         "build pest recognition and precision spraying systems for greenhouses"),
    ],
    "mobility_ev": [
        ("開發電動機車的換電站與電池管理系統",
         "電動スクーター向けのバッテリー交換ステーションとBMSを開発しています",
         "develop battery-swap stations and battery management for electric scooters"),
    ],
    "space_tech": [
        ("設計用於低軌道衛星的小型化合成孔徑雷達酬載",
         "低軌道衛星向けの小型合成開口レーダー（SAR）ペイロードを設計しています",
         "design compact synthetic-aperture radar payloads for low-earth-orbit satellites"),
    ],
    "cybersecurity": [
        ("提供工廠OT網路的異常偵測與資產盤點",
         "工場のOTネットワーク向けの異常検知と資産可視化を提供しています",
         "provide anomaly detection and asset inventory for factory OT networks"),
    ],
    "quantum": [
        ("開發量子電腦用的低溫微波控制電路",
         "量子コンピュータ向けの極低温マイクロ波制御回路を開発しています",
         "develop cryogenic microwave control electronics for quantum computers"),
    ],
}

# Investor theses and corporate offers by sector focus: (zh-Hant, ja, en) noun phrases.
FOCUS: dict[str, tuple[str, str, str]] = {
    "semiconductors_equipment": ("半導體設備與製程", "半導体製造装置とプロセス", "semiconductor equipment and process"),
    "semiconductor_design": ("IC設計", "半導体設計", "chip design"),
    "advanced_packaging": ("先進封裝", "先端パッケージング", "advanced packaging"),
    "memory": ("新興記憶體", "次世代メモリ", "emerging memory"),
    "semiconductor_materials": ("半導體材料", "半導体材料", "semiconductor materials"),
    "ai_software": ("AI軟體", "AIソフトウェア", "AI software"),
    "ai_hardware": ("AI晶片與硬體", "AIチップ・ハードウェア", "AI hardware"),
    "robotics": ("機器人與自動化", "ロボティクスと自動化", "robotics and automation"),
    "eldercare_tech": ("高齡照護科技", "介護・エイジテック", "eldercare and age-tech"),
    "healthtech_medical_devices": ("醫療器材與數位醫療", "医療機器とデジタルヘルス", "medical devices and digital health"),
    "biotech": ("生技新藥", "バイオ・創薬", "biotech and therapeutics"),
    "climate_energy": ("能源與減碳", "エネルギー・脱炭素", "climate and energy"),
    "smart_manufacturing": ("智慧製造", "スマート製造", "smart manufacturing"),
    "fintech": ("金融科技", "フィンテック", "fintech"),
    "agritech_food": ("農業與食品科技", "アグリ・フードテック", "agritech and food"),
    "mobility_ev": ("電動車與移動服務", "EV・モビリティ", "EV and mobility"),
    "space_tech": ("太空科技", "宇宙技術", "space technology"),
    "cybersecurity": ("資訊安全", "サイバーセキュリティ", "cybersecurity"),
    "quantum": ("量子科技", "量子技術", "quantum technology"),
}
