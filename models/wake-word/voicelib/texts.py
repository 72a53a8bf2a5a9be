"""Texts spoken by the synthetic voices: keywords, confusable phrases and keyword-free speech.

Train and eval sentence lists are disjoint so false accepts are measured on sentences the model never
heard. The kiosk's own answer phrases (packages/voice test fixtures) are in neither list.
"""

KEYWORDS = {
    "xin_chao_robot": {
        "vi": ["Xin chào Robot", "Xin chào rô bốt", "Xin chào, Robot", "xin chào rô-bốt"],
        "en": ["Sin chow robot", "Xin chow robot"],
    },
    "hello_robot": {
        "en": ["Hello Robot", "Hello, Robot", "hello robot"],
        "vi": ["Hello Robot", "Hê lô rô bốt"],
        "hi": ["हेलो रोबोट", "हैलो रोबोट"],
        "ur": ["ہیلو روبوٹ"],
    },
}

# Phrases that share a part of a keyword: the model must wait for the whole keyword.
HARD_NEGATIVES = {
    "vi": [
        "xin chào", "xin chào bạn", "xin chào anh", "xin chào chị", "xin chào các bạn", "chào bạn",
        "rô bốt", "robot", "con rô bốt", "xin cho tôi hỏi", "xin chờ một chút", "xin chào Roberto",
        "xin chào Robert", "chào robot", "xin chào cô", "xin chào buổi sáng", "xin cảm ơn", "xin chào ông",
        "rô bốt ơi", "xin lỗi", "chào rô", "xin chào Rô-bin", "sinh nhật vui vẻ", "tin chào bốt",
    ],
    "en": [
        "hello", "hello there", "hello Roberto", "hello Rob", "hello Robert", "robot", "the robot",
        "hello Robin", "hello rabbit", "hollow rowboat", "hello Bob", "hello everybody", "hi robot",
        "hey robot", "a robot", "robots", "hello Roberta", "below the boat", "hello ro", "fellow Roberto",
        "sin chow", "xin chow", "row boat", "hello again", "oh hello", "hello Rosa",
    ],
    "hi": ["नमस्ते", "हेलो", "रोबोट", "हेलो रॉबर्ट", "नमस्ते जी", "हेलो भाई", "रोबोट कहाँ है", "हेलो दोस्त"],
    "ur": ["ہیلو", "روبوٹ", "السلام علیکم", "ہیلو بھائی", "ہیلو رابرٹ", "روبوٹ کہاں ہے"],
}

