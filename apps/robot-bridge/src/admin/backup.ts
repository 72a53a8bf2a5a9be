import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';

// Backups of the bridge's databases in DATA_DIR (`npm run -s admin -- backup|restore`, README "Backups").
// A backup is taken while the bridge runs: `VACUUM INTO` reads each database in one read transaction, so
// every copy is consistent in itself and writers are never blocked. A restore needs the bridge stopped: it
// checks that no connection holds any database, keeps the files it replaces, and verifies the backup first.

/** What `backup` writes next to the copies; `restore` checks every file against it. */
export const MANIFEST = 'manifest.json';
const FORMAT = 'reception-backup/1';

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  created_at: z.string(),
  data_dir: z.string(),
  files: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z0-9._-]+\.sqlite$/),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** A backup or restore that cannot go ahead; the message says why and what to do. Nothing was changed. */
export class BackupError extends Error {
  readonly code = 'BACKUP';
}

/** The databases in a folder: every `*.sqlite` file (bridge, tickets, ticket outbox, missions). */
function databases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite') && statSync(path.join(dir, f)).isFile())
    .sort();
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** SQLite's own check of a whole file; throws unless it answers `ok`. */
function checkIntegrity(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const answer = rows.map((r) => r.integrity_check).join('; ');
    if (answer !== 'ok') throw new BackupError(`${file}: damaged (${answer})`);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file}: not a readable SQLite database (${(e as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Consistent copies of every database in `dataDir`, written to `out` (which must not exist yet). The copies
 * go to a sibling folder first and are renamed to `out` at the end, so `out` is only ever a whole backup.
 */
export function createBackup(dataDir: string, out: string, now = new Date()): BackupManifest {
  const names = databases(dataDir);
  if (names.length === 0) throw new BackupError(`no database in ${dataDir}: is DATA_DIR right?`);
  const target = path.resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new BackupError(`${target} exists and is not empty: give a new folder (nothing is overwritten)`);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true, mode: 0o700 }); // tickets and the audit log are personal data
  try {
    const files = names.map((name) => {
      const copy = path.join(partial, name);
      const db = new Database(path.join(dataDir, name), { readonly: true, fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        db.prepare('VACUUM INTO ?').run(copy);
      } finally {
        db.close();
      }
      checkIntegrity(copy);
      return { name, bytes: statSync(copy).size, sha256: sha256(copy) };
    });
    const manifest: BackupManifest = {
      format: FORMAT,
      created_at: now.toISOString(),
      data_dir: path.resolve(dataDir),
      files,
    };
    writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(partial, target);
    return manifest;
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    throw e;
  }
}

/** A backup folder's manifest, parsed and checked for shape (not the files it lists: `verifyBackup`). */
export function parseManifest(text: string, file: string): BackupManifest {
  try {
    return manifestSchema.parse(JSON.parse(text));
  } catch (e) {
    throw new BackupError(`${file}: not a backup manifest (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Reads and verifies a backup folder: its manifest, and each file's size, hash and integrity. */
export function verifyBackup(from: string): BackupManifest {
  const file = path.join(from, MANIFEST);
  if (!existsSync(file)) throw new BackupError(`${from} is not a backup: it has no ${MANIFEST}`);
  const manifest = parseManifest(readFileSync(file, 'utf8'), file);
  for (const f of manifest.files) {
    const copy = path.join(from, f.name);
    if (!existsSync(copy)) throw new BackupError(`${copy} is missing from the backup`);
    if (statSync(copy).size !== f.bytes || sha256(copy) !== f.sha256)
      throw new BackupError(`${copy} has changed since the backup was made (size or SHA-256 differs)`);
    checkIntegrity(copy);
  }
  return manifest;
}

/** Throws if any connection (a running bridge, another admin command) has the database open. */
function ensureUnused(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY')
      throw new BackupError(
        `${file} is in use: stop the bridge first (systemctl stop robot-bridge), then restore`,
      );
    throw new BackupError(`${file}: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the databases the restore replaced were moved (absent if DATA_DIR held none). */
  keptIn?: string;
}

/**
 * Replaces the databases in `dataDir` with a verified backup. The bridge must be stopped. Every database
 * that was there (with its WAL) moves to `dataDir/replaced-<time>/` first, so nothing is lost.
 */
export function restoreBackup(dataDir: string, from: string, now = new Date()): RestoreResult {
  const manifest = verifyBackup(from);
  const current = databases(dataDir);
  for (const name of current) ensureUnused(path.join(dataDir, name));
  mkdirSync(dataDir, { recursive: true });
  let keptIn: string | undefined;
  if (current.length > 0) {
    keptIn = path.join(dataDir, `replaced-${now.toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(keptIn);
    for (const name of current)
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        const f = path.join(dataDir, name + suffix);
        if (existsSync(f)) renameSync(f, path.join(keptIn, name + suffix));
      }
  }
  for (const f of manifest.files) {
    const staged = path.join(dataDir, `.${f.name}.restoring`);
    copyFileSync(path.join(from, f.name), staged);
    renameSync(staged, path.join(dataDir, f.name));
  }
  return { manifest, keptIn };
}
