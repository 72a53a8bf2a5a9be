import { describe, expect, it } from 'vitest';
import { DeadReckoningLocalization } from './dead-reckoning.ts';
import type { AnchorRecord, AnchorStore } from './localization.ts';
import { FakeClock, KinematicBase } from './testing/index.ts';

class MemoryAnchors implements AnchorStore {
  record: AnchorRecord | undefined;
  loadAnchor() {
    return this.record;
  }
  saveAnchor(r: AnchorRecord) {
    this.record = structuredClone(r);
  }
}
const home = { x: 18, y: 2.2, theta: Math.PI / 2 };

async function setup(store = new MemoryAnchors(), base?: KinematicBase, clock = new FakeClock()) {
  const b = base ?? new KinematicBase(clock);
  const loc = new DeadReckoningLocalization(b, { pose: home, source: 'start:home' }, store, clock);
  if (b.state !== 'up') await b.connect();
  await clock.advance(100);
  return { base: b, loc, store, clock };
}

describe('DeadReckoningLocalization', () => {
  it('anchors odometry at the start place and publishes map-frame poses', async () => {
    const { base, loc, clock } = await setup();
    expect(loc.pose).toMatchObject({ x: 18, y: 2.2 });
    base.pose = { x: 1, y: 0, theta: 0 }; // 1 m forward in the base's frame = north on the map
    await clock.advance(100);
    expect(loc.pose!.x).toBeCloseTo(18);
    expect(loc.pose!.y).toBeCloseTo(3.2);
    expect(loc.anchorSource).toBe('start:home');
    const odom = loc.toOdom({ x: 18, y: 4.2, theta: 0 });
    expect(odom.x).toBeCloseTo(2);
    expect(odom.y).toBeCloseTo(0);
  });

  it('keeps the anchor across a bridge restart with the same base boot', async () => {
    const clock = new FakeClock();
    const first = await setup(undefined, undefined, clock);
    first.base.pose = { x: 3, y: 1, theta: 0.5 };
    await clock.advance(1200);
    const seen = first.loc.pose!;
    first.loc.close();
    const again = await setup(first.store, first.base, clock);
    expect(again.loc.anchorSource).toBe('persisted');
    expect(again.loc.pose!.x).toBeCloseTo(seen.x);
    expect(again.loc.pose!.y).toBeCloseTo(seen.y);
  });

  it('re-anchors a rebooted base (odometry back at 0) to where the robot last was', async () => {
    const { base, loc, clock } = await setup();
    base.pose = { x: 2, y: 0, theta: 0 };
    await clock.advance(100);
    const before = loc.pose!;
    base.reboot();
    await clock.advance(100);
    expect(loc.anchorSource).toBe('last_known');
    expect(loc.pose!.x).toBeCloseTo(before.x);
    expect(loc.pose!.y).toBeCloseTo(before.y);
  });

  it('takes staff re-anchoring at the next odometry sample', async () => {
    const { loc, clock } = await setup();
    loc.anchor({ x: 5, y: 6, theta: 0 }, 'staff:lead');
    await clock.advance(100);
    expect(loc.pose).toMatchObject({ x: 5, y: 6 });
    expect(loc.anchorSource).toBe('staff:lead');
  });
});
