import type { Translator } from '@reception/i18n';

/**
 * Today's date on the site's clock, `YYYY-MM-DD`: the report's default range. A browser in another zone
 * (a laptop still on UTC, a supervisor abroad) would otherwise ask for yesterday's tickets after midnight.
 */
export function siteToday(i18n: Translator, now: Date = new Date()): string {
  return i18n.isoDate(now);
}

/** The lobby clock, hours and minutes on the site's clock in the display's language. */
export function clockText(i18n: Translator, now: Date = new Date()): string {
  return i18n.time(now);
}
