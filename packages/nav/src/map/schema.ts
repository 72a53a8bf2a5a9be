import { z } from 'zod';

const finite = z.number();
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids are lowercase letters, digits, _ and -');

export const poseSchema = z.strictObject({ x: finite, y: finite, theta: finite.default(0) });

/** The ROS map_server keys of one occupancy grid (image path relative to the YAML file). */
const occupancyKeys = {
  image: z.string().min(1),
  resolution: finite.positive(),
  origin: z.tuple([finite, finite, finite]),
  occupied_thresh: finite.min(0).max(1).default(0.65),
  free_thresh: finite.min(0).max(1).default(0.196),
  negate: z.union([z.literal(0), z.literal(1), z.boolean()]).default(0),
  mode: z.enum(['trinary', 'scale', 'raw']).default('trinary'),
};

export const floorSchema = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  level: z.number().int().default(0),
  ...occupancyKeys,
});

export const placeKinds = [
  'counter',
  'entrance',
  'exit',
  'home',
  'dock',
  'waiting_area',
  'facility',
  'information',
  'waypoint',
] as const;

export const placeSchema = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  kind: z.enum(placeKinds),
  floor: id.optional(),
  /** Where the thing is (a counter's desk, facing the citizen). */
  pose: poseSchema,
  /** Where the robot stops, facing the thing; defaults to `pose`. */
  approach: poseSchema.optional(),
});

const polygon = z.array(z.tuple([finite, finite])).min(3, 'a polygon needs at least 3 points');

export const zoneSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id,
    name: z.string().optional(),
    kind: z.literal('keepout'),
    floor: id.optional(),
    polygon,
  }),
  z.strictObject({
    id,
    name: z.string().optional(),
    kind: z.literal('slow'),
    floor: id.optional(),
    polygon,
    /** Speed cap inside the zone, m/s. */
    speed_limit: finite.positive().max(1.2),
    /** Extra traversal cost 0-200 added in the zone (people-heavy areas), so routes prefer to go around. */
    cost: z.number().int().min(0).max(200).default(0),
  }),
  z.strictObject({
    id,
    name: z.string().optional(),
    kind: z.literal('quiet'),
    floor: id.optional(),
    polygon,
    cost: z.number().int().min(0).max(200).default(0),
  }),
]);

export const routeGraphSchema = z.strictObject({
  /** Junctions; places are nodes too and may be referenced by id directly. */
  nodes: z.array(z.strictObject({ id, floor: id.optional(), x: finite, y: finite })).default([]),
  edges: z
    .array(
      z.strictObject({
        from: id,
        to: id,
        kind: z.enum(['walk', 'lift']).default('walk'),
        /** Metres-equivalent cost; defaults to the straight distance (lifts need one). */
        cost: finite.positive().optional(),
      }),
    )
    .min(1),
});

export const siteMapSchema = z.strictObject({
  version: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  name: z.string().min(1).optional(),
  /** The first floor, in map_server keys at the top level, so ROS tools can read this file unchanged. */
  ...occupancyKeys,
  floor: z
    .strictObject({ id, name: z.string().min(1).optional(), level: z.number().int().default(0) })
    .optional(),
  floors: z.array(floorSchema).default([]),
  places: z.array(placeSchema).default([]),
  zones: z.array(zoneSchema).default([]),
  routes: routeGraphSchema.optional(),
});

export type Pose = z.infer<typeof poseSchema>;
export type PlaceKind = (typeof placeKinds)[number];
export type SiteMapFile = z.infer<typeof siteMapSchema>;
export type ZoneSpec = z.infer<typeof zoneSchema>;
export type RouteGraphSpec = z.infer<typeof routeGraphSchema>;
