import { describe, expect, it } from 'vitest';
import { loadStaffLanguage, pageTranslator } from './staff-i18n.tsx';
import type { SiteCatalogue } from '@reception/protocol';

const storage = (value: string | null) => ({ getItem: () => value });

describe('staff language', () => {
  it('is Vietnamese until the staff member picks another, then stays as picked', () => {
    expect(loadStaffLanguage(storage(null))).toBe('vi');
    expect(loadStaffLanguage(storage('ur'))).toBe('ur');
    expect(loadStaffLanguage(storage('en'))).toBe('en');
    expect(loadStaffLanguage(storage('fr'))).toBe('vi');
  });

  it('shows the page in that language with dates on the site’s clock', () => {
    const site = { timezone: 'Asia/Ho_Chi_Minh' } as SiteCatalogue;
    const en = pageTranslator('en', site);
    expect(en.t('staff.sign_in')).toBe('Sign in');
    expect(
      en.t('staff.bridge_info', { version: '1.2', site: 'demo', since: new Date('2026-11-23T17:30:00Z') }),
    ).toBe('Server 1.2 · site demo · running since 24/11/2026 00:30');
    expect(pageTranslator('vi', site).t('staff.sign_in')).toBe('Đăng nhập');
  });
});
