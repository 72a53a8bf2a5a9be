import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { RoutePlanner } from '@reception/nav';
import { InlinePlanner } from './inline-planner.ts';
import type { PathPlanner } from './path-planner.ts';
import {
  FINAL_MISSION_STATES,
  type MissionKind,
  type MissionReason,
  type MissionState,
  type MissionTicket,
  type MissionUpdate,
  type RobotActivity,
  type RobotPath,
} from '@reception/protocol';
import type { Battery, ConnectionState, Odometry, RobotBase, SafetyEvent } from '@reception/robot-link';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import { distance, type Pose } from './geometry.ts';
import { defaultLegOptions, type LegContext, type LegOptions } from './leg.ts';
import type { Localization } from './localization.ts';
import { runSteps, type ActiveMission, type RunnerHost } from './mission-runner.ts';
import { activityOf, NEEDS_STAFF, stepsFor, type MissionEnd, type Step } from './mission-steps.ts';
import type { MissionRow, MissionStore } from './mission-store.ts';
import type { PlaceDirectory } from './places.ts';
import type { SpeedZone } from './path-profile.ts';

export interface MissionOptions {
  /** Seconds the robot waits for the citizen at the place (issue: 20). */
  waitS: number;
  /** Kiosk guidance requests waiting for the robot (issue: 3). */
  queueMax: number;
  /** Call-ahead: seconds to wait for the citizen to confirm on the robot's screen (issue: 60). */
  confirmTimeoutS: number;
  /** Below this state of charge: no new guidance, dock after the current trip (issue: 25 %). */
  batteryLowPct: number;
  /** Take requests again from here (issue: 80 %). */
  batteryResumePct: number;
  /** After a trip fails away from home (blocked, stuck, unclaimed...), stay stopped this long, then go home. */
  returnDelayS: number;
  leg: LegOptions;
}

export const defaultMissionOptions: MissionOptions = {
  waitS: 20,
  queueMax: 3,
  confirmTimeoutS: 60,
  batteryLowPct: 25,
  batteryResumePct: 80,
  returnDelayS: 5,
  leg: defaultLegOptions,
};

export interface MissionEngineDeps {
  base: RobotBase;
  localization: Localization;
  places: PlaceDirectory;
  store: MissionStore;
  clock: Clock;
  log: Logger;
  options?: Partial<MissionOptions>;
  /** Defaults to nav's planner on the map's first floor, on this thread (use `WorkerPlanner` with a real robot). */
  planner?: PathPlanner;
}

/** Who asked, for the audit log and to route updates back to the kiosk that asked. */
export interface Origin {
  role: 'kiosk' | 'staff' | 'system';
  actor: string;
}

export interface MissionEngineEvents {
  update: [MissionUpdate, { requestedBy: string }];
  activity: [RobotActivity];
  /** The current leg's route and obstacles changed (planned, replanned, obstacle marked, leg ended). */
  path: [RobotPath];
}

/**
 * The shared state of the mission engine: the base's condition (link, e-stop, battery, dock), the mission
 * running and the queue. `MissionEngine` (engine.ts) adds the requests; this class keeps the bookkeeping
 * every request and fault goes through: persist a transition, then tell everyone.
 */
export abstract class EngineCore extends EventEmitter<MissionEngineEvents> implements RunnerHost {
  readonly base: RobotBase;
  readonly clock: Clock;
  readonly log: Logger;
  readonly options: MissionOptions;
  readonly planner: PathPlanner;
  protected readonly localization: Localization;
  protected readonly places: PlaceDirectory;
  protected readonly store: MissionStore;
  protected readonly zones: SpeedZone[];
  protected current: ActiveMission | undefined;
  protected readonly queue: ActiveMission[] = [];
  protected needsStaff: MissionReason | undefined;
  protected linkUp = false;
  protected estopLatched = false;
  protected motorFault = false;
  protected docked = false;
  protected batteryLow = false;
  protected chain: Promise<unknown> = Promise.resolve();
  /** When the link went down, until it is back or the loss is reported. */
  private linkLostAt: number | undefined;
  /** When the base last reported its heartbeat watchdog (it braked and ended our session). */
  private watchdogAt = -Infinity;
  private pathSeq = 1 + Math.floor(Math.random() * 20_000);
  private lastActivity = '';
  private routeView: RobotPath = { mission_id: null, target: null, points: [], obstacles: [], at: '' };
  private readonly tripEtaCache = new Map<string, number>();

