import type { PrintJob } from './ticket-printer.ts';
import { Bitmap, drawQr, drawText, measureText, qrModules, wrapText } from './bitmap.ts';
import { drawMixed, measureMixed, mixedInk, wrapMixed, type ShapingFont } from './shaped-text.ts';
import type { TrueTypeFont } from './ttf-font.ts';

/** Languages whose script needs shaping; a ticket in one of them gets its own lines too (see below). */
export type ShapedLanguage = 'hi' | 'ur';
export type ScriptFonts = Partial<Record<ShapedLanguage, ShapingFont>>;

/**
 * The citizen's own words on the paper, for languages the Vietnamese + English lines do not cover. Same
 * wording as the kiosk screen; punctuation stays out of the script words (the script fonts may not have
 * Latin punctuation), numbers are Latin digits like the display's.
 */
export const OWN_WORDS: Record<
  ShapedLanguage,
  {
    rtl: boolean;
    yourNumber: string;
    counters: (c: string) => string;
    ahead: (n: number) => string;
    wait: (m: number) => string;
    scan: string;
  }
> = {
  hi: {
    rtl: false,
    yourNumber: 'आपका नंबर',
    counters: (c) => `काउंटर ${c}`,
    ahead: (n) => (n === 0 ? 'आपसे पहले कोई नहीं है' : `आपसे पहले ${n} लोग हैं`),
    wait: (m) => `अनुमानित प्रतीक्षा लगभग ${m} मिनट`,
    scan: 'सेवा को रेटिंग देने के लिए कोड स्कैन करें',
  },
  ur: {
    rtl: true,
    yourNumber: 'آپ کا نمبر',
    counters: (c) => `کاؤنٹر ${c}`,
    ahead: (n) => (n === 0 ? 'آپ سے پہلے کوئی نہیں ہے' : `آپ سے پہلے ${n} افراد ہیں`),
    wait: (m) => `متوقع انتظار تقریباً ${m} منٹ`,
    scan: 'سروس کی درجہ بندی کے لیے کوڈ اسکین کریں',
  },
};

/** 80 mm paper at 203 dpi: 576 printable dots per line. */
export const PAPER_DOTS = 576;

function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/**
 * The paper ticket as a bitmap: centre name, the number large, service, counters, time, people ahead and
 * estimated wait, priority class, and a QR code of the rating link (it carries the ticket id). Text is
 * Vietnamese with English below, and for a Hindi or Urdu ticket the key lines in that language too (shaped
 * with HarfBuzz, `scripts`); drawn as an image so no printer code page is needed.
 */
export function layoutTicket(
  job: PrintJob,
  font: TrueTypeFont,
  timeZone: string,
  width = PAPER_DOTS,
  scripts: ScriptFonts = {},
): Bitmap {
  const b = new Bitmap(width, 2400);
  const margin = 16;
  let y = 8;
  const centred = (text: string, size: number, gap = 0.35) => {
    for (const line of wrapText(font, text, size, width - 2 * margin)) {
      y += Math.round(size * 0.95);
      drawText(b, font, line, Math.round((width - measureText(font, line, size)) / 2), y, size);
      y += Math.round(size * gap);
    }
  };
  // A Hindi or Urdu ticket also carries the key lines in that language, when its font is configured.
  const lang = job.ticket.language;
  const own = lang === 'hi' || lang === 'ur' ? OWN_WORDS[lang] : undefined;
  const scriptFont = lang === 'hi' || lang === 'ur' ? scripts[lang] : undefined;
  const mixed = own && scriptFont ? { latin: font, script: scriptFont, rtl: own.rtl } : undefined;
  const ownLine = (text: string | undefined, size: number, gap = 0.25) => {
    if (!mixed || !text) return;
    for (const line of wrapMixed(mixed, text, size, width - 2 * margin)) {
      const ink = mixedInk(mixed, line, size);
      y += Math.round(ink.above + size * 0.15);
      drawMixed(b, mixed, line, Math.round((width - measureMixed(mixed, line, size)) / 2), y, size);
      y += Math.round(ink.below + size * gap);
    }
  };
  const rule = () => {
    y += 6;
    for (let x = margin; x < width - margin; x += 12) b.fillRect(x, y, 7, 2);
    y += 10;
  };
  const { ticket, site } = job;
  const service = site.services.find((s) => s.id === ticket.service_id);
  centred(site.name.vi ?? site.id, 26);
  rule();
  centred('SỐ THỨ TỰ · YOUR NUMBER', 22);
  ownLine(own?.yourNumber, 22, 0);
  centred(ticket.number, 150, 0.15);
  centred(service?.name.vi ?? ticket.service_id, 28);
  if (service?.name.en) centred(service.name.en, 20);
  if (lang) ownLine(service?.name[lang], 24);
  rule();
  const counters = job.counters.join(', ');
  const ahead = Math.max(0, job.position - 1);
  centred(`Quầy / Counter: ${counters}`, 28);
  centred(`Trước bạn / Ahead of you: ${ahead}`, 24);
  centred(`Chờ khoảng / Wait about: ${job.estimated_wait_min} phút / min`, 24);
  if (own) {
    ownLine(own.counters(counters), 24, 0.1);
    ownLine(own.ahead(ahead), 24, 0.1);
    ownLine(own.wait(job.estimated_wait_min), 24);
  }
  if (ticket.priority_class) {
    const cls = site.priority_classes.find((c) => c.id === ticket.priority_class);
    centred(`Ưu tiên / Priority: ${cls?.name.vi ?? ticket.priority_class}`, 24);
  }
  centred(localTime(ticket.created_at, timeZone), 22);
  rule();
  const module = 5;
  y += 6;
  const qrSide = drawQr(b, job.qr_url, Math.round((width - qrModules(job.qr_url) * module) / 2), y, module);
  y += qrSide + 4;
  centred('Quét mã để đánh giá dịch vụ / Scan to rate our service', 20);
  ownLine(own?.scan, 20);
  centred(ticket.id, 16);
  return b.crop(Math.min(b.height, y + 24));
}
