import { WEEKDAYS, type SiteCatalogue } from '@reception/protocol';

type Periods = SiteCatalogue['opening_hours'];

/** Weekday (`mon`...) and `HH:MM` of `now` on the site's clock. */
export function siteClock(now: Date, timeZone: string): { day: (typeof WEEKDAYS)[number]; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number];
  return { day, time: `${get('hour')}:${get('minute')}` };
}

/** True while one of the site's opening periods covers `now` (open inclusive, close exclusive). */
export function isOpenAt(periods: Periods, timeZone: string, now: Date): boolean {
  const { day, time } = siteClock(now, timeZone);
  return periods.some((p) => p.days.includes(day) && p.open <= time && time < p.close);
}

/**
 * The opening hours as short lines for a notice, in the citizen's language: weekday names from Intl
 * (2024-01-01 was a Monday), consecutive days joined as a range, e.g. "Mon–Fri 07:30–11:30".
 */
export function describeOpeningHours(periods: Periods, locale: string): string[] {
  const dayName = (d: (typeof WEEKDAYS)[number]) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(d))),
    );
  return periods.map((p) => {
    const idx = p.days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
    const consecutive = idx.every((v, i) => i === 0 || v === (idx[i - 1] ?? -2) + 1);
    const first = WEEKDAYS[idx[0] ?? 0] ?? 'mon';
    const last = WEEKDAYS[idx[idx.length - 1] ?? 0] ?? 'mon';
    const days =
      idx.length > 2 && consecutive ? `${dayName(first)}–${dayName(last)}` : p.days.map(dayName).join(', ');
    return `${days} ${p.open}–${p.close}`;
  });
}
