import { defineMessages } from './define.ts';

/**
 * The kiosk's search box when it understands requests (the intent model on the kiosk's Node side): its
 * answers, the "Did you mean..." choices and the polite refusal. Plain words, one idea per sentence.
 * `procedure` is a procedure's name in the citizen's language, `place` a facility's, `number` a counter's.
 */
export const intent = defineMessages('intent', {
  submit: { vi: 'Tìm', en: 'Go', hi: 'खोजें', ur: 'تلاش' },
  search_hint: {
    vi: 'Gõ điều bạn cần rồi bấm Tìm, ví dụ: “làm giấy khai sinh cho con”.',
    en: 'Type what you need and press Go, for example: “birth certificate for my son”.',
    hi: 'जो चाहिए वह लिखें और खोजें दबाएँ, जैसे: “बेटे का जन्म प्रमाण पत्र”।',
    ur: 'جو چاہیے لکھیں اور تلاش دبائیں، مثلاً: ”بیٹے کا پیدائشی سرٹیفکیٹ“۔',
  },
  thinking: { vi: 'Đang tìm…', en: 'Looking…', hi: 'खोज रहे हैं…', ur: 'تلاش ہو رہی ہے…' },
  did_you_mean: {
    vi: 'Có phải bạn muốn:',
    en: 'Did you mean:',
    hi: 'क्या आपका मतलब है:',
    ur: 'کیا آپ کا مطلب ہے:',
  },
  out_of_scope: {
    vi: 'Xin lỗi, trung tâm không giải quyết việc này. Bạn có thể chọn trên danh mục, hoặc nhờ nhân viên giúp.',
    en: 'Sorry, this centre cannot help with that. You can choose from the menu, or ask a member of staff.',
    hi: 'क्षमा करें, यह केंद्र इसमें मदद नहीं कर सकता। आप मेनू से चुन सकते हैं या किसी कर्मचारी से मदद ले सकते हैं।',
    ur: 'معذرت، یہ مرکز اس میں مدد نہیں کر سکتا۔ آپ مینو سے انتخاب کر سکتے ہیں یا عملے سے مدد لے سکتے ہیں۔',
  },
  show_menu: { vi: 'Xem danh mục', en: 'Show the menu', hi: 'मेनू दिखाएँ', ur: 'مینو دکھائیں' },
  none_of_these: {
    vi: 'Không phải, xem danh mục',
    en: 'None of these: show the menu',
    hi: 'इनमें से कोई नहीं: मेनू दिखाएँ',
    ur: 'ان میں سے کوئی نہیں: مینو دکھائیں',
  },
  which_procedure: {
    vi: 'Bạn cần làm thủ tục nào? Hãy chọn bên dưới.',
    en: 'Which procedure is it for? Choose it below.',
    hi: 'यह किस काम के लिए है? नीचे चुनें।',
    ur: 'یہ کس کام کے لیے ہے؟ نیچے منتخب کریں۔',
  },
  ticket_which_procedure: {
    vi: 'Để lấy số thứ tự, hãy chọn thủ tục bên dưới.',
    en: 'To take a ticket, choose your procedure below.',
    hi: 'टोकन लेने के लिए नीचे अपना काम चुनें।',
    ur: 'ٹوکن لینے کے لیے نیچے اپنا کام منتخب کریں۔',
  },
  priority_answer: {
    vi: 'Trung tâm có số ưu tiên. Hãy chọn thủ tục bên dưới, rồi chọn nhóm ưu tiên của bạn khi lấy số.',
    en: 'Priority tickets are available. Choose your procedure below, then your priority group when you take the ticket.',
    hi: 'प्राथमिकता टोकन मिलते हैं। नीचे अपना काम चुनें, फिर टोकन लेते समय अपना प्राथमिकता समूह चुनें।',
    ur: 'ترجیحی ٹوکن دستیاب ہیں۔ نیچے اپنا کام منتخب کریں، پھر ٹوکن لیتے وقت اپنا ترجیحی گروپ چنیں۔',
  },
  online_answer: {
    vi: 'Nhiều thủ tục nộp được trên Cổng dịch vụ công. Chọn thủ tục bên dưới để xem mã QR.',
    en: 'Many procedures can be done on the public service portal. Choose one below to see its QR code.',
    hi: 'कई काम सरकारी सेवा पोर्टल पर ऑनलाइन हो सकते हैं। QR कोड देखने के लिए नीचे काम चुनें।',
    ur: 'کئی کام سرکاری سروس پورٹل پر آن لائن ہو سکتے ہیں۔ QR کوڈ دیکھنے کے لیے نیچے کام منتخب کریں۔',
  },
  queue_no_ticket: {
    vi: 'Bạn chưa lấy số thứ tự. Hãy chọn thủ tục bên dưới để lấy số.',
    en: 'You have no ticket yet. Choose a procedure below to take one.',
    hi: 'आपके पास अभी टोकन नहीं है। टोकन लेने के लिए नीचे काम चुनें।',
    ur: 'آپ کے پاس ابھی ٹوکن نہیں ہے۔ ٹوکن لینے کے لیے نیچے کام منتخب کریں۔',
  },
  /** `hours`: the opening periods as a list ("Mon–Fri 07:30–11:30"). */
  opening_hours_answer: {
    vi: 'Giờ làm việc: {hours}.',
    en: 'Opening hours: {hours}.',
    hi: 'खुलने का समय: {hours}।',
    ur: 'اوقاتِ کار: {hours}۔',
  },
  greeting_reply: {
    vi: 'Xin chào! Bạn cần làm gì? Hãy gõ vào ô bên trên hoặc chọn trên danh mục.',
    en: 'Hello! What do you need? Type it in the box above or choose from the menu.',
    hi: 'नमस्ते! आपको क्या चाहिए? ऊपर के बॉक्स में लिखें या मेनू से चुनें।',
    ur: 'السلام علیکم! آپ کو کیا چاہیے؟ اوپر کے خانے میں لکھیں یا مینو سے منتخب کریں۔',
  },
  goodbye_reply: {
    vi: 'Cảm ơn bạn. Chúc bạn một ngày tốt lành!',
    en: 'Thank you. Have a good day!',
    hi: 'धन्यवाद। आपका दिन शुभ हो!',
    ur: 'شکریہ۔ آپ کا دن اچھا گزرے!',
  },
  choose_language: {
    vi: 'Chọn ngôn ngữ:',
    en: 'Choose a language:',
    hi: 'भाषा चुनें:',
    ur: 'زبان منتخب کریں:',
  },
  // "Did you mean..." choices: one per intent; with a procedure, counter or place when the text named one.
  choice_procedure: { vi: '{procedure}', en: '{procedure}', hi: '{procedure}', ur: '{procedure}' },
  choice_start: {
    vi: 'Làm một thủ tục',
    en: 'Start a procedure',
    hi: 'कोई सरकारी काम शुरू करें',
    ur: 'کوئی سرکاری کام شروع کریں',
  },
  choice_documents_of: {
    vi: 'Giấy tờ cần cho: {procedure}',
    en: 'Papers needed for: {procedure}',
    hi: 'ज़रूरी काग़ज़: {procedure}',
    ur: 'ضروری کاغذات: {procedure}',
  },
  choice_documents: {
    vi: 'Giấy tờ cần mang',
    en: 'Papers to bring',
    hi: 'कौन से काग़ज़ लाने हैं',
    ur: 'کون سے کاغذات لانے ہیں',
  },
  choice_fee_of: {
    vi: 'Lệ phí: {procedure}',
    en: 'Fee for: {procedure}',
    hi: 'फ़ीस: {procedure}',
    ur: 'فیس: {procedure}',
  },
  choice_fee: { vi: 'Lệ phí', en: 'Fees', hi: 'फ़ीस', ur: 'فیس' },
  choice_duration_of: {
    vi: 'Thời gian giải quyết: {procedure}',
    en: 'How long it takes: {procedure}',
    hi: 'कितना समय लगेगा: {procedure}',
    ur: 'کتنا وقت لگے گا: {procedure}',
  },
  choice_duration: {
    vi: 'Thời gian giải quyết',
    en: 'How long it takes',
    hi: 'कितना समय लगेगा',
    ur: 'کتنا وقت لگے گا',
  },
  choice_ticket_for: {
    vi: 'Lấy số thứ tự: {procedure}',
    en: 'Take a ticket: {procedure}',
    hi: 'टोकन लें: {procedure}',
    ur: 'ٹوکن لیں: {procedure}',
  },
  choice_ticket: { vi: 'Lấy số thứ tự', en: 'Take a ticket', hi: 'टोकन लें', ur: 'ٹوکن لیں' },
  choice_counter_number: {
    vi: 'Đường đến quầy {number}',
    en: 'Way to counter {number}',
    hi: 'काउंटर {number} का रास्ता',
    ur: 'کاؤنٹر {number} کا راستہ',
  },
  choice_counter_of: {
    vi: 'Quầy làm: {procedure}',
    en: 'Counter for: {procedure}',
    hi: 'काउंटर: {procedure}',
    ur: 'کاؤنٹر: {procedure}',
  },
  choice_place: {
    vi: 'Đường đến: {place}',
    en: 'Way to: {place}',
    hi: 'रास्ता: {place}',
    ur: 'راستہ: {place}',
  },
  choice_queue: {
    vi: 'Lượt của tôi',
    en: 'My place in the queue',
    hi: 'कतार में मेरी बारी',
    ur: 'قطار میں میری باری',
  },
  choice_opening_hours: { vi: 'Giờ làm việc', en: 'Opening hours', hi: 'खुलने का समय', ur: 'اوقاتِ کار' },
  choice_online: { vi: 'Làm trực tuyến', en: 'Apply online', hi: 'ऑनलाइन आवेदन', ur: 'آن لائن درخواست' },
  choice_priority: {
    vi: 'Số ưu tiên',
    en: 'Priority ticket',
    hi: 'प्राथमिकता टोकन',
    ur: 'ترجیحی ٹوکن',
  },
  choice_language: {
    vi: 'Đổi ngôn ngữ',
    en: 'Change language',
    hi: 'भाषा बदलें',
    ur: 'زبان تبدیل کریں',
  },
});
