import type { Language } from '@reception/protocol';

/**
 * Every fixed string the kiosk shows, in every language it offers. The `Record<Language, Messages>` type
 * makes a missing translation a compile error. Words are plain and short: the people reading them are
 * often elderly and in an unfamiliar office; no administrative jargon, no abbreviations.
 */
export interface Messages {
  /** Name of the language in itself, as shown on the picker. */
  nativeName: string;
  chooseLanguage: string;
  welcome: string;
  home: string;
  back: string;
  proceduresHeading: string;
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  noResults: (query: string) => string;
  loading: string;
  description: string;
  documentsHeading: string;
  feeHeading: string;
  free: string;
  processingTimeHeading: string;
  whereToGoHeading: string;
  counterNumber: (n: number) => string;
  connectionReconnecting: string;
  connectionConnecting: string;
  connectionUnauthorized: string;
  idleNotice: string;
  takeTicket: string;
  priorityToggle: string;
  priorityChoose: string;
  takingTicket: string;
  yourNumber: string;
  goToCounter: (counters: string) => string;
  peopleAhead: (n: number) => string;
  estimatedWait: (minutes: number) => string;
  ticketPrinted: string;
  printFailed: string;
  ticketError: string;
  tryAgain: string;
}

export const MESSAGES: Record<Language, Messages> = {
  vi: {
    nativeName: 'Tiếng Việt',
    chooseLanguage: 'Chọn ngôn ngữ',
    welcome: 'Xin chào! Chạm vào ngôn ngữ của bạn để bắt đầu.',
    home: 'Về đầu',
    back: 'Quay lại',
    proceduresHeading: 'Bạn cần làm thủ tục gì?',
    searchLabel: 'Tìm thủ tục',
    searchPlaceholder: 'Ví dụ: khai sinh, chứng thực',
    clearSearch: 'Xóa',
    noResults: (q) => `Không tìm thấy thủ tục nào cho “${q}”. Hãy thử từ khác hoặc hỏi nhân viên.`,
    loading: 'Đang tải…',
    description: 'Thủ tục này là gì',
    documentsHeading: 'Giấy tờ cần mang theo',
    feeHeading: 'Lệ phí',
    free: 'Miễn phí',
    processingTimeHeading: 'Thời gian giải quyết',
    whereToGoHeading: 'Đến quầy',
    counterNumber: (n) => `Quầy ${n}`,
    connectionReconnecting: 'Đang kết nối lại… Vui lòng chờ một chút.',
    connectionConnecting: 'Đang kết nối…',
    connectionUnauthorized: 'Máy này chưa được cấp quyền. Vui lòng báo nhân viên.',
    idleNotice: 'Màn hình sẽ trở về đầu nếu không có ai sử dụng.',
    takeTicket: 'Lấy số thứ tự',
    priorityToggle: 'Tôi thuộc diện ưu tiên',
    priorityChoose: 'Bạn thuộc diện nào?',
    takingTicket: 'Đang lấy số…',
    yourNumber: 'Số của bạn',
    goToCounter: (c) => `Khi được gọi, mời bạn đến quầy ${c}`,
    peopleAhead: (n) => (n === 0 ? 'Không có ai trước bạn' : `Có ${n} người trước bạn`),
    estimatedWait: (m) => `Thời gian chờ dự kiến: khoảng ${m} phút`,
    ticketPrinted: 'Mời bạn nhận phiếu in bên dưới.',
    printFailed: 'Máy in đang gặp sự cố. Bạn hãy nhớ số của mình.',
    ticketError: 'Chưa lấy được số.',
    tryAgain: 'Thử lại',
  },
  en: {
    nativeName: 'English',
    chooseLanguage: 'Choose your language',
    welcome: 'Hello! Touch your language to start.',
    home: 'Start again',
    back: 'Back',
    proceduresHeading: 'What do you need to do today?',
    searchLabel: 'Search',
    searchPlaceholder: 'For example: birth, copy',
    clearSearch: 'Clear',
    noResults: (q) => `Nothing found for “${q}”. Try another word or ask a member of staff.`,
    loading: 'Loading…',
    description: 'What this is',
    documentsHeading: 'Papers to bring',
    feeHeading: 'Fee',
    free: 'Free',
    processingTimeHeading: 'How long it takes',
    whereToGoHeading: 'Where to go',
    counterNumber: (n) => `Counter ${n}`,
    connectionReconnecting: 'Reconnecting… Please wait a moment.',
    connectionConnecting: 'Connecting…',
    connectionUnauthorized: 'This kiosk is not allowed to connect. Please tell a member of staff.',
    idleNotice: 'The screen goes back to the start when nobody uses it.',
    takeTicket: 'Take a ticket',
    priorityToggle: 'I need priority service',
    priorityChoose: 'Which applies to you?',
    takingTicket: 'Getting your number…',
    yourNumber: 'Your number',
    goToCounter: (c) => `When your number is called, go to counter ${c}`,
    peopleAhead: (n) =>
      n === 0 ? 'Nobody is ahead of you' : n === 1 ? '1 person ahead of you' : `${n} people ahead of you`,
    estimatedWait: (m) => `Expected wait: about ${m} minutes`,
    ticketPrinted: 'Please take your printed ticket below.',
    printFailed: 'The printer has a problem. Please remember your number.',
    ticketError: 'Could not get a number.',
    tryAgain: 'Try again',
  },
  hi: {
    nativeName: 'हिन्दी',
    chooseLanguage: 'अपनी भाषा चुनें',
    welcome: 'नमस्ते! शुरू करने के लिए अपनी भाषा छुएँ।',
    home: 'शुरुआत पर जाएँ',
    back: 'वापस',
    proceduresHeading: 'आज आपको कौन-सा काम करना है?',
    searchLabel: 'खोजें',
    searchPlaceholder: 'जैसे: जन्म, प्रतिलिपि',
    clearSearch: 'मिटाएँ',
    noResults: (q) => `“${q}” के लिए कुछ नहीं मिला। कोई दूसरा शब्द आज़माएँ या कर्मचारी से पूछें।`,
    loading: 'लोड हो रहा है…',
    description: 'यह क्या है',
    documentsHeading: 'साथ लाने वाले कागज़',
    feeHeading: 'शुल्क',
    free: 'निःशुल्क',
    processingTimeHeading: 'कितना समय लगेगा',
    whereToGoHeading: 'कहाँ जाएँ',
    counterNumber: (n) => `काउंटर ${n}`,
    connectionReconnecting: 'फिर से जुड़ रहा है… कृपया थोड़ा रुकें।',
    connectionConnecting: 'जुड़ रहा है…',
    connectionUnauthorized: 'यह कियोस्क जुड़ नहीं सकता। कृपया कर्मचारी को बताएँ।',
    idleNotice: 'कोई उपयोग न करे तो स्क्रीन शुरुआत पर लौट आती है।',
    takeTicket: 'टोकन लें',
    priorityToggle: 'मुझे प्राथमिकता सेवा चाहिए',
    priorityChoose: 'आप पर क्या लागू होता है?',
    takingTicket: 'आपका नंबर बन रहा है…',
    yourNumber: 'आपका नंबर',
    goToCounter: (c) => `जब आपका नंबर पुकारा जाए, काउंटर ${c} पर जाएँ`,
    peopleAhead: (n) => (n === 0 ? 'आपसे पहले कोई नहीं है' : `आपसे पहले ${n} लोग हैं`),
    estimatedWait: (m) => `अनुमानित प्रतीक्षा: लगभग ${m} मिनट`,
    ticketPrinted: 'कृपया नीचे से अपनी छपी पर्ची ले लें।',
    printFailed: 'प्रिंटर में समस्या है। कृपया अपना नंबर याद रखें।',
    ticketError: 'नंबर नहीं मिल सका।',
    tryAgain: 'फिर से कोशिश करें',
  },
  ur: {
    nativeName: 'اردو',
    chooseLanguage: 'اپنی زبان منتخب کریں',
    welcome: 'خوش آمدید! شروع کرنے کے لیے اپنی زبان کو چھوئیں۔',
    home: 'شروع پر جائیں',
    back: 'واپس',
    proceduresHeading: 'آج آپ کو کون سا کام کرنا ہے؟',
    searchLabel: 'تلاش کریں',
    searchPlaceholder: 'مثلاً: پیدائش، نقل',
    clearSearch: 'مٹائیں',
    noResults: (q) => `“${q}” کے لیے کچھ نہیں ملا۔ کوئی اور لفظ آزمائیں یا عملے سے پوچھیں۔`,
    loading: 'لوڈ ہو رہا ہے…',
    description: 'یہ کیا ہے',
    documentsHeading: 'ساتھ لانے والے کاغذات',
    feeHeading: 'فیس',
    free: 'مفت',
    processingTimeHeading: 'کتنا وقت لگے گا',
    whereToGoHeading: 'کہاں جائیں',
    counterNumber: (n) => `کاؤنٹر ${n}`,
    connectionReconnecting: 'دوبارہ رابطہ ہو رہا ہے… براہ کرم تھوڑا انتظار کریں۔',
    connectionConnecting: 'رابطہ ہو رہا ہے…',
    connectionUnauthorized: 'یہ کیوسک رابطہ نہیں کر سکتا۔ براہ کرم عملے کو بتائیں۔',
    idleNotice: 'اگر کوئی استعمال نہ کرے تو اسکرین شروع پر واپس آ جاتی ہے۔',
    takeTicket: 'ٹوکن لیں',
    priorityToggle: 'مجھے ترجیحی خدمت چاہیے',
    priorityChoose: 'آپ پر کیا لاگو ہوتا ہے؟',
    takingTicket: 'آپ کا نمبر بن رہا ہے…',
    yourNumber: 'آپ کا نمبر',
    goToCounter: (c) => `جب آپ کا نمبر پکارا جائے تو کاؤنٹر ${c} پر جائیں`,
    peopleAhead: (n) => (n === 0 ? 'آپ سے پہلے کوئی نہیں ہے' : `آپ سے پہلے ${n} افراد ہیں`),
    estimatedWait: (m) => `متوقع انتظار: تقریباً ${m} منٹ`,
    ticketPrinted: 'براہ کرم نیچے سے اپنی چھپی ہوئی پرچی لے لیں۔',
    printFailed: 'پرنٹر میں مسئلہ ہے۔ براہ کرم اپنا نمبر یاد رکھیں۔',
    ticketError: 'نمبر نہیں مل سکا۔',
    tryAgain: 'دوبارہ کوشش کریں',
  },
};

/** BCP 47 locale used for number and currency formatting in each language. */
export const LOCALES: Record<Language, string> = {
  vi: 'vi-VN',
  en: 'en-GB',
  hi: 'hi-IN',
  ur: 'ur-PK',
};
