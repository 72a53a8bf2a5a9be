import { EventEmitter } from 'node:events';
import { err, ok, type Result, type RobotActivity, type RobotState } from '@reception/protocol';
import type { Logger } from 'pino';
import { CommandRejectedError, CommandTimeoutError } from '@reception/robot-link';
import type { RobotBase } from '@reception/robot-link';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { HealthCheck } from '../server/health.ts';

/** Safety events a cleared e-stop ends (the firmware's ESTOP_CLEARED may be lost; the mode is not). */
const ESTOP_KINDS: ReadonlySet<string> = new Set(['ESTOP_LATCHED', 'ESTOP_BUTTON']);
/** Things that happened rather than states (PROTOCOL.md): never "still active". */
const MOMENTARY_KINDS: ReadonlySet<string> = new Set(['VEL_WATCHDOG', 'PATH_DONE', 'PATH_ABORTED']);
/** The heartbeat watchdog ended the firmware's session: over once a new session is up. */
const SESSION_KINDS: ReadonlySet<string> = new Set(['HEARTBEAT_WATCHDOG']);

/**
 * When state changes reach listeners: `coalesce` on the next turn of the event loop after a change (a
 * burst of odometry frames read in one go is one state); `tick` at a fixed interval, the old behaviour
 * (ROBOT_STATE_TICK_MS, bench:bridge's baseline).
 */
export type StatePublishing = { mode: 'coalesce' } | { mode: 'tick'; intervalMs: number };
/** How long after start a base that has not answered yet counts as starting rather than as a fault. */
export const ROBOT_START_GRACE_MS = 60_000;

/**
 * The bridge's single owner of the robot base: keeps the latest state for staff, turns staff commands into
 * link commands (each logged with who gave it), and exports link health and metrics. Without a robot
 * configured it answers every command with UNAVAILABLE and reports `link: 'absent'`.
 */
export class RobotService extends EventEmitter<{ state: [RobotState] }> {
  private snapshot: RobotState = {
    link: 'absent',
    firmware: null,
    mode: null,
    estop_latched: null,
    pose: null,
    velocity: null,
    battery: null,
    safety: [],
    updated_at: new Date().toISOString(),
  };
  private dirty = false;
  private readonly timer: NodeJS.Timeout | undefined;
  private scheduled: NodeJS.Immediate | undefined;
  readonly publishing: StatePublishing;
  private readonly startedMs: number;
  /** When the link was last seen up, or undefined if never since start. */
  private upSinceMs: number | undefined;
  private downSinceMs: number | undefined;
  private readonly mapPose: (odom: { x: number; y: number; theta: number }) => RobotState['pose'];
  private readonly now: () => number;

