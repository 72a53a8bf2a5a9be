/**
 * bench:nlu — the kiosk's intent model on its hand-written splits (models/intent/data/splits.json), the same
 * architecture on CLINC150 (threshold chosen on val, scored on test), latency on one pinned core and size,
 * and a scikit-learn TF-IDF + logistic regression baseline trained and scored on the same data in the same
 * run. Every number is measured here. Last line: one JSON object (keys in packages/intent/README.md).
 *
 *   npm run -s bench:nlu [-- --cpu N]     (N: the CPU the latency runs are pinned to; default the last one)
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { IntentResult, LabelledUtterance } from '@reception/protocol';
import { bestThreshold, Clinc150Model, clincScores, readClinc150, splitRows } from '../src/clinc150.ts';
import { evaluate, type EvalReport } from '../src/evaluate.ts';
import { parseLabelledLine } from '../src/jsonl.ts';
import { OnnxIntentClassifier } from '../src/onnx-intent-classifier.ts';
import { findClinc150Dir, MODEL_DIR } from '../src/paths.ts';

const PAPER = {
  BERT: [96.2, 52.3],
  'MLP-USE': [93.4, 49.1],
  Rasa: [90.9, 31.2],
  DialogFlow: [90.8, 26.7],
  FastText: [88.6, 28.3],
  SVM: [88.2, 18.0],
} as const;
const log = (s: string) => process.stdout.write(`${s}\n`);
const round = (x: number, d = 4) => Number(x.toFixed(d));

interface Latency {
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  cpu_p50_ms: number;
  cpu_p99_ms: number;
  cpu_max_ms: number;
  calls: number;
  warmup: number;
  load_average_before: number;
  load_average_after: number;
  cpus_allowed: number;
}

/** `taskset -c cpu` when the machine has it (util-linux), else nothing: the JSON then says unpinned. */
function pinning(cpu: number): string[] {
  const probe = spawnSync('taskset', ['-c', String(cpu), 'true']);
  return probe.status === 0 ? ['taskset', '-c', String(cpu)] : [];
}

