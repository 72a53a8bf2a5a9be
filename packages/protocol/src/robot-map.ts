/**
 * What the staff console draws of the robot's world (issue 17): the site map with its places and zones
 * (`robot:get_map`), and the route the robot is driving with the obstacles it reported (`robot:get_path`,
 * broadcast `robot:path`). Map frame, metres and radians, x east, y north, like `robot:state.pose`.
 */

export const ZONE_KINDS = ['keepout', 'slow', 'quiet'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export interface RobotMapPlace {
  /** Map place id (what `robot:send` and `robot:anchor` take). */
  id: string;
  /** The map's place kind: counter, entrance, exit, home, dock, waiting_area, information, facility... */
  kind: string;
  /** The map file's own (English) name; pages show the site catalogue's translated name where there is one. */
  name: string;
  x: number;
  y: number;
  /** Where the robot stops for this place, facing it. */
  approach: { x: number; y: number; theta: number };
  /** A kiosk may ask for guidance here (a counter's or a facility's place). Staff may send it anywhere. */
  guidable: boolean;
}

export interface RobotMapZone {
  id: string;
  kind: ZoneKind;
  /** Closed polygon, `[x, y]` corners in m. */
  polygon: [number, number][];
  /** Speed cap of a slow zone, m/s; null for other kinds. */
  speed_limit: number | null;
}

/** Answer of `robot:get_map`: the first floor of the site map, as the robot plans on it. */
export interface RobotMap {
  /** Map version and hash (`version:hash`): a page keeps its copy until this changes. */
  map_version: string;
  floor: { id: string; name: string };
  /**
   * The occupancy grid as a PNG data URL, one pixel per cell, row 0 at the top (largest y): walls dark, free
   * space light, unknown grey. It covers `width_m` x `height_m` from `origin` (the lower-left corner).
   */
  image: string;
  origin: { x: number; y: number };
  resolution: number;
  width_m: number;
  height_m: number;
  places: RobotMapPlace[];
  zones: RobotMapZone[];
  /** Place ids of the robot's home and dock. */
  home: string;
  dock: string;
}

/** An obstacle the robot's range sensor reported, as the planner marked it on the costmap. */
export interface MapObstacle {
  x: number;
  y: number;
  radius: number;
}

/**
 * The robot's current route (`robot:get_path`, broadcast `robot:path` on every plan, replan and leg end).
 * The remaining part is what lies ahead of `robot:state.pose` along `points`.
 */
export interface RobotPath {
  /** The mission driving, or null when no leg is under way. */
  mission_id: string | null;
  /** Place id the current leg drives to, or null. */
  target: string | null;
  /** Planned route of the current leg from where it was planned, `[x, y]` in m; empty when not driving. */
  points: [number, number][];
  /** Obstacles reported on this leg and marked on the costmap (cleared when the leg ends). */
  obstacles: MapObstacle[];
  at: string;
}
