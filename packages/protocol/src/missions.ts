import { z } from 'zod';
import { languageSchema } from './site.ts';

/**
 * Robot missions (DESIGN.md sections 5 and 9): what kiosks and staff may ask of the robot, what the bridge
 * tells them while it happens, and the closed set of reasons a mission can end other than as planned.
 * The bridge validates every request with these schemas; an unknown place, a coordinate where a place id
 * belongs, a wrong type or an oversized string is `INVALID_PAYLOAD` or `NOT_FOUND` and changes nothing.
 */

/** guide: a kiosk asked; escort: call-ahead fetch of a called ticket; send/recall/dock/undock: staff or the bridge. */
export const MISSION_KINDS = ['guide', 'escort', 'send', 'recall', 'dock', 'undock'] as const;
export type MissionKind = (typeof MISSION_KINDS)[number];

/**
 * Where one mission is. `queued` waits for the robot; `fetching` (escort) drives to the waiting area;
 * `calling` (escort) shows and announces the number and waits for the citizen to confirm on the robot's
 * screen; `guiding` leads a citizen; `travelling` drives without one (send); `arrived` announces arrival and
 * waits for the citizen; `returning` drives home (or to the dock); `paused` is stopped by staff.
 * `completed`, `failed` and `cancelled` are final; the last two always carry a `reason`.
 */
export const MISSION_STATES = [
  'queued',
  'fetching',
  'calling',
  'guiding',
  'travelling',
  'arrived',
  'returning',
  'docking',
  'undocking',
  'paused',
  'completed',
  'failed',
  'cancelled',
] as const;
export type MissionState = (typeof MISSION_STATES)[number];
export const FINAL_MISSION_STATES: ReadonlySet<MissionState> = new Set(['completed', 'failed', 'cancelled']);

/**
 * Why a mission failed, was cancelled, or ended other than planned. Closed: add a code here (and to the
 * missions README's table of the fault that produces it), never a free-form string.
 */
export const MISSION_REASONS = [
  /** An obstacle blocked the way and no route around it appeared within the blocked timeout (30 s). */
  'blocked',
  /** Moved less than 0.5 m in 10 s while driving, and still so after 2 replans. */
  'stuck',
  /** No route from the robot to the place on the map, even without obstacles. */
  'unreachable',
  /** The serial link to the base went down during the mission; the base stopped by its heartbeat watchdog. */
  'link_lost',
  /** The e-stop latched (mushroom, bumper, staff): the mission aborts and a reset never resumes it. */
  'estop',
  /** The base reported a motor driver fault. */
  'motor_fault',
  /** The base rebooted (new boot id) during the mission: paths gone, e-stop latched. */
  'base_restarted',
  /** Battery below the threshold: new guidance refused, queued requests dropped, the robot docks. */
  'battery_low',
  /** A staff command took the robot. */
  'preempted',
  /** Staff cancelled it, or the citizen pressed Stop on the robot's screen. */
  'cancelled',
  /** The bridge restarted during the mission; the robot stays stopped until staff act. */
  'interrupted',
  /** Call-ahead escort: nobody confirmed on the robot's screen in time. */
  'escort_unclaimed',
  /** DOCK ended without charger contact. */
  'dock_failed',
  /** The base refused a motion command or did not acknowledge it. */
  'base_rejected',
  /** The path ended but the robot is not within 0.25 m and 0.25 rad of the place, even after corrections. */
  'arrival_missed',
  /** The ticket an escort was for was cancelled, transferred, completed or marked no-show before pickup. */
  'ticket_closed',
] as const;
export type MissionReason = (typeof MISSION_REASONS)[number];
export const missionReasonSchema = z.enum(MISSION_REASONS);

/** Why a kiosk's guidance request was refused (the `reason` of an error answer). */
export const GUIDE_REFUSALS = [
  'queue_full',
  'battery_low',
  'estop',
  'link_down',
  'needs_staff',
  'no_robot',
] as const;
export type GuideRefusal = (typeof GUIDE_REFUSALS)[number];

/** What the robot is doing, for the console and the robot's own screen (DESIGN.md section 5). */
export const ROBOT_ACTIVITIES = [
  'IDLE',
  'FETCHING',
  'CALLING',
  'GUIDING',
  'TRAVELLING',
  'ARRIVED',
  'RETURNING',
  'RECALLED',
  'DOCKING',
  'CHARGING',
  'UNDOCKING',
  'PAUSED',
  'ESTOP',
  'FAULT',
] as const;
export type RobotActivityState = (typeof ROBOT_ACTIVITIES)[number];

