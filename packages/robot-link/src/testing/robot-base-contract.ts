/**
 * The `RobotBase` contract as one vitest suite, run against every implementation: `SerialRobotBase` with the
 * host firmware on a pty (and a real base when ROBOT_PORT is set) and `FakeRobotBase`. The cases share one
 * base and run in order, as a robot would live through them. A case that needs a hook the target lacks
 * (a real base has no software e-stop button) or motion (a real base without ROBOT_ALLOW_MOTION=1) is
 * skipped for that target. What only a serial link has (CRC, framing, resends, replug of the device) is
 * tested apart: codec.test.ts, faults.test.ts, serial-robot-base.test.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../errors.ts';
import { EstopSource, PROTOCOL_VERSION, SCHEMA_HASH } from '../messages.generated.ts';
import type { Completion } from '../robot-base.ts';
import type { Odometry, RobotBase, SafetyEvent, Waypoint } from '../robot-base.ts';
import { waitFor } from './link-rig.ts';

export interface ContractTarget {
  /** Cases that turn the wheels run (simulated bases; a real one only with ROBOT_ALLOW_MOTION=1). */
  motion: boolean;
  /** The base was powered up for this run, so it is still latched from boot. */
  freshBoot: boolean;
  /** A new host on the same base (the suite closes the previous one first). */
  newHost(): RobotBase;
  pressEstopButton?: (pressed: boolean) => Promise<void>;
  /** Something `m` metres ahead of the range sensor; null clears it. */
  obstacleAhead?: (m: number | null) => Promise<void>;
  /** Nothing passes either way until the returned function plugs the cable back in. */
  pullCable?: () => Promise<() => Promise<void>>;
  /** Power-cycles the base. */
  reboot?: () => Promise<void>;
  teardown(): Promise<void>;
}

/** A straight path from the origin along x: `n` waypoints `step` metres apart, each with its speed cap. */
const straight = (n: number, step: number, speed: (i: number) => number): Waypoint[] =>
  Array.from({ length: n }, (_, i) => ({ x: (i + 1) * step, y: 0, speed: speed(i) }));

