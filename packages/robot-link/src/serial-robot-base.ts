/**
 * `RobotBase` over node-serialport: handshake with version and schema check, 10 Hz heartbeats,
 * ack/retry/dedupe through `CommandTracker`, safety-event dedupe and acks, liveness by received frames,
 * reconnect with backoff when the port disappears, resync on a new boot id. Rules: see robot-base.ts.
 */
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pino, { type Logger } from 'pino';
import { payloadError, RobotBaseCommands } from './base-commands.ts';
import { encodeFrame, messageDef, type Frame, type FrameOf } from './codec.ts';
import { CommandTracker } from './command-tracker.ts';
import { LinkError } from './errors.ts';
import { FrameDecoder } from './frame-parser.ts';
import {
  FLAGS,
  PROTOCOL_VERSION,
  RULES,
  SCHEMA_HASH,
  Status,
  type CommandName,
  type MessageName,
  type Payloads,
} from './messages.generated.ts';
import { LinkMetricsRecorder } from './metrics.ts';
import { toBattery, toOdometry, toSafetyEvent } from './telemetry.ts';
import { locatePort, type PortSpec } from './port-locator.ts';
import type {
  BaseInfo,
  CommandAck,
  CommandOptions,
  ConnectionState,
  LinkMetrics,
  RobotBase,
} from './robot-base.ts';
import { nodeSerialPorts, type LinkPort, type SerialPorts } from './serial-ports.ts';

export interface SerialRobotBaseOptions extends PortSpec {
  baudRate?: number;
  logger?: Logger;
  ackTimeoutMs?: number;
  maxRetries?: number;
  /** No session telemetry from the base for this long means the link is down (it sends ODOM at 50 Hz). */
  linkTimeoutMs?: number;
  heartbeatHz?: number;
  /**
   * Copies of each heartbeat sent back to back (default 2). The base ends the session after 500 ms without
   * one, i.e. after 4-5 lost heartbeats; at a 1e-3 bit error rate plus 1 % dropped bytes about 30 % of
   * frames are lost, which would stop the robot every ~10 s with single copies (measured by bench:link).
   */
  heartbeatCopies?: number;
  reconnectBackoffMs?: { initial: number; max: number };
  maxInFlight?: number;
  /** Where ports come from (default node-serialport); tests pass `SerialPortMock` or a duplex stream. */
  ports?: SerialPorts;
}

export class SerialRobotBase extends RobotBaseCommands implements RobotBase {
  private readonly log: Logger;
  private readonly recorder = new LinkMetricsRecorder();
  private readonly tracker: CommandTracker;
  private readonly decoder: FrameDecoder;
  private readonly hostSession = randomInt(1, 0xffffffff);
  private readonly opts: Required<Omit<SerialRobotBaseOptions, 'serialNumber' | 'logger'>> & PortSpec;
  private port: LinkPort | undefined;
  private currentPath: string | undefined;
  private connState: ConnectionState = 'disconnected';
  private baseInfo: BaseInfo | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private backoffMs: number;
  private helloSeq = 0;
  private lastHelloAt = 0;
  /** Last session telemetry (HEARTBEAT, ODOM, BATTERY) or HELLO_ACK. CMD_ACK and SAFETY_EVENT do not count:
   * a base that rebooted answers those without a session, and must still be noticed. */
  private lastAliveAt = 0;
  private lastHeartbeatAt = 0;
  private lastTickAt = 0;
  private lastUptime = -1;
  private otherSeq = 0;
  private lastRxSeq: number | undefined;
  private seenSafety = new Set<number>();
  private firstConnect: { resolve: (i: BaseInfo) => void; reject: (e: Error) => void } | undefined;

  constructor(options: SerialRobotBaseOptions) {
    super();
    this.opts = {
      baudRate: 115200,
      ackTimeoutMs: RULES.ack_timeout_ms,
      maxRetries: RULES.max_retries,
      linkTimeoutMs: 450,
      heartbeatHz: RULES.heartbeat_hz,
      heartbeatCopies: 2,
      reconnectBackoffMs: { initial: 50, max: 500 },
      maxInFlight: 32,
      ports: nodeSerialPorts,
      ...options,
    };
    this.log = (options.logger ?? pino({ name: 'link' }, pino.destination(2))).child({ port: options.path });
    this.backoffMs = this.opts.reconnectBackoffMs.initial;
    this.tracker = new CommandTracker(
      {
        ackTimeoutMs: this.opts.ackTimeoutMs,
        maxRetries: this.opts.maxRetries,
        maxInFlight: this.opts.maxInFlight,
        maxSeqSpan: Math.floor(RULES.dedupe_window / 2),
      },
      (name, payload, seq, retransmit) => {
        this.write(name, payload, seq, FLAGS.NEEDS_ACK | (retransmit ? FLAGS.RETRANSMIT : 0));
      },
      this.recorder,
      (completion) => this.emit('completion', completion),
    );
    this.decoder = new FrameDecoder(
      (frame) => this.onFrame(frame),
      (kind, detail) => {
        this.recorder.decodeErrors++;
        if (kind === 'crc') this.recorder.crcErrors++;
        this.log.debug({ kind, detail }, 'dropped corrupt frame');
      },
    );
  }

