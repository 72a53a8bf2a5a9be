import { createRequire } from 'node:module';
import type { Language } from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Paper } from './paper.ts';
import { PAPER_FONT_FACES } from './paper-fonts.ts';
import { DEMO_SITE, sampleJob } from './sample-job.ts';
import { layoutTicket } from './ticket-layout.ts';
import type { PrintJob } from './ticket-printer.ts';

/** Every line `layoutTicket` draws, in order, with the language it was drawn in. */
function printedLines(job: PrintJob, timeZone: string): { text: string; language: Language }[] {
  const lines: { text: string; language: Language }[] = [];
  const text = vi.spyOn(Paper.prototype, 'text');
  try {
    layoutTicket(job, timeZone);
    for (const [t, style] of text.mock.calls) lines.push({ text: t, language: style.language });
  } finally {
    text.mockRestore();
  }
  return lines;
}

async function linesOf(language: Language, change: (job: PrintJob) => PrintJob = (j) => j) {
  const { job, timeZone } = await sampleJob(language);
  return printedLines(change(job), timeZone).map((l) => l.text);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ticket wording (from the i18n catalogue)', () => {
  it('says each line in Vietnamese and English, the citizen’s language first', async () => {
    const vi = await linesOf('vi');
    expect(vi).toContain('SỐ THỨ TỰ / YOUR NUMBER');
    expect(vi).toContain('Quầy: 3 và 4 / Counters: 3 and 4');
    expect(vi).toContain('Có 3 người trước bạn');
    expect(vi).toContain('3 people are ahead of you');
    expect(vi).toContain('Lệ phí: từ 2.000 đồng / Fee: from 2,000 dong');
    expect(vi.indexOf('Chứng thực bản sao từ bản chính')).toBeLessThan(
      vi.indexOf('Certified copy of an original document'),
    );
    const en = await linesOf('en');
    expect(en).toContain('YOUR NUMBER / SỐ THỨ TỰ');
    expect(en.indexOf('Certified copy of an original document')).toBeLessThan(
      en.indexOf('Chứng thực bản sao từ bản chính'),
    );
  });

  it('adds Hindi and Urdu lines before the Vietnamese and English ones', async () => {
    const hi = await linesOf('hi');
    expect(hi.indexOf('आपका नंबर')).toBeLessThan(hi.indexOf('SỐ THỨ TỰ / YOUR NUMBER'));
    expect(hi).toContain('आपसे पहले 3 लोग हैं');
    expect(hi).toContain('काउंटर: 3 और 4');
    expect(hi).toContain('प्राथमिकता: वरिष्ठ नागरिक (60 वर्ष या अधिक)');
    const ur = await linesOf('ur');
    expect(ur).toContain('آپ سے پہلے 3 لوگ ہیں');
    // A text value inside an Urdu message is bidi-isolated (U+2068 … U+2069), so its order holds.
    expect(ur).toContain('متوقع انتظار: \u2068تقریباً 12 منٹ\u2069');
  });

  it('prints the kiosk checklist: each missing paper and where to get it, only when given', async () => {
    const plain = await linesOf('vi');
    expect(plain.some((l) => l.includes('GIẤY TỜ CÒN THIẾU'))).toBe(false);
    const vi = await linesOf('vi', (j) => ({ ...j, missing_documents: [1] }));
    const at = vi.indexOf('GIẤY TỜ CÒN THIẾU / PAPERS STILL MISSING');
    expect(at).toBeGreaterThan(0);
    expect(vi[at + 1]).toMatch(/^• Bản photo cần chứng thực/);
    expect(vi.some((l) => l.startsWith('→ Photo tại góc photocopy gần cửa vào'))).toBe(true);
    expect(at).toBeLessThan(vi.findIndex((l) => l.startsWith('Quét mã để đánh giá')));
    const ur = await linesOf('ur', (j) => ({ ...j, missing_documents: [1, 99] }));
    expect(ur).toContain('کم کاغذات');
    expect(ur).toContain('→ داخلی دروازے کے پاس فوٹو کاپی کونے سے نقلیں بنوائیں');
  });

  it('says 1 minute and 2 minutes, and nobody ahead', async () => {
    const wait = (minutes: number, position: number) =>
      linesOf('en', (j) => ({ ...j, estimated_wait_min: minutes, position }));
    expect(await wait(1, 1)).toEqual(
      expect.arrayContaining(['Estimated wait: about 1 minute', 'Nobody is ahead of you']),
    );
    expect(await wait(2, 2)).toEqual(
      expect.arrayContaining(['Estimated wait: about 2 minutes', '1 person is ahead of you']),
    );
  });

  it('prints the time of issue in the site’s time zone, whatever the machine’s', async () => {
    vi.stubEnv('TZ', 'Pacific/Honolulu');
    // 17:30 UTC on 23 Nov is 00:30 on 24 Nov in Hanoi (and 07:30 on the 23rd in Honolulu).
    const lines = await linesOf('vi', (j) => ({
      ...j,
      ticket: { ...j.ticket, created_at: '2026-11-23T17:30:00.000Z' },
    }));
    expect(lines).toContain('Lấy số lúc 00:30 ngày 24/11/2026');
    expect(lines).toContain('Issued 24/11/2026 at 00:30');
  });

  it('prints the fee of a free service as free, and a fixed fee without "from"', async () => {
    const withFee = (fee: { amount_vnd: number }) =>
      linesOf('vi', (j) => ({
        ...j,
        site: { ...j.site, services: j.site.services.map((s) => ({ ...s, fee })) },
      }));
    expect(await withFee({ amount_vnd: 0 })).toContain('Lệ phí: Miễn phí / Fee: Free');
    expect(await withFee({ amount_vnd: 50_000 })).toContain('Lệ phí: 50.000 đồng / Fee: 50,000 dong');
  });
});

/** Code points of a fontsource subset, from the `unicode.json` its package ships. */
function subsetRanges(fontsource: string, subset: string): [number, number][] {
  const table = createRequire(import.meta.url)(`${fontsource}/unicode.json`) as Record<string, string>;
  const ranges = table[subset];
  if (!ranges) throw new Error(`${fontsource} has no subset ${subset}`);
  return ranges.split(',').map((r) => {
    const [from = '', to = from] = r.replace('U+', '').split('-');
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

describe('bundled fonts cover every printed character', () => {
  const ranges = PAPER_FONT_FACES.flatMap((f) => subsetRanges(f.fontsource, f.subset));
  const covered = (cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);
  const uncovered = (text: string) =>
    Array.from(text.normalize('NFC'), (c) => c.codePointAt(0) ?? 0)
      .filter((cp) => !covered(cp))
      .map((cp) => `U+${cp.toString(16)}`);

  it.each(['vi', 'en', 'hi', 'ur'] as const)(
    '%s ticket: no character falls back to an installed font',
    async (l) => {
      const { job, timeZone } = await sampleJob(l);
      for (const { text } of printedLines(job, timeZone)) expect(uncovered(text), text).toEqual([]);
    },
  );

  it('every service, priority class and the centre name of the demo site, in every language', async () => {
    const { site } = await loadSite(DEMO_SITE);
    const texts = [
      site.name,
      ...site.services.map((s) => s.name),
      ...site.priority.classes.map((c) => c.name),
    ];
    for (const t of texts) for (const text of Object.values(t)) expect(uncovered(text), text).toEqual([]);
  });
});
