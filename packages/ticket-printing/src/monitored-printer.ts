import type { ProblemReport, ProblemSource } from '@reception/protocol';
import type { PrintJob, TicketPrinter } from './ticket-printer.ts';

/**
 * The kiosk ticket printer with its last outcome remembered, for the console's alerts: a print that failed
 * for want of paper is `printer_paper_out`, any other failure `printer_failed`, until a print succeeds.
 * The printer's own rules are unchanged (no retry; a failed print never affects the ticket).
 */
export class MonitoredPrinter implements TicketPrinter, ProblemSource {
  private last: ProblemReport | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly printer: TicketPrinter) {}

  subscribe(listener: () => void): void {
    this.listeners.push(listener);
  }

  async print(job: PrintJob): Promise<void> {
    try {
      await this.printer.print(job);
      this.set(undefined);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      this.set({
        kind: code === 'PAPER_OUT' ? 'printer_paper_out' : 'printer_failed',
        detail: (e as Error).message,
      });
      throw e;
    }
  }

  problems(): readonly ProblemReport[] {
    return this.last ? [this.last] : [];
  }

  close(): Promise<void> {
    return this.printer.close();
  }

  private set(p: ProblemReport | undefined): void {
    const changed = p?.kind !== this.last?.kind;
    this.last = p;
    if (changed) for (const l of this.listeners) l();
  }
}
