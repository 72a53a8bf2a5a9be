import { defineMessages } from './define.ts';

/** Words every screen and the printed ticket share. */
export const common = defineMessages('common', {
  language_name: { vi: 'Tiếng Việt', en: 'English', hi: 'हिन्दी', ur: 'اردو' },
  /** Label of a language switch. */
  language: { vi: 'Ngôn ngữ', en: 'Language', hi: 'भाषा', ur: 'زبان' },
  back: { vi: 'Quay lại', en: 'Back', hi: 'वापस', ur: 'واپس' },
  start_over: { vi: 'Làm lại từ đầu', en: 'Start over', hi: 'फिर से शुरू करें', ur: 'دوبارہ شروع کریں' },
  counter_number: {
    vi: 'Quầy {number}',
    en: 'Counter {number}',
    hi: 'काउंटर {number}',
    ur: 'کاؤنٹر {number}',
  },
  money_vnd: {
    vi: '{amount, number} đồng',
    en: '{amount, number} dong',
    hi: '{amount, number} डोंग',
    ur: '{amount, number} ڈونگ',
  },
  free: { vi: 'Miễn phí', en: 'Free', hi: 'निःशुल्क', ur: 'مفت' },
  minutes_about: {
    vi: 'khoảng {minutes, number} phút',
    en: '{minutes, plural, one {about # minute} other {about # minutes}}',
    hi: '{minutes, plural, one {लगभग # मिनट} other {लगभग # मिनट}}',
    ur: '{minutes, plural, one {تقریباً # منٹ} other {تقریباً # منٹ}}',
  },
  people_ahead: {
    vi: '{count, plural, =0 {Không có ai trước bạn} other {Có # người trước bạn}}',
    en: '{count, plural, =0 {Nobody is ahead of you} one {# person is ahead of you} other {# people are ahead of you}}',
    hi: '{count, plural, =0 {आपसे पहले कोई नहीं है} one {आपसे पहले # व्यक्ति है} other {आपसे पहले # लोग हैं}}',
    ur: '{count, plural, =0 {آپ سے پہلے کوئی نہیں} one {آپ سے پہلے # شخص ہے} other {آپ سے پہلے # لوگ ہیں}}',
  },
});
