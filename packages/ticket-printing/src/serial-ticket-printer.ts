import type { Logger } from 'pino';
import { SerialPort } from 'serialport';
import type { PrintJob, TicketPrinter } from './ticket-printer.ts';
import { encodeTicket, PAPER_STATUS_REQUEST, paperOut } from './escpos.ts';
import { loadPaperFonts } from './paper.ts';
import { layoutTicket } from './ticket-layout.ts';

export class PrinterError extends Error {
  constructor(
    readonly code: 'PRINTER_UNAVAILABLE' | 'PAPER_OUT' | 'PRINT_TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

export interface SerialTicketPrinterOptions {
  path: string;
  baudRate: number;
  /** The site's IANA time zone (asked per ticket, so a reloaded site file takes effect). */
  timeZone: () => string;
  log: Logger;
  /** Wait this long for the paper status answer; printers that never answer are printed to anyway. */
  statusTimeoutMs?: number;
  /** Whole job must be written and drained within this time. */
  writeTimeoutMs?: number;
}

/**
 * An ESC/POS thermal printer on a serial port (or a USB printer's serial interface). Opens the port for
 * each job and closes it after, so a replugged printer works on the next ticket. Checks the paper sensor
 * first when the printer answers DLE EOT 4.
 */
export class SerialTicketPrinter implements TicketPrinter {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: SerialTicketPrinterOptions) {
    loadPaperFonts(); // a broken install shows at start, not on a citizen's first ticket
  }

  print(job: PrintJob): Promise<void> {
    // One job at a time: two kiosks' tickets must never interleave on the paper.
    const run = this.chain.then(() => this.printNow(job));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async printNow(job: PrintJob): Promise<void> {
    const bytes = encodeTicket(layoutTicket(job, this.o.timeZone()));
    const port = new SerialPort({ path: this.o.path, baudRate: this.o.baudRate, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) =>
        port.open((e) =>
          e
            ? reject(new PrinterError('PRINTER_UNAVAILABLE', `printer ${this.o.path}: ${e.message}`))
            : resolve(),
        ),
      );
      const status = await this.paperStatus(port);
      if (status !== undefined && paperOut(status))
        throw new PrinterError('PAPER_OUT', 'printer is out of paper');
      await this.withTimeout(
        new Promise<void>((resolve, reject) => {
          port.write(bytes, (e) => {
            if (e) reject(new PrinterError('PRINTER_UNAVAILABLE', e.message));
          });
          port.drain((e) => (e ? reject(new PrinterError('PRINTER_UNAVAILABLE', e.message)) : resolve()));
        }),
        this.o.writeTimeoutMs ?? 10_000,
        'printer did not take the ticket in time',
      );
      this.o.log.info({ ticket: job.ticket.number, bytes: bytes.length }, 'ticket printed');
    } finally {
      if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
    }
  }

  private paperStatus(port: SerialPort): Promise<number | undefined> {
    return new Promise((resolve) => {
      const onData = (d: Buffer) => {
        clearTimeout(timer);
        port.off('data', onData);
        resolve(d[0]);
      };
      const timer = setTimeout(() => {
        port.off('data', onData);
        resolve(undefined);
      }, this.o.statusTimeoutMs ?? 300);
      port.on('data', onData);
      port.write(PAPER_STATUS_REQUEST);
    });
  }

  private withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new PrinterError('PRINT_TIMEOUT', message)), ms);
      p.then(
        (v) => {
          clearTimeout(t);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(t);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  close(): Promise<void> {
    return this.chain.then(() => undefined);
  }
}
