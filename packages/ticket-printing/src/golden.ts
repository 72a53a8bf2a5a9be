import { fileURLToPath } from 'node:url';

/** Where the golden ticket PNGs live (see golden.test.ts and scripts/update-goldens.ts). */
export const GOLDEN_DIR = fileURLToPath(new URL('../test/golden/', import.meta.url));
