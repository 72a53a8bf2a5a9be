import type { MissionKind, MissionReason, MissionState, RobotActivityState } from '@reception/protocol';
import type { Pose } from './geometry.ts';

/** One step of a mission. `return` is resolved when it starts: home, or the dock when the battery is low. */
export type Step =
  | { kind: 'drive'; state: MissionState; place: string; pose: Pose; align: boolean; arrival: boolean }
  | { kind: 'wait'; state: 'arrived'; ms: number }
  | { kind: 'confirm'; ms: number }
  | { kind: 'return' }
  | { kind: 'dock' }
  | { kind: 'undock' };

/** How a mission ended. */
export interface MissionEnd {
  state: 'completed' | 'failed' | 'cancelled';
  reason?: MissionReason;
  detail?: string;
}

export interface StepPlaces {
  target: { id: string; pose: Pose } | undefined;
  home: { id: string; pose: Pose };
  waitingArea: { id: string; pose: Pose };
  preDock: { id: string; pose: Pose };
  waitMs: number;
  confirmMs: number;
  /** The robot is on the dock now. */
  docked: boolean;
  /** The robot is at home now (within the arrival tolerance). */
  atHome: boolean;
}

/**
 * The steps of each kind of mission (DESIGN.md section 5). A guide starts where the citizen is (home):
 * a robot elsewhere first drives home. Every trip that leaves home ends with `return`.
 */
export function stepsFor(kind: MissionKind, p: StepPlaces): Step[] {
  const steps: Step[] = [];
  const undock = p.docked && kind !== 'dock' ? [{ kind: 'undock' } as const] : [];
  const drive = (state: MissionState, to: { id: string; pose: Pose }, arrival = false): Step => ({
    kind: 'drive',
    state,
    place: to.id,
    pose: to.pose,
    align: true,
    arrival,
  });
  const target = p.target ?? p.home;
  switch (kind) {
    case 'guide':
      steps.push(...undock);
      if (!p.atHome) steps.push(drive('returning', p.home));
      steps.push(
        drive('guiding', target, true),
        { kind: 'wait', state: 'arrived', ms: p.waitMs },
        { kind: 'return' },
      );
      return steps;
    case 'escort':
      steps.push(
        ...undock,
        drive('fetching', p.waitingArea),
        { kind: 'confirm', ms: p.confirmMs },
        drive('guiding', target, true),
        { kind: 'wait', state: 'arrived', ms: p.waitMs },
        { kind: 'return' },
      );
      return steps;
    case 'send':
      steps.push(...undock, drive('travelling', target, true), {
        kind: 'wait',
        state: 'arrived',
        ms: p.waitMs,
      });
      steps.push({ kind: 'return' });
      return steps;
    case 'recall':
      steps.push(...undock, drive('returning', p.home, true));
      return steps;
    case 'dock':
      if (p.docked) return steps;
      steps.push(drive('returning', p.preDock), { kind: 'dock' });
      return steps;
    case 'undock':
      steps.push({ kind: 'undock' });
      return steps;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Faults after which nothing drives by itself: the robot waits for staff (send, recall, dock). */
export const NEEDS_STAFF: ReadonlySet<MissionReason> = new Set<MissionReason>([
  'link_lost',
  'estop',
  'motor_fault',
  'base_restarted',
  'interrupted',
  'base_rejected',
]);

/** The robot's activity while a mission is in `state`. */
export function activityOf(kind: MissionKind, state: MissionState): RobotActivityState {
  switch (state) {
    case 'fetching':
      return 'FETCHING';
    case 'calling':
      return 'CALLING';
    case 'guiding':
      return 'GUIDING';
    case 'travelling':
      return 'TRAVELLING';
    case 'arrived':
      return 'ARRIVED';
    case 'returning':
      return kind === 'recall' ? 'RECALLED' : kind === 'dock' ? 'DOCKING' : 'RETURNING';
    case 'docking':
      return 'DOCKING';
    case 'undocking':
      return 'UNDOCKING';
    case 'paused':
      return 'PAUSED';
    case 'queued':
    case 'completed':
    case 'failed':
    case 'cancelled':
      return 'IDLE';
    default: {
      const never: never = state;
      return never;
    }
  }
}
