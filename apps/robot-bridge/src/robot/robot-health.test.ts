import { EventEmitter } from 'node:events';
import type { RobotBase } from '@reception/robot-link';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { ROBOT_START_GRACE_MS, RobotService } from './robot-service.ts';

/** Just the events and link state RobotService reads; no port. */
function standInBase() {
  const base = Object.assign(new EventEmitter(), { state: 'connecting', close: () => Promise.resolve() });
  return base as unknown as RobotBase & EventEmitter;
}

describe('the robot in /healthz', () => {
  it('healthz_tells_a_robot_still_starting_from_a_fault_and_reports_a_latched_estop', async () => {
    let now = 1_000_000;
    const base = standInBase();
    const robot = new RobotService(base, createLogger('silent'), { now: () => now });
    const health = robot.health();
    expect(health.check()).toMatchObject({ ok: false, starting: true });
    expect(health.check().detail).toContain('has not answered yet');

    now += ROBOT_START_GRACE_MS + 1000;
    expect(health.check()).toMatchObject({ ok: false });
    expect(health.check().starting).toBeUndefined();
    expect(health.check().detail).toContain('no answer from the robot base for 61 s');

    base.emit('connection', 'up');
    base.emit('odometry', { x: 0, y: 0, theta: 0, v: 0, w: 0, mode: 'ESTOP' });
    expect(health.check().ok).toBe(false);
    expect(health.check().detail).toContain('emergency stop is latched');
    base.emit('odometry', { x: 0, y: 0, theta: 0, v: 0, w: 0, mode: 'IDLE' });
    expect(health.check()).toEqual({ ok: true, detail: 'link up, IDLE' });

    now += 5000;
    base.emit('connection', 'disconnected');
    now += 3000;
    expect(health.check().ok).toBe(false);
    expect(health.check().detail).toContain('link is down for 3 s');
    await robot.close();
  });
});
