import { SAMPLE_RATE } from '../features/log-mel.ts';
import type { WakeDetection, WakeWordEngine } from './wake-word-engine.ts';

/**
 * Runs an engine over a whole 16 kHz signal, frame by frame. Half a second of silence is appended so a
 * keyword at the very end of a file can finish (the model fires just after a keyword); detection times
 * are capped at the signal's duration.
 */
export async function detectInSignal(
  engine: WakeWordEngine,
  samples: Float32Array,
): Promise<WakeDetection[]> {
  const n = engine.frameLength;
  const total = Math.ceil((samples.length + SAMPLE_RATE / 2) / n) * n;
  const padded = new Float32Array(total);
  padded.set(samples);
  const found: WakeDetection[] = [];
  const duration = samples.length / SAMPLE_RATE;
  for (let at = 0; at < total; at += n) {
    const d = await engine.process(padded.subarray(at, at + n));
    if (d) found.push({ ...d, time: Math.min(d.time, duration) });
  }
  return found;
}
