import { SAMPLE_RATE } from '../features/log-mel.ts';
import { detectInSignal } from './detect-in-signal.ts';
import { Detector } from './detector.ts';
import { OnnxWakeWord } from './onnx-wake-word.ts';
import { KEYWORDS, type Keyword, type WakeDetection, type WakeThreshold } from './wake-word-engine.ts';

/** Our engine's keyword scores after every evaluation of a signal: what any detection rule can be replayed on. */
export interface ScoreTrace {
  /** End of the audio each evaluation saw, in seconds. */
  time: Float64Array;
  /** scores[i][j]: KEYWORDS[i] at time[j]. */
  scores: [Float32Array, Float32Array];
}

/**
 * Runs our wake word model over a whole 16 kHz signal (as `detectInSignal` does, so the times line up with
 * the engine's) and keeps every evaluation's scores. `cpuMs` and `wallMs`: what the run
 * took (process CPU time, elapsed).
 */
export async function traceSignal(
  samples: Float32Array,
  modelPath?: string,
): Promise<{
  trace: ScoreTrace;
  seconds: number;
  cpuMs: number;
  wallMs: number;
  threshold: WakeThreshold;
  minConsecutive: number;
}> {
  const time: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const engine = await OnnxWakeWord.create({
    ...(modelPath === undefined ? {} : { modelPath }),
    onScores: (s, t) => {
      time.push(t);
      a.push(s[0] ?? 0);
      b.push(s[1] ?? 0);
    },
  });
  let cpuMs: number;
  let wallMs: number;
  try {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await detectInSignal(engine, samples);
    wallMs = performance.now() - w0;
    const c = process.cpuUsage(c0);
    cpuMs = (c.user + c.system) / 1000;
  } finally {
    await engine.release();
  }
  return {
    trace: { time: Float64Array.from(time), scores: [Float32Array.from(a), Float32Array.from(b)] },
    seconds: samples.length / SAMPLE_RATE,
    cpuMs,
    wallMs,
    threshold: engine.threshold,
    minConsecutive: engine.minConsecutive,
  };
}

/**
 * The detections a rule (threshold, consecutive hits, refractory period) would have made on a recorded
 * trace: the engine's own `Detector`, replayed, so a threshold chosen here behaves the same live.
 */
export function replayTrace(
  trace: ScoreTrace,
  threshold: WakeThreshold,
  refractoryS: number,
  minConsecutive = 1,
): WakeDetection[] {
  const detector = new Detector(KEYWORDS, { threshold, refractoryS, minConsecutive });
  const out: WakeDetection[] = [];
  const scores = new Float32Array(2);
  for (let i = 0; i < trace.time.length; i++) {
    scores[0] = trace.scores[0][i] ?? 0;
    scores[1] = trace.scores[1][i] ?? 0;
    const d = detector.update(scores, trace.time[i] ?? 0);
    if (d) out.push(d);
  }
  return out;
}

/**
 * The same trace without the evaluations where no keyword reaches `floor`: replaying any threshold at or
 * above `floor` on it gives the same detections (each dropped stretch is kept as one all-zero evaluation,
 * so a run of consecutive hits still breaks there). A lobby's hours shrink to its few loud moments.
 */
export function compressTrace(trace: ScoreTrace, floor: number): ScoreTrace {
  const time: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  let gap = false;
  for (let i = 0; i < trace.time.length; i++) {
    const s0 = trace.scores[0][i] ?? 0;
    const s1 = trace.scores[1][i] ?? 0;
    const t = trace.time[i] ?? 0;
    if (s0 >= floor || s1 >= floor) {
      time.push(t);
      a.push(s0);
      b.push(s1);
      gap = false;
    } else if (!gap) {
      time.push(t);
      a.push(0);
      b.push(0);
      gap = true;
    }
  }
  return { time: Float64Array.from(time), scores: [Float32Array.from(a), Float32Array.from(b)] };
}

/** The trace as an engine listening for `keywords` only sees it: the other keywords' scores are zero. */
export function listenOnly(trace: ScoreTrace, keywords: readonly Keyword[]): ScoreTrace {
  const none = new Float32Array(trace.time.length);
  const [a, b] = trace.scores;
  return {
    time: trace.time,
    scores: [keywords.includes('xin_chao_robot') ? a : none, keywords.includes('hello_robot') ? b : none],
  };
}
