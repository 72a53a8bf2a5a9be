import * as ort from 'onnxruntime-node';
import { ClassifierClosedError, ModelInvalidError } from './errors.ts';
import { featureIdsInto, MAX_FEATURES } from './features.ts';

type IdsType = 'int32' | 'int64';

/**
 * One ONNX file made by models/intent/onnx_export.py (input `ids` int32 or int64 [L], one softmax output per
 * head), run by onnxruntime-node on a single thread. Shared by the kiosk classifier and the CLINC150
 * benchmark.
 *
 * Per call it hashes the features straight into a reused typed array (int32 models need no BigInt at all)
 * and hands onnxruntime a view of it. onnxruntime-node runs a session on the next turn of the event loop,
 * so a buffer stays lent to its call until that run has finished; concurrent calls take other buffers from
 * a free list that grows to the largest number of calls ever in flight at once.
 */
export class HashNetSession {
  readonly path: string;
  readonly buckets: number;
  readonly heads: readonly string[];
  readonly idsType: IdsType;
  #session: ort.InferenceSession | undefined;
  readonly #free: Int32Array[] = [];

  private constructor(path: string, buckets: number, session: ort.InferenceSession, idsType: IdsType) {
    this.path = path;
    this.buckets = buckets;
    this.heads = session.outputNames;
    this.idsType = idsType;
    this.#session = session;
  }

  static async create(path: string, buckets: number, heads: readonly string[]): Promise<HashNetSession> {
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(path, {
        // One thread, no inter-op parallelism: the graph is a few small nodes; threads only add hand-offs.
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
        enableCpuMemArena: true,
        enableMemPattern: true,
      });
    } catch (cause) {
      throw new ModelInvalidError(path, 'onnxruntime could not load it', { cause });
    }
    const input = session.inputMetadata.find((m) => m.name === 'ids');
    const idsType = input?.isTensor ? input.type : undefined;
    const missing = heads.filter((h) => !session.outputNames.includes(h));
    if (missing.length > 0 || (idsType !== 'int32' && idsType !== 'int64')) {
      await session.release();
      throw new ModelInvalidError(
        path,
        `expected input 'ids' (int32 or int64) and outputs ${heads.join(', ')}`,
      );
    }
    return new HashNetSession(path, buckets, session, idsType);
  }

  /** Softmax outputs per head for a normalised text that has at least one feature. */
  async run(norm: string): Promise<Record<string, Float32Array>> {
    const session = this.#session;
    if (session === undefined) throw new ClassifierClosedError();
    const buffer = this.#free.pop() ?? new Int32Array(MAX_FEATURES);
    try {
      const n = featureIdsInto(norm, this.buckets, buffer);
      if (n === 0) throw new ModelInvalidError(this.path, 'asked to run on a text without features');
      const ids =
        this.idsType === 'int32'
          ? new ort.Tensor('int32', buffer.subarray(0, n), [n])
          : new ort.Tensor(
              'int64',
              BigInt64Array.from(buffer.subarray(0, n), (i) => BigInt(i)),
              [n],
            );
      const out = await session.run({ ids });
      const result: Record<string, Float32Array> = {};
      for (const head of this.heads) {
        const t = out[head];
        if (t === undefined || !(t.data instanceof Float32Array)) {
          throw new ModelInvalidError(this.path, `output '${head}' is not float32`);
        }
        result[head] = t.data;
      }
      return result;
    } finally {
      this.#free.push(buffer);
    }
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