  get state(): ConnectionState {
    return this.connState;
  }

  get info(): BaseInfo | undefined {
    return this.baseInfo;
  }

  connect(): Promise<BaseInfo> {
    if (this.connState === 'closed') return Promise.reject(new LinkError('CLOSED', 'link was closed'));
    const promise = new Promise<BaseInfo>((resolve, reject) => (this.firstConnect = { resolve, reject }));
    if (this.ticker === undefined) {
      // The clock the late-tick rule measures from: the handshake can complete before the first tick, and
      // a stall then must still be seen as this process's, not as the base's silence.
      this.lastTickAt = performance.now();
      this.ticker = setInterval(() => this.tick(), 10);
    }
    void this.open();
    return promise;
  }

  async close(): Promise<void> {
    this.setState('closed');
    if (this.ticker !== undefined) clearInterval(this.ticker);
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.tracker.rejectAll(new LinkError('CLOSED', 'link closed by the host'));
    this.firstConnect?.reject(new LinkError('CLOSED', 'link closed before the handshake'));
    this.firstConnect = undefined;
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen === true) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  sendCommand<K extends CommandName>(
    name: K,
    payload: Payloads[K],
    options: CommandOptions = {},
  ): Promise<CommandAck> {
    if (this.connState === 'closed') return Promise.reject(new LinkError('CLOSED', 'link is closed'));
    if (name === 'HELLO') return Promise.reject(new LinkError('INVALID', 'HELLO belongs to the handshake'));
    // Checked here, not when the frame is written: a frame that cannot be encoded would otherwise throw from
    // every resend on the ticker.
    const invalid = payloadError(name, payload);
    if (invalid !== undefined) return Promise.reject(invalid);
    const promise = this.tracker.submit(name, payload, performance.now(), options.deadlineMs);
    this.tracker.tick(performance.now(), this.connState === 'up');
    return promise;
  }

  metrics(): LinkMetrics {
    const m = this.recorder.snapshot();
    return { ...m, bytesIn: this.decoder.stats.bytes };
  }

  // ---- connection management -------------------------------------------------------------------

  private isClosed(): boolean {
    return this.connState === 'closed';
  }

  private setState(state: ConnectionState): void {
    if (this.connState === state || this.connState === 'closed') return;
    this.connState = state;
    this.log.info({ state }, `link ${state}`);
    this.emit('connection', state);
  }

  private async open(): Promise<void> {
    if (this.connState === 'closed') return;
    this.setState('connecting');
    const path = await locatePort(this.opts, this.opts.ports);
    if (this.isClosed()) return;
    if (path === undefined) {
      this.scheduleReopen(`port ${this.opts.path} not present`);
      return;
    }
    const port = this.opts.ports.open(path, this.opts.baudRate);
    port.on('data', (chunk: Buffer) => this.decoder.push(chunk));
    port.on('error', (error) => this.log.warn({ err: error.message }, 'serial port error'));
    port.on('close', () => this.onPortClosed(port));
    port.open((error) => {
      if (error) {
        this.scheduleReopen(`open ${path} failed: ${error.message}`);
        return;
      }
      if (this.connState === 'closed') {
        port.close();
        return;
      }
      this.port = port;
      this.currentPath = path;
      this.decoder.reset();
      this.lastRxSeq = undefined;
      this.log.info({ path }, 'port open, handshaking');
      this.startHandshake();
    });
  }

  private onPortClosed(port: LinkPort): void {
    if (this.port !== port || this.connState === 'closed') return;
    this.port = undefined;
    this.log.warn({ path: this.currentPath }, 'port disappeared');
    this.setState('disconnected');
    this.scheduleReopen('port closed');
  }