SENTENCES_TRAIN = {
    "vi": [
        "Hôm nay trời nóng quá, anh có mang nước không?",
        "Tôi đến đây để làm giấy khai sinh cho con.",
        "Chị ơi, quầy số ba ở đâu vậy?",
        "Mình phải chờ bao lâu nữa nhỉ?",
        "Cháu nhớ mang theo chứng minh nhân dân nhé.",
        "Bác ngồi đây nghỉ một lát đi.",
        "Thủ tục này mất khoảng năm ngày làm việc.",
        "Em gọi điện cho mẹ chưa?",
        "Ở đây có chỗ gửi xe máy không?",
        "Mời công dân có số thứ tự một trăm lẻ hai đến quầy số bốn.",
        "Vui lòng chuẩn bị bản sao giấy tờ tùy thân.",
        "Hồ sơ của bạn đã được tiếp nhận.",
        "Sáng nay đông người quá.",
        "Anh ấy đang chụp ảnh giấy tờ ở quầy photo.",
        "Con ngoan, đừng chạy lung tung.",
        "Tôi quên mang sổ hộ khẩu rồi.",
        "Lệ phí là năm mươi nghìn đồng.",
        "Cảm ơn chị rất nhiều.",
        "Chiều nay tôi phải đi làm.",
        "Bạn có biết nhà vệ sinh ở đâu không?",
        "Đăng ký kết hôn cần những giấy tờ gì?",
        "Ông ấy là cán bộ tư pháp của phường.",
        "Trời sắp mưa rồi, về sớm thôi.",
        "Máy lấy số bị hết giấy rồi.",
        "Xin mời quý khách giữ trật tự.",
        "Tôi muốn hỏi về giấy phép xây dựng.",
        "Cô bé đang đọc truyện tranh.",
        "Điện thoại của tôi sắp hết pin.",
        "Hôm qua tôi đã nộp hồ sơ trực tuyến.",
        "Chúng ta đi ăn phở nhé.",
        "Mã hồ sơ của tôi là ba bốn năm sáu.",
        "Quầy tiếp nhận mở cửa lúc bảy giờ rưỡi.",
        "Anh có bút không, cho tôi mượn với.",
        "Bà cụ cần người giúp điền tờ khai.",
        "Cuối tuần này nhà mình về quê.",
        "Tôi không hiểu hướng dẫn này lắm.",
    ],
    "en": [
        "The weather is really nice today, isn't it?",
        "I need to renew my residence registration.",
        "Excuse me, where can I make a photocopy?",
        "How long does the certificate usually take?",
        "My appointment was at ten o'clock.",
        "Could you please speak a little slower?",
        "The queue is moving very slowly this morning.",
        "Please have your identity card ready.",
        "I think we should come back tomorrow.",
        "Ticket number one hundred and five, counter four please.",
        "Did you bring the copy of the birth certificate?",
        "The parking lot is behind the building.",
        "I'm looking for my brother, have you seen him?",
        "This form has too many questions.",
        "Let's grab a coffee after this.",
        "The office closes at five in the afternoon.",
        "She works in the land registration department.",
        "Can I pay the fee by card?",
        "My phone battery is almost dead.",
        "Thank you so much for your help.",
        "We moved here from another province last year.",
        "The children are playing near the entrance.",
        "I forgot my glasses at home.",
        "What time does the bus leave?",
        "He is talking on the phone with his lawyer.",
        "Please wait until your number is called.",
        "The printer at counter two is broken.",
        "Do you know where the restroom is?",
        "I have been waiting for almost an hour.",
        "Our wedding is next month.",
        "Honestly I have no idea what I need to bring.",
        "Robots are becoming common in offices.",
        "Hello, is anybody sitting here?",
    ],
    "hi": [
        "आज बहुत गर्मी है।",
        "मुझे जन्म प्रमाण पत्र बनवाना है।",
        "कृपया अपना पहचान पत्र दिखाइए।",
        "काउंटर नंबर तीन कहाँ है?",
        "हमें कितनी देर इंतज़ार करना पड़ेगा?",
        "मेरा फ़ोन बंद हो गया है।",
        "बच्चे बाहर खेल रहे हैं।",
        "यह फ़ॉर्म भरने में मदद कीजिए।",
        "फ़ीस कितनी लगेगी?",
        "मैं कल फिर आऊँगा।",
        "शौचालय किधर है?",
        "आपका बहुत बहुत धन्यवाद।",
        "दफ़्तर शाम पाँच बजे बंद होता है।",
        "मेरे पास फोटोकॉपी नहीं है।",
        "हम लोग दूसरे शहर से आए हैं।",
        "टोकन नंबर एक सौ दो, काउंटर चार पर आइए।",
        "आज बहुत भीड़ है।",
        "क्या यहाँ पानी मिलेगा?",
        "शादी का पंजीकरण कैसे होता है?",
        "मुझे थोड़ा धीरे बोलिए।",
        "चलो चाय पीते हैं।",
        "उसने कल ऑनलाइन आवेदन किया था।",
    ],
    "ur": [
        "آج بہت گرمی ہے۔",
        "مجھے پیدائش کا سرٹیفکیٹ بنوانا ہے۔",
        "براہ کرم اپنا شناختی کارڈ دکھائیں۔",
        "کاؤنٹر نمبر تین کہاں ہے؟",
        "ہمیں کتنی دیر انتظار کرنا ہوگا؟",
        "میرا فون بند ہو گیا ہے۔",
        "بچے باہر کھیل رہے ہیں۔",
        "یہ فارم بھرنے میں مدد کریں۔",
        "فیس کتنی ہے؟",
        "میں کل دوبارہ آؤں گا۔",
        "بیت الخلا کہاں ہے؟",
        "آپ کا بہت شکریہ۔",
        "دفتر شام پانچ بجے بند ہوتا ہے۔",
        "آج بہت رش ہے۔",
        "کیا یہاں پانی ملے گا؟",
        "شادی کا اندراج کیسے ہوتا ہے؟",
        "چلو چائے پیتے ہیں۔",
        "ہم دوسرے شہر سے آئے ہیں۔",
    ],
}

