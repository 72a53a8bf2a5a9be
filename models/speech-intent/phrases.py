"""The closed spoken domain: the most frequent requests per language, with intent and slots named as in
DESIGN.md section 9 (the text classifier's names). Like a Rhino grammar, these phrasings are what the
model understands; anything else should come out as out_of_scope ("please use the screen").

OOS_TRAIN and OOS_EVAL are disjoint, so out-of-scope rejection is measured on requests never trained on; so are the
train and dev fillers of the near-domain requests (OOS_SERVICES, OOS_PLACES), which eval does not use.
"""

PROCEDURES = {
    "birth_registration": {"vi": ["đăng ký khai sinh", "làm giấy khai sinh"], "en": ["birth registration", "a birth certificate"],
                           "hi": ["जन्म पंजीकरण", "जन्म प्रमाण पत्र"], "ur": ["پیدائش کا اندراج", "پیدائش کا سرٹیفکیٹ"]},
    "death_registration": {"vi": ["đăng ký khai tử", "làm giấy chứng tử"], "en": ["death registration", "a death certificate"],
                           "hi": ["मृत्यु पंजीकरण", "मृत्यु प्रमाण पत्र"], "ur": ["وفات کا اندراج", "وفات کا سرٹیفکیٹ"]},
    "marriage_registration": {"vi": ["đăng ký kết hôn"], "en": ["marriage registration", "registering our marriage"],
                              "hi": ["विवाह पंजीकरण", "शादी का पंजीकरण"], "ur": ["شادی کا اندراج", "نکاح کا اندراج"]},
    "marital_status_certificate": {"vi": ["giấy xác nhận tình trạng hôn nhân"], "en": ["a marital status certificate"],
                                   "hi": ["वैवाहिक स्थिति प्रमाण पत्र"], "ur": ["ازدواجی حیثیت کا سرٹیفکیٹ"]},
    "civil_status_extract": {"vi": ["trích lục hộ tịch"], "en": ["a civil status extract"],
                             "hi": ["सिविल रिकॉर्ड की प्रति"], "ur": ["سول ریکارڈ کی نقل"]},
    "certified_copy": {"vi": ["sao y bản chính", "chứng thực bản sao"], "en": ["a certified copy"],
                       "hi": ["प्रमाणित प्रति"], "ur": ["تصدیق شدہ نقل"]},
    "signature_certification": {"vi": ["chứng thực chữ ký"], "en": ["signature certification"],
                                "hi": ["हस्ताक्षर सत्यापन"], "ur": ["دستخط کی تصدیق"]},
    "residence_registration": {"vi": ["đăng ký thường trú", "đăng ký tạm trú"], "en": ["residence registration"],
                               "hi": ["निवास पंजीकरण"], "ur": ["رہائش کا اندراج"]},
    "land_use_certificate": {"vi": ["làm sổ đỏ", "giấy chứng nhận quyền sử dụng đất"], "en": ["a land use certificate"],
                             "hi": ["भूमि उपयोग प्रमाण पत्र"], "ur": ["زمین کے استعمال کا سرٹیفکیٹ"]},
    "construction_permit": {"vi": ["giấy phép xây dựng"], "en": ["a construction permit", "a building permit"],
                            "hi": ["भवन निर्माण की अनुमति"], "ur": ["تعمیراتی اجازت نامہ"]},
    "business_household_registration": {"vi": ["đăng ký hộ kinh doanh"], "en": ["household business registration"],
                                        "hi": ["व्यापार पंजीकरण"], "ur": ["کاروبار کا اندراج"]},
    "social_allowance": {"vi": ["trợ cấp xã hội"], "en": ["the social allowance"],
                         "hi": ["सामाजिक भत्ता"], "ur": ["سماجی الاؤنس"]},
}

WITH_PROCEDURE = {
    "start_procedure": {
        "vi": ["tôi muốn {p}", "tôi cần {p}", "{p}", "tôi đến để {p}"],
        "en": ["I'm here for {p}", "I need {p}", "{p}", "I want {p} please"],
        "hi": ["मुझे {p} करवाना है", "{p}", "मैं {p} के लिए आया हूँ"],
        "ur": ["مجھے {p} کروانا ہے", "{p}", "میں {p} کے لیے آیا ہوں"],
    },
    "procedure_documents": {
        "vi": ["{p} cần giấy tờ gì", "hồ sơ {p} gồm những gì"],
        "en": ["what documents do I need for {p}", "what should I bring for {p}"],
        "hi": ["{p} के लिए कौन से कागज़ चाहिए", "{p} के लिए क्या लाना है"],
        "ur": ["{p} کے لیے کون سے کاغذات چاہئیں", "{p} کے لیے کیا لانا ہے"],
    },
    "procedure_fee": {
        "vi": ["{p} lệ phí bao nhiêu"],
        "en": ["how much does {p} cost"],
        "hi": ["{p} की फ़ीस कितनी है"],
        "ur": ["{p} کی فیس کتنی ہے"],
    },
}

