/**
 * bench:link — the binary link (COBS + CRC + seq/ack/dedupe + watchdogs) against the host firmware on
 * ptys at 115200 baud, compared in the same run with a naive ASCII protocol (link-naive.ts).
 * Prints one JSON line per phase; the last line is the summary object.
 *   npm run -s bench:link [-- --soak-commands 10000 --fuzz-seconds 60 --naive-commands 2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { SerialPort } from 'serialport';
import { fuzzDecoder } from '../src/fuzz.ts';
import { createLinkRig } from '../src/testing/link-rig.ts';
import { SerialRobotBase } from '../src/serial-robot-base.ts';
import { startSim } from '../src/testing/sim-process.ts';
import { runSoak } from '../src/soak.ts';
import {
  measureAckLatency,
  measureHeartbeatWatchdog,
  measureOdomRate,
  measureReconnect,
  measureVelocityWatchdog,
  recordOdometry,
} from './link-measure.ts';
import { runNaive } from './link-naive-rig.ts';

const { values } = parseArgs({
  options: {
    'soak-commands': { type: 'string', default: '10000' },
    'ack-commands': { type: 'string', default: '2000' },
    'naive-commands': { type: 'string', default: '2000' },
    'fuzz-seconds': { type: 'string', default: '60' },
    ber: { type: 'string', default: '0.001' },
    drop: { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '42' },
  },
});
const n = (k: keyof typeof values) => Number(values[k]);
const logger = pino({ name: 'bench-link', level: 'error' }, pino.destination(2));
const emit = (phase: string, data: object) => process.stdout.write(JSON.stringify({ phase, ...data }) + '\n');
const max = (xs: number[]) => Math.max(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function direct(odomHz: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-link-'));
  const sim = await startSim(join(dir, 'sim'), ['--odom-hz', String(odomHz)]);
  const base = new SerialRobotBase({ path: sim.ready.port, logger });
  await base.connect();
  return {
    base,
    async close() {
      await base.close();
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  // 1. Ack round trip and watchdog, host directly on the sim's pty (baud-paced by the sim).
  const d = await direct(50);
  const ack = await measureAckLatency(d.base, n('ack-commands'));
  emit('ack', { commands: n('ack-commands'), ...ack });
  await d.base.resetEstop();
  const odomLog = recordOdometry(d.base);
  const vel = await measureVelocityWatchdog(d.base, odomLog, 7);
  emit('velocity_watchdog', vel);
  await d.close();

  // 2. Odometry rate: highest tried rate with no frame lost.
  const odom: { hz: number; missed: number; decodeErrors: number; configured: number }[] = [];
  for (const hz of [50, 100]) {
    const o = await direct(hz);
    const r = await measureOdomRate(o.base, 3);
    odom.push({ configured: hz, ...r });
    emit('odom_rate', { configured: hz, ...r });
    await o.close();
  }
  const clean = odom.filter((o) => o.missed === 0 && o.decodeErrors === 0);

  // 3. Heartbeat watchdog and reconnect through the relay rig.
  const rig = await createLinkRig(logger, { seed: n('seed') });
  await rig.base.connect();
  await rig.base.resetEstop();
  const hb = await measureHeartbeatWatchdog(rig, recordOdometry(rig.base), 7);
  emit('heartbeat_watchdog', hb);
  const reconnect = await measureReconnect(rig, 3);
  emit('reconnect', { runs_ms: reconnect });

  // 4. Soak under bit errors and dropped bytes.
  rig.relay.set({ ber: n('ber'), dropRate: n('drop') });
  const hbWatchdogsBefore = rig.safety.filter((e) => e.kind === 'HEARTBEAT_WATCHDOG').length;
  const soakStart = performance.now();
  const soak = await runSoak(rig.base, { commands: n('soak-commands'), deadlineMs: 10_000, concurrency: 16 });
  const soakSeconds = Math.round((performance.now() - soakStart) / 100) / 10;
  // Sessions the base ended because heartbeats were lost to the noise (each one brakes the robot).
  const falseStops = rig.safety.filter((e) => e.kind === 'HEARTBEAT_WATCHDOG').length - hbWatchdogsBefore;
  emit('soak', { ber: n('ber'), drop: n('drop'), seconds: soakSeconds, ...soak, relay: rig.relay.stats });
  rig.relay.set({ ber: 0, dropRate: 0 });
  await rig.close();

  // 5. Fuzz: random and mutated frames into the TS decoder and, through its pty, the firmware's.
  const fuzz = await fuzzFirmwareAndDecoder(n('fuzz-seconds'));
  emit('fuzz', fuzz);

  // 6. The naive ASCII baseline under the same conditions.
  const naive = await runNaive({
    ackCommands: n('ack-commands'),
    soakCommands: n('naive-commands'),
    ber: n('ber'),
    dropRate: n('drop'),
    seed: n('seed'),
  });
  emit('naive', naive);

  const summary = {
    ack_p50_ms: ack.p50,
    ack_p99_ms: ack.p99,
    odom_rate_hz: clean.length > 0 ? max(clean.map((o) => o.hz)) : 0,
    odom: odom,
    soak: {
      commands: soak.sent,
      acked: soak.acked,
      lost: soak.lost,
      duplicates: soak.duplicates,
      p50_ms: soak.p50_ms,
      p99_ms: soak.p99_ms,
      retries: soak.retries,
      crc_errors: soak.crc_errors,
      ber: n('ber'),
      drop: n('drop'),
      seconds: soakSeconds,
      heartbeat_watchdog_trips: falseStops,
    },
    // Median over runs as seen by the host (includes the ODOM period and event-loop lag); max beside it;
    // _fw_ is the firmware's own measure (safety event detail), free of host-side noise.
    watchdog_stop_ms: median(vel.commanded_ms),
    watchdog_stop_max_ms: max(vel.commanded_ms),
    watchdog_stop_fw_ms: vel.firmware_ms.length > 0 ? max(vel.firmware_ms) : null,
    wheels_zero_ms: median(vel.wheels_zero_ms),
    heartbeat_stop_ms: median(hb.stop_ms),
    heartbeat_stop_max_ms: max(hb.stop_ms),
    heartbeat_stop_fw_ms: hb.firmware_ms.length > 0 ? max(hb.firmware_ms) : null,
    heartbeat_wheels_zero_ms: median(hb.wheels_zero_ms),
    reconnect_ms: max(reconnect),
    reconnect_p50_ms: median(reconnect),
    fuzz,
    naive,
    // The naive soak runs fewer commands (it is slow to fail); per 10,000 commands for the comparison.
    per_10k_commands: {
      lost: {
        link: (soak.lost / soak.sent) * 10_000,
        naive: Math.round((naive.soak.lost / naive.soak.commands) * 10_000),
      },
      duplicates: {
        link: (soak.duplicates / soak.sent) * 10_000,
        naive: Math.round((naive.soak.duplicates / naive.soak.commands) * 10_000),
      },
      wrong_executed: {
        link: 0,
        naive: Math.round((naive.soak.wrong_executed / naive.soak.commands) * 10_000),
      },
    },
    targets: {
      soak_lost_0: soak.lost === 0,
      soak_duplicates_0: soak.duplicates === 0,
      ack_p99_le_20: ack.p99 <= 20,
      watchdog_le_300: median(vel.commanded_ms) <= 300,
      heartbeat_stop_le_600: median(hb.stop_ms) <= 600,
      reconnect_le_3000: max(reconnect) <= 3000,
      fuzz_no_crash: fuzz.crashes === 0 && fuzz.base_alive,
    },
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
}

async function fuzzFirmwareAndDecoder(seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fuzz-'));
  const sim = await startSim(join(dir, 'sim'), []);
  const port = new SerialPort({ path: sim.ready.port, baudRate: 115200 });
  await new Promise<void>((resolve, reject) => port.once('open', resolve).once('error', reject));
  port.on('data', () => undefined);
  let queued = 0;
  const result = fuzzDecoder(seconds, n('seed'), (chunk) => {
    if (queued > 16 * 1024) return;
    queued += chunk.length;
    port.write(Buffer.from(chunk), () => (queued -= chunk.length));
  });
  await new Promise<void>((r) => port.drain(() => r()));
  await new Promise<void>((r) => port.close(() => r()));
  const base = new SerialRobotBase({ path: sim.ready.port, logger });
  const alive = await Promise.race([
    base.connect().then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
  ]);
  await base.close();
  const simAlive = sim.process.exitCode === null;
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
  return { ...result, first_crash: undefined, base_alive: alive && simAlive };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:link failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
