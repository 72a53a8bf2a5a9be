import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MissionListQuery, MissionRecord, MissionTicket } from '@reception/protocol';
import type { AnchorRecord } from './localization.ts';
import type { MissionEventRow, MissionRow, MissionStore } from './mission-store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS missions (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, state TEXT NOT NULL, reason TEXT,
  place TEXT NOT NULL, ticket TEXT, requested_by TEXT NOT NULL, created_at INTEGER NOT NULL,
  started_at INTEGER, arrived_at INTEGER, ended_at INTEGER, arrival_error_m REAL,
  arrival_heading_error_rad REAL, replans INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS missions_open ON missions (state)
  WHERE state NOT IN ('completed', 'failed', 'cancelled');
CREATE TABLE IF NOT EXISTS mission_events (
  seq INTEGER PRIMARY KEY, mission_id TEXT NOT NULL, at INTEGER NOT NULL, state TEXT NOT NULL, reason TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS mission_events_mission ON mission_events (mission_id, seq);
CREATE TABLE IF NOT EXISTS escort_requests (ticket_id TEXT PRIMARY KEY, actor TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

interface Row {
  id: string;
  kind: string;
  state: string;
  reason: string | null;
  place: string;
  ticket: string | null;
  requested_by: string;
  created_at: number;
  started_at: number | null;
  arrived_at: number | null;
  ended_at: number | null;
  arrival_error_m: number | null;
  arrival_heading_error_rad: number | null;
  replans: number;
}

const COLUMNS: Record<keyof Omit<MissionRow, 'id'>, string> = {
  kind: 'kind',
  state: 'state',
  reason: 'reason',
  place: 'place',
  ticket: 'ticket',
  requestedBy: 'requested_by',
  createdAt: 'created_at',
  startedAt: 'started_at',
  arrivedAt: 'arrived_at',
  endedAt: 'ended_at',
  arrivalErrorM: 'arrival_error_m',
  arrivalHeadingErrorRad: 'arrival_heading_error_rad',
  replans: 'replans',
};

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Missions in SQLite (better-sqlite3), WAL journal with `synchronous = FULL`: a transition is on disk
 * before the engine announces it, so a bridge killed at any moment finds every unfinished mission again.
 */
export class SqliteMissionStore implements MissionStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  insert(row: MissionRow): void {
    this.db
      .prepare(
        `INSERT INTO missions (id, kind, state, reason, place, ticket, requested_by, created_at, started_at,
         arrived_at, ended_at, arrival_error_m, arrival_heading_error_rad, replans)
         VALUES (@id, @kind, @state, @reason, @place, @ticket, @requestedBy, @createdAt, @startedAt, @arrivedAt,
         @endedAt, @arrivalErrorM, @arrivalHeadingErrorRad, @replans)`,
      )
      .run({ ...row, ticket: row.ticket ? JSON.stringify(row.ticket) : null });
  }

  update(id: string, patch: Partial<Omit<MissionRow, 'id'>>): void {
    const keys = Object.keys(patch) as (keyof typeof COLUMNS)[];
    if (keys.length === 0) return;
    const values: Record<string, unknown> = { id };
    const sets = keys.map((k) => {
      const v = patch[k];
      values[k] = k === 'ticket' ? (v ? JSON.stringify(v) : null) : v;
      return `${COLUMNS[k]} = @${k}`;
    });
    this.db.prepare(`UPDATE missions SET ${sets.join(', ')} WHERE id = @id`).run(values);
  }

  addEvent(id: string, e: MissionEventRow): void {
    this.db
      .prepare('INSERT INTO mission_events (mission_id, at, state, reason, detail) VALUES (?, ?, ?, ?, ?)')
      .run(id, e.at, e.state, e.reason, e.detail);
  }

  get(id: string): MissionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM missions WHERE id = ?').get(id) as Row | undefined;
    return row ? this.record(row) : undefined;
  }

  openMissions(): MissionRow[] {
    const rows = this.db
      .prepare(`SELECT * FROM missions WHERE state NOT IN ('completed', 'failed', 'cancelled') ORDER BY seq`)
      .all() as Row[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as MissionRow['kind'],
      state: r.state as MissionRow['state'],
      reason: r.reason as MissionRow['reason'],
      place: r.place,
      ticket: r.ticket ? (JSON.parse(r.ticket) as MissionTicket) : null,
      requestedBy: r.requested_by,
      createdAt: r.created_at,
      startedAt: r.started_at,
      arrivedAt: r.arrived_at,
      endedAt: r.ended_at,
      arrivalErrorM: r.arrival_error_m,
      arrivalHeadingErrorRad: r.arrival_heading_error_rad,
      replans: r.replans,
    }));
  }

  list(q: MissionListQuery): MissionRecord[] {
    const where: string[] = [];
    const args: Record<string, unknown> = { limit: q.limit ?? 50 };
    const filters: [string, unknown][] = [
      ['kind = @kind', q.kind],
      ['state = @state', q.state],
      ['reason = @reason', q.reason],
      ['created_at >= @since', q.since === undefined ? undefined : Date.parse(q.since)],
      ['created_at < @until', q.until === undefined ? undefined : Date.parse(q.until)],
    ];
    for (const [clause, value] of filters) {
      if (value === undefined) continue;
      where.push(clause);
      args[clause.slice(clause.indexOf('@') + 1)] = value;
    }
    const sql = `SELECT * FROM missions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY seq DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(args) as Row[]).map((r) => this.record(r));
  }

  addEscortRequest(ticketId: string, actor: string, at: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO escort_requests (ticket_id, actor, at) VALUES (?, ?, ?)')
      .run(ticketId, actor, at);
  }

  hasEscortRequest(ticketId: string): boolean {
    return this.db.prepare('SELECT 1 FROM escort_requests WHERE ticket_id = ?').get(ticketId) !== undefined;
  }

  loadAnchor(): AnchorRecord | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'anchor'").get() as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as AnchorRecord) : undefined;
  }

  saveAnchor(record: AnchorRecord): void {
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('anchor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(record));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private record(r: Row): MissionRecord {
    const events = this.db
      .prepare('SELECT at, state, reason, detail FROM mission_events WHERE mission_id = ? ORDER BY seq')
      .all(r.id) as { at: number; state: string; reason: string | null; detail: string | null }[];
    return {
      mission_id: r.id,
      kind: r.kind as MissionRecord['kind'],
      state: r.state as MissionRecord['state'],
      reason: r.reason as MissionRecord['reason'],
      place: r.place,
      ticket: r.ticket ? (JSON.parse(r.ticket) as MissionTicket) : null,
      requested_by: r.requested_by,
      created_at: iso(r.created_at) ?? '',
      started_at: iso(r.started_at),
      arrived_at: iso(r.arrived_at),
      ended_at: iso(r.ended_at),
      arrival_error_m: r.arrival_error_m,
      arrival_heading_error_rad: r.arrival_heading_error_rad,
      replans: r.replans,
      events: events.map((e) => ({
        at: iso(e.at) ?? '',
        state: e.state as MissionRecord['state'],
        reason: e.reason as MissionRecord['reason'],
        detail: e.detail,
      })),
    };
  }
}
