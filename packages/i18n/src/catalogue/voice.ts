import { defineMessages } from './define.ts';

/**
 * What the kiosk says aloud in a voice conversation (after "Xin chào Robot" / "Hello Robot"). Short, one
 * idea per sentence: it is heard once, in a noisy lobby.
 */
export const voice = defineMessages('voice', {
  /** Said right after the wake word, before the citizen's request. */
  wake_reply: {
    vi: 'Xin chào! Tôi có thể giúp gì cho bạn?',
    en: 'Hello! How can I help you today?',
    hi: 'नमस्ते! मैं आपकी क्या मदद कर सकता हूँ?',
    ur: 'السلام علیکم! میں آپ کی کیا مدد کر سکتا ہوں؟',
  },
  /** The request was outside what the kiosk understands by voice, or it was unsure. */
  use_screen: {
    vi: 'Xin lỗi, tôi chưa hiểu. Vui lòng dùng màn hình cảm ứng.',
    en: 'Sorry, I did not understand. Please use the touch screen.',
    hi: 'माफ़ कीजिए, मैं समझ नहीं पाया। कृपया स्क्रीन का उपयोग करें।',
    ur: 'معاف کیجیے، میں سمجھ نہیں پایا۔ براہ کرم اسکرین استعمال کریں۔',
  },
});
