import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECT_METHODS, DOSSIER_STATUSES, DOSSIER_STEPS, formatPath, type Site } from '@reception/protocol';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

/**
 * The demo dossiers of a site (`sites/<centre>/dossiers.yaml`, beside `site.yaml`). Dates are relative to
 * the day the bridge answers, counted in the centre's open days, so the demo stays true as time passes:
 * a dossier received "3 open days ago" and promised "5 open days after receipt" is always in the same
 * place of its life, and the late ones stay late. The receipt code is therefore built from that day:
 * `<unit>-<YYMMDD of the receipt day>-<seq>`, and changes from one day to the next (the bridge logs the
 * day's codes at start; `DemoDossierLookup.list()` gives them to tests).
 */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');
const openDays = z.number().int().min(0).max(400);

export const demoDossierSchema = z
  .object({
    /** The dossier's number among those received that day (XXXX of the code), 1-9999. */
    seq: z.number().int().min(1).max(9999),
    /** Service id of the site's procedure. */
    procedure: z.string(),
    /** Received this many open days before today (0: today, or the last open day), at `time`. */
    received: z.object({ open_days_ago: openDays, time: hhmm }).strict(),
    /** Promised return date: this many open days after the receipt day (0: the same day). */
    due_open_days: openDays,
    /** The centre missed the date and set a new one (apology letter): open days after the receipt day. */
    rescheduled_open_days: openDays.optional(),
    status: z.enum(DOSSIER_STATUSES),
    /** Steps done, oldest first: open days after the receipt day, and the local time. */
    steps: z.array(z.object({ step: z.enum(DOSSIER_STEPS), day: openDays, time: hhmm }).strict()).min(1),
    /** Where the result is collected; `counter` is at the procedure's counters. */
    collect: z.enum(COLLECT_METHODS).default('counter'),
  })
  .strict();
export type DemoDossier = z.infer<typeof demoDossierSchema>;

export const demoDossiersFileSchema = z
  .object({
    /** Receiving unit identifier of this centre, the first part of its receipt codes. */
    unit: z.string().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'must look like 000.25.13.H26'),
    dossiers: z.array(demoDossierSchema).min(1),
  })
  .strict();
export type DemoDossiersFile = z.infer<typeof demoDossiersFileSchema>;

/** A demo dossiers file that cannot be used: the file, and per problem the field, line and reason. */
export class DemoDossiersError extends Error {
  readonly code = 'DOSSIERS_FILE_INVALID';
  constructor(
    readonly file: string,
    readonly problems: { field: string; line?: number | undefined; reason: string }[],
  ) {
    super(
      `${file}: invalid demo dossiers\n` +
        problems
          .map((p) => `  ${p.field || '(root)'}${p.line ? ` (line ${p.line})` : ''}: ${p.reason}`)
          .join('\n'),
    );
    this.name = 'DemoDossiersError';
  }
}

/** Rules across fields: known procedures, one code per dossier, steps in order, a first step `received`. */
export function crossCheckDemoDossiers(
  data: DemoDossiersFile,
  site: Pick<Site, 'services'>,
): { path: (string | number)[]; reason: string }[] {
  const problems: { path: (string | number)[]; reason: string }[] = [];
  const services = new Set(site.services.map((s) => s.id));
  const codes = new Set<string>();
  data.dossiers.forEach((d, i) => {
    if (!services.has(d.procedure)) {
      problems.push({ path: ['dossiers', i, 'procedure'], reason: `unknown service id '${d.procedure}'` });
    }
    const key = `${d.received.open_days_ago}/${d.seq}`;
    if (codes.has(key)) {
      problems.push({ path: ['dossiers', i, 'seq'], reason: `seq ${d.seq} used twice on the same day` });
    }
    codes.add(key);
    if (d.steps[0]?.step !== 'received' || d.steps[0].day !== 0) {
      problems.push({ path: ['dossiers', i, 'steps', 0], reason: "the first step is 'received' on day 0" });
    }
    d.steps.forEach((s, j) => {
      const prev = d.steps[j - 1];
      if (prev && (s.day < prev.day || (s.day === prev.day && s.time < prev.time))) {
        problems.push({ path: ['dossiers', i, 'steps', j], reason: 'steps must be in time order' });
      }
      if (s.day > d.received.open_days_ago) {
        problems.push({ path: ['dossiers', i, 'steps', j, 'day'], reason: 'a step cannot be after today' });
      }
    });
    if (d.rescheduled_open_days !== undefined && d.rescheduled_open_days <= d.due_open_days) {
      problems.push({
        path: ['dossiers', i, 'rescheduled_open_days'],
        reason: 'a new date comes after the first promised one',
      });
    }
  });
  return problems;
}

/** Reads, parses and validates a demo dossiers file against the site; errors name field and line. */
export async function loadDemoDossiers(
  file: string,
  site: Pick<Site, 'services'>,
): Promise<DemoDossiersFile> {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    throw new DemoDossiersError(abs, [{ field: '', reason: `cannot read file: ${(e as Error).message}` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    throw new DemoDossiersError(
      abs,
      doc.errors.map((e) => ({
        field: '',
        line: e.linePos?.[0].line,
        reason: e.message.split('\n')[0] ?? '',
      })),
    );
  }
  const lineOf = (p: (string | number)[]): number | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const node: unknown = doc.getIn(p.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lines.linePos(range[0]).line;
    }
    return undefined;
  };
  const parsed = demoDossiersFileSchema.safeParse(isMap(doc.contents) ? doc.toJS() : undefined);
  if (!parsed.success) {
    throw new DemoDossiersError(
      abs,
      parsed.error.issues.map((i) => {
        const p = i.path.filter((k): k is string | number => typeof k !== 'symbol');
        return { field: formatPath(p), line: lineOf(p), reason: i.message };
      }),
    );
  }
  const problems = crossCheckDemoDossiers(parsed.data, site);
  if (problems.length > 0) {
    throw new DemoDossiersError(
      abs,
      problems.map((p) => ({ field: formatPath(p.path), line: lineOf(p.path), reason: p.reason })),
    );
  }
  return parsed.data;
}
