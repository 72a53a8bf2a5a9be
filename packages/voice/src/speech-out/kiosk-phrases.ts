import type { Language } from '../intent/speech-intent.ts';

/**
 * Answers the kiosk speaks (greeting, ticket, guidance, refusal). The self-voice test and the benchmark
 * play these, spoken by `EspeakSpeechOutput`, into the wake word engine: it must not wake on its own
 * voice, even though they contain "xin chào", "hello" and "robot". They are not in the training data.
 */
export const KIOSK_PHRASES: Record<Language, string[]> = {
  vi: [
    'Xin chào! Tôi có thể giúp gì cho bạn?',
    'Mời bạn lấy số B012 và đến quầy số 3.',
    'Robot sẽ dẫn bạn đến quầy. Xin mời đi theo tôi.',
    'Xin lỗi, tôi chưa hiểu. Vui lòng dùng màn hình cảm ứng.',
    'Đăng ký khai sinh cần tờ khai, giấy chứng sinh và giấy tờ tùy thân của cha mẹ.',
  ],
  en: [
    'Hello! How can I help you today?',
    'Please take ticket B012 and go to counter 3.',
    'The robot will guide you to the counter. Please follow me.',
    'Sorry, I did not understand. Please use the touch screen.',
    'For birth registration you need the declaration form, the birth certificate from the hospital and the parents identity papers.',
  ],
  hi: [
    'नमस्ते! मैं आपकी क्या मदद कर सकता हूँ?',
    'कृपया टोकन B012 लीजिए और काउंटर 3 पर जाइए।',
    'रोबोट आपको काउंटर तक ले जाएगा। कृपया मेरे पीछे आइए।',
    'माफ़ कीजिए, मैं समझ नहीं पाया। कृपया स्क्रीन का उपयोग करें।',
  ],
  ur: [
    'السلام علیکم! میں آپ کی کیا مدد کر سکتا ہوں؟',
    'براہ کرم ٹوکن B012 لیں اور کاؤنٹر 3 پر جائیں۔',
    'روبوٹ آپ کو کاؤنٹر تک لے جائے گا۔ براہ کرم میرے پیچھے آئیں۔',
    'معاف کیجیے، میں سمجھ نہیں پایا۔ براہ کرم اسکرین استعمال کریں۔',
  ],
};

/** "Please use the screen", said when the speech intent is out of scope or unsure. */
export const PLEASE_USE_SCREEN: Record<Language, string> = {
  vi: 'Xin lỗi, tôi chưa hiểu. Vui lòng dùng màn hình cảm ứng.',
  en: 'Sorry, I did not understand. Please use the touch screen.',
  hi: 'माफ़ कीजिए, मैं समझ नहीं पाया। कृपया स्क्रीन का उपयोग करें।',
  ur: 'معاف کیجیے، میں سمجھ نہیں پایا۔ براہ کرم اسکرین استعمال کریں۔',
};
