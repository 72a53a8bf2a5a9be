// Robot missions with the real bridge and the real firmware (host build on a pty). Every check reads the
// pose the firmware reports (the simulator's control channel), not what the engine intended. The mission
// tests are split over three files (one robot each) so that they drive side by side.
import { wrapAngle } from '@reception/missions';
import { describe, expect, it } from 'vitest';
import { useMissionRig } from './harness/mission-rig.ts';
import { demoPlace, eventually } from './harness/robot.ts';

const { rig, fw, lastOf, waitFor, atHome, guide } = useMissionRig();

describe('robot missions against the firmware: guiding', () => {
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
    // The robot's own rig.screen saw the same trip.
    expect(rig.screen.connected).toBe(true);
  }, 240_000);

  it('lets rig.staff recall the robot mid-trip; the rig.kiosk that asked is told it was preempted', async () => {
    const id = await guide('counter_5');
    await waitFor(id, 'guiding');
    await new Promise((r) => setTimeout(r, 5000));
    const r = await rig.staff.emitWithAck('robot:recall', {});
    expect(r.ok).toBe(true);
    await eventually(
      'rig.kiosk told',
      () => (lastOf(id)?.state === 'cancelled' ? lastOf(id) : undefined),
      5000,
    );
    expect(lastOf(id)?.reason).toBe('preempted');
    await waitFor(r.ok ? r.value.mission_id : '', 'completed', 120_000, rig.staffUpdates);
    await atHome();
  }, 180_000);
});
