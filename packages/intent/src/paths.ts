import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding `models/` and `packages/`), found from this file. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where the trained model, its metadata and the golden vectors live. */
export const MODEL_DIR = join(REPO_ROOT, 'models', 'intent');

/**
 * The CLINC150 benchmark folder: `$CLINC150_DIR` if given, else the first `shared/benchmarks/clinc150` found
 * beside the repository or one of its parents (a worktree may sit deeper than the main checkout).
 */
export function findClinc150Dir(override: string | undefined): string | undefined {
  if (override !== undefined && override !== '') return override;
  let dir = REPO_ROOT;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, '..', 'shared', 'benchmarks', 'clinc150');
    if (existsSync(join(candidate, 'data_full.json'))) return resolve(candidate);
    dir = dirname(dir);
  }
  return undefined;
}
