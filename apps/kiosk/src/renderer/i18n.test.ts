import type { SiteCatalogue } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { kioskTranslator } from './i18n.ts';

// 17:30 UTC on 23 Nov: already 00:30 on the 24th in Hanoi, still the 23rd on a machine clock in UTC.
const LATE = '2026-11-23T17:30:00.000Z';

describe('kioskTranslator', () => {
  it('shows dates and times on the site’s clock once the catalogue is there', () => {
    const site = { timezone: 'Asia/Ho_Chi_Minh' } as SiteCatalogue;
    const i18n = kioskTranslator('vi', site);
    expect(i18n.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(i18n.date(LATE, 'short')).toBe('24/11/2026');
    expect(i18n.time(LATE)).toBe('00:30');
    expect(kioskTranslator('ur', { timezone: 'Asia/Karachi' } as SiteCatalogue).time(LATE)).toBe('22:30');
  });

  it('speaks the chosen language', () => {
    expect(kioskTranslator('ur', undefined).t('kiosk.take_ticket')).toBe('ٹوکن لیں');
    expect(kioskTranslator('vi', undefined).money(10_000)).toBe('10.000 đồng');
  });
});
