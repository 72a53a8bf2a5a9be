import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ModelInvalidError } from './errors.ts';
import { normalise } from './features.ts';
import { argmax, HashNetSession } from './hashnet-session.ts';
import { MODEL_DIR } from './paths.ts';

const dataSchema = z.object({
  train: z.array(z.tuple([z.string(), z.string()])),
  val: z.array(z.tuple([z.string(), z.string()])),
  test: z.array(z.tuple([z.string(), z.string()])),
  oos_val: z.array(z.tuple([z.string(), z.string()])),
  oos_test: z.array(z.tuple([z.string(), z.string()])),
});
export type Clinc150 = z.infer<typeof dataSchema>;
export type Split = 'val' | 'test';

const metaSchema = z.object({ buckets: z.number().int().positive(), labels: z.array(z.string()) });

/** Reads CLINC150's data_full.json (read-only benchmark data, never copied into the repository). */
export async function readClinc150(dir: string): Promise<Clinc150> {
  const path = join(dir, 'data_full.json');
  return dataSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

/** In-scope and out-of-scope utterances of a split, as CLINC150's paper scores them. */
export function splitRows(data: Clinc150, split: Split): [string, string][] {
  return split === 'val' ? [...data.val, ...data.oos_val] : [...data.test, ...data.oos_test];
}

/** The committed CLINC150 model (models/intent/clinc150, trained by train_clinc.py). */
export class Clinc150Model {
  readonly labels: readonly string[];
  readonly session: HashNetSession;
  readonly oos: number;

  private constructor(labels: readonly string[], session: HashNetSession) {
    this.labels = labels;
    this.session = session;
    this.oos = labels.indexOf('oos');
  }

  static async load(dir: string = join(MODEL_DIR, 'clinc150')): Promise<Clinc150Model> {
    const metaPath = join(dir, 'model.json');
    const meta = metaSchema.parse(JSON.parse(await readFile(metaPath, 'utf8')));
    if (!meta.labels.includes('oos')) throw new ModelInvalidError(metaPath, "no 'oos' label");
    return new Clinc150Model(
      meta.labels,
      await HashNetSession.create(join(dir, 'model.onnx'), meta.buckets, ['intent']),
    );
  }

  /** Top label index and its probability; texts without features count as out of scope. */
  async top(text: string): Promise<{ index: number; p: number }> {
    const norm = normalise(text);
    if (norm === '') return { index: this.oos, p: 1 };
    const probs = (await this.session.run(norm)).intent;
    if (probs === undefined) throw new ModelInvalidError(this.session.path, 'no intent output');
    const index = argmax(probs);
    return { index, p: probs[index] ?? 0 };
  }
}

export interface ClincScores {
  accuracy: number;
  in_scope_accuracy: number;
  oos_recall: number;
}

/** Scores top-1 answers at a threshold: below it, an in-scope answer becomes "oos". */
export function clincScores(
  gold: readonly number[],
  tops: readonly { index: number; p: number }[],
  oos: number,
  threshold: number,
): ClincScores {
  let right = 0;
  let inN = 0;
  let inRight = 0;
  let oosN = 0;
  let oosRight = 0;
  for (const [i, g] of gold.entries()) {
    const t = tops[i] ?? { index: oos, p: 1 };
    const pred = t.index !== oos && t.p < threshold ? oos : t.index;
    if (pred === g) right++;
    if (g === oos) {
      oosN++;
      if (pred === oos) oosRight++;
    } else {
      inN++;
      if (pred === g) inRight++;
    }
  }
  return {
    accuracy: right / Math.max(1, gold.length),
    in_scope_accuracy: inRight / Math.max(1, inN),
    oos_recall: oosRight / Math.max(1, oosN),
  };
}

/** The threshold on a 0.01 grid with the best accuracy over the whole validation split (lowest on ties). */
export function bestThreshold(
  gold: readonly number[],
  tops: readonly { index: number; p: number }[],
  oos: number,
) {
  let best = 0;
  let bestAcc = -1;
  for (let k = 0; k < 96; k++) {
    const t = Math.round(k) / 100;
    const acc = clincScores(gold, tops, oos, t).accuracy;
    if (acc > bestAcc + 1e-12) {
      best = t;
      bestAcc = acc;
    }
  }
  return best;
}
