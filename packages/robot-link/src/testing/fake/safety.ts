/**
 * The firmware's safety supervisor and safety-event queue (core/src/safety.cpp): a latched e-stop that
 * boots latched and clears only through `clearEstop`, a latched motor fault, input edges raised as events,
 * obstacle hysteresis, and events numbered per boot from the boot id and held until the host takes them.
 */
import { EstopSource, Result, SafetyKind, type SafetyEventPayload } from '../../messages.generated.ts';
import { BASE } from './model.ts';

/** What the base's sensors read now: the hardware state a test sets through the fake's hooks. */
export interface Inputs {
  estopButton: boolean;
  bumper: boolean;
  motorFault: boolean;
  /** Range to the nearest thing ahead, m; null when nothing is in range. */
  obstacleM: number | null;
}

export const NO_INPUTS: Inputs = { estopButton: false, bumper: false, motorFault: false, obstacleM: null };

/** Reliable safety events: kept until the host takes them; when 16 are waiting the oldest is dropped. */
export class SafetyEventQueue {
  static readonly CAPACITY = 16;
  private pending: SafetyEventPayload[] = [];
  private nextId = 1;
  dropped = 0;

  /** First event id of a boot: derived from the boot id, never 0. */
  startIdsAt(first: number): void {
    this.pending = [];
    this.nextId = first & 0xffff || 1;
  }

  raise(kind: keyof typeof SafetyKind, active: boolean, detail: number): void {
    if (this.pending.length === SafetyEventQueue.CAPACITY) {
      this.pending.shift();
      this.dropped++;
    }
    // detail is an i16 on the wire: a path id above 32767 wraps, as the firmware's cast does.
    const i16 = (detail << 16) >> 16;
    this.pending.push({ event_id: this.nextId, kind: SafetyKind[kind], active: active ? 1 : 0, detail: i16 });
    this.nextId = (this.nextId + 1) & 0xffff || 1;
  }

  /** Everything waiting, oldest first; the host acknowledges what it takes. */
  take(): SafetyEventPayload[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  get size(): number {
    return this.pending.length;
  }
}

export class SafetySupervisor {
  private sampled: Inputs = NO_INPUTS;
  private estop = true;
  private fault = false;
  private obstacleFlag = false;
  private estopSource: keyof typeof EstopSource = 'BOOT';

  constructor(private readonly events: SafetyEventQueue) {}

  get estopLatched(): boolean {
    return this.estop;
  }

  get faultLatched(): boolean {
    return this.fault;
  }

  /** The drive must be off: e-stop or motor fault. */
  get inhibited(): boolean {
    return this.estop || this.fault;
  }

  get obstacle(): boolean {
    return this.obstacleFlag;
  }

  get inputs(): Inputs {
    return this.sampled;
  }

  get source(): keyof typeof EstopSource {
    return this.estopSource;
  }

  boot(): void {
    this.estop = true;
    this.estopSource = 'BOOT';
    this.fault = false;
    this.obstacleFlag = false;
    this.sampled = NO_INPUTS;
    this.events.raise('ESTOP_LATCHED', true, EstopSource.BOOT);
  }

  assertEstop(source: keyof typeof EstopSource): void {
    if (this.estop) return;
    this.estop = true;
    this.estopSource = source;
    this.events.raise('ESTOP_LATCHED', true, EstopSource[source]);
  }

  /** REJECTED_STATE while the button or a bumper is pressed or the driver still reports a fault. */
  clearEstop(): Result {
    const i = this.sampled;
    if (i.estopButton || i.bumper || i.motorFault) return Result.REJECTED_STATE;
    const was = this.estop || this.fault;
    this.estop = false;
    this.fault = false;
    if (was) this.events.raise('ESTOP_CLEARED', false, 0);
    return Result.OK;
  }

  /** Samples the inputs once per control tick and raises events on edges. */
  update(inputs: Inputs): void {
    const prev = this.sampled;
    this.sampled = inputs;
    if (inputs.estopButton !== prev.estopButton) this.events.raise('ESTOP_BUTTON', inputs.estopButton, 0);
    if (inputs.estopButton) this.assertEstop('BUTTON');
    if (inputs.bumper !== prev.bumper) this.events.raise('BUMPER', inputs.bumper, 0);
    if (inputs.bumper) this.assertEstop('BUMPER');
    if (inputs.motorFault !== prev.motorFault) this.events.raise('MOTOR_FAULT', inputs.motorFault, 0);
    if (inputs.motorFault) this.fault = true;
    const d = inputs.obstacleM ?? Number.POSITIVE_INFINITY;
    const now = this.obstacleFlag ? d < BASE.obstacleRelease : d < BASE.obstacleStop;
    if (now !== this.obstacleFlag) {
      this.obstacleFlag = now;
      const mm = inputs.obstacleM === null ? 0xffff : Math.round(inputs.obstacleM * 1000);
      this.events.raise('OBSTACLE', now, Math.min(mm, 32767));
    }
  }
}