  constructor(d: MissionEngineDeps) {
    super();
    this.base = d.base;
    this.clock = d.clock;
    this.log = d.log;
    this.options = { ...defaultMissionOptions, ...d.options };
    this.localization = d.localization;
    this.places = d.places;
    this.store = d.store;
    this.planner =
      d.planner ?? new InlinePlanner(new RoutePlanner(d.places.map, undefined, { landmarks: false }));
    this.zones = d.places.slowZones();
    this.base.on('connection', this.onConnection);
    this.base.on('safety', this.onSafety);
    this.base.on('odometry', this.onOdometry);
    this.base.on('battery', this.onBattery);
    this.base.on('resync', this.onResync);
  }

  // ---- bookkeeping -----------------------------------------------------------------------------------

  protected newMission(
    kind: MissionKind,
    place: string,
    origin: Origin,
    ticket: MissionTicket | null,
  ): ActiveMission {
    const row: MissionRow = {
      id: randomUUID(),
      kind,
      state: 'queued',
      reason: null,
      place,
      ticket,
      requestedBy: origin.actor,
      createdAt: this.clock.wallTime().getTime(),
      startedAt: null,
      arrivedAt: null,
      endedAt: null,
      arrivalErrorM: null,
      arrivalHeadingErrorRad: null,
      replans: 0,
    };
    this.store.insert(row);
    this.store.addEvent(row.id, {
      at: row.createdAt,
      state: 'queued',
      reason: null,
      detail: `${origin.role} ${origin.actor}`,
    });
    this.log.info({ mission: row.id, kind, place, by: origin.actor, role: origin.role }, 'mission requested');
    return {
      row,
      steps: [],
      controller: new AbortController(),
      end: undefined,
      finished: false,
      paused: false,
      resume: undefined,
      confirm: undefined,
      stepState: 'queued',
      returning: false,
      progress: { remaining: 0, eta: 0 },
      lastProgressAt: -Infinity,
      done: Promise.resolve(),
    };
  }

  setState(m: ActiveMission, state: MissionState, detail?: string, reason?: MissionReason): void {
    if (m.finished) return;
    m.row.state = state;
    if (reason !== undefined) m.row.reason = reason;
    const at = this.clock.wallTime().getTime();
    this.store.update(m.row.id, { state, reason: m.row.reason });
    this.store.addEvent(m.row.id, { at, state, reason: reason ?? null, detail: detail ?? null });
    this.log.info({ mission: m.row.id, kind: m.row.kind, state, reason, detail }, 'mission state');
    this.emitUpdate(m);
    this.emitActivity();
  }

  /** Records a mission's end once (a fault may end it before its runner notices). */
  protected finish(m: ActiveMission, end: MissionEnd): void {
    if (m.finished) return;
    m.row.endedAt = this.clock.wallTime().getTime();
    this.store.update(m.row.id, { endedAt: m.row.endedAt, replans: m.row.replans });
    this.setState(m, end.state, end.detail, end.reason);
    m.finished = true;
  }

  /**
   * The mode the next ODOM will report, known now: the CMD_ACK arrives first, and what comes next (the
   * dock again, while the battery is low) is decided before that ODOM (a dock loop on CI: the robot left
   * the charger each time it reached it).
   */
  manoeuvreDone(kind: 'dock' | 'undock'): void {
    this.docked = kind === 'dock';
    this.emitActivity();
  }

  recordArrival(m: ActiveMission, errorM: number, headingErrorRad: number): void {
    m.row.arrivedAt = this.clock.wallTime().getTime();
    m.row.arrivalErrorM = errorM;
    m.row.arrivalHeadingErrorRad = headingErrorRad;
    this.store.update(m.row.id, {
      arrivedAt: m.row.arrivedAt,
      arrivalErrorM: errorM,
      arrivalHeadingErrorRad: headingErrorRad,
    });
  }

