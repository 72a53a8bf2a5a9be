/**
 * bench:nlu — the kiosk's intent model on its own validation split, the same architecture on CLINC150
 * (threshold chosen on val, scored on test), latency and size, and a scikit-learn TF-IDF + logistic
 * regression baseline trained and scored on the same data in the same run. Every number is measured here.
 * Last line: one JSON object (keys in packages/intent/README.md).
 */
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { IntentResult, LabelledUtterance } from '@reception/protocol';
import { bestThreshold, Clinc150Model, clincScores, readClinc150, splitRows } from '../src/clinc150.ts';
import { evaluate } from '../src/evaluate.ts';
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
const WARMUP = 300;
const TIMED = 3000;
const log = (s: string) => process.stdout.write(`${s}\n`);
const round = (x: number, d = 4) => Number(x.toFixed(d));

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * Wall-clock time per call (what a citizen waits) and CPU time per call (process.cpuUsage, all threads: what
 * the model costs, less sensitive to other processes competing for the same cores).
 */
async function timeCalls(texts: readonly string[], call: (t: string) => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await call(texts[i % texts.length] ?? '');
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < TIMED; i++) {
    const text = texts[i % texts.length] ?? '';
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await call(text);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: round(percentile(ms, 0.5), 4),
    p99: round(percentile(ms, 0.99), 4),
    cpu_p50: round(percentile(cpu, 0.5), 4),
    cpu_p99: round(percentile(cpu, 0.99), 4),
  };
}

/** Accuracy per language and the out-of-scope rates, as baseline.py reports them. */
type Rates4 = Record<
  'vi' | 'en' | 'hi' | 'ur' | 'oos_recall' | 'in_scope_rejected' | 'in_scope_accuracy',
  number
>;

interface Baseline {
  name: string;
  own: Rates4 & {
    test: Rates4;
    model_bytes: number;
    latency: { p50_ms: number; p99_ms: number };
  };
  clinc150: { in_scope_accuracy: number; oos_recall: number; model_bytes: number; threshold: number };
}

