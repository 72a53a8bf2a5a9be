/**
 * The firmware's motion side (core/src/firmware.cpp: control_tick, mode_tick; dispatch.cpp: the motion
 * commands) over a unicycle without wheel slip or motor lag: velocity commands with their time-to-live,
 * paths, dock and undock manoeuvres, controlled stops, speed limits and the obstacle slow-down, with the
 * firmware's acceleration limits. Odometry and the world see the same motion; SET_POSE moves only the
 * odometry frame.
 */
import { Result, type FollowPathPayload } from '../../messages.generated.ts';
import type { ModeName } from '../../robot-base.ts';
import { PathFollower } from './follower.ts';
import { approach, BASE, clamp, wrapAngle, type Pose } from './model.ts';
import type { SafetyEventQueue, SafetySupervisor } from './safety.ts';

export type DriveMode = Exclude<ModeName, 'ESTOP' | 'FAULT'>;

export interface DriveContext {
  readonly safety: SafetySupervisor;
  readonly events: SafetyEventQueue;
  /** The long command in progress (path, dock, undock) ended with this result. */
  finishLong(result: Result): void;
  log(level: number, text: string): void;
}

export class Drive {
  mode: DriveMode = 'IDLE';
  readonly follower = new PathFollower();
  /** Pose in the odometry frame (starts at 0,0,0 on every boot). */
  odom: Pose = { x: 0, y: 0, theta: 0 };
  /** Actual body velocity, m/s and rad/s. */
  v = 0;
  w = 0;
  private distance = 0;
  private velV = 0;
  private velW = 0;
  private velDeadline = 0;
  private velLastCmd = 0;
  private maxV: number = BASE.defaultMaxLinear;
  private maxW: number = BASE.defaultMaxAngular;
  private undocking = false;
  private maneuverStart = 0;

  constructor(
    private readonly ctx: DriveContext,
    /** Where the robot really is, in the world the dock lives in. */
    readonly truth: Pose,
    private readonly dockPose: Pose,
  ) {}

  get chargerContact(): boolean {
    const d = Math.hypot(this.truth.x - this.dockPose.x, this.truth.y - this.dockPose.y);
    return d < 0.05 && Math.abs(wrapAngle(this.truth.theta - this.dockPose.theta)) < 0.3;
  }

  get idle(): boolean {
    return this.mode === 'IDLE' || this.mode === 'DOCKED';
  }

  /** Power-up: odometry at 0,0,0, no path, default limits. The wheels keep whatever speed they had. */
  boot(): void {
    this.odom = { x: 0, y: 0, theta: 0 };
    this.distance = 0;
    this.follower.reset();
    this.velV = this.velW = 0;
    this.maxV = BASE.defaultMaxLinear;
    this.maxW = BASE.defaultMaxAngular;
    this.mode = this.chargerContact ? 'DOCKED' : 'IDLE';
  }

  /** Ends a path (PATH_ABORTED), a manoeuvre (FAILED) and velocity mode; `braking` = controlled stop. */
  abort(braking: boolean): void {
    if (this.follower.active) {
      this.follower.cancel();
      this.ctx.events.raise('PATH_ABORTED', false, this.follower.pathId);
    }
    this.ctx.finishLong(Result.FAILED);
    this.velV = this.velW = 0;
    if (this.mode === 'DOCKED') return;
    this.mode = braking ? 'STOPPING' : 'IDLE';
  }

  velocity(v: number, w: number, ttlMs: number, now: number): Result {
    if (this.mode === 'PATH' || this.mode === 'DOCKING') this.abort(false);
    this.velV = v;
    this.velW = w;
    const ttl = ttlMs === 0 || ttlMs > BASE.velocityWatchdogMs ? BASE.velocityWatchdogMs : ttlMs;
    this.velDeadline = now + ttl;
    this.velLastCmd = now;
    this.mode = 'VELOCITY';
    return Result.OK;
  }

  /** IN_PROGRESS when the last chunk made the path active (a long command). */
  followPath(m: FollowPathPayload): Result {
    const result = this.follower.addChunk(m);
    if (result !== Result.IN_PROGRESS) return result;
    // The final chunk: the new path replaces whatever the robot was doing.
    this.abort(false);
    this.follower.activate(this.odom);
    this.mode = 'PATH';
    return result;
  }

  /** DOCK (true) or UNDOCK (false); a no-op answered OK when already there. */
  dock(dock: boolean): Result {
    const docked = this.mode === 'DOCKED';
    if (dock === docked) return Result.OK;
    this.abort(false);
    this.mode = 'DOCKING';
    this.undocking = !dock;
    this.maneuverStart = this.distance;
    return Result.IN_PROGRESS;
  }

  setLimits(maxV: number, maxW: number): void {
    this.maxV = Math.min(maxV, BASE.hardMaxLinear);
    this.maxW = Math.min(maxW, BASE.hardMaxAngular);
  }

