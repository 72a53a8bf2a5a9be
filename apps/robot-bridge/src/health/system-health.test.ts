import type { SystemHealth } from '@reception/protocol';
import type { PrintJob, TicketPrinter } from '@reception/ticket-printing';
import { afterEach, describe, expect, it } from 'vitest';
import { MonitoredPrinter } from '../tickets/printer-health.ts';
import { SystemHealthMonitor, type ProblemReport } from './system-health.ts';

class PaperPrinter implements TicketPrinter {
  failure: (Error & { code?: string }) | undefined;
  print(): Promise<void> {
    return this.failure ? Promise.reject(this.failure) : Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
const job = {} as PrintJob;
const paperOut = Object.assign(new Error('printer is out of paper'), { code: 'PAPER_OUT' });

let monitor: SystemHealthMonitor | undefined;
afterEach(() => monitor?.close());

describe('system health for the console', () => {
  it('raises printer_paper_out as soon as a print fails for paper, and clears it when a print works', async () => {
    const inner = new PaperPrinter();
    const printer = new MonitoredPrinter(inner);
    let now = 1_000;
    monitor = new SystemHealthMonitor([printer], 60_000, () => now);
    const changes: SystemHealth[] = [];
    monitor.on('change', (h) => changes.push(h));

    inner.failure = paperOut;
    now = 2_000;
    await expect(printer.print(job)).rejects.toThrow('out of paper');
    expect(changes.at(-1)?.problems).toEqual([
      { kind: 'printer_paper_out', since: new Date(2_000).toISOString(), detail: 'printer is out of paper' },
    ]);
    // The same problem again is no news.
    await expect(printer.print(job)).rejects.toThrow();
    expect(changes).toHaveLength(1);

    inner.failure = Object.assign(new Error('port gone'), { code: 'PRINTER_UNAVAILABLE' });
    await expect(printer.print(job)).rejects.toThrow();
    expect(changes.at(-1)?.problems.map((p) => p.kind)).toEqual(['printer_failed']);

    inner.failure = undefined;
    await printer.print(job);
    expect(changes.at(-1)?.problems).toEqual([]);
    expect(monitor.health.problems).toEqual([]);
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