  protected emitUpdate(m: ActiveMission): void {
    this.emit('update', this.buildUpdate(m), { requestedBy: m.row.requestedBy });
  }

  protected buildUpdate(m: ActiveMission): MissionUpdate {
    const pos = this.queue.indexOf(m);
    const update: MissionUpdate = {
      mission_id: m.row.id,
      kind: m.row.kind,
      state: m.row.state,
      place: m.row.place,
      remaining_m: round(m.progress.remaining, 2),
      eta_s: Math.round(pos >= 0 ? this.waitBefore(pos) + this.tripEta(m.row.place) : m.progress.eta),
      queue_position: pos >= 0 ? pos + 1 : 0,
      ticket: m.row.ticket,
      at: this.clock.wallTime().toISOString(),
    };
    if (m.row.reason) update.reason = m.row.reason;
    return update;
  }

  protected emitActivity(): void {
    const a = this.activity();
    const key = JSON.stringify(a);
    if (key === this.lastActivity) return;
    this.lastActivity = key;
    this.emit('activity', a);
  }

  /** The route the robot drives now (empty between legs). */
  path(): RobotPath {
    return this.routeView.at
      ? this.routeView
      : { ...this.routeView, at: this.clock.wallTime().toISOString() };
  }

  activity(): RobotActivity {
    const m = this.current;
    const state = this.estopLatched
      ? 'ESTOP'
      : this.motorFault
        ? 'FAULT'
        : m && !m.finished
          ? activityOf(m.row.kind, m.row.state)
          : this.needsStaff
            ? 'FAULT'
            : this.docked
              ? 'CHARGING'
              : 'IDLE';
    return {
      state,
      mission_id: m && !m.finished ? m.row.id : null,
      reason: this.needsStaff ?? (m && !m.finished ? m.row.reason : null),
      needs_staff: this.needsStaff !== undefined,
      at_home: this.atHome(),
      battery_low: this.batteryLow,
      anchor: this.localization.anchorSource ?? null,
    };
  }

  protected atHome(): boolean {
    const p = this.localization.pose;
    return p !== undefined && distance(p, this.places.home()) <= this.options.leg.toleranceM;
  }

  /**
   * Seconds for a trip from home to `place` at the zones' speeds, planned once per place in the background
   * (`warmTripEtas`); until then a straight-line guess.
   */
  protected tripEta(place: string): number {
    const cached = this.tripEtaCache.get(place);
    if (cached !== undefined) return cached;
    const to = this.places.stopPose(place);
    if (to) void this.planTripEta(place, to);
    return to ? (1.4 * distance(this.places.home(), to)) / 0.5 : 60;
  }

  protected async warmTripEtas(): Promise<void> {
    for (const place of this.places.guidable()) {
      const to = this.places.stopPose(place);
      if (to) await this.planTripEta(place, to);
    }
  }

  private async planTripEta(place: string, to: Pose): Promise<void> {
    const r = await this.planner.plan(this.places.home(), to);
    if (r.ok) this.tripEtaCache.set(place, r.route.eta);
  }

  /** Seconds until the robot can start the mission at queue index `pos`. */
  protected waitBefore(pos: number): number {
    const c = this.current;
    let t = 0;
    if (c && !c.finished) {
      const back = c.row.kind === 'guide' || c.row.kind === 'escort' || c.row.kind === 'send';
      const waiting = c.row.state === 'arrived' || c.row.state === 'calling';
      t +=
        c.progress.eta +
        (back && !c.returning ? this.tripEta(c.row.place) : 0) +
        (back && !waiting ? this.options.waitS : 0);
    }
    for (let i = 0; i < pos; i++) {
      const q = this.queue[i];
      if (q) t += 2 * this.tripEta(q.row.place) + this.options.waitS;
    }
    return t;
  }

