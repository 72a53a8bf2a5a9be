import { EventEmitter } from 'node:events';
import {
  CommandRejectedError,
  LinkError,
  type BaseInfo,
  type CommandAck,
  type ConnectionState,
  type LinkMetrics,
  type ModeName,
  type RobotBase,
  type RobotBaseEvents,
  type SafetyEvent,
  type SafetyKindName,
  type Waypoint,
} from '@reception/robot-link';
import type { CommandName, Payloads } from '@reception/robot-link/messages.generated';
import type { Clock, TimerHandle } from '../clock.ts';
import { wrapAngle, type Pose } from '../geometry.ts';

const DT_MS = 50;

/**
 * An in-process robot base on a `Clock`, for the engine's unit tests: unicycle kinematics driving
 * FOLLOW_PATH waypoints at their speed caps, the firmware's rules that missions rely on (a path waits
 * while an obstacle is within 0.35 m ahead and resumes when it clears; PATH_DONE / PATH_ABORTED; e-stop
 * latched until reset; DOCK / UNDOCK with a later completion), and test hooks to pull the cable, reboot,
 * drain the battery, stall the wheels or drop an obstacle in the world (odometry frame = world frame).
 * The cross-process tests use the real firmware instead.
 */
export class KinematicBase extends EventEmitter<RobotBaseEvents> implements RobotBase {
  pose: Pose = { x: 0, y: 0, theta: 0 };
  mode: ModeName = 'IDLE';
  estopLatched = false;
  soc = 85;
  /** When true the wheels do not turn (a robot pinned against something the sensor cannot see). */
  stalled = false;
  /** How far a STOP lets the robot roll on while it brakes (the firmware ramps down; 0 = at once). */
  brakeM = 0;
  readonly obstacles: { x: number; y: number; radius: number }[] = [];
  /** Every command the engine sent, in order. */
  readonly commands: { name: CommandName; payload: unknown }[] = [];
  dockPose: Pose = { x: -0.5, y: 0, theta: 0 };
  /** Boot id the next `connect` reports (a bridge restart meets the same boot). */
  bootId = 1 + Math.floor(Math.random() * 1e9);
  private conn: ConnectionState = 'disconnected';
  private baseInfo: BaseInfo | undefined;
  private seq = 100;
  private eventId = 1;
  private path: (Waypoint & { speed: number })[] = [];
  private staged: Waypoint[] = [];
  private pathId = 0;
  private pathSeq = 0;
  private vel = { v: 0, w: 0, until: 0 };
  private v = 0;
  private obstacleActive = false;
  private longCmd: { seq: number; command: CommandName; until: number } | undefined;
  private timer: TimerHandle | undefined;
  private batteryAt = 0;
  private readonly pendingSafety: SafetyEvent[] = [];
  private linkDownSince: number | undefined;

  constructor(private readonly clock: Clock) {
    super();
  }

  get state(): ConnectionState {
    return this.conn;
  }

  get info(): BaseInfo | undefined {
    return this.baseInfo;
  }

  connect(): Promise<BaseInfo> {
    this.baseInfo = {
      protocolVersion: 1,
      schemaHash: 0,
      firmware: '1.0.0-kinematic',
      bootId: this.bootId,
      capabilities: 0,
      estopLatched: this.estopLatched,
    };
    this.setConn('up');
    this.loop();
    return Promise.resolve(this.baseInfo);
  }

  close(): Promise<void> {
    if (this.timer) this.clock.clear(this.timer);
    this.setConn('closed');
    return Promise.resolve();
  }

  // ---- test hooks ---------------------------------------------------------------------------------

  /** Cable pulled (false) or plugged back (true). Like the firmware, 500 ms without the host ends the
   * session: the base brakes, drops its path and reports HEARTBEAT_WATCHDOG once the host hears it again. */
  setLink(up: boolean): void {
    if (!up) {
      this.setConn('connecting');
      const since = this.clock.now();
      this.linkDownSince = since;
      this.clock.setTimeout(() => {
        if (this.linkDownSince !== since) return;
        this.abortMotion();
        this.safety('HEARTBEAT_WATCHDOG', true, 500);
      }, 500);
    } else {
      this.linkDownSince = undefined;
      this.setConn('up');
    }
  }

