/**
 * Rewrites the golden ticket PNGs (test/golden/LANGUAGE.png) from the current layout, fonts and renderer:
 *   npm run goldens -w @reception/ticket-printing
 * Run it only after an intended change, look at every PNG, and commit them with the change.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from '@reception/protocol';
import { GOLDEN_DIR } from '../src/golden.ts';
import { sampleJob } from '../src/sample-job.ts';
import { layoutTicket } from '../src/ticket-layout.ts';

for (const language of LANGUAGES) {
  const { job, timeZone } = await sampleJob(language);
  const bitmap = layoutTicket(job, timeZone);
  const png = bitmap.toPng();
  const file = path.join(GOLDEN_DIR, `${language}.png`);
  writeFileSync(file, png);
  process.stdout.write(
    `${JSON.stringify({ file, width: bitmap.width, height: bitmap.height, bytes: png.length })}\n`,
  );
}
