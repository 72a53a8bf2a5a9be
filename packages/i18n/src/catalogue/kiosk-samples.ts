import { defineMessages } from './define.ts';

/**
 * The kiosk's voice-samples mode (apps/kiosk `KIOSK_VOICE_SAMPLES_DIR`): the centre's IT person records
 * volunteers saying the wake phrases, and the lobby, for the wake word's calibration on site. Volunteers may
 * be any citizen: the consent is plain, the prompts are short, and every problem says what to do.
 * `phrase` / `phrases`: the wake phrases as they must be said, the same in every language.
 */
export const kioskSamples = defineMessages('kiosk', {
  samples_title: {
    vi: 'Thu mẫu giọng nói cho ki-ốt này',
    en: 'Voice samples for this kiosk',
    hi: 'इस कियॉस्क के लिए आवाज़ के नमूने',
    ur: 'اس کیوسک کے لیے آواز کے نمونے',
  },
  samples_intro: {
    vi: 'Ki-ốt đang thu mẫu giọng nói để nghe rõ hơn người dân ở trụ sở này. Trong chế độ này ki-ốt không phục vụ người dân.',
    en: 'This kiosk is recording voice samples so that it hears the people of this office better. It does not serve citizens in this mode.',
    hi: 'यह कियॉस्क आवाज़ के नमूने रिकॉर्ड कर रहा है ताकि वह इस कार्यालय के लोगों को बेहतर सुन सके। इस मोड में यह नागरिकों की सेवा नहीं करता।',
    ur: 'یہ کیوسک آواز کے نمونے ریکارڈ کر رہا ہے تاکہ وہ اس دفتر کے لوگوں کو بہتر سن سکے۔ اس موڈ میں یہ شہریوں کی خدمت نہیں کرتا۔',
  },
  samples_takes: {
    vi: '{phrase}: {count} bản ghi (cần ít nhất {min})',
    en: '{phrase}: {count, plural, one {# recording} other {# recordings}} (at least {min} needed)',
    hi: '{phrase}: {count} रिकॉर्डिंग (कम से कम {min} चाहिए)',
    ur: '{phrase}: {count} ریکارڈنگ (کم از کم {min} درکار)',
  },
  samples_volunteers: {
    vi: '{count} người tình nguyện',
    en: '{count, plural, one {# volunteer} other {# volunteers}}',
    hi: '{count} स्वयंसेवक',
    ur: '{count} رضاکار',
  },
  samples_lobby_progress: {
    vi: 'Âm thanh sảnh: {minutes} phút (cần ít nhất {needed} phút)',
    en: 'Lobby: {minutes, plural, one {# minute} other {# minutes}} (at least {needed} needed)',
    hi: 'लॉबी की आवाज़: {minutes} मिनट (कम से कम {needed} मिनट चाहिए)',
    ur: 'لابی کی آواز: {minutes} منٹ (کم از کم {needed} منٹ درکار)',
  },
  samples_enough: {
    vi: 'Đã đủ để hiệu chỉnh. Chạy lệnh này trên ki-ốt:',
    en: 'Enough for the calibration. Run this command on the kiosk:',
    hi: 'कैलिब्रेशन के लिए पर्याप्त है। कियॉस्क पर यह कमांड चलाएँ:',
    ur: 'کیلیبریشن کے لیے کافی ہے۔ کیوسک پر یہ کمانڈ چلائیں:',
  },
  samples_not_enough: {
    vi: 'Chưa đủ để hiệu chỉnh. Khi đủ, chạy lệnh này trên ki-ốt:',
    en: 'Not yet enough for the calibration. When there is, run this command on the kiosk:',
    hi: 'कैलिब्रेशन के लिए अभी पर्याप्त नहीं है। पर्याप्त होने पर कियॉस्क पर यह कमांड चलाएँ:',
    ur: 'کیلیبریشن کے لیے ابھی کافی نہیں۔ کافی ہونے پر کیوسک پر یہ کمانڈ چلائیں:',
  },
  /** Under the calibration command. `setting`: the line to add; `off`: the setting to remove (names, as is). */
  samples_then: {
    vi: 'Sau đó, trong cấu hình ki-ốt, thêm {setting}, bỏ {off} và khởi động lại ki-ốt.',
    en: "Then, in the kiosk's settings, add {setting}, remove {off}, and restart the kiosk.",
    hi: 'फिर कियॉस्क की सेटिंग में {setting} जोड़ें, {off} हटाएँ और कियॉस्क को फिर से चालू करें।',
    ur: 'پھر کیوسک کی سیٹنگز میں {setting} شامل کریں، {off} ہٹائیں اور کیوسک کو دوبارہ چالو کریں۔',
  },
  samples_new_volunteer: {
    vi: 'Thu giọng một người tình nguyện',
    en: 'Record a volunteer',
    hi: 'एक स्वयंसेवक की आवाज़ रिकॉर्ड करें',
    ur: 'ایک رضاکار کی آواز ریکارڈ کریں',
  },
  samples_record_lobby: {
    vi: 'Thu âm thanh sảnh',
    en: 'Record the lobby',
    hi: 'लॉबी की आवाज़ रिकॉर्ड करें',
    ur: 'لابی کی آواز ریکارڈ کریں',
  },
  samples_consent_title: {
    vi: 'Chúng tôi có thể ghi âm giọng nói của bạn không?',
    en: 'May we record your voice?',
    hi: 'क्या हम आपकी आवाज़ रिकॉर्ड कर सकते हैं?',
    ur: 'کیا ہم آپ کی آواز ریکارڈ کر سکتے ہیں؟',
  },
  samples_consent_body: {
    vi: 'Chúng tôi muốn ghi âm bạn nói {phrases}, mỗi câu {takes} lần. Bản ghi chỉ lưu trên ki-ốt này, chỉ dùng để ki-ốt nghe rõ hơn người dân ở trụ sở này, và sẽ bị xóa khi xong việc. Tên của bạn không được ghi lại. Bạn có thể dừng bất cứ lúc nào và xóa bản ghi của mình.',
    en: 'We would like to record you saying {phrases}, {takes} times each. The recordings stay on this kiosk, are used only to help it hear the people of this office, and are deleted when that is done. Your name is not recorded. You can stop at any time and delete your recordings.',
    hi: 'हम आपको {phrases} बोलते हुए रिकॉर्ड करना चाहते हैं, हर एक {takes} बार। रिकॉर्डिंग केवल इसी कियॉस्क पर रहेंगी, केवल इस कार्यालय के लोगों को बेहतर सुनने में इसकी मदद के लिए इस्तेमाल होंगी, और काम पूरा होने पर हटा दी जाएँगी। आपका नाम दर्ज नहीं किया जाता। आप कभी भी रुक सकते हैं और अपनी रिकॉर्डिंग हटा सकते हैं।',
    ur: 'ہم آپ کو {phrases} بولتے ہوئے ریکارڈ کرنا چاہتے ہیں، ہر ایک {takes} بار۔ ریکارڈنگ صرف اسی کیوسک پر رہیں گی، صرف اس دفتر کے لوگوں کو بہتر سننے میں اس کی مدد کے لیے استعمال ہوں گی، اور کام مکمل ہونے پر حذف کر دی جائیں گی۔ آپ کا نام درج نہیں کیا جاتا۔ آپ کسی بھی وقت رک سکتے ہیں اور اپنی ریکارڈنگ حذف کر سکتے ہیں۔',
  },
  samples_agree: {
    vi: 'Tôi đồng ý, bắt đầu',
    en: 'I agree, start',
    hi: 'मैं सहमत हूँ, शुरू करें',
    ur: 'میں متفق ہوں، شروع کریں',
  },
  samples_decline: {
    vi: 'Không, cảm ơn',
    en: 'No, thank you',
    hi: 'नहीं, धन्यवाद',
    ur: 'نہیں، شکریہ',
  },
  /** Above the phrase to say, shown large on its own line. */
  samples_say: {
    vi: 'Hãy nói:',
    en: 'Say:',
    hi: 'बोलिए:',
    ur: 'بولیے:',
  },
  samples_get_ready: {
    vi: 'Chuẩn bị…',
    en: 'Get ready…',
    hi: 'तैयार हो जाइए…',
    ur: 'تیار ہو جائیے…',
  },
  samples_speak_now: {
    vi: 'Mời nói',
    en: 'Speak now',
    hi: 'अब बोलिए',
    ur: 'اب بولیے',
  },
  samples_take_count: {
    vi: 'Lần {n} trên {total}',
    en: 'Recording {n} of {total}',
    hi: '{total} में से रिकॉर्डिंग {n}',
    ur: '{total} میں سے ریکارڈنگ {n}',
  },
  samples_saved: {
    vi: 'Đã lưu. Cảm ơn bạn.',
    en: 'Saved. Thank you.',
    hi: 'सहेज लिया गया। धन्यवाद।',
    ur: 'محفوظ ہو گیا۔ شکریہ۔',
  },
  samples_problem_too_short: {
    vi: 'Bản ghi quá ngắn. Xin thử lại.',
    en: 'The recording was too short. Please try again.',
    hi: 'रिकॉर्डिंग बहुत छोटी थी। कृपया फिर से कोशिश कीजिए।',
    ur: 'ریکارڈنگ بہت مختصر تھی۔ براہ کرم دوبارہ کوشش کیجیے۔',
  },
  samples_problem_too_quiet: {
    vi: 'Chúng tôi nghe chưa rõ. Xin nói to hơn một chút, hướng về phía ki-ốt.',
    en: 'We could not hear you clearly. Please speak a little louder, facing the kiosk.',
    hi: 'हम आपको साफ़ नहीं सुन पाए। कृपया कियॉस्क की ओर मुँह करके थोड़ा ज़ोर से बोलिए।',
    ur: 'ہم آپ کو صاف نہیں سن سکے۔ براہ کرم کیوسک کی طرف منہ کر کے تھوڑا اونچا بولیے۔',
  },
  samples_problem_too_loud: {
    vi: 'Âm thanh quá to. Xin lùi lại một chút.',
    en: 'That was too loud. Please step back a little.',
    hi: 'आवाज़ बहुत तेज़ थी। कृपया थोड़ा पीछे हटिए।',
    ur: 'آواز بہت اونچی تھی۔ براہ کرم تھوڑا پیچھے ہٹیے۔',
  },
  samples_problem_cut_off: {
    vi: 'Câu nói bị cắt mất. Xin bắt đầu khi thấy “Mời nói” và nói xong trong ba giây.',
    en: 'The phrase was cut off. Please start when you see “Speak now” and finish within three seconds.',
    hi: 'वाक्य कट गया। कृपया “अब बोलिए” दिखने पर शुरू करें और तीन सेकंड में पूरा करें।',
    ur: 'جملہ کٹ گیا۔ براہ کرم “اب بولیے” نظر آنے پر شروع کریں اور تین سیکنڈ میں مکمل کریں۔',
  },
  samples_redo: {
    vi: 'Ghi lại lần vừa rồi',
    en: 'Record the last one again',
    hi: 'पिछली रिकॉर्डिंग फिर से करें',
    ur: 'پچھلی ریکارڈنگ دوبارہ کریں',
  },
  samples_stop: {
    vi: 'Dừng',
    en: 'Stop',
    hi: 'रोकें',
    ur: 'روکیں',
  },
  samples_done_title: {
    vi: 'Cảm ơn bạn!',
    en: 'Thank you!',
    hi: 'धन्यवाद!',
    ur: 'شکریہ!',
  },
  samples_done_body: {
    vi: 'Đã lưu {count} bản ghi.',
    en: '{count, plural, one {# recording was} other {# recordings were}} saved.',
    hi: '{count} रिकॉर्डिंग सहेजी गईं।',
    ur: '{count} ریکارڈنگ محفوظ ہو گئیں۔',
  },
  samples_delete_mine: {
    vi: 'Xóa bản ghi của tôi',
    en: 'Delete my recordings',
    hi: 'मेरी रिकॉर्डिंग हटाएँ',
    ur: 'میری ریکارڈنگ حذف کریں',
  },
  samples_deleted: {
    vi: 'Đã xóa các bản ghi của bạn.',
    en: 'Your recordings have been deleted.',
    hi: 'आपकी रिकॉर्डिंग हटा दी गई हैं।',
    ur: 'آپ کی ریکارڈنگ حذف کر دی گئی ہیں۔',
  },
  samples_delete_failed: {
    vi: 'Chưa xóa được bản ghi của bạn. Xin báo cho cán bộ phụ trách kỹ thuật.',
    en: 'Your recordings could not be deleted. Please tell the IT person.',
    hi: 'आपकी रिकॉर्डिंग हटाई नहीं जा सकीं। कृपया आईटी कर्मचारी को बताएँ।',
    ur: 'آپ کی ریکارڈنگ حذف نہیں ہو سکیں۔ براہ کرم آئی ٹی عملے کو بتائیں۔',
  },
  samples_finish: {
    vi: 'Xong',
    en: 'Finish',
    hi: 'समाप्त',
    ur: 'ختم',
  },
  samples_lobby_title: {
    vi: 'Đang thu âm thanh sảnh',
    en: 'Recording the lobby',
    hi: 'लॉबी की आवाज़ रिकॉर्ड हो रही है',
    ur: 'لابی کی آواز ریکارڈ ہو رہی ہے',
  },
  samples_lobby_body: {
    vi: 'Để ki-ốt ở đây trong giờ làm việc. Xin đừng nói {phrases} gần ki-ốt khi đang thu.',
    en: 'Leave the kiosk here during opening hours. Please do not say {phrases} near it while it records.',
    hi: 'कार्यालय के समय में कियॉस्क को यहीं रहने दें। रिकॉर्डिंग के दौरान इसके पास {phrases} न बोलें।',
    ur: 'دفتری اوقات میں کیوسک کو یہیں رہنے دیں۔ ریکارڈنگ کے دوران اس کے قریب {phrases} نہ بولیں۔',
  },
  samples_lobby_elapsed: {
    vi: 'Đã thu: {minutes} phút',
    en: 'Recorded: {minutes, plural, one {# minute} other {# minutes}}',
    hi: 'रिकॉर्ड हुआ: {minutes} मिनट',
    ur: 'ریکارڈ ہوا: {minutes} منٹ',
  },
  samples_lobby_stop: {
    vi: 'Dừng thu',
    en: 'Stop recording',
    hi: 'रिकॉर्डिंग रोकें',
    ur: 'ریکارڈنگ روکیں',
  },
  samples_mic_failed: {
    vi: 'Không dùng được micrô. Hãy kiểm tra micrô đã được cắm và cho phép, rồi tải lại trang.',
    en: 'The microphone cannot be used. Check that it is plugged in and allowed, then reload the page.',
    hi: 'माइक्रोफ़ोन का उपयोग नहीं हो सकता। जाँचें कि वह जुड़ा है और उसकी अनुमति है, फिर पेज दोबारा लोड करें।',
    ur: 'مائیکروفون استعمال نہیں ہو سکتا۔ دیکھیں کہ وہ جڑا ہوا ہے اور اس کی اجازت ہے، پھر صفحہ دوبارہ لوڈ کریں۔',
  },
  samples_save_failed: {
    vi: 'Không lưu được bản ghi. Xin báo cho cán bộ phụ trách kỹ thuật.',
    en: 'The recording could not be saved. Please tell the IT person.',
    hi: 'रिकॉर्डिंग सहेजी नहीं जा सकी। कृपया आईटी कर्मचारी को बताएँ।',
    ur: 'ریکارڈنگ محفوظ نہیں ہو سکی۔ براہ کرم آئی ٹی عملے کو بتائیں۔',
  },
  /** The home screen could not read the samples folder or start the lobby recording. */
  samples_folder_failed: {
    vi: 'Không dùng được thư mục lưu bản ghi. Xin báo cho cán bộ phụ trách kỹ thuật.',
    en: 'The recordings folder cannot be used. Please tell the IT person.',
    hi: 'रिकॉर्डिंग का फ़ोल्डर इस्तेमाल नहीं हो सकता। कृपया आईटी कर्मचारी को बताएँ।',
    ur: 'ریکارڈنگ کا فولڈر استعمال نہیں ہو سکتا۔ براہ کرم آئی ٹی عملے کو بتائیں۔',
  },
  samples_language: {
    vi: 'Ngôn ngữ',
    en: 'Language',
    hi: 'भाषा',
    ur: 'زبان',
  },
});
