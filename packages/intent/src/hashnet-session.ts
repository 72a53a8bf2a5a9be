import * as ort from 'onnxruntime-node';
import { ClassifierClosedError, ModelInvalidError } from './errors.ts';
import { featureIds } from './features.ts';

/**
 * One ONNX file made by models/intent/onnx_export.py (input `ids` int64 [L], one softmax output per head),
 * run by onnxruntime-node on a single thread. Shared by the kiosk classifier and the CLINC150 benchmark.
 */
export class HashNetSession {
  readonly path: string;
  readonly buckets: number;
  readonly heads: readonly string[];
  #session: ort.InferenceSession | undefined;

  private constructor(path: string, buckets: number, session: ort.InferenceSession) {
    this.path = path;
    this.buckets = buckets;
    this.heads = session.outputNames;
    this.#session = session;
  }

  static async create(path: string, buckets: number, heads: readonly string[]): Promise<HashNetSession> {
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(path, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
    } catch (cause) {
      throw new ModelInvalidError(path, 'onnxruntime could not load it', { cause });
    }
    const missing = heads.filter((h) => !session.outputNames.includes(h));
    if (missing.length > 0 || !session.inputNames.includes('ids')) {
      await session.release();
      throw new ModelInvalidError(path, `expected input 'ids' and outputs ${heads.join(', ')}`);
    }
    return new HashNetSession(path, buckets, session);
  }

  /** Softmax outputs per head for a normalised text that has at least one feature. */
  async run(norm: string): Promise<Record<string, Float32Array>> {
    const session = this.#session;
    if (session === undefined) throw new ClassifierClosedError();
    const ids = featureIds(norm, this.buckets);
    if (ids.length === 0) throw new ModelInvalidError(this.path, 'asked to run on a text without features');
    const tensor = new ort.Tensor(
      'int64',
      BigInt64Array.from(ids, (i) => BigInt(i)),
      [ids.length],
    );
    const out = await session.run({ ids: tensor });
    const result: Record<string, Float32Array> = {};
    for (const head of this.heads) {
      const t = out[head];
      if (t === undefined || !(t.data instanceof Float32Array)) {
        throw new ModelInvalidError(this.path, `output '${head}' is not float32`);
      }
      result[head] = t.data;
    }
    return result;
  }

  get closed(): boolean {
    return this.#session === undefined;
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    await session?.release();
  }
}

/** Index of the largest entry. */
export function argmax(p: Float32Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
  return best;
}
