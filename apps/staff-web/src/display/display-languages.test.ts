import type { SiteCatalogue } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { displayLanguages } from './display-languages.tsx';

const site = (languages: SiteCatalogue['languages']) =>
  ({ timezone: 'Asia/Ho_Chi_Minh', languages }) as SiteCatalogue;

describe('display languages', () => {
  it('puts the default language first and keeps every other enabled one, Hindi and Urdu included', () => {
    const langs = displayLanguages(site({ default: 'vi', enabled: ['en', 'vi', 'hi', 'ur'] }));
    expect(langs.primary.language).toBe('vi');
    expect(langs.others.map((t) => t.language)).toEqual(['en', 'hi', 'ur']);
    expect(langs.all.map((t) => t.t('display.now_serving'))).toEqual([
      'Đang phục vụ',
      'Now serving',
      'अभी सेवा में',
      'اس وقت خدمت میں',
    ]);
  });

  it('reads the clock in the site’s zone', () => {
    const langs = displayLanguages(site({ default: 'ur', enabled: ['ur'] }));
    expect(langs.primary.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(langs.others).toEqual([]);
  });
});
