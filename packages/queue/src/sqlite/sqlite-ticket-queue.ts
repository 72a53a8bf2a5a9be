import { randomUUID } from 'node:crypto';
import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  EventsAfter,
  QueueEvent,
  QueueEventType,
  QueueReport,
  QueueSnapshot,
  ReportQuery,
  Site,
  Ticket,
} from '@reception/protocol';
import { businessDate, daysBetween, formatNumber, MAX_DAYS_AHEAD } from '../business-day.ts';
import { uuid7 } from '../uuid7.ts';
import { WalCheckpointer } from './wal-checkpointer.ts';
import { buildReport } from './reports.ts';
import { SCHEMA_SQL, toEvent, toTicket, type TicketRow } from './sqlite-schema.ts';
import { prepareStatements, type Statements } from './sqlite-statements.ts';
import {
  TicketError,
  type IssuedTicket,
  type IssueInput,
  type TicketPosition,
  type TicketQueue,
  type TransferPosition,
} from '../ticket-queue.ts';

export interface SqliteTicketQueueOptions {
  /** Database file; created with its folder's permissions if missing. */
  file: string;
  /** The site in force (services, counters, priority rules, timezone); read on every call. */
  site: () => Site;
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
  /** Handling time assumed for a service with no completed tickets yet. */
  defaultHandlingSeconds?: number;
  now?: () => number;
}

/** Numbers chosen by someone else (a reserved block of an external system), see the reference server. */
export interface PresetNumber {
  id: string;
  /** With `business_date` and `seq`: a number from a reserved block. Without: the queue numbers it. */
  business_date?: string;
  seq?: number;
}