SENTENCES_EVAL = {
    "vi": [
        "Chị cho em hỏi thủ tục chứng thực chữ ký.",
        "Hôm nay con có đi học không?",
        "Phòng chờ ở tầng một có điều hòa.",
        "Tôi cần bản sao trích lục hộ tịch.",
        "Mấy giờ thì quầy mở lại?",
        "Anh làm ơn chỉ giúp tôi đường ra bãi xe.",
        "Ba mẹ tôi đã già rồi.",
        "Sao hôm nay đông người thế nhỉ?",
        "Bạn có muốn uống cà phê không?",
        "Mời số thứ tự hai trăm mười lăm đến quầy số sáu.",
        "Nhân viên ở đây rất nhiệt tình.",
        "Tôi đã chờ gần một tiếng đồng hồ.",
        "Giấy tờ này phải có dấu đỏ.",
        "Em bé đang ngủ ngon.",
        "Chúng tôi mới chuyển đến phường này.",
        "Cho tôi xin một tờ khai khác.",
        "Trời hôm nay đẹp quá.",
        "Con robot kia dẫn đường cho khách.",
        "Xin chào, cho tôi hỏi chút việc.",
        "Nhớ tắt điện thoại khi vào phòng.",
    ],
    "en": [
        "I would like to ask about the land use certificate.",
        "Is there a water fountain on this floor?",
        "The lady at counter six was very helpful.",
        "We need two copies of every document.",
        "My daughter starts school next week.",
        "Can you tell me where the exit is?",
        "The robot over there can show you the way.",
        "Hello, I think this seat is free.",
        "It took me an hour to get here by bus.",
        "Number two hundred and twelve, counter one please.",
        "Don't forget to sign the second page.",
        "I'll call you when I'm done here.",
        "The air conditioning is too cold.",
        "They changed the opening hours last month.",
        "Could you help my mother fill in this form?",
        "We are here for the marriage registration.",
        "It's going to rain this afternoon.",
        "Where did you park the motorbike?",
        "I have a question about the social allowance.",
        "Please keep your receipt.",
    ],
    "hi": [
        "मुझे ज़मीन के कागज़ों के बारे में पूछना है।",
        "पानी कहाँ मिलेगा?",
        "आज बारिश होने वाली है।",
        "मेरी बेटी अगले हफ़्ते स्कूल जाएगी।",
        "बाहर निकलने का रास्ता कहाँ है?",
        "कृपया दूसरे पन्ने पर हस्ताक्षर करें।",
        "हम शादी के पंजीकरण के लिए आए हैं।",
        "टोकन नंबर दो सौ बारह, काउंटर एक पर आइए।",
        "मुझे यहाँ आने में एक घंटा लगा।",
        "वो रोबोट आपको रास्ता दिखाएगा।",
        "एयर कंडीशनर बहुत ठंडा है।",
        "अपनी रसीद संभाल कर रखिए।",
    ],
    "ur": [
        "مجھے زمین کے کاغذات کے بارے میں پوچھنا ہے۔",
        "پانی کہاں ملے گا؟",
        "آج بارش ہونے والی ہے۔",
        "باہر نکلنے کا راستہ کہاں ہے؟",
        "براہ کرم دوسرے صفحے پر دستخط کریں۔",
        "ہم شادی کے اندراج کے لیے آئے ہیں۔",
        "مجھے یہاں آنے میں ایک گھنٹہ لگا۔",
        "وہ روبوٹ آپ کو راستہ دکھائے گا۔",
        "اپنی رسید سنبھال کر رکھیں۔",
        "ایئر کنڈیشنر بہت ٹھنڈا ہے۔",
    ],
}

