/** Base-to-host telemetry in the bridge's units (m, rad, s, V, A) and names. Pure functions. */
import {
  Mode,
  SafetyKind,
  type BatteryPayload,
  type OdomPayload,
  type SafetyEventPayload,
} from './messages.generated.ts';
import type { Battery, ModeName, Odometry, SafetyEvent, SafetyKindName } from './robot-base.ts';

const invert = <T extends Record<string, number>>(o: T): Map<number, keyof T & string> =>
  new Map(Object.entries(o).map(([k, v]) => [v, k as keyof T & string]));
const MODE_NAMES = invert(Mode);
const SAFETY_NAMES = invert(SafetyKind);

export function toOdometry(p: OdomPayload): Odometry {
  return {
    tMs: p.t_ms,
    x: p.x_mm / 1000,
    y: p.y_mm / 1000,
    theta: p.theta_mrad / 1000,
    v: p.v_mm_s / 1000,
    w: p.w_mrad_s / 1000,
    pathId: p.path_id,
    waypointIndex: p.waypoint_index,
    // An unknown mode from a newer firmware is treated as a fault, never as "moving normally".
    mode: MODE_NAMES.get(p.mode) ?? ('FAULT' satisfies ModeName),
  };
}

export function toBattery(p: BatteryPayload): Battery {
  return {
    voltage: p.voltage_mv / 1000,
    current: p.current_ma / 1000,
    socPct: p.soc_pct,
    charging: p.charging !== 0,
  };
}

export function toSafetyEvent(p: SafetyEventPayload): SafetyEvent {
  const kind: SafetyKindName | 'UNKNOWN' = SAFETY_NAMES.get(p.kind) ?? 'UNKNOWN';
  return { eventId: p.event_id, kind, active: p.active !== 0, detail: p.detail };
}
