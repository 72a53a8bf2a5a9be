/**
 * The robot base behind `FakeRobotBase`: the firmware's rules (core/src/firmware.cpp, dispatch.cpp) on a
 * simulated board. A 10 ms control tick samples the inputs (safety supervisor), runs the heartbeat
 * watchdog, the battery and the drive (drive.ts); odometry goes out every 20 ms and the battery every
 * second, as wire payloads. Time comes from the clock, run in catch-up steps whenever anyone looks.
 * Test hooks change the hardware (obstacle, buttons, motor fault, battery, cable, power) and the firmware
 * sees the change at its next control tick, as on the board.
 */
import { EventEmitter } from 'node:events';
import { prng } from '@reception/testkit/prng';
import type { Completion, ResultName } from '../../robot-base.ts';
import {
  Capability,
  EstopSource,
  Mode,
  Result,
  RULES,
  type BatteryPayload,
  type CommandName,
  type OdomPayload,
  type Payloads,
  type SafetyEventPayload,
} from '../../messages.generated.ts';
import type { ModeName } from '../../robot-base.ts';
import { BatteryModel } from './battery.ts';
import type { FakeClock } from './clock.ts';
import { Drive } from './drive.ts';
import { BASE, clamp16, type Pose } from './model.ts';
import { NO_INPUTS, SafetyEventQueue, SafetySupervisor, type Inputs } from './safety.ts';

export interface SimulatedBaseOptions {
  /** Pose in the world at power-up (odometry starts at 0,0,0 whatever it is). Default 0,0,0. */
  start?: Pose;
  /** Pose at which the rear charging contacts touch the dock. Default -0.5,0,0, as the host simulator. */
  dock?: Pose;
  /** State of charge at power-up, %. Default 85. */
  batteryPct?: number;
  /** Multiplies the discharge current. Default 1. */
  batteryDrain?: number;
  /** Seeds the boot ids. Default 1. */
  seed?: number;
}

export interface SimulatedBaseEvents {
  odometry: [OdomPayload];
  battery: [BatteryPayload];
  /** The final result of a long command: the firmware's second CMD_ACK, sent once and never repeated. */
  completion: [Completion];
  log: [{ level: number; text: string }];
  /** The base restarted; its heartbeats now show no session. */
  boot: [number];
  /** The cable was pulled (false) or plugged back in (true). */
  cable: [boolean];
}

export const FIRMWARE_VERSION = '1.0.0';
export const CAPABILITIES =
  Capability.PATH |
  Capability.DOCK |
  Capability.BUMPER |
  Capability.ESTOP_BUTTON |
  Capability.OBSTACLE_SENSOR |
  Capability.SIMULATED;

const RESULT_NAMES = new Map(Object.entries(Result).map(([k, v]) => [v as number, k as ResultName]));
const MOTION: ReadonlySet<CommandName> = new Set(['CMD_VEL', 'FOLLOW_PATH', 'DOCK', 'UNDOCK']);

export class SimulatedBase extends EventEmitter<SimulatedBaseEvents> {
  private readonly hardware: Inputs = { ...NO_INPUTS };
  private plugged = true;
  private hostSending: () => boolean = () => false;
  private readonly random: () => number;
  private readonly battery: BatteryModel;
  private readonly events = new SafetyEventQueue();
  private readonly safety = new SafetySupervisor(this.events);
  private readonly drive: Drive;
  private boot = 0;
  private bootAt = 0;
  private t: number;
  private session = false;
  private hostSession: number | undefined;
  private lastHostFrame = 0;
  private long: { command: 'FOLLOW_PATH' | 'DOCK' | 'UNDOCK'; seq: number } | undefined;
  private lastOdomAt = 0;
  private lastBatteryAt = 0;

  constructor(
    readonly clock: FakeClock,
    options: SimulatedBaseOptions = {},
  ) {
    super();
    this.random = prng(options.seed ?? 1);
    this.battery = new BatteryModel(options.batteryPct ?? 85, options.batteryDrain ?? 1);
    this.drive = new Drive(
      {
        safety: this.safety,
        events: this.events,
        finishLong: (result) => this.finishLong(result),
        log: (level, text) => this.log(level, text),
      },
      { ...(options.start ?? { x: 0, y: 0, theta: 0 }) },
      options.dock ?? { x: -0.5, y: 0, theta: 0 },
    );
    this.t = clock.now();
    this.powerUp();
  }

  // ---- what a test can read ---------------------------------------------------------------------

  get bootId(): number {
    return this.boot;
  }

  get mode(): ModeName {
    this.advance();
    if (this.safety.estopLatched) return 'ESTOP';
    if (this.safety.faultLatched) return 'FAULT';
    return this.drive.mode;
  }

