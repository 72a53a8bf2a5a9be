import { z } from 'zod';
import {
  auditSearchSchema,
  createTokenSchema,
  listTokensSchema,
  renameTokenSchema,
  revokeSessionSchema,
  revokeTokenSchema,
  type AuditPage,
  type CreatedToken,
  type DeviceInfo,
  type SessionInfo,
} from './admin.ts';
import { empty, rpc, type ClientEventsOf, type ServerEventsOf } from './rpc.ts';
import {
  anchorRobotSchema,
  cancelMissionSchema,
  escortRequestSchema,
  guideRequestSchema,
  missionListSchema,
  missionRefSchema,
  sendRobotSchema,
  type GuideAccepted,
  type MissionList,
  type MissionUpdate,
  type RobotActivity,
  type RobotScreenState,
} from './missions.ts';
import { estopResetSchema, robotStateSchema, type RobotState } from './robot.ts';
import type { RobotMap, RobotPath } from './robot-map.ts';
import type { SystemHealth } from './system-health.ts';
import { languageSchema, type SiteCatalogue } from './site.ts';
import {
  counterRefSchema,
  counterTicketSchema,
  eventsAfterSchema,
  findTicketSchema,
  issueTicketSchema,
  rateTicketSchema,
  reportQuerySchema,
  ticketRefSchema,
  transferTicketSchema,
  type CallResult,
  type EventsAfter,
  type QueueEvent,
  type QueueReport,
  type QueueSnapshot,
  type Ticket,
  type TicketLookup,
  type TicketReceipt,
} from './tickets.ts';
import { dossierStatusRequestSchema, type DossierStatus } from './dossiers.ts';
import type { LobbyPlan } from './lobby.ts';
import {
  staffCallAcknowledgedSchema,
  staffCallExpiredSchema,
  staffCallRefSchema,
  staffCallRequestSchema,
  staffCallSchema,
  type StaffCall,
  type StaffCallReceipt,
} from './staff-calls.ts';

/**
 * Socket.io contracts, one namespace per client role. Each role has a request map (client to server,
 * validated with zod at the bridge) and a broadcast map (server to client). Later features add their
 * requests and broadcasts here, never ad hoc event names elsewhere.
 *
 * Roles and how they authenticate (handshake `auth`):
 * - kiosk: `{ token }` device token; may read the catalogue, ask for tickets and guidance to known places.
 * - display: `{ token }` device token; read-only.
 * - staff: `{ token }` session token from staff login (staff or admin account); console and counter pages.
 * - admin: `{ token }` session token of an admin account; site, device tokens, sessions.
 * What each may do is `REQUEST_RULES` (request-rules.ts) over `ROLE_PERMISSIONS` (permissions.ts); a request
 * of another role's namespace is answered `FORBIDDEN`.
 */
export const NAMESPACES = { kiosk: '/kiosk', display: '/display', staff: '/staff', admin: '/admin' } as const;
export type Role = keyof typeof NAMESPACES;

export interface BridgeInfo {
  version: string;
  site_id: string;
  started_at: string;
}

const siteRequests = {
  'site:get': rpc<SiteCatalogue>()(empty),
  'bridge:info': rpc<BridgeInfo>()(empty),
};

/** Read-only queue views shared by displays, counters and kiosks. */
const queueViewRequests = {
  'queue:snapshot': rpc<QueueSnapshot>()(empty),
  /** Events after a sequence number, to fill a gap after a short disconnect. */
  'queue:events': rpc<EventsAfter>()(eventsAfterSchema),
};

export const kioskRequests = {
  ...siteRequests,
  ...queueViewRequests,
  /** Issue a ticket; retries with the same `idempotency_key` return the same ticket. */
  'ticket:issue': rpc<TicketReceipt>()(issueTicketSchema),
  /** Current position and estimated wait of a ticket (print outcome is `no_printer`). */
  'ticket:status': rpc<TicketReceipt>()(ticketRefSchema),
  /** Print a ticket again (after a paper jam). */
  'ticket:print': rpc<TicketReceipt>()(ticketRefSchema),
  /** Today's ticket with this printed number (`KS012`), for rating at the kiosk; NOT_FOUND otherwise. */
  'ticket:find': rpc<TicketLookup>()(findTicketSchema),
  /** Citizen satisfaction after a completed ticket: 1-5 and an optional reason. */
  'ticket:rate': rpc<null>()(rateTicketSchema),
  /** The citizen picked a language; the bridge logs it for reports (no personal data). */
  'session:language': rpc<null>()(z.object({ language: languageSchema }).strict()),
  /**
   * Dossier status by receipt code. Errors: INVALID_PAYLOAD (not a receipt code: empty, too long, wrong
   * shape or date; the message starts with the problem, e.g. `bad_format`), NOT_FOUND, UNAVAILABLE (the
   * one-stop system is down, slow or not set up), RATE_LIMITED (too many lookups from this kiosk).
   */
  'dossier:status': rpc<DossierStatus>()(dossierStatusRequestSchema),
  /** The lobby plan with routes from this kiosk to every counter and facility; UNAVAILABLE without a map. */
  'lobby:plan': rpc<LobbyPlan>()(empty),
  /** Call a staff member to this kiosk; errors: RATE_LIMITED. Answers are told by `staff_call:*` broadcasts. */
  'staff:call': rpc<StaffCallReceipt>()(staffCallRequestSchema),
  /** The citizen no longer needs help (or the kiosk reset): closes this kiosk's open call. */
  'staff_call:cancel': rpc<null>()(staffCallRefSchema),
  ...missionKioskRequests(),
};
export const displayRequests = { ...siteRequests, ...queueViewRequests };

