import { defineMessages } from './define.ts';

/**
 * Dossier status by receipt code (`dossier:status`): status and step names in plain words for older
 * citizens, the dates, the late warning, where to collect, and the error messages the kiosk shows for each
 * error code (INVALID_PAYLOAD, NOT_FOUND, UNAVAILABLE, RATE_LIMITED). Keys mirror the protocol's names:
 * `status_<DossierStatusName>`, `next_<DossierStatusName>`, `step_<DossierStep>`.
 */
const dossierMessages = defineMessages('dossier', {
  title: {
    vi: 'Tra cứu hồ sơ',
    en: 'Check your dossier',
    hi: 'अपने आवेदन की स्थिति देखें',
    ur: 'اپنی درخواست کی صورتحال دیکھیں',
  },
  enter_code: {
    vi: 'Nhập mã hồ sơ in trên giấy biên nhận',
    en: 'Type the code printed on your receipt',
    hi: 'अपनी रसीद पर छपा कोड लिखें',
    ur: 'اپنی رسید پر چھپا ہوا کوڈ لکھیں',
  },
  code_example: {
    vi: 'Mã có dạng: {example}',
    en: 'The code looks like this: {example}',
    hi: 'कोड ऐसा दिखता है: {example}',
    ur: 'کوڈ اس طرح کا ہوتا ہے: {example}',
  },
  scan_qr: {
    vi: 'Hoặc đưa mã QR trên giấy biên nhận vào trước camera',
    en: 'Or hold the QR code on your receipt up to the camera',
    hi: 'या अपनी रसीद का QR कोड कैमरे के सामने रखें',
    ur: 'یا اپنی رسید کا QR کوڈ کیمرے کے سامنے رکھیں',
  },
  look_up: { vi: 'Tra cứu', en: 'Check', hi: 'देखें', ur: 'دیکھیں' },
  checking: {
    vi: 'Đang tra cứu, xin chờ một chút…',
    en: 'Checking, please wait…',
    hi: 'देख रहे हैं, कृपया थोड़ा रुकें…',
    ur: 'دیکھ رہے ہیں، براہ کرم تھوڑا انتظار کریں…',
  },

  status_received: { vi: 'Đã nhận hồ sơ', en: 'Received', hi: 'आवेदन मिल गया', ur: 'درخواست مل گئی' },
  status_in_progress: { vi: 'Đang giải quyết', en: 'Being worked on', hi: 'काम चल रहा है', ur: 'کام جاری ہے' },
  status_needs_more_documents: {
    vi: 'Cần bổ sung giấy tờ',
    en: 'More papers needed',
    hi: 'और काग़ज़ चाहिए',
    ur: 'مزید کاغذات درکار ہیں',
  },
  status_needs_payment: {
    vi: 'Chờ nộp tiền thuế, phí',
    en: 'Waiting for your payment',
    hi: 'आपके भुगतान की प्रतीक्षा',
    ur: 'آپ کی ادائیگی کا انتظار',
  },
  status_ready: { vi: 'Đã có kết quả', en: 'Ready to collect', hi: 'परिणाम तैयार है', ur: 'نتیجہ تیار ہے' },
  status_collected: {
    vi: 'Đã trả kết quả',
    en: 'Collected',
    hi: 'परिणाम दे दिया गया',
    ur: 'نتیجہ دے دیا گیا',
  },
  status_refused: {
    vi: 'Không được giải quyết',
    en: 'Not approved',
    hi: 'स्वीकृत नहीं हुआ',
    ur: 'منظور نہیں ہوا',
  },

  next_received: {
    vi: 'Hồ sơ đã được nhận và sẽ sớm được xử lý. Bạn chưa cần làm gì thêm.',
    en: 'Your dossier has been received and will be worked on soon. You do not need to do anything yet.',
    hi: 'आपका आवेदन मिल गया है और जल्द ही उस पर काम शुरू होगा। अभी आपको कुछ नहीं करना है।',
    ur: 'آپ کی درخواست مل گئی ہے اور جلد اس پر کام شروع ہوگا۔ ابھی آپ کو کچھ نہیں کرنا۔',
  },
  next_in_progress: {
    vi: 'Cán bộ đang giải quyết hồ sơ. Bạn chưa cần làm gì thêm.',
    en: 'An officer is working on it. You do not need to do anything yet.',
    hi: 'एक अधिकारी इस पर काम कर रहा है। अभी आपको कुछ नहीं करना है।',
    ur: 'ایک افسر اس پر کام کر رہا ہے۔ ابھی آپ کو کچھ نہیں کرنا۔',
  },
  next_needs_more_documents: {
    vi: 'Hồ sơ còn thiếu giấy tờ. Xin mời đến quầy để biết cần nộp thêm những gì.',
    en: 'Some papers are missing. Please go to the counter to find out which ones.',
    hi: 'कुछ काग़ज़ कम हैं। कौन-से चाहिए, यह जानने के लिए कृपया काउंटर पर जाएँ।',
    ur: 'کچھ کاغذات کم ہیں۔ کون سے چاہئیں، یہ جاننے کے لیے براہ کرم کاؤنٹر پر جائیں۔',
  },
  next_needs_payment: {
    vi: 'Xin nộp tiền thuế, phí theo thông báo đã nhận. Sau khi nộp, hồ sơ sẽ được giải quyết tiếp.',
    en: 'Please pay the taxes or charges on the notice you received. After that, the work goes on.',
    hi: 'कृपया मिली हुई सूचना के अनुसार कर या शुल्क जमा करें। उसके बाद काम आगे बढ़ेगा।',
    ur: 'براہ کرم موصول نوٹس کے مطابق ٹیکس یا فیس جمع کرائیں۔ اس کے بعد کام آگے بڑھے گا۔',
  },
  next_ready: {
    vi: 'Kết quả đã sẵn sàng. Xin mời đến nhận, nhớ mang theo giấy biên nhận và căn cước.',
    en: 'Your result is ready. Please come to collect it, and bring your receipt and ID card.',
    hi: 'आपका परिणाम तैयार है। कृपया इसे लेने आएँ और अपनी रसीद व पहचान पत्र साथ लाएँ।',
    ur: 'آپ کا نتیجہ تیار ہے۔ براہ کرم اسے لینے آئیں اور اپنی رسید اور شناختی کارڈ ساتھ لائیں۔',
  },
  next_collected: {
    vi: 'Kết quả đã được trả. Hồ sơ đã xong.',
    en: 'The result has been handed over. This dossier is finished.',
    hi: 'परिणाम दे दिया गया है। यह आवेदन पूरा हो गया है।',
    ur: 'نتیجہ دے دیا گیا ہے۔ یہ درخواست مکمل ہو گئی ہے۔',
  },
  next_refused: {
    vi: 'Hồ sơ không được giải quyết. Xin mời đến quầy để nhận văn bản nêu rõ lý do.',
    en: 'Your request was not approved. Please go to the counter for the letter that explains why.',
    hi: 'आपका आवेदन स्वीकृत नहीं हुआ। कारण बताने वाला पत्र लेने के लिए कृपया काउंटर पर जाएँ।',
    ur: 'آپ کی درخواست منظور نہیں ہوئی۔ وجہ بتانے والا خط لینے کے لیے براہ کرم کاؤنٹر پر جائیں۔',
  },

  steps_title: {
    vi: 'Các bước đã làm',
    en: 'What has been done',
    hi: 'अब तक क्या हुआ',
    ur: 'اب تک کیا ہوا',
  },
  step_received: {
    vi: 'Nhận hồ sơ',
    en: 'Dossier received',
    hi: 'आवेदन प्राप्त हुआ',
    ur: 'درخواست موصول ہوئی',
  },
  step_forwarded: {
    vi: 'Chuyển cán bộ giải quyết',
    en: 'Passed to the officer in charge',
    hi: 'संबंधित अधिकारी को भेजा गया',
    ur: 'متعلقہ افسر کو بھیجی گئی',
  },
  step_reviewed: {
    vi: 'Kiểm tra hồ sơ',
    en: 'Papers checked',
    hi: 'काग़ज़ों की जाँच हुई',
    ur: 'کاغذات کی جانچ ہوئی',
  },
  step_more_documents_requested: {
    vi: 'Yêu cầu bổ sung giấy tờ',
    en: 'More papers asked for',
    hi: 'और काग़ज़ माँगे गए',
    ur: 'مزید کاغذات مانگے گئے',
  },
  step_more_documents_received: {
    vi: 'Nhận giấy tờ bổ sung',
    en: 'Extra papers received',
    hi: 'अतिरिक्त काग़ज़ मिल गए',
    ur: 'اضافی کاغذات مل گئے',
  },
  step_payment_requested: {
    vi: 'Thông báo nộp thuế, phí',
    en: 'Payment asked for',
    hi: 'भुगतान की सूचना दी गई',
    ur: 'ادائیگی کا نوٹس دیا گیا',
  },
  step_payment_received: {
    vi: 'Đã nộp thuế, phí',
    en: 'Payment received',
    hi: 'भुगतान मिल गया',
    ur: 'ادائیگی مل گئی',
  },
  step_approved: {
    vi: 'Lãnh đạo ký duyệt',
    en: 'Signed and approved',
    hi: 'हस्ताक्षर और स्वीकृति हुई',
    ur: 'دستخط اور منظوری ہو گئی',
  },
  step_result_ready: { vi: 'Có kết quả', en: 'Result ready', hi: 'परिणाम तैयार', ur: 'نتیجہ تیار' },
  step_rescheduled: {
    vi: 'Gửi thư xin lỗi, hẹn lại ngày trả',
    en: 'Apology letter sent with a new date',
    hi: 'क्षमा-पत्र और नई तारीख़ भेजी गई',
    ur: 'معذرت نامہ اور نئی تاریخ بھیجی گئی',
  },
  step_collected: {
    vi: 'Trả kết quả',
    en: 'Result handed over',
    hi: 'परिणाम दे दिया गया',
    ur: 'نتیجہ دے دیا گیا',
  },
  step_refused: {
    vi: 'Từ chối giải quyết',
    en: 'Request refused',
    hi: 'आवेदन अस्वीकार हुआ',
    ur: 'درخواست مسترد ہوئی',
  },

  procedure_named: {
    vi: 'Thủ tục: {name}',
    en: 'Procedure: {name}',
    hi: 'प्रक्रिया: {name}',
    ur: 'طریقۂ کار: {name}',
  },
  received_on: {
    vi: 'Ngày nhận: {date}',
    en: 'Received on {date}',
    hi: 'प्राप्ति की तारीख़: {date}',
    ur: 'وصولی کی تاریخ: {date}',
  },
  expected_on: {
    vi: 'Ngày hẹn trả kết quả: {date}',
    en: 'Result expected on {date}',
    hi: 'परिणाम की अपेक्षित तारीख़: {date}',
    ur: 'نتیجے کی متوقع تاریخ: {date}',
  },
  new_date: {
    vi: 'Ngày hẹn mới: {date} (hẹn lần đầu: {original})',
    en: 'New date: {date} (first promised for {original})',
    hi: 'नई तारीख़: {date} (पहले {original} की तारीख़ दी गई थी)',
    ur: 'نئی تاریخ: {date} (پہلے {original} کی تاریخ دی گئی تھی)',
  },
  late_warning: {
    vi: '{days, plural, other {Hồ sơ đã trễ hẹn # ngày.}} Chúng tôi xin lỗi vì sự chậm trễ; bạn có thể hỏi tại quầy.',
    en: '{days, plural, one {This dossier is # day late.} other {This dossier is # days late.}} We are sorry for the delay; you can ask at the counter.',
    hi: '{days, plural, one {यह आवेदन # दिन देर से है।} other {यह आवेदन # दिन देर से है।}} देरी के लिए हमें खेद है; आप काउंटर पर पूछ सकते हैं।',
    ur: '{days, plural, one {یہ درخواست # دن تاخیر سے ہے۔} other {یہ درخواست # دن تاخیر سے ہے۔}} تاخیر کے لیے ہم معذرت خواہ ہیں؛ آپ کاؤنٹر پر پوچھ سکتے ہیں۔',
  },
  collect_at_counter: {
    vi: 'Nhận kết quả tại: {counters}',
    en: 'Collect it at: {counters}',
    hi: 'परिणाम यहाँ से लें: {counters}',
    ur: 'نتیجہ یہاں سے لیں: {counters}',
  },
  collect_by_post: {
    vi: 'Kết quả được gửi qua bưu điện đến địa chỉ bạn đã đăng ký.',
    en: 'The result is sent by post to the address you gave.',
    hi: 'परिणाम आपके दिए पते पर डाक से भेजा जाता है।',
    ur: 'نتیجہ آپ کے دیے ہوئے پتے پر ڈاک سے بھیجا جاتا ہے۔',
  },
  collect_online: {
    vi: 'Kết quả được gửi trực tuyến (thư điện tử hoặc Cổng dịch vụ công).',
    en: 'The result is sent online (by e-mail or on the public service portal).',
    hi: 'परिणाम ऑनलाइन भेजा जाता है (ई-मेल या सरकारी सेवा पोर्टल पर)।',
    ur: 'نتیجہ آن لائن بھیجا جاتا ہے (ای میل یا سرکاری خدمات پورٹل پر)۔',
  },
  checked_at: {
    vi: 'Thông tin lúc {time}',
    en: 'Information as of {time}',
    hi: '{time} तक की जानकारी',
    ur: '{time} تک کی معلومات',
  },

  error_empty: {
    vi: 'Xin hãy nhập mã hồ sơ trên giấy biên nhận.',
    en: 'Please type the code from your receipt.',
    hi: 'कृपया अपनी रसीद का कोड लिखें।',
    ur: 'براہ کرم اپنی رسید کا کوڈ لکھیں۔',
  },
  error_invalid_code: {
    vi: 'Mã này chưa đúng. Xin kiểm tra lại mã trên giấy biên nhận.',
    en: 'This code is not right. Please check the code on your receipt.',
    hi: 'यह कोड सही नहीं है। कृपया अपनी रसीद पर कोड दोबारा देखें।',
    ur: 'یہ کوڈ درست نہیں ہے۔ براہ کرم اپنی رسید پر کوڈ دوبارہ دیکھیں۔',
  },
  error_not_found: {
    vi: 'Không tìm thấy hồ sơ có mã này. Xin kiểm tra lại mã, hoặc hỏi tại quầy.',
    en: 'No dossier has this code. Please check the code, or ask at a counter.',
    hi: 'इस कोड का कोई आवेदन नहीं मिला। कृपया कोड जाँचें या काउंटर पर पूछें।',
    ur: 'اس کوڈ کی کوئی درخواست نہیں ملی۔ براہ کرم کوڈ چیک کریں یا کاؤنٹر پر پوچھیں۔',
  },
  error_unavailable: {
    vi: 'Hệ thống tra cứu hồ sơ đang tạm ngưng. Xin thử lại sau ít phút, hoặc hỏi tại quầy.',
    en: 'The dossier system is not answering right now. Please try again in a few minutes, or ask at a counter.',
    hi: 'आवेदन प्रणाली अभी जवाब नहीं दे रही है। कृपया कुछ मिनट बाद फिर कोशिश करें या काउंटर पर पूछें।',
    ur: 'درخواستوں کا نظام اس وقت جواب نہیں دے رہا۔ براہ کرم چند منٹ بعد دوبارہ کوشش کریں یا کاؤنٹر پر پوچھیں۔',
  },
  error_rate_limited: {
    vi: 'Bạn đã tra cứu nhiều lần. Xin chờ một phút rồi thử lại.',
    en: 'Too many searches. Please wait a minute and try again.',
    hi: 'बहुत बार खोजा गया। कृपया एक मिनट रुककर फिर कोशिश करें।',
    ur: 'بہت زیادہ بار تلاش کیا گیا۔ براہ کرم ایک منٹ رک کر دوبارہ کوشش کریں۔',
  },
});

