import { describe, expect, it } from 'vitest';
import { Translator } from './translator.ts';

const HCM = 'Asia/Ho_Chi_Minh';
// 17:30 UTC on 23 Nov is 00:30 on 24 Nov in Hanoi: a machine clock in UTC or anywhere west would say 23rd.
const LATE = '2026-11-23T17:30:00.000Z';

describe('plurals', () => {
  it('says 1 minute and 2 minutes in English', () => {
    const en = new Translator('en', HCM);
    expect(en.t('common.minutes_about', { minutes: 1 })).toBe('about 1 minute');
    expect(en.t('common.minutes_about', { minutes: 2 })).toBe('about 2 minutes');
  });

  it('puts the wait into the kiosk sentence with the right plural in every language', () => {
    const wait = (language: 'vi' | 'en' | 'hi' | 'ur', minutes: number) => {
      const t = new Translator(language, HCM);
      return t.t('kiosk.estimated_wait', { wait: t.t('common.minutes_about', { minutes }) });
    };
    expect(wait('en', 1)).toBe('Expected wait: about 1 minute');
    expect(wait('en', 2)).toBe('Expected wait: about 2 minutes');
    expect(wait('vi', 1)).toBe('Thời gian chờ dự kiến: khoảng 1 phút');
    expect(wait('hi', 1)).toBe('अनुमानित प्रतीक्षा: लगभग 1 मिनट');
    expect(wait('hi', 2)).toBe('अनुमानित प्रतीक्षा: लगभग 2 मिनट');
    expect(wait('ur', 1)).toBe('متوقع انتظار: \u2068تقریباً 1 منٹ\u2069');
    expect(wait('ur', 2)).toBe('متوقع انتظار: \u2068تقریباً 2 منٹ\u2069');
  });

  it('counts people waiting at a counter and the times a ticket was called', () => {
    const en = new Translator('en', HCM);
    expect(en.t('staff.waiting_total', { count: 0 })).toBe('Nobody is waiting for this counter');
    expect(en.t('staff.waiting_total', { count: 1 })).toBe('1 person waiting for this counter');
    expect(en.t('staff.waiting_total', { count: 2 })).toBe('2 people waiting for this counter');
    expect(en.t('staff.called_times', { count: 1 })).toBe('called once');
    expect(en.t('staff.called_times', { count: 2 })).toBe('called 2 times');
    expect(new Translator('ur', HCM).t('staff.called_times', { count: 2 })).toBe('2 بار پکارا');
    expect(new Translator('hi', HCM).t('staff.waiting_total', { count: 1 })).toBe(
      'इस काउंटर के लिए 1 व्यक्ति प्रतीक्षा में',
    );
    expect(en.t('staff.report_rating_value', { mean: 4, count: 1 })).toBe('4.00 (1 rating)');
    expect(new Translator('ur', HCM).t('staff.report_rating_value', { mean: 4.5, count: 2 })).toBe(
      '4.50 (2 آراء)',
    );
  });

  it('names exact scores and known states, and shows an unknown state as sent', () => {
    expect(new Translator('vi', HCM).t('rating.score', { score: 1 })).toBe('Rất không hài lòng');
    expect(new Translator('en', HCM).t('rating.score', { score: 5 })).toBe('Very happy');
    expect(new Translator('en', HCM).t('staff.mode_state', { mode: 'DOCKED' })).toBe('On the charger');
    expect(new Translator('ur', HCM).t('staff.mode_state', { mode: 'WARP' })).toBe('WARP');
    expect(new Translator('en', HCM).t('staff.error', { code: 'FORBIDDEN' })).toBe(
      'You are not allowed to do this.',
    );
  });

  it('uses each language’s own plural forms', () => {
    expect(new Translator('vi', HCM).t('common.people_ahead', { count: 0 })).toBe('Không có ai trước bạn');
    expect(new Translator('vi', HCM).t('common.people_ahead', { count: 3 })).toBe('Có 3 người trước bạn');
    expect(new Translator('en', HCM).t('common.people_ahead', { count: 1 })).toBe('1 person is ahead of you');
    expect(new Translator('hi', HCM).t('common.people_ahead', { count: 1 })).toBe('आपसे पहले 1 व्यक्ति है');
    expect(new Translator('hi', HCM).t('common.people_ahead', { count: 4 })).toBe('आपसे पहले 4 लोग हैं');
    expect(new Translator('ur', HCM).t('common.people_ahead', { count: 1 })).toBe('آپ سے پہلے 1 شخص ہے');
    expect(new Translator('ur', HCM).t('common.people_ahead', { count: 5 })).toBe('آپ سے پہلے 5 لوگ ہیں');
  });
});

