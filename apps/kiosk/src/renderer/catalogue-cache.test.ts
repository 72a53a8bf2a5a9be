import { describe, expect, it } from 'vitest';
import type { SiteCatalogue } from '@reception/protocol';
import { loadCachedCatalogue, saveCatalogue } from './catalogue-cache.ts';

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  } as Storage;
}

const site = {
  id: 'demo',
  services: [],
  languages: { default: 'vi', enabled: ['vi'] },
} as unknown as SiteCatalogue;

describe('catalogue cache', () => {
  it('gives back what was saved, with when', () => {
    const s = memory();
    expect(loadCachedCatalogue(s)).toBeUndefined();
    saveCatalogue(s, site, new Date('2026-01-02T03:04:05Z'));
    expect(loadCachedCatalogue(s)).toEqual({ site, savedAt: '2026-01-02T03:04:05.000Z' });
  });

  it('reads damaged or foreign entries as nothing, and survives a full storage', () => {
    const s = memory();
    s.setItem('kiosk.catalogue.v1', '{not json');
    expect(loadCachedCatalogue(s)).toBeUndefined();
    s.setItem('kiosk.catalogue.v1', JSON.stringify({ site: { id: 'x' }, savedAt: 'now' }));
    expect(loadCachedCatalogue(s)).toBeUndefined();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveCatalogue(full, site)).not.toThrow();
  });
});