  private scheduleReopen(reason: string): void {
    if (this.connState === 'closed' || this.reconnectTimer !== undefined) return;
    this.setState('disconnected');
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.opts.reconnectBackoffMs.max);
    this.log.debug({ reason, delay }, 'reconnect scheduled');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.recorder.inc('reconnects');
      void this.open();
    }, delay);
  }

  private startHandshake(): void {
    this.setState('connecting');
    this.helloSeq = this.tracker.allocateSeq();
    this.lastHelloAt = Number.NEGATIVE_INFINITY;
    this.sendHelloIfDue(performance.now());
  }

  private sendHelloIfDue(now: number): void {
    if (now - this.lastHelloAt < this.opts.ackTimeoutMs) return;
    const retransmit = this.lastHelloAt !== Number.NEGATIVE_INFINITY;
    this.lastHelloAt = now;
    this.write(
      'HELLO',
      { protocol_version: PROTOCOL_VERSION, schema_hash: SCHEMA_HASH, host_session: this.hostSession },
      this.helloSeq,
      FLAGS.NEEDS_ACK | (retransmit ? FLAGS.RETRANSMIT : 0),
    );
  }

  private onHelloAck(frame: FrameOf<'HELLO_ACK'>): void {
    const p = frame.payload;
    if (this.connState !== 'connecting' || p.hello_seq !== this.helloSeq) return;
    const info: BaseInfo = {
      protocolVersion: p.protocol_version,
      schemaHash: p.schema_hash,
      firmware: `${p.fw_major}.${p.fw_minor}.${p.fw_patch}`,
      bootId: p.boot_id,
      capabilities: p.capabilities,
      estopLatched: p.estop_latched !== 0,
    };
    if (p.protocol_version !== PROTOCOL_VERSION || p.schema_hash !== SCHEMA_HASH) {
      const code = p.protocol_version !== PROTOCOL_VERSION ? 'VERSION_MISMATCH' : 'SCHEMA_MISMATCH';
      const error = new LinkError(
        code,
        `base speaks protocol ${p.protocol_version} schema 0x${p.schema_hash.toString(16)}, bridge speaks ` +
          `${PROTOCOL_VERSION} schema 0x${SCHEMA_HASH.toString(16)}: rebuild the firmware or bridge from the same messages.json`,
      );
      this.log.error({ code, base: info }, error.message);
      this.firstConnect?.reject(error);
      this.firstConnect = undefined;
      void this.close();
      return;
    }
    const previous = this.baseInfo;
    this.baseInfo = info;
    this.backoffMs = this.opts.reconnectBackoffMs.initial;
    if (previous !== undefined && previous.bootId !== info.bootId) {
      this.recorder.inc('resyncs');
      this.seenSafety = new Set();
      this.log.warn({ oldBootId: previous.bootId, bootId: info.bootId }, 'base restarted: resynchronising');
      this.emit('resync', info);
    }
    this.log.info({ ...info }, 'handshake complete');
    this.setState('up');
    this.tracker.markAllDue();
    this.firstConnect?.resolve(info);
    this.firstConnect = undefined;
  }

  private tick(): void {
    const now = performance.now();
    const gap = now - this.lastTickAt;
    if (gap > LATE_TICK_MS) {
      // This process did not run (starved of CPU, a long GC, synchronous work): the base's bytes of that
      // time wait unread, and timers run before they are read. That time is not the base's silence.
      this.lastAliveAt = Math.min(now, this.lastAliveAt + gap);
      if (gap >= STALL_WARN_MS && this.connState === 'up') {
        this.log.warn(
          { stalledMs: Math.round(gap), baseWatchdogMs: RULES.heartbeat_watchdog_ms },
          'this process stalled: heartbeats to the base went out late',
        );
      }
    }
    this.lastTickAt = now;
    if (this.port !== undefined) {
      if (this.connState === 'up' && now - this.lastAliveAt > this.opts.linkTimeoutMs) {
        this.log.warn(
          { silentMs: Math.round(now - this.lastAliveAt) },
          'base silent: link down, re-handshaking',
        );
        this.startHandshake();
      }
      if (this.connState === 'connecting') this.sendHelloIfDue(now);
      if (this.connState === 'up' && now - this.lastHeartbeatAt >= 1000 / this.opts.heartbeatHz) {
        this.lastHeartbeatAt = now;
        for (let copy = 0; copy < this.opts.heartbeatCopies; copy++) {
          this.write(
            'HEARTBEAT',
            { uptime_ms: Math.round(now) >>> 0, mode: 0, status: 0 },
            this.nextOtherSeq(),
            0,
          );
        }
      }
    }
    this.tracker.tick(now, this.connState === 'up');
  }

  private nextOtherSeq(): number {
    this.otherSeq = (this.otherSeq + 1) & 0xffff;
    return this.otherSeq;
  }

  private write<K extends MessageName>(name: K, payload: Payloads[K], seq: number, flags: number): void {
    const port = this.port;
    if (port === undefined || !port.isOpen) return;
    const wire = encodeFrame(name, payload, { seq, flags });
    this.recorder.inc('framesOut');
    this.recorder.inc('bytesOut', wire.length);
    port.write(Buffer.from(wire.buffer, wire.byteOffset, wire.byteLength));
  }

  // ---- inbound -----------------------------------------------------------------------------------

  private onFrame(frame: Frame): void {
    const now = performance.now();
    if (
      frame.name === 'HEARTBEAT' ||
      frame.name === 'ODOM' ||
      frame.name === 'BATTERY' ||
      frame.name === 'HELLO_ACK'
    ) {
      this.lastAliveAt = now;
    }
    this.recorder.inc('framesIn');
    if (this.lastRxSeq !== undefined) {
      const gap = (frame.seq - this.lastRxSeq - 1) & 0xffff;
      // A huge jump is a restarted base (its seq starts again), not 60,000 lost frames.
      if (gap > 0 && gap < 1000) this.recorder.inc('framesMissed', gap);
    }
    this.lastRxSeq = frame.seq;
    switch (frame.name) {
      case 'HELLO_ACK':
        this.onHelloAck(frame);
        return;
      case 'CMD_ACK': {
        const p = frame.payload;
        this.tracker.onAck(p.cmd_seq, p.cmd_msg_id, p.result, p.exec_count, (n) => messageDef(n).id, now);
        return;
      }
      case 'HEARTBEAT': {
        const p = frame.payload;
        // The base has no session for us: it rebooted or its heartbeat watchdog fired. Either way it
        // rejects motion until a HELLO, and a reboot is only visible in the HELLO_ACK's boot id.
        if (this.connState === 'up' && (p.status & Status.SESSION) === 0) {
          this.log.warn({ status: p.status, uptime: p.uptime_ms }, 'base reports no session: re-handshaking');
          this.startHandshake();
        } else if (this.connState === 'up' && p.uptime_ms < this.lastUptime) {
          this.log.warn({ uptime: p.uptime_ms }, 'base uptime went backwards: re-handshaking');
          this.startHandshake();
        }
        this.lastUptime = p.uptime_ms;
        return;
      }
      case 'ODOM':
        this.emit('odometry', toOdometry(frame.payload));
        return;
      case 'BATTERY':
        this.emit('battery', toBattery(frame.payload));
        return;
      case 'SAFETY_EVENT':
        this.onSafetyEvent(frame);
        return;
      case 'LOG':
        this.log.info({ base: frame.payload.text, level: frame.payload.level }, 'base log');
        this.emit('log', { level: frame.payload.level, text: frame.payload.text });
        return;
      case 'HELLO':
      case 'CMD_VEL':
      case 'FOLLOW_PATH':
      case 'STOP':
      case 'ESTOP_ASSERT':
      case 'ESTOP_RESET':
      case 'SET_SPEED_LIMIT':
      case 'DOCK':
      case 'UNDOCK':
      case 'SAFETY_ACK':
      case 'SET_POSE':
        this.log.debug({ name: frame.name }, 'ignoring host-bound message from the base');
        return;
      default: {
        const never: never = frame;
        return never;
      }
    }
  }

  private onSafetyEvent(frame: FrameOf<'SAFETY_EVENT'>): void {
    const p = frame.payload;
    this.write('SAFETY_ACK', { event_id: p.event_id }, this.nextOtherSeq(), 0);
    if (this.seenSafety.has(p.event_id)) return;
    this.seenSafety.add(p.event_id);
    if (this.seenSafety.size > 1024) this.seenSafety.delete(this.seenSafety.values().next().value ?? -1);
    this.recorder.inc('safetyEvents');
    const event = toSafetyEvent(p);
    const kind = event.kind;
    this.log.warn({ eventId: p.event_id, kind, active: p.active, detail: p.detail }, 'safety event');
    this.emit('safety', event);
    if (kind === 'HEARTBEAT_WATCHDOG' && p.active !== 0 && this.connState === 'up') this.startHandshake();
  }
}

/** The tick runs every 10 ms: later than this, the process was held up. */
const LATE_TICK_MS = 50;
/** Held up this long, the base's heartbeat watchdog is half way: worth a line in the log. */
const STALL_WARN_MS = 250;
