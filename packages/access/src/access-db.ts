import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type AccessDb = Database.Database;

const SCHEMA = [
  // Version 1: device tokens, staff sessions, audit log.
  `CREATE TABLE devices (
     id TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('kiosk', 'display')),
     name TEXT NOT NULL,
     token_hash BLOB NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     last_used_at TEXT,
     revoked_at TEXT
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     token_hash BLOB NOT NULL UNIQUE,
     username TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     last_seen_ms INTEGER NOT NULL,
     expires_ms INTEGER NOT NULL,
     idle_timeout_s INTEGER NOT NULL,
     ended_ms INTEGER,
     ended_reason TEXT
   );
   CREATE INDEX sessions_open ON sessions (ended_ms) WHERE ended_ms IS NULL;
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     local_date TEXT NOT NULL,
     actor TEXT NOT NULL,
     role TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     outcome TEXT NOT NULL,
     detail TEXT NOT NULL,
     address TEXT NOT NULL
   );
   CREATE INDEX audit_date ON audit (local_date, seq);`,
];

/**
 * The bridge's own SQLite database in DATA_DIR (`bridge.sqlite`, apart from the ticket queue's): device
 * tokens (hashed), staff sessions (hashed) and the audit log. WAL, so the `admin` CLI can write while the
 * bridge runs; the bridge notices the CLI's commits through `PRAGMA data_version`.
 */
export function openAccessDb(dataDir: string): AccessDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'bridge.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 2000');
  const version = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    SCHEMA.slice(version).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${SCHEMA.length}`);
  })();
  return db;
}

/** A number that changes whenever another connection (the CLI) committed to the database. */
export function dataVersion(db: AccessDb): number {
  return db.pragma('data_version', { simple: true }) as number;
}