  /** The odometry pose (the frame SET_POSE moves). */
  get pose(): Pose {
    this.advance();
    return { ...this.drive.odom };
  }

  /** Where the robot really is, in the world the dock lives in. */
  get truth(): Pose {
    this.advance();
    return { ...this.drive.truth };
  }

  get sessionActive(): boolean {
    this.advance();
    return this.session;
  }

  get cablePlugged(): boolean {
    return this.plugged;
  }

  get batteryPct(): number {
    this.advance();
    return this.battery.pct;
  }

  // ---- test hooks: the hardware changes; the firmware notices at its next control tick -----------------

  /** Something `distanceM` ahead of the range sensor; null: nothing in range. */
  obstacleAhead(distanceM: number | null): void {
    this.setInput({ obstacleM: distanceM });
  }

  pressEstopButton(pressed: boolean): void {
    this.setInput({ estopButton: pressed });
  }

  pressBumper(pressed: boolean): void {
    this.setInput({ bumper: pressed });
  }

  motorFault(active: boolean): void {
    this.setInput({ motorFault: active });
  }

  setBattery(pct: number): void {
    this.advance();
    this.battery.set(pct);
  }

  /** Pulls the cable: nothing passes either way until `plug()`. */
  unplug(): void {
    this.advance();
    if (!this.plugged) return;
    this.plugged = false;
    this.emit('cable', false);
  }

  plug(): void {
    this.advance();
    if (this.plugged) return;
    this.plugged = true;
    this.emit('cable', true);
  }

  /** A power cycle: new boot id, e-stop latched, no session, odometry at 0,0,0, paths and limits gone. */
  reboot(): void {
    this.advance();
    this.powerUp();
    this.emit('boot', this.boot);
  }

  // ---- the host's end of the wire (FakeRobotBase) -------------------------------------------------------

  /** `sending` tells whether a host holds the port and sends frames (heartbeats, HELLOs, commands). */
  attachHost(sending: () => boolean): void {
    this.advance();
    this.hostSending = sending;
  }

  /** HELLO: starts a session (a different `hostSession` is a new host). */
  hello(hostSession: number): { bootId: number; estopLatched: boolean } {
    this.advance();
    if (this.hostSession !== hostSession) {
      this.hostSession = hostSession;
      this.log(1, `new host session ${hostSession}`);
    }
    this.session = true;
    this.lastHostFrame = this.t;
    return { bootId: this.boot, estopLatched: this.safety.estopLatched };
  }

  /** The safety events waiting for the host, oldest first; taking them acknowledges them. */
  takeSafetyEvents(): SafetyEventPayload[] {
    this.advance();
    return this.events.take();
  }

  /** One command, executed once; returns the CMD_ACK result (dispatch.cpp's execute). */
  execute<K extends CommandName>(name: K, payload: Payloads[K], seq: number): Result {
    this.advance();
    this.lastHostFrame = this.t;
    if (MOTION.has(name)) {
      if (this.safety.estopLatched) return Result.REJECTED_ESTOP;
      if (this.safety.faultLatched || !this.session) return Result.REJECTED_STATE;
    }
    const p = { name, payload } as { [N in CommandName]: { name: N; payload: Payloads[N] } }[CommandName];
    switch (p.name) {
      case 'CMD_VEL':
        return this.drive.velocity(
          p.payload.linear_mm_s / 1000,
          p.payload.angular_mrad_s / 1000,
          p.payload.ttl_ms,
          this.t,
        );
      case 'FOLLOW_PATH':
        return this.startLong(this.drive.followPath(p.payload), 'FOLLOW_PATH', seq);
      case 'DOCK':
      case 'UNDOCK':
        return this.startLong(this.drive.dock(p.name === 'DOCK'), p.name, seq);
      case 'STOP':
        this.drive.abort(true);
        return Result.OK;
      case 'ESTOP_ASSERT': {
        const source = p.payload.source <= EstopSource.BOOT ? p.payload.source : EstopSource.HOST;
        this.safety.assertEstop(ESTOP_SOURCE_NAMES[source] ?? 'HOST');
        this.drive.abort(false);
        return Result.OK;
      }
      case 'ESTOP_RESET': {
        if (p.payload.confirm !== RULES.estop_reset_confirm) return Result.INVALID;
        // Only within a session: a reset re-sent by a host that missed a reboot must not clear the boot latch.
        if (!this.session) return Result.REJECTED_STATE;
        const result = this.safety.clearEstop();
        if (result === Result.OK) this.log(2, 'e-stop reset by host');
        return result;
      }
      case 'SET_SPEED_LIMIT':
        this.drive.setLimits(p.payload.max_linear_mm_s / 1000, p.payload.max_angular_mrad_s / 1000);
        return Result.OK;
      case 'SET_POSE':
        return this.drive.setPose({
          x: p.payload.x_mm / 1000,
          y: p.payload.y_mm / 1000,
          theta: p.payload.theta_mrad / 1000,
        });
      case 'HELLO':
        return Result.UNSUPPORTED; // answered by HELLO_ACK, see hello()
      default: {
        const never: never = p;
        return never;
      }
    }
  }

