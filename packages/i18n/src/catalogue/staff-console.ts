import { defineMessages } from './define.ts';

/**
 * The staff console, part 1 (namespace `console`): the live map, the robot's activity, every mission state,
 * kind and reason in plain words, and the robot commands. Part 2 (staff-console-panels.ts): alerts, mission
 * history, audit log and device tokens. Selects name every value of the protocol's closed unions; a test
 * checks each one has its own words in every language.
 */
export const staffConsole = defineMessages('console', {
  map_title: { vi: 'Bản đồ', en: 'Map', hi: 'नक्शा', ur: 'نقشہ' },
  map_loading: {
    vi: 'Đang tải bản đồ…',
    en: 'Loading the map…',
    hi: 'नक्शा लोड हो रहा है…',
    ur: 'نقشہ لوڈ ہو رہا ہے…',
  },
  pose_unknown: {
    vi: 'Chưa biết robot đang ở đâu: robot chưa được định vị trên bản đồ. Khi đã biết chỗ robot đứng, bấm “Robot đang ở đây” rồi chạm vào chỗ đó.',
    en: 'Where the robot is is not known yet: it has not been placed on the map. When you know where it stands, press “The robot is here” and tap that spot.',
    hi: 'रोबोट कहाँ है, यह अभी पता नहीं: उसे नक्शे पर नहीं रखा गया है। जब पता हो कि वह कहाँ खड़ा है, “रोबोट यहाँ है” दबाएँ और उस जगह को छुएँ।',
    ur: 'روبوٹ کہاں ہے، یہ ابھی معلوم نہیں: اسے نقشے پر نہیں رکھا گیا۔ جب معلوم ہو کہ وہ کہاں کھڑا ہے، “روبوٹ یہاں ہے” دبائیں اور اس جگہ کو چھوئیں۔',
  },
  legend_route: { vi: 'Đường đi còn lại', en: 'Route ahead', hi: 'आगे का रास्ता', ur: 'آگے کا راستہ' },
  legend_done: { vi: 'Đã đi qua', en: 'Route done', hi: 'तय किया रास्ता', ur: 'طے شدہ راستہ' },
  legend_obstacle: { vi: 'Vật cản', en: 'Obstacle', hi: 'रुकावट', ur: 'رکاوٹ' },
  /** `limit`: speed cap in m/s of a slow zone. */
  zone: {
    vi: '{kind, select, keepout {Vùng cấm robot} slow {Vùng đi chậm ({limit, number, ::.0} m/giây)} other {Vùng yên lặng}}',
    en: '{kind, select, keepout {Keep-out zone} slow {Slow zone ({limit, number, ::.0} m/s)} other {Quiet zone}}',
    hi: '{kind, select, keepout {रोबोट वर्जित क्षेत्र} slow {धीमा क्षेत्र ({limit, number, ::.0} मी/से)} other {शांत क्षेत्र}}',
    ur: '{kind, select, keepout {روبوٹ ممنوعہ علاقہ} slow {آہستہ علاقہ ({limit, number, ::.0} میٹر/سیکنڈ)} other {خاموش علاقہ}}',
  },
  /** A map place that is neither a counter nor a facility of the site; `name` is the map's own name. */
  place: {
    vi: '{kind, select, home {Chỗ chờ của robot} dock {Trạm sạc} entrance {Lối vào} exit {Lối ra} waiting_area {Khu vực chờ} information {Bàn hướng dẫn} other {{name}}}',
    en: '{kind, select, home {Robot home} dock {Charging dock} entrance {Entrance} exit {Exit} waiting_area {Waiting area} information {Information desk} other {{name}}}',
    hi: '{kind, select, home {रोबोट का ठिकाना} dock {चार्जिंग डॉक} entrance {प्रवेश द्वार} exit {निकास} waiting_area {प्रतीक्षा क्षेत्र} information {सूचना डेस्क} other {{name}}}',
    ur: '{kind, select, home {روبوٹ کا ٹھکانا} dock {چارجنگ ڈاک} entrance {داخلی دروازہ} exit {باہر جانے کا راستہ} waiting_area {انتظار گاہ} information {معلوماتی ڈیسک} other {{name}}}',
  },
  /** What the robot is doing (RobotActivityState). */
  activity: {
    vi: '{state, select, IDLE {Đang rảnh} FETCHING {Đang đi đón người dân} CALLING {Đang gọi người dân} GUIDING {Đang dẫn đường} TRAVELLING {Đang di chuyển} ARRIVED {Đã đến nơi} RETURNING {Đang quay về} RECALLED {Đang được gọi về} DOCKING {Đang vào trạm sạc} CHARGING {Đang sạc} UNDOCKING {Đang rời trạm sạc} PAUSED {Tạm dừng} ESTOP {Dừng khẩn cấp} other {Gặp sự cố}}',
    en: '{state, select, IDLE {Free} FETCHING {Fetching a citizen} CALLING {Calling a citizen} GUIDING {Guiding} TRAVELLING {Travelling} ARRIVED {Arrived} RETURNING {Going back} RECALLED {Called back} DOCKING {Docking} CHARGING {Charging} UNDOCKING {Leaving the dock} PAUSED {Paused} ESTOP {Emergency stop} other {Fault}}',
    hi: '{state, select, IDLE {खाली} FETCHING {नागरिक को लेने जा रहा है} CALLING {नागरिक को बुला रहा है} GUIDING {रास्ता दिखा रहा है} TRAVELLING {जा रहा है} ARRIVED {पहुँच गया} RETURNING {वापस जा रहा है} RECALLED {वापस बुलाया गया} DOCKING {डॉक पर जा रहा है} CHARGING {चार्ज हो रहा है} UNDOCKING {डॉक से निकल रहा है} PAUSED {रुका हुआ} ESTOP {आपातकालीन रोक} other {खराबी}}',
    ur: '{state, select, IDLE {فارغ} FETCHING {شہری کو لینے جا رہا ہے} CALLING {شہری کو بلا رہا ہے} GUIDING {راستہ دکھا رہا ہے} TRAVELLING {جا رہا ہے} ARRIVED {پہنچ گیا} RETURNING {واپس جا رہا ہے} RECALLED {واپس بلایا گیا} DOCKING {ڈاک پر جا رہا ہے} CHARGING {چارج ہو رہا ہے} UNDOCKING {ڈاک سے نکل رہا ہے} PAUSED {رکا ہوا} ESTOP {ہنگامی روک} other {خرابی}}',
  },
  /** Where one mission is (MissionState). */
  mission_state: {
    vi: '{state, select, queued {Đang chờ đến lượt} fetching {Đang đi đón} calling {Đang gọi người dân} guiding {Đang dẫn đường} travelling {Đang di chuyển} arrived {Đã đến nơi} returning {Đang quay về} docking {Đang vào trạm sạc} undocking {Đang rời trạm sạc} paused {Tạm dừng} completed {Hoàn thành} failed {Không thành công} other {Đã hủy}}',
    en: '{state, select, queued {Waiting its turn} fetching {Fetching} calling {Calling the citizen} guiding {Guiding} travelling {Travelling} arrived {Arrived} returning {Going back} docking {Docking} undocking {Leaving the dock} paused {Paused} completed {Completed} failed {Failed} other {Cancelled}}',
    hi: '{state, select, queued {बारी की प्रतीक्षा} fetching {लेने जा रहा है} calling {नागरिक को बुला रहा है} guiding {रास्ता दिखा रहा है} travelling {जा रहा है} arrived {पहुँच गया} returning {वापस जा रहा है} docking {डॉक पर जा रहा है} undocking {डॉक से निकल रहा है} paused {रुका हुआ} completed {पूरा हुआ} failed {नहीं हो सका} other {रद्द}}',
    ur: '{state, select, queued {باری کا انتظار} fetching {لینے جا رہا ہے} calling {شہری کو بلا رہا ہے} guiding {راستہ دکھا رہا ہے} travelling {جا رہا ہے} arrived {پہنچ گیا} returning {واپس جا رہا ہے} docking {ڈاک پر جا رہا ہے} undocking {ڈاک سے نکل رہا ہے} paused {رکا ہوا} completed {مکمل} failed {نہیں ہو سکا} other {منسوخ}}',
  },
  /** What kind of trip (MissionKind). */
  mission_kind: {
    vi: '{kind, select, guide {Dẫn đường} escort {Đón người được gọi} send {Nhân viên gửi đi} recall {Gọi về} dock {Về trạm sạc} other {Rời trạm sạc}}',
    en: '{kind, select, guide {Guidance} escort {Fetching a called citizen} send {Sent by staff} recall {Called back} dock {To the charger} other {Off the charger}}',
    hi: '{kind, select, guide {रास्ता दिखाना} escort {बुलाए गए नागरिक को लाना} send {कर्मचारी ने भेजा} recall {वापस बुलाया} dock {चार्जर पर} other {चार्जर से हटना}}',
    ur: '{kind, select, guide {راستہ دکھانا} escort {بلائے گئے شہری کو لانا} send {عملے نے بھیجا} recall {واپس بلایا} dock {چارجر پر} other {چارجر سے ہٹنا}}',
  },
  /** Why a mission ended other than planned (MissionReason), in plain words. */
  reason: {
    vi: '{reason, select, blocked {đường bị chặn quá lâu} stuck {robot bị kẹt, không đi tiếp được} unreachable {không có đường tới nơi đó} link_lost {mất kết nối với robot} estop {robot bị dừng khẩn cấp} motor_fault {động cơ robot bị lỗi} base_restarted {robot tự khởi động lại} battery_low {pin yếu, robot về sạc} preempted {nhân viên đã giao việc khác cho robot} cancelled {đã bị hủy} interrupted {máy chủ khởi động lại giữa chừng} escort_unclaimed {người dân không đến gặp robot} dock_failed {không vào được trạm sạc} base_rejected {robot không nhận lệnh di chuyển} arrival_missed {dừng lệch khỏi vị trí cần đến} other {phiếu đã được xử lý trước khi robot đón}}',
    en: '{reason, select, blocked {the way was blocked for too long} stuck {the robot got stuck and could not move on} unreachable {there is no way to that place} link_lost {the connection to the robot was lost} estop {the emergency stop was pressed} motor_fault {a motor of the robot failed} base_restarted {the robot restarted by itself} battery_low {the battery is low, the robot went to charge} preempted {staff gave the robot another task} cancelled {it was cancelled} interrupted {the server restarted during the trip} escort_unclaimed {the citizen did not come to the robot} dock_failed {the robot could not get onto the charger} base_rejected {the robot refused the move} arrival_missed {the robot stopped off its spot} other {the ticket was dealt with before the robot came}}',
    hi: '{reason, select, blocked {रास्ता बहुत देर तक बंद रहा} stuck {रोबोट फँस गया और आगे नहीं बढ़ सका} unreachable {उस जगह तक कोई रास्ता नहीं है} link_lost {रोबोट से संपर्क टूट गया} estop {आपातकालीन रोक दबाई गई} motor_fault {रोबोट की मोटर खराब हो गई} base_restarted {रोबोट अपने आप फिर से चालू हुआ} battery_low {बैटरी कम है, रोबोट चार्ज होने गया} preempted {कर्मचारी ने रोबोट को दूसरा काम दिया} cancelled {रद्द कर दिया गया} interrupted {यात्रा के बीच सर्वर फिर से चालू हुआ} escort_unclaimed {नागरिक रोबोट के पास नहीं आए} dock_failed {रोबोट चार्जर पर नहीं चढ़ सका} base_rejected {रोबोट ने चलने का आदेश नहीं माना} arrival_missed {रोबोट अपनी जगह से हटकर रुका} other {रोबोट के आने से पहले टिकट का काम हो गया}}',
    ur: '{reason, select, blocked {راستہ بہت دیر تک بند رہا} stuck {روبوٹ پھنس گیا اور آگے نہیں بڑھ سکا} unreachable {اس جگہ تک کوئی راستہ نہیں} link_lost {روبوٹ سے رابطہ ٹوٹ گیا} estop {ہنگامی روک دبائی گئی} motor_fault {روبوٹ کی موٹر خراب ہو گئی} base_restarted {روبوٹ خود بخود دوبارہ چالو ہوا} battery_low {بیٹری کم ہے، روبوٹ چارج ہونے گیا} preempted {عملے نے روبوٹ کو دوسرا کام دیا} cancelled {منسوخ کر دیا گیا} interrupted {سفر کے دوران سرور دوبارہ چالو ہوا} escort_unclaimed {شہری روبوٹ کے پاس نہیں آئے} dock_failed {روبوٹ چارجر پر نہیں چڑھ سکا} base_rejected {روبوٹ نے چلنے کا حکم نہیں مانا} arrival_missed {روبوٹ اپنی جگہ سے ہٹ کر رکا} other {روبوٹ کے آنے سے پہلے ٹکٹ کا کام ہو گیا}}',
  },
  /** A mission in one line: `kind` (words), `place` (its name). */
  mission_to: {
    vi: '{kind} → {place}',
    en: '{kind} → {place}',
    hi: '{kind} → {place}',
    ur: '{kind} ← {place}',
  },
  current_mission: {
    vi: 'Nhiệm vụ hiện tại',
    en: 'Current mission',
    hi: 'मौजूदा काम',
    ur: 'موجودہ کام',
  },
  no_mission: {
    vi: 'Robot không có nhiệm vụ nào.',
    en: 'The robot has no mission.',
    hi: 'रोबोट के पास अभी कोई काम नहीं है।',
    ur: 'روبوٹ کے پاس ابھی کوئی کام نہیں۔',
  },
  /** `metres`: left along the route; `seconds`: estimated time left. */
  progress: {
    vi: 'còn {metres, number, ::.0} m · khoảng {seconds, number} giây',
    en: '{metres, number, ::.0} m to go · about {seconds, number} s',
    hi: '{metres, number, ::.0} मी बाकी · लगभग {seconds, number} सेकंड',
    ur: '{metres, number, ::.0} میٹر باقی · تقریباً {seconds, number} سیکنڈ',
  },
  needs_staff: {
    vi: 'Robot đang chờ nhân viên ({reason}). Robot sẽ không tự đi: hãy gọi về, gửi đi hoặc cho về trạm sạc.',
    en: 'The robot is waiting for staff ({reason}). It will not move by itself: call it back, send it or dock it.',
    hi: 'रोबोट कर्मचारी की प्रतीक्षा में है ({reason})। वह अपने आप नहीं चलेगा: उसे वापस बुलाएँ, भेजें या डॉक पर भेजें।',
    ur: 'روبوٹ عملے کے انتظار میں ہے ({reason})۔ وہ خود نہیں چلے گا: اسے واپس بلائیں، بھیجیں یا ڈاک پر بھیجیں۔',
  },
  queue_title: {
    vi: 'Đang chờ robot',
    en: 'Waiting for the robot',
    hi: 'रोबोट की प्रतीक्षा',
    ur: 'روبوٹ کا انتظار',
  },
  queue_empty: {
    vi: 'Không có yêu cầu nào đang chờ.',
    en: 'No requests are waiting.',
    hi: 'कोई अनुरोध प्रतीक्षा में नहीं है।',
    ur: 'کوئی درخواست انتظار میں نہیں۔',
  },
  /** `seconds`: estimated wait before the robot starts it. */
  queue_wait: {
    vi: 'bắt đầu sau khoảng {seconds, number} giây',
    en: 'starts in about {seconds, number} s',
    hi: 'लगभग {seconds, number} सेकंड में शुरू',
    ur: 'تقریباً {seconds, number} سیکنڈ میں شروع',
  },
  robot_title: { vi: 'Robot', en: 'Robot', hi: 'रोबोट', ur: 'روبوٹ' },
  activity_label: { vi: 'Đang làm', en: 'Doing', hi: 'कर रहा है', ur: 'کر رہا ہے' },
  heading_value: {
    vi: 'hướng {degrees, number, ::0}°',
    en: 'heading {degrees, number, ::0}°',
    hi: 'दिशा {degrees, number, ::0}°',
    ur: 'سمت {degrees, number, ::0}°',
  },
  battery_low: {
    vi: 'Pin yếu: robot không nhận dẫn đường mới và sẽ về trạm sạc.',
    en: 'Battery low: the robot takes no new guidance and goes to charge.',
    hi: 'बैटरी कम: रोबोट नया काम नहीं लेगा और चार्ज होने जाएगा।',
    ur: 'بیٹری کم: روبوٹ نیا کام نہیں لے گا اور چارج ہونے جائے گا۔',
  },
  recall: { vi: 'Gọi robot về', en: 'Call back', hi: 'वापस बुलाएँ', ur: 'واپس بلائیں' },
  pause: { vi: 'Tạm dừng', en: 'Pause', hi: 'रोकें', ur: 'روکیں' },
  resume: { vi: 'Đi tiếp', en: 'Resume', hi: 'फिर चलाएँ', ur: 'پھر چلائیں' },
  dock: { vi: 'Về trạm sạc', en: 'Dock', hi: 'डॉक पर भेजें', ur: 'ڈاک پر بھیجیں' },
  undock: { vi: 'Rời trạm sạc', en: 'Undock', hi: 'डॉक से हटाएँ', ur: 'ڈاک سے ہٹائیں' },
  cancel_mission: { vi: 'Hủy nhiệm vụ', en: 'Cancel mission', hi: 'काम रद्द करें', ur: 'کام منسوخ کریں' },
  anchor: {
    vi: 'Robot đang ở đây…',
    en: 'The robot is here…',
    hi: 'रोबोट यहाँ है…',
    ur: 'روبوٹ یہاں ہے…',
  },
  anchor_hint: {
    vi: 'Chạm vào địa điểm hoặc chỗ trên bản đồ nơi robot đang đứng.',
    en: 'Tap the place, or the spot on the map, where the robot stands now.',
    hi: 'वह जगह या नक्शे पर वह बिंदु छुएँ जहाँ रोबोट अभी खड़ा है।',
    ur: 'وہ جگہ یا نقشے پر وہ مقام چھوئیں جہاں روبوٹ ابھی کھڑا ہے۔',
  },
  send_hint: {
    vi: 'Chạm vào một địa điểm trên bản đồ để gửi robot tới đó.',
    en: 'Tap a place on the map to send the robot there.',
    hi: 'रोबोट को भेजने के लिए नक्शे पर किसी जगह को छुएँ।',
    ur: 'روبوٹ کو بھیجنے کے لیے نقشے پر کسی جگہ کو چھوئیں۔',
  },
  send_question: {
    vi: 'Gửi robot tới {place}?',
    en: 'Send the robot to {place}?',
    hi: 'रोबोट को {place} भेजें?',
    ur: 'روبوٹ کو {place} بھیجیں؟',
  },
  send_yes: { vi: 'Gửi đi', en: 'Send', hi: 'भेजें', ur: 'بھیجیں' },
  anchor_question: {
    vi: 'Robot đang đứng tại {place}?',
    en: 'Is the robot standing at {place}?',
    hi: 'क्या रोबोट {place} पर खड़ा है?',
    ur: 'کیا روبوٹ {place} پر کھڑا ہے؟',
  },
  anchor_point: {
    vi: 'điểm đã chạm (x {x, number, ::.0} m, y {y, number, ::.0} m)',
    en: 'the spot tapped (x {x, number, ::.0} m, y {y, number, ::.0} m)',
    hi: 'छुआ गया बिंदु (x {x, number, ::.0} मी, y {y, number, ::.0} मी)',
    ur: 'چھوا گیا مقام (x {x, number, ::.0} میٹر، y {y, number, ::.0} میٹر)',
  },
  anchor_yes: { vi: 'Đúng, robot ở đây', en: 'Yes, it is here', hi: 'हाँ, यहीं है', ur: 'جی ہاں، یہیں ہے' },
  /** The outcome of a console command. */
  command_result: {
    vi: '{command, select, send {Gửi robot} recall {Gọi về} pause {Tạm dừng} resume {Đi tiếp} dock {Về trạm sạc} undock {Rời trạm sạc} cancel {Hủy nhiệm vụ} anchor {Định vị robot} estop {Dừng khẩn cấp} other {Bỏ dừng khẩn cấp}}: {ok, select, yes {đã xong} other {không thành công}}',
    en: '{command, select, send {Send} recall {Call back} pause {Pause} resume {Resume} dock {Dock} undock {Undock} cancel {Cancel mission} anchor {Place the robot} estop {Emergency stop} other {E-stop reset}}: {ok, select, yes {done} other {failed}}',
    hi: '{command, select, send {भेजना} recall {वापस बुलाना} pause {रोकना} resume {फिर चलाना} dock {डॉक पर भेजना} undock {डॉक से हटाना} cancel {काम रद्द करना} anchor {रोबोट की जगह तय करना} estop {आपातकालीन रोक} other {आपातकालीन रोक हटाना}}: {ok, select, yes {हो गया} other {नहीं हो सका}}',
    ur: '{command, select, send {بھیجنا} recall {واپس بلانا} pause {روکنا} resume {پھر چلانا} dock {ڈاک پر بھیجنا} undock {ڈاک سے ہٹانا} cancel {کام منسوخ کرنا} anchor {روبوٹ کی جگہ طے کرنا} estop {ہنگامی روک} other {ہنگامی روک ہٹانا}}: {ok, select, yes {ہو گیا} other {نہیں ہو سکا}}',
  },
});
