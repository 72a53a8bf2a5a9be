/**
 * wakeword CLI (contract in DESIGN.md section 9):
 *   wakeword FILE.wav [--threshold X] [--refractory S]
 *     one JSON line per detection {"time": s, "keyword": "xin_chao_robot"|"hello_robot", "score": x};
 *     any common WAV (8-64 bit, PCM or float, mono or multi-channel, 4-384 kHz) is resampled to 16 kHz mono.
 * Errors: one JSON object {"error":{"code","message"}} on stderr, exit 2 (bad WAV, missing model), 1 usage.
 */
import { parseArgs } from 'node:util';
import { readWav16k } from '../audio/read-wav.ts';
import { OnnxWakeWord } from '../wake/onnx-wake-word.ts';
import { detectInSignal } from '../wake/detect-in-signal.ts';
import { out, parseNumber, round, runCli, UsageError } from './cli-support.ts';

const USAGE = 'usage: wakeword FILE.wav [--threshold X] [--refractory S]';

runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { threshold: { type: 'string' }, refractory: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('give exactly one WAV file');
  const threshold = parseNumber('threshold', values.threshold, 0.01, 1);
  const refractoryS = parseNumber('refractory', values.refractory, 0, 60);
  const audio = await readWav16k(file);
  const engine = await OnnxWakeWord.create({
    ...(threshold === undefined ? {} : { threshold }),
    ...(refractoryS === undefined ? {} : { refractoryS }),
  });
  try {
    for (const d of await detectInSignal(engine, audio.samples)) {
      out({ time: round(d.time, 3), keyword: d.keyword, score: round(d.score, 4) });
    }
  } finally {
    await engine.release();
  }
});