  /** Power cycle: new boot id, odometry from zero, e-stop latched, paths gone. */
  reboot(): void {
    this.abortMotion();
    this.estopLatched = true;
    this.mode = 'ESTOP';
    this.pose = { x: 0, y: 0, theta: 0 };
    this.setConn('connecting');
    this.bootId++;
    const info = { ...(this.baseInfo as BaseInfo), bootId: this.bootId, estopLatched: true };
    this.baseInfo = info;
    this.emit('resync', info);
    this.setConn('up');
  }

  pressEstop(): void {
    this.latch();
  }

  setBattery(socPct: number): void {
    this.soc = socPct;
    this.emitBattery();
  }

  // ---- commands -------------------------------------------------------------------------------------

  velocity(linear: number, angular: number, ttlMs = 200): Promise<CommandAck> {
    return this.sendCommand('CMD_VEL', {
      linear_mm_s: Math.round(linear * 1000),
      angular_mrad_s: Math.round(angular * 1000),
      ttl_ms: ttlMs,
    });
  }
  followPath(pathId: number, waypoints: Waypoint[], speedLimit: number): Promise<CommandAck> {
    return this.sendCommand('FOLLOW_PATH', {
      path_id: pathId,
      chunk_index: 0,
      chunk_count: 1,
      speed_limit_mm_s: Math.round(speedLimit * 1000),
      waypoints: waypoints.map((w) => ({ x_mm: w.x * 1000, y_mm: w.y * 1000, speed_mm_s: w.speed * 1000 })),
    });
  }
  stop(): Promise<CommandAck> {
    return this.sendCommand('STOP', { reason: 0 });
  }
  estop(): Promise<CommandAck> {
    return this.sendCommand('ESTOP_ASSERT', { source: 0 });
  }
  resetEstop(): Promise<CommandAck> {
    return this.sendCommand('ESTOP_RESET', { confirm: 0 });
  }
  setSpeedLimit(): Promise<CommandAck> {
    return this.sendCommand('SET_SPEED_LIMIT', { max_linear_mm_s: 0, max_angular_mrad_s: 0 });
  }
  setPose(): Promise<CommandAck> {
    return this.sendCommand('SET_POSE', { x_mm: 0, y_mm: 0, theta_mrad: 0 });
  }
  dock(): Promise<CommandAck> {
    return this.sendCommand('DOCK', {});
  }
  undock(): Promise<CommandAck> {
    return this.sendCommand('UNDOCK', {});
  }

  sendCommand<K extends CommandName>(name: K, payload: Payloads[K]): Promise<CommandAck> {
    this.commands.push({ name, payload });
    const seq = ++this.seq;
    if (this.conn !== 'up' && name !== 'STOP' && name !== 'ESTOP_ASSERT') {
      return Promise.reject(new LinkError('NOT_CONNECTED', `${name}: link down`));
    }
    const motion = name === 'CMD_VEL' || name === 'FOLLOW_PATH' || name === 'DOCK' || name === 'UNDOCK';
    if (motion && this.estopLatched) {
      return Promise.reject(new CommandRejectedError('REJECTED_ESTOP', name, seq, 3, 1));
    }
    const ack = (result: 'OK' | 'IN_PROGRESS'): Promise<CommandAck> =>
      Promise.resolve({ seq, result, execCount: 1, attempts: 1, rttMs: 1 });
    switch (name) {
      case 'FOLLOW_PATH': {
        const p = payload as Payloads['FOLLOW_PATH'];
        if (p.chunk_index === 0) this.staged = [];
        for (const w of p.waypoints)
          this.staged.push({ x: w.x_mm / 1000, y: w.y_mm / 1000, speed: w.speed_mm_s / 1000 });
        if (p.chunk_index + 1 < p.chunk_count) return ack('OK');
        if (this.mode === 'PATH') this.safety('PATH_ABORTED', false, this.pathId);
        this.path = this.staged.map((w) => ({
          ...w,
          speed: Math.min(w.speed || 9, p.speed_limit_mm_s / 1000 || 9),
        }));
        this.pathId = p.path_id;
        this.pathSeq = seq;
        this.mode = 'PATH';
        // Already there by the firmware's rule: its first control tick ends the path, and PATH_DONE
        // reaches the host in the same read as this ack, so before the sender's await resumes.
        const [goal, ...rest] = this.path;
        if (goal && rest.length === 0 && this.arrivedAt(goal)) this.endPath();
        return ack('IN_PROGRESS');
      }
      case 'STOP':
        this.abortMotion();
        return ack('OK');
      case 'ESTOP_ASSERT':
        this.latch();
        return ack('OK');
      case 'ESTOP_RESET':
        if (this.estopLatched) {
          this.estopLatched = false;
          this.mode = 'IDLE';
          this.safety('ESTOP_CLEARED', false, 0);
        }
        return ack('OK');
      case 'CMD_VEL': {
        const p = payload as Payloads['CMD_VEL'];
        if (this.mode === 'PATH') this.abortMotion();
        this.mode = 'VELOCITY';
        this.vel = {
          v: p.linear_mm_s / 1000,
          w: p.angular_mrad_s / 1000,
          until: this.clock.now() + Math.min(250, p.ttl_ms || 250),
        };
        return ack('OK');
      }
      case 'DOCK':
        if (this.mode === 'DOCKED') return ack('OK');
        this.longCmd = { seq, command: 'DOCK', until: this.clock.now() + 4000 };
        this.mode = 'DOCKING';
        return ack('IN_PROGRESS');
      case 'UNDOCK':
        if (this.mode !== 'DOCKED') return ack('OK');
        this.longCmd = { seq, command: 'UNDOCK', until: this.clock.now() + 2000 };
        this.mode = 'DOCKING';
        return ack('IN_PROGRESS');
      default:
        return ack('OK');
    }
  }

