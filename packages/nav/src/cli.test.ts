import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const PKG = resolve(import.meta.dirname, '..');
const ROOT = resolve(PKG, '../..');
const SITE = join(ROOT, 'sites/demo-ward');
const MOVINGAI = resolve(ROOT, '../shared/benchmarks/movingai');

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(PKG, script), ...args], {
    cwd: PKG,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nav CLI (real processes)', () => {
  it.skipIf(!existsSync(MOVINGAI))('movingai prints one line per scenario, then a summary without id', () => {
    const r = run('src/cli.ts', [
      'movingai',
      join(MOVINGAI, 'maps/den312d.map'),
      join(MOVINGAI, 'scen/den312d.map.scen'),
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, number>);
    const scen = readFileSync(join(MOVINGAI, 'scen/den312d.map.scen'), 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(scen.length + 1);
    lines.slice(0, -1).forEach((l, i) => {
      expect(Object.keys(l)).toEqual(['id', 'length', 'expanded', 'ms']);
      expect(l.id).toBe(i);
      expect(Math.abs(l.length! - Number(scen[i]!.split('\t')[8])) / Math.max(1, l.length!)).toBeLessThan(
        5e-6,
      );
    });
    const summary = lines.at(-1)!;
    expect(summary).not.toHaveProperty('id');
    expect(summary).toMatchObject({ scenarios: scen.length, mismatches: 0, failed: 0 });
  });

  it('plan prints the route as JSON and draws it', () => {
    const png = join(mkdtempSync(join(tmpdir(), 'nav-cli-')), 'route.png');
    const r = run('src/cli.ts', [
      'plan',
      '--site',
      SITE,
      '--from',
      'home',
      '--to',
      'counter_3',
      '--png',
      png,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const route = JSON.parse(r.stdout) as {
      from: string;
      to: string;
      waypoints: { x: number; y: number }[];
      segments: { speed_limit: number }[];
      map_hash: string;
    };
    expect(route).toMatchObject({ from: 'home', to: 'counter_3' });
    expect(route.waypoints.length).toBeGreaterThanOrEqual(2);
    expect(route.waypoints.at(-1)).toEqual({ x: 10.25, y: 14.1 });
    expect(route.map_hash).toMatch(/^[0-9a-f]{64}$/);
    const image = PNG.sync.read(readFileSync(png));
    expect([image.width, image.height]).toEqual([1200, 800]);
  });

  it('reports typed errors as JSON on stderr with exit code 2, usage errors with 1', () => {
    const unknown = run('src/cli.ts', ['plan', '--site', SITE, '--from', 'home', '--to', 'moon']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ error: { code: 'unknown_place' } });
    const blocked = run('src/cli.ts', [
      'plan',
      '--site',
      SITE,
      '--from',
      'home',
      '--to',
      'counter_1',
      '--obstacle',
      '5.25,14.1,0.4',
    ]);
    expect(blocked.code).toBe(2);
    expect(JSON.parse(blocked.stderr)).toMatchObject({ error: { code: 'goal_in_obstacle' } });
    expect(run('src/cli.ts', ['fly']).code).toBe(1);
  });

  it('regenerates the committed demo lobby byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nav-lobby-'));
    expect(run('scripts/generate-demo-lobby.ts', [dir]).code).toBe(0);
    for (const f of ['map.yaml', 'lobby.pgm'])
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(SITE, 'map', f)))).toBe(true);
  });
});