  setPose(pose: Pose): Result {
    if (this.mode === 'PATH' || this.mode === 'DOCKING') return Result.BUSY;
    this.odom = { x: pose.x, y: pose.y, theta: wrapAngle(pose.theta) };
    return Result.OK;
  }

  /** One control tick of `dt` seconds at `now` (ms). */
  tick(now: number, dt: number): void {
    const safety = this.ctx.safety;
    if (this.mode === 'VELOCITY' && now >= this.velDeadline) {
      if (this.velV !== 0 || this.velW !== 0 || this.v !== 0 || this.w !== 0) {
        this.ctx.events.raise('VEL_WATCHDOG', true, Math.min(now - this.velLastCmd, 32767));
      }
      this.velV = this.velW = 0;
      this.mode = 'STOPPING';
    }
    let { v, w, braking } = this.modeTick();
    // Obstacle ahead: no forward motion (turning in place and reversing stay allowed).
    if (safety.obstacle && v > 0) {
      v = 0;
      braking = true;
    }
    if (safety.inhibited) {
      // Drivers off: the wheels coast to a stop.
      const decay = Math.exp(-dt / BASE.brakeTauS);
      this.v = Math.abs(this.v * decay) < 1e-3 ? 0 : this.v * decay;
      this.w = Math.abs(this.w * decay) < 1e-3 ? 0 : this.w * decay;
    } else {
      v = clamp(v, -BASE.hardMaxLinear, BASE.hardMaxLinear);
      w = clamp(w, -BASE.hardMaxAngular, BASE.hardMaxAngular);
      this.v = approach(this.v, v, BASE.accel, braking ? BASE.stopDecel : BASE.decel, dt);
      this.w = approach(this.w, w, BASE.angularAccel, braking ? BASE.angularStop : BASE.angularAccel, dt);
    }
    this.integrate(dt);
  }

  private modeTick(): { v: number; w: number; braking: boolean } {
    let vlim = this.maxV;
    const d = this.ctx.safety.inputs.obstacleM;
    if (d !== null && d < BASE.obstacleSlow) {
      // Slow down linearly between the slow and the stop distance.
      const f = (d - BASE.obstacleStop) / (BASE.obstacleSlow - BASE.obstacleStop);
      vlim = Math.min(vlim, 0.1 + (this.maxV - 0.1) * Math.max(f, 0));
    }
    switch (this.mode) {
      case 'VELOCITY':
        return {
          v: this.velV > vlim ? vlim : Math.max(this.velV, -this.maxV),
          w: clamp(this.velW, -this.maxW, this.maxW),
          braking: false,
        };
      case 'PATH': {
        const out = this.follower.update(this.odom, this.v, vlim, this.maxW);
        if (!out.arrived) return { v: out.v, w: out.w, braking: false };
        this.ctx.events.raise('PATH_DONE', false, this.follower.pathId);
        this.ctx.finishLong(Result.OK);
        this.mode = 'STOPPING';
        return { v: 0, w: 0, braking: false };
      }
      case 'DOCKING':
        return this.maneuverTick();
      case 'STOPPING':
        if (this.v === 0 && this.w === 0) this.mode = 'IDLE';
        return { v: 0, w: 0, braking: true };
      case 'IDLE':
      case 'DOCKED':
        return { v: 0, w: 0, braking: false };
      default: {
        const never: never = this.mode;
        return never;
      }
    }
  }

  private maneuverTick(): { v: number; w: number; braking: boolean } {
    const travelled = Math.abs(this.distance - this.maneuverStart);
    if (this.undocking) {
      if (travelled < BASE.undockDistance) return { v: BASE.undockSpeed, w: 0, braking: false };
      this.mode = 'STOPPING';
      this.ctx.finishLong(Result.OK);
    } else if (this.chargerContact) {
      this.mode = 'DOCKED';
      this.v = this.w = 0;
      this.ctx.finishLong(Result.OK);
    } else if (travelled > BASE.dockMaxDistance) {
      this.mode = 'STOPPING';
      this.ctx.finishLong(Result.FAILED);
      this.ctx.log(2, `dock contacts not found within mm ${BASE.dockMaxDistance * 1000}`);
    } else {
      return { v: -BASE.dockSpeed, w: 0, braking: false };
    }
    return { v: 0, w: 0, braking: false };
  }

  private integrate(dt: number): void {
    const ds = this.v * dt;
    const dth = this.w * dt;
    for (const pose of [this.truth, this.odom]) {
      const mid = pose.theta + dth / 2;
      pose.x += ds * Math.cos(mid);
      pose.y += ds * Math.sin(mid);
      pose.theta = wrapAngle(pose.theta + dth);
    }
    this.distance += ds;
  }
}
