/**
 * The durability barrier of synchronous FULL: answers and events wait until the WAL frames of their
 * commit are on disk. One fdatasync of the WAL, on libuv's thread pool, covers every commit made before it
 * started, so under load one sync serves a whole group of commits and the event loop never blocks on the
 * disk. With NORMAL (`enabled` false) nothing waits.
 */
import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';

export interface WalSyncOptions<E> {
  /** The database file; its WAL is `<file>-wal`. */
  file: string;
  /** False (synchronous NORMAL): nothing waits for a sync. */
  enabled: boolean;
  /** Events whose commit is now durable, in commit order. */
  publish: (events: E[]) => void;
  /** A sync ended and nobody waits for the next one: new commits may start. */
  idle: () => void;
  /** A sync failed: nothing may be acknowledged any more. */
  failed: (error: Error) => void;
  /** False once the database is closed: no new sync starts. */
  open: () => boolean;
  onSync?: ((ms: number, commits: number) => void) | undefined;
  syncFile?: ((fd: number, done: (error: Error | null) => void) => void) | undefined;
}

export class WalSync<E> {
  private commits = 0;
  private syncedCommits = 0;
  private running = false;
  private walFd: number | undefined;
  private error: Error | undefined;
  private readonly waiters: { upTo: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly heldEvents: { upTo: number; events: E[] }[] = [];

  constructor(private readonly o: WalSyncOptions<E>) {}

  /** Commits made so far (a counter that only grows; the checkpointer watches it). */
  get committed(): number {
    return this.commits;
  }

  /** A sync is on the disk now: no new commit starts until it ends (its answer forms the next group). */
  get syncing(): boolean {
    return this.running;
  }

  /** Set once a sync failed: the disk may have dropped acknowledged writes. */
  get failure(): Error | undefined {
    return this.error;
  }

  /**
   * A transaction committed. If it wrote something it counts as a commit to sync; its events are
   * published at once (NORMAL) or once the commit is durable.
   */
  commit(wrote: boolean, events: E[]): void {
    if (wrote) this.commits++;
    if (!this.o.enabled) this.o.publish(events);
    else if (events.length > 0) {
      // Published only once durable, so no display shows a call that a power cut could take back.
      this.heldEvents.push({ upTo: this.commits, events });
      this.kick();
    }
  }

  /** Resolves once every commit made so far is on disk (at once with NORMAL, or when nothing is pending). */
  durable(): Promise<void> {
    if (this.error) return Promise.reject(this.error);
    if (!this.o.enabled || this.syncedCommits >= this.commits) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: this.commits, resolve, reject });
      this.kick();
    });
  }

  /** Syncs on this thread (at startup, before the first request is served). */
  syncNow(): void {
    if (!this.o.enabled) return;
    fsyncSync(this.walDescriptor());
    this.syncedCommits = this.commits;
    this.releaseUpTo(this.commits);
  }

  close(): void {
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
  }

  /**
   * The descriptor to sync: the WAL file (all commits go there in WAL mode), opened once. SQLite removes
   * the WAL only when the last connection closes, and the queue's own connection stays open until
   * `close()`, so the descriptor stays the file's. The folder is synced once so the WAL file's directory
   * entry is durable too.
   */
  private walDescriptor(): number {
    if (this.walFd !== undefined) return this.walFd;
    const p = `${this.o.file}-wal`;
    this.walFd = openSync(p, 'r');
    const dir = openSync(path.dirname(p), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return this.walFd;
  }

  /** Starts one fdatasync on the thread pool unless one is running; it covers every commit made so far. */
  private kick(): void {
    if (this.running || this.error || !this.o.open()) return;
    const upTo = this.commits;
    let fd: number;
    try {
      fd = this.walDescriptor();
    } catch (e) {
      this.fail(e);
      return;
    }
    this.running = true;
    const t0 = performance.now();
    (this.o.syncFile ?? fdatasync)(fd, (e) => {
      this.running = false;
      if (e) {
        this.fail(e);
        return;
      }
      this.o.onSync?.(performance.now() - t0, upTo - this.syncedCommits);
      this.syncedCommits = upTo;
      this.releaseUpTo(upTo);
      if (this.waiters.length > 0 || this.heldEvents.length > 0) this.kick();
      else this.o.idle();
    });
  }

  private releaseUpTo(upTo: number): void {
    while (this.heldEvents[0] && this.heldEvents[0].upTo <= upTo) {
      const held = this.heldEvents.shift();
      if (held) this.o.publish(held.events);
    }
    let keep = 0;
    for (const w of this.waiters) {
      if (w.upTo <= upTo) w.resolve();
      else this.waiters[keep++] = w;
    }
    this.waiters.length = keep;
  }

  /**
   * A failed sync may mean the kernel dropped dirty pages: retrying could report success for data that is
   * gone. So nothing more is acknowledged; a restart recovers from what is really on disk.
   */
  private fail(e: unknown): void {
    const cause = e instanceof Error ? e.message : String(e);
    this.error ??= new Error(`ticket database could not be made durable (${cause}); restart the bridge`);
    for (const w of this.waiters) w.reject(this.error);
    this.waiters.length = 0;
    this.heldEvents.length = 0;
    this.o.failed(this.error);
  }
}
