import { describe, expect, it } from 'vitest';
import { MonitoredPrinter } from './monitored-printer.ts';
import type { PrintJob, TicketPrinter } from './ticket-printer.ts';

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

describe('MonitoredPrinter', () => {
  it('reports paper out after a failed print, another failure as printer_failed, nothing once a print works', async () => {
    const inner = new PaperPrinter();
    const printer = new MonitoredPrinter(inner);
    let told = 0;
    printer.subscribe(() => told++);

    inner.failure = paperOut;
    await expect(printer.print(job)).rejects.toThrow('out of paper');
    expect(printer.problems()).toEqual([{ kind: 'printer_paper_out', detail: 'printer is out of paper' }]);
    // The same problem again is no news.
    await expect(printer.print(job)).rejects.toThrow();
    expect(told).toBe(1);

    inner.failure = Object.assign(new Error('port gone'), { code: 'PRINTER_UNAVAILABLE' });
    await expect(printer.print(job)).rejects.toThrow();
    expect(printer.problems().map((p) => p.kind)).toEqual(['printer_failed']);

    inner.failure = undefined;
    await printer.print(job);
    expect(printer.problems()).toEqual([]);
    expect(told).toBe(3);
  });
});
