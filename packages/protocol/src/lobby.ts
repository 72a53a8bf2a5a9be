/**
 * The lobby as a kiosk draws it ("find a facility", ARCHITECTURE.md section 1): a light plan of the walls,
 * the places citizens look for, where the kiosk stands, and the walking route from there to each place,
 * planned on the site map by the same planner the robot uses. Map-frame metres, x east, y north.
 */
export interface LobbyPlace {
  /** Map place id (counters and facilities point at these). */
  id: string;
  kind: string;
  x: number;
  y: number;
}

export interface LobbyPlan {
  /** Map version and hash, so a kiosk can tell a stale cached plan. */
  map_version: string;
  /** Extent of the floor, m: the origin is (min_x, min_y). */
  min_x: number;
  min_y: number;
  width_m: number;
  height_m: number;
  /** Occupied space as axis-aligned rectangles `[x, y, w, h]` (lower-left corner), m, merged row-wise. */
  walls: [number, number, number, number][];
  places: LobbyPlace[];
  /** Where the kiosk stands (the site's `kiosk_place`, else the information desk or entrance). */
  here: LobbyPlace | null;
  /** Walking route from `here` to each reachable place id: polyline `[x, y]` points, and its length, m. */
  routes: Record<string, { points: [number, number][]; length_m: number }>;
}