export function describeRobotBaseContract(name: string, setup: () => Promise<ContractTarget>): void {
  describe(`RobotBase contract: ${name}`, () => {
    let target: ContractTarget;
    let base: RobotBase;
    const odometry: Odometry[] = [];
    const safety: SafetyEvent[] = [];
    const completions: Completion[] = [];
    const last = () => odometry.at(-1);
    const host = () => {
      base = target.newHost();
      base.on('odometry', (o) => odometry.push(o));
      base.on('safety', (e) => safety.push(e));
      base.on('completion', (c) => completions.push(c));
    };
    const eventsSince = (from: number, kind: SafetyEvent['kind']) =>
      safety.slice(from).filter((e) => e.kind === kind);
    const stopped = () => {
      const o = last();
      return o !== undefined && Math.abs(o.v) < 0.02 && Math.abs(o.w) < 0.05 ? o : undefined;
    };
    /** Event ids are unique within a boot; `from` starts the check after a reboot. */
    const expectEachEventOnce = (from = 0) => {
      const ids = safety.slice(from).map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
    };
    /** From standstill: odometry at the origin, then a path; resolves once the robot moves along it. */
    const startPath = async (pathId: number, waypoints: Waypoint[], limit: number) => {
      await waitFor('standstill', stopped, 5000);
      await base.setPose(0, 0, 0);
      const ack = await base.followPath(pathId, waypoints, limit);
      expect(ack.result).toBe('IN_PROGRESS');
      await waitFor('moving along the path', () => ((last()?.v ?? 0) > 0.1 ? true : undefined), 5000);
      return ack;
    };

    beforeAll(async () => {
      target = await setup();
      host();
    }, 300_000);

    afterAll(async () => {
      await base.close();
      await target.teardown();
    });

    it('handshakes and checks protocol version and schema hash', async () => {
      const info = await base.connect();
      expect(info.protocolVersion).toBe(PROTOCOL_VERSION);
      expect(info.schemaHash).toBe(SCHEMA_HASH);
      expect(base.state).toBe('up');
      if (target.freshBoot) expect(info.estopLatched).toBe(true); // the base boots latched
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
      await waitFor('odometry mode ESTOP', () => last()?.mode === 'ESTOP' || undefined);
    });

    it('resolves commands on CMD_ACK, executed exactly once', async () => {
      const ack = await base.setSpeedLimit(0.8, 1.0);
      expect(ack).toMatchObject({ result: 'OK', execCount: 1 });
      expect(ack.attempts).toBeGreaterThanOrEqual(1);
    });

    it('keeps the e-stop latched across a reconnect; only ESTOP_RESET clears it', async (ctx) => {
      if (!target.motion) return ctx.skip();
      await base.close();
      host();
      const info = await base.connect();
      expect(info.estopLatched).toBe(true);
      await base.resetEstop();
      const ack = await base.velocity(0.2, 0, 200);
      expect(ack.result).toBe('OK');
    });

    it('stops the wheels when velocity commands stop (watchdog) and reports it once', async (ctx) => {
      if (!target.motion) return ctx.skip();
      const from = odometry.length;
      const until = Date.now() + 600;
      while (Date.now() < until) {
        await base.velocity(0.3, 0, 200);
        await sleep(50);
      }
      // Moved at some point: on a loaded machine the watchdog may already have stopped it by now.
      await waitFor('moving', () => (odometry.slice(from).some((o) => o.v > 0.05) ? true : undefined));
      await waitFor('wheels stopped', () => (last()?.v === 0 ? true : undefined), 3000);
      const watchdog = await waitFor('VEL_WATCHDOG event', () =>
        safety.find((e) => e.kind === 'VEL_WATCHDOG'),
      );
      expect(watchdog.active).toBe(true);
      await sleep(500); // the base repeats unacknowledged events; each must reach listeners once
      expectEachEventOnce();
    });

    it("follows a path of several frames to PATH_DONE within its waypoints' speed caps", async (ctx) => {
      if (!target.motion) return ctx.skip();
      const from = safety.length;
      // 25 waypoints (two FOLLOW_PATH chunks) over 1 m: capped at 0.4 m/s, the last 10 at 0.25 m/s.
      const path = straight(25, 0.04, (i) => (i < 15 ? 0.4 : 0.25));
      const ack = await startPath(11, path, 0.5);
      const done = await waitFor('PATH_DONE', () => eventsSince(from, 'PATH_DONE')[0], 15_000);
      expect(done.detail).toBe(11);
      await waitFor('completion', () => completions.find((c) => c.seq === ack.seq));
      expect(completions.find((c) => c.seq === ack.seq)).toMatchObject({
        command: 'FOLLOW_PATH',
        result: 'OK',
      });
      const onPath = odometry.filter((o) => o.pathId === 11 && o.mode === 'PATH');
      expect(Math.max(...onPath.map((o) => o.waypointIndex))).toBeGreaterThanOrEqual(20);
      // Measured speeds carry the simulator's encoder noise: 0.05 m/s of slack.
      expect(Math.max(...onPath.map((o) => o.v))).toBeLessThanOrEqual(0.45);
      const slowPart = onPath.filter((o) => o.waypointIndex >= 18);
      expect(Math.max(...slowPart.map((o) => o.v))).toBeLessThanOrEqual(0.3);
      await waitFor('standstill at the goal', stopped, 5000);
      expect(Math.hypot((last()?.x ?? 0) - 1.0, last()?.y ?? 0)).toBeLessThan(0.25);
      expect(eventsSince(from, 'PATH_ABORTED')).toEqual([]);
    }, 30_000);

    it('stops for an obstacle ahead, reports it, and resumes the path when it clears', async (ctx) => {
      if (!target.motion || target.obstacleAhead === undefined) return ctx.skip();
      const from = safety.length;
      await startPath(
        12,
        straight(10, 0.15, () => 0),
        0.4,
      );
      await target.obstacleAhead(0.3);
      const seen = await waitFor('OBSTACLE event', () => eventsSince(from, 'OBSTACLE')[0]);
      expect(seen).toMatchObject({ active: true, detail: 300 });
      const halted = await waitFor('halted', stopped, 3000);
      expect(halted.mode).toBe('PATH'); // waiting, not aborted
      await target.obstacleAhead(null);
      await waitFor('OBSTACLE cleared', () => eventsSince(from, 'OBSTACLE').find((e) => !e.active));
      await waitFor('PATH_DONE', () => eventsSince(from, 'PATH_DONE')[0], 15_000);
      expect(eventsSince(from, 'PATH_ABORTED')).toEqual([]);
      expectEachEventOnce();
    }, 30_000);

    it('brakes on its heartbeat watchdog when the cable is pulled, and reports it once reconnected', async (ctx) => {
      if (!target.motion || target.pullCable === undefined) return ctx.skip();
      const from = safety.length;
      await startPath(
        13,
        straight(10, 0.15, () => 0),
        0.4,
      );
      const plugBack = await target.pullCable();
      await waitFor('link down', () => (base.state !== 'up' ? true : undefined), 3000);
      await sleep(800); // past the base's 500 ms heartbeat watchdog
      await plugBack();
      await waitFor('link up', () => (base.state === 'up' ? true : undefined), 5000);
      const watchdog = await waitFor('HEARTBEAT_WATCHDOG', () => eventsSince(from, 'HEARTBEAT_WATCHDOG')[0]);
      expect(watchdog.active).toBe(true);
      const aborted = await waitFor('PATH_ABORTED', () => eventsSince(from, 'PATH_ABORTED')[0]);
      expect(aborted.detail).toBe(13);
      expect(await waitFor('stopped', stopped, 3000)).toMatchObject({ mode: 'IDLE' });
      expect(eventsSince(from, 'PATH_DONE')).toEqual([]);
      await sleep(300);
      expectEachEventOnce();
    }, 30_000);

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

    it('reports the e-stop button once; the e-stop stays latched after release', async (ctx) => {
      if (target.pressEstopButton === undefined) return ctx.skip();
      await base.resetEstop();
      await waitFor('e-stop clear', () => (last()?.mode !== 'ESTOP' ? true : undefined));
      const before = safety.length;
      await target.pressEstopButton(true);
      await waitFor('ESTOP_BUTTON event', () => eventsSince(before, 'ESTOP_BUTTON')[0]);
      await waitFor('odometry in ESTOP', () => (last()?.mode === 'ESTOP' ? true : undefined));
      await target.pressEstopButton(false);
      await sleep(300);
      expect(last()?.mode).toBe('ESTOP');
      const error = await base.velocity(0.1, 0).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'REJECTED_ESTOP' });
      expectEachEventOnce();
    });

    it('resynchronises after the base restarts: new boot id, e-stop latched, odometry from 0,0,0', async (ctx) => {
      if (target.reboot === undefined) return ctx.skip();
      await base.resetEstop(); // so the latch seen afterwards is the boot's
      const bootId = base.info?.bootId;
      const from = safety.length;
      const sampled = odometry.length;
      let resynced: number | undefined;
      base.once('resync', (info) => (resynced = info.bootId));
      await target.reboot();
      await waitFor('resync', () => resynced, 5000);
      expect(resynced).not.toBe(bootId);
      expect(base.info).toMatchObject({ bootId: resynced, estopLatched: true });
      await waitFor('link up', () => (base.state === 'up' ? true : undefined), 5000);
      const latched = await waitFor('ESTOP_LATCHED', () => eventsSince(from, 'ESTOP_LATCHED')[0]);
      expect(latched.detail).toBe(EstopSource.BOOT);
      // The e-stop was clear before the restart: odometry in ESTOP is the new boot's.
      const o = await waitFor('odometry of the new boot', () =>
        odometry.slice(sampled).find((x) => x.mode === 'ESTOP'),
      );
      expect(Math.hypot(o.x, o.y)).toBeLessThan(0.05);
      await expect(base.velocity(0.1, 0)).rejects.toMatchObject({ code: 'REJECTED_ESTOP' });
      expectEachEventOnce(from);
    });
  });
}
