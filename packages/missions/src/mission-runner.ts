import type { MissionState } from '@reception/protocol';
import type { RobotBase } from '@reception/robot-link';
import type { Logger } from 'pino';
import { sleep, type Clock } from './clock.ts';
import { Leg, type LegContext } from './leg.ts';
import { linkFailureReason } from './link-reasons.ts';
import type { MissionRow } from './mission-store.ts';
import type { MissionEnd, Step } from './mission-steps.ts';

/** A mission the engine runs or holds in its queue. */
export interface ActiveMission {
  row: MissionRow;
  steps: Step[];
  /** Aborts the step in progress (pause or end). */
  controller: AbortController;
  /** Set when the mission is ended from outside (fault, preemption, cancel): the runner stops. */
  end: MissionEnd | undefined;
  finished: boolean;
  paused: boolean;
  resume: (() => void) | undefined;
  confirm: (() => void) | undefined;
  /** State to go back to after a pause. */
  stepState: MissionState;
  /** In the final `return` step (a failure there leaves the robot away from home). */
  returning: boolean;
  progress: { remaining: number; eta: number };
  lastProgressAt: number;
  /** Resolves once the runner stopped and its last STOP was acknowledged. */
  done: Promise<void>;
}

/** What the runner needs from the engine. */
export interface RunnerHost {
  base: RobotBase;
  clock: Clock;
  log: Logger;
  legContext(m: ActiveMission): LegContext;
  setState(m: ActiveMission, state: MissionState, detail?: string): void;
  /** Resolves `return` when it starts: home, or the dock when the battery is low. */
  resolveReturn(m: ActiveMission): Step[];
  recordArrival(m: ActiveMission, errorM: number, headingErrorRad: number): void;
  /** The base said OK to DOCK (it only does on charger contact) or UNDOCK: on the charger now, or off it. */
  manoeuvreDone(kind: 'dock' | 'undock'): void;
}

type StepOutcome = 'next' | 'paused' | MissionEnd;

/** The abort reason of a step stopped by a pause (any other reason ends the mission). */
export const PAUSE = 'pause';

/** Runs a mission's steps in order; pauses resume the step (a new leg from where the robot stands). */
export async function runSteps(h: RunnerHost, m: ActiveMission): Promise<MissionEnd> {
  for (let i = 0; i < m.steps.length; i++) {
    const step = m.steps[i];
    if (!step) break;
    if (step.kind === 'return') {
      m.returning = true;
      m.steps.splice(i, 1, ...h.resolveReturn(m));
      i--;
      continue;
    }
    for (;;) {
      let ended = endOf(m);
      if (ended) return ended;
      m.controller = new AbortController();
      const outcome = await runStep(h, m, step, m.controller.signal);
      ended = endOf(m);
      if (ended) return ended;
      if (outcome === 'paused') {
        if (m.paused) await new Promise<void>((resolve) => (m.resume = resolve));
        m.resume = undefined;
        ended = endOf(m);
        if (ended) return ended;
        h.setState(m, m.stepState, 'resumed');
        continue;
      }
      if (outcome !== 'next') return outcome;
      break;
    }
  }
  return { state: 'completed' };
}

/** Read through a call: the mission may have been ended while the runner awaited. */
const endOf = (m: ActiveMission): MissionEnd | undefined => m.end;

