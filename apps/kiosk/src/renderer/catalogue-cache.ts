import type { SiteCatalogue } from '@reception/protocol';

/** The part of `Storage` used here. */
export type CacheStorage = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'kiosk.catalogue.v1';

export interface CachedCatalogue {
  site: SiteCatalogue;
  savedAt: string;
}

/**
 * The last catalogue the bridge sent, kept on the kiosk so a citizen can still read about procedures while
 * the bridge is out of reach (ARCHITECTURE.md section 2). It holds only the site's public texts, never
 * anything a citizen entered. A damaged or foreign entry reads as nothing.
 */
export function loadCachedCatalogue(storage: CacheStorage): CachedCatalogue | undefined {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<CachedCatalogue>;
    const site = parsed.site;
    if (
      !site ||
      typeof parsed.savedAt !== 'string' ||
      !Array.isArray(site.services) ||
      typeof site.languages !== 'object'
    ) {
      return undefined;
    }
    return { site, savedAt: parsed.savedAt };
  } catch {
    return undefined;
  }
}

export function saveCatalogue(storage: CacheStorage, site: SiteCatalogue, now = new Date()): void {
  try {
    storage.setItem(KEY, JSON.stringify({ site, savedAt: now.toISOString() } satisfies CachedCatalogue));
  } catch {
    // A full or disabled storage only costs the offline copy.
  }
}
