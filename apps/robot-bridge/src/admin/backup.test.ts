import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, createBackup, MANIFEST, restoreBackup, verifyBackup } from './backup.ts';

let root: string;
let data: string;

/** A WAL database like the bridge's, with rows `values`, left open (as the bridge leaves its own). */
function openDb(name: string, values: number[] = []): Database.Database {
  const db = new Database(path.join(data, name));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
  for (const v of values) db.prepare('INSERT INTO t VALUES (?)').run(v);
  return db;
}

function rows(dir: string, name: string): number[] {
  const db = new Database(path.join(dir, name), { readonly: true });
  try {
    return db
      .prepare('SELECT x FROM t ORDER BY x')
      .pluck()
      .all()
      .map((x) => Number(x));
  } finally {
    db.close();
  }
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'backup-'));
  data = path.join(root, 'data');
  mkdirSync(data);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('backup', () => {
  it('copies every database while it is open, commits still in the WAL included', () => {
    const tickets = openDb('tickets.sqlite', [1, 2]);
    const bridge = openDb('bridge.sqlite', [7]);
    tickets.pragma('wal_checkpoint(TRUNCATE)');
    tickets.prepare('INSERT INTO t VALUES (3)').run(); // only in the WAL
    const out = path.join(root, 'b1');
    const manifest = createBackup(data, out, new Date('2026-12-07T10:00:00Z'));
    expect(manifest.files.map((f) => f.name)).toEqual(['bridge.sqlite', 'tickets.sqlite']);
    expect(manifest.created_at).toBe('2026-12-07T10:00:00.000Z');
    expect(rows(out, 'tickets.sqlite')).toEqual([1, 2, 3]);
    expect(rows(out, 'bridge.sqlite')).toEqual([7]);
    expect(readdirSync(out).sort()).toEqual(['bridge.sqlite', MANIFEST, 'tickets.sqlite']);
    expect(readdirSync(root).sort()).toEqual(['b1', 'data']); // no partial folder left behind
    tickets.close();
    bridge.close();
  });

  it('refuses a folder that is not empty, and a DATA_DIR without databases', () => {
    openDb('bridge.sqlite', [1]).close();
    const out = path.join(root, 'taken');
    createBackup(data, out);
    expect(() => createBackup(data, out)).toThrow(/is not empty/);
    expect(() => createBackup(path.join(root, 'nothing'), path.join(root, 'b2'))).toThrow(
      /no database in .*nothing/,
    );
    expect(existsSync(path.join(root, 'b2'))).toBe(false);
  });
});

describe('restore', () => {
  it('puts the backup back and keeps what it replaced, WAL and all', () => {
    const db = openDb('tickets.sqlite', [1]);
    db.close();
    const out = path.join(root, 'b');
    createBackup(data, out);
    const later = openDb('tickets.sqlite', [2]);
    openDb('missions.sqlite', [5]).close(); // made after the backup: moved aside too
    later.close();
    const { keptIn, manifest } = restoreBackup(data, out, new Date('2026-12-07T11:00:00Z'));
    expect(manifest.files.map((f) => f.name)).toEqual(['tickets.sqlite']);
    expect(rows(data, 'tickets.sqlite')).toEqual([1]);
    expect(existsSync(path.join(data, 'missions.sqlite'))).toBe(false);
    expect(keptIn).toBe(path.join(data, 'replaced-2026-12-07T11-00-00-000Z'));
    expect(rows(keptIn!, 'tickets.sqlite')).toEqual([1, 2]);
    expect(rows(keptIn!, 'missions.sqlite')).toEqual([5]);
  });

  it('refuses while a database is open, and changes nothing', () => {
    openDb('bridge.sqlite', [1]).close();
    const out = path.join(root, 'b');
    createBackup(data, out);
    const running = openDb('bridge.sqlite', [2]);
    expect(() => restoreBackup(data, out)).toThrow(/bridge\.sqlite is in use: stop the bridge first/);
    running.close();
    expect(rows(data, 'bridge.sqlite')).toEqual([1, 2]);
    expect(readdirSync(data).filter((f) => f.startsWith('replaced-'))).toEqual([]);
  });

  it('refuses a backup that changed, lost a file, or is not one; into an empty DATA_DIR it just restores', () => {
    openDb('bridge.sqlite', [1]).close();
    const out = path.join(root, 'b');
    createBackup(data, out);
    const copy = path.join(out, 'bridge.sqlite');
    const bytes = readFileSync(copy);
    const flipLast = () => bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);

    flipLast();
    writeFileSync(copy, bytes);
    expect(() => restoreBackup(data, out)).toThrow(BackupError);
    expect(() => verifyBackup(out)).toThrow(/has changed since the backup was made/);
    flipLast();
    writeFileSync(copy, bytes);
    expect(verifyBackup(out).files).toHaveLength(1);

    rmSync(copy);
    expect(() => verifyBackup(out)).toThrow(/bridge\.sqlite is missing from the backup/);
    expect(() => verifyBackup(data)).toThrow(/is not a backup: it has no manifest\.json/);
    writeFileSync(path.join(root, MANIFEST), '{"format":"something else"}');
    expect(() => verifyBackup(root)).toThrow(/not a backup manifest/);
    expect(rows(data, 'bridge.sqlite')).toEqual([1]);

    writeFileSync(copy, bytes);
    const empty = path.join(root, 'new-data');
    expect(restoreBackup(empty, out).keptIn).toBeUndefined();
    expect(rows(empty, 'bridge.sqlite')).toEqual([1]);
  });

  it('refuses a damaged database whose manifest was rewritten to match', () => {
    openDb('bridge.sqlite', [1, 2, 3]).close();
    const out = path.join(root, 'b');
    const manifest = createBackup(data, out);
    const copy = path.join(out, 'bridge.sqlite');
    const bytes = readFileSync(copy);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x41, pageSize, 2 * pageSize); // the table's page
    writeFileSync(copy, bytes);
    manifest.files[0]!.sha256 = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(path.join(out, MANIFEST), JSON.stringify(manifest));
    expect(() => verifyBackup(out)).toThrow(/bridge\.sqlite: (damaged|not a readable SQLite database)/);
  });
});
