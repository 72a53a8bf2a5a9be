/**
 * Latency of one model, run by bench/nlu.ts in a child process pinned to one CPU (`taskset -c N`), so the
 * number is "one core after warm-up" as issue 16 asks, not whatever the scheduler spreads across cores.
 *
 *   tsx packages/intent/bench/latency.ts own|clinc150 TEXTS.json
 *
 * TEXTS.json: an array of strings, cycled. Prints one JSON line: wall and CPU time per call (p50, p99, max),
 * the calls timed, the CPUs this process may run on, and the 1-minute load average before and after.
 *
 * Wall time is what a citizen waits; CPU time (process.cpuUsage, every thread of the process) is what the
 * call costs, and is what a dedicated core would see. On a shared machine the two differ by the time the
 * process sat runnable while other processes had the core: the load average says how crowded it was.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { Clinc150Model } from '../src/clinc150.ts';
import { OnnxIntentClassifier } from '../src/onnx-intent-classifier.ts';

const WARMUP = 500;
const TIMED = 5000;

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const round = (x: number) => Number(x.toFixed(4));

async function main(): Promise<void> {
  const [which, textsFile] = process.argv.slice(2);
  if ((which !== 'own' && which !== 'clinc150') || textsFile === undefined) {
    throw new Error('usage: latency.ts own|clinc150 TEXTS.json');
  }
  const texts = JSON.parse(await readFile(textsFile, 'utf8')) as string[];
  if (!Array.isArray(texts) || texts.length === 0) throw new Error(`${textsFile}: no texts`);
  let call: (t: string) => Promise<unknown>;
  let close: () => Promise<void>;
  if (which === 'own') {
    const nlu = await OnnxIntentClassifier.load();
    call = (t) => nlu.classify(t);
    close = () => nlu.close();
  } else {
    const clinc = await Clinc150Model.load();
    call = (t) => clinc.top(t);
    close = () => clinc.session.close();
  }
  for (let i = 0; i < WARMUP; i++) await call(texts[i % texts.length] ?? '');
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  // Preallocated: the measurement itself allocates nothing per call.
  const wall = new Float64Array(TIMED);
  const cpu = new Float64Array(TIMED);
  for (let i = 0; i < TIMED; i++) {
    const text = texts[i % texts.length] ?? '';
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await call(text);
    wall[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    cpu[i] = (c.user + c.system) / 1000;
  }
  const loadAfter = os.loadavg()[0] ?? Number.NaN;
  await close();
  wall.sort();
  cpu.sort();
  process.stdout.write(
    `${JSON.stringify({
      model: which,
      calls: TIMED,
      warmup: WARMUP,
      p50_ms: round(percentile(wall, 0.5)),
      p99_ms: round(percentile(wall, 0.99)),
      max_ms: round(wall[TIMED - 1] ?? Number.NaN),
      cpu_p50_ms: round(percentile(cpu, 0.5)),
      cpu_p99_ms: round(percentile(cpu, 0.99)),
      cpu_max_ms: round(cpu[TIMED - 1] ?? Number.NaN),
      load_average_before: round(loadBefore),
      load_average_after: round(loadAfter),
      cpus_allowed: os.availableParallelism(),
    })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`latency: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
