/**
 * A `RobotBase` in-process, with no serial port: the host side of the link over a `SimulatedBase` that keeps
 * the firmware's rules. For unit tests of the layers above the link (robot service, missions): asynchronous
 * like `SerialRobotBase` (commands resolve on their ack, events arrive as the base sends them), passes the
 * same contract suite, and runs on real time or on a `ManualClock`.
 *
 * Hooks live on `fake.sim`: `obstacleAhead(m)`, `pressEstopButton(b)`, `pressBumper(b)`, `motorFault(b)`,
 * `setBattery(pct)`, `unplug()`/`plug()` (the cable), `reboot()`; it also shows the true `pose`, `mode` and
 * `truth` (the world pose). Several `FakeRobotBase`s may use one `SimulatedBase` in turn (a host restart).
 *
 * What it does not model (see the firmware and the fault tests for those):
 * - the wire: no frames, CRC, COBS, bit errors, lost or duplicated frames, resends or dedupe; each command
 *   reaches the base once, is acknowledged at once (rttMs 0, attempts 1, execCount 1), and metrics count
 *   messages, not bytes;
 * - heartbeats as traffic: the base's heartbeat watchdog fires only while the cable is pulled or after
 *   `close()`, never because of a slow event loop;
 * - physics: no wheel slip, odometry drift, motor lag or encoder noise; the battery's state of charge is
 *   the true one, where the firmware counts coulombs; the range sensor reads what `obstacleAhead` says (no
 *   geometric obstacles, no bumper from touching one); the dock is a pose (`dock` option).
 */
import { randomInt } from 'node:crypto';
import { payloadError, RobotBaseCommands } from '../../base-commands.ts';
import type { Completion } from '../../robot-base.ts';
import { CommandRejectedError, CommandTimeoutError, LinkError, rejectionCode } from '../../errors.ts';
import {
  PROTOCOL_VERSION,
  Result,
  RULES,
  SCHEMA_HASH,
  type BatteryPayload,
  type CommandName,
  type OdomPayload,
  type Payloads,
} from '../../messages.generated.ts';
import { LinkMetricsRecorder } from '../../metrics.ts';
import type {
  BaseInfo,
  CommandAck,
  CommandOptions,
  ConnectionState,
  LinkMetrics,
  RobotBase,
} from '../../robot-base.ts';
import { toBattery, toOdometry, toSafetyEvent } from '../../telemetry.ts';
import { realTimeClock, type FakeClock } from './clock.ts';
import {
  CAPABILITIES,
  FIRMWARE_VERSION,
  SimulatedBase,
  type SimulatedBaseOptions,
} from './simulated-base.ts';

export interface FakeRobotBaseOptions extends SimulatedBaseOptions {
  /** Default: real time. Ignored when `sim` is given (the base's clock is used). */
  clock?: FakeClock;
  /** The base to talk to; default a new one with these options. */
  sim?: SimulatedBase;
}

interface Held {
  seq: number;
  name: CommandName;
  payload: Payloads[CommandName];
  deadline: number;
  resolve: (ack: CommandAck) => void;
  reject: (error: Error) => void;
}

export class FakeRobotBase extends RobotBaseCommands implements RobotBase {
  readonly sim: SimulatedBase;
  private readonly clock: FakeClock;
  private readonly recorder = new LinkMetricsRecorder();
  private readonly hostSession = randomInt(1, 0xffffffff);
  private connState: ConnectionState = 'disconnected';
  private baseInfo: BaseInfo | undefined;
  private portOpen = false;
  private nextSeq = randomInt(1, 0xffff);
  private held: Held[] = [];
  private unsubscribe: (() => void) | undefined;
  private firstConnect: Promise<BaseInfo> | undefined;
  private settleFirst: { resolve: (i: BaseInfo) => void; reject: (e: Error) => void } | undefined;
  private readonly onOdometry = (p: OdomPayload) => this.fromBase(() => this.emit('odometry', toOdometry(p)));
  private readonly onBattery = (p: BatteryPayload) => this.fromBase(() => this.emit('battery', toBattery(p)));
  private readonly onLog = (l: { level: number; text: string }) => this.fromBase(() => this.emit('log', l));
  private readonly onCompletion = (c: Completion) => this.fromBase(() => this.emit('completion', c));
  private readonly onCable = (plugged: boolean) => this.cable(plugged);
  private readonly onBoot = () => this.rebooted();

  constructor(options: FakeRobotBaseOptions = {}) {
    super();
    this.sim = options.sim ?? new SimulatedBase(options.clock ?? realTimeClock(), options);
    this.clock = this.sim.clock;
  }

  get state(): ConnectionState {
    return this.connState;
  }

  get info(): BaseInfo | undefined {
    return this.baseInfo;
  }

  connect(): Promise<BaseInfo> {
    if (this.connState === 'closed') return Promise.reject(new LinkError('CLOSED', 'link was closed'));
    if (this.firstConnect !== undefined) return this.firstConnect;
    this.firstConnect = new Promise<BaseInfo>((resolve, reject) => (this.settleFirst = { resolve, reject }));
    this.portOpen = true;
    this.sim.attachHost(() => this.portOpen);
    this.listen(true);
    this.unsubscribe = this.clock.subscribe(() => this.tick());
    this.handshake();
    return this.firstConnect;
  }

