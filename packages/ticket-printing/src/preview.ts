/**
 * Writes what the printer would print for the demo ward's sample ticket: a 1-bit PNG and its ESC/POS bytes.
 *   npx tsx packages/ticket-printing/src/preview.ts OUT.png [LANGUAGE]   (vi, en, hi or ur; vi by default)
 */
import { writeFileSync } from 'node:fs';
import { languageSchema } from '@reception/protocol';
import { encodeTicket } from './escpos.ts';
import { sampleJob } from './sample-job.ts';
import { layoutTicket } from './ticket-layout.ts';

const [out = 'ticket.png', language = 'vi'] = process.argv.slice(2);
const { job, timeZone } = await sampleJob(languageSchema.parse(language));
const bitmap = layoutTicket(job, timeZone);
writeFileSync(out, bitmap.toPng());
writeFileSync(`${out}.escpos`, encodeTicket(bitmap));
process.stdout.write(`${JSON.stringify({ png: out, width: bitmap.width, height: bitmap.height })}\n`);