FACILITIES = {
    "restroom": {"vi": ["nhà vệ sinh ở đâu", "tôi muốn đi vệ sinh"], "en": ["where is the restroom", "where is the toilet"],
                 "hi": ["शौचालय कहाँ है", "टॉयलेट किधर है"], "ur": ["بیت الخلا کہاں ہے", "واش روم کہاں ہے"]},
    "waiting_area": {"vi": ["khu vực chờ ở đâu", "tôi ngồi chờ ở đâu"], "en": ["where is the waiting area", "where can I sit and wait"],
                     "hi": ["प्रतीक्षा क्षेत्र कहाँ है"], "ur": ["انتظار گاہ کہاں ہے"]},
    "photocopy": {"vi": ["chỗ photo ở đâu", "tôi cần photo giấy tờ"], "en": ["where can I make a photocopy"],
                  "hi": ["फोटोकॉपी कहाँ होगी"], "ur": ["فوٹو کاپی کہاں ہوگی"]},
    "parking": {"vi": ["bãi gửi xe ở đâu"], "en": ["where is the parking"], "hi": ["पार्किंग कहाँ है"], "ur": ["پارکنگ کہاں ہے"]},
    "drinking_water": {"vi": ["nước uống ở đâu", "tôi muốn uống nước"], "en": ["where can I get drinking water"],
                       "hi": ["पीने का पानी कहाँ है"], "ur": ["پینے کا پانی کہاں ہے"]},
    "exit": {"vi": ["lối ra ở đâu"], "en": ["where is the exit"], "hi": ["बाहर जाने का रास्ता कहाँ है"], "ur": ["باہر جانے کا راستہ کہاں ہے"]},
}

SIMPLE = {
    "get_ticket": {"vi": ["cho tôi lấy số", "tôi muốn lấy số thứ tự", "cho tôi một số"],
                   "en": ["I want a ticket", "can I get a queue number", "ticket please"],
                   "hi": ["मुझे टोकन चाहिए", "टोकन लेना है"], "ur": ["مجھے ٹوکن چاہیے", "ٹوکن لینا ہے"]},
    "guide_to_counter": {"vi": ["dẫn tôi đến quầy", "quầy của tôi ở đâu", "chỉ đường cho tôi đến quầy"],
                         "en": ["take me to the counter", "where is my counter", "guide me to the desk"],
                         "hi": ["मुझे काउंटर तक ले चलो", "मेरा काउंटर कहाँ है"], "ur": ["مجھے کاؤنٹر تک لے چلیں", "میرا کاؤنٹر کہاں ہے"]},
    "dossier_status": {"vi": ["tra cứu hồ sơ", "hồ sơ của tôi đến đâu rồi", "kiểm tra tình trạng hồ sơ"],
                       "en": ["check my application status", "is my application ready", "track my dossier"],
                       "hi": ["मेरे आवेदन की स्थिति क्या है", "मेरा आवेदन तैयार है क्या"],
                       "ur": ["میری درخواست کی کیا صورتحال ہے", "کیا میری درخواست تیار ہے"]},
    "call_staff": {"vi": ["gọi nhân viên giúp tôi", "tôi muốn gặp cán bộ"], "en": ["call a staff member", "I want to talk to a person"],
                   "hi": ["किसी कर्मचारी को बुलाइए", "मुझे किसी से बात करनी है"], "ur": ["کسی عملے کو بلائیں", "مجھے کسی سے بات کرنی ہے"]},
    "opening_hours": {"vi": ["mấy giờ mở cửa", "giờ làm việc thế nào"], "en": ["what are the opening hours", "what time do you close"],
                      "hi": ["दफ़्तर कब खुलता है", "कितने बजे बंद होता है"], "ur": ["دفتر کب کھلتا ہے", "کتنے بجے بند ہوتا ہے"]},
    "greeting": {"vi": ["chào bạn", "chào buổi sáng"], "en": ["hi there", "good morning"], "hi": ["नमस्ते"], "ur": ["السلام علیکم"]},
    "thanks_goodbye": {"vi": ["cảm ơn", "cảm ơn nhé, tạm biệt"], "en": ["thank you", "thanks, goodbye"],
                       "hi": ["धन्यवाद", "शुक्रिया"], "ur": ["شکریہ", "خدا حافظ"]},
    "repeat": {"vi": ["nói lại đi", "bạn nhắc lại được không"], "en": ["say that again", "can you repeat that"],
               "hi": ["फिर से बोलिए", "दोबारा बताइए"], "ur": ["دوبارہ بولیں", "پھر سے بتائیں"]},
    "cancel": {"vi": ["thôi không cần nữa", "hủy"], "en": ["cancel", "never mind"], "hi": ["रहने दीजिए", "रद्द करो"],
               "ur": ["رہنے دیں", "منسوخ کریں"]},
}

