import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** test/artifacts/ (ignored by git): screenshots, logs and recordings a test leaves for a human to look at. */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test/artifacts');

/** Absolute path of an artifact, creating its folder. `name` may contain sub-folders. */
export function artifactPath(name: string): string {
  const file = path.resolve(ARTIFACTS_DIR, name);
  if (!file.startsWith(ARTIFACTS_DIR + path.sep))
    throw new Error(`artifact name escapes ${ARTIFACTS_DIR}: ${name}`);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
