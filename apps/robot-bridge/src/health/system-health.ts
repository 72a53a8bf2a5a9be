import { EventEmitter } from 'node:events';
import type { SystemHealth, SystemProblem, SystemProblemKind } from '@reception/protocol';

/** A problem a part reports now: its kind and an English detail for support. */
export interface ProblemReport {
  kind: SystemProblemKind;
  detail: string;
}

/**
 * Something whose problems staff must see (the printer, the queue system). Rules: `problems()` is cheap and
 * synchronous (it reads state the part keeps, never does I/O), and reports every problem that holds now;
 * a problem that is gone is simply not reported any more.
 */
export interface ProblemSource {
  problems(): readonly ProblemReport[];
  /** Optional: call `listener` as soon as the problems may have changed (else they are polled). */
  subscribe?(listener: () => void): void;
}

/**
 * The set of printer and queue-system problems, for the console's alerts: re-read every `pollMs` and on
 * `check()` (a print just failed), `change` emitted only when the set of kinds changes. Each problem keeps
 * the time it was first seen until it goes away.
 */
export class SystemHealthMonitor extends EventEmitter<{ change: [SystemHealth] }> {
  private current: SystemProblem[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly sources: readonly ProblemSource[],
    pollMs = 1000,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.timer = setInterval(() => this.check(), pollMs);
    this.timer.unref();
    for (const s of sources) s.subscribe?.(() => this.check());
    this.check();
  }

  get health(): SystemHealth {
    return { problems: this.current, at: new Date(this.now()).toISOString() };
  }

  check(): void {
    const reports = new Map<SystemProblemKind, string>();
    for (const s of this.sources) for (const p of s.problems()) reports.set(p.kind, p.detail);
    const kept = this.current.filter((p) => reports.has(p.kind));
    const known = new Set(kept.map((p) => p.kind));
    const since = new Date(this.now()).toISOString();
    const added = [...reports]
      .filter(([kind]) => !known.has(kind))
      .map(([kind, detail]) => ({ kind, since, detail }));
    const changed = added.length > 0 || kept.length !== this.current.length;
    this.current = [...kept.map((p) => ({ ...p, detail: reports.get(p.kind) ?? p.detail })), ...added];
    if (changed) this.emit('change', this.health);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
