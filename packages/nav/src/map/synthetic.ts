import { createHash } from 'node:crypto';
import type { Pose, PlaceKind } from './schema.ts';
import { OCC_FREE, OCC_OCCUPIED, type Floor, type Place, type SiteMap, type Zone } from './site-map.ts';

export interface SyntheticMapSpec {
  width: number;
  height: number;
  resolution: number;
  /** Row-major from the top row, like the image: non-zero = occupied. */
  occupied: ArrayLike<number>;
  places?: { id: string; kind?: PlaceKind; pose: Pose; approach?: Pose }[];
  zones?: Zone[];
  version?: string;
}

/**
 * Builds an in-memory single-floor site map (origin 0,0) from a raster, for simulators, generators and
 * tests that need a map without files. The hash covers the raster, places and zones.
 */
export function syntheticSiteMap(spec: SyntheticMapSpec): SiteMap {
  const n = spec.width * spec.height;
  if (spec.occupied.length !== n)
    throw new RangeError(`occupied has ${spec.occupied.length} cells, expected ${n}`);
  const occupancy = new Uint8Array(n);
  for (let i = 0; i < n; i++) occupancy[i] = spec.occupied[i] ? OCC_OCCUPIED : OCC_FREE;
  const floor: Floor = {
    id: 'ground',
    name: 'ground',
    level: 0,
    resolution: spec.resolution,
    origin: { x: 0, y: 0 },
    width: spec.width,
    height: spec.height,
    occupancy,
    image: '',
  };
  const places: Place[] = (spec.places ?? []).map((p) => ({
    id: p.id,
    name: p.id,
    kind: p.kind ?? 'waypoint',
    floor: 'ground',
    pose: p.pose,
    approach: p.approach ?? p.pose,
  }));
  const zones = spec.zones ?? [];
  const hash = createHash('sha256').update(occupancy).update(JSON.stringify({ places, zones })).digest('hex');
  return {
    file: '',
    name: 'synthetic',
    version: spec.version ?? '0',
    hash,
    floors: [floor],
    places,
    zones,
    routes: undefined,
  };
}
