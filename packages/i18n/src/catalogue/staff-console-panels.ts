import { defineMessages } from './define.ts';

/**
 * The staff console, part 2 (namespace `console`, like staff-console.ts): the alert panel, the mission
 * history, the audit log and device tokens.
 */
export const staffConsolePanels = defineMessages('console', {
  tab_missions: { vi: 'Lịch sử robot', en: 'Robot history', hi: 'रोबोट इतिहास', ur: 'روبوٹ کی تاریخ' },
  tab_audit: { vi: 'Nhật ký thao tác', en: 'Audit log', hi: 'ऑडिट लॉग', ur: 'آڈٹ لاگ' },
  tab_devices: { vi: 'Mã thiết bị', en: 'Device tokens', hi: 'डिवाइस टोकन', ur: 'ڈیوائس ٹوکن' },
  alerts_title: { vi: 'Cảnh báo', en: 'Alerts', hi: 'चेतावनियाँ', ur: 'انتباہات' },
  alerts_none: {
    vi: 'Không có cảnh báo nào.',
    en: 'No alerts.',
    hi: 'कोई चेतावनी नहीं।',
    ur: 'کوئی انتباہ نہیں۔',
  },
  /**
   * One alert. `place`: where a trip was going; `level`: battery, 0 to 1; `kiosk`: the calling kiosk's name.
   */
  alert: {
    vi: '{kind, select, estop {Robot đang dừng khẩn cấp} link_lost {Mất kết nối với robot} battery_low {Pin robot yếu ({level, number, percent})} stuck {Robot bị kẹt trên đường tới {place}} blocked {Đường tới {place} bị chặn} mission_failed {Chuyến tới {place} không thành} needs_staff {Robot đang chờ nhân viên xử lý} printer_paper_out {Máy in phiếu hết giấy} printer_failed {Máy in phiếu bị lỗi} queue_unreachable {Không liên lạc được với hệ thống xếp hàng} ticket_database_failed {Không lưu được phiếu vào cơ sở dữ liệu} other {Người dân gọi nhân viên tại {kiosk}}}',
    en: '{kind, select, estop {The robot is in emergency stop} link_lost {The connection to the robot is lost} battery_low {The robot’s battery is low ({level, number, percent})} stuck {The robot is stuck on its way to {place}} blocked {The way to {place} is blocked} mission_failed {The trip to {place} failed} needs_staff {The robot is waiting for staff} printer_paper_out {The ticket printer is out of paper} printer_failed {The ticket printer has failed} queue_unreachable {The queue system cannot be reached} ticket_database_failed {Tickets cannot be saved to the database} other {A citizen is calling staff at {kiosk}}}',
    hi: '{kind, select, estop {रोबोट आपातकालीन रोक में है} link_lost {रोबोट से संपर्क टूट गया है} battery_low {रोबोट की बैटरी कम है ({level, number, percent})} stuck {रोबोट {place} के रास्ते में फँस गया है} blocked {{place} का रास्ता बंद है} mission_failed {{place} की यात्रा नहीं हो सकी} needs_staff {रोबोट कर्मचारी की प्रतीक्षा में है} printer_paper_out {टिकट प्रिंटर में कागज़ खत्म हो गया है} printer_failed {टिकट प्रिंटर खराब है} queue_unreachable {कतार प्रणाली से संपर्क नहीं हो पा रहा} ticket_database_failed {टिकट डेटाबेस में सहेजे नहीं जा पा रहे} other {{kiosk} पर एक नागरिक कर्मचारी को बुला रहे हैं}}',
    ur: '{kind, select, estop {روبوٹ ہنگامی روک میں ہے} link_lost {روبوٹ سے رابطہ ٹوٹ گیا ہے} battery_low {روبوٹ کی بیٹری کم ہے ({level, number, percent})} stuck {روبوٹ {place} کے راستے میں پھنس گیا ہے} blocked {{place} کا راستہ بند ہے} mission_failed {{place} کا سفر نہیں ہو سکا} needs_staff {روبوٹ عملے کے انتظار میں ہے} printer_paper_out {ٹکٹ پرنٹر میں کاغذ ختم ہو گیا ہے} printer_failed {ٹکٹ پرنٹر خراب ہے} queue_unreachable {قطار کے نظام سے رابطہ نہیں ہو پا رہا} ticket_database_failed {ٹکٹ ڈیٹا بیس میں محفوظ نہیں ہو پا رہے} other {{kiosk} پر ایک شہری عملے کو بلا رہے ہیں}}',
  },
  /** Why a citizen calls staff (StaffCallReason), and the language the kiosk showed. */
  call_detail: {
    vi: '{reason, select, documents {Cần giúp về giấy tờ} mobility {Cần hỗ trợ đi lại} language {Gặp khó khăn về ngôn ngữ} complaint {Muốn góp ý hoặc khiếu nại} other {Cần giúp đỡ}} · {language, select, vi {tiếng Việt} en {tiếng Anh} hi {tiếng Hindi} ur {tiếng Urdu} other {không rõ ngôn ngữ}}',
    en: '{reason, select, documents {Help with documents} mobility {Help getting around} language {Language difficulty} complaint {Feedback or a complaint} other {Needs help}} · {language, select, vi {Vietnamese} en {English} hi {Hindi} ur {Urdu} other {language not known}}',
    hi: '{reason, select, documents {दस्तावेज़ों में मदद} mobility {चलने-फिरने में मदद} language {भाषा की कठिनाई} complaint {सुझाव या शिकायत} other {मदद चाहिए}} · {language, select, vi {वियतनामी} en {अंग्रेज़ी} hi {हिन्दी} ur {उर्दू} other {भाषा पता नहीं}}',
    ur: '{reason, select, documents {دستاویزات میں مدد} mobility {چلنے پھرنے میں مدد} language {زبان کی مشکل} complaint {رائے یا شکایت} other {مدد چاہیے}} · {language, select, vi {ویتنامی} en {انگریزی} hi {ہندی} ur {اردو} other {زبان معلوم نہیں}}',
  },
  alert_since: {
    vi: 'từ {at, time, short}',
    en: 'since {at, time, short}',
    hi: '{at, time, short} से',
    ur: '{at, time, short} سے',
  },
  acknowledge: { vi: 'Đã biết', en: 'Acknowledge', hi: 'देख लिया', ur: 'دیکھ لیا' },
  acknowledged: { vi: 'đã xem', en: 'acknowledged', hi: 'देखा गया', ur: 'دیکھا گیا' },
  going: { vi: 'Tôi đến ngay', en: 'I am going', hi: 'मैं आ रहा हूँ', ur: 'میں آ رہا ہوں' },
  coming: {
    vi: '{name} đang đến',
    en: '{name} is on the way',
    hi: '{name} आ रहे हैं',
    ur: '{name} آ رہے ہیں',
  },
  sound: {
    vi: '{on, select, yes {Âm báo: bật} other {Âm báo: tắt}}',
    en: '{on, select, yes {Sound: on} other {Sound: off}}',
    hi: '{on, select, yes {आवाज़: चालू} other {आवाज़: बंद}}',
    ur: '{on, select, yes {آواز: چالو} other {آواز: بند}}',
  },
  history_title: {
    vi: 'Các chuyến của robot',
    en: 'The robot’s trips',
    hi: 'रोबोट की यात्राएँ',
    ur: 'روبوٹ کے سفر',
  },
  filter_all: { vi: 'Tất cả', en: 'All', hi: 'सभी', ur: 'سب' },
  filter_kind: { vi: 'Loại', en: 'Kind', hi: 'प्रकार', ur: 'قسم' },
  filter_state: { vi: 'Kết quả', en: 'Outcome', hi: 'नतीजा', ur: 'نتیجہ' },
  filter_reason: { vi: 'Lý do', en: 'Reason', hi: 'कारण', ur: 'وجہ' },
  filter_since: { vi: 'Từ ngày', en: 'Since', hi: 'इस तारीख से', ur: 'اس تاریخ سے' },
  refresh: { vi: 'Làm mới', en: 'Refresh', hi: 'ताज़ा करें', ur: 'تازہ کریں' },
  col_time: { vi: 'Thời gian', en: 'Time', hi: 'समय', ur: 'وقت' },
  col_trip: { vi: 'Chuyến', en: 'Trip', hi: 'यात्रा', ur: 'سفر' },
  col_by: { vi: 'Người yêu cầu', en: 'Asked by', hi: 'किसने कहा', ur: 'کس نے کہا' },
  col_outcome: { vi: 'Kết quả', en: 'How it ended', hi: 'कैसे खत्म हुआ', ur: 'کیسے ختم ہوا' },
  /** Who asked for a mission: `who` is a staff username or a kiosk's device id. */
  requested_by: {
    vi: '{by, select, system {Robot tự làm} kiosk {Máy kiosk {who}} counter {Quầy gọi ({who})} other {{who}}}',
    en: '{by, select, system {The robot itself} kiosk {Kiosk {who}} counter {A counter’s call ({who})} other {{who}}}',
    hi: '{by, select, system {रोबोट ने खुद} kiosk {कियोस्क {who}} counter {काउंटर की पुकार ({who})} other {{who}}}',
    ur: '{by, select, system {روبوٹ نے خود} kiosk {کیوسک {who}} counter {کاؤنٹر کی پکار ({who})} other {{who}}}',
  },
  events: { vi: 'Diễn biến', en: 'What happened', hi: 'क्या हुआ', ur: 'کیا ہوا' },
  history_empty: {
    vi: 'Không có chuyến nào.',
    en: 'No trips.',
    hi: 'कोई यात्रा नहीं।',
    ur: 'کوئی سفر نہیں۔',
  },
  audit_title: { vi: 'Nhật ký thao tác', en: 'Audit log', hi: 'ऑडिट लॉग', ur: 'آڈٹ لاگ' },
  audit_from: { vi: 'Từ ngày', en: 'From', hi: 'से', ur: 'سے' },
  audit_to: { vi: 'Đến ngày', en: 'To', hi: 'तक', ur: 'تک' },
  audit_actor: { vi: 'Người thao tác', en: 'Who', hi: 'किसने', ur: 'کس نے' },
  audit_action: { vi: 'Thao tác', en: 'Action', hi: 'कार्य', ur: 'کام' },
  audit_target: { vi: 'Đối tượng', en: 'On what', hi: 'किस पर', ur: 'کس پر' },
  audit_address: { vi: 'Địa chỉ máy', en: 'Address', hi: 'पता', ur: 'پتہ' },
  audit_outcome: {
    vi: '{outcome, select, ok {Thành công} refused {Bị từ chối} failed {Thất bại} other {Tất cả}}',
    en: '{outcome, select, ok {Done} refused {Refused} failed {Failed} other {All}}',
    hi: '{outcome, select, ok {हो गया} refused {अस्वीकार} failed {नहीं हो सका} other {सभी}}',
    ur: '{outcome, select, ok {ہو گیا} refused {مسترد} failed {نہیں ہو سکا} other {سب}}',
  },
  search: { vi: 'Tìm', en: 'Search', hi: 'खोजें', ur: 'تلاش کریں' },
  more: { vi: 'Xem thêm', en: 'More', hi: 'और देखें', ur: 'مزید دیکھیں' },
  export_csv: { vi: 'Tải về CSV', en: 'Download CSV', hi: 'CSV डाउनलोड करें', ur: 'CSV ڈاؤن لوڈ کریں' },
  audit_empty: {
    vi: 'Không có mục nào.',
    en: 'No entries.',
    hi: 'कोई प्रविष्टि नहीं।',
    ur: 'کوئی اندراج نہیں۔',
  },
  audit_forbidden: {
    vi: 'Chỉ quản trị viên hoặc người được cấp quyền mới xem được nhật ký thao tác.',
    en: 'Only administrators, or people given the right, may read the audit log.',
    hi: 'ऑडिट लॉग केवल प्रशासक या अनुमति पाए लोग पढ़ सकते हैं।',
    ur: 'آڈٹ لاگ صرف منتظمین یا اجازت یافتہ لوگ پڑھ سکتے ہیں۔',
  },
  device_role: {
    vi: '{role, select, kiosk {Máy kiosk} other {Màn hình sảnh}}',
    en: '{role, select, kiosk {Kiosk} other {Lobby display}}',
    hi: '{role, select, kiosk {कियोस्क} other {लॉबी डिस्प्ले}}',
    ur: '{role, select, kiosk {کیوسک} other {لابی ڈسپلے}}',
  },
  device_kind: { vi: 'Loại thiết bị', en: 'Device kind', hi: 'डिवाइस का प्रकार', ur: 'ڈیوائس کی قسم' },
  device_name: { vi: 'Tên thiết bị', en: 'Device name', hi: 'डिवाइस का नाम', ur: 'ڈیوائس کا نام' },
  device_create: { vi: 'Tạo mã mới', en: 'Create token', hi: 'नया टोकन बनाएँ', ur: 'نیا ٹوکن بنائیں' },
  device_token_once: {
    vi: 'Mã của {name}. Mã này chỉ hiện một lần: hãy nhập ngay vào thiết bị, sau đó không xem lại được.',
    en: 'Token for {name}. It is shown this once only: enter it on the device now, it cannot be shown again.',
    hi: '{name} का टोकन। यह केवल एक बार दिखेगा: इसे अभी डिवाइस में डालें, यह फिर नहीं दिखाया जा सकता।',
    ur: '{name} کا ٹوکن۔ یہ صرف ایک بار دکھایا جائے گا: اسے ابھی ڈیوائس میں ڈالیں، یہ دوبارہ نہیں دکھایا جا سکتا۔',
  },
  device_created_at: { vi: 'Tạo lúc', en: 'Created', hi: 'बनाया गया', ur: 'بنایا گیا' },
  device_last_used: { vi: 'Dùng lần cuối', en: 'Last used', hi: 'पिछली बार उपयोग', ur: 'آخری استعمال' },
  never: { vi: 'chưa dùng', en: 'never', hi: 'कभी नहीं', ur: 'کبھی نہیں' },
  device_status: {
    vi: '{status, select, revoked {Đã thu hồi} demo {Mã mẫu} other {Đang dùng}}',
    en: '{status, select, revoked {Revoked} demo {Demo token} other {Active}}',
    hi: '{status, select, revoked {वापस लिया गया} demo {नमूना टोकन} other {सक्रिय}}',
    ur: '{status, select, revoked {واپس لیا گیا} demo {نمونہ ٹوکن} other {فعال}}',
  },
  show_revoked: {
    vi: 'Hiện cả mã đã thu hồi',
    en: 'Show revoked tokens',
    hi: 'वापस लिए गए टोकन भी दिखाएँ',
    ur: 'واپس لیے گئے ٹوکن بھی دکھائیں',
  },
  rename: { vi: 'Đổi tên', en: 'Rename', hi: 'नाम बदलें', ur: 'نام بدلیں' },
  save: { vi: 'Lưu', en: 'Save', hi: 'सहेजें', ur: 'محفوظ کریں' },
  revoke: { vi: 'Thu hồi…', en: 'Revoke…', hi: 'वापस लें…', ur: 'واپس لیں…' },
  revoke_question: {
    vi: 'Thu hồi mã của {name}? Thiết bị sẽ bị ngắt kết nối ngay và cần mã mới.',
    en: 'Revoke the token of {name}? The device is disconnected at once and needs a new token.',
    hi: '{name} का टोकन वापस लें? डिवाइस तुरंत कट जाएगा और उसे नया टोकन चाहिए होगा।',
    ur: '{name} کا ٹوکن واپس لیں؟ ڈیوائس فوراً منقطع ہو جائے گی اور اسے نیا ٹوکن چاہیے ہوگا۔',
  },
  revoke_yes: { vi: 'Thu hồi', en: 'Revoke', hi: 'वापस लें', ur: 'واپس لیں' },
  devices_empty: {
    vi: 'Chưa có mã thiết bị nào.',
    en: 'No device tokens yet.',
    hi: 'अभी कोई डिवाइस टोकन नहीं।',
    ur: 'ابھی کوئی ڈیوائس ٹوکن نہیں۔',
  },
});