function runBaseline(repo: string, clincDir: string): Baseline {
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const r = spawnSync(python, [join(repo, 'models', 'intent', 'baseline.py')], {
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

async function main(): Promise<void> {
  const clincDir = findClinc150Dir(process.env.CLINC150_DIR);
  if (clincDir === undefined) throw new Error('CLINC150 not found: set CLINC150_DIR to the clinc150 folder');
  const repo = join(MODEL_DIR, '..', '..');

  // Own model on the hand-written validation split.
  const own = await OnnxIntentClassifier.load();
  const valLines = (await readFile(join(MODEL_DIR, 'data', 'validation.jsonl'), 'utf8')).split('\n');
  const val: LabelledUtterance[] = valLines
    .filter((l) => l.trim() !== '')
    .map((l, i) => parseLabelledLine(l, i + 1));
  const pairs: [LabelledUtterance, IntentResult][] = [];
  for (const u of val) pairs.push([u, await own.classify(u.text, u.lang)]);
  const report = evaluate(pairs);
  const lang = (l: string) => round(report.per_language[l]?.accuracy ?? Number.NaN);
  log(`own validation (${report.n} hand-written utterances), threshold ${own.files.meta.threshold}`);
  log(`  accuracy vi ${lang('vi')} en ${lang('en')} hi ${lang('hi')} ur ${lang('ur')}`);
  log(`  oos recall ${round(report.oos_recall)}, in-scope rejected ${round(report.in_scope_rejected)}`);
  log(`  procedure slot ${round(report.slots.procedure.accuracy)} of ${report.slots.procedure.named} named`);

  // The held-out test split, scored once per run like the validation split.
  const testLines = (await readFile(join(MODEL_DIR, 'data', 'test.jsonl'), 'utf8')).split('\n');
  const heldOut = testLines.filter((l) => l.trim() !== '').map((l, i) => parseLabelledLine(l, i + 1));
  const testPairs: [LabelledUtterance, IntentResult][] = [];
  for (const u of heldOut) testPairs.push([u, await own.classify(u.text, u.lang)]);
  const testReport = evaluate(testPairs);
  const tlang = (l: string) => round(testReport.per_language[l]?.accuracy ?? Number.NaN);
  log(`own held-out test (${testReport.n} utterances, never used for any decision)`);
  log(`  accuracy vi ${tlang('vi')} en ${tlang('en')} hi ${tlang('hi')} ur ${tlang('ur')}`);
  log(
    `  oos recall ${round(testReport.oos_recall)}, in-scope rejected ${round(testReport.in_scope_rejected)}`,
  );

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
  const clincBytes = (await stat(join(MODEL_DIR, 'clinc150', 'model.onnx'))).size;
  log('');
  log(`CLINC150 test (threshold ${threshold} chosen on val)   in-scope acc  oos recall`);
  log(
    `  ours (${(clincBytes / 1e6).toFixed(1)} MB ONNX)                      ${(100 * test.in_scope_accuracy).toFixed(1)}         ${(100 * test.oos_recall).toFixed(1)}`,
  );
  for (const [name, [a, o]] of Object.entries(PAPER))
    log(`  ${name.padEnd(38)}${a.toFixed(1)}         ${o.toFixed(1)}   (paper)`);

  // Latency after warm-up, one onnxruntime thread, one utterance per call.
  const texts = [...val.map((u) => u.text), ...data.test.slice(0, 1500).map(([x]) => x)];
  const load = os.loadavg()[0] ?? Number.NaN;
  const kiosk = await timeCalls(texts, (x) => own.classify(x));
  const clincLatency = await timeCalls(texts, (x) => clinc.top(x));
  const ownBytes = (await stat(join(MODEL_DIR, 'model.onnx'))).size;
  log('');
  log(`classify latency (own model, full pipeline), wall clock: p50 ${kiosk.p50} ms, p99 ${kiosk.p99} ms`);
  log(`  CPU time per call: p50 ${kiosk.cpu_p50} ms, p99 ${kiosk.cpu_p99} ms`);
  log(`  load average ${load.toFixed(1)} on ${os.cpus().length} cores; model ${ownBytes} B`);
  log(`CLINC150 model latency: p50 ${clincLatency.p50} ms, p99 ${clincLatency.p99} ms`);
  await own.close();
  await clinc.session.close();

  log('');
  log('baseline: scikit-learn TF-IDF + logistic regression (training it takes a few minutes)...');
  const base = runBaseline(repo, clincDir);
  log(
    `  CLINC150 test: in-scope ${(100 * base.clinc150.in_scope_accuracy).toFixed(1)}, oos recall ${(100 * base.clinc150.oos_recall).toFixed(1)}`,
  );
  log(
    `  own: vi ${round(base.own.vi)} en ${round(base.own.en)} hi ${round(base.own.hi)} ur ${round(base.own.ur)} oos ${round(base.own.oos_recall)} rejected ${round(base.own.in_scope_rejected)}`,
  );
  log(
    `  latency p50 ${round(base.own.latency.p50_ms)} ms, p99 ${round(base.own.latency.p99_ms)} ms (Python); size ${base.own.model_bytes} B`,
  );

  const summary = {
    clinc150: {
      in_scope_accuracy: round(test.in_scope_accuracy),
      oos_recall: round(test.oos_recall),
      threshold,
      model_bytes: clincBytes,
      classify_p50_ms: clincLatency.p50,
      classify_p99_ms: clincLatency.p99,
    },
    own: {
      vi: lang('vi'),
      en: lang('en'),
      hi: lang('hi'),
      ur: lang('ur'),
      oos_recall: round(report.oos_recall),
      in_scope_rejected: round(report.in_scope_rejected),
      in_scope_accuracy: round(report.in_scope_accuracy),
      procedure_slot: round(report.slots.procedure.accuracy),
      counter_slot: round(report.slots.counter.accuracy),
      validation_size: report.n,
    },
    own_test: {
      vi: tlang('vi'),
      en: tlang('en'),
      hi: tlang('hi'),
      ur: tlang('ur'),
      oos_recall: round(testReport.oos_recall),
      in_scope_rejected: round(testReport.in_scope_rejected),
      procedure_slot: round(testReport.slots.procedure.accuracy),
      test_size: testReport.n,
    },
    classify_p50_ms: kiosk.p50,
    classify_p99_ms: kiosk.p99,
    classify_cpu_p50_ms: kiosk.cpu_p50,
    classify_cpu_p99_ms: kiosk.cpu_p99,
    load_average: round(load, 2),
    model_bytes: ownBytes,
    baseline: {
      name: base.name,
      clinc150: {
        in_scope_accuracy: round(base.clinc150.in_scope_accuracy),
        oos_recall: round(base.clinc150.oos_recall),
        threshold: base.clinc150.threshold,
      },
      own: {
        vi: round(base.own.vi),
        en: round(base.own.en),
        hi: round(base.own.hi),
        ur: round(base.own.ur),
        oos_recall: round(base.own.oos_recall),
        in_scope_rejected: round(base.own.in_scope_rejected),
      },
      own_test: {
        vi: round(base.own.test.vi),
        en: round(base.own.test.en),
        hi: round(base.own.test.hi),
        ur: round(base.own.test.ur),
        oos_recall: round(base.own.test.oos_recall),
        in_scope_rejected: round(base.own.test.in_scope_rejected),
      },
      classify_p50_ms: round(base.own.latency.p50_ms),
      classify_p99_ms: round(base.own.latency.p99_ms),
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