/**
 * Kiosk side of missions. Guidance only to places the site marks as guidable (counters, facilities), never
 * to coordinates. `mission:confirm` and `mission:stop` are for a kiosk registered as the robot's own screen
 * (others get FORBIDDEN): touching the screen never stops a trip, only its Stop button does.
 */
function missionKioskRequests() {
  return {
    /** Guide the citizen at this kiosk to a place; queued (at most 3 by default) when the robot is busy. */
    'mission:guide': rpc<GuideAccepted>()(guideRequestSchema),
    /** Call-ahead: fetch this ticket's holder from the waiting area when a counter calls it. */
    'mission:escort': rpc<{ ticket_id: string }>()(escortRequestSchema),
    /** Escort: the citizen confirmed on the robot's screen that they follow. */
    'mission:confirm': rpc<null>()(missionRefSchema),
    /** The Stop button on the robot's screen: the trip ends (`cancelled`), the robot stops, then goes home. */
    'mission:stop': rpc<null>()(missionRefSchema),
    /** This kiosk is the robot's own screen: it receives every `mission:update`. */
    'kiosk:register_robot_screen': rpc<RobotScreenState>()(empty),
  };
}
/** Direct robot controls; every one is logged with the staff member who gave it. */
const robotRequests = {
  'robot:get': rpc<RobotState>()(empty),
  /** The site map as the console draws it: occupancy image, places, zones (UNAVAILABLE without a map). */
  'robot:get_map': rpc<RobotMap>()(empty),
  /** The route the robot drives now and the obstacles it reported (also broadcast as `robot:path`). */
  'robot:get_path': rpc<RobotPath>()(empty),
  /** Latches the e-stop in the firmware; only `robot:estop_reset` clears it. */
  'robot:estop': rpc<null>()(empty),
  'robot:estop_reset': rpc<null>()(estopResetSchema),
  /** Controlled stop of the current motion; a mission in progress is paused (`robot:resume` continues it). */
  'robot:stop': rpc<null>()(empty),
  /** Send the robot to any map place; it waits there, then returns home. Preempts kiosk missions. */
  'robot:send': rpc<{ mission_id: string }>()(sendRobotSchema),
  /** Home now. Preempts whatever runs (its kiosk is told `preempted`). */
  'robot:recall': rpc<{ mission_id: string }>()(empty),
  'robot:pause': rpc<null>()(empty),
  'robot:resume': rpc<null>()(empty),
  'robot:dock': rpc<{ mission_id: string }>()(empty),
  'robot:undock': rpc<{ mission_id: string }>()(empty),
  /** Staff re-anchor: "the robot is here" (a place's approach pose, or a map pose). */
  'robot:anchor': rpc<RobotActivity>()(anchorRobotSchema),
  'mission:cancel': rpc<null>()(cancelMissionSchema),
  /** Mission history, newest first, with filters. */
  'mission:list': rpc<MissionList>()(missionListSchema),
};

