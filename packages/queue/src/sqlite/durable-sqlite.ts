/**
 * One SQLite file in WAL mode, one writer (this process), with group commit and acknowledgements that wait
 * for the disk (`WalSync`), checkpointed on a worker thread (`WalCheckpointer`). It knows nothing of
 * tickets: the queue's rules run inside its transactions and hand it the events to publish once their
 * commit is durable.
 */
import Database from 'better-sqlite3';
import { WalCheckpointer } from './wal-checkpointer.ts';
import { WalSync } from './wal-sync.ts';

export interface DurabilityOptions {
  /**
   * FULL (default): nothing is acknowledged, and no event is published, before the WAL frames of its
   * commit are on disk (fdatasync), so an acknowledged ticket survives power loss too. The sync runs on
   * libuv's thread pool, not on the event loop, and one sync covers every commit made before it started
   * (group commit).
   * NORMAL: no sync before acknowledging; acknowledged tickets survive a process crash (SIGKILL) because
   * committed WAL frames are already in the OS page cache, but the last commits may be lost on power
   * failure. WAL is synced at checkpoints.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** Called after each durability sync with its duration and how many commits it covered. */
  onSync?: (ms: number, commits: number) => void;
  /** How a sync reaches the disk: `fs.fdatasync` (thread pool). Tests pass a slow or failing one. */
  syncFile?: (fd: number, done: (error: Error | null) => void) => void;
  /** How often the WAL is checkpointed into the main file while there are new commits (ms). */
  checkpointMs?: number;
  /**
   * Longest time (ms) a checkpoint may hold new commits so that the WAL can start over (default 20; see
   * `WalCheckpointer`). 0 never holds: under steady load the WAL then grows until a quiet moment.
   */
  checkpointHoldMs?: number;
  /** Told after each checkpoint round (see `WalCheckpointer`). */
  onCheckpoint?: (r: { restarted: boolean; heldMs: number; copyMs: number }) => void;
  /** Told if the checkpoint worker is lost; checkpoints then run on this thread after commits. */
  onCheckpointerLost?: (why: string) => void;
}

export interface DurableSqliteOptions<E> extends DurabilityOptions {
  /** Database file; created with its folder's permissions if missing. */
  file: string;
  /** Runs first inside every outermost transaction (the queue's business-day rollover). */
  beforeTransaction: () => void;
  /** Hears the events of committed transactions, in commit order, once they are durable. */
  publish: (events: E[]) => void;
}

interface Waiting {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export class DurableSqlite<E> {
  readonly db: Database.Database;
  private pending: E[] = [];
  /** Writes waiting for the next group commit, see `write()`. */
  private writes: Waiting[] = [];
  private flushScheduled = false;
  /** Set while the checkpointer holds new commits so that the WAL can start over (see `WalCheckpointer`). */
  private held = false;
  private readonly checkpointer: WalCheckpointer;
  private readonly totalChanges: Database.Statement<[], number>;
  private readonly sync: WalSync<E>;

  constructor(private readonly o: DurableSqliteOptions<E>) {
    this.db = new Database(o.file);
    // Small pages for a new file (an existing one keeps its size): a ticket touches about eight B-trees
    // and each commit writes every touched page whole, so 1 KiB pages halve what each sync must write
    // (rows are about 450 bytes and fit). Measured: 16 instead of 33 KB written per ticket.
    this.db.pragma('page_size = 1024');
    this.db.pragma('journal_mode = WAL');
    // SQLite itself never syncs a commit here (NORMAL); with FULL `WalSync` syncs the WAL before any
    // acknowledgement instead, off the event loop and once for a group of commits. SQLite still syncs
    // the WAL header whenever it restarts the WAL, and both files at checkpoints.
    this.sync = new WalSync<E>({
      file: o.file,
      enabled: (o.synchronous ?? 'FULL') === 'FULL',
      publish: o.publish,
      idle: () => this.scheduleFlush(),
      failed: (error) => {
        for (const w of this.writes) w.reject(error);
        this.writes = [];
      },
      open: () => this.db.open,
      onSync: o.onSync,
      syncFile: o.syncFile,
    });
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Checkpoints move WAL pages into the main file. They run on a worker thread with its own connection,
    // not inside whichever commit crosses the threshold nor on this event loop, so no issue waits for a
    // checkpoint's page copies and fsync (they grow with the day's tickets). The checkpointer also keeps
    // the WAL from growing without bound under steady load; see `WalCheckpointer`.
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new WalCheckpointer({
      file: o.file,
      intervalMs: o.checkpointMs ?? 1000,
      maxHoldMs: o.checkpointHoldMs,
      commits: () => this.sync.committed,
      hold: (on) => {
        this.held = on;
        if (!on) this.scheduleFlush();
      },
      // Without the worker, SQLite's own checkpoints after commits (on this thread) keep the WAL bounded.
      fallback: (why) => {
        if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
        o.onCheckpointerLost?.(why);
      },
      onRound: o.onCheckpoint,
    });
    // Rows changed on this connection so far: tells whether a transaction wrote anything.
    this.totalChanges = this.db.prepare<[], number>('SELECT total_changes()').pluck();
  }

