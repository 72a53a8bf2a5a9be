import { loadSiteMap, renderFloorPng, type SiteMap } from '@reception/nav';
import type { RobotMap, Site } from '@reception/protocol';

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The site map as the staff console draws it (`robot:get_map`): the first floor's occupancy grid as a PNG,
 * every place with its approach pose (guidable ones marked: the counters' and facilities' places), and the
 * keepout, slow and quiet zones. Pure: the caller caches it per map file.
 */
export function buildRobotMap(site: Pick<Site, 'counters' | 'facilities'>, map: SiteMap): RobotMap {
  const floor = map.floors[0];
  if (!floor) throw new Error(`map ${map.file} has no floor`);
  const guidable = new Set([...site.counters.map((c) => c.place), ...site.facilities.map((f) => f.place)]);
  return {
    map_version: `${map.version}:${map.hash}`,
    floor: { id: floor.id, name: floor.name },
    image: `data:image/png;base64,${renderFloorPng(floor).toString('base64')}`,
    origin: { x: floor.origin.x, y: floor.origin.y },
    resolution: floor.resolution,
    width_m: round(floor.width * floor.resolution),
    height_m: round(floor.height * floor.resolution),
    places: map.places
      .filter((p) => p.floor === floor.id)
      .map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        x: round(p.pose.x),
        y: round(p.pose.y),
        approach: { x: round(p.approach.x), y: round(p.approach.y), theta: round(p.approach.theta) },
        guidable: guidable.has(p.id),
      })),
    zones: map.zones
      .filter((z) => z.floor === floor.id)
      .map((z) => ({
        id: z.id,
        kind: z.kind,
        polygon: z.polygon.map(([x, y]) => [round(x), round(y)] as [number, number]),
        speed_limit: z.kind === 'slow' ? z.speedLimit : null,
      })),
    home: 'home',
    dock: 'dock',
  };
}

/** `buildRobotMap` of the map file: what the bridge runs in a worker thread for `robot:get_map`. */
export function robotMapOfFile(site: Pick<Site, 'counters' | 'facilities'>, mapFile: string): RobotMap {
  return buildRobotMap(site, loadSiteMap(mapFile));
}
