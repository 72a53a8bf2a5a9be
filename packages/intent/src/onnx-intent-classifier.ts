import type {
  IntentCandidate,
  IntentName,
  IntentResult,
  IntentSlots,
  Language,
  RankedIntents,
} from '@reception/protocol';
import { languageSchema } from '@reception/protocol';
import { extractCounter } from './counter.ts';
import { ClassifierClosedError, ModelInvalidError } from './errors.ts';
import { normalise } from './features.ts';
import { stripVTControlCharacters } from 'node:util';
import { guard, MAX_INPUT_CHARS } from './guards.ts';
import { argmax, HashNetSession } from './hashnet-session.ts';
import type { IntentClassifier } from './intent-classifier.ts';
import { CompiledLexicon } from './lexicon.ts';
import { type ModelFiles, readModelFiles, type SlotStrategy } from './model-files.ts';
import { MODEL_DIR } from './paths.ts';

/** Raw model outputs for one utterance: one probability vector per head. */
export interface HeadProbabilities {
  intent: Float32Array;
  procedure: Float32Array;
  facility: Float32Array;
}

function slotValue(
  strategy: SlotStrategy,
  headMin: number,
  probs: Float32Array,
  labels: readonly string[],
  lexicon: CompiledLexicon,
  norm: string,
): string | undefined {
  const top = argmax(probs);
  const label = labels[top];
  const head = label !== undefined && label !== 'none' && (probs[top] ?? 0) >= headMin ? label : undefined;
  switch (strategy) {
    case 'lexicon':
      return lexicon.match(norm);
    case 'head':
      return head;
    case 'lexicon_then_head':
      return lexicon.match(norm) ?? head;
    case 'head_then_lexicon':
      return head ?? lexicon.match(norm);
    default: {
      const never: never = strategy;
      throw new Error(`unknown slot strategy ${String(never)}`);
    }
  }
}

const HEADS = ['intent', 'procedure', 'facility'] as const;
const OUT_OF_SCOPE: IntentResult = { intent: 'out_of_scope', confidence: 1, slots: {} };

/**
 * The kiosk's text intent model: hashed n-gram features (features.ts) into the ONNX ensemble trained by
 * models/intent/train.py, run by onnxruntime-node on one thread, then the calibrated out-of-scope
 * threshold and the slot rules. Loadable from any Node process: `await OnnxIntentClassifier.load()`.
 */
export class OnnxIntentClassifier implements IntentClassifier {
  readonly files: ModelFiles;
  readonly #session: HashNetSession;
  readonly #lexicon: Record<keyof ModelFiles['lexicon'], CompiledLexicon>;

