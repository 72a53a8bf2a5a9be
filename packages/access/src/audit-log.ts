import type { AuditEntry, AuditOutcome, AuditPage, AuditQuery } from '@reception/protocol';
import { stringify } from 'csv-stringify/sync';
import type { AccessDb } from './access-db.ts';

export type AuditRecord = Omit<AuditEntry, 'seq' | 'at'>;

const COLUMNS = ['seq', 'at', 'actor', 'role', 'action', 'target', 'outcome', 'detail', 'address'] as const;

/**
 * Append-only audit log in the bridge database: every robot command, counter action, login, logout, token
 * and session change, with who, from where and how it ended. Dates in queries are the site's local dates.
 */
export class AuditLog {
  private readonly insert;
  private readonly localDate: Intl.DateTimeFormat;

  constructor(
    private readonly db: AccessDb,
    timeZone: () => string,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit (at, local_date, actor, role, action, target, outcome, detail, address)
       VALUES (@at, @local_date, @actor, @role, @action, @target, @outcome, @detail, @address)`,
    );
    this.localDate = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone() });
  }

  record(r: Omit<AuditRecord, 'outcome' | 'detail' | 'target' | 'address'> & Partial<AuditRecord>): void {
    const at = new Date(this.now());
    this.insert.run({
      at: at.toISOString(),
      local_date: this.localDate.format(at),
      actor: r.actor.slice(0, 100),
      role: r.role,
      action: r.action.slice(0, 64),
      target: (r.target ?? '').slice(0, 200),
      outcome: r.outcome ?? ('ok' satisfies AuditOutcome),
      detail: (r.detail ?? '').slice(0, 500),
      address: r.address ?? '',
    });
  }

  private where(q: Omit<AuditQuery, 'limit'>): { sql: string; params: (string | number)[] } {
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      clauses.push(clause);
      params.push(...values);
    };
    if (q.from) add('local_date >= ?', q.from);
    if (q.to) add('local_date <= ?', q.to);
    if (q.actor) add('actor = ?', q.actor);
    if (q.outcome) add('outcome = ?', q.outcome);
    if (q.before) add('seq < ?', q.before);
    if (q.action?.endsWith(':')) add('substr(action, 1, ?) = ?', q.action.length, q.action);
    else if (q.action) add('action = ?', q.action);
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  search(q: AuditQuery): AuditPage {
    const { sql, params } = this.where(q);
    const entries = this.db
      .prepare<(string | number)[], AuditEntry>(
        `SELECT ${COLUMNS.join(', ')} FROM audit ${sql} ORDER BY seq DESC LIMIT ?`,
      )
      .all(...params, q.limit + 1);
    const more = entries.length > q.limit;
    const page = entries.slice(0, q.limit);
    return { entries: page, next_before: more ? (page.at(-1)?.seq ?? null) : null };
  }

  /** Every matching entry, oldest first, as CSV (UTF-8 with BOM, formulas neutralised for spreadsheets). */
  csv(q: Omit<AuditQuery, 'limit' | 'before'>): string {
    const { sql, params } = this.where(q);
    const rows = this.db
      .prepare<(string | number)[], AuditEntry>(`SELECT ${COLUMNS.join(', ')} FROM audit ${sql} ORDER BY seq`)
      .all(...params);
    const safe = (v: unknown) => {
      const s = String(v);
      return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    };
    return `\ufeff${stringify(rows, {
      header: true,
      columns: [...COLUMNS],
      record_delimiter: '\r\n',
      cast: { string: safe },
    })}`;
  }
}
