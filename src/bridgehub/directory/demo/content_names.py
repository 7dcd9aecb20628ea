"""Invented names for the demo: companies, funds and people, with readings where useful."""

# (characters, romanisation) parts for Taiwanese company names.
TW_PARTS = [("澄", "Cheng"), ("析", "Xi"), ("晶", "Jing"), ("鈦", "Tai"), ("碩", "Shuo"), ("昱", "Yu"),
            ("朗", "Lang"), ("宸", "Chen"), ("衡", "Heng"), ("岳", "Yue"), ("芯", "Xin"), ("寰", "Huan"),
            ("沛", "Pei"), ("禾", "He"), ("豐", "Feng"), ("翼", "Yi"), ("瀚", "Han"), ("森", "Sen"),
            ("峰", "Feng"), ("綠", "Lu"), ("曜", "Yao"), ("星", "Xing"), ("璞", "Pu"), ("嵐", "Lan")]
TW_SUFFIX = [("科技", "Technology"), ("智能", "Intelligence"), ("生醫", "Biomedical"), ("精密", "Precision"),
             ("光電", "Optronics"), ("半導體", "Semiconductor"), ("能源", "Energy"), ("數位", "Digital")]

# (kanji/kana, reading) parts for Japanese company names.
JP_PARTS = [("汐見", "Shiomi"), ("朝凪", "Asanagi"), ("蒼", "Aoi"), ("灯", "Akari"), ("結", "Yui"),
            ("嶺", "Mine"), ("紬", "Tsumugi"), ("凛", "Rin"), ("翠", "Midori"), ("楓", "Kaede"),
            ("颯", "Hayate"), ("暁", "Akatsuki"), ("澪", "Mio"), ("燈", "Tomoshibi"), ("絆", "Kizuna"),
            ("穂", "Minori"), ("雫", "Shizuku"), ("湊", "Minato"), ("碧", "Heki"), ("稜", "Ryo")]
JP_SUFFIX = [("テクノロジーズ", "Technologies"), ("プロセス", "Process"), ("ロボティクス", "Robotics"),
             ("メディカル", "Medical"), ("ラボ", "Lab"), ("エナジー", "Energy"), ("システムズ", "Systems"),
             ("デバイス", "Devices")]

EN_PARTS = ["Lattice", "Nimbus", "Keel", "Quill", "Harbor", "Vela", "Orchid", "Tessel", "Brightline",
            "Corvid", "Meridian", "Solace", "Tandem", "Verdant", "Kestrel", "Halcyon"]
EN_SUFFIX = ["Labs", "Systems", "Robotics", "Bio", "Works", "Dynamics", "Semiconductor", "Health"]

TW_FUNDS = [("台灣", "Taiwan"), ("新竹", "Hsinchu"), ("竹科", "Zhuke"), ("台南", "Tainan"), ("內湖", "Neihu"),
            ("信義", "Xinyi"), ("北辰", "Beichen"), ("長榮", "Changrong")]
JP_FUNDS = [("丸の内", "Marunouchi"), ("本郷", "Hongo"), ("京橋", "Kyobashi"), ("梅田", "Umeda"),
            ("天神", "Tenjin"), ("みなとみらい", "Minatomirai"), ("東北", "Tohoku"), ("筑波", "Tsukuba")]
EN_FUNDS = ["Bayview", "Sandhill", "Pacific Rim", "Marina Bay", "Golden Gate", "Causeway"]

TW_CITIES = [("新竹", "Hsinchu"), ("台北", "Taipei"), ("台南", "Tainan"), ("台中", "Taichung"), ("高雄", "Kaohsiung")]
JP_CITIES = [("東京", "Tokyo"), ("熊本", "Kumamoto"), ("大阪", "Osaka"), ("仙台", "Sendai"), ("福岡", "Fukuoka"),
             ("つくば", "Tsukuba"), ("京都", "Kyoto")]
EN_CITIES = {"US": ["San Jose", "Austin", "Boston"], "SG": ["Singapore"], "TH": ["Bangkok"], "VN": ["Ho Chi Minh City"]}

TW_SURNAMES = [("陳", "Chen"), ("林", "Lin"), ("黃", "Huang"), ("張", "Chang"), ("李", "Lee"), ("王", "Wang"),
               ("吳", "Wu"), ("劉", "Liu"), ("蔡", "Tsai"), ("楊", "Yang"), ("許", "Hsu"), ("鄭", "Cheng")]