/** bench/latency.ts in a child process pinned to one CPU: warm-up, then wall and CPU time per call. */
function measureLatency(repo: string, pin: string[], which: 'own' | 'clinc150', textsFile: string): Latency {
  const script = join(repo, 'packages', 'intent', 'bench', 'latency.ts');
  const argv = [...pin, process.execPath, '--import', 'tsx', script, which, textsFile];
  const [cmd = process.execPath, ...args] = argv;
  const r = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`latency run failed (${argv.join(' ')}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as Latency;
}

/** Accuracy per language and the out-of-scope rates, as baseline.py reports them. */
type Rates4 = Record<
  'vi' | 'en' | 'hi' | 'ur' | 'oos_recall' | 'in_scope_rejected' | 'in_scope_accuracy',
  number
>;

interface Baseline {
  name: string;
  /** Validation at the top level; every other split of splits.json under `splits`. */
  own: Rates4 & {
    splits: Record<string, Rates4>;
    model_bytes: number;
    latency: { p50_ms: number; p99_ms: number; cpu_p50_ms: number; cpu_p99_ms: number };
  };
  clinc150: { in_scope_accuracy: number; oos_recall: number; model_bytes: number; threshold: number };
}

function runBaseline(repo: string, clincDir: string, pin: string[]): Baseline {
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const argv = [...pin, python, join(repo, 'models', 'intent', 'baseline.py')];
  const [cmd = python, ...args] = argv;
  const r = spawnSync(cmd, args, {
    env: { ...process.env, CLINC150_DIR: clincDir, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    throw new Error(
      `baseline failed (${python} models/intent/baseline.py; needs python3-sklearn):\n${r.stderr}`,
    );
  }
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Baseline;
}

/** The evaluation splits, one list for the Python scripts and this bench. */
interface Split {
  name: string;
  role: 'development' | 'held_out' | 'blind';
  about: string;
}

async function readSplitList(): Promise<Split[]> {
  const text = await readFile(join(MODEL_DIR, 'data', 'splits.json'), 'utf8');
  return (JSON.parse(text) as { splits: Split[] }).splits;
}

/** The JSON key of a split's figures: `own` for validation, `own_NAME` for the others. */
const keyOf = (name: string) => (name === 'validation' ? 'own' : `own_${name}`);

async function readSplit(file: string): Promise<LabelledUtterance[]> {
  const lines = (await readFile(join(MODEL_DIR, 'data', file), 'utf8')).split('\n');
  return lines.filter((l) => l.trim() !== '').map((l, i) => parseLabelledLine(l, i + 1));
}

function cpuArg(argv: readonly string[]): number {
  const i = argv.indexOf('--cpu');
  const cores = os.cpus().length;
  if (i < 0) return cores - 1;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 0 || n >= cores) throw new Error(`--cpu must be 0..${cores - 1}`);
  return n;
}

async function main(): Promise<void> {
  const clincDir = findClinc150Dir(process.env.CLINC150_DIR);
  if (clincDir === undefined) throw new Error('CLINC150 not found: set CLINC150_DIR to the clinc150 folder');
  const repo = join(MODEL_DIR, '..', '..');
  const cpu = cpuArg(process.argv.slice(2));
  const pin = pinning(cpu);

  // Own model on the hand-written splits.
  const splits = await readSplitList();
  const own = await OnnxIntentClassifier.load();
  const reports: Record<string, EvalReport> = {};
  const texts: string[] = [];
  for (const { name, about: what } of splits) {
    const rows = await readSplit(`${name}.jsonl`);
    const pairs: [LabelledUtterance, IntentResult][] = [];
    for (const u of rows) pairs.push([u, await own.classify(u.text, u.lang)]);
    const r = evaluate(pairs);
    reports[name] = r;
    texts.push(...rows.map((u) => u.text));
    const lang = (l: string) => round(r.per_language[l]?.accuracy ?? Number.NaN);
    log(`own ${name} (${r.n} utterances; ${what})`);
    log(`  accuracy vi ${lang('vi')} en ${lang('en')} hi ${lang('hi')} ur ${lang('ur')}`);
    log(`  oos recall ${round(r.oos_recall)}, in-scope rejected ${round(r.in_scope_rejected)}`);
    log(`  procedure slot ${round(r.slots.procedure.accuracy)} of ${r.slots.procedure.named} named`);
  }
  await own.close();
  const ownSplit = (name: string) => {
    const r = reports[name];
    if (r === undefined) throw new Error(`no report for ${name}`);
    const lang = (l: string) => round(r.per_language[l]?.accuracy ?? Number.NaN);
    return {
      vi: lang('vi'),
      en: lang('en'),
      hi: lang('hi'),
      ur: lang('ur'),
      oos_recall: round(r.oos_recall),
      in_scope_rejected: round(r.in_scope_rejected),
      in_scope_accuracy: round(r.in_scope_accuracy),
      procedure_slot: round(r.slots.procedure.accuracy),
      counter_slot: round(r.slots.counter.accuracy),
      size: r.n,
    };
  };

  // CLINC150: threshold on val, score on test.
  const data = await readClinc150(clincDir);
  const clinc = await Clinc150Model.load();
  const score = async (split: 'val' | 'test') => {
    const rows = splitRows(data, split);
    const gold = rows.map(([, label]) => clinc.labels.indexOf(label));
    const tops = [];
    for (const [text] of rows) tops.push(await clinc.top(text));
    return { gold, tops };
  };
  const v = await score('val');
  const threshold = bestThreshold(v.gold, v.tops, clinc.oos);
  const t = await score('test');
  const test = clincScores(t.gold, t.tops, clinc.oos, threshold);
  await clinc.session.close();
  const clincBytes = (await stat(join(MODEL_DIR, 'clinc150', 'model.onnx'))).size;
  log('');
  log(`CLINC150 test (threshold ${threshold} chosen on val)   in-scope acc  oos recall`);
  log(
    `  ours (${(clincBytes / 1e6).toFixed(1)} MB ONNX)                      ${(100 * test.in_scope_accuracy).toFixed(1)}         ${(100 * test.oos_recall).toFixed(1)}`,
  );
  for (const [name, [a, o]] of Object.entries(PAPER))
    log(`  ${name.padEnd(38)}${a.toFixed(1)}         ${o.toFixed(1)}   (paper)`);

  // Latency: one utterance per call, full pipeline, after warm-up, in a child pinned to one CPU.
  const tmp = await mkdtemp(join(os.tmpdir(), 'bench-nlu-'));
  const textsFile = join(tmp, 'texts.json');
  await writeFile(textsFile, JSON.stringify([...texts, ...data.test.slice(0, 1500).map(([x]) => x)]));
  const kiosk = measureLatency(repo, pin, 'own', textsFile);
  const clincLatency = measureLatency(repo, pin, 'clinc150', textsFile);
  await rm(tmp, { recursive: true, force: true });
  const ownBytes = (await stat(join(MODEL_DIR, 'model.onnx'))).size;
  const cores = os.cpus().length;
  const pinnedTo = pin.length > 0 ? `CPU ${cpu} (taskset)` : 'no CPU (taskset missing)';
  log('');
  log(
    `classify latency (own model, full pipeline), pinned to ${pinnedTo}, ${kiosk.calls} calls after ${kiosk.warmup}:`,
  );
  log(`  wall clock p50 ${kiosk.p50_ms} ms, p99 ${kiosk.p99_ms} ms, max ${kiosk.max_ms} ms`);
  log(`  CPU time   p50 ${kiosk.cpu_p50_ms} ms, p99 ${kiosk.cpu_p99_ms} ms, max ${kiosk.cpu_max_ms} ms`);
  log(
    `  load average ${kiosk.load_average_before} -> ${kiosk.load_average_after} on ${cores} cores; model ${ownBytes} B`,
  );
  log(`CLINC150 model latency: wall p50 ${clincLatency.p50_ms} ms, p99 ${clincLatency.p99_ms} ms`);

  log('');
  log('baseline: scikit-learn TF-IDF + logistic regression (training it takes a few minutes)...');
  const base = runBaseline(repo, clincDir, pin);
  log(
    `  CLINC150 test: in-scope ${(100 * base.clinc150.in_scope_accuracy).toFixed(1)}, oos recall ${(100 * base.clinc150.oos_recall).toFixed(1)}`,
  );
  const baseOf = (name: string): Rates4 => {
    const r = name === 'validation' ? base.own : base.own.splits[name];
    if (r === undefined) throw new Error(`the baseline did not score ${name}`);
    return r;
  };
  for (const { name } of splits) {
    const r = baseOf(name);
    log(
      `  own ${name}: vi ${round(r.vi)} en ${round(r.en)} hi ${round(r.hi)} ur ${round(r.ur)} oos ${round(r.oos_recall)} rejected ${round(r.in_scope_rejected)}`,
    );
  }
  log(
    `  latency p50 ${round(base.own.latency.p50_ms)} ms, p99 ${round(base.own.latency.p99_ms)} ms (Python, same pinning); size ${base.own.model_bytes} B`,
  );

  const baseRates = (r: Rates4) => ({
    vi: round(r.vi),
    en: round(r.en),
    hi: round(r.hi),
    ur: round(r.ur),
    oos_recall: round(r.oos_recall),
    in_scope_rejected: round(r.in_scope_rejected),
  });
  const summary = {
    clinc150: {
      in_scope_accuracy: round(test.in_scope_accuracy),
      oos_recall: round(test.oos_recall),
      threshold,
      model_bytes: clincBytes,
      classify_p50_ms: clincLatency.p50_ms,
      classify_p99_ms: clincLatency.p99_ms,
    },
    ...Object.fromEntries(splits.map(({ name }) => [keyOf(name), ownSplit(name)])),
    classify_p50_ms: kiosk.p50_ms,
    classify_p99_ms: kiosk.p99_ms,
    classify_cpu_p50_ms: kiosk.cpu_p50_ms,
    classify_cpu_p99_ms: kiosk.cpu_p99_ms,
    latency: {
      pinned_cpu: pin.length > 0 ? cpu : null,
      calls: kiosk.calls,
      warmup: kiosk.warmup,
      max_ms: kiosk.max_ms,
      cpu_max_ms: kiosk.cpu_max_ms,
      cpus_allowed: kiosk.cpus_allowed,
    },
    load_average: kiosk.load_average_before,
    load_average_after: kiosk.load_average_after,
    cores,
    /** More runnable processes than cores while timing: wall clock includes waiting for a core. */
    machine_loaded: Math.max(kiosk.load_average_before, kiosk.load_average_after) > cores,
    model_bytes: ownBytes,
    baseline: {
      name: base.name,
      clinc150: {
        in_scope_accuracy: round(base.clinc150.in_scope_accuracy),
        oos_recall: round(base.clinc150.oos_recall),
        threshold: base.clinc150.threshold,
      },
      ...Object.fromEntries(splits.map(({ name }) => [keyOf(name), baseRates(baseOf(name))])),
      classify_p50_ms: round(base.own.latency.p50_ms),
      classify_p99_ms: round(base.own.latency.p99_ms),
      classify_cpu_p50_ms: round(base.own.latency.cpu_p50_ms),
      classify_cpu_p99_ms: round(base.own.latency.cpu_p99_ms),
      model_bytes: base.own.model_bytes,
    },
    paper: Object.fromEntries(
      Object.entries(PAPER).map(([k, [a, o]]) => [
        k,
        { in_scope_accuracy: round(a / 100), oos_recall: round(o / 100) },
      ]),
    ),
  };
  log(JSON.stringify(summary));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:nlu: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