OOS_TRAIN = {
    "vi": ["quầy bán vé xe buýt ở đâu", "tôi muốn vay tiền ngân hàng", "hôm nay thời tiết thế nào", "kể cho tôi một câu chuyện cười",
           "mua thuốc ở đâu", "giá vàng hôm nay bao nhiêu", "tôi muốn đặt vé máy bay", "bạn tên là gì", "mấy giờ rồi",
           "đội bóng nào thắng hôm qua", "bật nhạc cho tôi nghe", "tôi bị đau đầu quá", "gần đây có quán cà phê nào không",
           "tôi muốn đổi tiền đô", "số điện thoại của bệnh viện là gì"],
    "en": ["where do I buy bus tickets", "I want a bank loan", "what's the weather today", "tell me a joke",
           "where can I buy medicine", "book a flight for me", "what is the gold price", "what's your name", "what time is it",
           "who won the football match", "play some music", "I have a headache", "is there a coffee shop nearby",
           "I want to exchange dollars", "what is the hospital's phone number"],
    "hi": ["बस का टिकट कहाँ मिलेगा", "मुझे बैंक से लोन चाहिए", "आज मौसम कैसा है", "एक चुटकुला सुनाओ", "दवाई कहाँ मिलेगी",
           "मेरे लिए हवाई टिकट बुक करो", "सोने का भाव क्या है", "तुम्हारा नाम क्या है", "गाना बजाओ", "मेरे सिर में दर्द है"],
    "ur": ["بس کا ٹکٹ کہاں ملے گا", "مجھے بینک سے قرض چاہیے", "آج موسم کیسا ہے", "ایک لطیفہ سناؤ", "دوائی کہاں ملے گی",
           "میرے لیے ہوائی ٹکٹ بک کرو", "سونے کی قیمت کیا ہے", "تمہارا نام کیا ہے", "گانا بجاؤ", "میرے سر میں درد ہے"],
}

OOS_EVAL = {
    "vi": ["tôi muốn làm hộ chiếu", "ở đây có bán bánh mì không", "trận đấu tối nay mấy giờ", "cho tôi mượn điện thoại",
           "tôi muốn nộp phạt giao thông", "xe buýt số mười đi đâu", "tôi quên mật khẩu email"],
    "en": ["I need a passport", "do you sell sandwiches here", "when does the match start tonight", "can I borrow your phone",
           "I want to pay a traffic fine", "where does bus number ten go", "I forgot my email password"],
    "hi": ["मुझे पासपोर्ट बनवाना है", "यहाँ समोसा मिलता है क्या", "मैच कितने बजे शुरू होगा", "अपना फ़ोन दे दो", "बस नंबर दस कहाँ जाती है"],
    "ur": ["مجھے پاسپورٹ بنوانا ہے", "یہاں سموسہ ملتا ہے کیا", "میچ کتنے بجے شروع ہوگا", "اپنا فون دے دو", "بس نمبر دس کہاں جاتی ہے"],
}

# Near-domain out-of-scope requests: the in-scope carrier phrasings ("I need ...", "what documents do I
# need for ...", "how much does ... cost") filled with services this office does not provide, and "where is"
# for places it does not have: what an out-of-scope class learnt from unrelated requests lets through. The
# train and dev fillers share no service or place, and neither holds eval's (passports, traffic fines...).
OOS_SERVICES = {
    "train": {
        "vi": ["đăng ký xe máy", "đổi giấy phép lái xe", "làm thẻ bảo hiểm y tế", "mở tài khoản ngân hàng",
               "làm căn cước công dân", "nộp thuế thu nhập", "làm visa", "đăng ký sim điện thoại"],
        "en": ["motorbike registration", "a driving licence", "a health insurance card", "a bank account",
               "an identity card", "income tax", "a visa", "a phone SIM card"],
        "hi": ["गाड़ी का पंजीकरण", "ड्राइविंग लाइसेंस", "स्वास्थ्य बीमा कार्ड", "बैंक खाता", "पहचान पत्र", "आयकर", "वीज़ा"],
        "ur": ["گاڑی کی رجسٹریشن", "ڈرائیونگ لائسنس", "صحت انشورنس کارڈ", "بینک اکاؤنٹ", "شناختی کارڈ", "انکم ٹیکس", "ویزا"],
    },
    "dev": {
        "vi": ["nhập học cho con", "làm thẻ thư viện", "đóng tiền điện", "gửi bưu phẩm", "tiêm phòng cho con"],
        "en": ["school enrolment", "a library card", "the electricity bill", "sending a parcel", "a vaccination"],
        "hi": ["स्कूल में दाख़िला", "लाइब्रेरी कार्ड", "बिजली का बिल", "पार्सल भेजना", "टीकाकरण"],
        "ur": ["اسکول میں داخلہ", "لائبریری کارڈ", "بجلی کا بل", "پارسل بھیجنا", "ویکسینیشن"],
    },
}
OOS_PLACES = {
    "train": {
        "vi": ["cây ATM ở đâu", "thang máy ở đâu", "bưu điện ở đâu", "căng tin ở đâu"],
        "en": ["where is the ATM", "where is the lift", "where is the post office", "where is the canteen"],
        "hi": ["एटीएम कहाँ है", "लिफ़्ट कहाँ है", "डाकघर कहाँ है"],
        "ur": ["اے ٹی ایم کہاں ہے", "لفٹ کہاں ہے", "ڈاک خانہ کہاں ہے"],
    },
    "dev": {
        "vi": ["nhà thuốc ở đâu", "quán ăn gần nhất ở đâu"],
        "en": ["where is the pharmacy", "where is the nearest restaurant"],
        "hi": ["दवाखाना कहाँ है", "खाने की जगह कहाँ है"],
        "ur": ["دواخانہ کہاں ہے", "کھانے کی جگہ کہاں ہے"],
    },
}

