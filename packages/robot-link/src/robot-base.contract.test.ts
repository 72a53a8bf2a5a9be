/**
 * Contract suite for RobotBase: always against the host firmware on a socat pty pair, and also against a
 * real base when ROBOT_PORT is set (e.g. ROBOT_PORT=/dev/ttyUSB0). Real processes, real ptys.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from './codec.ts';
import { CommandRejectedError, LinkError } from './errors.ts';
import { SCHEMA_HASH } from './messages.generated.ts';
import { createLinkRig, waitFor } from './testing/link-rig.ts';
import { createPtyPair, type PtyPair } from '@reception/testkit/pty-pair';
import type { Odometry, RobotBase, SafetyEvent } from './robot-base.ts';
import { SerialRobotBase } from './serial-robot-base.ts';

const logger = pino({ name: 'link-test', level: 'warn' }, pino.destination(2));

interface Target {
  name: string;
  /** Tests that make the wheels turn run on the simulator, and on a real base only with ROBOT_ALLOW_MOTION=1. */
  motion: boolean;
  /** The host firmware: its control channel can press buttons. */
  simulated: boolean;
  /** The sim's control channel, to press its e-stop button (simulated targets only). */
  setup(): Promise<{
    path: string;
    simulated: boolean;
    control?: (request: Record<string, unknown>) => Promise<Record<string, unknown>>;
    teardown(): Promise<void>;
  }>;
}

const targets: Target[] = [
  {
    name: 'host firmware over socat pty pair',
    motion: true,
    simulated: true,
    async setup() {
      const rig = await createLinkRig(logger);
      await rig.base.close();
      return {
        path: rig.hostPath,
        simulated: true,
        control: (request) => rig.sim.control(request),
        teardown: () => rig.close(),
      };
    },
  },
];
const realPort = process.env.ROBOT_PORT;
if (realPort !== undefined && realPort !== '') {
  targets.push({
    name: `real base on ${realPort}`,
    motion: process.env.ROBOT_ALLOW_MOTION === '1',
    simulated: false,
    setup: () => Promise.resolve({ path: realPort, simulated: false, teardown: () => Promise.resolve() }),
  });
}

