import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Gauge, type Registry } from 'prom-client';
import type { HealthCheck, HealthResult } from '../server/health.ts';
import { MANIFEST, parseManifest } from './backup.ts';

// Backups that silently stop are the classic way to lose a centre's data. When BACKUP_DIR is set (the
// service install sets it for the bridge and the nightly backup alike), the bridge looks at the newest
// backup there every few minutes and says in /healthz and /metrics how old it is.

export interface BackupWatchOptions {
  dir: string;
  /** Older than this, the newest backup is a fault in /healthz (BACKUP_MAX_AGE_HOURS). */
  maxAgeMs: number;
  startedAt: Date;
  now?: () => number;
}

type Seen =
  | { kind: 'none' }
  | { kind: 'found'; folder: string; createdAt: number }
  | { kind: 'unreadable'; why: string };

const hours = (ms: number) => Math.floor(ms / 3_600_000);

/** The newest backup in `dir`: the folder whose manifest says it was made last (other folders are ignored). */
export async function newestBackup(dir: string): Promise<{ folder: string; createdAt: number } | undefined> {
  let newest: { folder: string; createdAt: number } | undefined;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = path.join(dir, entry.name, MANIFEST);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let createdAt: number;
    try {
      createdAt = Date.parse(parseManifest(text, file).created_at);
    } catch {
      continue; // not one of ours
    }
    if (Number.isFinite(createdAt) && (!newest || createdAt > newest.createdAt))
      newest = { folder: entry.name, createdAt };
  }
  return newest;
}

export class BackupWatch {
  private seen: Seen = { kind: 'none' };
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly o: BackupWatchOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Looks at the folder again (every `intervalMs` once started). */
  async refresh(): Promise<void> {
    try {
      const newest = await newestBackup(this.o.dir);
      this.seen = newest ? { kind: 'found', ...newest } : { kind: 'none' };
    } catch (e) {
      this.seen = { kind: 'unreadable', why: (e as Error).message };
    }
  }

  async start(intervalMs = 5 * 60_000): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** What /healthz says: fine while the newest backup (or, before the first, the bridge's start) is recent. */
  result(): HealthResult {
    const { dir, maxAgeMs } = this.o;
    const limit = `BACKUP_MAX_AGE_HOURS ${hours(maxAgeMs)}`;
    const fix = 'see `systemctl status reception-backup` and `journalctl -u reception-backup`';
    const s = this.seen;
    if (s.kind === 'unreadable') return { ok: false, detail: `cannot read BACKUP_DIR ${dir}: ${s.why}` };
    if (s.kind === 'none') {
      const waited = this.now() - this.o.startedAt.getTime();
      return waited <= maxAgeMs
        ? { ok: true, detail: `no backup in ${dir} yet (the nightly timer makes the first)` }
        : { ok: false, detail: `no backup in ${dir} after ${hours(waited)} h (${limit}): ${fix}` };
    }
    const age = this.now() - s.createdAt;
    const when = `${new Date(s.createdAt).toISOString()} (${hours(age)} h ago, ${s.folder})`;
    return age <= maxAgeMs
      ? { ok: true, detail: `last backup ${when}` }
      : { ok: false, detail: `last backup ${when} is too old (${limit}): ${fix}` };
  }

  health(): HealthCheck {
    return { name: 'backups', check: () => this.result() };
  }

  /** `bridge_last_backup_timestamp_seconds`: when the newest backup was made (0: none found). */
  registerMetrics(metrics: Registry): void {
    const seen = () => this.seen;
    new Gauge({
      name: 'bridge_last_backup_timestamp_seconds',
      help: 'When the newest backup in BACKUP_DIR was made (Unix seconds; 0 if none)',
      registers: [metrics],
      collect() {
        const s = seen();
        this.set(s.kind === 'found' ? s.createdAt / 1000 : 0);
      },
    });
  }
}
