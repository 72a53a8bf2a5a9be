import { EventEmitter } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteMap } from '@reception/nav';
import { loadSite } from '@reception/protocol/site-file';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { mapPlaceIds, type SiteStore } from '../site/site-store.ts';
import { buildLobbyPlan, kioskPlaceId } from './lobby-plan.ts';
import { kioskJourneyHandlers } from './socket-handlers.ts';

const SITE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../sites/demo-ward/site.yaml',
);

describe('lobby plan of the demo ward', async () => {
  const { site, mapFile } = await loadSite(SITE, mapPlaceIds);
  const map = loadSiteMap(mapFile);
  const plan = buildLobbyPlan(site, map);

  it('stands at the configured kiosk place, falling back to the information desk or entrance', () => {
    expect(plan.here?.id).toBe('information_desk');
    expect(kioskPlaceId({ kiosk_place: 'nowhere' }, map)).toBe('information_desk');
    expect(kioskPlaceId({}, { ...map, places: map.places.filter((p) => p.id !== 'information_desk') })).toBe(
      'entrance',
    );
  });

  it('has walls inside the floor and every counter and facility as a place', () => {
    expect(plan.walls.length).toBeGreaterThan(20);
    for (const [x, y, w, h] of plan.walls) {
      expect(x).toBeGreaterThanOrEqual(plan.min_x - 1e-9);
      expect(y).toBeGreaterThanOrEqual(plan.min_y - 1e-9);
      expect(x + w).toBeLessThanOrEqual(plan.min_x + plan.width_m + 0.3);
      expect(h).toBeGreaterThan(0);
    }
    const ids = new Set(plan.places.map((p) => p.id));
    for (const c of site.counters) expect(ids).toContain(c.place);
    for (const f of site.facilities) expect(ids).toContain(f.place);
  });

  it('routes from the kiosk to the restroom and counter 3, starting here and at least as long as the crow flies', () => {
    for (const id of ['restroom', 'counter_3']) {
      const route = plan.routes[id];
      expect(route, id).toBeDefined();
      const place = map.places.find((p) => p.id === id)!;
      const [sx, sy] = route!.points[0]!;
      const [ex, ey] = route!.points.at(-1)!;
      expect(Math.hypot(sx - plan.here!.x, sy - plan.here!.y)).toBeLessThan(3);
      expect(Math.hypot(ex - place.approach.x, ey - place.approach.y)).toBeLessThan(1);
      expect(route!.length_m).toBeGreaterThanOrEqual(Math.hypot(ex - sx, ey - sy) - 0.01);
    }
  });
});

describe('lobby:plan', () => {
  it('answers the plan built in a worker thread; an unreadable map is UNAVAILABLE, and tried again after', async () => {
    const loaded = await loadSite(SITE, mapPlaceIds);
    const site = Object.assign(new EventEmitter(), { current: loaded });
    const handlers = kioskJourneyHandlers({
      site: site as unknown as SiteStore,
      queue: undefined as never,
      log: pino({ level: 'silent' }),
    });
    const ask = () => handlers['lobby:plan']({}, undefined as never);
    const inline = buildLobbyPlan(loaded.site, loadSiteMap(loaded.mapFile));
    expect(await ask()).toEqual({ ok: true, value: inline });
    site.current = { ...loaded, mapFile: path.join(path.dirname(loaded.mapFile), 'missing.yaml') };
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    site.current = loaded;
    expect(await ask()).toEqual({ ok: true, value: inline });
  });
});