export const staffRequests = {
  ...siteRequests,
  ...queueViewRequests,
  ...robotRequests,
  'counter:open': rpc<null>()(counterRefSchema),
  'counter:close': rpc<null>()(counterRefSchema),
  /** Calls the next ticket for the counter's services (priority rules of the site apply). */
  'counter:call_next': rpc<CallResult>()(counterRefSchema),
  'ticket:recall': rpc<Ticket>()(counterTicketSchema),
  'ticket:start': rpc<Ticket>()(counterTicketSchema),
  'ticket:complete': rpc<Ticket>()(counterTicketSchema),
  'ticket:no_show': rpc<Ticket>()(counterTicketSchema),
  /** Moves a called or served ticket to another service's queue, at its front or end; number kept. */
  'ticket:transfer': rpc<Ticket>()(transferTicketSchema),
  'ticket:cancel': rpc<Ticket>()(ticketRefSchema),
  /** Tickets per service and counter, waiting and handling time percentiles, no-shows, ratings. */
  'queue:report': rpc<QueueReport>()(reportQuerySchema),
  /** Open calls from kiosks and those closed in the last hour, newest first. */
  'staff_call:list': rpc<{ calls: StaffCall[] }>()(empty),
  /** "I'm going": the calling kiosk is told who is coming. CONFLICT if it is no longer open. */
  'staff_call:ack': rpc<StaffCall>()(staffCallRefSchema),
  /** The audit log, newest first (needs `audit.read`: admins, or an account granted it). */
  'audit:search': rpc<AuditPage>()(auditSearchSchema),
  /** Printer and queue-system problems now (also broadcast as `system:health` when they change). */
  'system:get_health': rpc<SystemHealth>()(empty),
};
export const adminRequests = {
  ...siteRequests,
  /** Re-read the site file from disk, validate it and push it to every client; the old site stays on error. */
  'site:reload': rpc<{ site_id: string }>()(empty),
  /** A new device token for a kiosk or display; the token is in this answer only. */
  'token:create': rpc<CreatedToken>()(createTokenSchema),
  'token:list': rpc<{ devices: DeviceInfo[] }>()(listTokensSchema),
  'token:rename': rpc<DeviceInfo>()(renameTokenSchema),
  /** Revokes a device token; the device's sockets are disconnected at once. */
  'token:revoke': rpc<DeviceInfo>()(revokeTokenSchema),
  'session:list': rpc<{ sessions: SessionInfo[] }>()(empty),
  'session:revoke': rpc<{ revoked: number }>()(revokeSessionSchema),
  'audit:search': rpc<AuditPage>()(auditSearchSchema),
};

const siteChanged = z.object({ site_id: z.string() }).loose();
/** Every queue event, in `seq` order; type carrier only (the bridge emits, never parses it). */
const queueEvent = z.custom<QueueEvent>();
/** Type carriers only (the bridge emits, never parses them). */
const missionUpdate = z.custom<MissionUpdate>();
const robotPath = z.custom<RobotPath>();
const systemHealth = z.custom<SystemHealth>();
export const kioskBroadcasts = {
  'site:changed': siteChanged,
  'mission:update': missionUpdate,
  /** To the calling kiosk only: a staff member acknowledged its call and is coming. */
  'staff_call:acknowledged': staffCallAcknowledgedSchema,
  /** To the calling kiosk only: nobody acknowledged its call in time. */
  'staff_call:expired': staffCallExpiredSchema,
};
export const displayBroadcasts = { 'site:changed': siteChanged, 'queue:event': queueEvent };
export const staffBroadcasts = {
  'site:changed': siteChanged,
  'queue:event': queueEvent,
  /**
   * Robot state on the next turn of the bridge's event loop after it changed (a new odometry pose, battery,
   * link, e-stop, activity); a client still receiving an earlier state gets only the latest one once it has
   * caught up (superseded states are dropped, never queued). `pose` is in the map frame, null until anchored.
   */
  'robot:state': robotStateSchema,
  /** The route of the current leg, on every plan, replan and leg end, with the obstacles reported on it. */
  'robot:path': robotPath,
  /** The printer and queue-system problems, whenever the set changes. */
  'system:health': systemHealth,
  /** A citizen called from a kiosk. */
  'staff_call:new': staffCallSchema,
  /** A call was acknowledged, expired or cancelled. */
  'staff_call:update': staffCallSchema,
  'mission:update': missionUpdate,
};
export const adminBroadcasts = { 'site:changed': siteChanged };
export const broadcastsByRole = {
  kiosk: kioskBroadcasts,
  display: displayBroadcasts,
  staff: staffBroadcasts,
  admin: adminBroadcasts,
} as const;

export type KioskClientEvents = ClientEventsOf<typeof kioskRequests>;
export type KioskServerEvents = ServerEventsOf<typeof kioskBroadcasts>;
export type DisplayClientEvents = ClientEventsOf<typeof displayRequests>;
export type DisplayServerEvents = ServerEventsOf<typeof displayBroadcasts>;
export type StaffClientEvents = ClientEventsOf<typeof staffRequests>;
export type StaffServerEvents = ServerEventsOf<typeof staffBroadcasts>;
export type AdminClientEvents = ClientEventsOf<typeof adminRequests>;
export type AdminServerEvents = ServerEventsOf<typeof adminBroadcasts>;

/** Every request event of every role. */
export type RequestEvent =
  | keyof typeof kioskRequests
  | keyof typeof displayRequests
  | keyof typeof staffRequests
  | keyof typeof adminRequests;

export const requestsByRole = {
  kiosk: kioskRequests,
  display: displayRequests,
  staff: staffRequests,
  admin: adminRequests,
} as const;

/** Handshake auth payload, same shape for every role. */
export const handshakeAuthSchema = z.object({ token: z.string().min(1).max(512) }).strict();
