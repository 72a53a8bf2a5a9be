import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MapLoadError } from '../errors.ts';
import { encodePgm } from './image.ts';
import { loadSiteMap } from './loader.ts';
import { downsampleFloor, OCC_FREE, OCC_OCCUPIED, OCC_UNKNOWN, worldToCell } from './site-map.ts';

const DEMO = resolve(import.meta.dirname, '../../../../sites/demo-ward/map/map.yaml');

function fixture(yaml: string, image?: { name: string; bytes: Uint8Array }): string {
  const dir = mkdtempSync(join(tmpdir(), 'nav-map-'));
  const pgm = encodePgm({
    width: 4,
    height: 3,
    data: Uint8Array.from([254, 254, 254, 0, 254, 205, 254, 254, 254, 254, 254, 254]),
  });
  writeFileSync(join(dir, 'f.pgm'), image?.name === 'f.pgm' ? image.bytes : pgm);
  if (image && image.name !== 'f.pgm') writeFileSync(join(dir, image.name), image.bytes);
  writeFileSync(join(dir, 'map.yaml'), yaml);
  return join(dir, 'map.yaml');
}

const base = `version: 3
image: f.pgm
resolution: 0.5
origin: [0.0, 0.0, 0.0]
occupied_thresh: 0.65
free_thresh: 0.196
negate: 0
`;

function loadError(path: string): MapLoadError {
  try {
    loadSiteMap(path);
  } catch (e) {
    if (e instanceof MapLoadError) return e;
    throw e;
  }
  throw new Error('expected a MapLoadError');
}

