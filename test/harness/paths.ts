import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the monorepo (test/harness/../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KIOSK_DIST = path.join(REPO_ROOT, 'apps/kiosk/dist');