# Requests that *begin* with a greeting, said in one breath (training only): a Vietnamese office hears
# "Xin chào, ..." to the staff all day, and a wake word must not take the greeting for its first words.
# None of them is in SENTENCES_EVAL (checked by gen_clips.py --greetings), and none says a keyword: a
# greeting followed by "robot" is the keyword itself.
GREETINGS_TRAIN = {
    "vi": [
        "Xin chào, tôi muốn làm giấy khai sinh cho con.",
        "Xin chào chị, cho em hỏi nộp hồ sơ ở đâu ạ?",
        "Xin chào anh, tôi đến để công chứng giấy tờ.",
        "Xin chào, tôi cần đăng ký tạm trú.",
        "Xin chào, cho tôi lấy một số thứ tự.",
        "Xin chào cô, hôm nay có làm việc không ạ?",
        "Xin chào, tôi có hẹn lúc chín giờ.",
        "Xin chào, tôi muốn hỏi về trợ cấp xã hội.",
        "Xin chào các anh chị, tôi bị mất giấy tờ.",
        "Xin chào, quầy số ba ở chỗ nào vậy?",
        "Xin chào bác, bác cần giúp gì không ạ?",
        "Xin chào, mẹ tôi muốn làm thủ tục đất đai.",
        "Xin chào em, chị gửi lại tờ khai nhé.",
        "Xin chào, ở đây có máy photo không?",
        "Xin chào, tôi là người nhà của ông Tám.",
        "Xin chào, tôi đến nhận kết quả hồ sơ.",
        "Chào chị, em muốn hỏi lệ phí bao nhiêu ạ?",
        "Chào anh, cho tôi hỏi nhà vệ sinh ở đâu?",
        "Chào em, hôm qua chị có gọi điện rồi.",
        "Chào cô, cháu đến làm giấy xác nhận độc thân.",
        "Dạ xin chào, em đến nộp bổ sung giấy tờ.",
        "Xin chào buổi sáng, chị khỏe không?",
        "Xin chào, rất vui được gặp anh.",
        "Xin chào, tôi đến từ phường bên cạnh.",
        "Xin chào, cho tôi gặp cán bộ tư pháp.",
        "Xin chào, rồi tôi phải chờ bao lâu nữa?",
        "Xin chào mọi người, hôm nay đông quá.",
        "Xin chào, tôi muốn đổi lịch hẹn.",
    ],
    "en": [
        "Hello, I would like to register my son's birth.",
        "Hello there, where do I hand in this form?",
        "Hello, I have an appointment at nine.",
        "Hello, can I get a queue number please?",
        "Hello, is counter four open today?",
        "Hello, my mother needs help with her papers.",
        "Hello, sorry, where is the restroom?",
        "Hello, I'm here to pick up my certificate.",
        "Hello everyone, is this the right line?",
        "Hello, Robert said you could help me.",
        "Hello, I called yesterday about my dossier.",
        "Hi, hello, is anyone at this desk?",
        "Hello, how long is the wait today?",
        "Hello, we are here for the marriage papers.",
        "Hello again, I forgot one document.",
    ],
    "hi": [
        "हेलो, मुझे जन्म प्रमाण पत्र बनवाना है।",
        "नमस्ते, फ़ॉर्म कहाँ जमा करना है?",
        "हेलो, मेरा नौ बजे का समय है।",
        "नमस्ते जी, आज काउंटर खुला है क्या?",
        "हेलो, मुझे अपने कागज़ वापस चाहिए।",
        "नमस्ते, शौचालय कहाँ है?",
        "हेलो भाई, लाइन कितनी लंबी है?",
    ],
    "ur": [
        "ہیلو، مجھے پیدائش کا سرٹیفکیٹ بنوانا ہے۔",
        "السلام علیکم، فارم کہاں جمع کرنا ہے؟",
        "ہیلو، میرا نو بجے کا وقت ہے۔",
        "السلام علیکم، آج کاؤنٹر کھلا ہے؟",
        "ہیلو، مجھے اپنے کاغذات واپس چاہئیں۔",
        "ہیلو بھائی، قطار کتنی لمبی ہے؟",
        "السلام علیکم، بیت الخلا کہاں ہے؟",
    ],
}

# Kiosk-style answers for training (the kiosk's actual phrases are held out for the test).
ANSWERS_TRAIN = {
    "vi": [
        "Xin chào, tôi là trợ lý của trung tâm hành chính công.",
        "Bạn vui lòng chờ đến lượt.",
        "Robot sẽ đưa bạn đến khu vực chờ.",
        "Mời bạn chọn thủ tục trên màn hình.",
        "Số của bạn là A không hai mươi ba.",
    ],
    "en": [
        "Hello, I am the assistant of the public service centre.",
        "Please wait for your turn.",
        "The robot will take you to the waiting area.",
        "Please choose a procedure on the screen.",
        "Your number is A zero twenty three.",
    ],
    "hi": ["नमस्ते, मैं सेवा केंद्र का सहायक हूँ।", "कृपया अपनी बारी का इंतज़ार करें।", "रोबोट आपको प्रतीक्षा क्षेत्र तक ले जाएगा।"],
    "ur": ["السلام علیکم، میں سروس سینٹر کا معاون ہوں۔", "براہ کرم اپنی باری کا انتظار کریں۔", "روبوٹ آپ کو انتظار گاہ تک لے جائے گا۔"],
}