  metrics(): LinkMetrics {
    return {
      framesIn: 0,
      framesMissed: 0,
      framesOut: 0,
      bytesIn: 0,
      bytesOut: 0,
      crcErrors: 0,
      decodeErrors: 0,
      commandsSent: this.commands.length,
      commandsAcked: this.commands.length,
      commandsRejected: 0,
      retries: 0,
      lost: 0,
      duplicateAcks: 0,
      safetyEvents: 0,
      reconnects: 0,
      resyncs: 0,
      rttCount: 0,
      rttSumMs: 0,
      rttBucketsMs: [],
    };
  }

  // ---- simulation -----------------------------------------------------------------------------------

  private setConn(s: ConnectionState): void {
    if (s === this.conn) return;
    this.conn = s;
    this.emit('connection', s);
    if (s === 'up') for (const e of this.pendingSafety.splice(0)) this.emit('safety', e);
  }

  /** Like the firmware, events raised while the host cannot hear them are delivered once it can. */
  /**
   * The firmware's arrival at the path's goal (follower.cpp): within 0.25 m of it, and either within 5 cm
   * or with the goal no longer ahead (a robot that stopped just past it does not turn back).
   */
  private arrivedAt(goal: { x: number; y: number }): boolean {
    const dx = goal.x - this.pose.x;
    const dy = goal.y - this.pose.y;
    const d = Math.hypot(dx, dy);
    const ahead = Math.cos(this.pose.theta) * dx + Math.sin(this.pose.theta) * dy;
    return d < 0.25 && (d < 0.05 || ahead < 0.02);
  }

  private endPath(): void {
    this.path = [];
    this.mode = 'IDLE';
    this.safety('PATH_DONE', false, this.pathId);
    this.emit('completion', { seq: this.pathSeq, command: 'FOLLOW_PATH', result: 'OK' });
  }

  private safety(kind: SafetyKindName, active: boolean, detail: number): void {
    this.pendingSafety.push({ eventId: this.eventId++, kind, active, detail });
    if (this.conn === 'up') for (const e of this.pendingSafety.splice(0)) this.emit('safety', e);
  }

  private latch(): void {
    if (this.estopLatched) return;
    this.abortMotion();
    this.estopLatched = true;
    this.mode = 'ESTOP';
    this.safety('ESTOP_LATCHED', true, 3);
  }

  private abortMotion(): void {
    if (this.mode === 'PATH') this.safety('PATH_ABORTED', false, this.pathId);
    if (this.longCmd) {
      this.emit('completion', { seq: this.longCmd.seq, command: this.longCmd.command, result: 'FAILED' });
      this.longCmd = undefined;
    }
    this.path = [];
    if (this.v > 0 && this.brakeM > 0) {
      this.pose = {
        ...this.pose,
        x: this.pose.x + this.brakeM * Math.cos(this.pose.theta),
        y: this.pose.y + this.brakeM * Math.sin(this.pose.theta),
      };
    }
    this.v = 0;
    this.vel = { v: 0, w: 0, until: 0 };
    if (this.mode !== 'DOCKED' && this.mode !== 'ESTOP') this.mode = 'IDLE';
  }

