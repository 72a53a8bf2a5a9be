import { writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LANGUAGES } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { Bitmap } from './bitmap.ts';
import { GOLDEN_DIR } from './golden.ts';
import { sampleJob } from './sample-job.ts';
import { layoutTicket } from './ticket-layout.ts';

/**
 * Golden raster tests: the demo ticket in each language, printed through the one text path, must match
 * the committed 1-bit PNG dot for dot. After an intended change (layout, wording, fonts, renderer
 * version): `npm run goldens -w @reception/ticket-printing`, look at every PNG, commit them.
 */
describe('golden tickets', () => {
  it.each(LANGUAGES)('%s ticket matches its golden PNG dot for dot', async (language) => {
    const { job, timeZone } = await sampleJob(language);
    const actual = layoutTicket(job, timeZone);
    const golden = Bitmap.fromPng(readFileSync(path.join(GOLDEN_DIR, `${language}.png`)));
    const differing = golden.diff(actual);
    let saved = '';
    if (differing > 0) {
      saved = path.join(tmpdir(), `ticket-${language}.actual.png`);
      writeFileSync(saved, actual.toPng());
    }
    expect(differing, `${differing} dots differ; this run printed ${saved}`).toBe(0);
    expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
  });
});