  get open(): boolean {
    return this.db.open;
  }

  /** Set once a sync failed: the disk may have dropped acknowledged writes, so nothing more is accepted. */
  get durabilityFailure(): Error | undefined {
    return this.sync.failure;
  }

  /** With FULL, puts what was written so far (schema setup) on disk before the first request is served. */
  syncNow(): void {
    this.sync.syncNow();
  }

  /** Publishes `event` with the transaction it is emitted in, once that commit is durable. */
  emit(event: E): void {
    this.pending.push(event);
  }

  /** Runs `fn` in an IMMEDIATE transaction; events it emitted are published only after the commit. */
  tx<T>(fn: () => T): T {
    if (this.db.inTransaction) {
      // Nested (one write of a group commit): a savepoint; the outer transaction publishes the events.
      const mark = this.pending.length;
      try {
        return this.db.transaction(fn)();
      } catch (e) {
        this.pending.length = mark;
        throw e;
      }
    }
    let result: T;
    const changesBefore = this.totalChanges.get();
    try {
      result = this.db
        .transaction(() => {
          this.o.beforeTransaction();
          return fn();
        })
        .immediate();
    } catch (e) {
      this.pending = [];
      throw e;
    }
    const events = this.pending;
    this.pending = [];
    // Only a transaction that wrote something needs a sync before its answer.
    this.sync.commit(this.totalChanges.get() !== changesBefore, events);
    return result;
  }

  /**
   * Runs synchronous work and turns a throw into a rejection, so callers see one error path. The result
   * is released only once everything committed so far is durable (reads too: a reader never sees, and
   * passes on, a write that a power cut could still take back).
   */
  run<T>(fn: () => T): Promise<T> {
    if (this.sync.failure) return Promise.reject(this.sync.failure);
    try {
      const value = fn();
      return this.sync.durable().then(() => value);
    } catch (e) {
      return Promise.reject(asError(e));
    }
  }

  /**
   * Group commit. Writes wait in a list; one transaction runs every write waiting (a savepoint each, so a
   * refusal stays its own), then one WAL sync makes all of them durable, and only then are they answered
   * and their events published. While a sync is running no new commit starts: writes arriving meanwhile
   * form the next group. So the event loop never blocks on the disk, and under load one sync serves many
   * tickets instead of one sync each.
   */
  write<T>(fn: () => T): Promise<T> {
    if (this.sync.failure) return Promise.reject(this.sync.failure);
    return new Promise<T>((resolve, reject) => {
      this.writes.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  /** The last checkpoint, the answers still waiting for their sync, then the files close. */
  async close(): Promise<void> {
    // Last checkpoint on the worker's connection; this also releases commits it may be holding.
    await this.checkpointer.close();
    // Answers still waiting for their sync get it (or its failure) before the files close.
    await this.sync.durable().catch(() => undefined);
    if (this.db.open) this.db.close();
    this.sync.close();
  }

  // ---- group commit ---------------------------------------------------------------------------------

  private scheduleFlush(): void {
    if (this.flushScheduled || this.sync.syncing || this.held || this.writes.length === 0) return;
    this.flushScheduled = true;
    // setImmediate: writes that arrive in the same event-loop turn join this group.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.sync.syncing || this.held) return; // the sync's completion, or the release, flushes again
    const items = this.writes;
    this.writes = [];
    if (items.length === 0) return;
    if (this.sync.failure || !this.db.open) {
      for (const it of items) it.reject(this.sync.failure ?? new Error('ticket queue is closed'));
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: Error })[] = [];
    try {
      this.tx(() => {
        for (const it of items) {
          try {
            outcomes.push({ ok: true, value: this.tx(it.fn) });
          } catch (e) {
            outcomes.push({ ok: false, error: asError(e) });
          }
        }
      });
    } catch (e) {
      for (const it of items) it.reject(asError(e));
      this.scheduleFlush();
      return;
    }
    const settle = () =>
      items.forEach((it, i) => {
        const o = outcomes[i];
        if (o?.ok) it.resolve(o.value);
        else it.reject(o?.error ?? new Error('write lost its outcome'));
      });
    this.sync.durable().then(settle, (e: unknown) => {
      for (const it of items) it.reject(asError(e));
    });
    // With NORMAL there is no sync to wait for: writes that came in meanwhile go next turn.
    this.scheduleFlush();
  }
}
