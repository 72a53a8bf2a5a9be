import type { PlaceKind, Pose } from './schema.ts';

/** Occupancy values per cell, as in nav_msgs/OccupancyGrid but unsigned: unknown is 255. */
export const OCC_FREE = 0;
export const OCC_OCCUPIED = 100;
export const OCC_UNKNOWN = 255;

/** One floor's occupancy grid; row 0 is the top image row (largest y), column 0 the smallest x. */
export interface Floor {
  readonly id: string;
  readonly name: string;
  readonly level: number;
  /** Metres per cell. */
  readonly resolution: number;
  /** Map-frame position of the lower-left corner of the lower-left cell. */
  readonly origin: { readonly x: number; readonly y: number };
  readonly width: number;
  readonly height: number;
  /** `width * height` cells, row-major from the top row: OCC_FREE, OCC_OCCUPIED or OCC_UNKNOWN. */
  readonly occupancy: Uint8Array;
  /** Absolute path of the image the grid came from (for tools), empty for generated grids. */
  readonly image: string;
}

export interface Place {
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly floor: string;
  readonly pose: Pose;
  /** Where the robot stops, facing the place. */
  readonly approach: Pose;
}

export type Polygon = readonly (readonly [number, number])[];

export type Zone =
  | { readonly id: string; readonly kind: 'keepout'; readonly floor: string; readonly polygon: Polygon }
  | {
      readonly id: string;
      readonly kind: 'slow';
      readonly floor: string;
      readonly polygon: Polygon;
      readonly speedLimit: number;
      readonly cost: number;
    }
  | {
      readonly id: string;
      readonly kind: 'quiet';
      readonly floor: string;
      readonly polygon: Polygon;
      readonly cost: number;
    };

export interface RouteNode {
  readonly id: string;
  readonly floor: string;
  readonly x: number;
  readonly y: number;
}

export interface RouteEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'walk' | 'lift';
  readonly cost: number;
}

/** A coarse graph between places and junctions (and between floors through lifts). */
export interface RouteGraph {
  readonly nodes: readonly RouteNode[];
  readonly edges: readonly RouteEdge[];
}

export interface SiteMap {
  /** Absolute path of the map YAML. */
  readonly file: string;
  readonly name: string;
  readonly version: string;
  /** sha256 (hex) over the YAML bytes followed by every floor image's bytes, in floor order. */
  readonly hash: string;
  readonly floors: readonly Floor[];
  readonly places: readonly Place[];
  readonly zones: readonly Zone[];
  readonly routes: RouteGraph | undefined;
}

/** The cell that contains map-frame point (x, y); may be outside the grid. */
export function worldToCell(floor: Floor, x: number, y: number): { col: number; row: number } {
  const col = Math.floor((x - floor.origin.x) / floor.resolution);
  const row = floor.height - 1 - Math.floor((y - floor.origin.y) / floor.resolution);
  return { col, row };
}

/** Map-frame centre of a cell. */
export function cellCenter(floor: Floor, col: number, row: number): { x: number; y: number } {
  return {
    x: floor.origin.x + (col + 0.5) * floor.resolution,
    y: floor.origin.y + (floor.height - 1 - row + 0.5) * floor.resolution,
  };
}

export function findFloor(map: SiteMap, id: string): Floor | undefined {
  return map.floors.find((f) => f.id === id);
}

export function findPlace(map: SiteMap, id: string): Place | undefined {
  return map.places.find((p) => p.id === id);
}

/**
 * A coarser copy of a floor (`factor` fine cells per coarse cell each way). Conservative: a coarse cell
 * is occupied if any fine cell is, else unknown if any is, else free.
 */
export function downsampleFloor(floor: Floor, factor: number): Floor {
  if (!Number.isInteger(factor) || factor < 1)
    throw new RangeError(`factor must be a positive integer, got ${factor}`);
  const width = Math.ceil(floor.width / factor);
  const height = Math.ceil(floor.height / factor);
  const occupancy = new Uint8Array(width * height);
  // Align to the bottom-left so the origin stays put; rows above the top edge count as unknown.
  const padTop = height * factor - floor.height;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let v = OCC_FREE;
      for (let fr = r * factor - padTop; fr < (r + 1) * factor - padTop && v !== OCC_OCCUPIED; fr++) {
        for (let fc = c * factor; fc < (c + 1) * factor; fc++) {
          const o =
            fr < 0 || fc >= floor.width
              ? OCC_UNKNOWN
              : (floor.occupancy[fr * floor.width + fc] ?? OCC_UNKNOWN);
          if (o === OCC_OCCUPIED) {
            v = OCC_OCCUPIED;
            break;
          }
          if (o === OCC_UNKNOWN) v = OCC_UNKNOWN;
        }
      }
      occupancy[r * width + c] = v;
    }
  }
  return { ...floor, resolution: floor.resolution * factor, width, height, occupancy };
}
