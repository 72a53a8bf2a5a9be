import { translator, type Translator } from '@reception/i18n';
import { documentHelp, documentText, type Language, type Translated } from '@reception/protocol';
import QRCode from 'qrcode';
import type { Bitmap } from './bitmap.ts';
import { Paper, type TextStyle } from './paper.ts';
import type { PrintJob } from './ticket-printer.ts';

/** 80 mm paper at 203 dpi: 576 printable dots per line. */
export const PAPER_DOTS = 576;
const MARGIN = 16;
/** The tallest ticket drawn; the bitmap is cut to what was used. */
const MAX_HEIGHT = 2400;
const NUMBER_SIZE = 150;
const QR_MODULE = 5;

/** Printed on every ticket: Vietnamese for the office, English for everyone else. */
const ALWAYS: readonly Language[] = ['vi', 'en'];

/** Languages on the paper, in order: the citizen's own first (when known), then Vietnamese and English. */
export function paperLanguages(language: Language | null): Language[] {
  return [...new Set<Language>([...(language ? [language] : []), ...ALWAYS])];
}

/** A site text in `language`, or in Vietnamese (every site text has it) when that one is missing. */
function named(text: Translated, language: Language, fallback: string): string {
  return text[language] ?? text.vi ?? fallback;
}

/**
 * The paper ticket as a 1-bit bitmap: centre name, the number large, service, counters, people ahead,
 * estimated wait, fee, priority class, time of issue in the site's time zone, and a QR code of the rating
 * link (it carries the ticket id). Every fixed word comes from the i18n catalogue (`ticket.*`, `common.*`).
 * Each line is said in the paper languages (`paperLanguages`): the citizen's language on its own line when
 * it is not Vietnamese or English, then Vietnamese and English side by side when they fit. Drawn as an
 * image, so no printer code page is needed.
 */
export function layoutTicket(job: PrintJob, timeZone: string, width = PAPER_DOTS): Bitmap {
  const paper = new Paper(width, MAX_HEIGHT);
  const column = width - 2 * MARGIN;
  const languages = paperLanguages(job.ticket.language);
  const own = languages.filter((l) => !ALWAYS.includes(l));
  let y = 8;

  /** Draws `text` wrapped and centred below the previous line, spaced by its real ink. */
  const line = (text: string, style: TextStyle, gap = 0.25) => {
    for (const part of paper.wrap(text, style, column)) {
      const ink = paper.measure(part, style);
      // At least the room of a Vietnamese letter with stacked marks, so Latin lines are evenly spaced;
      // Nastaliq, which reaches far above and below, gets the room its ink takes.
      y += Math.round(Math.max(ink.ascent, 0.9 * style.sizePx) + 0.05 * style.sizePx);
      paper.text(part, style, width / 2, y);
      y += Math.round(Math.max(ink.descent, 0.24 * style.sizePx) + gap * style.sizePx);
    }
  };
  /** One thing said in every paper language (`words` gets each language's translator). */
  const say = (words: (t: Translator) => string, sizePx: number, gap?: number) => {
    for (const language of own) line(words(translator(language, timeZone)), { sizePx, language }, gap);
    const [first, second] = languages
      .filter((l) => ALWAYS.includes(l))
      .map((language) => ({ language, text: words(translator(language, timeZone)) }));
    if (!first || !second) return;
    const style = { sizePx, language: first.language };
    const joined = first.text === second.text ? first.text : `${first.text} / ${second.text}`;
    if (paper.measure(joined, style).width <= column) line(joined, style, gap);
    else for (const { language, text } of [first, second]) line(text, { sizePx, language }, gap);
  };
  const rule = () => {
    y += 6;
    for (let x = MARGIN; x < width - MARGIN; x += 12) paper.fillRect(x, y, 7, 2);
    y += 10;
  };

  const { ticket, site } = job;
  const service = site.services.find((s) => s.id === ticket.service_id);
  line(named(site.name, 'vi', site.id), { sizePx: 26, language: 'vi' });
  rule();
  say((t) => t.t('ticket.your_number'), 22, 0);
  // The number as large as fits, spaced by its own ink (digits and capitals reach no lower than the line).
  const fit = paper.measure(ticket.number, { sizePx: NUMBER_SIZE, language: 'en' }).width;
  const number = {
    sizePx: Math.min(NUMBER_SIZE, Math.floor((NUMBER_SIZE * column) / fit)),
    language: 'en' as const,
  };
  const numberInk = paper.measure(ticket.number, number);
  y += Math.round(numberInk.ascent + 16);
  paper.text(ticket.number, number, width / 2, y);
  y += Math.round(numberInk.descent + 12);
  const serviceNames = new Map<string, Language>();
  for (const language of languages) {
    const name = service ? named(service.name, language, service.id) : ticket.service_id;
    if (!serviceNames.has(name)) serviceNames.set(name, service?.name[language] ? language : 'vi');
  }
  [...serviceNames].forEach(([name, language], i) => line(name, { sizePx: i === 0 ? 28 : 20, language }));
  rule();
  const counters = job.counters.map(String);
  say((t) => t.t('ticket.counters', { count: counters.length, numbers: t.list(counters) }), 28, 0.15);
  const ahead = Math.max(0, job.position - 1);
  say((t) => t.t('common.people_ahead', { count: ahead }), 24, 0.15);
  const minutes = job.estimated_wait_min;
  say((t) => t.t('ticket.estimated_wait', { about: t.t('common.minutes_about', { minutes }) }), 24, 0.15);
  if (service) {
    const { amount_vnd, note } = service.fee;
    say(
      (t) => t.t(note && amount_vnd > 0 ? 'ticket.fee_from' : 'ticket.fee', { fee: t.money(amount_vnd) }),
      22,
      0.15,
    );
  }
  const cls = site.priority_classes.find((c) => c.id === ticket.priority_class);
  if (ticket.priority_class)
    say(
      (t) =>
        t.t('ticket.priority', { name: cls ? named(cls.name, t.language, cls.id) : ticket.priority_class }),
      24,
      0.15,
    );
  say((t) => t.t('ticket.issued_at', { when: new Date(ticket.created_at) }), 20);
  rule();
  // The kiosk's checklist: each missing paper, then where to get it, in the paper languages.
  const missing = (job.missing_documents ?? []).flatMap((i) => service?.required_documents[i] ?? []);
  if (missing.length > 0) {
    say((t) => t.t('ticket.missing_heading'), 22, 0.15);
    for (const d of missing) {
      const { where } = documentHelp(d);
      say((t) => `• ${named(documentText(d), t.language, '')}`, 20, 0.1);
      if (where) say((t) => `→ ${named(where, t.language, '')}`, 18, 0.2);
    }
    rule();
  }
  y += 6;
  const qr = QRCode.create(job.qr_url, { errorCorrectionLevel: 'M' });
  const side = qr.modules.size;
  const left = Math.round((width - side * QR_MODULE) / 2);
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++)
      if (qr.modules.get(r, c)) paper.fillRect(left + c * QR_MODULE, y + r * QR_MODULE, QR_MODULE, QR_MODULE);
  y += side * QR_MODULE + 4;
  say((t) => t.t('ticket.scan_to_rate'), 20, 0.15);
  line(ticket.id, { sizePx: 16, language: 'en' });
  return paper.toBitmap(y + 24);
}
