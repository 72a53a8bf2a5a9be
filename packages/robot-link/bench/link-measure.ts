/**
 * Measurements of the binary link for bench:link. Each returns plain numbers; timing is taken from
 * performance.now() at the host, so every figure includes the pty, the 115200 baud pacing of the sim,
 * the ODOM period (20 ms) and the time for the evidence to travel back and be handled by the host's event
 * loop. Watchdogs also report the firmware's own figure (the safety event's detail: ms since the last
 * CMD_VEL / heartbeat by the base's clock when it stopped), which carries no host-side noise.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LinkRig } from '../src/testing/link-rig.ts';
import { waitFor } from '../src/testing/link-rig.ts';
import type { Odometry, RobotBase, SafetyEvent } from '../src/robot-base.ts';
import { percentile } from '../src/soak.ts';

const round = (x: number) => Math.round(x * 10) / 10;

export interface Timed<T> {
  at: number;
  value: T;
}

/** Records odometry with its arrival time. */
export function recordOdometry(base: RobotBase): Timed<Odometry>[] {
  const log: Timed<Odometry>[] = [];
  base.on('odometry', (value) => log.push({ at: performance.now(), value }));
  return log;
}

const still = (o: Odometry) => Math.abs(o.v) < 0.01 && Math.abs(o.w) < 0.05;

/** Sequential acknowledged commands without faults: ack round-trip distribution. */
export async function measureAckLatency(
  base: RobotBase,
  commands: number,
): Promise<{ p50: number; p99: number }> {
  const rtts: number[] = [];
  for (let i = 0; i < commands; i++) {
    const ack = await base.setSpeedLimit(0.5 + (i % 50) / 100, 1);
    rtts.push(ack.rttMs);
  }
  rtts.sort((a, b) => a - b);
  return { p50: round(percentile(rtts, 50)), p99: round(percentile(rtts, 99)) };
}

/** ODOM frames per second over `seconds`, and how many base frames went missing meanwhile. */
export async function measureOdomRate(
  base: RobotBase,
  seconds: number,
): Promise<{ hz: number; missed: number; decodeErrors: number }> {
  let count = 0;
  const on = () => count++;
  const before = base.metrics();
  base.on('odometry', on);
  const started = performance.now();
  await sleep(seconds * 1000);
  base.off('odometry', on);
  const after = base.metrics();
  return {
    hz: round(count / ((performance.now() - started) / 1000)),
    missed: after.framesMissed - before.framesMissed,
    decodeErrors: after.decodeErrors - before.decodeErrors,
  };
}

/**
 * Teleop at 20 Hz, then silence: time from the last CMD_VEL sent to the first ODOM showing the base left
 * VELOCITY mode (wheels commanded to zero) and to the first ODOM with the wheels still.
 */
export async function measureVelocityWatchdog(
  base: RobotBase,
  odom: Timed<Odometry>[],
  runs: number,
): Promise<{ commanded_ms: number[]; wheels_zero_ms: number[]; firmware_ms: number[] }> {
  const commanded: number[] = [];
  const zero: number[] = [];
  const firmware: number[] = [];
  const onSafety = (e: SafetyEvent) => (e.kind === 'VEL_WATCHDOG' ? firmware.push(e.detail) : undefined);
  base.on('safety', onSafety);
  for (let r = 0; r < runs; r++) {
    let lastSend = 0;
    const end = performance.now() + 1000;
    while (performance.now() < end) {
      lastSend = performance.now();
      await base.velocity(0.4, 0, 250);
      await sleep(50);
    }
    const after = (pred: (o: Odometry) => boolean) => () =>
      odom.find((t) => t.at > lastSend && pred(t.value));
    const left = await waitFor(
      'left VELOCITY mode',
      after((o) => o.mode !== 'VELOCITY'),
      5000,
    );
    const stopped = await waitFor('wheels still', after(still), 5000);
    commanded.push(round(left.at - lastSend));
    zero.push(round(stopped.at - lastSend));
    await sleep(300);
  }
  base.off('safety', onSafety);
  return { commanded_ms: commanded, wheels_zero_ms: zero, firmware_ms: firmware };
}

/**
 * Following a path, the host's heartbeats stop (relay silences host -> base only): time from the last byte
 * that reached the base to the first ODOM in STOPPING (controlled stop begun) and with the wheels still.
 */
export async function measureHeartbeatWatchdog(
  rig: LinkRig,
  odom: Timed<Odometry>[],
  runs: number,
): Promise<{ stop_ms: number[]; wheels_zero_ms: number[]; firmware_ms: number[] }> {
  const stops: number[] = [];
  const zero: number[] = [];
  const firmware: number[] = [];
  const onSafety = (e: SafetyEvent) =>
    e.kind === 'HEARTBEAT_WATCHDOG' ? firmware.push(e.detail) : undefined;
  rig.base.on('safety', onSafety);
  for (let r = 0; r < runs; r++) {
    await waitFor('link up', () => (rig.base.state === 'up' ? true : undefined), 5000);
    const pose = odom.at(-1)?.value;
    const x = (pose?.x ?? 0) + 20 * Math.cos(pose?.theta ?? 0);
    const y = (pose?.y ?? 0) + 20 * Math.sin(pose?.theta ?? 0);
    await rig.base.followPath(100 + r, [{ x, y, speed: 0.5 }], 0.5);
    const from = performance.now();
    await waitFor('moving on the path', () =>
      odom.find((t) => t.at > from && t.value.mode === 'PATH' && t.value.v > 0.3),
    );
    rig.relay.set({ silent: true }, 'toBase');
    await sleep(20);
    const cut = rig.relay.lastForwardAt.toBase;
    const stopping = await waitFor('controlled stop', () =>
      odom.find((t) => t.at > cut && t.value.mode !== 'PATH'),
    );
    const stopped = await waitFor('wheels still', () => odom.find((t) => t.at > cut && still(t.value)), 5000);
    stops.push(round(stopping.at - cut));
    zero.push(round(stopped.at - cut));
    rig.relay.set({ silent: false }, 'toBase');
  }
  rig.base.off('safety', onSafety);
  return { stop_ms: stops, wheels_zero_ms: zero, firmware_ms: firmware };
}

/** The host's port disappears for a second and comes back: time from its reappearance to link up. */
export async function measureReconnect(rig: LinkRig, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    await waitFor('link up', () => (rig.base.state === 'up' ? true : undefined), 5000);
    const plugBack = await rig.unplugHost();
    await waitFor('link down', () => (rig.base.state !== 'up' ? true : undefined), 5000);
    await sleep(1000);
    let upAt = 0;
    const onState = (s: string) => (s === 'up' ? (upAt = performance.now()) : undefined);
    rig.base.on('connection', onState);
    await plugBack();
    const back = performance.now();
    await waitFor('link up again', () => (upAt > 0 ? true : undefined), 10_000);
    rig.base.off('connection', onState);
    times.push(round(upAt - back));
  }
  return times;
}
