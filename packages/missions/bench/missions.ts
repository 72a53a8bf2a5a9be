/**
 * npm run -s bench:missions
 *
 * Guidance missions from home to random guidable places of the demo ward, against the host firmware,
 * with random obstacles dropped in front of the robot and one cable pull, run twice on the same schedule:
 * by the mission engine, and by a naive baseline that sends the plan once and never replans. A monitor
 * independent of both reads the pose and speed the firmware reports and counts keepout entries and
 * speed-cap violations against the site's zones. Rigs run in parallel processes (the simulator runs in
 * real time). Last line: one JSON object (keys in packages/missions/README.md).
 *
 * Env: MISSIONS_BENCH_MISSIONS (20), MISSIONS_BENCH_RIGS (4 per variant), MISSIONS_BENCH_SEED (7).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile } from '@reception/robot-link';
import { prng } from '@reception/testkit/prng';
import { PlaceDirectory } from '../src/places.ts';
import { demoSite } from '../src/testing/engine-rig.ts';
import type { MissionResult, MissionSpec, RigResult, RigSpec } from './missions-rig.ts';

const MISSIONS = Number(process.env.MISSIONS_BENCH_MISSIONS ?? 20);
const RIGS = Number(process.env.MISSIONS_BENCH_RIGS ?? 4);
const SEED = Number(process.env.MISSIONS_BENCH_SEED ?? 7);
const RIG_SCRIPT = fileURLToPath(new URL('./missions-rig.ts', import.meta.url));

function schedule(guidable: string[]): MissionSpec[] {
  const r = prng(SEED);
  const out: MissionSpec[] = [];
  for (let index = 0; index < MISSIONS; index++) {
    const place = guidable[Math.floor(r() * guidable.length)] ?? 'counter_1';
    const obstacle =
      r() < 0.6
        ? {
            atFraction: 0.2 + 0.4 * r(),
            ahead: 1.2 + 0.4 * r(),
            radius: 0.2 + 0.1 * r(),
            // Half of them step aside after a few seconds, the others stand until the robot arrives.
            clearAfterS: r() < 0.5 ? 4 + 4 * r() : null,
          }
        : null;
    out.push({ index, place, obstacle, cablePull: index === 2 ? { atFraction: 0.35, ms: 2500 } : null });
  }
  return out;
}

function runRig(spec: RigSpec): Promise<RigResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RIG_SCRIPT, JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`${spec.variant} rig ${spec.rig} exited ${String(code)}`));
      else resolve(JSON.parse(line) as RigResult);
    });
  });
}

const round = (x: number | null, d = 3) =>
  x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d;

function summarise(rigs: RigResult[]) {
  const all: MissionResult[] = rigs.flatMap((r) => r.results);
  const arrivals = all.flatMap((m) => (m.arrival_error_m === null ? [] : [m.arrival_error_m]));
  const headings = all.flatMap((m) => (m.heading_error_rad === null ? [] : [m.heading_error_rad]));
  const ratios = all.flatMap((m) => (m.eta_ratio === null ? [] : [m.eta_ratio]));
  const reasons: Record<string, number> = {};
  for (const m of all) if (m.reason) reasons[m.reason] = (reasons[m.reason] ?? 0) + 1;
  const count = (o: MissionResult['outcome']) => all.filter((m) => m.outcome === o).length;
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return {
    missions: all.length,
    succeeded: count('succeeded'),
    failed_with_reason: count('failed_with_reason'),
    failed_without_reason: count('failed_without_reason'),
    reasons,
    arrivals: arrivals.length,
    arrival_error_p50_m: round(percentile(sorted(arrivals), 50)),
    arrival_error_p95_m: round(percentile(sorted(arrivals), 95)),
    heading_error_p95_rad: round(percentile(sorted(headings), 95)),
    eta_ratio_p50: round(percentile(sorted(ratios), 50), 2),
    replans: all.reduce((s, m) => s + m.replans, 0),
    obstacles_injected: all.reduce((s, m) => s + m.obstacles, 0),
    cable_pulls: all.reduce((s, m) => s + m.cable_pulls, 0),
    keepout_entries: rigs.reduce((s, r) => s + r.monitor.keepout_entries, 0),
    speed_cap_violations: rigs.reduce((s, r) => s + r.monitor.speed_cap_violations, 0),
    max_overspeed_mps: round(Math.max(0, ...rigs.map((r) => r.monitor.max_overspeed_mps))),
    max_speed_mps: round(Math.max(0, ...rigs.map((r) => r.monitor.max_speed_mps))),
    monitor_samples: rigs.reduce((s, r) => s + r.monitor.samples, 0),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { site, map } = await demoSite();
  const guidable = [...new PlaceDirectory(map, () => site).guidable()].sort();
  const missions = schedule(guidable);
  const specs: RigSpec[] = [];
  for (const variant of ['engine', 'baseline'] as const) {
    for (let rig = 0; rig < RIGS; rig++) {
      specs.push({ variant, rig, missions: missions.filter((m) => m.index % RIGS === rig) });
    }
  }
  const rigs = await Promise.all(specs.map(runRig));
  for (const r of rigs) {
    process.stdout.write(
      `${JSON.stringify({ variant: r.variant, rig: r.rig, monitor: r.monitor, results: r.results })}\n`,
    );
  }
  const engine = summarise(rigs.filter((r) => r.variant === 'engine'));
  const baseline = summarise(rigs.filter((r) => r.variant === 'baseline'));
  process.stdout.write(
    `${JSON.stringify({
      ...engine,
      baseline,
      places: guidable.length,
      rigs_per_variant: RIGS,
      seed: SEED,
      wall_s: Math.round((performance.now() - started) / 1000),
    })}\n`,
  );
}

void main().catch((e: unknown) => {
  process.stderr.write(`bench:missions failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
