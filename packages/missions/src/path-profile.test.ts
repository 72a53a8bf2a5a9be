import { describe, expect, it } from 'vitest';
import { polygonDistance } from './geometry.ts';
import { defaultProfileOptions, speedProfile, uploadPath, type SpeedZone } from './path-profile.ts';
import { FakeClock, KinematicBase } from './testing/index.ts';

const slow: SpeedZone = {
  polygon: [
    [10, -5],
    [20, -5],
    [20, 5],
    [10, 5],
  ],
  speedLimit: 0.3,
};

/** Cap in force at a point: the base applies a waypoint's speed to the segment leading into it. */
function capAt(
  start: { x: number; y: number },
  wps: { x: number; y: number; speed: number }[],
  x: number,
): number {
  let prev = start;
  for (const w of wps) {
    if (x >= Math.min(prev.x, w.x) - 1e-9 && x <= Math.max(prev.x, w.x) + 1e-9) return w.speed;
    prev = w;
  }
  return NaN;
}

describe('speedProfile', () => {
  it('is down to the zone speed before the zone, with braking distance and margin to spare', () => {
    const start = { x: 0, y: 0 };
    const wps = speedProfile([start, { x: 30, y: 0 }], [slow]);
    const o = defaultProfileOptions;
    const brake = (o.guideSpeed ** 2 - 0.3 ** 2) / (2 * o.decel) + o.brakeMargin;
    // Everywhere within the buffer of the zone, and on the braking stretch before it, the cap is the zone's.
    for (let x = 10 - o.zoneBuffer - brake + 0.01; x <= 20 + o.zoneBuffer; x += 0.05) {
      expect(capAt(start, wps, x)).toBeLessThanOrEqual(0.3);
    }
    expect(capAt(start, wps, 2)).toBe(o.guideSpeed);
    expect(capAt(start, wps, 28)).toBe(o.guideSpeed);
    expect(wps.at(-1)).toMatchObject({ x: 30, y: 0 });
  });

  it('caps a stretch that only passes near a zone', () => {
    const start = { x: 0, y: 5.2 };
    const wps = speedProfile([start, { x: 30, y: 5.2 }], [slow]);
    expect(polygonDistance({ x: 15, y: 5.2 }, slow.polygon)).toBeCloseTo(0.2);
    expect(capAt(start, wps, 15)).toBe(0.3);
    expect(capAt(start, wps, 0.5)).toBe(0.6);
  });

  it('never exceeds the guide speed, whatever the zones', () => {
    const wps = speedProfile(
      [
        { x: 0, y: 0 },
        { x: 5, y: 5 },
        { x: 9, y: 0 },
      ],
      [{ ...slow, speedLimit: 1.1 }],
    );
    for (const w of wps) expect(w.speed).toBeLessThanOrEqual(0.6);
  });
});

describe('uploadPath', () => {
  it('sends chunks of 23 waypoints in order with the same path id', async () => {
    const base = new KinematicBase(new FakeClock());
    await base.connect();
    const wps = Array.from({ length: 50 }, (_, i) => ({ x: i * 0.1, y: 0, speed: 0.5 }));
    const ack = await uploadPath(base, 7, wps, 0.6);
    expect(ack.result).toBe('IN_PROGRESS');
    const chunks = base.commands
      .filter((c) => c.name === 'FOLLOW_PATH')
      .map(
        (c) =>
          c.payload as { chunk_index: number; chunk_count: number; path_id: number; waypoints: unknown[] },
      );
    expect(chunks.map((c) => [c.chunk_index, c.chunk_count, c.path_id, c.waypoints.length])).toEqual([
      [0, 3, 7, 23],
      [1, 3, 7, 23],
      [2, 3, 7, 4],
    ]);
    await expect(
      uploadPath(
        base,
        8,
        Array.from({ length: 185 }, () => wps[0]!),
        0.6,
      ),
    ).rejects.toThrow(/does not fit/);
  });
});