describe('loadSiteMap', () => {
  it('loads the demo lobby with every place the demo site uses', () => {
    const map = loadSiteMap(DEMO);
    const floor = map.floors[0]!;
    expect([floor.width, floor.height, floor.resolution]).toEqual([600, 400, 0.05]);
    const ids = map.places.map((p) => p.id);
    for (const id of [
      'entrance',
      'home',
      'dock',
      'waiting_area',
      'restroom',
      'photocopy',
      'drinking_water',
      'exit',
      'information_desk',
    ]) {
      expect(ids).toContain(id);
    }
    for (let i = 1; i <= 8; i++) {
      const c = map.places.find((p) => p.id === `counter_${i}`)!;
      expect(c.kind).toBe('counter');
      // The approach pose is in front of the desk (south of it) and faces it (north).
      expect(c.approach.y).toBeLessThan(c.pose.y);
      expect(c.approach.theta).toBeCloseTo(Math.PI / 2, 3);
    }
    expect(map.zones.some((z) => z.kind === 'keepout')).toBe(true);
    expect(map.routes?.edges.length).toBeGreaterThan(10);
    expect(map.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(map.version).toBe('1');
  });

  it('reads map_server trinary occupancy and maps cells to metres', () => {
    const map = loadSiteMap(fixture(base));
    const f = map.floors[0]!;
    expect(Array.from(f.occupancy.slice(0, 6))).toEqual([
      OCC_FREE,
      OCC_FREE,
      OCC_FREE,
      OCC_OCCUPIED,
      OCC_FREE,
      OCC_UNKNOWN,
    ]);
    expect(worldToCell(f, 1.9, 1.4)).toEqual({ col: 3, row: 0 }); // top row is the largest y
    const inverted = loadSiteMap(fixture(base.replace('negate: 0', 'negate: 1')));
    expect(inverted.floors[0]!.occupancy[3]).toBe(OCC_FREE);
    expect(downsampleFloor(f, 2).occupancy.length).toBe(4);
  });

  it('hashes the YAML and image bytes: any change gives a new hash', () => {
    const a = loadSiteMap(fixture(base));
    const b = loadSiteMap(fixture(base));
    expect(a.hash).toBe(b.hash);
    const img = encodePgm({ width: 4, height: 3, data: new Uint8Array(12).fill(254) });
    expect(loadSiteMap(fixture(base, { name: 'f.pgm', bytes: img })).hash).not.toBe(a.hash);
    expect(loadSiteMap(fixture(base.replace('version: 3', 'version: 4'))).hash).not.toBe(a.hash);
  });

  it('reads PNG images and extra floors joined by lifts', () => {
    const png = new PNG({ width: 4, height: 2 });
    png.data.fill(255);
    png.data[0] = png.data[1] = png.data[2] = 0; // first pixel black
    const yaml = `${base}floors:
  - { id: upper, level: 1, image: u.png, resolution: 0.5, origin: [0, 0, 0] }
places:
  - { id: a, kind: home, pose: { x: 0.2, y: 0.2, theta: 0 } }
  - { id: b, kind: counter, floor: upper, pose: { x: 1.2, y: 0.2 } }
routes:
  edges:
    - { from: a, to: b, kind: lift, cost: 30 }
`;
    const map = loadSiteMap(fixture(yaml, { name: 'u.png', bytes: PNG.sync.write(png) }));
    expect(map.floors.map((f) => f.id)).toEqual(['ground', 'upper']);
    expect(map.floors[1]!.occupancy[0]).toBe(OCC_OCCUPIED);
    expect(map.routes?.edges[0]).toEqual({ from: 'a', to: 'b', kind: 'lift', cost: 30 });
  });

  it('names the file and the field in every error', () => {
    const cases: [string, RegExp][] = [
      [base.replace('resolution: 0.5', 'resolution: fast'), /map\.yaml: resolution: /],
      [`${base}places:\n  - { id: a, kind: home, pose: { x: one, y: 0 } }\n`, /places\[0\]\.pose\.x/],
      [`${base}places:\n  - { id: a, kind: castle, pose: { x: 0, y: 0 } }\n`, /places\[0\]\.kind/],
      [
        `${base}places:\n  - { id: a, kind: home, pose: { x: 0.2, y: 0.2 } }\n  - { id: a, kind: home, pose: { x: 0.2, y: 0.2 } }\n`,
        /places\[1\]\.id: duplicate place id 'a'/,
      ],
      [
        `${base}places:\n  - { id: a, kind: home, pose: { x: 1.7, y: 1.2 } }\n`,
        /places\[0\]\.pose: .* not in free space/,
      ],
      [
        `${base}places:\n  - { id: a, kind: home, pose: { x: 9, y: 1 } }\n`,
        /places\[0\]\.pose: .* outside floor/,
      ],
      [
        `${base}places:\n  - { id: a, kind: home, floor: roof, pose: { x: 0.2, y: 0.2 } }\n`,
        /places\[0\]\.floor: unknown floor 'roof'/,
      ],
      [
        `${base}zones:\n  - { id: z, kind: slow, polygon: [[0, 0], [1, 0], [1, 1]] }\n`,
        /zones\[0\]\.speed_limit/,
      ],
      [
        `${base}zones:\n  - { id: z, kind: keepout, polygon: [[0, 0], [1, 0]] }\n`,
        /zones\[0\]\.polygon: a polygon needs at least 3 points/,
      ],
      [base.replace('origin: [0.0, 0.0, 0.0]', 'origin: [0.0, 0.0, 0.5]'), /origin: a rotated origin/],
      [
        base.replace('image: f.pgm', 'image: missing.pgm'),
        /map\.yaml: image: cannot read .*missing\.pgm \(ENOENT\)/,
      ],
      [`${base}colour: blue\n`, /colour/],
      [
        `${base}routes:\n  edges:\n    - { from: a, to: nowhere }\n`,
        /routes\.edges\[0\]\.from: unknown node or place 'a'/,
      ],
      ['version: [unclosed\n', /YAML syntax/],
    ];
    for (const [yaml, pattern] of cases) {
      const err = loadError(fixture(yaml));
      expect(err.code).toBe('map_invalid');
      expect(err.message).toMatch(pattern);
      expect(err.file).toMatch(/map\.yaml$/);
    }
    const corrupt = loadError(
      fixture(base, { name: 'f.pgm', bytes: new TextEncoder().encode('P5\n4 3\n255\nxx') }),
    );
    expect(corrupt.message).toMatch(/f\.pgm: cannot decode image \(PGM pixel data truncated/);
    expect(loadError('/nonexistent/map.yaml').message).toMatch(/cannot read/);
  });
});