export const robotActivitySchema = z.object({
  state: z.enum(ROBOT_ACTIVITIES),
  mission_id: z.string().nullable(),
  /** Reason of the last failure while the robot waits for staff (`needs_staff`), else of the current state. */
  reason: missionReasonSchema.nullable(),
  /** True after a fault that ended a mission away from home: nothing moves until staff send, recall or dock it. */
  needs_staff: z.boolean(),
  at_home: z.boolean(),
  /** Battery below the low threshold and not yet recharged to the resume level: no new guidance, docking. */
  battery_low: z.boolean(),
  /** How the pose was last anchored: `start:home`, `start:dock`, `staff:<who>`, `last_known`... */
  anchor: z.string().nullable(),
});
export type RobotActivity = z.infer<typeof robotActivitySchema>;

/** A map place id (nav's id rule). Never coordinates: kiosks may only name places. */
export const placeIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a place id: lowercase letters, digits, _ and -');
const missionIdSchema = z.uuid();

export const guideRequestSchema = z.object({ place: placeIdSchema, ticket_id: z.uuid().optional() }).strict();
export type GuideRequest = z.input<typeof guideRequestSchema>;
export const missionRefSchema = z.object({ mission_id: missionIdSchema }).strict();
/** Staff cancel: one mission (queued or current), or the current one when `mission_id` is left out. */
export const cancelMissionSchema = z.object({ mission_id: missionIdSchema.optional() }).strict();
export const sendRobotSchema = z.object({ place: placeIdSchema }).strict();
/** Call-ahead: fetch this ticket's holder from the waiting area when a counter calls it. */
export const escortRequestSchema = z.object({ ticket_id: z.uuid() }).strict();
const finite = z.number().min(-1e4).max(1e4);
/** Staff "the robot is here": at a place (its approach pose) or at a map-frame pose. */
export const anchorRobotSchema = z.union([
  z.object({ place: placeIdSchema }).strict(),
  z.object({ pose: z.object({ x: finite, y: finite, theta: finite }).strict() }).strict(),
]);
export type AnchorRobotRequest = z.input<typeof anchorRobotSchema>;
const isoDate = z.iso.datetime({ offset: true });
export const missionListSchema = z
  .object({
    kind: z.enum(MISSION_KINDS).optional(),
    state: z.enum(MISSION_STATES).optional(),
    reason: missionReasonSchema.optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type MissionListQuery = z.input<typeof missionListSchema>;

/** The ticket a mission is for, so the robot's screen can show and announce its number. */
export interface MissionTicket {
  ticket_id: string;
  number: string | null;
  language: z.infer<typeof languageSchema> | null;
  counter_number: number | null;
}

/** Sent to the kiosk that asked, to robot screens and to staff on every state change and every second while moving. */
export interface MissionUpdate {
  mission_id: string;
  kind: MissionKind;
  state: MissionState;
  reason?: MissionReason;
  /** Target map place id. */
  place: string;
  /** Along the path to the current target, m (0 when not moving). */
  remaining_m: number;
  /** Seconds until the current leg ends (queued: until the robot can start it). */
  eta_s: number;
  /** 0 = running; 1 = next; ... */
  queue_position: number;
  ticket: MissionTicket | null;
  at: string;
}

export interface GuideAccepted {
  mission_id: string;
  /** 0 = the robot starts now; n = n-th in line. */
  queue_position: number;
  /** Seconds until the robot reaches the place (queued: includes the wait). */
  eta_s: number;
}

export interface MissionEventRecord {
  at: string;
  state: MissionState;
  reason: MissionReason | null;
  detail: string | null;
}

/** One mission in the history (`mission:list`). */
export interface MissionRecord {
  mission_id: string;
  kind: MissionKind;
  state: MissionState;
  reason: MissionReason | null;
  place: string;
  ticket: MissionTicket | null;
  /** Staff username, kiosk device id or `system`. */
  requested_by: string;
  created_at: string;
  started_at: string | null;
  arrived_at: string | null;
  ended_at: string | null;
  /** Distance and heading error at arrival (firmware odometry in the map frame), null before arrival. */
  arrival_error_m: number | null;
  arrival_heading_error_rad: number | null;
  replans: number;
  events: MissionEventRecord[];
}

export interface MissionList {
  missions: MissionRecord[];
}

/** Answer of `kiosk:register_robot_screen`: what the screen should show right now. */
export interface RobotScreenState {
  activity: RobotActivity;
  mission: MissionUpdate | null;
}