  private constructor(files: ModelFiles, session: HashNetSession) {
    this.files = files;
    this.#session = session;
    this.#lexicon = {
      procedure: new CompiledLexicon(files.lexicon.procedure),
      facility: new CompiledLexicon(files.lexicon.facility),
      language: new CompiledLexicon(files.lexicon.language),
    };
  }

  /** Loads model.onnx, model.json and lexicon.json from `dir` (default: the committed models/intent). */
  static async load(dir: string = MODEL_DIR): Promise<OnnxIntentClassifier> {
    const files = await readModelFiles(dir);
    const session = await HashNetSession.create(files.onnxPath, files.meta.buckets, HEADS);
    return new OnnxIntentClassifier(files, session);
  }

  /** The three heads' probabilities for a normalised, non-empty text (for evaluation and parity tests). */
  async probabilities(norm: string): Promise<HeadProbabilities> {
    const out = await this.#session.run(norm);
    const read = (name: string): Float32Array => {
      const p = out[name];
      if (p === undefined) throw new ModelInvalidError(this.files.onnxPath, `no output '${name}'`);
      return p;
    };
    return { intent: read('intent'), procedure: read('procedure'), facility: read('facility') };
  }

  async classify(text: string, _lang?: Language): Promise<IntentResult> {
    const r = await this.#infer(text);
    return r === undefined ? { ...OUT_OF_SCOPE, slots: {} } : this.decide(r.norm, r.probs);
  }

  async rank(text: string, _lang?: Language, max = 3): Promise<RankedIntents> {
    const r = await this.#infer(text);
    if (r === undefined) return { result: { ...OUT_OF_SCOPE, slots: {} }, candidates: [] };
    const { norm, probs } = r;
    const { intents } = this.files.meta;
    const order = intents
      .map((intent, i) => ({ intent, p: probs.intent[i] ?? 0 }))
      .filter((c) => c.intent !== 'out_of_scope')
      .sort((a, b) => b.p - a.p)
      .slice(0, Math.max(0, max));
    const candidates: IntentCandidate[] = [];
    for (const { intent, p } of order) {
      if (intent === 'out_of_scope') continue;
      candidates.push({
        intent,
        probability: Math.min(1, Math.max(0, p)),
        slots: this.slots(intent, norm, probs),
      });
    }
    return { result: this.decide(norm, probs), candidates };
  }

  /** Normalised text and model outputs, or undefined for input refused before the model (guards.ts). */
  async #infer(text: string): Promise<{ norm: string; probs: HeadProbabilities } | undefined> {
    if (this.#session.closed) throw new ClassifierClosedError();
    // Checked before normalising, so a 100 kB paste costs nothing.
    if (text.length > MAX_INPUT_CHARS) return undefined;
    // Terminal escape sequences (ESC [ 2 J, colours) are not words: a paste from a terminal would otherwise
    // leave fragments such as "2j" that look like a dossier code. Node's own stripper, before normalising.
    const clean = stripVTControlCharacters(text);
    const norm = normalise(clean);
    if (guard(clean, norm) !== undefined) return undefined;
    return { norm, probs: await this.probabilities(norm) };
  }

  /** Threshold and slot rules on top of the raw probabilities (same rules as models/intent/evaluate.py). */
  decide(norm: string, probs: HeadProbabilities): IntentResult {
    const { meta } = this.files;
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    const oos = meta.intents.indexOf('out_of_scope');
    let top = argmax(probs.intent);
    if (top === oos) {
      const pOos = probs.intent[oos] ?? 0;
      if (pOos >= meta.oos_min) return { intent: 'out_of_scope', confidence: clamp(pOos), slots: {} };
      // The explicit class is unsure: the best in-scope intent is the candidate, still under the threshold.
      top = argmax(probs.intent.map((x, i) => (i === oos ? -1 : x)));
    }
    const p = probs.intent[top] ?? 0;
    const name = meta.intents[top] ?? 'out_of_scope';
    if (name === 'out_of_scope') return { intent: name, confidence: clamp(p), slots: {} };
    if (p < meta.threshold) return { intent: 'out_of_scope', confidence: clamp(1 - p), slots: {} };
    return { intent: name, confidence: clamp(p), slots: this.slots(name, norm, probs) };
  }

  private slots(intent: IntentName, norm: string, probs: HeadProbabilities): IntentSlots {
    const { meta } = this.files;
    const lexicon = this.#lexicon;
    const slots: IntentSlots = {};
    const procedure = slotValue(
      meta.slot_strategy,
      meta.slot_head_min,
      probs.procedure,
      meta.procedures,
      lexicon.procedure,
      norm,
    );
    if (procedure !== undefined && procedure !== 'none')
      slots.procedure = procedure as IntentSlots['procedure'];
    if (intent === 'find_facility') {
      const facility = slotValue(
        meta.slot_strategy,
        meta.slot_head_min,
        probs.facility,
        meta.facilities,
        lexicon.facility,
        norm,
      );
      if (facility !== undefined && facility !== 'none') slots.facility = facility as IntentSlots['facility'];
    }
    const counter = extractCounter(norm);
    if (counter !== undefined) slots.counter = counter;
    if (intent === 'change_language') {
      const language = languageSchema.safeParse(lexicon.language.match(norm));
      if (language.success) slots.language = language.data;
    }
    return slots;
  }

  async close(): Promise<void> {
    await this.#session.close();
  }
}
