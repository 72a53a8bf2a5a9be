import type { Ticket } from '@reception/protocol';

const COLUMNS = [
  'business_date',
  'number',
  'service_id',
  'priority_class',
  'source',
  'language',
  'status',
  'counter_id',
  'call_count',
  'created_at',
  'called_at',
  'started_at',
  'finished_at',
  'waiting_s',
  'handling_s',
  'rating',
] as const;

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Quote per RFC 4180; a leading = + - @ is neutralised so spreadsheets never run it as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const seconds = (a: string | null, b: string | null) =>
  a === null || b === null ? null : Math.round((Date.parse(b) - Date.parse(a)) / 1000);

/** One row per ticket, UTF-8 with a BOM so spreadsheet programs read Vietnamese correctly. */
export function ticketsCsv(tickets: readonly Ticket[]): string {
  const lines = [COLUMNS.join(',')];
  for (const t of tickets) {
    const waiting = seconds(t.created_at, t.called_at);
    const handling = t.status === 'completed' ? seconds(t.started_at ?? t.called_at, t.finished_at) : null;
    const values: Record<(typeof COLUMNS)[number], string | number | null> = {
      ...t,
      waiting_s: waiting,
      handling_s: handling,
    };
    lines.push(COLUMNS.map((c) => cell(values[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
