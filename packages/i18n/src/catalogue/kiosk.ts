import { defineMessages } from './define.ts';

/**
 * The kiosk's screens. Words are plain and short: the people reading them are often elderly and in an
 * unfamiliar office; no administrative jargon, no abbreviations. "Back", "Start over", counters, fees and
 * plurals shared with other screens are in `common`.
 */
export const kiosk = defineMessages('kiosk', {
  welcome: {
    vi: 'Xin chào! Chạm vào ngôn ngữ của bạn để bắt đầu.',
    en: 'Hello! Touch your language to start.',
    hi: 'नमस्ते! शुरू करने के लिए अपनी भाषा छुएँ।',
    ur: 'خوش آمدید! شروع کرنے کے لیے اپنی زبان کو چھوئیں۔',
  },
  choose_language: {
    vi: 'Chọn ngôn ngữ',
    en: 'Choose your language',
    hi: 'अपनी भाषा चुनें',
    ur: 'اپنی زبان چنیں',
  },
  loading: { vi: 'Đang tải…', en: 'Loading…', hi: 'लोड हो रहा है…', ur: 'لوڈ ہو رہا ہے…' },
  procedures_heading: {
    vi: 'Bạn cần làm thủ tục gì?',
    en: 'What do you need to do today?',
    hi: 'आज आपको कौन-सा काम करना है?',
    ur: 'آج آپ کو کون سا کام کرنا ہے؟',
  },
  search_label: { vi: 'Tìm thủ tục', en: 'Search', hi: 'खोजें', ur: 'تلاش کریں' },
  search_placeholder: {
    vi: 'Ví dụ: khai sinh, chứng thực',
    en: 'For example: birth, copy',
    hi: 'जैसे: जन्म, प्रतिलिपि',
    ur: 'مثلاً: پیدائش، نقل',
  },
  clear_search: { vi: 'Xóa', en: 'Clear', hi: 'मिटाएँ', ur: 'مٹائیں' },
  no_results: {
    vi: 'Không tìm thấy thủ tục nào cho “{query}”. Hãy thử từ khác hoặc hỏi nhân viên.',
    en: 'Nothing found for “{query}”. Try another word or ask a member of staff.',
    hi: '“{query}” के लिए कुछ नहीं मिला। कोई दूसरा शब्द आज़माएँ या कर्मचारी से पूछें।',
    ur: '“{query}” کے لیے کچھ نہیں ملا۔ کوئی اور لفظ آزمائیں یا عملے سے پوچھیں۔',
  },
  where_to_go_heading: { vi: 'Đến quầy', en: 'Where to go', hi: 'कहाँ जाएँ', ur: 'کہاں جائیں' },
  documents_heading: {
    vi: 'Giấy tờ cần mang theo',
    en: 'Papers to bring',
    hi: 'साथ लाने वाले कागज़',
    ur: 'ساتھ لانے والے کاغذات',
  },
  fee_heading: { vi: 'Lệ phí', en: 'Fee', hi: 'शुल्क', ur: 'فیس' },
  processing_time_heading: {
    vi: 'Thời gian giải quyết',
    en: 'How long it takes',
    hi: 'कितना समय लगेगा',
    ur: 'کتنا وقت لگے گا',
  },
  connection_connecting: {
    vi: 'Đang kết nối…',
    en: 'Connecting…',
    hi: 'जुड़ रहा है…',
    ur: 'رابطہ ہو رہا ہے…',
  },
  connection_reconnecting: {
    vi: 'Đang kết nối lại… Vui lòng chờ một chút.',
    en: 'Reconnecting… Please wait a moment.',
    hi: 'फिर से जुड़ रहा है… कृपया थोड़ा रुकें।',
    ur: 'دوبارہ رابطہ ہو رہا ہے… براہ کرم تھوڑا انتظار کریں۔',
  },
  connection_unauthorized: {
    vi: 'Máy này chưa được cấp quyền. Vui lòng báo nhân viên.',
    en: 'This kiosk is not allowed to connect. Please tell a member of staff.',
    hi: 'यह कियोस्क जुड़ नहीं सकता। कृपया कर्मचारी को बताएँ।',
    ur: 'یہ کیوسک رابطہ نہیں کر سکتا۔ براہ کرم عملے کو بتائیں۔',
  },
  take_ticket: { vi: 'Lấy số thứ tự', en: 'Take a ticket', hi: 'टोकन लें', ur: 'ٹوکن لیں' },
  taking_ticket: {
    vi: 'Đang lấy số…',
    en: 'Getting your number…',
    hi: 'आपका नंबर बन रहा है…',
    ur: 'آپ کا نمبر بن رہا ہے…',
  },
  priority_toggle: {
    vi: 'Tôi thuộc diện ưu tiên',
    en: 'I need priority service',
    hi: 'मुझे प्राथमिकता सेवा चाहिए',
    ur: 'مجھے ترجیحی خدمت چاہیے',
  },
  priority_choose: {
    vi: 'Bạn thuộc diện nào?',
    en: 'Which applies to you?',
    hi: 'आप पर क्या लागू होता है?',
    ur: 'آپ پر کیا لاگو ہوتا ہے؟',
  },
  your_number: { vi: 'Số của bạn', en: 'Your number', hi: 'आपका नंबर', ur: 'آپ کا نمبر' },
  /** `counters`: the counter numbers as a list, "1" or "1 or 2" (Translator.list, disjunction). */
  go_to_counter: {
    vi: 'Khi được gọi, mời bạn đến quầy {counters}',
    en: 'When your number is called, go to counter {counters}',
    hi: 'जब आपका नंबर पुकारा जाए, काउंटर {counters} पर जाएँ',
    ur: 'جب آپ کا نمبر پکارا جائے تو کاؤنٹر {counters} پر جائیں',
  },
  /** `wait`: common.minutes_about, e.g. "about 5 minutes". */
  estimated_wait: {
    vi: 'Thời gian chờ dự kiến: {wait}',
    en: 'Expected wait: {wait}',
    hi: 'अनुमानित प्रतीक्षा: {wait}',
    ur: 'متوقع انتظار: {wait}',
  },
  ticket_printed: {
    vi: 'Mời bạn nhận phiếu in bên dưới.',
    en: 'Please take your printed ticket below.',
    hi: 'कृपया नीचे से अपनी छपी पर्ची ले लें।',
    ur: 'براہ کرم نیچے سے اپنی چھپی ہوئی پرچی لے لیں۔',
  },
  print_failed: {
    vi: 'Máy in đang gặp sự cố. Bạn hãy nhớ số của mình.',
    en: 'The printer has a problem. Please remember your number.',
    hi: 'प्रिंटर में समस्या है। कृपया अपना नंबर याद रखें।',
    ur: 'پرنٹر میں مسئلہ ہے۔ براہ کرم اپنا نمبر یاد رکھیں۔',
  },
  ticket_error: {
    vi: 'Chưa lấy được số.',
    en: 'Could not get a number.',
    hi: 'नंबर नहीं मिल सका।',
    ur: 'نمبر نہیں مل سکا۔',
  },
  ticket_error_unavailable: {
    vi: 'Chưa lấy được số: hệ thống xếp hàng đang không trả lời.',
    en: 'Could not get a number: the queue system is not answering.',
    hi: 'नंबर नहीं मिल सका: कतार प्रणाली अभी जवाब नहीं दे रही है।',
    ur: 'نمبر نہیں مل سکا: قطار کا نظام ابھی جواب نہیں دے رہا۔',
  },
  ticket_error_busy: {
    vi: 'Chưa lấy được số: máy đang bận, vui lòng chờ vài giây.',
    en: 'Could not get a number: the system is busy, please wait a few seconds.',
    hi: 'नंबर नहीं मिल सका: सिस्टम व्यस्त है, कृपया कुछ सेकंड रुकें।',
    ur: 'نمبر نہیں مل سکا: سسٹم مصروف ہے، براہ کرم چند سیکنڈ انتظار کریں۔',
  },
  /** `action`: the label of the button to touch again (kiosk.take_ticket). */
  try_again: {
    vi: 'Chạm “{action}” để thử lại, hoặc hỏi nhân viên.',
    en: 'Touch “{action}” to try again, or ask a member of staff.',
    hi: 'फिर से कोशिश करने के लिए “{action}” छुएँ, या कर्मचारी से पूछें।',
    ur: 'دوبارہ کوشش کے لیے “{action}” کو چھوئیں، یا عملے سے پوچھیں۔',
  },
});