TW_GIVEN = [("怡君", "Yi-Chun"), ("志明", "Chih-Ming"), ("雅婷", "Ya-Ting"), ("家豪", "Chia-Hao"),
            ("淑芬", "Shu-Fen"), ("冠宇", "Kuan-Yu"), ("佳穎", "Chia-Ying"), ("承翰", "Cheng-Han"),
            ("宜蓁", "Yi-Chen"), ("柏諺", "Po-Yen")]
JP_SURNAMES = [("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"), ("伊藤", "Ito"),
               ("渡辺", "Watanabe"), ("山本", "Yamamoto"), ("中村", "Nakamura"), ("小林", "Kobayashi"),
               ("加藤", "Kato"), ("吉田", "Yoshida"), ("松本", "Matsumoto")]
JP_GIVEN = [("美咲", "Misaki"), ("健太", "Kenta"), ("陽菜", "Hina"), ("翔", "Sho"), ("彩", "Aya"),
            ("大輔", "Daisuke"), ("由佳", "Yuka"), ("拓海", "Takumi"), ("真央", "Mao"), ("蓮", "Ren")]
# Given names and surnames combined into full names ("Grace Okafor"), so a hundred people never repeat
# one name with a letter tacked on.
EN_GIVEN = ["Maya", "Daniel", "Priya", "Ethan", "Grace", "Noah", "Olivia", "Lucas", "Sofia", "Arjun", "Hannah",
            "Marcus", "Leila", "Tomás", "Amara", "Ryan", "Mei", "Jonas", "Farah", "Kevin"]
EN_SURNAMES = ["Patel", "Ortiz", "Raman", "Cole", "Lim", "Tan", "Nguyen", "Wong", "Reyes", "Mehta", "Okafor",
               "Fischer", "Haddad", "Santos", "Brennan", "Kowalski", "Goh", "Lindqvist", "Moreau", "Chua"]

TRACTION = [
    ("目前已進入兩家客戶的驗證線", "現在、顧客2社の評価ラインに入っています", "We are in qualification at two customers"),
    ("去年營收成長三倍", "昨年の売上は3倍に伸びました", "Revenue tripled last year"),
    ("已完成首批量產出貨", "初回量産出荷を完了しました", "We shipped our first volume order"),
    ("已與三家機構完成實證", "3つの施設で実証を終えました", "We have completed pilots with three sites"),
    ("團隊來自國內外一線大廠", "チームは国内外の大手メーカー出身です", "Our team comes from leading manufacturers"),
]

# Which sectors a company-name suffix suits: "半導體" names a chip company, not an eldercare start-up.
# Suffixes not listed ("科技", "Labs", "システムズ") suit any sector.
_SEMIS = {"semiconductors_equipment", "semiconductor_design", "advanced_packaging", "memory", "semiconductor_materials",
          "ai_hardware"}
_HEALTH = {"healthtech_medical_devices", "biotech", "eldercare_tech"}
_MACHINES = {"robotics", "smart_manufacturing", "semiconductors_equipment", "healthtech_medical_devices",
             "eldercare_tech", "mobility_ev", "space_tech"}
_ENERGY = {"climate_energy", "mobility_ev"}
SUFFIX_SECTORS: dict[str, set[str]] = {
    "半導體": _SEMIS, "Semiconductor": _SEMIS, "デバイス": _SEMIS | {"healthtech_medical_devices"},
    "プロセス": _SEMIS | {"smart_manufacturing", "biotech"}, "光電": _SEMIS | {"climate_energy", "space_tech"},
    "生醫": _HEALTH, "Bio": {"biotech", "agritech_food"}, "メディカル": _HEALTH, "Health": _HEALTH,
    "精密": _MACHINES, "ロボティクス": {"robotics", "smart_manufacturing", "eldercare_tech"},
    "Robotics": {"robotics", "smart_manufacturing", "eldercare_tech"},
    "能源": _ENERGY, "エナジー": _ENERGY,
    "Dynamics": _MACHINES | _ENERGY,
}


def suffix_fits(suffix: str, sector: str | None) -> bool:
    fits = SUFFIX_SECTORS.get(suffix)
    return fits is None or sector in fits