describe.each(targets)('RobotBase contract: $name', (target) => {
  let env: Awaited<ReturnType<Target['setup']>>;
  let base: RobotBase;
  const odometry: Odometry[] = [];
  const safety: SafetyEvent[] = [];

  beforeAll(async () => {
    env = await target.setup();
    base = new SerialRobotBase({ path: env.path, logger });
    base.on('odometry', (o) => odometry.push(o));
    base.on('safety', (e) => safety.push(e));
  }, 60_000);

  afterAll(async () => {
    await base.close();
    await env.teardown();
  });

  it('handshakes and checks protocol version and schema hash', async () => {
    const info = await base.connect();
    expect(info.protocolVersion).toBe(1);
    expect(info.schemaHash).toBe(SCHEMA_HASH);
    expect(base.state).toBe('up');
    if (env.simulated) expect(info.estopLatched).toBe(true); // the base boots latched
  });

  it('streams odometry and battery', async () => {
    let battery = 0;
    base.on('battery', () => battery++);
    const start = odometry.length;
    await waitFor('odometry', () => (odometry.length - start >= 10 ? true : undefined), 3000);
    await waitFor('battery', () => (battery > 0 ? true : undefined), 3000);
  });

  it('rejects motion while the e-stop is latched, with a typed error', async () => {
    await base.estop('HOST');
    const error = await base.velocity(0.1, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandRejectedError);
    expect((error as CommandRejectedError).code).toBe('REJECTED_ESTOP');
    await waitFor('odometry mode ESTOP', () => odometry.at(-1)?.mode === 'ESTOP' || undefined);
  });

  it('resolves commands on CMD_ACK, executed exactly once', async () => {
    const ack = await base.setSpeedLimit(0.8, 1.0);
    expect(ack).toMatchObject({ result: 'OK', execCount: 1 });
    expect(ack.attempts).toBeGreaterThanOrEqual(1);
  });

  it.runIf(target.motion)(
    'keeps the e-stop latched across a reconnect; only ESTOP_RESET clears it',
    async () => {
      await base.close();
      base = new SerialRobotBase({ path: env.path, logger });
      base.on('odometry', (o) => odometry.push(o));
      base.on('safety', (e) => safety.push(e));
      const info = await base.connect();
      expect(info.estopLatched).toBe(true);
      await base.resetEstop();
      const ack = await base.velocity(0.2, 0, 200);
      expect(ack.result).toBe('OK');
    },
  );

  it.runIf(target.motion)(
    'stops the wheels when velocity commands stop (watchdog) and reports it once',
    async () => {
      const until = Date.now() + 600;
      while (Date.now() < until) {
        await base.velocity(0.3, 0, 200);
        await sleep(50);
      }
      await waitFor('moving', () => ((odometry.at(-1)?.v ?? 0) > 0.05 ? true : undefined));
      await waitFor('wheels stopped', () => (odometry.at(-1)?.v === 0 ? true : undefined), 3000);
      const watchdog = await waitFor('VEL_WATCHDOG event', () =>
        safety.find((e) => e.kind === 'VEL_WATCHDOG'),
      );
      expect(watchdog.active).toBe(true);
      await sleep(500); // the base repeats unacknowledged events; each must reach listeners once
      const ids = safety.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it('keeps the session alive with heartbeats while idle', async () => {
    const before = safety.length;
    await sleep(1500);
    expect(base.state).toBe('up');
    expect(safety.slice(before).some((e) => e.kind === 'HEARTBEAT_WATCHDOG')).toBe(false);
    const m = base.metrics();
    expect(m.framesIn).toBeGreaterThan(0);
    expect(m.rttCount).toBeGreaterThan(0);
    await base.estop('HOST');
  });

  it.runIf(target.simulated)(
    'reports the e-stop button once; the e-stop stays latched after release',
    async () => {
      const control = env.control!;
      await base.resetEstop();
      await waitFor('e-stop clear', () => (odometry.at(-1)?.mode !== 'ESTOP' ? true : undefined));
      const before = safety.length;
      expect(await control({ cmd: 'estop_button', pressed: true })).toMatchObject({ ok: true });
      await waitFor('ESTOP_BUTTON event', () => safety.slice(before).find((e) => e.kind === 'ESTOP_BUTTON'));
      await waitFor('odometry in ESTOP', () => (odometry.at(-1)?.mode === 'ESTOP' ? true : undefined));
      expect(await control({ cmd: 'estop_button', pressed: false })).toMatchObject({ ok: true });
      await sleep(300);
      expect(odometry.at(-1)?.mode).toBe('ESTOP');
      const error = await base.velocity(0.1, 0).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'REJECTED_ESTOP' });
      const ids = safety.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});

describe('handshake with a base built from another schema', () => {
  let dir: string;
  let pair: PtyPair;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'link-mismatch-'));
    pair = await createPtyPair(join(dir, 'host'), join(dir, 'base'));
  });
  afterAll(async () => {
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails with SCHEMA_MISMATCH and says what to do', async () => {
    // This test plays the base: it answers HELLO with a HELLO_ACK carrying a different schema hash.
    const fakeBase = new SerialPort({ path: pair.b, baudRate: 115200 });
    fakeBase.on('data', (chunk: Buffer) => {
      for (const block of chunk.toString('latin1').split('\0')) {
        if (block === '') continue;
        const decoded = decodeFrame(Buffer.from(block, 'latin1'));
        if (!decoded.ok || decoded.frame.name !== 'HELLO') continue;
        const ack = encodeFrame(
          'HELLO_ACK',
          {
            protocol_version: 1,
            schema_hash: (SCHEMA_HASH ^ 0x1234) >>> 0,
            fw_major: 9,
            fw_minor: 9,
            fw_patch: 9,
            boot_id: 42,
            capabilities: 0,
            estop_latched: 1,
            hello_seq: decoded.frame.seq,
          },
          { seq: 1 },
        );
        fakeBase.write(Buffer.from(ack));
      }
    });
    const base = new SerialRobotBase({ path: pair.a, logger });
    const error = await base.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkError);
    expect((error as LinkError).code).toBe('SCHEMA_MISMATCH');
    expect((error as LinkError).message).toMatch(/same messages\.json/);
    expect(base.state).toBe('closed');
    await new Promise<void>((resolve) => fakeBase.close(() => resolve()));
  });
});
