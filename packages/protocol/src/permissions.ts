import type { Counter, SiteCatalogue } from './site.ts';

/**
 * Who may do what (ARCHITECTURE.md section 8), as data: one permission per kind of action, a table of the
 * permissions of each role, and the per-counter rules. The bridge enforces these on every socket request and
 * HTTP endpoint; pages use the same functions only to hide what would be refused.
 */
export const PERMISSIONS = [
  /** Read the site catalogue and the bridge's version. */
  'site.read',
  /** Read the queue (display board, snapshots, missed events). */
  'queue.view',
  /** Issue a ticket, read its position, print it again. */
  'ticket.issue',
  /** Rate a completed ticket for the citizen. */
  'ticket.rate',
  /** Kiosk session facts for reports (chosen language); no personal data. */
  'kiosk.session',
  /** Ask the robot to guide the citizen to a guidable place (counters, facilities), or to fetch them. */
  'mission.guide',
  /** Be the robot's own screen: receive every mission update, confirm an escort, press Stop. */
  'mission.robot_screen',
  /** Look up a dossier's status by its receipt code. */
  'dossier.lookup',
  /** Call a staff member to the kiosk, or cancel that call. */
  'staff_call.request',
  /** See citizens' calls from kiosks and answer them. */
  'staff_call.answer',
  /** Open, close, call, recall, start, complete, no-show, transfer and cancel at a counter the person operates. */
  'counter.operate',
  /** Queue reports and the CSV export (of the person's counters unless admin). */
  'queue.report',
  /** See the robot's state, map, route and missions. */
  'robot.view',
  /** See the health of the ticket printer and the queue system (the console's alerts). */
  'system.view',
  /** Stop the robot or latch its emergency stop. */
  'robot.stop',
  /** Send the robot somewhere: guide, recall, pause, resume, dock, cancel a mission. */
  'robot.move',
  /** Clear a latched emergency stop (the deliberate second step). */
  'robot.estop_reset',
  /** Search and export the audit log. */
  'audit.read',
  /** Reload the site file. */
  'admin.site',
  /** Create, list, rename and revoke device tokens. */
  'admin.devices',
  /** List and revoke staff sessions. */
  'admin.sessions',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PRINCIPAL_ROLES = ['kiosk', 'display', 'staff', 'admin'] as const;
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

/** Permissions of each role. Staff accounts may carry extra `grants` (staff.yaml); counters are checked apart. */
export const ROLE_PERMISSIONS: Readonly<Record<PrincipalRole, readonly Permission[]>> = {
  kiosk: [
    'site.read',
    'queue.view',
    'ticket.issue',
    'ticket.rate',
    'kiosk.session',
    'mission.guide',
    'mission.robot_screen',
    'dossier.lookup',
    'staff_call.request',
  ],
  display: ['site.read', 'queue.view'],
  staff: [
    'site.read',
    'queue.view',
    'counter.operate',
    'queue.report',
    'robot.view',
    'system.view',
    'robot.stop',
    'robot.move',
    'staff_call.answer',
  ],
  admin: PERMISSIONS,
};

/** The part of a principal the rules read: its role, and for staff their counters and extra grants. */
export interface Grantee {
  role: PrincipalRole;
  counters?: readonly string[];
  grants?: readonly Permission[];
}

export function can(who: Grantee, permission: Permission): boolean {
  return ROLE_PERMISSIONS[who.role].includes(permission) || (who.grants?.includes(permission) ?? false);
}

/** Admins operate every counter; staff the counters listed on their account; devices none. */
export function mayOperateCounter(who: Grantee, counterId: string): boolean {
  if (!can(who, 'counter.operate')) return false;
  return who.role === 'admin' || (who.counters?.includes(counterId) ?? false);
}

/** The counters of the site this person may operate, in site order. */
export function operableCounters(who: Grantee, catalogue: Pick<SiteCatalogue, 'counters'>): Counter[] {
  return catalogue.counters.filter((c) => mayOperateCounter(who, c.id));
}

/** The ticket facts the counter rules need. */
export interface TicketScope {
  service_id: string;
  /** Counter the ticket is called to or served at, if any. */
  counter_id: string | null;
}

/**
 * May this person act on this ticket at `counterId`: they operate that counter, and the counter serves the
 * ticket's service or the ticket is already at that counter (called or being served there).
 */
export function mayActOnTicket(
  who: Grantee,
  catalogue: Pick<SiteCatalogue, 'counters'>,
  counterId: string,
  ticket: TicketScope,
): boolean {
  if (!mayOperateCounter(who, counterId)) return false;
  if (ticket.counter_id === counterId) return true;
  return catalogue.counters.find((c) => c.id === counterId)?.services.includes(ticket.service_id) ?? false;
}

/** Without a counter named (e.g. cancel): some counter this person operates may act on the ticket. */
export function mayActOnTicketAnywhere(
  who: Grantee,
  catalogue: Pick<SiteCatalogue, 'counters'>,
  ticket: TicketScope,
): boolean {
  return catalogue.counters.some((c) => mayActOnTicket(who, catalogue, c.id, ticket));
}

/**
 * How the bridge checks one request before its handler runs: the permission it needs, whether the payload's
 * `counter_id` must be a counter the person operates (`counter`), or the ticket it names must be one they
 * may act on (`ticket`, checked by the handler once it has read the ticket), and whether it goes into the
 * audit log.
 */
export interface RequestRule {
  permission: Permission;
  scope?: 'counter' | 'ticket';
  audit?: boolean;
}
