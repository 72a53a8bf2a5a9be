import {
  FINAL_MISSION_STATES,
  type MissionUpdate,
  type RobotState,
  type SystemHealth,
  type SystemProblemKind,
} from '@reception/protocol';

type Xy = readonly [number, number];

/**
 * The planned route cut at the robot: the part already driven (start to the robot) and the part ahead
 * (the robot to the end). The cut is at the route segment nearest to the pose; without a pose all is ahead.
 */
export function splitRoute(
  points: readonly Xy[],
  pose: { x: number; y: number } | null,
): { done: Xy[]; ahead: Xy[] } {
  if (!pose || points.length < 2) return { done: [], ahead: [...points] };
  let best = 0;
  let bestD = Infinity;
  for (const [i, a] of points.entries()) {
    const b = points[i + 1];
    if (!b) break;
    const d = distanceToSegment(pose, a, b);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  const here: Xy = [pose.x, pose.y];
  return { done: [...points.slice(0, best + 1), here], ahead: [here, ...points.slice(best + 1)] };
}

function distanceToSegment(p: { x: number; y: number }, a: Xy, b: Xy): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a[0]) * dx + (p.y - a[1]) * dy) / len2));
  return Math.hypot(p.x - (a[0] + t * dx), p.y - (a[1] + t * dy));
}

/** The missions not yet over, by id: the newest update of each; a final update removes it. */
export function trackMission(
  open: ReadonlyMap<string, MissionUpdate>,
  u: MissionUpdate,
): Map<string, MissionUpdate> {
  const next = new Map(open);
  if (FINAL_MISSION_STATES.has(u.state)) next.delete(u.mission_id);
  else next.set(u.mission_id, u);
  return next;
}

/** The running mission (queue position 0) and the waiting ones in their order. */
export function missionLine(open: ReadonlyMap<string, MissionUpdate>): {
  current: MissionUpdate | undefined;
  waiting: MissionUpdate[];
} {
  const all = [...open.values()].sort((a, b) => a.queue_position - b.queue_position);
  const current = all.find((m) => m.queue_position === 0);
  return { current, waiting: all.filter((m) => m !== current) };
}

/** What the alert panel shows; `kind` selects the words (`console.alert`). */
export type AlertKind =
  | 'estop'
  | 'link_lost'
  | 'battery_low'
  | 'stuck'
  | 'blocked'
  | 'mission_failed'
  | 'needs_staff'
  | SystemProblemKind;

export interface Alert {
  /** Stable while the condition lasts: an acknowledgement holds until the condition ends and comes back. */
  id: string;
  kind: AlertKind;
  /** Place id of the trip concerned (stuck, blocked). */
  place?: string;
  /** Battery level 0..1 (battery_low). */
  level?: number;
  since: string;
}

/**
 * The robot and system conditions staff must act on, derived from the latest state: each alert lasts as
 * long as its condition (a failed trip: until it is acknowledged). A link that never came up is not "lost".
 */
export function robotAlerts(
  state: RobotState | undefined,
  health: SystemHealth | undefined,
  current: MissionUpdate | undefined,
  failed: readonly MissionUpdate[] = [],
): Alert[] {
  const alerts: Alert[] = [];
  const at = state?.updated_at ?? new Date(0).toISOString();
  if (state) {
    if (state.estop_latched === true) alerts.push({ id: 'estop', kind: 'estop', since: at });
    // Connecting before the base ever answered (the bridge starting) is not a lost link.
    if (state.link === 'disconnected' || (state.link === 'connecting' && state.firmware !== null))
      alerts.push({ id: 'link_lost', kind: 'link_lost', since: at });
    if (state.activity?.battery_low)
      alerts.push({
        id: 'battery_low',
        kind: 'battery_low',
        level: (state.battery?.soc_pct ?? 0) / 100,
        since: at,
      });
    if (state.activity?.needs_staff) alerts.push({ id: 'needs_staff', kind: 'needs_staff', since: at });
  }
  if (current && (current.reason === 'stuck' || current.reason === 'blocked'))
    alerts.push({
      id: `${current.reason}:${current.mission_id}`,
      kind: current.reason,
      place: current.place,
      since: current.at,
    });
  for (const f of failed)
    alerts.push({
      id: `failed:${f.mission_id}`,
      kind: f.reason === 'stuck' || f.reason === 'blocked' ? f.reason : 'mission_failed',
      place: f.place,
      since: f.at,
    });
  for (const p of health?.problems ?? [])
    alerts.push({ id: `${p.kind}:${p.since}`, kind: p.kind, since: p.since });
  return alerts;
}