# Words for random "word salad" utterances: cheap phonetic variety in each language.
WORDS = {
    "vi": (
        "tôi bạn anh chị em ông bà con cháu nhà cửa đường phố xe máy ô tô nước cơm phở bánh mì trời mưa nắng "
        "gió sáng chiều tối hôm nay ngày mai tuần tháng năm giấy tờ hồ sơ quầy số thứ tự chờ đợi làm việc "
        "đăng ký khai sinh kết hôn chứng thực sao y bản chính lệ phí tiền đồng nghìn trăm một hai ba bốn năm "
        "sáu bảy tám chín mười đi đến về ở đâu gì sao nào bao nhiêu được không có rồi chưa đã sẽ đang rất "
        "quá lắm nhiều ít to nhỏ đẹp vui buồn mệt khỏe cảm ơn lỗi hỏi trả lời nói nghe xem đọc viết học "
        "trường bệnh viện chợ công viên điện thoại máy tính cán bộ phường quận thành phố tỉnh huyện xã"
    ).split(),
    "en": (
        "I you we they he she it the a an this that these those here there where when why how what who "
        "day night morning evening today tomorrow week month year paper form office counter number ticket "
        "wait line queue people child mother father family house street car bus train water coffee tea food "
        "rain sun wind cold hot good bad big small new old fast slow please thank sorry yes no maybe "
        "one two three four five six seven eight nine ten twenty hundred register certificate birth marriage "
        "land permit fee document copy sign stamp photo phone card money bank school hospital market park "
        "go come take give make need want know think see hear say tell ask help find open close start stop"
    ).split(),
    "hi": (
        "मैं तुम आप हम वे यह वह यहाँ वहाँ कहाँ कब क्यों कैसे क्या कौन दिन रात सुबह शाम आज कल हफ़्ता महीना "
        "साल कागज़ फ़ॉर्म दफ़्तर काउंटर नंबर टोकन इंतज़ार लाइन लोग बच्चा माँ पिता परिवार घर सड़क गाड़ी बस "
        "पानी चाय खाना बारिश धूप ठंडा गरम अच्छा बुरा बड़ा छोटा नया पुराना जल्दी धीरे कृपया धन्यवाद माफ़ "
        "हाँ नहीं एक दो तीन चार पाँच छह सात आठ नौ दस सौ जन्म शादी ज़मीन प्रमाण पत्र फ़ीस दस्तख़त फ़ोटो "
        "फ़ोन पैसा बैंक स्कूल अस्पताल बाज़ार जाना आना लेना देना करना चाहिए जानना सोचना देखना सुनना बोलना"
    ).split(),
    "ur": (
        "میں تم آپ ہم وہ یہ یہاں وہاں کہاں کب کیوں کیسے کیا کون دن رات صبح شام آج کل ہفتہ مہینہ سال "
        "کاغذ فارم دفتر کاؤنٹر نمبر ٹوکن انتظار لائن لوگ بچہ ماں باپ خاندان گھر سڑک گاڑی بس پانی چائے کھانا "
        "بارش دھوپ ٹھنڈا گرم اچھا برا بڑا چھوٹا نیا پرانا جلدی آہستہ براہ کرم شکریہ معاف ہاں نہیں ایک دو "
        "تین چار پانچ چھ سات آٹھ نو دس سو پیدائش شادی زمین سرٹیفکیٹ فیس دستخط تصویر فون پیسہ بینک سکول "
        "ہسپتال بازار جانا آنا لینا دینا کرنا چاہیے جاننا سوچنا دیکھنا سننا بولنا"
    ).split(),
}

# A little speech in other languages espeak-ng reads (training negatives only).
OTHER_LANGUAGES = {
    "fr-fr": ["Bonjour, comment allez-vous aujourd'hui?", "Je voudrais un café, s'il vous plaît."],
    "de": ["Guten Morgen, wie geht es Ihnen?", "Wo ist der Bahnhof, bitte?"],
    "es": ["Buenos días, ¿dónde está la oficina?", "Muchas gracias por su ayuda."],
    "it": ["Buongiorno, vorrei un biglietto.", "Il tempo oggi è molto bello."],
    "pt": ["Bom dia, onde fica a saída?", "Eu preciso de ajuda com este formulário."],
    "ru": ["Здравствуйте, где находится касса?", "Сегодня очень холодно."],
    "cmn": ["你好，今天天气很好。", "请问洗手间在哪里？"],
    "ja": ["こんにちは、お元気ですか。", "駅はどこですか。"],
    "ko": ["안녕하세요, 만나서 반갑습니다.", "화장실이 어디에 있어요?"],
    "th": ["สวัสดีครับ วันนี้อากาศดี", "ห้องน้ำอยู่ที่ไหนครับ"],
    "id": ["Selamat pagi, apa kabar?", "Di mana kantor pos?"],
    "ar": ["مرحبا، كيف حالك؟", "أين المكتب من فضلك؟"],
}