/** The embedded queue: one SQLite file in WAL mode, one writer (this process), see `TicketQueue`. */
export class SqliteTicketQueue implements TicketQueue {
  private readonly db: Database.Database;
  private readonly listeners = new Set<(e: QueueEvent) => void>();
  private pending: QueueEvent[] = [];
  private day = '';
  /** Writes waiting for the next group commit, see `write()`. */
  private writes: { fn: () => unknown; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  private flushScheduled = false;
  /** Set while the checkpointer holds new commits so that the WAL can start over (see `WalCheckpointer`). */
  private held = false;
  private readonly housekeepingTimer: NodeJS.Timeout;
  private readonly checkpointer: WalCheckpointer;
  private readonly now: () => number;
  private readonly s: Statements;
  // Durability barrier (synchronous FULL), see `durable()`.
  private readonly syncBeforeAck: boolean;
  private commits = 0;
  private syncedCommits = 0;
  private syncing = false;
  private walFd: number | undefined;
  private failure: Error | undefined;
  private readonly syncWaiters: { upTo: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly heldEvents: { upTo: number; events: QueueEvent[] }[] = [];

  constructor(private readonly o: SqliteTicketQueueOptions) {
    this.now = o.now ?? Date.now;
    this.db = new Database(o.file);
    // Small pages for a new file (an existing one keeps its size): a ticket touches about eight B-trees
    // and each commit writes every touched page whole, so 1 KiB pages halve what each sync must write
    // (rows are about 450 bytes and fit). Measured: 16 instead of 33 KB written per ticket.
    this.db.pragma('page_size = 1024');
    this.db.pragma('journal_mode = WAL');
    // SQLite itself never syncs a commit here (NORMAL); with FULL this class syncs the WAL before any
    // acknowledgement instead (see `durable()`), off the event loop and once for a group of commits.
    // SQLite still syncs the WAL header whenever it restarts the WAL, and both files at checkpoints.
    this.syncBeforeAck = (o.synchronous ?? 'FULL') === 'FULL';
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
      commits: () => this.commits,
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
    // A timer notices the reset hour, so displays hear `queue.reset` even when nobody is issuing.
    this.housekeepingTimer = setInterval(() => {
      try {
        if (this.db.open) this.rollover();
      } catch {
        // Housekeeping only: the next tick, or the next request, does it again.
      }
    }, 30_000);
    this.housekeepingTimer.unref();
    this.db.exec(SCHEMA_SQL);
    this.s = prepareStatements(this.db);
    this.rollover();
    if (this.syncBeforeAck) {
      // Whatever the schema setup and rollover wrote is on disk before the first request is served.
      this.syncWalNow();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------------

  private get site(): Site {
    return this.o.site();
  }

  /** The site in force, for servers that expose this queue. */
  siteNow(): Site {
    return this.o.site();
  }

  private today(): string {
    const q = this.site.queue;
    return businessDate(new Date(this.now()), this.site.timezone, q.reset_hour);
  }

  /** Runs `fn` in an IMMEDIATE transaction; events it appended reach listeners only after the commit. */
  private tx<T>(fn: () => T): T {
    if (this.db.inTransaction) {
      // Nested (one issue of a group commit): a savepoint; the outer transaction delivers the events.
      const mark = this.pending.length;
      try {
        return this.db.transaction(fn)();
      } catch (e) {
        this.pending.length = mark;
        throw e;
      }
    }
    let result: T;
    const changesBefore = this.s.totalChanges.get();
    try {
      result = this.db
        .transaction(() => {
          this.rolloverInTx();
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
    if (this.s.totalChanges.get() !== changesBefore) this.commits++;
    if (!this.syncBeforeAck) this.deliver(events);
    else if (events.length > 0) {
      // Published only once durable, so no display shows a call that a power cut could take back.
      this.heldEvents.push({ upTo: this.commits, events });
      this.kickSync();
    }
    return result;
  }

  private deliver(events: QueueEvent[]): void {
    for (const e of events) for (const l of this.listeners) l(e);
  }

  // ---- durability -------------------------------------------------------------------------------------

  /**
   * Resolves once every commit made so far is on disk (at once with synchronous NORMAL, or when nothing
   * is pending). `write()` and `run()` wait for it before they resolve.
   */
  private durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.syncBeforeAck || this.syncedCommits >= this.commits) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.syncWaiters.push({ upTo: this.commits, resolve, reject });
      this.kickSync();
    });
  }

  /** Set once a sync failed: the disk may have dropped acknowledged writes, so nothing more is accepted. */
  get durabilityFailure(): Error | undefined {
    return this.failure;
  }

  /**
   * The descriptor to sync: the WAL file (all commits go there in WAL mode), opened once. SQLite removes
   * the WAL only when the last connection closes, and this queue's own connection stays open until
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

  private syncWalNow(): void {
    fsyncSync(this.walDescriptor());
    this.syncedCommits = this.commits;
    this.releaseUpTo(this.commits);
  }

  /** Starts one fdatasync on the thread pool unless one is running; it covers every commit made so far. */
  private kickSync(): void {
    if (this.syncing || this.failure || !this.db.open) return;
    const upTo = this.commits;
    let fd: number;
    try {
      fd = this.walDescriptor();
    } catch (e) {
      this.fail(e);
      return;
    }
    this.syncing = true;
    const t0 = performance.now();
    (this.o.syncFile ?? fdatasync)(fd, (e) => {
      this.syncing = false;
      if (e) {
        this.fail(e);
        return;
      }
      this.o.onSync?.(performance.now() - t0, upTo - this.syncedCommits);
      this.syncedCommits = upTo;
      this.releaseUpTo(upTo);
      if (this.syncWaiters.length > 0 || this.heldEvents.length > 0) this.kickSync();
      else this.scheduleFlush();
    });
  }

  private releaseUpTo(upTo: number): void {
    while (this.heldEvents[0] && this.heldEvents[0].upTo <= upTo) {
      const held = this.heldEvents.shift();
      if (held) this.deliver(held.events);
    }
    let keep = 0;
    for (const w of this.syncWaiters) {
      if (w.upTo <= upTo) w.resolve();
      else this.syncWaiters[keep++] = w;
    }
    this.syncWaiters.length = keep;
  }

  /**
   * A failed sync may mean the kernel dropped dirty pages: retrying could report success for data that is
   * gone. So the queue stops acknowledging anything; a restart recovers from what is really on disk.
   */
  private fail(e: unknown): void {
    const cause = e instanceof Error ? e.message : String(e);
    this.failure ??= new Error(`ticket database could not be made durable (${cause}); restart the bridge`);
    for (const w of this.syncWaiters) w.reject(this.failure);
    this.syncWaiters.length = 0;
    this.heldEvents.length = 0;
    for (const w of this.writes) w.reject(this.failure);
    this.writes = [];
  }

  private append(type: QueueEventType, ticket: Ticket | null, counterId: string | null, actor: string): void {
    const id = randomUUID();
    const at = this.now();
    const number = counterId === null ? null : (this.counterOf(counterId)?.number ?? null);
    const day = this.day;
    const ticketJson = ticket === null ? null : JSON.stringify(ticket);
    const row = this.s.event.get(id, type, at, day, ticketJson, counterId, number, actor);
    if (!row) throw new Error('event insert returned no sequence number');
    this.pending.push({
      seq: row.seq,
      id,
      type,
      at: new Date(at).toISOString(),
      business_date: day,
      ticket,
      counter_id: counterId,
      counter_number: number,
      actor,
    });
  }

  private rollover(): void {
    this.tx(() => undefined);
  }

  private rolloverInTx(): void {
    const today = this.today();
    if (today === this.day) return;
    const stored = this.s.meta.get('business_date')?.value;
    this.day = today;
    if (stored === today) return;
    this.s.setMeta.run('business_date', today);
    if (stored === undefined) return;
    this.s.expire.all(this.now(), today);
    this.db.prepare('UPDATE counters SET priority_streak = 0').run();
    this.append('queue.reset', null, null, 'system');
  }

  private counterOf(id: string) {
    return this.site.counters.find((c) => c.id === id);
  }

  private requireCounter(id: string) {
    const c = this.counterOf(id);
    if (!c) throw new TicketError('UNKNOWN_COUNTER', `no counter '${id}' in this site`);
    return c;
  }

  private requireTicket(id: string): TicketRow {
    const r = this.s.byId.get(id);
    if (!r) throw new TicketError('UNKNOWN_TICKET', `no ticket ${id}`);
    return r;
  }

  /** The ticket must be called or served at this counter. */
  private requireAtCounter(
    counterId: string,
    ticketId: string,
    action: string,
    allowed: string[],
  ): TicketRow {
    this.requireCounter(counterId);
    const r = this.requireTicket(ticketId);
    if (!allowed.includes(r.status)) {
      throw new TicketError('INVALID_TRANSITION', `cannot ${action} ${r.number}: it is ${r.status}`);
    }
    if (r.counter_id !== counterId) {
      throw new TicketError('WRONG_COUNTER', `${r.number} is at counter '${r.counter_id ?? 'none'}'`);
    }
    return r;
  }

  /**
   * Runs synchronous work and turns a throw into a rejection, so callers see one error path. The result
   * is released only once everything committed so far is durable (reads too: a reader never sees, and
   * passes on, a write that a power cut could still take back).
   */
  private run<T>(fn: () => T): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    try {
      const value = fn();
      return this.durable().then(() => value);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /**
   * Group commit. Writes wait in a list; one transaction runs every write waiting (a savepoint each, so a
   * refusal stays its own), then one WAL sync makes all of them durable, and only then are they answered
   * and their events published. While a sync is running no new commit starts: writes arriving meanwhile
   * form the next group. So the event loop never blocks on the disk, and under load one sync serves many
   * tickets instead of one sync each.
   */
  private write<T>(fn: () => T): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.writes.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.syncing || this.held || this.writes.length === 0) return;
    this.flushScheduled = true;
    // setImmediate: writes that arrive in the same event-loop turn join this group.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.syncing || this.held) return; // the sync's completion, or the release, flushes again
    const items = this.writes;
    this.writes = [];
    if (items.length === 0) return;
    const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));
    if (this.failure || !this.db.open) {
      for (const it of items) it.reject(this.failure ?? new Error('ticket queue is closed'));
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
    this.durable().then(settle, (e: unknown) => {
      for (const it of items) it.reject(asError(e));
    });
    // With NORMAL there is no sync to wait for: writes that came in meanwhile go next turn.
    this.scheduleFlush();
  }

  private save(r: TicketRow): Ticket {
    this.s.update.run(r);
    return toTicket(r);
  }

  private positionOf(r: TicketRow): TicketPosition {
    const ticket = toTicket(r);
    if (r.status !== 'waiting') return { ticket, position: 0, estimated_wait_min: 0 };
    const ahead =
      r.priority_rank === null
        ? (this.s.aheadNormal.get({ d: r.business_date, s: r.service_id, k: r.order_key })?.n ?? 0)
        : (this.s.aheadPriority.get(
            r.business_date,
            r.service_id,
            r.priority_rank,
            r.priority_rank,
            r.order_key,
          )?.n ?? 0);
    const avgMs = this.s.handling.get(r.service_id)?.avg ?? (this.o.defaultHandlingSeconds ?? 300) * 1000;
    const service = this.site.services.find((s) => s.id === r.service_id);
    const open = this.s.openCounters.all().filter((c) => service?.counters.includes(c.counter_id)).length;
    const minutes = Math.ceil((ahead * avgMs) / Math.max(1, open) / 60_000);
    return { ticket, position: ahead + 1, estimated_wait_min: minutes };
  }

  // ---- issuing ----------------------------------------------------------------------------------------

  /** Issues a ticket; see `write()` for when it is acknowledged. */
  issue(input: IssueInput): Promise<IssuedTicket> {
    return this.write(() => this.issueNow(input));
  }

  /** Issues with a number allocated elsewhere (a block reserved by an external adapter's client). */
  issuePreset(input: IssueInput, preset: PresetNumber): Promise<IssuedTicket> {
    return this.write(() => this.issueNow(input, preset));
  }

  private issueNow(input: IssueInput, preset?: PresetNumber): IssuedTicket {
    const service = this.site.services.find((s) => s.id === input.service_id);
    if (!service) throw new TicketError('UNKNOWN_SERVICE', `no service '${input.service_id}'`);
    let rank: number | null = null;
    if (input.priority) {
      const cls = this.site.priority.classes.find((c) => c.id === input.priority?.class_id);
      if (!cls)
        throw new TicketError('UNKNOWN_PRIORITY_CLASS', `no priority class '${input.priority.class_id}'`);
      rank = cls.rank;
    }
    const hash = `${input.service_id}|${input.priority?.class_id ?? ''}`;
    return this.tx(() => {
      const earlier = this.s.byKey.get(input.idempotency_key);
      if (earlier) {
        if (earlier.request_hash !== hash) {
          throw new TicketError('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for another request');
        }
        return { ...this.positionOf(earlier), replayed: true };
      }
      const day = preset?.business_date ?? this.day;
      let seq: number;
      if (preset?.seq !== undefined) {
        const reserved = this.s.lastSeq.get(service.prefix, day)?.last ?? 0;
        if (preset.seq < 1 || preset.seq > reserved) {
          throw new TicketError('INVALID_TRANSITION', `number ${preset.seq} was never reserved`);
        }
        seq = preset.seq;
      } else {
        const next = this.s.nextSeq.get(service.prefix, day);
        if (!next) throw new Error('number allocation returned nothing');
        seq = next.last;
      }
      const row: TicketRow = {
        id: preset?.id ?? uuid7(this.now()),
        number: formatNumber(service.prefix, seq, this.site.queue.number_digits),
        prefix: service.prefix,
        seq,
        business_date: day,
        service_id: service.id,
        priority_class: input.priority?.class_id ?? null,
        priority_rank: rank,
        priority_reason: input.priority?.reason ?? null,
        source: input.source,
        language: input.language ?? null,
        status: 'waiting',
        counter_id: null,
        call_count: 0,
        order_key: (this.s.maxOrder.get()?.k ?? 0) + 1,
        created_at: this.now(),
        called_at: null,
        started_at: null,
        finished_at: null,
        rating: null,
        rating_reason: null,
        idempotency_key: input.idempotency_key,
        request_hash: hash,
      };
      this.s.insert.run(row);
      this.append('ticket.created', toTicket(row), null, input.actor);
      return { ...this.positionOf(row), replayed: false };
    });
  }

  /**
   * Reserves `count` numbers of a prefix (external clients' offline blocks) for today or, so that a client
   * can keep issuing when a new day starts while this system is unreachable, for a later business date
   * (at most `MAX_DAYS_AHEAD`). Returns the range.
   */
  reserveNumbers(
    prefix: string,
    count: number,
    businessDate?: string,
  ): Promise<{ business_date: string; first: number; last: number }> {
    return this.write(() => {
      const day = businessDate ?? this.day;
      const ahead = daysBetween(this.day, day);
      if (!(ahead >= 0 && ahead <= MAX_DAYS_AHEAD)) {
        throw new TicketError(
          'INVALID_TRANSITION',
          `numbers can be reserved for ${this.day} up to ${MAX_DAYS_AHEAD} days ahead, not for ${day}`,
        );
      }
      const row = this.s.reserve.get(prefix, day, count);
      if (!row) throw new Error('reservation returned nothing');
      return { business_date: day, first: row.last - count + 1, last: row.last };
    });
  }

  status(ticketId: string): Promise<TicketPosition> {
    return this.run(() => this.positionOf(this.requireTicket(ticketId)));
  }

  ticket(ticketId: string): Ticket | undefined {
    const r = this.s.byId.get(ticketId);
    return r ? toTicket(r) : undefined;
  }

  // ---- counters -----------------------------------------------------------------------------------------

  openCounter(counterId: string, actor: string): Promise<void> {
    return this.write(() => {
      this.requireCounter(counterId);
      this.tx(() => {
        this.s.setCounter.run(counterId, 'open', actor);
        this.append('counter.opened', null, counterId, actor);
      });
    });
  }

  closeCounter(counterId: string, actor: string): Promise<void> {
    return this.write(() => {
      this.requireCounter(counterId);
      this.tx(() => {
        const busy = this.s.active.get(counterId);
        if (busy) throw new TicketError('COUNTER_BUSY', `${busy.number} is still ${busy.status} here`);
        this.s.setCounter.run(counterId, 'closed', null);
        this.append('counter.closed', null, counterId, actor);
      });
    });
  }

  callNext(counterId: string, actor: string): Promise<Ticket | null> {
    return this.write(() => {
      const counter = this.requireCounter(counterId);
      return this.tx(() => {
        const state = this.s.counter.get(counterId);
        if (state?.status !== 'open')
          throw new TicketError('COUNTER_CLOSED', `counter ${counter.number} is closed`);
        const busy = this.s.active.get(counterId);
        if (busy) {
          throw new TicketError(
            'COUNTER_BUSY',
            `finish, no-show or transfer ${busy.number} before calling next`,
          );
        }
        const services = JSON.stringify(counter.services);
        const priority = this.s.bestPriority.get(this.day, services);
        const normal = this.s.bestNormal.get(this.day, services);
        const ordering = this.site.priority.ordering;
        let pick: TicketRow | undefined;
        switch (ordering.mode) {
          case 'strict':
            pick = priority ?? normal;
            break;
          case 'interleave':
            pick = priority && (!normal || state.priority_streak < ordering.every - 1) ? priority : normal;
            break;
          default: {
            const never: never = ordering;
            throw new Error(`unknown ordering ${JSON.stringify(never)}`);
          }
        }
        if (!pick) return null;
        this.s.setStreak.run(pick.priority_rank === null ? 0 : state.priority_streak + 1, counterId);
        const t = this.save({
          ...pick,
          status: 'called',
          counter_id: counterId,
          call_count: pick.call_count + 1,
          called_at: this.now(),
        });
        this.append('ticket.called', t, counterId, actor);
        return t;
      });
    });
  }

  recall(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.act(counterId, ticketId, 'recall', ['called'], actor, 'ticket.recalled', (r) => ({
      ...r,
      call_count: r.call_count + 1,
    }));
  }

  start(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.act(counterId, ticketId, 'start', ['called'], actor, 'ticket.started', (r) => ({
      ...r,
      status: 'serving',
      started_at: this.now(),
    }));
  }

  complete(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.act(
      counterId,
      ticketId,
      'complete',
      ['called', 'serving'],
      actor,
      'ticket.completed',
      (r) => ({
        ...r,
        status: 'completed',
        finished_at: this.now(),
      }),
    );
  }

  noShow(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.act(counterId, ticketId, 'mark as no-show', ['called'], actor, 'ticket.no_show', (r) => ({
      ...r,
      status: 'no_show',
      finished_at: this.now(),
    }));
  }

  transfer(
    counterId: string,
    ticketId: string,
    serviceId: string,
    position: TransferPosition,
    actor: string,
  ): Promise<Ticket> {
    if (!this.site.services.some((s) => s.id === serviceId)) {
      return Promise.reject(new TicketError('UNKNOWN_SERVICE', `no service '${serviceId}'`));
    }
    return this.act(
      counterId,
      ticketId,
      'transfer',
      ['called', 'serving'],
      actor,
      'ticket.transferred',
      (r) => {
        const key =
          position === 'front'
            ? (this.s.frontKey.get(this.day, serviceId)?.k ?? r.order_key) - 1
            : (this.s.maxOrder.get()?.k ?? 0) + 1;
        return {
          ...r,
          status: 'waiting',
          service_id: serviceId,
          counter_id: null,
          called_at: null,
          started_at: null,
          order_key: key,
        };
      },
    );
  }

  cancel(ticketId: string, actor: string): Promise<Ticket> {
    return this.write(() =>
      this.tx(() => {
        const r = this.requireTicket(ticketId);
        if (r.status !== 'waiting' && r.status !== 'called') {
          throw new TicketError('INVALID_TRANSITION', `cannot cancel ${r.number}: it is ${r.status}`);
        }
        const t = this.save({ ...r, status: 'cancelled', finished_at: this.now() });
        this.append('ticket.cancelled', t, r.counter_id, actor);
        return t;
      }),
    );
  }

  rate(ticketId: string, score: number, reason: string | undefined, actor: string): Promise<void> {
    return this.write(() =>
      this.tx(() => {
        const r = this.requireTicket(ticketId);
        if (r.status !== 'completed') {
          throw new TicketError('NOT_RATEABLE', `${r.number} is ${r.status}, not completed`);
        }
        if (r.rating !== null) throw new TicketError('NOT_RATEABLE', `${r.number} was already rated`);
        this.s.rate.run(score, reason ?? null, this.now(), ticketId);
        this.append('ticket.rated', toTicket({ ...r, rating: score }), r.counter_id, actor);
      }),
    );
  }

  private act(
    counterId: string,
    ticketId: string,
    action: string,
    allowed: string[],
    actor: string,
    type: QueueEventType,
    change: (r: TicketRow) => TicketRow,
  ): Promise<Ticket> {
    return this.write(() =>
      this.tx(() => {
        const r = this.requireAtCounter(counterId, ticketId, action, allowed);
        const t = this.save(change(r));
        this.append(type, t, counterId, actor);
        return t;
      }),
    );
  }

  // ---- views --------------------------------------------------------------------------------------------

  snapshot(): Promise<QueueSnapshot> {
    return this.run(() => this.snapshotNow());
  }

  private snapshotNow(): QueueSnapshot {
    this.rollover();
    const counters = this.site.counters.map((c) => {
      const st = this.s.counter.get(c.id);
      const cur = this.s.active.get(c.id);
      return {
        counter_id: c.id,
        number: c.number,
        status: st?.status === 'open' ? ('open' as const) : ('closed' as const),
        staff: st?.staff ?? null,
        current: cur ? toTicket(cur) : null,
      };
    });
    return {
      seq: this.s.maxSeq.get()?.s ?? 0,
      business_date: this.day,
      counters,
      recent_calls: this.s.recentCalls.all(this.day, 10).map(toEvent),
      waiting: this.s.waiting.all(this.day),
    };
  }

  eventsAfter(seq: number, limit: number): Promise<EventsAfter> {
    return this.run(() => {
      const events = this.s.eventsAfter.all(seq, limit).map(toEvent);
      const max = this.s.maxSeq.get()?.s ?? 0;
      const last = events.at(-1)?.seq ?? seq;
      return { events, complete: last >= max };
    });
  }

  report(query: ReportQuery): Promise<QueueReport> {
    const from = query.from ?? this.today();
    const to = query.to ?? from;
    const rows = this.s.range.all(from, to);
    return Promise.resolve(buildReport(rows, from, to, query.counter_id ?? null));
  }

  tickets(from: string, to: string): Promise<Ticket[]> {
    return Promise.resolve(this.s.range.all(from, to).map(toTicket));
  }

  subscribe(listener: (event: QueueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.housekeepingTimer);
    // Last checkpoint on the worker's connection; this also releases commits it may be holding.
    await this.checkpointer.close();
    // Answers still waiting for their sync get it (or its failure) before the files close.
    await this.durable().catch(() => undefined);
    this.listeners.clear();
    if (this.db.open) this.db.close();
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
  }
}
