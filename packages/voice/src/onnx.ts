import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ort from 'onnxruntime-node';
import { ModelLoadError } from './errors.ts';

export { ort };

/** One CPU thread, sequential: the kiosk shares its cores with the UI and the browser. */
export async function loadSession(file: string): Promise<ort.InferenceSession> {
  if (!existsSync(file)) throw new ModelLoadError('model_missing', file, 'model file not found');
  try {
    return await ort.InferenceSession.create(file, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (e) {
    throw new ModelLoadError('model_invalid', file, `onnxruntime cannot load it: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

/** Reads the JSON metadata written beside a model (`x.onnx` -> `x.json`). */
export async function loadMeta(file: string): Promise<unknown> {
  const metaFile = file.replace(/\.onnx$/, '.json');
  try {
    return JSON.parse(await readFile(metaFile, 'utf8')) as unknown;
  } catch (e) {
    throw new ModelLoadError(
      'model_invalid',
      metaFile,
      `cannot read the model metadata: ${(e as Error).message}`,
    );
  }
}

export function requireInputs(session: ort.InferenceSession, file: string, names: readonly string[]): void {
  for (const n of names) {
    if (!session.inputNames.includes(n)) {
      throw new ModelLoadError(
        'model_invalid',
        file,
        `model has no input "${n}" (has ${session.inputNames.join(', ')})`,
      );
    }
  }
}
