import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, MANIFEST } from './backup.ts';
import { BackupWatch } from './backup-watch.ts';

const HOUR = 3_600_000;
const START = Date.parse('2026-12-07T08:00:00Z');
let root: string;
let data: string;
let backups: string;
let now: number;

function watch(): BackupWatch {
  return new BackupWatch({ dir: backups, maxAgeMs: 36 * HOUR, startedAt: new Date(START), now: () => now });
}

function backupAt(iso: string, name: string): void {
  createBackup(data, path.join(backups, name), new Date(iso));
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'backup-watch-'));
  data = path.join(root, 'data');
  backups = path.join(root, 'backups');
  mkdirSync(data);
  mkdirSync(backups);
  const db = new Database(path.join(data, 'bridge.sqlite'));
  db.exec('CREATE TABLE t (x)');
  db.close();
  now = START;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('BackupWatch', () => {
  it('waits for the first backup as long as the limit allows, then calls its absence a fault', async () => {
    const w = watch();
    await w.refresh();
    expect(w.result()).toEqual({
      ok: true,
      detail: `no backup in ${backups} yet (the nightly timer makes the first)`,
    });
    now = START + 37 * HOUR;
    expect(w.result().ok).toBe(false);
    expect(w.result().detail).toContain(`no backup in ${backups} after 37 h (BACKUP_MAX_AGE_HOURS 36)`);
  });

  it('reports the newest of our backups, ignores other folders, and faults when it grows too old', async () => {
    backupAt('2026-12-05T21:30:00Z', 'a');
    backupAt('2026-12-06T21:30:00Z', 'b');
    mkdirSync(path.join(backups, 'photos'));
    mkdirSync(path.join(backups, 'z-broken'));
    writeFileSync(path.join(backups, 'z-broken', MANIFEST), '{"created_at": "2027-01-01T00:00:00Z"}');
    const w = watch();
    await w.refresh();
    expect(w.result()).toEqual({ ok: true, detail: 'last backup 2026-12-06T21:30:00.000Z (10 h ago, b)' });
    now = Date.parse('2026-12-08T10:00:00Z');
    expect(w.result()).toEqual({
      ok: false,
      detail:
        'last backup 2026-12-06T21:30:00.000Z (36 h ago, b) is too old (BACKUP_MAX_AGE_HOURS 36): see `systemctl status reception-backup` and `journalctl -u reception-backup`',
    });
    const metrics = new Registry();
    w.registerMetrics(metrics);
    expect(await metrics.getSingleMetricAsString('bridge_last_backup_timestamp_seconds')).toContain(
      `bridge_last_backup_timestamp_seconds ${Date.parse('2026-12-06T21:30:00Z') / 1000}`,
    );
    // A new backup is seen at the next look.
    backupAt('2026-12-08T09:00:00Z', 'c');
    await w.refresh();
    expect(w.result()).toMatchObject({ ok: true, detail: expect.stringContaining('(1 h ago, c)') as string });
  });

  it('says when it cannot read the folder', async () => {
    rmSync(backups, { recursive: true });
    const w = watch();
    await w.refresh();
    expect(w.result().ok).toBe(false);
    expect(w.result().detail).toMatch(/^cannot read BACKUP_DIR .*backups: ENOENT/);
  });
});
