// Robot missions with the real bridge and the real firmware (host build on a pty). Every check reads the
// pose the firmware reports (the simulator's control channel), not what the engine intended. The mission
// tests are split over two files (one robot each) so that they drive side by side; the call-ahead escort
// is checked at every layer (firmware pose, staff updates, the robot's screen) in kiosk-robot.test.ts.
import { wrapAngle } from '@reception/missions';
import { describe, expect, it } from 'vitest';
import { HOME, useMissionRig } from './harness/mission-rig.ts';
import { demoPlace, eventually, standsStill } from './harness/robot.ts';

const { rig, fw, lastOf, waitFor, atHome, guide, recall } = useMissionRig();

describe('robot missions against the firmware: guiding, recall, e-stop', () => {
  it('guides to counter 3: arrives at its approach pose within tolerance, then comes home', async () => {
    const id = await guide('counter_3');
    await waitFor(id, 'arrived');
    const s = await fw();
    const target = demoPlace('counter_3');
    expect(Math.hypot(s.pose.x - target.x, s.pose.y - target.y)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(wrapAngle(s.pose.theta - target.theta))).toBeLessThanOrEqual(0.25);
    await waitFor(id, 'completed');
    await atHome();
    const states = rig.kioskUpdates
      .filter((u) => u.mission_id === id)
      .map((u) => u.state)
      .filter((x, i, a) => a[i - 1] !== x);
    expect(states).toEqual(['guiding', 'arrived', 'returning', 'completed']);
    // The robot's own screen saw the same trip.
    expect(rig.screen.connected).toBe(true);
  }, 240_000);

  it('lets staff recall the robot mid-trip; the kiosk that asked is told it was preempted', async () => {
    const id = await guide('counter_5');
    await waitFor(id, 'guiding');
    await new Promise((r) => setTimeout(r, 5000));
    const r = await rig.staff.emitWithAck('robot:recall', {});
    expect(r.ok).toBe(true);
    await eventually('kiosk told', () => (lastOf(id)?.state === 'cancelled' ? lastOf(id) : undefined), 5000);
    expect(lastOf(id)?.reason).toBe('preempted');
    await waitFor(r.ok ? r.value.mission_id : '', 'completed', 120_000, rig.staffUpdates);
    await atHome();
  }, 180_000);

  it('e-stop mid-trip: stays latched, the mission fails `estop` and does not resume after the reset', async () => {
    const id = await guide('counter_2');
    await waitFor(id, 'guiding');
    await new Promise((r) => setTimeout(r, 4000));
    expect((await rig.staff.emitWithAck('robot:estop', {})).ok).toBe(true);
    await eventually('kiosk told', () => (lastOf(id)?.state === 'failed' ? true : undefined), 5000);
    expect(lastOf(id)?.reason).toBe('estop');
    // Motor power is cut at once; the robot rolls to a standstill within a fraction of a second.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await standsStill(rig.sim, HOME, 2000)).moved).toBeLessThan(0.02);
    expect((await fw()).estop).toBe(true);
    expect((await rig.staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
    expect((await standsStill(rig.sim, HOME, 4000)).moved).toBeLessThan(0.02);
    expect(lastOf(id)?.state).toBe('failed');
    const r = await rig.staff.emitWithAck('robot:get', {});
    expect(r.ok && r.value.activity).toMatchObject({ needs_staff: true, reason: 'estop' });
    await recall();
    await atHome();
  }, 180_000);
});
