import { defineMessages } from './define.ts';

/** The rating page a citizen opens from the QR code on the ticket, on their own phone. */
export const rating = defineMessages('rating', {
  title: {
    vi: 'Đánh giá mức độ hài lòng',
    en: 'Rate our service',
    hi: 'अपनी राय दें',
    ur: 'اپنی رائے دیں',
  },
  question: {
    vi: 'Số {number}: bạn hài lòng thế nào?',
    en: 'Number {number}: how satisfied are you?',
    hi: 'नंबर {number}: आप कितने संतुष्ट हैं?',
    ur: 'نمبر {number}: آپ کتنے مطمئن ہیں؟',
  },
  /** `at`: when the ticket was taken; date and time in the site's time zone. */
  taken_at: {
    vi: 'Lấy số lúc {at, time, short} ngày {at, date, short}',
    en: 'Ticket taken on {at, date, short} at {at, time, short}',
    hi: 'टोकन {at, date, short} को {at, time, short} बजे लिया गया',
    ur: 'ٹوکن {at, date, short} کو {at, time, short} بجے لیا گیا',
  },
  /** The words beside each number of stars, 1 (worst) to 5 (best). */
  score: {
    vi: '{score, plural, =1 {Rất không hài lòng} =2 {Không hài lòng} =3 {Bình thường} =4 {Hài lòng} other {Rất hài lòng}}',
    en: '{score, plural, =1 {Very unhappy} =2 {Unhappy} =3 {All right} =4 {Happy} other {Very happy}}',
    hi: '{score, plural, =1 {बहुत असंतुष्ट} =2 {असंतुष्ट} =3 {ठीक-ठाक} =4 {संतुष्ट} other {बहुत संतुष्ट}}',
    ur: '{score, plural, =1 {بہت ناخوش} =2 {ناخوش} =3 {ٹھیک ٹھاک} =4 {خوش} other {بہت خوش}}',
  },
  reason_label: {
    vi: 'Bạn muốn góp ý thêm? (không bắt buộc)',
    en: 'Anything to tell us? (optional)',
    hi: 'कुछ और कहना चाहेंगे? (ज़रूरी नहीं)',
    ur: 'کچھ اور کہنا چاہیں گے؟ (ضروری نہیں)',
  },
  send: { vi: 'Gửi đánh giá', en: 'Send', hi: 'भेजें', ur: 'بھیجیں' },
  choose_stars: {
    vi: 'Vui lòng chọn từ 1 đến 5 sao.',
    en: 'Please choose from 1 to 5 stars.',
    hi: 'कृपया 1 से 5 तारे चुनें।',
    ur: 'براہ کرم 1 سے 5 ستارے چنیں۔',
  },
  /** Phone page while the ticket waits: its number. */
  live_number: {
    vi: 'Số của bạn: {number}',
    en: 'Your number: {number}',
    hi: 'आपका नंबर: {number}',
    ur: 'آپ کا نمبر: {number}',
  },
  /** `wait`: common.minutes_about. */
  live_wait: {
    vi: 'Thời gian chờ dự kiến: {wait}',
    en: 'Expected wait: {wait}',
    hi: 'अनुमानित प्रतीक्षा: {wait}',
    ur: 'متوقع انتظار: {wait}',
  },
  live_called: {
    vi: 'Đến lượt bạn! Mời bạn đến quầy {counter, number}.',
    en: 'It is your turn! Please go to counter {counter, number}.',
    hi: 'आपकी बारी है! कृपया काउंटर {counter, number} पर जाएँ।',
    ur: 'آپ کی باری ہے! براہ کرم کاؤنٹر {counter, number} پر جائیں۔',
  },
  live_serving: {
    vi: 'Bạn đang được phục vụ tại quầy {counter, number}.',
    en: 'You are being served at counter {counter, number}.',
    hi: 'काउंटर {counter, number} पर आपकी सेवा हो रही है।',
    ur: 'کاؤنٹر {counter, number} پر آپ کی خدمت ہو رہی ہے۔',
  },
  live_ended: {
    vi: 'Số này không còn trong hàng chờ.',
    en: 'This number is no longer in the queue.',
    hi: 'यह नंबर अब कतार में नहीं है।',
    ur: 'یہ نمبر اب قطار میں نہیں ہے۔',
  },
  live_updates: {
    vi: 'Trang này tự cập nhật.',
    en: 'This page updates by itself.',
    hi: 'यह पेज अपने आप अपडेट होता है।',
    ur: 'یہ صفحہ خود بخود تازہ ہوتا ہے۔',
  },
  not_yet: {
    vi: 'Bạn có thể đánh giá sau khi được phục vụ xong.',
    en: 'You can rate once your visit is complete.',
    hi: 'सेवा पूरी होने के बाद आप अपनी राय दे सकते हैं।',
    ur: 'خدمت مکمل ہونے کے بعد آپ اپنی رائے دے سکتے ہیں۔',
  },
  thanks: {
    vi: 'Cảm ơn bạn đã đánh giá!',
    en: 'Thank you for your rating!',
    hi: 'अपनी राय देने के लिए धन्यवाद!',
    ur: 'اپنی رائے دینے کا شکریہ!',
  },
  unknown: {
    vi: 'Không tìm thấy số thứ tự này.',
    en: 'This ticket was not found.',
    hi: 'यह टोकन नहीं मिला।',
    ur: 'یہ ٹوکن نہیں ملا۔',
  },
  closed: {
    vi: 'Số này đã được đánh giá, hoặc chưa được phục vụ xong.',
    en: 'This ticket has already been rated, or the visit is not finished yet.',
    hi: 'इस टोकन पर राय पहले ही दी जा चुकी है, या सेवा अभी पूरी नहीं हुई है।',
    ur: 'اس ٹوکن پر رائے پہلے ہی دی جا چکی ہے، یا خدمت ابھی مکمل نہیں ہوئی۔',
  },
});
