import path from 'node:path';
import { loadSite } from '@reception/protocol/site-file';
import { SiteConfigError } from '@reception/protocol/site-error';
import { smallSite, writeSiteDir } from '@reception/protocol/testing/site-fixtures';
import { describe, expect, it } from 'vitest';
import { mapPlaceIds } from './site-store.ts';

describe('site places against the lobby map', () => {
  it('validates places against the real lobby map, and reports a broken map as the map field', async () => {
    const site = smallSite() as { counters: { place: string }[]; map: string };
    site.counters[1]!.place = 'counter_99';
    const dir = await writeSiteDir(site);
    const bad = await loadSite(path.join(dir, 'site.yaml'), mapPlaceIds).catch(
      (x: unknown) => x as SiteConfigError,
    );
    expect((bad as SiteConfigError).problems).toEqual([
      expect.objectContaining({ field: 'counters[1].place', reason: "unknown map place 'counter_99'" }),
    ]);

    site.map = 'map/missing.yaml';
    const dir2 = await writeSiteDir(site);
    const noMap = await loadSite(path.join(dir2, 'site.yaml'), mapPlaceIds).catch(
      (x: unknown) => x as SiteConfigError,
    );
    expect((noMap as SiteConfigError).problems[0]).toMatchObject({ field: 'map' });
    expect((noMap as SiteConfigError).problems[0]?.reason).toContain('missing.yaml');
  });
});
