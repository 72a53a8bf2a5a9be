import { defineMessages } from './define.ts';

/**
 * Staff pages, part 2: the counter desk and the day's report (namespace `staff`, like staff.ts). Ticket
 * statuses double as the report's column names, so each is written once.
 */
export const staffCounter = defineMessages('staff', {
  tab_desk: { vi: 'Tiếp công dân', en: 'Desk', hi: 'डेस्क', ur: 'ڈیسک' },
  tab_report: { vi: 'Báo cáo', en: 'Report', hi: 'रिपोर्ट', ur: 'رپورٹ' },
  your_counter: { vi: 'Quầy của bạn', en: 'Your counter', hi: 'आपका काउंटर', ur: 'آپ کا کاؤنٹر' },
  choose_counter: {
    vi: 'Chọn quầy…',
    en: 'Choose a counter…',
    hi: 'काउंटर चुनें…',
    ur: 'کاؤنٹر چنیں…',
  },
  choose_counter_hint: {
    vi: 'Chọn quầy bạn đang ngồi.',
    en: 'Choose the counter you are sitting at.',
    hi: 'वह काउंटर चुनें जिस पर आप बैठे हैं।',
    ur: 'وہ کاؤنٹر چنیں جس پر آپ بیٹھے ہیں۔',
  },
  counter_state: {
    vi: '{status, select, open {đang mở} other {đã đóng}}',
    en: '{status, select, open {open} other {closed}}',
    hi: '{status, select, open {खुला} other {बंद}}',
    ur: '{status, select, open {کھلا} other {بند}}',
  },
  open_counter: { vi: 'Mở quầy', en: 'Open counter', hi: 'काउंटर खोलें', ur: 'کاؤنٹر کھولیں' },
  close_counter: { vi: 'Đóng quầy', en: 'Close counter', hi: 'काउंटर बंद करें', ur: 'کاؤنٹر بند کریں' },
  waiting_total: {
    vi: '{count, plural, =0 {Không có ai chờ quầy này} other {# người đang chờ quầy này}}',
    en: '{count, plural, =0 {Nobody is waiting for this counter} one {# person waiting for this counter} other {# people waiting for this counter}}',
    hi: '{count, plural, =0 {इस काउंटर के लिए कोई प्रतीक्षा में नहीं} one {इस काउंटर के लिए # व्यक्ति प्रतीक्षा में} other {इस काउंटर के लिए # लोग प्रतीक्षा में}}',
    ur: '{count, plural, =0 {اس کاؤنٹر کے لیے کوئی انتظار میں نہیں} one {اس کاؤنٹر کے لیے # شخص انتظار میں} other {اس کاؤنٹر کے لیے # لوگ انتظار میں}}',
  },
  /** `priority`: how many of the `count` waiting hold a priority ticket. */
  waiting_service: {
    vi: '{service}: {count, number}{priority, plural, =0 {} other { (# ưu tiên)}}',
    en: '{service}: {count, number}{priority, plural, =0 {} other { (# priority)}}',
    hi: '{service}: {count, number}{priority, plural, =0 {} other { (# प्राथमिकता)}}',
    ur: '{service}: {count, number}{priority, plural, =0 {} other { (# ترجیحی)}}',
  },
  priority: {
    vi: 'Ưu tiên: {class}',
    en: 'Priority: {class}',
    hi: 'प्राथमिकता: {class}',
    ur: 'ترجیح: {class}',
  },
  /** `language`: the language the citizen chose at the kiosk, or `none`. */
  citizen_language: {
    vi: 'Ngôn ngữ của người dân: {language, select, vi {tiếng Việt} en {tiếng Anh} hi {tiếng Hindi} ur {tiếng Urdu} other {không rõ}}',
    en: 'Citizen’s language: {language, select, vi {Vietnamese} en {English} hi {Hindi} ur {Urdu} other {not known}}',
    hi: 'नागरिक की भाषा: {language, select, vi {वियतनामी} en {अंग्रेज़ी} hi {हिन्दी} ur {उर्दू} other {पता नहीं}}',
    ur: 'شہری کی زبان: {language, select, vi {ویتنامی} en {انگریزی} hi {ہندی} ur {اردو} other {معلوم نہیں}}',
  },
  ticket_status: {
    vi: '{status, select, waiting {Đang chờ} called {Chờ người dân đến quầy} serving {Đang phục vụ} completed {Đã xong} no_show {Vắng mặt} cancelled {Đã hủy} expired {Hết hạn} other {{status}}}',
    en: '{status, select, waiting {Waiting} called {Waiting for the citizen to come} serving {Serving} completed {Completed} no_show {No-show} cancelled {Cancelled} expired {Expired} other {{status}}}',
    hi: '{status, select, waiting {प्रतीक्षा में} called {नागरिक के आने की प्रतीक्षा} serving {सेवा जारी} completed {पूरा हुआ} no_show {नहीं आए} cancelled {रद्द} expired {समय समाप्त} other {{status}}}',
    ur: '{status, select, waiting {انتظار میں} called {شہری کے آنے کا انتظار} serving {خدمت جاری} completed {مکمل} no_show {نہیں آئے} cancelled {منسوخ} expired {وقت ختم} other {{status}}}',
  },
  called_times: {
    vi: '{count, plural, =0 {chưa gọi} other {đã gọi # lần}}',
    en: '{count, plural, =0 {not called yet} one {called once} other {called # times}}',
    hi: '{count, plural, =0 {अभी नहीं बुलाया} one {एक बार बुलाया} other {# बार बुलाया}}',
    ur: '{count, plural, =0 {ابھی نہیں پکارا} one {ایک بار پکارا} other {# بار پکارا}}',
  },
  recall: { vi: 'Gọi lại', en: 'Recall', hi: 'फिर बुलाएँ', ur: 'دوبارہ پکاریں' },
  start: { vi: 'Bắt đầu phục vụ', en: 'Start serving', hi: 'सेवा शुरू करें', ur: 'خدمت شروع کریں' },
  no_show: {
    vi: 'Báo vắng mặt',
    en: 'Mark as no-show',
    hi: 'अनुपस्थित दर्ज करें',
    ur: 'غیر حاضر درج کریں',
  },
  complete: { vi: 'Hoàn thành', en: 'Complete', hi: 'पूरा करें', ur: 'مکمل کریں' },
  cancel_ticket: { vi: 'Hủy số', en: 'Cancel ticket', hi: 'टोकन रद्द करें', ur: 'ٹوکن منسوخ کریں' },
  transfer_service: {
    vi: 'Chuyển sang thủ tục',
    en: 'Transfer to service',
    hi: 'दूसरी सेवा में भेजें',
    ur: 'دوسری خدمت میں بھیجیں',
  },
  transfer_choose: { vi: 'Chuyển sang…', en: 'Transfer to…', hi: 'कहाँ भेजें…', ur: 'کہاں بھیجیں…' },
  transfer_position: {
    vi: 'Vị trí trong hàng',
    en: 'Place in the line',
    hi: 'कतार में जगह',
    ur: 'قطار میں جگہ',
  },
  position_front: {
    vi: 'lên đầu hàng',
    en: 'front of the line',
    hi: 'कतार में सबसे आगे',
    ur: 'قطار میں سب سے آگے',
  },
  position_end: {
    vi: 'xuống cuối hàng',
    en: 'end of the line',
    hi: 'कतार में सबसे पीछे',
    ur: 'قطار میں سب سے پیچھے',
  },
  transfer: { vi: 'Chuyển', en: 'Transfer', hi: 'भेजें', ur: 'منتقل کریں' },
  /** Folds away the bridge's own (English) explanation of a refusal, for whoever supports the centre. */
  error_details: {
    vi: 'Chi tiết kỹ thuật',
    en: 'Technical details',
    hi: 'तकनीकी विवरण',
    ur: 'تکنیکی تفصیل',
  },
  /** Second line of a button waiting for its confirming second press. */
  confirm_again: {
    vi: 'Bấm lần nữa để xác nhận',
    en: 'Press again to confirm',
    hi: 'पक्का करने के लिए फिर दबाएँ',
    ur: 'تصدیق کے لیے دوبارہ دبائیں',
  },
  confirm_no_show: {
    vi: 'Báo số {number} vắng mặt?',
    en: 'Mark {number} as a no-show?',
    hi: '{number} को अनुपस्थित दर्ज करें?',
    ur: '{number} کو غیر حاضر درج کریں؟',
  },
  confirm_cancel: {
    vi: 'Hủy số {number}?',
    en: 'Cancel ticket {number}?',
    hi: 'टोकन {number} रद्द करें?',
    ur: 'ٹوکن {number} منسوخ کریں؟',
  },
  /** `position`: `front` or `end` of the new service's line. */
  confirm_transfer: {
    vi: 'Chuyển số {number} sang {service}, {position, select, front {lên đầu hàng} other {xuống cuối hàng}}?',
    en: 'Transfer {number} to {service}, {position, select, front {front of the line} other {end of the line}}?',
    hi: '{number} को {service} में भेजें, {position, select, front {कतार में सबसे आगे} other {कतार में सबसे पीछे}}?',
    ur: '{number} کو {service} میں بھیجیں، {position, select, front {قطار میں سب سے آگے} other {قطار میں سب سے پیچھے}}؟',
  },
  call_next: {
    vi: 'Gọi số tiếp theo',
    en: 'Call next',
    hi: 'अगला नंबर बुलाएँ',
    ur: 'اگلا نمبر پکاریں',
  },
  open_to_call: {
    vi: 'Mở quầy để gọi số.',
    en: 'Open the counter to call tickets.',
    hi: 'नंबर बुलाने के लिए काउंटर खोलें।',
    ur: 'نمبر پکارنے کے لیے کاؤنٹر کھولیں۔',
  },
  report_from: { vi: 'Từ ngày', en: 'From', hi: 'तारीख़ से', ur: 'تاریخ سے' },
  report_to: { vi: 'Đến ngày', en: 'To', hi: 'तारीख़ तक', ur: 'تاریخ تک' },
  report_only_mine: {
    vi: 'Chỉ quầy của tôi',
    en: 'Only my counter',
    hi: 'सिर्फ़ मेरा काउंटर',
    ur: 'صرف میرا کاؤنٹر',
  },
  report_download: {
    vi: 'Tải về file CSV',
    en: 'Download CSV',
    hi: 'CSV डाउनलोड करें',
    ur: 'CSV ڈاؤن لوڈ کریں',
  },
  report_download_failed: {
    vi: 'Không tải được file CSV (mã {status}).',
    en: 'The CSV could not be downloaded (code {status}).',
    hi: 'CSV डाउनलोड नहीं हो सकी (कोड {status})।',
    ur: 'CSV ڈاؤن لوڈ نہیں ہو سکی (کوڈ {status})۔',
  },
  report_by_service: {
    vi: 'Theo thủ tục',
    en: 'By service',
    hi: 'सेवा के अनुसार',
    ur: 'خدمت کے لحاظ سے',
  },
  report_by_counter: {
    vi: 'Theo quầy',
    en: 'By counter',
    hi: 'काउंटर के अनुसार',
    ur: 'کاؤنٹر کے لحاظ سے',
  },
  report_total: { vi: 'Tổng cộng', en: 'Total', hi: 'कुल', ur: 'کل' },
  report_issued: { vi: 'Đã cấp số', en: 'Issued', hi: 'जारी टोकन', ur: 'جاری ٹوکن' },
  report_rating: { vi: 'Đánh giá', en: 'Rating', hi: 'राय', ur: 'رائے' },
  report_rating_value: {
    vi: '{mean, number, ::.00} ({count, number} lượt)',
    en: '{mean, number, ::.00} ({count, plural, one {# rating} other {# ratings}})',
    hi: '{mean, number, ::.00} ({count, number} राय)',
    ur: '{mean, number, ::.00} ({count, plural, one {# رائے} other {# آراء}})',
  },
  report_ratings: {
    vi: 'Đánh giá của người dân',
    en: 'Citizen ratings',
    hi: 'नागरिकों की राय',
    ur: 'شہریوں کی رائے',
  },
});