describe('right to left', () => {
  it('isolates text values in Urdu so a Latin name cannot reorder the sentence, and only there', () => {
    const since = new Date(LATE);
    const values = { version: '1.0', site: 'demo_ward', since };
    expect(new Translator('ur', HCM).t('staff.bridge_info', values)).toBe(
      'سرور \u20681.0\u2069 · مقام \u2068demo_ward\u2069 · 24/11/2026 00:30 سے چالو',
    );
    expect(new Translator('en', HCM).t('staff.bridge_info', values)).toBe(
      'Server 1.0 · site demo_ward · running since 24/11/2026 00:30',
    );
  });
});

describe('numbers and lists', () => {
  it('fixes decimals on request and joins counters with "or"', () => {
    expect(new Translator('vi', HCM).number(2.25, 1)).toBe('2,3');
    expect(new Translator('en', HCM).number(1234.5)).toBe('1,234.5');
    expect(new Translator('vi', HCM).list(['1', '2'], 'disjunction')).toBe('1 hoặc 2');
    expect(new Translator('en', HCM).list(['1', '2', '3'], 'disjunction')).toBe('1, 2 or 3');
  });
});

describe('money', () => {
  it('prints dong the way a ward office does, one spelling per language', () => {
    expect(new Translator('vi', HCM).money(10000)).toBe('10.000 đồng');
    expect(new Translator('en', HCM).money(10000)).toBe('10,000 dong');
    expect(new Translator('ur', HCM).money(50000)).toBe('50,000 ڈونگ');
    expect(new Translator('vi', HCM).money(0)).toBe('Miễn phí');
  });
});

describe('dates and times in the site time zone, whatever the machine’s', () => {
  it('puts a late-evening UTC instant on the next day in Hanoi', () => {
    const vi = new Translator('vi', HCM);
    expect(vi.date(LATE, 'short')).toBe('24/11/2026');
    expect(vi.time(LATE)).toBe('00:30');
    expect(new Translator('en', HCM).date(LATE, 'long')).toBe('24 November 2026');
    expect(new Translator('en', HCM).time(LATE, true)).toBe('00:30:00');
  });

  it('gives the site’s calendar date for date inputs and reports', () => {
    expect(new Translator('ur', HCM).isoDate(LATE)).toBe('2026-11-24');
    expect(new Translator('vi', 'Asia/Karachi').isoDate(LATE)).toBe('2026-11-23');
    expect(new Translator('hi', HCM).isoDate('2026-11-23T16:59:59.000Z')).toBe('2026-11-23');
  });

  it('writes date and time together, and dates inside messages, in the site zone', () => {
    expect(new Translator('en', HCM).dateTime(LATE)).toBe('24/11/2026, 00:30');
    expect(new Translator('vi', HCM).t('rating.taken_at', { at: new Date(LATE) })).toBe(
      'Lấy số lúc 00:30 ngày 24/11/2026',
    );
    expect(new Translator('en', 'Asia/Karachi').t('rating.taken_at', { at: new Date(LATE) })).toBe(
      'Ticket taken on 23/11/2026 at 22:30',
    );
  });

  it('follows the zone it is given, not the process TZ', () => {
    expect(new Translator('en', 'Asia/Karachi').time(LATE)).toBe('22:30');
    expect(new Translator('en', 'Asia/Karachi').date(LATE, 'short')).toBe('23/11/2026');
  });
});
