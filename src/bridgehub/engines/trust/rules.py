"""The default screening rules, as data an operator can read, switch off and re-weight per hub.

Each rule names one scam signal in three languages (zh-Hant/zh-Hans, ja, en). A rule fires when
one of its `patterns` matches the normalised text and, where it has `needs`, each of those matches
too (a fee word alone is not a scam; a fee the recipient must pay is). `unless` patterns cancel it
(the message says the opposite: "we charge founders no fees", "we cannot guarantee returns").
Patterns are regular expressions over text folded by `screen.normalise` (NFKC, lower case), so
full-width letters and digits match their ASCII forms.

Written from the public descriptions of the scams (Japan's NPA and FSA notices, Taiwan's 165
anti-fraud line, founders' reports), not from the evaluation messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAY = (r"pay|paid|payment|transfer|wire|remit|\bsend\b|deposit|settle|\bbuy\b|purchase|"
       r"支付|付款|繳|缴|匯款|汇款|轉帳|转账|轉到|转到|匯入|匯至|打款|先付|預付|预付|購買|购买|認購|认购|"
       r"支払|払い込|払込|振込|振り込|送金|入金|ご負担|購入|お買い")
ASKED = (r"you|your|please|kindly|need to|must|required|before|prior|first|upfront|advance|"
         r"請|请|需|須|须|必須|務必|先|之前|前|"
         r"ください|下さい|お願い|必要|までに|前に|先に|事前")
FEE = (r"\bfees?\b|charge|deposit|retainer|escrow|processing|handling|registration cost|listing cost|"
       r"due[- ]diligence (cost|fee|charge)|legali[sz]ation|notari[sz]|appraisal|"
       r"手續費|手续费|審查費|审查费|服務費|服务费|保證金|保证金|押金|訂金|定金|規費|公證費|認證費|鑑價費|評估費|"
       r"律師費|律师费|稅金|税金|解凍|解冻|[\u4e00-\u9fff]{1,4}費用?|"
       r"手数料|審査料|登録料|保証金|預託金|着手金|デポジット|事務費|鑑定料|公証|印紙|凍結解除|税金|費用|参加費|[ァ-ヶー]+料")
NO_FEE = (r"(no|never|don't|do not|won't|without|zero|free of) (any )?(fees?|charges?|cost)|"
          r"(charge|ask) (founders|start-?ups|you) (nothing|no)|free of charge|we don't charge|each (party|side) "
          r"(bears|pays) its own|"
          r"(fees?|charges?|costs?)\b[^.!?]{0,30}? (are|is|will be) (covered|paid|borne|absorbed) by "
          r"(us|the fund|our|the investor)|"
          r"不收|不(會|会)?(向|跟).{0,6}收(取)?|不會收|不会收|無須支付|无须支付|免費|免费|不需(要)?(支付|付)|不必(支付|付)|"
          r"自行負擔|各自負擔|"
          r"無料|いただきません|頂きません|かかりません|不要です|ご負担なし|各自負担|"
          r"we (will |'ll )?(cover|bear|pay|absorb) (the |all |any )?(fees?|charges?|costs?)|(fees?|charges?) (are|is) on us|"
          r"由(我們|我方|本公司|敝公司|基金|本基金|我們基金|敝行|本行).{0,6}(負擔|负担|支付)|我們(會)?(負擔|負責)|"
          r"弊社(で|が)負担|当社(で|が)負担|こちらで負担|頂戴して(おり)?ません|いただいて(おり)?ません|"
          r"(我們|我方)(這邊|这边)?(處理|处理|負擔|负担|支付|出)|(a |your )?quot(e|ation)|報價|报价|見積")
# A price the organiser publishes and invoices from its own organisation is not an advance-fee scam.
# A price published on the organiser's website and invoiced by it, verified or not.
# "Invoice" is not here: an advance-fee scammer sends one too ("I'll send the invoice today"); only a
# verified sender's invoice counts (PUBLISHED_PRICE). 非公開 ("closed-door") is the opposite of published.
PUBLISHED_STRONG = (r"published|website|(?<!非)公開|官網|簡章|ウェブサイト|公式サイト")
# A price a verified organiser publishes and invoices is a programme fee, not an advance-fee scam.
PUBLISHED_PRICE = (r"invoice|published|price list|per team|per booth|booth|package|incl\.?|including|registration|"
                   r"發票|发票|開立發票|定價|定价|含稅|未稅|月租|報名|官網|"
                   r"請求書|領収書|定価|税別|税込|月額|申込|公式サイト")
NEVER_ASK = (r"(never|will not|won't|do not|don't|would never) (ask|request)|"
             r"不會(跟|向)?(您|你)?(索取|要求|詢問)|不会(向你)?索取|絕不會|绝不会|決不|"
             r"(お尋ね|お伺い|伺う|要求|依頼)(する)?こと(は)?(一切)?(ございません|ありません)|決して")
# A member warning others (or checking a contact) quotes the scam's own words.
WARNING = (r"\bscam|fraud|beware|be careful|watch out|reported (it|this|them)|is this (real|genuine|legit)|"
           r"詐騙|诈骗|詐欺|小心|提醒大家|注意|檢舉|举报|是真的嗎|"
           r"お気をつけ|ご注意|注意喚起|通報|本当に.{0,10}(でしょうか|ですか)")
APPS = (r"\bline\b|telegram|whats ?app|wechat|\bsignal\b|微信|加(個|个)?賴|ライン|テレグラム|ワッツアップ|シグナル|"
        r"personal (e-?mail|number|phone)|私人信箱|個人信箱|私人(手機|電話)|個人のメール|個人の(電話|携帯)")
PRESSURE = (r"today|tonight|within (an|one|1) hour|right now|asap|immediately|urgent|quick(ly)?|fast|before others|"
            r"secret|confidential(ly)?|between us|don'?t tell|delete|not safe|unsafe|monitor|outside (the )?platform|"
            r"今天|今晚|馬上|马上|立刻|盡快|尽快|急|保密|秘密|別告訴|不要告訴|刪除|删除|不安全|被監控|平台外|私下|"
            r"今日中|今すぐ|至急|急ぎ|内密|秘密|内緒|削除|安全ではない|監視|他言無用|早急|"
            r"only (discuss|talk|share|communicate|use)|(don'?t|rarely|never) (really )?check|clunky|hard to talk here|"
            r"這邊不方便|这边不方便|不方便(講|说|說)|只(在|用)|話しづらい|話しにくい|でのみ|のみお伝え|控えて|あまり見ない")
MET = (r"(after|great|nice|good|thanks for) (meeting|seeing|talking)|(great|nice|good|pleasure) to (meet|see)|"
       r"met (you|today|yesterday)|at the (booth|venue|event)|"
       r"見面|碰面|會後|会后|剛才|今天的會|交換名片|"
       r"お会い|面談後|名刺交換|ブースで|会場で|先日は")
CRYPTO = (r"usdt|usdc|tether|bitcoin|\bbtc\b|\beth\b|ethereum|crypto|\btokens?\b|\bwallet\b|trc-?20|erc-?20|gas fee|"
          r"泰達幣|比特幣|比特币|以太幣|加密貨幣|加密货币|虛擬貨幣|虚拟货币|代幣|代币|錢包|钱包|"
          r"暗号資産|仮想通貨|ビットコイン|トークン|ウォレット|テザー")
GUARANTEED = (r"guarantee[ds]? (a |an )?(return|profit|yield|income|listing)|risk[- ]free|no risk|zero risk|"
              r"guaranteed \d+(\.\d+)? ?% (monthly|annual|weekly|daily|returns?|yield|profit|interest|roi|a |per )|"
              r"win(ning)? rate|capital protect|never (had )?a (losing|negative)|"
              r"(certain|sure|bound) to (list|ipo|profit|double)|fixed (monthly )?returns?|\d+ ?% (per|a|each|every) "
              r"(month|week|day)|monthly returns? of|double your|"
              r"保證(獲利|获利|收益|報酬|回報|上市|賺)|保证(获利|收益|回报|上市)|穩賺|稳赚|穩賺不賠|保本|零風險|零风险|無風險|无风险|"
              r"每月(固定)?(獲利|收益|配息)?\s*\d+\s*%|月(息|利|報酬)\s*\d+|必定上市|一定上市|包賺|勝率|胜率|翻倍|"
              r"(每天|每日|每週|每月)穩定|本金(保障|保證)|"
              r"年利\s*\d+|確実に(お)?約束|一度もマイナス|安定して稼|倍増|"
              r"元本保証|確実に(儲|利益|上場)|必ず(儲|上場|利益)|リスク(は)?(ほぼ)?(ゼロ|なし|ありません)|"
              r"月利\s*\d+|毎月\s*\d+\s*%|絶対に(儲|損)|損(は)?しません|上場確実")
NOT_GUARANTEED = (r"(can ?not|can't|cannot|don't|do not|no one can|never) guarantee|not a (promise|guarantee)|"
                  r"不保證|不保证|無法保證|无法保证|不能保證|並非保證|保証(は)?(でき|いた)(ません|かねます)|約束するものではない|"
                  r"保証するものではありません")
GROUP = (r"study group|(investment|investing|trading|stock) (club|group|community|circle)|"
         r"signal (group|channel)|trading signals?|(stock|crypto|pre-?ipo|ipo|daily|morning) picks|"
         r"(stock|trading) (teacher|mentor|coach)|teacher'?s assistant|institutional (account|channel|app)|"
         r"free (e-?book|book|seminar|course) on (stocks|investing|trading)|(investment|trading|wealth) (coach|guru|master)|"
         r"small circle|學員群|学员群|帶操作|带操作|財富自由|财富自由|"
         r"投資(群|群組|社團|社团|俱樂部|读书会|讀書會)|股票(群|社團|社团)|飆股|飙股|老師|老师|助理|名師|明牌|法人帳戶|機構帳戶|"
         r"投資(勉強会|サークル|グループ|コミュニティ)|株(式)?(投資)?(の)?(勉強会|サークル|グループ)|先生のアシスタント|アシスタント|"
         r"銘柄を(毎朝|毎日|毎週)?(配信|推奨)|"
         r"機関投資家(専用)?(口座|アカウント|アプリ)|無料(の)?(書籍|本|セミナー)")
CREDENTIALS = (r"password|passcode|log ?in (details|credentials)|one[- ]time (code|password)|\botp\b|verification code|"
               r"(sms|security) code|card (number|details)|cvv|pin (code|number)|(passport|id card|driver'?s licen[cs]e) "
               r"(copy|photo|scan|image)s?|(photo|scan|copy|image)s? of (your )?(passport|id)|verify your account|"
               r"confirm (your )?(bank|account) details|bank details on|(sign|log) ?in with your|verify your identity|"
               r"upload (a )?(scan|copy|photo|picture)|account (has been|was|will be) (flagged|suspended|locked|limited)|"
               r"avoid (suspension|deactivation)|"
               r"密碼|密码|驗證碼|验证码|認證碼|登入資料|登录信息|卡號|卡号|身分證(正反面|照片|影本)|身份证|護照(影本|照片)|"
               r"網銀|网银|帳號密碼|驗證您的帳戶|驗證身分|验证身份|帳號.{0,4}(停用|凍結|冻结|異常)|上傳.{0,8}(身分證|護照|證件)|"
               r"パスワード|認証コード|確認コード|ワンタイム|暗証番号|カード番号|セキュリティコード|身分証(明書)?の(画像|写真|コピー)|"
               r"マイナンバー|口座情報を(ご)?(入力|登録)|ログイン情報|本人確認|アカウント.{0,6}(停止|凍結|制限)|ログインして|"
               r"(身分証|パスポート).{0,8}(アップロード|送付|送って)")
# A cold wallet is a custody product a start-up may sell; a payment request names an address or a hash.
WALLET_ADDRESS = (r"0x[0-9a-f]{4,}|wallet address|tx ?hash|transaction hash|錢包地址|钱包地址|"
                  r"轉完截圖|转完截图|ウォレット(の)?アドレス|送金後.{0,6}(スクショ|ハッシュ)")
OFFICIAL = (r"official (portal|website|procurement|system)|upload (page|portal)|data ?room|our (legal|procurement|finance) (team|department)|"
            r"through the platform|on the platform|via the hub|"
            r"官方(平台|系統|網站)|採購系統|法務部|透過平台|在平台上|資料室|上傳頁|加密上傳|"
            r"公式(ポータル|サイト|システム)|調達システム|法務部|プラットフォーム上|プラットフォーム経由|アップロード画面|データルーム")
BIG_NAMES = (r"y combinator|\byc\b|500 global|techstars|plug and play|google|microsoft|nvidia|amazon|sequoia|softbank|temasek|a16z|andreessen|tiger global|\bgic\b|blackrock|goldman|morgan stanley|"
             r"mitsubishi|mitsui|sumitomo|toyota|sony|hitachi|panasonic|tsmc|foxconn|hon hai|mediatek|jafco|sbi |"
             r"national development fund|jetro|nedo|\bjst\b|world bank|united nations|"
             r"紅杉|红杉|軟銀|软银|淡馬錫|淡马锡|台積電|台积电|鴻海|鸿海|聯發科|联发科|國發基金|国发基金|行政院|經濟部|金管會|"
             r"ソフトバンク|三菱|三井|住友|トヨタ|ソニー|日立|パナソニック|経済産業省|金融庁|日本政策金融公庫")
AVOID_THE_OFFICE = (r"don'?t (call|contact|email) (our|the) (office|headquarters|company)|"
                  r"不要(打電話|聯絡|联系)(到)?(公司|總部|辦公室)|会社(に|へ)は?(電話|連絡)しないで|本社には連絡")


@dataclass(frozen=True)
class Rule:
    code: str  # reason code, shown translated to the reader
    weight: float  # how suspicious the signal is alone (0..1); signals combine as independent evidence
    patterns: str
    needs: tuple[str, ...] = ()  # each of these must match too
    unless: str = ""  # any of these cancels the rule
    only_for: frozenset[str] = field(default_factory=frozenset)  # recipient kinds it applies to (empty: all)
    not_from: frozenset[str] = field(default_factory=frozenset)  # sender kinds it does not apply to
    unless_verified: str = ""  # cancels the rule when the sender is verified


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule("upfront_fee", 0.75, FEE, needs=(PAY + "|" + ASKED,), unless=NO_FEE + "|" + NEVER_ASK + "|" + PUBLISHED_STRONG,
         only_for=frozenset({"startup", "talent"}), unless_verified=PUBLISHED_PRICE),
    Rule("off_platform", 0.45, APPS, unless=MET),
    Rule("off_platform_pressure", 0.4, APPS, needs=(PRESSURE,), unless=MET),
    # A start-up describing its own crypto product is not asking anyone to pay in crypto.
    Rule("crypto_payment", 0.8, CRYPTO, needs=(PAY, ASKED), unless=NEVER_ASK, not_from=frozenset({"startup"})),
    # Whoever sends it: coins to a wallet address, or "send me the transaction hash".
    Rule("crypto_payment", 0.8, WALLET_ADDRESS, needs=(CRYPTO,), unless=NEVER_ASK),
    Rule("guaranteed_return", 0.85, GUARANTEED, unless=NOT_GUARANTEED),
    Rule("investment_group", 0.8, GROUP),
    Rule("credential_request", 0.8, CREDENTIALS, unless=OFFICIAL + "|" + NEVER_ASK),
    Rule("avoid_the_office", 0.6, AVOID_THE_OFFICE),
)
