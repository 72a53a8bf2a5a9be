/**
 * Writes a PNG preview of a sample ticket (what the printer would print) and its ESC/POS bytes:
 *   tsx packages/ticket-printing/src/preview.ts OUT.png [FONT.ttf] [LANGUAGE]
 * LANGUAGE is the citizen's language on the ticket (vi by default; hi and ur add lines in that language).
 */
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { languageSchema, toCatalogue } from '@reception/protocol';
import { REPO_ROOT } from '@reception/protocol/testing/site-fixtures';
import { loadSite } from '@reception/protocol/site-file';
import { encodeTicket } from './escpos.ts';
import { bundledScriptFonts } from './script-fonts.ts';
import { layoutTicket, PAPER_DOTS } from './ticket-layout.ts';
import { TrueTypeFont } from './ttf-font.ts';

const [
  out = 'ticket.png',
  fontFile = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  language = 'vi',
] = process.argv.slice(2);
const lang = languageSchema.parse(language);
const { site } = await loadSite(`${REPO_ROOT}/sites/demo-ward/site.yaml`);
const catalogue = toCatalogue(site);
const service = catalogue.services.find((s) => s.id === 'certified_copy') ?? catalogue.services[0];
if (!service) throw new Error('site has no services');
const id = randomUUID();
const bitmap = layoutTicket(
  {
    ticket: {
      id,
      number: `${service.prefix}012`,
      prefix: service.prefix,
      seq: 12,
      business_date: '2026-11-23',
      service_id: service.id,
      priority_class: 'elderly',
      priority_reason: null,
      source: 'kiosk',
      language: lang,
      status: 'waiting',
      counter_id: null,
      call_count: 0,
      created_at: new Date().toISOString(),
      called_at: null,
      started_at: null,
      finished_at: null,
      rating: null,
    },
    site: catalogue,
    position: 4,
    estimated_wait_min: 12,
    counters: catalogue.counters.filter((c) => service.counters.includes(c.id)).map((c) => c.number),
    qr_url: `http://192.168.1.10:8080/rate/${id}`,
  },
  TrueTypeFont.fromFile(fontFile),
  site.timezone,
  PAPER_DOTS,
  bundledScriptFonts(),
);
writeFileSync(out, bitmap.toPng());
writeFileSync(`${out}.escpos`, encodeTicket(bitmap));
process.stdout.write(`${JSON.stringify({ png: out, width: bitmap.width, height: bitmap.height })}\n`);
