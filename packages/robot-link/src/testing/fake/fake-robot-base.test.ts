/**
 * FakeRobotBase on a ManualClock: the firmware rules it models, in simulated time, step by step. (The
 * contract suite runs it on real time against the same cases as the serial link and the host firmware.)
 */
import { describe, expect, it } from 'vitest';
import { CommandRejectedError, CommandTimeoutError } from '../../errors.ts';
import { EstopSource } from '../../messages.generated.ts';
import type { Completion } from '../../robot-base.ts';
import type { Battery, ConnectionState, Odometry, SafetyEvent, Waypoint } from '../../robot-base.ts';
import { ManualClock } from './clock.ts';
import { FakeRobotBase, type FakeRobotBaseOptions } from './fake-robot-base.ts';
import { SimulatedBase } from './simulated-base.ts';

function rig(options: FakeRobotBaseOptions = {}) {
  const clock = new ManualClock();
  const base = new FakeRobotBase({ clock, ...options });
  const odometry: Odometry[] = [];
  const battery: Battery[] = [];
  const safety: SafetyEvent[] = [];
  const completions: Completion[] = [];
  const states: ConnectionState[] = [];
  base.on('odometry', (o) => odometry.push(o));
  base.on('battery', (b) => battery.push(b));
  base.on('safety', (e) => safety.push(e));
  base.on('completion', (c) => completions.push(c));
  base.on('connection', (s) => states.push(s));
  const kinds = () => safety.map((e) => `${e.kind}${e.active ? '+' : '-'}`);
  return { clock, base, odometry, battery, safety, completions, states, kinds, last: () => odometry.at(-1) };
}

/** Connected, e-stop reset: ready to drive. */
async function ready(options: FakeRobotBaseOptions = {}) {
  const r = rig(options);
  await r.base.connect();
  await r.base.resetEstop();
  r.safety.length = 0;
  return r;
}

const line = (n: number, step: number, speed = 0): Waypoint[] =>
  Array.from({ length: n }, (_, i) => ({ x: (i + 1) * step, y: 0, speed }));

