import { z } from 'zod';
import { robotActivitySchema } from './missions.ts';

/**
 * What staff see of the robot base, and the few commands they can give it directly. Units are SI (m, rad,
 * m/s). `link` is `absent` when the bridge has no robot configured.
 */
export const robotStateSchema = z.object({
  link: z.enum(['absent', 'disconnected', 'connecting', 'up', 'closed']),
  firmware: z.string().nullable(),
  mode: z.string().nullable(),
  estop_latched: z.boolean().nullable(),
  /** Map frame (odometry anchored at home or the dock, re-anchored by staff); null until anchored. */
  pose: z.object({ x: z.number(), y: z.number(), theta: z.number() }).nullable(),
  velocity: z.object({ v: z.number(), w: z.number() }).nullable(),
  battery: z
    .object({ soc_pct: z.number(), voltage: z.number(), current: z.number(), charging: z.boolean() })
    .nullable(),
  /** Most recent safety events first (at most 10). */
  safety: z.array(z.object({ kind: z.string(), active: z.boolean(), detail: z.number(), at: z.string() })),
  /** What the mission engine is doing; absent when the bridge runs no missions (no robot configured). */
  activity: robotActivitySchema.optional(),
  updated_at: z.string(),
});
export type RobotState = z.infer<typeof robotStateSchema>;

/** Clearing a latched e-stop is a deliberate second step: the request must carry this literal. */
export const ESTOP_RESET_CONFIRMATION = 'RESET_ESTOP';
export const estopResetSchema = z.object({ confirm: z.literal(ESTOP_RESET_CONFIRMATION) }).strict();