  /**
   * `mapPose` turns an odometry pose into the map frame (the missions' localization); without it, or
   * while it answers null (not anchored yet), `pose` is null: nothing outside the map frame is published.
   */
  constructor(
    private readonly base: RobotBase | undefined,
    private readonly log: Logger,
    o: {
      mapPose?: (odom: { x: number; y: number; theta: number }) => RobotState['pose'];
      now?: () => number;
      publishing?: StatePublishing;
    } = {},
  ) {
    super();
    this.mapPose = o.mapPose ?? (() => null);
    this.now = o.now ?? Date.now;
    this.startedMs = this.now();
    this.publishing = o.publishing ?? { mode: 'coalesce' };
    if (this.publishing.mode === 'tick') {
      this.timer = setInterval(() => this.flush(), this.publishing.intervalMs);
      this.timer.unref();
    }
    if (!base) return;
    this.snapshot.link = base.state;
    base.on('connection', (link) => {
      this.log.info({ link }, 'robot link state');
      if (link === 'up') {
        this.upSinceMs = this.now();
        this.downSinceMs = undefined;
      } else if (this.upSinceMs !== undefined && this.downSinceMs === undefined)
        this.downSinceMs = this.now();
      this.update({
        link,
        ...(link === 'up' ? { safety: endEvents(this.snapshot.safety, SESSION_KINDS) } : {}),
      });
    });
    base.on('resync', (info) => {
      this.log.warn(
        { boot_id: info.bootId, firmware: info.firmware },
        'robot base restarted; state resynchronised',
      );
      this.update({
        firmware: info.firmware,
        estop_latched: info.estopLatched,
        safety: endEvents(this.snapshot.safety, SESSION_KINDS),
      });
    });
    base.on('odometry', (o) => {
      const estop = o.mode === 'ESTOP';
      this.update({
        pose: this.mapPose({ x: o.x, y: o.y, theta: o.theta }),
        velocity: { v: o.v, w: o.w },
        mode: o.mode,
        estop_latched: estop,
        ...(this.snapshot.estop_latched === true && !estop
          ? { safety: endEvents(this.snapshot.safety, ESTOP_KINDS) }
          : {}),
      });
    });
    base.on('battery', (b) =>
      this.update({
        battery: { soc_pct: b.socPct, voltage: b.voltage, current: b.current, charging: b.charging },
      }),
    );
    base.on('safety', (e) => {
      this.log.warn({ kind: e.kind, active: e.active, detail: e.detail }, 'robot safety event');
      const active = e.active && !MOMENTARY_KINDS.has(e.kind);
      const entry = { kind: e.kind, active, detail: e.detail, at: new Date().toISOString() };
      // The newest event of a kind carries its state: older ones of that kind are over (and a cleared
      // e-stop ends the latch's events), so nothing stays "still active" after it ended.
      const before = this.snapshot.safety.map((s) =>
        s.kind === e.kind && s.active ? { ...s, active: false } : s,
      );
      const earlier = e.kind === 'ESTOP_CLEARED' ? endEvents(before, ESTOP_KINDS) : before;
      this.update({ safety: [entry, ...earlier].slice(0, 10) });
    });
  }

  /** Opens the link; a base that is not there yet is not an error (the link keeps retrying). */
  start(): void {
    if (!this.base) return;
    this.base.connect().then(
      (info) => {
        this.log.info(
          { firmware: info.firmware, boot_id: info.bootId, estop: info.estopLatched },
          'robot base connected',
        );
        this.update({ firmware: info.firmware, estop_latched: info.estopLatched });
      },
      (e: unknown) => this.log.error({ err: e }, 'robot base handshake failed'),
    );
  }

  get state(): RobotState {
    return this.snapshot;
  }

  /** What the mission engine is doing, published with the state. */
  setActivity(activity: RobotActivity): void {
    this.update({ activity });
  }

  private update(patch: Partial<RobotState>): void {
    if (!changes(this.snapshot, patch)) return;
    this.snapshot = { ...this.snapshot, ...patch, updated_at: new Date().toISOString() };
    this.dirty = true;
    if (this.publishing.mode === 'coalesce') this.scheduled ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    this.emit('state', this.snapshot);
  }

  private async command(
    actor: string,
    what: string,
    run: (b: RobotBase) => Promise<unknown>,
  ): Promise<Result<null>> {
    if (!this.base) return err('UNAVAILABLE', 'no robot is configured on this bridge (ROBOT_PORT)');
    this.log.info({ actor, command: what }, 'robot command');
    try {
      await run(this.base);
      return ok(null);
    } catch (e) {
      this.log.warn({ actor, command: what, err: e }, 'robot command failed');
      if (e instanceof CommandRejectedError)
        return err('CONFLICT', `the robot refused ${what}: ${e.message}`);
      if (e instanceof CommandTimeoutError)
        return err('TIMEOUT', `the robot did not confirm ${what} in time`);
      return err('UNAVAILABLE', `robot link: ${(e as Error).message}`);
    }
  }

  estop(actor: string): Promise<Result<null>> {
    return this.command(actor, 'emergency stop', (b) => b.estop('STAFF'));
  }

  resetEstop(actor: string): Promise<Result<null>> {
    return this.command(actor, 'e-stop reset', (b) => b.resetEstop());
  }

  stop(actor: string): Promise<Result<null>> {
    return this.command(actor, 'stop', (b) => b.stop('STAFF'));
  }

