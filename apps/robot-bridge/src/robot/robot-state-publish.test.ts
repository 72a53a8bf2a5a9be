import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RobotState } from '@reception/protocol';
import type { RobotBase } from '@reception/robot-link';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { RobotService } from './robot-service.ts';

function standInBase() {
  const base = Object.assign(new EventEmitter(), { state: 'up', close: () => Promise.resolve() });
  return base as unknown as RobotBase & EventEmitter;
}
const odom = (x: number, mode = 'PATH') => ({ x, y: 1, theta: 0.5, v: 0.5, w: 0, mode });
const safety = (kind: string, active: boolean) => ({ kind, active, detail: 0 });

let robot: RobotService | undefined;
afterEach(() => robot?.close());

function collect(r: RobotService): RobotState[] {
  const seen: RobotState[] = [];
  r.on('state', (s) => seen.push(s));
  return seen;
}

describe('robot state publication', () => {
  it('publishes on the next turn of the event loop after a change, one state for a burst of frames', async () => {
    const base = standInBase();
    robot = new RobotService(base, createLogger('silent'), { mapPose: (o) => ({ ...o, x: o.x + 10 }) });
    const seen = collect(robot);
    base.emit('odometry', odom(1));
    base.emit('odometry', odom(2));
    expect(seen).toHaveLength(0);
    await nextTurn();
    expect(seen.map((s) => s.pose?.x)).toEqual([12]);
    base.emit('odometry', odom(3));
    await nextTurn();
    expect(seen.map((s) => s.pose?.x)).toEqual([12, 13]);
  });

  it('publishes nothing while nothing changes (a robot standing still reports the same pose)', async () => {
    const base = standInBase();
    robot = new RobotService(base, createLogger('silent'), { mapPose: (o) => o });
    const seen = collect(robot);
    base.emit('odometry', odom(1, 'IDLE'));
    await nextTurn();
    for (let i = 0; i < 5; i++) {
      base.emit('odometry', odom(1, 'IDLE'));
      await nextTurn();
    }
    expect(seen).toHaveLength(1);
  });

  it('keeps the old fixed tick when asked (the benchmark baseline): nothing before the tick', async () => {
    const base = standInBase();
    robot = new RobotService(base, createLogger('silent'), {
      mapPose: (o) => o,
      publishing: { mode: 'tick', intervalMs: 60_000 },
    });
    const seen = collect(robot);
    base.emit('odometry', odom(1));
    await nextTurn();
    await nextTurn();
    expect(seen).toHaveLength(0);
  });

  it('shows no pose until the odometry is anchored in the map frame (never the base’s 0,0)', async () => {
    const base = standInBase();
    let anchored = false;
    robot = new RobotService(base, createLogger('silent'), {
      mapPose: (o) => (anchored ? { ...o, x: o.x + 18 } : null),
    });
    base.emit('odometry', odom(0, 'IDLE'));
    await nextTurn();
    expect(robot.state.pose).toBeNull();
    anchored = true;
    base.emit('odometry', odom(0.5, 'IDLE'));
    expect(robot.state.pose).toMatchObject({ x: 18.5 });
  });
});

describe('safety events after an e-stop reset', () => {
  it('marks the latch’s events over once the e-stop is cleared, so nothing stale stays "still active"', () => {
    const base = standInBase();
    robot = new RobotService(base, createLogger('silent'), { mapPose: (o) => o });
    base.emit('odometry', odom(0, 'ESTOP'));
    base.emit('safety', safety('ESTOP_BUTTON', true));
    base.emit('safety', safety('ESTOP_LATCHED', true));
    expect(robot.state.safety.filter((e) => e.active).map((e) => e.kind)).toEqual([
      'ESTOP_LATCHED',
      'ESTOP_BUTTON',
    ]);
    // The reset: the base leaves ESTOP (its ESTOP_CLEARED event may come later, or be lost).
    base.emit('odometry', odom(0, 'IDLE'));
    expect(robot.state.estop_latched).toBe(false);
    expect(robot.state.safety.filter((e) => e.active)).toEqual([]);
    expect(robot.state.safety).toHaveLength(2);
  });

  it('takes the newest event of a kind as its state, and ESTOP_CLEARED ends the latch', () => {
    const base = standInBase();
    robot = new RobotService(base, createLogger('silent'), { mapPose: (o) => o });
    base.emit('safety', safety('OBSTACLE', true));
    base.emit('safety', safety('OBSTACLE', false));
    expect(robot.state.safety.map((e) => [e.kind, e.active])).toEqual([
      ['OBSTACLE', false],
      ['OBSTACLE', false],
    ]);
    base.emit('safety', safety('ESTOP_LATCHED', true));
    base.emit('safety', safety('ESTOP_CLEARED', false));
    expect(robot.state.safety.filter((e) => e.active)).toEqual([]);
  });

  it('never shows a watchdog as still active once it is over: momentary kinds, and a new session', () => {
    const base = standInBase();
    robot = new RobotService(base, createLogger('silent'), { mapPose: (o) => o });
    base.emit('safety', safety('VEL_WATCHDOG', true));
    base.emit('safety', safety('PATH_DONE', true));
    expect(robot.state.safety.filter((e) => e.active)).toEqual([]);
    base.emit('safety', safety('HEARTBEAT_WATCHDOG', true));
    expect(robot.state.safety.filter((e) => e.active).map((e) => e.kind)).toEqual(['HEARTBEAT_WATCHDOG']);
    // The link re-handshakes: the session the watchdog ended is replaced.
    base.emit('connection', 'connecting');
    base.emit('connection', 'up');
    expect(robot.state.safety.filter((e) => e.active)).toEqual([]);
    expect(robot.state.safety).toHaveLength(3);
  });
});
