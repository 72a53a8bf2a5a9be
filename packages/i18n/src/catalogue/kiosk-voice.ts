import { defineMessages } from './define.ts';

/**
 * The kiosk's voice interface (apps/kiosk, issue 19): the hint to wake it, the listening indicator, the
 * microphone problems, and what it answers aloud. Spoken answers are short, one idea per sentence: they are
 * heard once, in a noisy lobby.
 */
export const kioskVoice = defineMessages('kiosk', {
  /**
   * Under the language buttons and in the top bar while the kiosk waits for its wake word. `keywords`: the
   * wake words as they must be said, the same in every language ("Xin chào Robot", "Hello Robot").
   */
  voice_hint: {
    vi: 'Nói {keywords} rồi nói điều bạn cần',
    en: 'Say {keywords}, then what you need',
    hi: '{keywords} बोलिए, फिर अपनी ज़रूरत बताइए',
    ur: '{keywords} کہیے، پھر اپنی ضرورت بتائیے',
  },
  voice_listening: {
    vi: 'Tôi đang nghe, mời bạn nói',
    en: 'I am listening, please speak',
    hi: 'मैं सुन रहा हूँ, कृपया बोलिए',
    ur: 'میں سن رہا ہوں، براہ کرم بولیے',
  },
  voice_thinking: {
    vi: 'Xin chờ một chút',
    en: 'One moment, please',
    hi: 'कृपया एक क्षण रुकिए',
    ur: 'براہ کرم ایک لمحہ رکیے',
  },
  voice_no_speech: {
    vi: 'Tôi không nghe thấy gì. Hãy thử lại',
    en: 'I did not hear anything. Please try again',
    hi: 'मुझे कुछ सुनाई नहीं दिया। कृपया फिर से कोशिश कीजिए',
    ur: 'مجھے کچھ سنائی نہیں دیا۔ براہ کرم دوبارہ کوشش کیجیے',
  },
  /** The label of the microphone level meter (for screen readers). */
  voice_level: {
    vi: 'Mức âm thanh micrô',
    en: 'Microphone level',
    hi: 'माइक्रोफ़ोन का स्तर',
    ur: 'مائیکروفون کی سطح',
  },
  voice_mic_denied: {
    vi: 'Chưa được phép dùng micrô nên không hỏi bằng giọng nói được. Vui lòng dùng màn hình',
    en: 'The microphone is not allowed, so voice is off. Please use the screen',
    hi: 'माइक्रोफ़ोन की अनुमति नहीं है, इसलिए आवाज़ बंद है। कृपया स्क्रीन का उपयोग करें',
    ur: 'مائیکروفون کی اجازت نہیں، اس لیے آواز بند ہے۔ براہ کرم اسکرین استعمال کریں',
  },
  voice_no_microphone: {
    vi: 'Không tìm thấy micrô nên không hỏi bằng giọng nói được. Vui lòng dùng màn hình',
    en: 'No microphone was found, so voice is off. Please use the screen',
    hi: 'कोई माइक्रोफ़ोन नहीं मिला, इसलिए आवाज़ बंद है। कृपया स्क्रीन का उपयोग करें',
    ur: 'کوئی مائیکروفون نہیں ملا، اس لیے آواز بند ہے۔ براہ کرم اسکرین استعمال کریں',
  },
  voice_failed: {
    vi: 'Giọng nói tạm thời không hoạt động. Vui lòng dùng màn hình',
    en: 'Voice is not working right now. Please use the screen',
    hi: 'आवाज़ अभी काम नहीं कर रही है। कृपया स्क्रीन का उपयोग करें',
    ur: 'آواز ابھی کام نہیں کر رہی۔ براہ کرم اسکرین استعمال کریں',
  },
  /** Said and shown when the request was outside what the kiosk understands by voice, or it was unsure. */
  voice_use_screen: {
    vi: 'Xin lỗi, tôi chưa hiểu. Vui lòng dùng màn hình cảm ứng',
    en: 'Sorry, I did not understand. Please use the touch screen',
    hi: 'माफ़ कीजिए, मैं समझ नहीं पाया। कृपया टच स्क्रीन का उपयोग करें',
    ur: 'معاف کیجیے، میں سمجھ نہیں پایا۔ براہ کرم ٹچ اسکرین استعمال کریں',
  },
  /** Said after a ticket was issued by voice. `counter`: the sentence `kiosk.go_to_counter`. */
  voice_ticket_answer: {
    vi: '{service}. Số của bạn là {number}. {counter}',
    en: '{service}. Your number is {number}. {counter}',
    hi: '{service}। आपका नंबर {number} है। {counter}',
    ur: '{service}۔ آپ کا نمبر {number} ہے۔ {counter}',
  },
  /** Said when the citizen asks about a dossier by voice: the screen asks for the receipt code. */
  voice_dossier: {
    vi: 'Mời bạn nhập mã số trên giấy biên nhận hồ sơ',
    en: 'Please enter the code on your dossier receipt',
    hi: 'कृपया अपनी आवेदन रसीद पर लिखा कोड दर्ज करें',
    ur: 'براہ کرم اپنی درخواست کی رسید پر لکھا کوڈ درج کریں',
  },
  voice_staff: {
    vi: 'Mời bạn chọn cách gọi nhân viên trên màn hình',
    en: 'Please choose on the screen how to call a staff member',
    hi: 'कृपया स्क्रीन पर चुनें कि कर्मचारी को कैसे बुलाना है',
    ur: 'براہ کرم اسکرین پر منتخب کریں کہ عملے کو کیسے بلانا ہے',
  },
  voice_greeting: {
    vi: 'Xin chào! Bạn cần làm thủ tục gì?',
    en: 'Hello! Which procedure do you need?',
    hi: 'नमस्ते! आपको कौन सी प्रक्रिया करनी है?',
    ur: 'السلام علیکم! آپ کو کون سا کام کروانا ہے؟',
  },
});
