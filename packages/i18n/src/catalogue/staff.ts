import { defineMessages } from './define.ts';

/**
 * Staff pages, part 1: signing in, the page header, refusals from the bridge, and the console with the
 * robot panel. The counter desk and its report are in staff-counter.ts (same `staff` namespace).
 */
export const staff = defineMessages('staff', {
  console_title: {
    vi: 'Bảng điều khiển',
    en: 'Staff console',
    hi: 'कर्मचारी कंसोल',
    ur: 'عملے کا کنسول',
  },
  counter_page: { vi: 'Trang quầy', en: 'Counter page', hi: 'काउंटर पेज', ur: 'کاؤنٹر کا صفحہ' },
  counter_sign_in: {
    vi: 'Đăng nhập tại quầy',
    en: 'Counter sign-in',
    hi: 'काउंटर पर साइन इन',
    ur: 'کاؤنٹر پر سائن اِن',
  },
  username: { vi: 'Tên đăng nhập', en: 'Username', hi: 'उपयोगकर्ता नाम', ur: 'صارف نام' },
  password: { vi: 'Mật khẩu', en: 'Password', hi: 'पासवर्ड', ur: 'پاس ورڈ' },
  sign_in: { vi: 'Đăng nhập', en: 'Sign in', hi: 'साइन इन करें', ur: 'سائن اِن کریں' },
  signing_in: {
    vi: 'Đang đăng nhập…',
    en: 'Signing in…',
    hi: 'साइन इन हो रहा है…',
    ur: 'سائن اِن ہو رہا ہے…',
  },
  sign_out: { vi: 'Đăng xuất', en: 'Sign out', hi: 'साइन आउट करें', ur: 'سائن آؤٹ کریں' },
  sign_in_failed: {
    vi: 'Sai tên đăng nhập hoặc mật khẩu.',
    en: 'Wrong username or password.',
    hi: 'उपयोगकर्ता नाम या पासवर्ड गलत है।',
    ur: 'صارف نام یا پاس ورڈ غلط ہے۔',
  },
  server_unreachable: {
    vi: 'Không liên lạc được với máy chủ. Kiểm tra mạng rồi thử lại.',
    en: 'The server cannot be reached. Check the network and try again.',
    hi: 'सर्वर से संपर्क नहीं हो पा रहा। नेटवर्क जाँचें और फिर से कोशिश करें।',
    ur: 'سرور سے رابطہ نہیں ہو پا رہا۔ نیٹ ورک دیکھیں اور دوبارہ کوشش کریں۔',
  },
  connecting: {
    vi: 'Đang kết nối tới máy chủ…',
    en: 'Connecting to the server…',
    hi: 'सर्वर से जुड़ रहा है…',
    ur: 'سرور سے رابطہ ہو رہا ہے…',
  },
  /** A refusal from the bridge, by its wire error code (ErrorCode in packages/protocol). */
  error: {
    vi: '{code, select, INVALID_PAYLOAD {Yêu cầu không hợp lệ.} UNAUTHORIZED {Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.} FORBIDDEN {Bạn không có quyền làm việc này.} NOT_FOUND {Không tìm thấy.} CONFLICT {Không thực hiện được lúc này.} RATE_LIMITED {Quá nhiều yêu cầu. Vui lòng chờ một chút.} UNAVAILABLE {Hệ thống đang không sẵn sàng.} TIMEOUT {Không nhận được trả lời kịp thời.} other {Lỗi hệ thống. Vui lòng báo bộ phận kỹ thuật.}}',
    en: '{code, select, INVALID_PAYLOAD {The request was not valid.} UNAUTHORIZED {Your session has ended. Please sign in again.} FORBIDDEN {You are not allowed to do this.} NOT_FOUND {Not found.} CONFLICT {This cannot be done right now.} RATE_LIMITED {Too many requests. Please wait a moment.} UNAVAILABLE {The system is not available right now.} TIMEOUT {No answer came in time.} other {System error. Please tell the technical staff.}}',
    hi: '{code, select, INVALID_PAYLOAD {अनुरोध सही नहीं था।} UNAUTHORIZED {आपका सत्र समाप्त हो गया है। कृपया फिर से साइन इन करें।} FORBIDDEN {आपको यह करने की अनुमति नहीं है।} NOT_FOUND {नहीं मिला।} CONFLICT {यह अभी नहीं किया जा सकता।} RATE_LIMITED {बहुत अधिक अनुरोध। कृपया थोड़ा रुकें।} UNAVAILABLE {सिस्टम अभी उपलब्ध नहीं है।} TIMEOUT {समय पर जवाब नहीं मिला।} other {सिस्टम में खराबी। कृपया तकनीकी कर्मचारी को बताएँ।}}',
    ur: '{code, select, INVALID_PAYLOAD {درخواست درست نہیں تھی۔} UNAUTHORIZED {آپ کا سیشن ختم ہو گیا ہے۔ براہ کرم دوبارہ سائن اِن کریں۔} FORBIDDEN {آپ کو یہ کرنے کی اجازت نہیں ہے۔} NOT_FOUND {نہیں ملا۔} CONFLICT {یہ ابھی نہیں کیا جا سکتا۔} RATE_LIMITED {بہت زیادہ درخواستیں۔ براہ کرم تھوڑا انتظار کریں۔} UNAVAILABLE {سسٹم ابھی دستیاب نہیں ہے۔} TIMEOUT {وقت پر جواب نہیں ملا۔} other {سسٹم میں خرابی۔ براہ کرم تکنیکی عملے کو بتائیں۔}}',
  },
  /** `since`: when the bridge started, in the site's time zone. */
  bridge_info: {
    vi: 'Máy chủ {version} · địa điểm {site} · chạy từ {since, time, short} ngày {since, date, short}',
    en: 'Server {version} · site {site} · running since {since, date, short} {since, time, short}',
    hi: 'सर्वर {version} · स्थान {site} · {since, date, short} {since, time, short} से चालू',
    ur: 'سرور {version} · مقام {site} · {since, date, short} {since, time, short} سے چالو',
  },
  table_counter: { vi: 'Quầy', en: 'Counter', hi: 'काउंटर', ur: 'کاؤنٹر' },
  table_name: { vi: 'Tên', en: 'Name', hi: 'नाम', ur: 'نام' },
  table_procedures: { vi: 'Thủ tục', en: 'Procedures', hi: 'सेवाएँ', ur: 'خدمات' },
  robot: { vi: 'Robot', en: 'Robot', hi: 'रोबोट', ur: 'روبوٹ' },
  robot_loading: {
    vi: 'Đang tải trạng thái robot…',
    en: 'Loading the robot’s state…',
    hi: 'रोबोट की स्थिति लोड हो रही है…',
    ur: 'روبوٹ کی حالت لوڈ ہو رہی ہے…',
  },
  robot_link: { vi: 'Kết nối', en: 'Link', hi: 'संपर्क', ur: 'رابطہ' },
  robot_mode: { vi: 'Trạng thái', en: 'Mode', hi: 'स्थिति', ur: 'حالت' },
  robot_battery: { vi: 'Pin', en: 'Battery', hi: 'बैटरी', ur: 'بیٹری' },
  robot_position: { vi: 'Vị trí', en: 'Position', hi: 'स्थान', ur: 'مقام' },
  robot_firmware: { vi: 'Phần mềm robot', en: 'Firmware', hi: 'फ़र्मवेयर', ur: 'فرم ویئر' },
  link_state: {
    vi: '{link, select, absent {Không có robot} disconnected {Mất kết nối} connecting {Đang kết nối} up {Đã kết nối} closed {Đã đóng} other {{link}}}',
    en: '{link, select, absent {No robot configured} disconnected {Disconnected} connecting {Connecting} up {Connected} closed {Closed} other {{link}}}',
    hi: '{link, select, absent {कोई रोबोट सेट नहीं} disconnected {संपर्क टूटा} connecting {जुड़ रहा है} up {जुड़ा हुआ} closed {बंद} other {{link}}}',
    ur: '{link, select, absent {کوئی روبوٹ سیٹ نہیں} disconnected {رابطہ منقطع} connecting {جڑ رہا ہے} up {جڑا ہوا} closed {بند} other {{link}}}',
  },
  /** The firmware's mode names; one the catalogue does not know is shown as sent. */
  mode_state: {
    vi: '{mode, select, IDLE {Đứng chờ} VELOCITY {Đang đi theo lệnh tay} PATH {Đang đi theo lộ trình} DOCKING {Đang về trạm sạc} DOCKED {Đang ở trạm sạc} STOPPING {Đang dừng lại} ESTOP {Dừng khẩn cấp} FAULT {Lỗi} other {{mode}}}',
    en: '{mode, select, IDLE {Idle} VELOCITY {Driven by hand} PATH {Following a route} DOCKING {Going to the charger} DOCKED {On the charger} STOPPING {Stopping} ESTOP {Emergency stop} FAULT {Fault} other {{mode}}}',
    hi: '{mode, select, IDLE {रुका हुआ, तैयार} VELOCITY {हाथ से चलाया जा रहा है} PATH {रास्ते पर चल रहा है} DOCKING {चार्जर की ओर जा रहा है} DOCKED {चार्जर पर है} STOPPING {रुक रहा है} ESTOP {आपातकालीन रोक} FAULT {खराबी} other {{mode}}}',
    ur: '{mode, select, IDLE {رکا ہوا، تیار} VELOCITY {ہاتھ سے چلایا جا رہا ہے} PATH {راستے پر چل رہا ہے} DOCKING {چارجر کی طرف جا رہا ہے} DOCKED {چارجر پر ہے} STOPPING {رک رہا ہے} ESTOP {ہنگامی روک} FAULT {خرابی} other {{mode}}}',
  },
  /** `level`: 0 to 1; `charging`: `yes` or `no`. */
  battery_level: {
    vi: '{level, number, percent}{charging, select, yes { (đang sạc)} other {}}',
    en: '{level, number, percent}{charging, select, yes { (charging)} other {}}',
    hi: '{level, number, percent}{charging, select, yes { (चार्ज हो रही है)} other {}}',
    ur: '{level, number, percent}{charging, select, yes { (چارج ہو رہی ہے)} other {}}',
  },
  position_value: {
    vi: 'x {x, number, ::.00} m, y {y, number, ::.00} m',
    en: 'x {x, number, ::.00} m, y {y, number, ::.00} m',
    hi: 'x {x, number, ::.00} मी, y {y, number, ::.00} मी',
    ur: 'x {x, number, ::.00} میٹر، y {y, number, ::.00} میٹر',
  },
  estop_latched: {
    vi: 'Robot đang dừng khẩn cấp và sẽ không di chuyển cho đến khi được bỏ dừng.',
    en: 'Emergency stop is latched: the robot will not move until it is reset.',
    hi: 'आपातकालीन रोक लगी हुई है: रोक हटाए जाने तक रोबोट नहीं चलेगा।',
    ur: 'ہنگامی روک لگی ہوئی ہے: روک ہٹائے جانے تک روبوٹ نہیں چلے گا۔',
  },
  estop_button: {
    vi: 'DỪNG KHẨN CẤP',
    en: 'EMERGENCY STOP',
    hi: 'आपातकालीन रोक',
    ur: 'ہنگامی روک',
  },
  stop_button: { vi: 'Dừng', en: 'Stop', hi: 'रोकें', ur: 'روکیں' },
  estop_reset_button: {
    vi: 'Bỏ dừng khẩn cấp…',
    en: 'Reset e-stop…',
    hi: 'आपातकालीन रोक हटाएँ…',
    ur: 'ہنگامی روک ہٹائیں…',
  },
  estop_reset_dialog: {
    vi: 'Xác nhận bỏ dừng khẩn cấp',
    en: 'Confirm e-stop reset',
    hi: 'आपातकालीन रोक हटाने की पुष्टि',
    ur: 'ہنگامی روک ہٹانے کی تصدیق',
  },
  estop_reset_question: {
    vi: 'Hãy kiểm tra xung quanh robot không có gì cản trở và không ai đang chạm vào robot. Bỏ dừng khẩn cấp?',
    en: 'Check that the area around the robot is clear and nobody is touching it. Reset the emergency stop?',
    hi: 'जाँच लें कि रोबोट के आसपास जगह खाली है और कोई उसे छू नहीं रहा। आपातकालीन रोक हटाएँ?',
    ur: 'دیکھ لیں کہ روبوٹ کے آس پاس جگہ خالی ہے اور کوئی اسے چھو نہیں رہا۔ ہنگامی روک ہٹائیں؟',
  },
  estop_reset_yes: {
    vi: 'Đúng, xung quanh đã an toàn: bỏ dừng',
    en: 'Yes, the area is clear: reset',
    hi: 'हाँ, जगह खाली है: रोक हटाएँ',
    ur: 'جی ہاں، جگہ خالی ہے: روک ہٹائیں',
  },
  cancel: { vi: 'Hủy', en: 'Cancel', hi: 'रद्द करें', ur: 'منسوخ کریں' },
  /** The outcome of a robot command; `command` is `estop`, `stop` or `estop_reset`. */
  command_result: {
    vi: '{command, select, estop {Dừng khẩn cấp} stop {Dừng} other {Bỏ dừng khẩn cấp}}: {ok, select, yes {đã xong} other {không thành công}}',
    en: '{command, select, estop {Emergency stop} stop {Stop} other {E-stop reset}}: {ok, select, yes {done} other {failed}}',
    hi: '{command, select, estop {आपातकालीन रोक} stop {रोकना} other {आपातकालीन रोक हटाना}}: {ok, select, yes {हो गया} other {नहीं हो सका}}',
    ur: '{command, select, estop {ہنگامی روک} stop {روکنا} other {ہنگامی روک ہٹانا}}: {ok, select, yes {ہو گیا} other {نہیں ہو سکا}}',
  },
  safety_heading: {
    vi: 'Sự kiện an toàn gần đây',
    en: 'Recent safety events',
    hi: 'हाल की सुरक्षा घटनाएँ',
    ur: 'حالیہ حفاظتی واقعات',
  },
  /** `kind`: the firmware's safety event name; `active`: `yes` or `no`. */
  safety_event: {
    vi: '{kind, select, BUMPER {Chạm cản va} OBSTACLE {Có vật cản} ESTOP_BUTTON {Nút dừng khẩn cấp được nhấn} MOTOR_FAULT {Lỗi động cơ} VEL_WATCHDOG {Mất lệnh điều khiển chuyển động} HEARTBEAT_WATCHDOG {Mất liên lạc với máy chủ} ESTOP_LATCHED {Dừng khẩn cấp} ESTOP_CLEARED {Đã bỏ dừng khẩn cấp} LOW_BATTERY {Pin yếu} PATH_DONE {Đã đi hết lộ trình} PATH_ABORTED {Lộ trình bị dừng giữa chừng} other {{kind}}} · {active, select, yes {đang xảy ra} other {đã hết}}',
    en: '{kind, select, BUMPER {Bumper touched} OBSTACLE {Obstacle ahead} ESTOP_BUTTON {Emergency stop button pressed} MOTOR_FAULT {Motor fault} VEL_WATCHDOG {Movement commands stopped arriving} HEARTBEAT_WATCHDOG {Lost contact with the server} ESTOP_LATCHED {Emergency stop latched} ESTOP_CLEARED {Emergency stop cleared} LOW_BATTERY {Battery low} PATH_DONE {Route finished} PATH_ABORTED {Route abandoned} other {{kind}}} · {active, select, yes {still active} other {over}}',
    hi: '{kind, select, BUMPER {बम्पर से टक्कर} OBSTACLE {सामने रुकावट} ESTOP_BUTTON {आपातकालीन रोक बटन दबाया गया} MOTOR_FAULT {मोटर में खराबी} VEL_WATCHDOG {चलने के आदेश आने बंद हो गए} HEARTBEAT_WATCHDOG {सर्वर से संपर्क टूट गया} ESTOP_LATCHED {आपातकालीन रोक लगी} ESTOP_CLEARED {आपातकालीन रोक हटाई गई} LOW_BATTERY {बैटरी कम} PATH_DONE {रास्ता पूरा हुआ} PATH_ABORTED {रास्ता बीच में रुका} other {{kind}}} · {active, select, yes {अभी जारी} other {समाप्त}}',
    ur: '{kind, select, BUMPER {بمپر سے ٹکر} OBSTACLE {سامنے رکاوٹ} ESTOP_BUTTON {ہنگامی روک کا بٹن دبایا گیا} MOTOR_FAULT {موٹر میں خرابی} VEL_WATCHDOG {چلنے کے احکامات آنا بند ہو گئے} HEARTBEAT_WATCHDOG {سرور سے رابطہ ٹوٹ گیا} ESTOP_LATCHED {ہنگامی روک لگی} ESTOP_CLEARED {ہنگامی روک ہٹا دی گئی} LOW_BATTERY {بیٹری کم} PATH_DONE {راستہ مکمل ہوا} PATH_ABORTED {راستہ بیچ میں رکا} other {{kind}}} · {active, select, yes {ابھی جاری} other {ختم}}',
  },
});
