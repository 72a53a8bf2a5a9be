import { translator } from '@reception/i18n';
import { describe, expect, it } from 'vitest';
import { clockText, siteToday } from './site-clock.ts';

// Instants either side of midnight UTC, read in zones either side of UTC: whatever zone this machine is in,
// at least one case below differs from the machine's own calendar or clock, so a page using the browser's
// zone would fail here.
const EVENING_UTC = new Date('2026-11-23T17:30:00.000Z'); // 00:30 on the 24th in Hanoi
const MORNING_UTC = new Date('2026-11-24T05:30:00.000Z'); // 21:30 on the 23rd in Los Angeles

describe('report panel: today on the site’s clock', () => {
  it('is already tomorrow in Hanoi half an hour after its midnight', () => {
    expect(siteToday(translator('vi', 'Asia/Ho_Chi_Minh'), EVENING_UTC)).toBe('2026-11-24');
    expect(siteToday(translator('ur', 'Asia/Ho_Chi_Minh'), EVENING_UTC)).toBe('2026-11-24');
  });

  it('is still yesterday for a site west of UTC', () => {
    expect(siteToday(translator('en', 'America/Los_Angeles'), MORNING_UTC)).toBe('2026-11-23');
  });
});

describe('display clock on the site’s clock', () => {
  it('shows the site’s hour and minute, 24 h, in every language', () => {
    expect(clockText(translator('vi', 'Asia/Ho_Chi_Minh'), EVENING_UTC)).toBe('00:30');
    expect(clockText(translator('ur', 'Asia/Ho_Chi_Minh'), EVENING_UTC)).toBe('00:30');
    expect(clockText(translator('hi', 'Asia/Kolkata'), EVENING_UTC)).toBe('23:00');
    expect(clockText(translator('en', 'America/Los_Angeles'), MORNING_UTC)).toBe('21:30');
  });
});