  /**
   * The robot in `/healthz`, in plain words: a latched e-stop is not healthy; a base that has not answered
   * yet in its first minute is "starting", after that (or once it was up) a link that is down is a fault.
   */
  health(): HealthCheck {
    return {
      name: 'robot',
      check: () => {
        if (!this.base) return { ok: true, detail: 'no robot configured (ROBOT_PORT is unset)' };
        const s = this.snapshot;
        const seconds = (since: number) => Math.round((this.now() - since) / 1000);
        if (s.link === 'up') {
          if (s.estop_latched) {
            return {
              ok: false,
              detail:
                'the emergency stop is latched: the robot will not move until staff reset it (two steps)',
            };
          }
          return { ok: true, detail: `link up, ${s.mode ?? 'mode not reported yet'}` };
        }
        if (this.upSinceMs === undefined && this.now() - this.startedMs < ROBOT_START_GRACE_MS) {
          return {
            ok: false,
            starting: true,
            detail: `the robot base has not answered yet (link ${s.link}, ${seconds(this.startedMs)} s since start)`,
          };
        }
        const since = this.downSinceMs ?? this.startedMs;
        return {
          ok: false,
          detail:
            this.upSinceMs === undefined
              ? `no answer from the robot base for ${seconds(since)} s (link ${s.link}): check its power, cable and ROBOT_PORT`
              : `the robot link is down for ${seconds(since)} s (link ${s.link}); it keeps reconnecting`,
        };
      },
    };
  }

  /** Link counters as Prometheus series, read at scrape time. */
  registerMetrics(registry: Registry): void {
    const base = this.base;
    if (!base) return;
    const counters: [string, string, (m: ReturnType<RobotBase['metrics']>) => number][] = [
      ['robot_link_frames_in_total', 'Valid frames received from the base', (m) => m.framesIn],
      ['robot_link_frames_out_total', 'Frames sent to the base', (m) => m.framesOut],
      ['robot_link_crc_errors_total', 'Frames dropped for a bad CRC', (m) => m.crcErrors],
      ['robot_link_decode_errors_total', 'Blocks dropped for any decoding error', (m) => m.decodeErrors],
      ['robot_link_retries_total', 'Command resends', (m) => m.retries],
      ['robot_link_lost_total', 'Commands never acknowledged before their deadline', (m) => m.lost],
      ['robot_link_reconnects_total', 'Link re-establishments', (m) => m.reconnects],
    ];
    for (const [name, help, read] of counters) {
      // The link keeps its own totals; the counter mirrors them at scrape time.
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(read(base.metrics()));
        },
      });
    }
    new Gauge({
      name: 'robot_link_up',
      help: '1 while the robot link is up',
      registers: [registry],
      collect() {
        this.set(base.state === 'up' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'robot_link_rtt_ms_avg',
      help: 'Mean command round-trip time (ms)',
      registers: [registry],
      collect() {
        const m = base.metrics();
        this.set(m.rttCount ? m.rttSumMs / m.rttCount : 0);
      },
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.scheduled) clearImmediate(this.scheduled);
    await this.base?.close();
  }
}

function endEvents(safety: RobotState['safety'], kinds: ReadonlySet<string>): RobotState['safety'] {
  return safety.some((s) => s.active && kinds.has(s.kind))
    ? safety.map((s) => (s.active && kinds.has(s.kind) ? { ...s, active: false } : s))
    : safety;
}

type Xy = { [k: string]: number | boolean } | null | undefined;
const sameValues = (a: Xy, b: Xy) =>
  a === b ||
  (!!a &&
    !!b &&
    Object.keys(b).every((k) => a[k] === b[k]) &&
    Object.keys(a).length === Object.keys(b).length);

/** Does `patch` change anything a client sees? Odometry of a robot standing still is not news. */
function changes(s: RobotState, patch: Partial<RobotState>): boolean {
  for (const key of Object.keys(patch) as (keyof RobotState)[]) {
    switch (key) {
      case 'pose':
      case 'velocity':
      case 'battery':
        if (!sameValues(s[key], patch[key])) return true;
        break;
      default:
        if (s[key] !== patch[key]) return true;
    }
  }
  return false;
}
