import type { Percentiles, QueueReport, ReportRow } from '@reception/protocol';
import { issuedServiceOf } from './issuing.ts';
import type { TicketRow } from './sqlite-schema.ts';

/** Nearest-rank percentile of sorted seconds; null for no data. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] ?? 0);
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50_s: percentile(sorted, 50), p90_s: percentile(sorted, 90) };
}

/** `issued`: tickets issued for the row's service, or null for a row about a counter (counters issue none). */
function row(key: string, tickets: TicketRow[], issued: number | null): ReportRow {
  const waits: number[] = [];
  const handles: number[] = [];
  const ratings: number[] = [];
  let completed = 0;
  let noShow = 0;
  let cancelled = 0;
  for (const t of tickets) {
    if (t.called_at !== null) waits.push((t.called_at - t.created_at) / 1000);
    if (t.status === 'completed') {
      completed++;
      if (t.finished_at !== null)
        handles.push((t.finished_at - (t.started_at ?? t.called_at ?? t.finished_at)) / 1000);
    }
    if (t.status === 'no_show') noShow++;
    if (t.status === 'cancelled') cancelled++;
    if (t.rating !== null) ratings.push(t.rating);
  }
  const mean = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null;
  return {
    key,
    issued,
    completed,
    no_show: noShow,
    cancelled,
    waiting: percentiles(waits),
    handling: percentiles(handles),
    rating_count: ratings.length,
    rating_mean: mean === null ? null : Math.round(mean * 100) / 100,
  };
}

function groupBy(rows: TicketRow[], key: (r: TicketRow) => string | null): Map<string, TicketRow[]> {
  const groups = new Map<string, TicketRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return groups;
}

const sortedKeys = (...maps: Map<string, unknown>[]) =>
  [...new Set(maps.flatMap((m) => [...m.keys()]))].sort((a, b) => a.localeCompare(b));

/**
 * Daily or per-counter report. Waiting time runs from issue to the call at the counter that served it;
 * handling time from start (or call, when staff skipped "start") to completion. A transferred ticket's
 * outcome counts under its final service and counter, its issue under the service it was issued for (`issuedServiceOf`).
 * "Issued" is null where it has no meaning: per counter, and in a report of one counter.
 */
export function buildReport(
  all: TicketRow[],
  from: string,
  to: string,
  counterId: string | null,
): QueueReport {
  const rows = counterId === null ? all : all.filter((r) => r.counter_id === counterId);
  const ratings = [1, 2, 3, 4, 5].map((score) => ({
    score,
    count: rows.filter((r) => r.rating === score).length,
  }));
  const byService = groupBy(rows, (r) => r.service_id);
  const byIssue = groupBy(rows, issuedServiceOf);
  const byCounter = groupBy(rows, (r) => r.counter_id);
  const reasons = rows
    .filter((r) => r.rating !== null && r.rating_reason)
    .map((r) => ({ score: r.rating ?? 0, reason: r.rating_reason ?? '' }));
  return {
    from,
    to,
    counter_id: counterId,
    by_service:
      counterId === null
        ? sortedKeys(byService, byIssue).map((k) =>
            row(k, byService.get(k) ?? [], byIssue.get(k)?.length ?? 0),
          )
        : sortedKeys(byService).map((k) => row(k, byService.get(k) ?? [], null)),
    by_counter: sortedKeys(byCounter).map((k) => row(k, byCounter.get(k) ?? [], null)),
    total: row('total', rows, counterId === null ? rows.length : null),
    ratings,
    reasons,
  };
}