INTENTS = ["out_of_scope", "get_ticket", "start_procedure", "procedure_documents", "procedure_fee", "guide_to_counter",
           "find_facility", "dossier_status", "call_staff", "opening_hours", "greeting", "thanks_goodbye", "repeat", "cancel"]
PROCEDURE_SLOTS = ["none"] + list(PROCEDURES)
FACILITY_SLOTS = ["none"] + list(FACILITIES)
LANGS = ["vi", "en", "hi", "ur"]


def in_scope_items():
    """(lang, text, intent, procedure, facility) for every in-scope phrasing."""
    out = []
    for intent, by_lang in WITH_PROCEDURE.items():
        for lang, templates in by_lang.items():
            for proc, names in PROCEDURES.items():
                for t in templates:
                    for name in names[lang]:
                        out.append((lang, t.format(p=name), intent, proc, "none"))
    for fac, by_lang in FACILITIES.items():
        for lang, texts in by_lang.items():
            out += [(lang, t, "find_facility", "none", fac) for t in texts]
    for intent, by_lang in SIMPLE.items():
        for lang, texts in by_lang.items():
            out += [(lang, t, intent, "none", "none") for t in texts]
    return out


def near_oos_items(split):
    """(lang, text, "out_of_scope", "none", "none") for the split's near-domain requests (none for eval)."""
    out = []
    for by_lang in WITH_PROCEDURE.values():
        for lang, templates in by_lang.items():
            for t in templates:
                out += [(lang, t.format(p=name), "out_of_scope", "none", "none") for name in OOS_SERVICES.get(split, {}).get(lang, [])]
    for lang, texts in OOS_PLACES.get(split, {}).items():
        out += [(lang, t, "out_of_scope", "none", "none") for t in texts]
    return out


def oos_items(split):
    src = OOS_TRAIN if split == "train" else OOS_EVAL
    return [(lang, t, "out_of_scope", "none", "none") for lang, ts in src.items() for t in ts]


def dev_sentence_oos(utt_meta, wake_meta, rng):
    """The dev set's sentence and word-salad out-of-scope clips (indices into the wake word's dev clips):
    half as many as the in-scope dev utterances (near-domain requests come on top), drawn with `rng`. One
    rule for gen_eval.py's dev streams and train.py's dev set."""
    oos = [i for i, m in enumerate(wake_meta) if m["cat"] in ("sent", "salad") and m["lang"] in LANGS]
    return rng.permutation(oos)[: sum(1 for m in utt_meta if m["intent"] != "out_of_scope") // 2]


def _check_splits():
    """Generation refuses a phrase list in which train, dev and eval out-of-scope fillers overlap, or a
    near-domain filler names an in-scope procedure."""
    for lang in LANGS:
        tr, dv = (set(OOS_SERVICES[s][lang]) | set(OOS_PLACES[s][lang]) for s in ("train", "dev"))
        ev = set(OOS_EVAL[lang])
        names = {n for p in PROCEDURES.values() for n in p[lang]}
        assert not (tr & dv) and not ((tr | dv) & ev) and not ((tr | dv) & names), f"near-domain fillers overlap ({lang})"
    texts = {s: {t for _, t, *_ in near_oos_items(s)} for s in ("train", "dev")}
    assert not (texts["train"] & texts["dev"]), "near-domain train and dev requests overlap"
    assert not ((texts["train"] | texts["dev"]) & {t for _, t, *_ in in_scope_items()}), "a near-domain request is in scope"


_check_splits()