  close(): Promise<void> {
    if (this.connState === 'closed') return Promise.resolve();
    this.setState('closed');
    // Heartbeats stop: the base ends the session and brakes 500 ms later.
    this.portOpen = false;
    this.unsubscribe?.();
    this.listen(false);
    const error = new LinkError('CLOSED', 'link closed by the host');
    for (const h of this.held) h.reject(error);
    this.held = [];
    this.settleFirst?.reject(new LinkError('CLOSED', 'link closed before the handshake'));
    this.settleFirst = undefined;
    return Promise.resolve();
  }

  sendCommand<K extends CommandName>(
    name: K,
    payload: Payloads[K],
    options: CommandOptions = {},
  ): Promise<CommandAck> {
    if (this.connState === 'closed') return Promise.reject(new LinkError('CLOSED', 'link is closed'));
    if (name === 'HELLO') return Promise.reject(new LinkError('INVALID', 'HELLO belongs to the handshake'));
    const invalid = payloadError(name, payload);
    if (invalid !== undefined) return Promise.reject(invalid);
    const seq = this.nextSeq;
    this.nextSeq = (this.nextSeq + 1) & 0xffff || 1;
    const deadlineMs = options.deadlineMs ?? RULES.ack_timeout_ms * (RULES.max_retries + 1) + 50;
    return new Promise<CommandAck>((resolve, reject) => {
      this.held.push({ seq, name, payload, deadline: this.clock.now() + deadlineMs, resolve, reject });
      // Asynchronous like a serial round trip: the caller's code after sendCommand runs first.
      queueMicrotask(() => this.sendHeld());
    });
  }

  metrics(): LinkMetrics {
    return this.recorder.snapshot();
  }

  // ---- link -----------------------------------------------------------------------------------

  private listen(on: boolean): void {
    const sim = this.sim;
    const method = on ? sim.on.bind(sim) : sim.off.bind(sim);
    method('odometry', this.onOdometry);
    method('battery', this.onBattery);
    method('log', this.onLog);
    method('completion', this.onCompletion);
    method('cable', this.onCable);
    method('boot', this.onBoot);
  }

  private setState(state: ConnectionState): void {
    if (this.connState === state || this.connState === 'closed') return;
    this.connState = state;
    this.emit('connection', state);
  }

  /** Telemetry passes while the port is open and the cable in, whatever the session (as on the wire). */
  private fromBase(deliver: () => void): void {
    if (!this.portOpen || !this.sim.cablePlugged) return;
    this.recorder.inc('framesIn');
    deliver();
  }

  private handshake(): void {
    if (!this.portOpen) return;
    this.setState('connecting');
    queueMicrotask(() => {
      if (!this.portOpen || this.connState !== 'connecting') return;
      if (!this.sim.cablePlugged) {
        this.setState('disconnected');
        return;
      }
      this.recorder.inc('framesOut');
      const hello = this.sim.hello(this.hostSession);
      const info: BaseInfo = {
        protocolVersion: PROTOCOL_VERSION,
        schemaHash: SCHEMA_HASH,
        firmware: FIRMWARE_VERSION,
        bootId: hello.bootId,
        capabilities: CAPABILITIES,
        estopLatched: hello.estopLatched,
      };
      const previous = this.baseInfo;
      this.baseInfo = info;
      if (previous !== undefined && previous.bootId !== info.bootId) {
        this.recorder.inc('resyncs');
        this.emit('resync', info);
      }
      this.setState('up');
      this.settleFirst?.resolve(info);
      this.settleFirst = undefined;
      this.sendHeld();
      this.deliverSafety();
    });
  }

  private cable(plugged: boolean): void {
    if (!this.portOpen) return;
    if (!plugged) {
      this.setState('disconnected');
      return;
    }
    this.recorder.inc('reconnects');
    this.handshake();
  }

  /** The base restarted: its next heartbeat shows no session, and the host says HELLO again. */
  private rebooted(): void {
    if (this.connState === 'up') this.handshake();
  }

  private tick(): void {
    this.sim.advance();
    this.deliverSafety();
    const now = this.clock.now();
    const expired = this.held.filter((h) => now >= h.deadline);
    if (expired.length === 0) return;
    this.held = this.held.filter((h) => now < h.deadline);
    for (const h of expired) {
      this.recorder.inc('lost');
      h.reject(new CommandTimeoutError(h.name, h.seq, 0));
    }
  }

  private sendHeld(): void {
    while (this.connState === 'up' && this.sim.cablePlugged) {
      const h = this.held.shift();
      if (h === undefined) return;
      this.recorder.inc('commandsSent');
      this.recorder.inc('framesOut');
      const result = this.sim.execute(h.name, h.payload, h.seq);
      this.recorder.inc('framesIn');
      this.recorder.observeRtt(0);
      if (result === Result.OK || result === Result.IN_PROGRESS) {
        this.recorder.inc('commandsAcked');
        h.resolve({
          seq: h.seq,
          result: result === Result.OK ? 'OK' : 'IN_PROGRESS',
          execCount: 1,
          attempts: 1,
          rttMs: 0,
        });
      } else {
        this.recorder.inc('commandsRejected');
        h.reject(new CommandRejectedError(rejectionCode(result), h.name, h.seq, result, 1));
      }
      // After the ack, as on the wire: an event the command raised follows its CMD_ACK.
      this.deliverSafety();
    }
  }

  private deliverSafety(): void {
    if (!this.portOpen || !this.sim.cablePlugged) return;
    for (const event of this.sim.takeSafetyEvents()) {
      this.recorder.inc('framesIn');
      this.recorder.inc('safetyEvents');
      this.emit('safety', toSafetyEvent(event));
    }
  }
}
