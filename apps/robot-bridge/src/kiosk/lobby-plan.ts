import { downsampleFloor, loadSiteMap, OCC_OCCUPIED, RoutePlanner, type SiteMap } from '@reception/nav';
import type { LobbyPlace, LobbyPlan, Site } from '@reception/protocol';

/** Wall cells are merged at this many fine cells per coarse cell (0.05 m maps: 0.25 m on the kiosk). */
const COARSE = 5;
/** Route points closer than this to the previous one are dropped: the kiosk draws a line, not a path. */
const MIN_STEP_M = 0.5;

/** Where the kiosk stands: the site's `kiosk_place`, else the information desk, else the entrance. */
export function kioskPlaceId(site: Pick<Site, 'kiosk_place'>, map: SiteMap): string | undefined {
  const ids = new Set(map.places.map((p) => p.id));
  return [site.kiosk_place, 'information_desk', 'entrance'].find((id) => id !== undefined && ids.has(id));
}

/**
 * The lobby plan a kiosk draws (`lobby:plan`): walls as row-merged rectangles of the coarsened first
 * floor, the places of counters and facilities, and a walking route from the kiosk to each, planned on the
 * costmap by nav's RoutePlanner (the robot's own planner, so the line avoids walls and keep-out zones).
 * A place without a route (unreachable) simply has none. Pure: the caller caches it per site.
 */
export function buildLobbyPlan(
  site: Pick<Site, 'kiosk_place' | 'counters' | 'facilities'>,
  map: SiteMap,
): LobbyPlan {
  const floor = map.floors[0];
  if (!floor) throw new Error(`map ${map.file} has no floor`);
  const coarse = downsampleFloor(floor, COARSE);
  const cell = coarse.resolution;
  const walls: LobbyPlan['walls'] = [];
  for (let r = 0; r < coarse.height; r++) {
    let start = -1;
    for (let c = 0; c <= coarse.width; c++) {
      const occupied = c < coarse.width && coarse.occupancy[r * coarse.width + c] === OCC_OCCUPIED;
      if (occupied && start < 0) start = c;
      if (!occupied && start >= 0) {
        // Row 0 is the top of the image (largest y).
        const y = coarse.origin.y + (coarse.height - 1 - r) * cell;
        walls.push([round(coarse.origin.x + start * cell), round(y), round((c - start) * cell), round(cell)]);
        start = -1;
      }
    }
  }
  const wanted = new Set([...site.counters.map((c) => c.place), ...site.facilities.map((f) => f.place)]);
  const toPlace = (id: string): LobbyPlace | undefined => {
    const p = map.places.find((q) => q.id === id);
    return p ? { id: p.id, kind: p.kind, x: round(p.pose.x), y: round(p.pose.y) } : undefined;
  };
  const places = [...wanted].flatMap((id) => toPlace(id) ?? []);
  const hereId = kioskPlaceId(site, map);
  const routes: LobbyPlan['routes'] = {};
  if (hereId) {
    const planner = new RoutePlanner(map, floor.id, { landmarks: false });
    for (const id of wanted) {
      if (id === hereId) continue;
      const r = planner.tryPlanBetween(hereId, id);
      if (!r.ok) continue;
      const points: [number, number][] = [];
      for (const w of [r.value.start, ...r.value.waypoints]) {
        const last = points.at(-1);
        if (!last || Math.hypot(w.x - last[0], w.y - last[1]) >= MIN_STEP_M)
          points.push([round(w.x), round(w.y)]);
      }
      routes[id] = { points, length_m: round(r.value.length) };
    }
  }
  return {
    map_version: `${map.version}:${map.hash}`,
    min_x: round(floor.origin.x),
    min_y: round(floor.origin.y),
    width_m: round(floor.width * floor.resolution),
    height_m: round(floor.height * floor.resolution),
    walls,
    places,
    here: hereId ? (toPlace(hereId) ?? null) : null,
    routes,
  };
}

/** `buildLobbyPlan` of the map file: the entry `offThread` calls in a worker. */
export function lobbyPlanOfFile(
  site: Pick<Site, 'kiosk_place' | 'counters' | 'facilities'>,
  mapFile: string,
): LobbyPlan {
  return buildLobbyPlan(site, loadSiteMap(mapFile));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
