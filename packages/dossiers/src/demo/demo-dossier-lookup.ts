import type { DossierStatus, Site } from '@reception/protocol';
import {
  checkReceiptCode,
  DossierNotFound,
  DossierSystemUnavailable,
  type DossierLookup,
} from '../dossier-lookup.ts';
import {
  isoInZone,
  lateWarning,
  localDate,
  openWeekdays,
  shiftOpenDays,
  zonedInstant,
} from '../site-calendar.ts';
import { loadDemoDossiers, type DemoDossier, type DemoDossiersFile } from './demo-dossiers-file.ts';

export interface DemoDossierLookupOptions {
  /** The site now (counters, opening days, time zone); read at every lookup, so a reloaded site applies. */
  site: () => Site;
  /** Clock; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * The embedded dossier system of the demo: answers from the site's `dossiers.yaml` (see
 * `demo-dossiers-file.ts` for its relative dates). Asynchronous like the real one: every answer comes in a
 * later turn of the event loop. Steps whose time of day is still to come today are shown at the current
 * time, so a demo opened early in the morning never shows a step in the future.
 */
export class DemoDossierLookup implements DossierLookup {
  private closed = false;
  private readonly now: () => Date;

  constructor(
    private readonly data: DemoDossiersFile,
    private readonly o: DemoDossierLookupOptions,
  ) {
    this.now = o.now ?? (() => new Date());
  }

  /** Loads and validates `file` against the site as it is now. */
  static async fromFile(file: string, o: DemoDossierLookupOptions): Promise<DemoDossierLookup> {
    return new DemoDossierLookup(await loadDemoDossiers(file, o.site()), o);
  }

  async status(input: string, options?: { signal?: AbortSignal }): Promise<DossierStatus> {
    const code = checkReceiptCode(input);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.closed) throw new DossierSystemUnavailable('closed', 'the demo lookup is closed');
    if (options?.signal?.aborted) throw new DossierSystemUnavailable('timeout', 'aborted by the caller');
    const found = this.list().find((d) => d.code === code.code);
    if (!found) throw new DossierNotFound();
    return found;
  }

  /** Every demo dossier as it stands today, with today's receipt codes. */
  list(): DossierStatus[] {
    const site = this.o.site();
    const now = this.now();
    const today = localDate(now, site.timezone);
    return this.data.dossiers.map((d) => this.render(d, site, today, now));
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private render(d: DemoDossier, site: Site, today: string, now: Date): DossierStatus {
    const open = openWeekdays(site);
    const receivedOn = shiftOpenDays(today, -d.received.open_days_ago, open);
    const day = (n: number) => shiftOpenDays(receivedOn, n, open);
    const at = (date: string, time: string) => {
      const instant = zonedInstant(date, time, site.timezone);
      return Date.parse(instant) > now.getTime() ? isoInZone(now, site.timezone) : instant;
    };
    const yymmdd = receivedOn.slice(2).replaceAll('-', '');
    const due = day(d.due_open_days);
    const rescheduled = d.rescheduled_open_days === undefined ? null : day(d.rescheduled_open_days);
    const dates = {
      status: d.status,
      expected_return_date: rescheduled ?? due,
      original_return_date: rescheduled ? due : null,
    };
    const service = site.services.find((s) => s.id === d.procedure);
    return {
      code: `${this.data.unit}-${yymmdd}-${String(d.seq).padStart(4, '0')}`,
      procedure_id: service ? service.id : null,
      procedure_name: null,
      ...dates,
      received_at: at(receivedOn, d.received.time),
      steps: d.steps.map((s) => ({ step: s.step, at: at(day(s.day), s.time) })),
      late: lateWarning(dates, today),
      collect:
        d.collect === 'counter'
          ? { method: 'counter', counters: service?.counters ?? [] }
          : { method: d.collect },
      checked_at: isoInZone(now, site.timezone),
    };
  }
}
