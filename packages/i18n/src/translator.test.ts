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

  it('follows the zone it is given, not the process TZ', () => {
    expect(new Translator('en', 'Asia/Karachi').time(LATE)).toBe('22:30');
    expect(new Translator('en', 'Asia/Karachi').date(LATE, 'short')).toBe('23/11/2026');
  });
});
