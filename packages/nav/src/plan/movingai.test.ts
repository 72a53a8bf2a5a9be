import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MovingAiFormatError } from '../errors.ts';
import { cellX, cellY } from './grid.ts';
import { parseMovingAiMap, parseMovingAiScen } from './movingai.ts';
import { expandJumpPath } from './search-space.ts';
import { UniformGridPlanner } from './uniform-planner.ts';

const DIR = resolve(import.meta.dirname, '../../../../../shared/benchmarks/movingai');
const load = (name: string) => ({
  grid: parseMovingAiMap(readFileSync(join(DIR, 'maps', name), 'utf8'), name),
  scen: parseMovingAiScen(readFileSync(join(DIR, 'scen', `${name}.scen`), 'utf8'), name),
});
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, b);

// The benchmark data lives beside the repository (../shared); every scenario of every map is checked by
// `npm run bench:nav`. Here: all scenarios of the smaller maps.
describe.skipIf(!existsSync(DIR))('MovingAI optimal lengths (octile, no corner cutting)', () => {
  for (const name of ['den312d.map', 'lak303d.map', 'Berlin_1_256.map', 'brc202d.map']) {
    it(`JPS matches every scenario of ${name} within 5e-6`, () => {
      const { grid, scen } = load(name);
      const planner = new UniformGridPlanner(grid, 'jps');
      const bad = scen.filter((s) => relErr(planner.plan(s.sx, s.sy, s.gx, s.gy).length, s.optimal) > 5e-6);
      expect(scen.length).toBeGreaterThan(300);
      expect(bad.map((s) => s.id)).toEqual([]);
    });
  }

  it('A* matches every scenario of den312d', () => {
    for (const name of ['den312d.map']) {
      const { grid, scen } = load(name);
      const planner = new UniformGridPlanner(grid, 'astar');
      const bad = scen.filter((s) => relErr(planner.plan(s.sx, s.sy, s.gx, s.gy).length, s.optimal) > 5e-6);
      expect(bad.map((s) => s.id)).toEqual([]);
    }
  });

  it('JPS paths are walkable, never cut corners and have the reported length', () => {
    const { grid, scen } = load('lak303d.map');
    const planner = new UniformGridPlanner(grid, 'jps');
    for (const s of scen.filter((_, i) => i % 20 === 0)) {
      const path = planner.plan(s.sx, s.sy, s.gx, s.gy);
      const cells = expandJumpPath(grid, path.cells);
      expect([cellX(grid, cells[0]!), cellY(grid, cells[0]!)]).toEqual([s.sx, s.sy]);
      expect([cellX(grid, cells.at(-1)!), cellY(grid, cells.at(-1)!)]).toEqual([s.gx, s.gy]);
      let len = 0;
      for (let k = 1; k < cells.length; k++) {
        const a = cells[k - 1]!;
        const b = cells[k]!;
        const dx = cellX(grid, b) - cellX(grid, a);
        const dy = cellY(grid, b) - cellY(grid, a);
        expect(Math.max(Math.abs(dx), Math.abs(dy))).toBe(1);
        expect(grid.walkable[b]).toBe(1);
        if (dx !== 0 && dy !== 0) {
          expect(grid.walkable[a + dx]).toBe(1);
          expect(grid.walkable[a + dy * grid.stride]).toBe(1);
          len += Math.SQRT2;
        } else len += 1;
      }
      expect(len).toBeCloseTo(path.length, 9);
    }
  });
});

describe('MovingAI parsers', () => {
  it('reads CRLF maps and treats . G S as passable', () => {
    const grid = parseMovingAiMap('type octile\r\nheight 2\r\nwidth 4\r\nmap\r\n.GS@\r\nTWO.\r\n');
    const row = (y: number) =>
      Array.from({ length: 4 }, (_, x) => grid.walkable[(y + 1) * grid.stride + x + 1]);
    expect(row(0)).toEqual([1, 1, 1, 0]);
    expect(row(1)).toEqual([0, 0, 0, 1]);
  });

  it('numbers scenarios from 0 after the version line', () => {
    const s = parseMovingAiScen(
      'version 1\n0\tm.map\t4\t2\t0\t0\t3\t1\t3.41421\n1\tm.map\t4\t2\t1\t0\t2\t0\t1\n',
    );
    expect(s.map((x) => [x.id, x.sx, x.gy, x.optimal])).toEqual([
      [0, 0, 1, 3.41421],
      [1, 1, 0, 1],
    ]);
  });

  it('rejects malformed files with the file and line', () => {
    expect(() => parseMovingAiMap('type octile\nheight 3\nwidth 2\nmap\n..\n..\n', 'x.map')).toThrow(
      /x\.map:7: map row 2/,
    );
    expect(() => parseMovingAiScen('version 2\n', 's.scen')).toThrow(MovingAiFormatError);
    expect(() => parseMovingAiScen('version 1\n0\tm\t1\t1\t0\t0\n', 's.scen')).toThrow(
      /s\.scen:2: expected 9/,
    );
  });
});
