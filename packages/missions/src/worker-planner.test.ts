import { describe, expect, it } from 'vitest';
import { demoSite } from './testing/engine-rig.ts';
import { WorkerPlanner } from './worker-planner.ts';

describe('WorkerPlanner', () => {
  it('plans in a worker thread, with obstacles set before the plan, and never throws on failure', async () => {
    const { map } = await demoSite();
    const planner = new WorkerPlanner(map.file);
    try {
      const home = map.places.find((p) => p.id === 'home')!.approach;
      const c3 = map.places.find((p) => p.id === 'counter_3')!.approach;
      const free = await planner.plan(home, c3);
      expect(free.ok && free.route.waypoints[0]).toEqual({ x: home.x, y: home.y });
      expect(free.ok && free.route.eta).toBeGreaterThan(20);
      planner.setObstacle('person', { x: c3.x, y: c3.y, radius: 0.3 });
      const blocked = await planner.plan(home, c3);
      expect(blocked).toMatchObject({ ok: false, code: 'goal_in_obstacle', dynamic: true });
      planner.clearObstacle('person');
      expect((await planner.plan(home, c3)).ok).toBe(true);
      expect(await planner.plan(home, { x: 500, y: 1, theta: 0 })).toMatchObject({
        ok: false,
        code: 'goal_off_map',
      });
    } finally {
      await planner.close();
    }
    expect(await planner.plan({ x: 0, y: 0, theta: 0 }, { x: 1, y: 1, theta: 0 })).toMatchObject({
      ok: false,
      code: 'internal',
    });
  });
});
