/**
 * Render time per ticket through the one text path, per language, and a baseline in the same run: the
 * same work without text (blank canvas, 1-bit conversion, QR-size raster, ESC/POS encoding).
 *   npm run -s bench:render -w @reception/ticket-printing
 * Prints one JSON object: milliseconds, p50 and p90 over RUNS tickets after WARMUP, and each language's
 * first ticket (the very first one also loads the fonts).
 */
import { LANGUAGES } from '@reception/protocol';
import { encodeTicket } from '../src/escpos.ts';
import { Paper } from '../src/paper.ts';
import { sampleJob } from '../src/sample-job.ts';
import { layoutTicket, PAPER_DOTS } from '../src/ticket-layout.ts';

const RUNS = 40;
const WARMUP = 5;

function timings(run: () => unknown): { p50: number; p90: number } {
  for (let i = 0; i < WARMUP; i++) run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    run();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p90: at(0.9) };
}

const result: Record<string, unknown> = { runs: RUNS, node: process.version };
const heights: Record<string, number> = {};
const firstTicketMs: Record<string, number> = {};
for (const language of LANGUAGES) {
  const { job, timeZone } = await sampleJob(language);
  const cold = performance.now();
  heights[language] = layoutTicket(job, timeZone).height;
  // The first ticket of the process also loads the renderer's fonts (vi comes first).
  firstTicketMs[language] = Math.round((performance.now() - cold) * 10) / 10;
  result[language] = timings(() => encodeTicket(layoutTicket(job, timeZone)));
}
const tallest = Math.max(...Object.values(heights));
result.baseline_no_text = timings(() => {
  const paper = new Paper(PAPER_DOTS, 2400);
  paper.fillRect(200, 100, 185, 185);
  return encodeTicket(paper.toBitmap(tallest));
});
result.heights = heights;
result.first_ticket_ms = firstTicketMs;
process.stdout.write(`${JSON.stringify(result)}\n`);