/**
 * Calling a staff member from a kiosk (`staff:call`): the reason buttons (`reason_<StaffCallReason>`),
 * what the kiosk says while waiting, when someone is coming, when nobody could; and the console's words.
 */
const staffCallMessages = defineMessages('staff_call', {
  button: {
    vi: 'Gọi cán bộ hỗ trợ',
    en: 'Call a staff member',
    hi: 'कर्मचारी को बुलाएँ',
    ur: 'عملے کے رکن کو بلائیں',
  },
  choose_reason: {
    vi: 'Bạn cần giúp gì?',
    en: 'What do you need help with?',
    hi: 'आपको किस चीज़ में मदद चाहिए?',
    ur: 'آپ کو کس چیز میں مدد چاہیے؟',
  },
  reason_general: { vi: 'Tôi cần được giúp đỡ', en: 'I need help', hi: 'मुझे मदद चाहिए', ur: 'مجھے مدد چاہیے' },
  reason_documents: {
    vi: 'Giúp tôi về giấy tờ, tờ khai',
    en: 'Help with my papers or forms',
    hi: 'काग़ज़ों या फ़ॉर्म में मदद',
    ur: 'کاغذات یا فارم میں مدد',
  },
  reason_mobility: {
    vi: 'Tôi đi lại khó khăn (xe lăn, không đứng lâu được)',
    en: 'I find it hard to move (wheelchair, cannot stand long)',
    hi: 'चलने-फिरने में मदद चाहिए (व्हीलचेयर, देर तक खड़े रहना कठिन)',
    ur: 'چلنے پھرنے میں مدد چاہیے (وہیل چیئر، دیر تک کھڑے رہنا مشکل)',
  },
  reason_language: {
    vi: 'Tôi cần người nói được ngôn ngữ của tôi',
    en: 'I need someone who speaks my language',
    hi: 'मुझे मेरी भाषा बोलने वाला व्यक्ति चाहिए',
    ur: 'مجھے میری زبان بولنے والا شخص چاہیے',
  },
  reason_complaint: {
    vi: 'Tôi muốn góp ý hoặc phản ánh',
    en: 'I want to give feedback or make a complaint',
    hi: 'सुझाव या शिकायत देनी है',
    ur: 'تجویز یا شکایت دینی ہے',
  },
  calling: {
    vi: 'Đã gọi cán bộ. Xin vui lòng chờ ở đây.',
    en: 'A staff member has been called. Please wait here.',
    hi: 'कर्मचारी को बुला लिया गया है। कृपया यहीं प्रतीक्षा करें।',
    ur: 'عملے کے رکن کو بلا لیا گیا ہے۔ براہ کرم یہیں انتظار کریں۔',
  },
  someone_coming: {
    vi: 'Đã có cán bộ đang đến giúp bạn.',
    en: 'Someone is coming to help you.',
    hi: 'कोई आपकी मदद के लिए आ रहा है।',
    ur: 'کوئی آپ کی مدد کے لیے آ رہا ہے۔',
  },
  someone_coming_named: {
    vi: '{name} đang đến giúp bạn.',
    en: '{name} is coming to help you.',
    hi: '{name} आपकी मदद के लिए आ रहे हैं।',
    ur: '{name} آپ کی مدد کے لیے آ رہے ہیں۔',
  },
  expired: {
    vi: 'Hiện chưa có cán bộ đến được. Xin mời đến bàn hướng dẫn hoặc bất kỳ quầy nào.',
    en: 'Nobody could come just now. Please go to the information desk or any counter.',
    hi: 'अभी कोई नहीं आ सका। कृपया सूचना डेस्क या किसी भी काउंटर पर जाएँ।',
    ur: 'ابھی کوئی نہیں آ سکا۔ براہ کرم معلومات ڈیسک یا کسی بھی کاؤنٹر پر جائیں۔',
  },
  cancel: {
    vi: 'Không cần nữa',
    en: 'I no longer need help',
    hi: 'अब मदद नहीं चाहिए',
    ur: 'اب مدد نہیں چاہیے',
  },
  cancelled: {
    vi: 'Đã hủy yêu cầu gọi cán bộ.',
    en: 'Your call has been cancelled.',
    hi: 'आपका बुलावा रद्द कर दिया गया है।',
    ur: 'آپ کی درخواست منسوخ کر دی گئی ہے۔',
  },
  rate_limited: {
    vi: 'Đã gọi cán bộ nhiều lần từ máy này. Xin chờ một lát, hoặc đến bàn hướng dẫn.',
    en: 'Staff have been called from here many times. Please wait a little, or go to the information desk.',
    hi: 'यहाँ से कई बार कर्मचारी बुलाए जा चुके हैं। कृपया थोड़ा रुकें या सूचना डेस्क पर जाएँ।',
    ur: 'یہاں سے کئی بار عملے کو بلایا جا چکا ہے۔ براہ کرم تھوڑا انتظار کریں یا معلومات ڈیسک پر جائیں۔',
  },
  unavailable: {
    vi: 'Hiện không gọi được cán bộ. Xin mời đến bất kỳ quầy nào.',
    en: 'Staff cannot be called just now. Please go to any counter.',
    hi: 'अभी कर्मचारी को नहीं बुलाया जा सकता। कृपया किसी भी काउंटर पर जाएँ।',
    ur: 'ابھی عملے کو نہیں بلایا جا سکتا۔ براہ کرم کسی بھی کاؤنٹر پر جائیں۔',
  },
  console_new: {
    vi: '{kiosk} đang gọi cán bộ',
    en: '{kiosk} is calling for staff',
    hi: '{kiosk} कर्मचारी को बुला रहा है',
    ur: '{kiosk} عملے کو بلا رہا ہے',
  },
  console_ack: { vi: 'Tôi sẽ đến', en: "I'll go", hi: 'ज़िम्मेदारी लें', ur: 'ذمہ داری لیں' },
  console_acknowledged_by: {
    vi: '{name} đang đến',
    en: '{name} is on the way',
    hi: '{name} जा रहे हैं',
    ur: '{name} جا رہے ہیں',
  },
  console_expired: {
    vi: 'Không ai nhận',
    en: 'Nobody answered',
    hi: 'किसी ने जवाब नहीं दिया',
    ur: 'کسی نے جواب نہیں دیا',
  },
  console_cancelled: {
    vi: 'Công dân đã hủy',
    en: 'Cancelled by the citizen',
    hi: 'नागरिक ने रद्द किया',
    ur: 'شہری نے منسوخ کیا',
  },
  console_language: {
    vi: 'Ngôn ngữ: {language}',
    en: 'Language: {language}',
    hi: 'भाषा: {language}',
    ur: 'زبان: {language}',
  },
});

export const dossier = { ...dossierMessages, ...staffCallMessages } as const;
