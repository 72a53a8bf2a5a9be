/**
 * Scores a speech-intent model on the *dev* utterances (models/speech-intent/gen_eval.py --split dev: dev
 * voices, training noises) with the engine the kiosk runs and the bench's scoring, to compare candidates
 * before one is adopted; eval stays for bench:voice. One JSON line.
 *
 *   npx tsx packages/voice/scripts/score-speech-intent.ts [MODEL.onnx] [DIR]
 *   (defaults: the committed model; models/speech-intent/.cache/dev)
 */
import { join } from 'node:path';
import { readWav16k } from '../src/audio/read-wav.ts';
import { OnnxSpeechIntent } from '../src/intent/onnx-speech-intent.ts';
import { MODELS_DIR, SPEECH_INTENT_MODEL } from '../src/paths.ts';
import { readJson, type Utterance } from '../bench/eval-set.ts';
import { scoreUtterances } from '../bench/intent-eval.ts';

const model = process.argv[2] ?? SPEECH_INTENT_MODEL;
const dir = process.argv[3] ?? join(MODELS_DIR, 'speech-intent', '.cache', 'dev');
const { samples } = await readWav16k(join(dir, 'utterances.wav'));
const { items } = readJson<{ items: Utterance[] }>(join(dir, 'utterances.json'));
const intent = await OnnxSpeechIntent.create({ modelPath: model });
const scores = await scoreUtterances(intent, samples, items);
await intent.release();
process.stdout.write(`${JSON.stringify({ model, threshold: intent.threshold, ...scores })}\n`);