  private loop(): void {
    this.timer = this.clock.setTimeout(() => {
      if (this.conn === 'closed') return;
      this.step(DT_MS / 1000);
      this.loop();
    }, DT_MS);
  }

  /** Distance to the nearest obstacle edge ahead of the front (±15°, up to 1.5 m), or undefined. */
  private range(): number | undefined {
    let best: number | undefined;
    const c = Math.cos(this.pose.theta);
    const s = Math.sin(this.pose.theta);
    for (const o of this.obstacles) {
      const dx = o.x - (this.pose.x + 0.3 * c);
      const dy = o.y - (this.pose.y + 0.3 * s);
      const ahead = c * dx + s * dy;
      const side = -s * dx + c * dy;
      if (ahead <= 0 || Math.abs(side) - o.radius > ahead * Math.tan(0.26)) continue;
      const d = Math.max(0.2, Math.hypot(dx, dy) - o.radius);
      if (d < 1.5 && (best === undefined || d < best)) best = d;
    }
    return best;
  }

  private step(dt: number): void {
    const now = this.clock.now();
    const r = this.range();
    const blocked = r !== undefined && r < (this.obstacleActive ? 0.45 : 0.35);
    if (blocked !== this.obstacleActive) {
      this.obstacleActive = blocked;
      this.safety('OBSTACLE', blocked, Math.round((r ?? 1.5) * 1000));
    }
    let v = 0;
    let w = 0;
    let odometryDue = true;
    if (this.mode === 'PATH') {
      const target = this.path[0];
      if (!target) {
        this.mode = 'IDLE';
      } else {
        const dx = target.x - this.pose.x;
        const dy = target.y - this.pose.y;
        const d = Math.hypot(dx, dy);
        const err = wrapAngle(Math.atan2(dy, dx) - this.pose.theta);
        w = Math.max(-1.5, Math.min(1.5, 3 * err));
        v = Math.abs(err) < 0.6 ? Math.min(target.speed, d / dt) : 0;
        const last = this.path.length === 1;
        if (d < 0.02 || (!last && d < 0.15) || (last && this.arrivedAt(target))) {
          this.path.shift();
          if (this.path.length === 0) {
            this.endPath();
            v = 0;
            w = 0;
          }
        }
      }
    } else if (this.mode === 'VELOCITY') {
      if (now >= this.vel.until) this.mode = 'IDLE';
      else ({ v, w } = this.vel);
    } else if (this.mode === 'DOCKING' && this.longCmd && now >= this.longCmd.until) {
      const docking = this.longCmd.command === 'DOCK';
      this.emit('completion', { seq: this.longCmd.seq, command: this.longCmd.command, result: 'OK' });
      this.longCmd = undefined;
      if (docking) this.pose = { ...this.dockPose };
      this.mode = docking ? 'DOCKED' : 'IDLE';
      // Like the firmware: the CMD_ACK goes out at once, the ODOM with the new mode on its next period.
      odometryDue = false;
    }
    if (blocked && v > 0) v = 0;
    if (this.stalled) v = w = 0;
    this.v = v;
    this.pose = {
      x: this.pose.x + v * dt * Math.cos(this.pose.theta),
      y: this.pose.y + v * dt * Math.sin(this.pose.theta),
      theta: wrapAngle(this.pose.theta + w * dt),
    };
    if (this.conn === 'up' && odometryDue) {
      this.emit('odometry', {
        tMs: now,
        ...this.pose,
        v: this.v,
        w,
        pathId: this.pathId,
        waypointIndex: 0,
        mode: this.mode,
      });
      if (now - this.batteryAt >= 1000) this.emitBattery();
    }
  }

  private emitBattery(): void {
    this.batteryAt = this.clock.now();
    if (this.conn !== 'up') return;
    this.emit('battery', { voltage: 26, current: -1, socPct: this.soc, charging: this.mode === 'DOCKED' });
  }
}