  /** Runs the control ticks due up to the clock's now. */
  advance(): void {
    const now = this.clock.now();
    while (now - this.t >= BASE.controlPeriodMs) {
      this.t += BASE.controlPeriodMs;
      this.controlTick();
      this.telemetry();
    }
  }

  // ---- firmware -----------------------------------------------------------------------------------

  private setInput(patch: Partial<Inputs>): void {
    this.advance();
    Object.assign(this.hardware, patch);
  }

  private powerUp(): void {
    const id = Math.floor(this.random() * 0x100000000) >>> 0 || 0x5eed0001;
    this.boot = id;
    this.bootAt = this.t;
    this.events.startIdsAt((id ^ (id >>> 16)) & 0xffff);
    this.safety.boot();
    this.drive.boot();
    this.battery.boot();
    this.session = false;
    this.hostSession = undefined;
    this.long = undefined;
    this.lastOdomAt = this.lastBatteryAt = this.t;
    this.log(1, `boot, e-stop latched; boot_id ${id}`);
  }

  private log(level: number, text: string): void {
    this.emit('log', { level, text });
  }

  private startLong(result: Result, command: 'FOLLOW_PATH' | 'DOCK' | 'UNDOCK', seq: number): Result {
    if (result === Result.IN_PROGRESS) this.long = { command, seq };
    return result;
  }

  private finishLong(result: Result): void {
    const long = this.long;
    if (long === undefined) return;
    this.long = undefined;
    this.emit('completion', { ...long, result: RESULT_NAMES.get(result) ?? 'FAILED' });
  }

  private controlTick(): void {
    const now = this.t;
    this.safety.update({ ...this.hardware });
    if (this.safety.inhibited && !this.drive.idle) this.drive.abort(false);
    if (this.plugged && this.hostSending()) this.lastHostFrame = now;
    if (this.session && now - this.lastHostFrame > BASE.heartbeatWatchdogMs) {
      this.session = false;
      this.events.raise('HEARTBEAT_WATCHDOG', true, Math.min(now - this.lastHostFrame, 32767));
      this.log(2, 'host heartbeat lost, stopping; HELLO required');
      if (!this.drive.idle) this.drive.abort(true);
    }
    const dt = BASE.controlPeriodMs / 1000;
    const powered = !this.safety.inhibited && this.drive.mode !== 'DOCKED';
    const half = BASE.trackM / 2;
    const { v, w } = this.drive;
    this.battery.step(dt, powered, v - w * half, v + w * half, this.drive.chargerContact);
    if (this.battery.takeLowEdge()) this.events.raise('LOW_BATTERY', this.battery.low, this.battery.pct);
    this.drive.tick(now, dt);
  }

  private telemetry(): void {
    if (this.t - this.lastOdomAt >= BASE.odomPeriodMs) {
      this.lastOdomAt += BASE.odomPeriodMs;
      if (this.t - this.lastOdomAt >= BASE.odomPeriodMs) this.lastOdomAt = this.t;
      const { odom, v, w, follower } = this.drive;
      this.emit('odometry', {
        t_ms: (this.t - this.bootAt) >>> 0,
        x_mm: Math.round(odom.x * 1000),
        y_mm: Math.round(odom.y * 1000),
        theta_mrad: clamp16(odom.theta * 1000),
        v_mm_s: clamp16(v * 1000),
        w_mrad_s: clamp16(w * 1000),
        path_id: follower.pathId,
        waypoint_index: follower.waypointIndex,
        mode: Mode[this.safety.estopLatched ? 'ESTOP' : this.safety.faultLatched ? 'FAULT' : this.drive.mode],
      });
    }
    if (this.t - this.lastBatteryAt >= BASE.batteryPeriodMs) {
      this.lastBatteryAt = this.t;
      this.emit('battery', this.battery.reading(this.drive.chargerContact));
    }
  }
}

const ESTOP_SOURCE_NAMES = Object.fromEntries(
  Object.entries(EstopSource).map(([k, v]) => [v, k as keyof typeof EstopSource]),
) as Partial<Record<number, keyof typeof EstopSource>>;
