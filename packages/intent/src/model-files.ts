import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FACILITY_IDS, INTENTS, PROCEDURE_IDS } from '@reception/protocol';
import { z } from 'zod';
import { ModelInvalidError, ModelMissingError } from './errors.ts';
import type { Lexicon } from './lexicon.ts';

/** How the procedure and facility slots combine the model's slot heads with the lexicon. */
export const SLOT_STRATEGIES = ['lexicon', 'head', 'lexicon_then_head', 'head_then_lexicon'] as const;
export type SlotStrategy = (typeof SLOT_STRATEGIES)[number];

const modelMetaSchema = z.object({
  version: z.string(),
  buckets: z.number().int().positive(),
  intents: z.array(z.enum(INTENTS)),
  procedures: z.array(z.union([z.literal('none'), z.enum(PROCEDURE_IDS)])),
  facilities: z.array(z.union([z.literal('none'), z.enum(FACILITY_IDS)])),
  threshold: z.number().min(0).max(1),
  /** The explicit `out_of_scope` class answers only at or above this probability (else the best in-scope intent). */
  oos_min: z.number().min(0).max(1).default(0),
  slot_strategy: z.enum(SLOT_STRATEGIES),
  /** A slot head's answer counts only at or above this probability. */
  slot_head_min: z.number().min(0).max(1),
  model_bytes: z.number().int().positive(),
});
export type ModelMeta = z.infer<typeof modelMetaSchema>;

const lexiconSchema = z.object({
  procedure: z.record(z.enum(PROCEDURE_IDS), z.array(z.string())),
  facility: z.record(z.enum(FACILITY_IDS), z.array(z.string())),
  language: z.record(z.string(), z.array(z.string())),
});

/** Everything a model directory holds besides the ONNX bytes. */
export interface ModelFiles {
  dir: string;
  onnxPath: string;
  meta: ModelMeta;
  lexicon: { procedure: Lexicon; facility: Lexicon; language: Lexicon };
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ModelMissingError(path, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ModelInvalidError(path, 'not JSON', { cause });
  }
}

/** Reads and validates model.json and lexicon.json of a model directory (models/intent by default). */
export async function readModelFiles(dir: string): Promise<ModelFiles> {
  const metaPath = join(dir, 'model.json');
  const meta = modelMetaSchema.safeParse(await readJson(metaPath));
  if (!meta.success) throw new ModelInvalidError(metaPath, z.prettifyError(meta.error));
  if (meta.data.intents.length !== INTENTS.length || !meta.data.intents.includes('out_of_scope')) {
    throw new ModelInvalidError(metaPath, 'intent labels do not match the 20 intents of DESIGN.md');
  }
  const lexPath = join(dir, 'lexicon.json');
  const lexicon = lexiconSchema.safeParse(await readJson(lexPath));
  if (!lexicon.success) throw new ModelInvalidError(lexPath, z.prettifyError(lexicon.error));
  return { dir, onnxPath: join(dir, 'model.onnx'), meta: meta.data, lexicon: lexicon.data };
}
