import { describe, expect, it } from 'vitest';
import { describeOpeningHours, isOpenAt, siteClock } from './opening-hours.ts';

const hours = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, open: '07:30', close: '11:30' },
  { days: ['sat'] as const, open: '07:30', close: '11:30' },
].map((p) => ({ ...p, days: [...p.days] }));
const zone = 'Asia/Ho_Chi_Minh';

describe('opening hours on the site clock', () => {
  it('reads the weekday and time in the site zone, not the machine zone', () => {
    // 2026-01-05 was a Monday; 01:00 UTC is 08:00 in Hanoi.
    expect(siteClock(new Date('2026-01-05T01:00:00Z'), zone)).toEqual({ day: 'mon', time: '08:00' });
    expect(siteClock(new Date('2026-01-04T23:30:00Z'), zone)).toEqual({ day: 'mon', time: '06:30' });
  });

  it('is open inside a period and closed outside, on Sunday and at closing time', () => {
    expect(isOpenAt(hours, zone, new Date('2026-01-05T01:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, zone, new Date('2026-01-05T04:30:00Z'))).toBe(false); // 11:30 sharp
    expect(isOpenAt(hours, zone, new Date('2026-01-04T01:00:00Z'))).toBe(false); // Sunday
    expect(isOpenAt(hours, zone, new Date('2026-01-10T01:00:00Z'))).toBe(true); // Saturday
  });

  it('describes periods with weekday ranges in the citizen language', () => {
    expect(describeOpeningHours(hours, 'en-GB')).toEqual(['Mon–Fri 07:30–11:30', 'Sat 07:30–11:30']);
    expect(describeOpeningHours(hours, 'vi-VN')[0]).toBe('Thứ 2–Thứ 6 07:30–11:30');
  });
});
