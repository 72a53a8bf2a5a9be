import type { ProblemReport, SystemHealth } from '@reception/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemHealthMonitor } from './system-health.ts';

let monitor: SystemHealthMonitor | undefined;
afterEach(() => monitor?.close());

describe('system health for the console', () => {
  it('re-reads a source as soon as it says its problems changed', () => {
    let reports: ProblemReport[] = [];
    let notify = () => {};
    monitor = new SystemHealthMonitor(
      [{ problems: () => reports, subscribe: (l) => (notify = l) }],
      60_000,
      () => 2_000,
    );
    const changes: SystemHealth[] = [];
    monitor.on('change', (h) => changes.push(h));
    reports = [{ kind: 'printer_paper_out', detail: 'printer is out of paper' }];
    notify();
    expect(changes.at(-1)?.problems).toEqual([
      { kind: 'printer_paper_out', since: new Date(2_000).toISOString(), detail: 'printer is out of paper' },
    ]);
    notify();
    expect(changes).toHaveLength(1);
  });

  it('polls sources without events (the queue system) and keeps when a problem was first seen', () => {
    let reports: ProblemReport[] = [];
    let now = 5_000;
    monitor = new SystemHealthMonitor([{ problems: () => reports }], 60_000, () => now);
    const changes: SystemHealth[] = [];
    monitor.on('change', (h) => changes.push(h));
    reports = [{ kind: 'queue_unreachable', detail: '3 tickets waiting in the outbox' }];
    monitor.check();
    now = 9_000;
    reports = [{ kind: 'queue_unreachable', detail: '4 tickets waiting in the outbox' }];
    monitor.check();
    expect(changes).toHaveLength(1);
    expect(monitor.health.problems).toEqual([
      {
        kind: 'queue_unreachable',
        since: new Date(5_000).toISOString(),
        detail: '4 tickets waiting in the outbox',
      },
    ]);
    reports = [];
    monitor.check();
    expect(changes.at(-1)?.problems).toEqual([]);
  });
});