async function runStep(
  h: RunnerHost,
  m: ActiveMission,
  step: Step,
  signal: AbortSignal,
): Promise<StepOutcome> {
  const interrupted = (): StepOutcome =>
    signal.reason === PAUSE ? 'paused' : (m.end ?? { state: 'cancelled', reason: 'cancelled' });
  switch (step.kind) {
    case 'drive': {
      enter(h, m, step.state);
      const leg = new Leg(h.legContext(m), { pose: step.pose, label: step.place, align: step.align }, signal);
      const r = await leg.run();
      m.progress = { remaining: 0, eta: 0 };
      switch (r.status) {
        case 'arrived':
          if (step.arrival) h.recordArrival(m, r.errorM, r.headingErrorRad);
          return 'next';
        case 'failed':
          return { state: 'failed', reason: r.reason, detail: r.detail };
        case 'interrupted':
          return interrupted();
        default: {
          const never: never = r;
          return never;
        }
      }
    }
    case 'wait':
    case 'confirm': {
      enter(h, m, step.kind === 'wait' ? step.state : 'calling');
      const deadline = h.clock.now() + step.ms;
      const claim = { claimed: false };
      const confirmed =
        step.kind === 'confirm'
          ? new Promise<void>((resolve) => {
              m.confirm = () => {
                claim.claimed = true;
                resolve();
              };
            })
          : undefined;
      try {
        await (confirmed
          ? Promise.race([sleep(h.clock, step.ms, signal), confirmed])
          : sleep(h.clock, step.ms, signal));
      } catch {
        step.ms = Math.max(0, deadline - h.clock.now());
        return interrupted();
      } finally {
        m.confirm = undefined;
      }
      if (step.kind === 'confirm' && !claim.claimed) {
        return {
          state: 'failed',
          reason: 'escort_unclaimed',
          detail: 'nobody confirmed on the robot screen',
        };
      }
      return 'next';
    }
    case 'dock':
    case 'undock':
      return manoeuvre(h, m, step.kind, signal, interrupted);
    case 'return':
      return 'next';
    default: {
      const never: never = step;
      return never;
    }
  }
}

function enter(h: RunnerHost, m: ActiveMission, state: MissionState): void {
  m.stepState = state;
  if (m.row.state !== state) h.setState(m, state);
}

/** DOCK / UNDOCK: acknowledged IN_PROGRESS, finished by a later CMD_ACK (`completion`) with OK or FAILED. */
async function manoeuvre(
  h: RunnerHost,
  m: ActiveMission,
  kind: 'dock' | 'undock',
  signal: AbortSignal,
  interrupted: () => StepOutcome,
): Promise<StepOutcome> {
  enter(h, m, kind === 'dock' ? 'docking' : 'undocking');
  const base = h.base;
  let seq = -1;
  let onCompletion: ((c: { seq: number; result: string }) => void) | undefined;
  const finished = new Promise<string>((resolve) => {
    onCompletion = (c) => {
      if (c.seq === seq) resolve(c.result);
    };
  });
  if (onCompletion) base.on('completion', onCompletion);
  const stopOnAbort = () => void base.stop('HOST').catch(() => undefined);
  signal.addEventListener('abort', stopOnAbort, { once: true });
  try {
    const ack = await (kind === 'dock' ? base.dock() : base.undock());
    if (signal.aborted) return interrupted();
    let result: string = ack.result;
    if (result !== 'OK') {
      seq = ack.seq;
      const aborted = new Promise<'aborted'>((resolve) =>
        signal.addEventListener('abort', () => resolve('aborted')),
      );
      const timer = new AbortController();
      const timeout = sleep(h.clock, 30_000, timer.signal).then(
        () => 'TIMEOUT',
        () => 'TIMEOUT',
      );
      result = await Promise.race([finished, aborted, timeout]);
      timer.abort();
      if (result === 'aborted') return interrupted();
    }
    if (result === 'OK') {
      h.manoeuvreDone(kind);
      return 'next';
    }
    return {
      state: 'failed',
      reason: kind === 'dock' ? 'dock_failed' : 'base_rejected',
      detail: `${kind}: ${result}`,
    };
  } catch (e) {
    if (signal.aborted) return interrupted();
    return { state: 'failed', reason: linkFailureReason(e, base), detail: (e as Error).message };
  } finally {
    signal.removeEventListener('abort', stopOnAbort);
    if (onCompletion) base.off('completion', onCompletion);
  }
}
