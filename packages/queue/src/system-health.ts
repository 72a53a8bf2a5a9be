import { EventEmitter } from 'node:events';
import type { ProblemSource, SystemHealth, SystemProblem, SystemProblemKind } from '@reception/protocol';

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
