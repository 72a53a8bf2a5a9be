import { z } from 'zod';
import { EngineReleasedError, ModelLoadError } from '../errors.ts';
import { logMel, N_MELS } from '../features/log-mel.ts';
import { loadMeta, loadSession, ort, requireInputs } from '../onnx.ts';
import { SPEECH_INTENT_MODEL } from '../paths.ts';
import type {
  Language,
  SpeechIntent,
  SpeechIntentResult,
  SpeechIntentSlots,
  SpokenIntent,
} from './speech-intent.ts';

const Meta = z.object({
  intents: z.array(z.string()).min(2),
  procedures: z.array(z.string()).min(1),
  facilities: z.array(z.string()).min(1),
  languages: z.array(z.enum(['vi', 'en', 'hi', 'ur'])).length(4),
  threshold: z.number().min(0).max(1),
  max_frames: z.number().int().positive(),
  min_frames: z.number().int().positive(),
});
type Meta = z.infer<typeof Meta>;

export interface OnnxSpeechIntentOptions {
  modelPath?: string;
  /** Confidence under which the answer is out_of_scope (default: the model's calibrated threshold). */
  threshold?: number;
}

function argmax(a: ArrayLike<number>, from = 0, to = a.length): number {
  let best = from;
  for (let i = from; i < to; i++) if ((a[i] ?? -Infinity) > (a[best] ?? -Infinity)) best = i;
  return best;
}

/** Our speech-intent model (models/speech-intent): log-mel of an utterance -> intent, slots, language. */
export class OnnxSpeechIntent implements SpeechIntent {
  readonly name = 'onnx';
  readonly threshold: number;
  private session: ort.InferenceSession | null;
  private readonly meta: Meta;

  private constructor(session: ort.InferenceSession, meta: Meta, threshold: number) {
    this.session = session;
    this.meta = meta;
    this.threshold = threshold;
  }

  static async create(opts: OnnxSpeechIntentOptions = {}): Promise<OnnxSpeechIntent> {
    const file = opts.modelPath ?? SPEECH_INTENT_MODEL;
    const session = await loadSession(file);
    requireInputs(session, file, ['features']);
    const parsed = Meta.safeParse(await loadMeta(file));
    if (!parsed.success) throw new ModelLoadError('model_invalid', file, `metadata: ${parsed.error.message}`);
    return new OnnxSpeechIntent(session, parsed.data, opts.threshold ?? parsed.data.threshold);
  }

  async recognize(audio: Float32Array): Promise<SpeechIntentResult> {
    const s = this.session;
    if (!s) throw new EngineReleasedError('OnnxSpeechIntent');
    const { max_frames: maxFrames, min_frames: minFrames } = this.meta;
    const feats = logMel(audio);
    // keep the first max_frames (the cap); pad short input with the log floor (silence) to min_frames
    const frames = Math.max(minFrames, Math.min(maxFrames, feats.frames));
    const data = new Float32Array(frames * N_MELS).fill(Math.log(1e-6));
    data.set(feats.data.subarray(0, Math.min(feats.frames, frames) * N_MELS));
    const out = await s.run({ features: new ort.Tensor('float32', data, [1, frames, N_MELS]) });
    const get = (name: string): Float32Array => {
      const d = out[name]?.data;
      if (!(d instanceof Float32Array))
        throw new ModelLoadError('model_invalid', 'speech-intent', `no "${name}" output`);
      return d;
    };
    const intentP = get('intent');
    const lang: Language = this.meta.languages[argmax(get('language'))] ?? 'vi';
    const i = argmax(intentP);
    const best = (this.meta.intents[i] ?? 'out_of_scope') as SpokenIntent;
    const confidence = intentP[i] ?? 0;
    const intent: SpokenIntent = confidence < this.threshold ? 'out_of_scope' : best;
    const slots: SpeechIntentSlots = {};
    if (intent === 'start_procedure' || intent === 'procedure_documents' || intent === 'procedure_fee') {
      const p = get('procedure');
      const k = argmax(p, 1);
      const name = this.meta.procedures[k];
      if (name) slots.procedure = name;
    } else if (intent === 'find_facility') {
      const f = get('facility');
      const name = this.meta.facilities[argmax(f, 1)];
      if (name) slots.facility = name;
    }
    return { intent, confidence, slots, language: lang, best };
  }

  async release(): Promise<void> {
    const s = this.session;
    this.session = null;
    await s?.release();
  }
}