  legContext(m: ActiveMission): LegContext {
    return {
      base: this.base,
      localization: this.localization,
      planner: this.planner,
      zones: this.zones,
      clock: this.clock,
      log: this.log,
      options: this.options.leg,
      nextPathId: () => (this.pathSeq = (this.pathSeq % 32_000) + 1),
      onReplan: (why) => {
        m.row.replans++;
        this.store.update(m.row.id, { replans: m.row.replans });
        this.store.addEvent(m.row.id, {
          at: this.clock.wallTime().getTime(),
          state: m.row.state,
          reason: null,
          detail: `replan: ${why}`,
        });
      },
      onRoute: (route) => {
        this.routeView = {
          mission_id: route ? m.row.id : null,
          target: route?.target ?? null,
          points: route ? route.points.map((q) => [round(q.x, 3), round(q.y, 3)]) : [],
          obstacles: route
            ? route.obstacles.map((o) => ({ x: round(o.x, 3), y: round(o.y, 3), radius: o.radius }))
            : [],
          at: this.clock.wallTime().toISOString(),
        };
        this.emit('path', this.routeView);
      },
      onProgress: (p) => {
        const fresh = m.progress.remaining === 0;
        m.progress = p;
        const now = this.clock.now();
        if (fresh || now - m.lastProgressAt >= 1000) {
          m.lastProgressAt = now;
          this.emitUpdate(m);
          for (const q of this.queue) this.emitUpdate(q);
        }
      },
    };
  }

  resolveReturn(_m: ActiveMission): Step[] {
    const home = { id: this.places.roles.home, pose: this.places.home() };
    if (this.batteryLow) {
      return [
        {
          kind: 'drive',
          state: 'returning',
          place: this.places.roles.dock,
          pose: this.places.preDock(),
          align: true,
          arrival: false,
        },
        { kind: 'dock' },
      ];
    }
    return [
      { kind: 'drive', state: 'returning', place: home.id, pose: home.pose, align: true, arrival: false },
    ];
  }

  protected stepPlaces(target: string | undefined) {
    const stop = target === undefined ? undefined : this.places.stopPose(target);
    return {
      target: stop && target !== undefined ? { id: target, pose: stop } : undefined,
      home: { id: this.places.roles.home, pose: this.places.home() },
      waitingArea: {
        id: this.places.roles.waitingArea,
        pose: this.places.stopPose(this.places.roles.waitingArea) ?? this.places.home(),
      },
      preDock: { id: this.places.roles.dock, pose: this.places.preDock() },
      waitMs: this.options.waitS * 1000,
      confirmMs: this.options.confirmTimeoutS * 1000,
      docked: this.docked,
      atHome: this.atHome(),
    };
  }

  /** Starts a mission now (nothing else may be running). */
  protected launch(m: ActiveMission): void {
    this.current = m;
    m.steps = stepsFor(m.row.kind, this.stepPlaces(m.row.place));
    m.row.startedAt = this.clock.wallTime().getTime();
    this.store.update(m.row.id, { startedAt: m.row.startedAt });
    for (const q of this.queue) this.emitUpdate(q);
    m.done = (async () => {
      let end: MissionEnd;
      try {
        end = await runSteps(this, m);
      } catch (e) {
        this.log.error({ err: e, mission: m.row.id }, 'mission runner failed');
        end = { state: 'failed', reason: 'base_rejected', detail: (e as Error).message };
      }
      this.finish(m, m.end ?? end);
      if (this.current === m) this.current = undefined;
      this.afterMission(m, m.end ?? end);
    })();
  }

  /** Ends the running mission from outside (fault, preemption, cancel) at once; the runner stops behind it. */
  protected endCurrent(end: MissionEnd): void {
    const m = this.current;
    if (!m || m.finished) return;
    m.end = end;
    this.finish(m, end);
    m.controller.abort();
    m.resume?.();
  }

  protected cancelQueue(reason: MissionReason, filter: (m: ActiveMission) => boolean = () => true): void {
    for (const m of [...this.queue]) {
      if (!filter(m)) continue;
      this.queue.splice(this.queue.indexOf(m), 1);
      this.finish(m, { state: 'cancelled', reason });
    }
    for (const q of this.queue) this.emitUpdate(q);
  }

  protected abstract afterMission(m: ActiveMission, end: MissionEnd): void;

  /** The link is back after a stall the base rode out: whatever waited for the link starts now. */
  protected abstract linkBack(): void;

