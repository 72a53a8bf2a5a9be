/**
 * The bridge's view of the robot base (MCU firmware or its host build on a pty). One implementation per
 * transport: `SerialRobotBase` (node-serialport, or any port given as `SerialPorts`); for tests of the
 * layers above, `FakeRobotBase` (`@reception/robot-link/testing`), in-process. Both pass the contract suite
 * in testing/robot-base-contract.ts. Units are SI on this side; the wire uses mm, mrad, ms.
 *
 * Rules every implementation keeps:
 * - **Commands resolve only on CMD_ACK.** A command promise resolves when the base acknowledges its seq with
 *   OK or IN_PROGRESS (accepted; completion of a long command arrives later as a SafetyEvent such as
 *   PATH_DONE, and as a `completion` event carrying the final CMD_ACK result). Any other result rejects with `CommandRejectedError` (typed `code`); no ack before the
 *   deadline rejects with `CommandTimeoutError`, in which case the outcome is unknown.
 * - **At most once.** A resend always carries the original seq; the base re-acks duplicates without
 *   executing them again. `sendCommand` resends until acknowledged or its deadline passes.
 * - **Commands wait for the link.** While the link is down a command is held (its deadline still runs) and
 *   sent once the handshake succeeds; nothing is sent before the base's version and schema hash were checked.
 * - **E-stop.** `estop()` latches in the firmware. Nothing in the link clears it: not a reconnect, not a new
 *   HELLO, not a firmware restart (the base boots latched). Only `resetEstop()` (ESTOP_RESET with the confirm
 *   constant) does, and the caller must make that a deliberate second step.
 * - **Safety events are delivered once.** The base repeats a SAFETY_EVENT until it is acknowledged; the
 *   implementation acknowledges each copy and emits each event_id once per boot. event_id increases within
 *   a boot, but a repeat can arrive after a newer event, so take current state (e-stop latched, mode) from
 *   odometry `mode` and `info`, not from the last event seen.
 * - **Connection state.** `connection` is emitted on every change. Heartbeat silence counts as disconnection;
 *   a new boot id emits `resync` (the base restarted: paths and speed limits it held are gone). Commands
 *   not yet acknowledged are resent to the new boot, which has executed none of them.
 * - **Stopping is the base's job.** The base stops the wheels without velocity commands (250 ms) or host
 *   heartbeats (500 ms); the bridge sends heartbeats at 10 Hz while it holds the port.
 */
import type { EventEmitter } from 'node:events';
import type { CommandName, Payloads, Result } from './messages.generated.ts';

export type ResultName = keyof typeof Result;

/** The final CMD_ACK of a command first acknowledged IN_PROGRESS (FOLLOW_PATH, DOCK, UNDOCK). */
export interface Completion {
  seq: number;
  command: CommandName;
  result: ResultName;
}

export type ConnectionState = 'disconnected' | 'connecting' | 'up' | 'closed';

export interface BaseInfo {
  protocolVersion: number;
  schemaHash: number;
  firmware: string;
  bootId: number;
  capabilities: number;
  estopLatched: boolean;
}

export interface CommandAck {
  seq: number;
  result: 'OK' | 'IN_PROGRESS';
  /** How many times the base executed this seq (1 unless dedupe failed). */
  execCount: number;
  attempts: number;
  rttMs: number;
}

export interface Odometry {
  tMs: number;
  x: number;
  y: number;
  theta: number;
  v: number;
  w: number;
  pathId: number;
  waypointIndex: number;
  mode: ModeName;
}

export interface Battery {
  voltage: number;
  current: number;
  socPct: number;
  charging: boolean;
}

export type ModeName = 'IDLE' | 'VELOCITY' | 'PATH' | 'DOCKING' | 'DOCKED' | 'STOPPING' | 'ESTOP' | 'FAULT';

export type SafetyKindName =
  | 'BUMPER'
  | 'OBSTACLE'
  | 'ESTOP_BUTTON'
  | 'MOTOR_FAULT'
  | 'VEL_WATCHDOG'
  | 'HEARTBEAT_WATCHDOG'
  | 'ESTOP_LATCHED'
  | 'ESTOP_CLEARED'
  | 'LOW_BATTERY'
  | 'PATH_DONE'
  | 'PATH_ABORTED';

export interface SafetyEvent {
  eventId: number;
  kind: SafetyKindName | 'UNKNOWN';
  active: boolean;
  detail: number;
}

export interface Waypoint {
  x: number;
  y: number;
  speed: number;
}

export interface CommandOptions {
  /** Give up after this many ms (default: ack timeout × (max retries + 1)). */
  deadlineMs?: number;
}

/** Plain numbers for export to Prometheus. */
export interface LinkMetrics {
  framesIn: number;
  /** Frames the base sent that never arrived intact, from gaps in the base's header seq. */
  framesMissed: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
  crcErrors: number;
  /** All dropped blocks: crc + cobs + short + length + unknown message + payload + overflow. */
  decodeErrors: number;
  commandsSent: number;
  commandsAcked: number;
  commandsRejected: number;
  retries: number;
  lost: number;
  duplicateAcks: number;
  safetyEvents: number;
  reconnects: number;
  resyncs: number;
  rttCount: number;
  rttSumMs: number;
  /** Cumulative counts per upper bound (ms), Prometheus-style; the last bound is +Inf. */
  rttBucketsMs: { le: number; count: number }[];
}

export interface RobotBaseEvents {
  odometry: [Odometry];
  battery: [Battery];
  safety: [SafetyEvent];
  connection: [ConnectionState];
  resync: [BaseInfo];
  log: [{ level: number; text: string }];
  /** Final result of a command that was acknowledged IN_PROGRESS. */
  completion: [Completion];
}

export interface RobotBase extends EventEmitter<RobotBaseEvents> {
  readonly state: ConnectionState;
  /** Info from the last HELLO_ACK, undefined before the first handshake. */
  readonly info: BaseInfo | undefined;
  /** Opens the port and handshakes; rejects on version or schema mismatch. Keeps reconnecting afterwards. */
  connect(): Promise<BaseInfo>;
  /** Stops heartbeats (the base will brake within 500 ms), rejects pending commands, closes the port. */
  close(): Promise<void>;
  /** Teleop velocity (m/s, rad/s) valid for `ttlMs`; the base zeroes the wheels 250 ms after the last one. */
  velocity(linear: number, angular: number, ttlMs?: number): Promise<CommandAck>;
  followPath(pathId: number, waypoints: Waypoint[], speedLimit: number): Promise<CommandAck>;
  /** Controlled stop. Like `estop`, resent with the same seq for up to 5 s rather than 3 times. */
  stop(reason?: 'HOST' | 'STAFF' | 'OBSTACLE' | 'ARRIVED'): Promise<CommandAck>;
  /** Latches the e-stop in the firmware (motors off until `resetEstop`). Resent for up to 5 s. */
  estop(source?: 'HOST' | 'BUTTON' | 'BUMPER' | 'STAFF'): Promise<CommandAck>;
  /** Clears a latched e-stop. Callers make this a deliberate second step. */
  resetEstop(): Promise<CommandAck>;
  setSpeedLimit(maxLinear: number, maxAngular: number): Promise<CommandAck>;
  setPose(x: number, y: number, theta: number): Promise<CommandAck>;
  dock(): Promise<CommandAck>;
  undock(): Promise<CommandAck>;
  /** Sends any command; resends with the same seq until CMD_ACK or the deadline. */
  sendCommand<K extends CommandName>(
    name: K,
    payload: Payloads[K],
    options?: CommandOptions,
  ): Promise<CommandAck>;
  metrics(): LinkMetrics;
}
