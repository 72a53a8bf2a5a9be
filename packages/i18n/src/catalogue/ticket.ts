import { defineMessages } from './define.ts';

/**
 * The fixed words of the paper ticket (packages/ticket-printing). Values come formatted by the caller's
 * translator where another catalogue key already says them: `{about}` is `common.minutes_about`, `{fee}`
 * is `Translator.money`, `{numbers}` is `Translator.list` of counter numbers. Dates and times are in the
 * site's time zone (the translator's formats).
 */
export const ticket = defineMessages('ticket', {
  /** Above the kiosk checklist's missing papers, each followed by where to get it. */
  missing_heading: {
    vi: 'GIẤY TỜ CÒN THIẾU',
    en: 'PAPERS STILL MISSING',
    hi: 'कम कागज़',
    ur: 'کم کاغذات',
  },
  your_number: { vi: 'SỐ THỨ TỰ', en: 'YOUR NUMBER', hi: 'आपका नंबर', ur: 'آپ کا نمبر' },
  counters: {
    vi: '{count, plural, other {Quầy}}: {numbers}',
    en: '{count, plural, one {Counter} other {Counters}}: {numbers}',
    hi: '{count, plural, one {काउंटर} other {काउंटर}}: {numbers}',
    ur: '{count, plural, one {کاؤنٹر} other {کاؤنٹر}}: {numbers}',
  },
  estimated_wait: {
    vi: 'Thời gian chờ: {about}',
    en: 'Estimated wait: {about}',
    hi: 'अनुमानित प्रतीक्षा: {about}',
    ur: 'متوقع انتظار: {about}',
  },
  fee: { vi: 'Lệ phí: {fee}', en: 'Fee: {fee}', hi: 'शुल्क: {fee}', ur: 'فیس: {fee}' },
  /** The fee when it depends on the case (per page, per copy): the site's note says how. */
  fee_from: { vi: 'Lệ phí: từ {fee}', en: 'Fee: from {fee}', hi: 'शुल्क: {fee} से', ur: 'فیس: {fee} سے' },
  priority: {
    vi: 'Ưu tiên: {name}',
    en: 'Priority: {name}',
    hi: 'प्राथमिकता: {name}',
    ur: 'ترجیح: {name}',
  },
  issued_at: {
    vi: 'Lấy số lúc {when, time, short} ngày {when, date, short}',
    en: 'Issued {when, date, short} at {when, time, short}',
    hi: 'जारी: {when, date, short}, {when, time, short}',
    ur: 'جاری: {when, date, short}، {when, time, short}',
  },
  scan_to_rate: {
    vi: 'Quét mã để đánh giá dịch vụ',
    en: 'Scan the code to rate our service',
    hi: 'सेवा को रेटिंग देने के लिए कोड स्कैन करें',
    ur: 'سروس کی درجہ بندی کے لیے کوڈ اسکین کریں',
  },
});