describe('FakeRobotBase', () => {
  it('boots latched and streams odometry at 50 Hz and the battery at 1 Hz', async () => {
    const r = rig();
    const info = await r.base.connect();
    expect(info).toMatchObject({ estopLatched: true, firmware: '1.0.0' });
    expect(r.states).toEqual(['connecting', 'up']);
    r.clock.advance(1000);
    expect(r.odometry).toHaveLength(50);
    expect(r.battery).toHaveLength(1);
    expect(r.last()).toMatchObject({ mode: 'ESTOP', x: 0, y: 0, v: 0 });
    expect(r.kinds()).toEqual(['ESTOP_LATCHED+']);
    expect(r.safety[0]?.detail).toBe(EstopSource.BOOT);
    await expect(r.base.velocity(0.2, 0)).rejects.toBeInstanceOf(CommandRejectedError);
  });

  it('resolves a command after the caller goes on, like a serial round trip', async () => {
    const { base } = await ready();
    let acked = false;
    const ack = base.stop().then(() => (acked = true));
    expect(acked).toBe(false);
    await ack;
    expect(acked).toBe(true);
  });

  it('drives CMD_VEL within the speed limit and stops when its time-to-live runs out', async () => {
    const r = await ready();
    await r.base.setSpeedLimit(0.2, 1);
    for (let i = 0; i < 20; i++) {
      await r.base.velocity(0.5, 0, 100);
      r.clock.advance(50);
    }
    expect(r.last()).toMatchObject({ mode: 'VELOCITY', v: 0.2 });
    expect(Math.max(...r.odometry.map((o) => o.v))).toBe(0.2);
    r.clock.advance(50); // 100 ms after the last CMD_VEL
    expect(r.kinds()).toEqual(['VEL_WATCHDOG+']);
    expect(r.safety[0]?.detail).toBe(100);
    r.clock.advance(200);
    expect(r.last()).toMatchObject({ mode: 'IDLE', v: 0 });
  });

  it('follows a path through its waypoints with per-waypoint speed caps, then PATH_DONE', async () => {
    const r = await ready();
    const path = [...line(10, 0.1, 0.5), { x: 1, y: 0.5, speed: 0.2 }, { x: 1, y: 1, speed: 0.2 }];
    const ack = await r.base.followPath(3, path, 0.6);
    expect(ack.result).toBe('IN_PROGRESS');
    r.clock.advance(15_000);
    expect(r.kinds()).toEqual(['PATH_DONE-']);
    expect(r.safety[0]?.detail).toBe(3);
    expect(r.completions).toEqual([{ seq: ack.seq, command: 'FOLLOW_PATH', result: 'OK' }]);
    const end = r.last()!;
    expect(Math.hypot(end.x - 1, end.y - 1)).toBeLessThan(0.25);
    expect(end).toMatchObject({ mode: 'IDLE', v: 0, pathId: 3 });
    const onPath = r.odometry.filter((o) => o.mode === 'PATH');
    expect(Math.max(...onPath.map((o) => o.v))).toBeLessThanOrEqual(0.5);
    expect(Math.max(...onPath.filter((o) => o.waypointIndex === 11).map((o) => o.v))).toBeLessThanOrEqual(
      0.2,
    );
    expect(onPath.map((o) => o.waypointIndex)).toEqual(
      [...onPath.map((o) => o.waypointIndex)].sort((a, b) => a - b),
    );
  });

  it('aborts a path on STOP: PATH_ABORTED, completion FAILED, a controlled stop', async () => {
    const r = await ready();
    const ack = await r.base.followPath(4, line(20, 0.1), 0.5);
    r.clock.advance(2000);
    expect((await r.base.setPose(0, 0, 0).catch((e: unknown) => e)) as CommandRejectedError).toMatchObject({
      code: 'BUSY',
    });
    await r.base.stop('STAFF');
    expect(r.kinds()).toEqual(['PATH_ABORTED-']);
    expect(r.completions).toEqual([{ seq: ack.seq, command: 'FOLLOW_PATH', result: 'FAILED' }]);
    r.clock.advance(20);
    expect(r.last()?.mode).toBe('STOPPING');
    r.clock.advance(500);
    expect(r.last()).toMatchObject({ mode: 'IDLE', v: 0 });
  });

  it('stops for an obstacle ahead, reports it once, and resumes the path when it clears', async () => {
    const r = await ready();
    await r.base.followPath(5, line(20, 0.1), 0.5);
    r.clock.advance(2000);
    r.base.sim.obstacleAhead(0.6); // slow zone: 0.1 + 0.6 × (0.6 − 0.35) / 0.65 = 0.33 m/s
    r.clock.advance(1000);
    expect(r.last()!.v).toBeLessThanOrEqual(0.331);
    r.base.sim.obstacleAhead(0.3);
    r.clock.advance(1000);
    expect(r.last()).toMatchObject({ mode: 'PATH', v: 0 });
    expect(r.safety).toEqual([expect.objectContaining({ kind: 'OBSTACLE', active: true, detail: 300 })]);
    r.base.sim.obstacleAhead(0.4); // inside the hysteresis: still an obstacle
    r.clock.advance(1000);
    expect(r.kinds()).toEqual(['OBSTACLE+']);
    r.base.sim.obstacleAhead(null);
    r.clock.advance(10_000);
    expect(r.kinds()).toEqual(['OBSTACLE+', 'OBSTACLE-', 'PATH_DONE-']);
  });

  it('latches the e-stop from the host, the button and the bumper; reset needs them released', async () => {
    const r = await ready();
    for (let i = 0; i < 10; i++) {
      await r.base.velocity(0.4, 0);
      r.clock.advance(100);
    }
    await r.base.estop('STAFF');
    r.clock.advance(500);
    expect(r.last()).toMatchObject({ mode: 'ESTOP', v: 0 });
    await expect(r.base.velocity(0.1, 0)).rejects.toMatchObject({ code: 'REJECTED_ESTOP' });
    r.base.sim.pressEstopButton(true);
    r.clock.advance(10);
    await expect(r.base.resetEstop()).rejects.toMatchObject({ code: 'REJECTED_STATE' });
    r.base.sim.pressEstopButton(false);
    r.clock.advance(10);
    await r.base.resetEstop();
    r.base.sim.pressBumper(true);
    r.clock.advance(10);
    expect(r.kinds()).toEqual([
      'ESTOP_LATCHED+',
      'ESTOP_BUTTON+',
      'ESTOP_BUTTON-',
      'ESTOP_CLEARED-',
      'BUMPER+',
      'ESTOP_LATCHED+',
    ]);
    expect(r.safety.map((e) => e.detail)).toEqual([EstopSource.STAFF, 0, 0, 0, 0, EstopSource.BUMPER]);
    const ids = r.safety.map((e) => e.eventId);
    expect(ids).toEqual(ids.map((_, i) => (ids[0]! + i) & 0xffff));
  });

  it('docks onto the charger, charges, and undocks', async () => {
    const r = await ready();
    const dock = await r.base.dock();
    expect(dock.result).toBe('IN_PROGRESS');
    r.clock.advance(10_000);
    expect(r.completions).toEqual([{ seq: dock.seq, command: 'DOCK', result: 'OK' }]);
    expect(r.last()?.mode).toBe('DOCKED');
    expect(r.base.sim.truth.x).toBeCloseTo(-0.45, 1);
    const charged = r.battery.at(-1)!;
    expect(charged.charging).toBe(true);
    r.clock.advance(600_000);
    expect(r.battery.at(-1)!.socPct).toBeGreaterThan(charged.socPct);
    expect((await r.base.dock()).result).toBe('OK'); // already docked
    const undock = await r.base.undock();
    r.clock.advance(5000);
    expect(r.completions.at(-1)).toEqual({ seq: undock.seq, command: 'UNDOCK', result: 'OK' });
    expect(r.last()).toMatchObject({ mode: 'IDLE' });
    expect(r.battery.at(-1)!.charging).toBe(false);
  });

  it('fails DOCK after 0.6 m without reaching the contacts', async () => {
    const r = await ready({ start: { x: 3, y: 0, theta: 0 } });
    const dock = await r.base.dock();
    r.clock.advance(15_000);
    expect(r.completions).toEqual([{ seq: dock.seq, command: 'DOCK', result: 'FAILED' }]);
    expect(r.last()?.mode).toBe('IDLE');
  });

  it('drains the battery while driving and reports LOW_BATTERY below 15 % and again at 20 %', async () => {
    const r = await ready({ batteryDrain: 200 });
    r.base.sim.setBattery(17);
    r.clock.advance(30_000);
    expect(r.kinds()).toEqual(['LOW_BATTERY+']);
    expect(r.battery.at(-1)!.socPct).toBeLessThan(15);
    expect(r.battery.at(-1)!.current).toBeLessThan(0);
    r.base.sim.setBattery(19);
    r.clock.advance(2000);
    expect(r.kinds()).toEqual(['LOW_BATTERY+']); // hysteresis
    r.base.sim.setBattery(20);
    r.clock.advance(20);
    expect(r.kinds()).toEqual(['LOW_BATTERY+', 'LOW_BATTERY-']);
  });

  it('with the cable pulled: link down, commands held until their deadline, the base stops on its watchdog', async () => {
    const r = await ready();
    await r.base.followPath(6, line(20, 0.1), 0.5);
    r.clock.advance(1000);
    r.base.sim.unplug();
    expect(r.base.state).toBe('disconnected');
    const lost = r.base.setSpeedLimit(0.5, 1).catch((e: unknown) => e);
    const held = r.base.stop();
    r.clock.advance(1000);
    expect(await lost).toBeInstanceOf(CommandTimeoutError);
    expect(r.base.sim.mode).toBe('IDLE'); // braked 500 ms after the last frame from the host
    const frozen = r.odometry.length;
    r.clock.advance(1000);
    expect(r.odometry).toHaveLength(frozen); // nothing passes
    expect(r.safety).toEqual([]);
    r.base.sim.plug();
    await held;
    expect(r.states.slice(-3)).toEqual(['disconnected', 'connecting', 'up']);
    expect(r.kinds()).toEqual(['HEARTBEAT_WATCHDOG+', 'PATH_ABORTED-']);
    expect(r.completions).toEqual([]); // the final CMD_ACK went out while the cable was out
    expect(r.base.metrics()).toMatchObject({ reconnects: 1, lost: 1 });
  });

  it('resynchronises after a reboot: new boot id, e-stop latched, odometry and path gone', async () => {
    const r = await ready();
    const before = r.base.info!.bootId;
    await r.base.followPath(7, line(20, 0.1), 0.5);
    r.clock.advance(2000);
    let resync: number | undefined;
    r.base.on('resync', (info) => (resync = info.bootId));
    r.base.sim.reboot();
    await Promise.resolve();
    expect(resync).toBeDefined();
    expect(resync).not.toBe(before);
    expect(r.base.info).toMatchObject({ bootId: resync, estopLatched: true });
    expect(r.states.slice(-2)).toEqual(['connecting', 'up']);
    const booted = r.odometry.length;
    r.clock.advance(500);
    // Odometry restarts at 0,0,0; the wheels, unpowered, coast a few centimetres to a stop.
    expect(r.odometry[booted]).toMatchObject({ mode: 'ESTOP', y: 0, pathId: 0, tMs: 20 });
    expect(r.odometry[booted]!.x).toBeLessThan(0.02);
    expect(r.last()).toMatchObject({ mode: 'ESTOP', v: 0 });
    expect(r.last()!.x).toBeLessThan(0.05);
    expect(r.kinds()).toEqual(['ESTOP_LATCHED+']);
    expect(r.completions).toEqual([]);
  });

  it('brakes after close() like a host that stopped sending, and tells the next host', async () => {
    const clock = new ManualClock();
    const sim = new SimulatedBase(clock);
    const first = new FakeRobotBase({ sim });
    await first.connect();
    await first.resetEstop();
    await first.followPath(8, line(20, 0.1), 0.5);
    clock.advance(2000);
    await first.close();
    expect(first.state).toBe('closed');
    clock.advance(400);
    expect(sim.mode).toBe('PATH');
    clock.advance(600);
    expect(sim.mode).toBe('IDLE');
    const second = new FakeRobotBase({ sim });
    const events: string[] = [];
    second.on('safety', (e) => events.push(e.kind));
    const info = await second.connect();
    expect(info.estopLatched).toBe(false);
    expect(events).toEqual(['HEARTBEAT_WATCHDOG', 'PATH_ABORTED']);
  });

  it('lets code that reacts to events run inside simulated time (advanceAsync)', async () => {
    const r = await ready();
    // A tiny mission: there and back, the second path sent when the first is done.
    r.base.on('safety', (e) => {
      if (e.kind === 'PATH_DONE' && e.detail === 1)
        void r.base.followPath(2, [{ x: 0, y: 0, speed: 0 }], 0.5);
    });
    await r.base.followPath(1, line(5, 0.2), 0.5);
    await r.clock.advanceAsync(20_000);
    expect(r.kinds()).toEqual(['PATH_DONE-', 'PATH_DONE-']);
    expect(Math.hypot(r.last()!.x, r.last()!.y)).toBeLessThan(0.25);
  });
});
