import { WEEKDAYS, type DossierStatus, type Site } from '@reception/protocol';

/**
 * Calendar dates (`YYYY-MM-DD`) in a centre's time zone. Date-only arithmetic runs on UTC midnights, where
 * every day has 24 hours; wall-clock times become instants only at the end (`zonedInstant`).
 */

const DAY_MS = 86_400_000;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `when` in `timeZone`. */
export function localDate(when: Date, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, f);
  }
  return f.format(when);
}

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Weekday of a date as the site file names it (`mon` ... `sun`). */
export function weekday(date: string): (typeof WEEKDAYS)[number] {
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(toUtc(date)).getUTCDay() + 6) % 7] ?? 'mon';
}

/** Weekdays on which the centre opens at all (site `opening_hours`). */
export function openWeekdays(site: Pick<Site, 'opening_hours'>): ReadonlySet<string> {
  return new Set(site.opening_hours.flatMap((p) => p.days));
}

/**
 * The open day `n` open days away from `date`: n = 0 is `date` itself if the centre opens that weekday,
 * else the open day before it; n > 0 counts forward, n < 0 back. Public holidays are not known here.
 */
export function shiftOpenDays(date: string, n: number, open: ReadonlySet<string>): string {
  if (open.size === 0) throw new RangeError('the centre opens on no weekday');
  let d = date;
  while (!open.has(weekday(d))) d = addDays(d, -1);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (open.has(weekday(d))) left--;
  }
  return d;
}

/** `+07:00` for `timeZone` at `when` (from ICU's long offset name, `GMT+07:00`, or `GMT` for zero). */
function offsetAt(when: Date, timeZone: string): string {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, f);
  }
  const name = f.formatToParts(when).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-]\d{2}):?(\d{2})?$/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/**
 * The instant a wall clock in `timeZone` reads `date` `time` (HH:MM), as ISO 8601 with the zone's offset,
 * e.g. `2025-11-24T08:15:00+07:00`. The offset is taken at that moment (two passes cover DST changes).
 */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const first = offsetAt(new Date(wall), timeZone);
  const guess = Date.parse(`${date}T${time}:00${first}`);
  const offset = offsetAt(new Date(guess), timeZone);
  return `${date}T${time}:00${offset}`;
}

/** `when` as ISO 8601 local time with the zone's offset, to the second: `2025-11-24T08:15:07+07:00`. */
export function isoInZone(when: Date, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, f);
  }
  return `${localDate(when, timeZone)}T${f.format(when)}${offsetAt(when, timeZone)}`;
}

/**
 * The late warning of ARCHITECTURE.md's dossier journey: a dossier still waiting on the centre (`received`
 * or `in_progress`) after its first promised date is late by the calendar days since. The clock stops
 * while the citizen owes papers or a payment (Decree 61/2018), and a result that is ready, collected or
 * refused is not late any more.
 */
export function lateWarning(
  d: Pick<DossierStatus, 'status' | 'expected_return_date' | 'original_return_date'>,
  today: string,
): DossierStatus['late'] {
  switch (d.status) {
    case 'received':
    case 'in_progress': {
      const overdue = daysBetween(d.original_return_date ?? d.expected_return_date, today);
      return overdue > 0 ? { days_overdue: overdue } : null;
    }
    case 'needs_more_documents':
    case 'needs_payment':
    case 'ready':
    case 'collected':
    case 'refused':
      return null;
    default: {
      const never: never = d.status;
      return never;
    }
  }
}
