// Robot missions with the real bridge and the real firmware (host build on a pty). Every check reads the
// pose the firmware reports (the simulator's control channel), not what the engine intended. The mission
// tests are split over two files (one robot each) so that they drive side by side; the call-ahead escort
// is checked at every layer (firmware pose, staff updates, the robot's screen) in kiosk-robot.test.ts.
import { describe, expect, it } from 'vitest';
import { HOME, useMissionRig } from './harness/mission-rig.ts';
import { demoPlace, eventually, mapToSimWorld, standsStill } from './harness/robot.ts';

const { rig, fw, lastOf, waitFor, atHome, guide, recall } = useMissionRig();

describe('robot missions against the firmware: obstacles and battery', () => {
  it('docks when the battery runs low, refusing guidance politely, and takes requests again when charged', async () => {
    await rig.sim.control({ cmd: 'battery', soc: 0.2 });
    await eventually(
      'low battery seen',
      async () => {
        const r = await rig.staff.emitWithAck('robot:get', {});
        return r.ok && r.value.battery && r.value.battery.soc_pct < 25 ? true : undefined;
      },
      10_000,
    );
    await new Promise((r) => setTimeout(r, 200));
    const refused = await rig.kiosk.emitWithAck('mission:guide', { place: 'counter_1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', reason: 'battery_low' } });
    await eventually(
      'docked',
      async () => ((await fw()).chargerContact && (await fw()).mode === 'DOCKED' ? true : undefined),
      60_000,
    );
    await rig.sim.control({ cmd: 'battery', soc: 0.9 });
    await eventually(
      'charging shown',
      async () => {
        const r = await rig.staff.emitWithAck('robot:get', {});
        return r.ok && r.value.activity?.state === 'CHARGING' ? true : undefined;
      },
      10_000,
    );
    await recall();
    expect((await fw()).mode).not.toBe('DOCKED');
    await atHome();
  }, 180_000);

  it('replans around an obstacle dropped on its path and still arrives', async () => {
    const id = await guide('waiting_area');
    await waitFor(id, 'guiding');
    // Once it drives straight, a person steps in front of it, 1.3 m ahead (the range sensor only sees ±15°).
    const s = await eventually(
      'driving straight',
      async () => {
        const f = await fw();
        return f.v > 0.25 && Math.abs(f.w) < 0.1 ? f : undefined;
      },
      30_000,
    );
    await rig.sim.control({
      cmd: 'obstacle_at',
      x: s.truth.x + 1.3 * Math.cos(s.truth.theta),
      y: s.truth.y + 1.3 * Math.sin(s.truth.theta),
      radius: 0.25,
    });
    await waitFor(id, 'arrived', 90_000);
    const at = await fw();
    const target = demoPlace('waiting_area');
    expect(Math.hypot(at.pose.x - target.x, at.pose.y - target.y)).toBeLessThanOrEqual(0.25);
    await rig.sim.control({ cmd: 'obstacles_clear' });
    const list = await rig.staff.emitWithAck('mission:list', { kind: 'guide', limit: 1 });
    expect(list.ok && list.value.missions[0]?.replans).toBeGreaterThanOrEqual(1);
    await waitFor(id, 'completed');
    await atHome();
  }, 180_000);

  it('ends in `blocked` with the robot stopped when the place stays blocked', async () => {
    const target = demoPlace('exit');
    const id = await guide('exit');
    await waitFor(id, 'guiding');
    const world = mapToSimWorld(await fw(), HOME, target);
    await rig.sim.control({ cmd: 'obstacle_at', x: world.x, y: world.y, radius: 0.3 });
    await waitFor(id, 'failed', 90_000);
    expect(lastOf(id)?.reason).toBe('blocked');
    const still = await standsStill(rig.sim, HOME, 2000);
    expect(still.moved).toBeLessThan(0.02);
    const s = await fw();
    expect(s.estop).toBe(false); // it never touched the obstacle (that would press the bumper)
    await rig.sim.control({ cmd: 'obstacles_clear' });
    await atHome();
  }, 180_000);
});
