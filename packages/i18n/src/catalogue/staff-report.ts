import { defineMessages } from './define.ts';

/**
 * Staff pages, part 3: the day's report in words a clerk reads at a glance (namespace `staff`, like
 * staff.ts). Times are told as "half of the citizens waited at most..." and "9 in 10...", not p50/p90.
 */
export const staffReport = defineMessages('staff', {
  /**
   * Heading of the report with its dates written out (the browser's date fields may show another order,
   * e.g. month first). `from`, `to`: formatted dates; `same`: `yes` for a one-day report.
   */
  report_period: {
    vi: '{same, select, yes {Báo cáo ngày {from}} other {Báo cáo từ ngày {from} đến ngày {to}}}',
    en: '{same, select, yes {Report for {from}} other {Report from {from} to {to}}}',
    hi: '{same, select, yes {{from} की रिपोर्ट} other {{from} से {to} तक की रिपोर्ट}}',
    ur: '{same, select, yes {{from} کی رپورٹ} other {{from} سے {to} تک کی رپورٹ}}',
  },
  report_waiting: { vi: 'Thời gian chờ', en: 'Waiting time', hi: 'प्रतीक्षा का समय', ur: 'انتظار کا وقت' },
  report_serving: { vi: 'Thời gian phục vụ', en: 'Serving time', hi: 'सेवा का समय', ur: 'خدمت کا وقت' },
  report_half_waited: {
    vi: 'Một nửa số người chờ không quá',
    en: 'Half of the citizens waited at most',
    hi: 'आधे नागरिकों की प्रतीक्षा अधिकतम',
    ur: 'آدھے شہریوں کا انتظار زیادہ سے زیادہ',
  },
  report_most_waited: {
    vi: '9/10 số người chờ không quá',
    en: '9 in 10 waited at most',
    hi: '10 में से 9 की प्रतीक्षा अधिकतम',
    ur: '10 میں سے 9 کا انتظار زیادہ سے زیادہ',
  },
  report_half_served: {
    vi: 'Một nửa số lượt phục vụ không quá',
    en: 'Half were served in at most',
    hi: 'आधे लोगों की सेवा अधिकतम',
    ur: 'آدھے لوگوں کی خدمت زیادہ سے زیادہ',
  },
  report_most_served: {
    vi: '9/10 lượt phục vụ không quá',
    en: '9 in 10 were served in at most',
    hi: '10 में से 9 की सेवा अधिकतम',
    ur: '10 میں سے 9 کی خدمت زیادہ سے زیادہ',
  },
  /** `minutes`: already formatted with one decimal in the page's language. */
  report_minutes: { vi: '{minutes} phút', en: '{minutes} min', hi: '{minutes} मिनट', ur: '{minutes} منٹ' },
  /** Under the tables: what the figures count, in a sentence. */
  report_times_note: {
    vi: 'Thời gian chờ tính từ lúc lấy số đến lúc được gọi tại quầy phục vụ; thời gian phục vụ tính từ lúc bắt đầu (hoặc lúc gọi) đến lúc hoàn thành.',
    en: 'Waiting runs from taking the ticket to the call at the counter that served it; serving from the start (or the call) to completion.',
    hi: 'प्रतीक्षा टोकन लेने से लेकर सेवा देने वाले काउंटर की पुकार तक गिनी जाती है; सेवा शुरू होने (या पुकार) से पूरा होने तक।',
    ur: 'انتظار ٹوکن لینے سے خدمت کرنے والے کاؤنٹر کی پکار تک گنا جاتا ہے؛ خدمت شروع ہونے (یا پکار) سے مکمل ہونے تک۔',
  },
});