  // ---- the base ----------------------------------------------------------------------------------------

  /**
   * The link went down (heartbeat silence, cable pulled, or a reboot ending the session). Within
   * `LINK_GRACE_MS` it may come back: with a new boot id it is `base_restarted` (resync); with the base's
   * heartbeat watchdog having fired (it braked and dropped the path) it is `link_lost`; without either the
   * base never lost us (a short stall of this process) and the mission goes on. Not back in time:
   * `link_lost`. The leg's STOP then goes out as soon as the link is back.
   */
  private readonly onConnection = (state: ConnectionState): void => {
    const up = state === 'up';
    if (up === this.linkUp) return;
    this.linkUp = up;
    if (!up) {
      this.linkLostAt ??= this.clock.now();
      const since = this.linkLostAt;
      this.clock.setTimeout(() => {
        if (this.linkLostAt !== since) return;
        this.linkLostAt = undefined;
        this.fault('link_lost', `link ${state} for ${LINK_GRACE_MS} ms`);
      }, LINK_GRACE_MS);
    } else {
      const since = this.linkLostAt;
      if (since !== undefined) {
        // The base's pending safety events (repeated every 100 ms) arrive right after the handshake.
        this.clock.setTimeout(() => {
          if (this.linkLostAt !== since) return;
          this.linkLostAt = undefined;
          if (this.watchdogAt >= since) this.fault('link_lost', 'the base stopped: heartbeat watchdog');
          else {
            this.log.warn(
              { outageMs: Math.round(this.clock.now() - since) },
              'link stalled briefly; the base kept its session',
            );
            this.linkBack();
          }
        }, SESSION_CHECK_MS);
      }
      if (this.needsStaff) this.base.stop('HOST').catch(() => undefined);
    }
    this.emitActivity();
  };

  private readonly onSafety = (e: SafetyEvent): void => {
    if (e.kind === 'HEARTBEAT_WATCHDOG' && e.active) this.watchdogAt = this.clock.now();
  };

  private readonly onOdometry = (o: Odometry): void => {
    this.onEstop(o.mode === 'ESTOP');
    this.docked = o.mode === 'DOCKED';
    if (o.mode === 'FAULT' && !this.motorFault) {
      this.motorFault = true;
      this.fault('motor_fault', 'the base reports a motor fault');
    } else if (o.mode !== 'FAULT' && this.motorFault) this.motorFault = false;
    this.emitActivity();
  };

  private readonly onResync = (): void => {
    this.linkLostAt = undefined;
    this.fault('base_restarted', 'the base rebooted');
  };

  private onEstop(latched: boolean): void {
    if (latched === this.estopLatched) return;
    this.estopLatched = latched;
    if (latched) this.fault('estop', 'e-stop latched');
    this.emitActivity();
  }

  /** A fault of the robot itself: the mission fails, the queue is dropped, nothing drives until staff act. */
  protected fault(reason: MissionReason, detail: string): void {
    if (!this.current && this.queue.length === 0) return;
    this.log.warn({ reason, detail, mission: this.current?.row.id }, 'mission fault');
    if (this.current) this.endCurrent({ state: 'failed', reason, detail });
    this.cancelQueue(reason);
  }

  protected abstract onBatteryLevel(socPct: number, charging: boolean): void;

  private readonly onBattery = (b: Battery): void => this.onBatteryLevel(b.socPct, b.charging);

  close(): void {
    this.base.off('connection', this.onConnection);
    this.base.off('safety', this.onSafety);
    this.base.off('odometry', this.onOdometry);
    this.base.off('battery', this.onBattery);
    this.base.off('resync', this.onResync);
  }

  protected isFinal(state: MissionState): boolean {
    return FINAL_MISSION_STATES.has(state);
  }

  protected markNeedsStaff(reason: MissionReason): void {
    this.needsStaff = reason;
    this.emitActivity();
  }

  protected static needsStaffAfter(end: MissionEnd): boolean {
    return end.reason !== undefined && NEEDS_STAFF.has(end.reason);
  }
}

const LINK_GRACE_MS = 1500;
const SESSION_CHECK_MS = 400;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
