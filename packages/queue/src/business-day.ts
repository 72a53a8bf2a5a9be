/**
 * The business date of an instant: the local date in `timeZone` of `now - resetHour`, so a centre that
 * resets at 02:00 keeps issuing on yesterday's numbering until 02:00 local time.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function businessDate(now: Date, timeZone: string, resetHour: number): string {
  const shifted = new Date(now.getTime() - resetHour * 3_600_000);
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(shifted);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const UTC_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_MS = 86_400_000;

/** How far ahead numbers may be reserved for a business date (days after today). */
export const MAX_DAYS_AHEAD = 14;

/** Whole days from business date `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

/**
 * The next `count` business dates after `day` (YYYY-MM-DD) on a weekday the site opens, nearest first,
 * looking at most `MAX_DAYS_AHEAD` ahead. Public holidays are not in the site file, which is one reason
 * callers look more than one day ahead.
 */
export function nextOpeningDays(day: string, openWeekdays: ReadonlySet<string>, count: number): string[] {
  const start = Date.parse(`${day}T00:00:00Z`);
  const out: string[] = [];
  for (let k = 1; k <= MAX_DAYS_AHEAD && out.length < count; k++) {
    const d = new Date(start + k * DAY_MS);
    if (openWeekdays.has(UTC_WEEKDAYS[d.getUTCDay()] ?? '')) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Display number: prefix and zero-padded sequence; longer sequences keep every digit (never wrap). */
export function formatNumber(prefix: string, seq: number, digits: number): string {
  return `${prefix}${String(seq).padStart(digits, '0')}`;
}