# Festival's other-language voices (real recorded speakers: Czech, Italian, Catalan, Finnish, Russian,
# Marathi, Telugu) reading the keywords as their language would spell them, the confusable phrases, and a
# few everyday sentences in their own language. They add speakers (timbre, vocal tract, accent) that
# espeak-ng's formant voices lack; none of them is in the evaluation set.
FOREIGN_TEXTS = {
    "cs": {
        "xin_chao_robot": ["sin čao robot", "sin čau robot", "sin čao, robot"],
        "hello_robot": ["helou robot", "hello robot", "helou, robot"],
        "hard": ["helou", "robot", "helou roberto", "helou robin", "sin čao", "čao robot", "haj robot", "helou rob",
                 "sin čao kamarádi", "robota"],
        "sent": ["Dobrý den, kde je přepážka číslo tři?", "Potřebuji rodný list pro dítě.",
                 "Dnes je venku velmi teplo.", "Děkuji mnohokrát za pomoc.", "Kolik stojí tento poplatek?",
                 "Čekám tady už skoro hodinu."],
    },
    "it": {
        "xin_chao_robot": ["sin ciao robot", "sin ciao, robot", "sin ciau robot"],
        "hello_robot": ["ello robot", "hello robot", "ellou robot"],
        "hard": ["ello", "robot", "ello roberto", "sin ciao", "ciao robot", "ello robin", "ciao", "ello rob",
                 "sin ciao ragazzi", "robotica"],
        "sent": ["Buongiorno, dove si trova lo sportello tre?", "Ho bisogno di un certificato di nascita.",
                 "Oggi fa molto caldo.", "Grazie mille per l'aiuto.", "Quanto costa questa pratica?",
                 "Aspetto qui da quasi un'ora."],
    },
    "ca": {
        "xin_chao_robot": ["sin txao robot", "sin txau robot"],
        "hello_robot": ["helou robot", "jelou robot"],
        "hard": ["helou", "robot", "helou roberto", "sin txao", "txao robot", "hola robot", "helou rob"],
        "sent": ["Bon dia, on és la finestreta tres?", "Necessito un certificat de naixement.",
                 "Avui fa molta calor.", "Moltes gràcies per l'ajuda."],
    },
    "fi": {
        "xin_chao_robot": ["sin tsao robot", "sin tsau robot"],
        "hello_robot": ["helou robot", "hellou robot"],
        "hard": ["helou", "robotti", "helou roberto", "sin tsao", "tsao robot", "hei robot", "helou rob"],
        "sent": ["Hyvää päivää, missä on palvelupiste kolme?", "Tarvitsen syntymätodistuksen.",
                 "Tänään on todella lämmin.", "Kiitos paljon avusta."],
    },
    "ru": {
        "xin_chao_robot": ["син чао робот", "син чау робот"],
        "hello_robot": ["хэлоу робот", "хелло робот"],
        "hard": ["хэлоу", "робот", "хэлоу роберто", "син чао", "чао робот", "привет робот", "хэлоу роб"],
        "sent": ["Добрый день, где находится окно номер три?", "Мне нужно свидетельство о рождении.",
                 "Сегодня очень жарко.", "Большое спасибо за помощь."],
    },
    "mr": {
        "xin_chao_robot": ["सिन चाओ रोबोट", "शिन चाओ रोबोट"],
        "hello_robot": ["हेलो रोबोट", "हॅलो रोबोट"],
        "hard": ["हेलो", "रोबोट", "हेलो रॉबर्ट", "सिन चाओ", "नमस्कार", "हेलो भाऊ"],
        "sent": ["नमस्कार, काउंटर तीन कुठे आहे?", "मला जन्म दाखला हवा आहे.", "आज खूप गरम आहे.",
                 "मदतीबद्दल खूप धन्यवाद."],
    },
    "te": {
        "xin_chao_robot": ["సిన్ చావో రోబోట్"],
        "hello_robot": ["హలో రోబోట్"],
        "hard": ["హలో", "రోబోట్", "హలో రాబర్ట్", "సిన్ చావో", "నమస్కారం"],
        "sent": ["నమస్కారం, కౌంటర్ మూడు ఎక్కడ ఉంది?", "నాకు జనన ధృవీకరణ పత్రం కావాలి.", "ఈ రోజు చాలా వేడిగా ఉంది."],
    },
}
