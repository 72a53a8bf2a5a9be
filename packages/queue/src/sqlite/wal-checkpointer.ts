import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** The queue's database file (WAL mode). */
  file: string;
  /** How often a checkpoint runs while there are new commits (ms). */
  intervalMs: number;
  /** Commits made so far by the queue's connection (a counter that only grows). */
  commits: () => number;
  /**
   * Holds (true) or releases (false) new commits. While held the queue starts no commit; writes wait, as
   * they do during a sync, and form one group when released.
   */
  hold: (on: boolean) => void;
  /** The worker is gone: the queue's own connection takes over checkpoints (it blocks, but the WAL stays bounded). */
  fallback: (why: string) => void;
  /**
   * Longest a hold may last (ms); default 20. Past it commits go on and the WAL restarts next round.
   * 0 never holds (the WAL restarts only when a round happens to see no commit).
   */
  maxHoldMs?: number;
  /**
   * Told after each round: `restarted` when every frame was copied with no commit since, so the next
   * commit starts the WAL over; how long commits were held; how long the first copy took.
   */
  onRound?: (r: { restarted: boolean; heldMs: number; copyMs: number }) => void;
}

/**
 * Checkpoints the queue's WAL on a worker thread and keeps the WAL from growing without bound.
 *
 * SQLite starts writing the WAL from its beginning again (overwriting it in place) only if, when a commit
 * begins, every frame in it has already been copied into the main file. A checkpoint that runs beside a
 * steady stream of commits never sees that moment: some commit always lands during the copy. Measured with
 * `bench:tickets` (360 tickets/s) before this class: the WAL grew to 100 MB in 28 s and kept growing, every
 * commit appended (so each durability sync also had to commit file-system metadata), and every read searched a
 * growing WAL index.
 *
 * So each round copies everything committed so far while commits go on (PASSIVE: never waits for, nor
 * blocks, a commit). If commits landed during the copy, new commits are held for a second pass, which
 * copies only those few frames; when it ends (or after `maxHoldMs`) commits are released and the next one
 * starts the WAL from its beginning. Nothing about durability changes: a PASSIVE checkpoint is always safe
 * beside commits; the hold only decides whether the WAL can restart.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private state: 'idle' | 'copying' | 'holding' | 'closed' | 'dead' = 'idle';
  private expect = 0;
  private copiedUpTo = 0;
  private startCommits = 0;
  private copyMs = 0;
  private holdStarted = 0;
  private holdTimer: NodeJS.Timeout | undefined;
  private closing: (() => void) | undefined;

  constructor(private readonly o: WalCheckpointerOptions) {
    this.worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
      workerData: { file: o.file },
    });
    this.worker.unref();
    this.worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    this.worker.on('error', (e: Error) => this.die(e.message));
    this.worker.on('exit', (code) => this.die(`checkpoint worker exited (${code})`));
    this.timer = setInterval(() => this.round(), o.intervalMs);
    this.timer.unref();
  }

  /** Starts a round now unless one is running or nothing was committed since the last one. */
  round(): void {
    if (this.state !== 'idle') return;
    const commits = this.o.commits();
    if (commits === this.copiedUpTo) return;
    this.state = 'copying';
    this.startCommits = commits;
    this.send();
  }

  private send(): void {
    this.worker.postMessage({ op: 'checkpoint', id: ++this.expect });
  }

  private onMessage(m: WorkerMessage): void {
    if (m.op === 'closed') {
      this.closing?.();
      return;
    }
    if (m.id !== this.expect) return; // a second pass that outlived its hold
    if (this.state === 'copying') {
      this.copyMs = m.ms ?? 0;
      const caughtUp = m.error === undefined && m.log === m.checkpointed;
      if (caughtUp && this.o.commits() === this.startCommits) {
        // Nothing landed during the copy: the next commit restarts the WAL.
        this.copiedUpTo = this.startCommits;
        this.state = 'idle';
        this.o.onRound?.({ restarted: true, heldMs: 0, copyMs: this.copyMs });
        return;
      }
      // A failed checkpoint (the next round tries again) or no holding: nothing to hold commits for.
      if (m.error !== undefined || this.o.maxHoldMs === 0) {
        this.state = 'idle';
        this.o.onRound?.({ restarted: false, heldMs: 0, copyMs: this.copyMs });
        return;
      }
      this.state = 'holding';
      this.holdStarted = performance.now();
      this.startCommits = this.o.commits();
      this.o.hold(true);
      this.holdTimer = setTimeout(() => this.release(false), this.o.maxHoldMs ?? 20);
      this.send();
    } else if (this.state === 'holding') {
      this.release(m.error === undefined && m.log === m.checkpointed);
    }
  }

  private release(restarted: boolean): void {
    if (this.state !== 'holding') return;
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    this.state = 'idle';
    restarted &&= this.o.commits() === this.startCommits;
    if (restarted) this.copiedUpTo = this.startCommits;
    else this.expect++; // a late answer to this pass no longer counts
    this.o.hold(false);
    this.o.onRound?.({ restarted, heldMs: performance.now() - this.holdStarted, copyMs: this.copyMs });
  }

  private die(why: string): void {
    if (this.state === 'closed' || this.state === 'dead') return;
    this.release(false);
    this.state = 'dead';
    clearInterval(this.timer);
    this.o.fallback(why);
  }

  /** A last checkpoint on the worker's connection, then the worker ends. Commits are released. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.release(false);
    if (this.state === 'dead') return;
    this.state = 'closed';
    await new Promise<void>((resolve) => {
      this.closing = resolve;
      this.worker.once('error', () => resolve());
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ op: 'close' });
    });
    await this.worker.terminate();
  }
}

interface WorkerMessage {
  op: 'checkpointed' | 'closed';
  id?: number;
  log?: number;
  checkpointed?: number;
  ms?: number;
  error?: string;
}
