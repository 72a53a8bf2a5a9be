import type { PrintOutcome, SiteCatalogue, Ticket } from '@reception/protocol';

/** What goes on the paper besides the ticket itself. */
export interface PrintJob {
  ticket: Ticket;
  site: SiteCatalogue;
  position: number;
  estimated_wait_min: number;
  counters: number[];
  /** Where the QR code on the ticket points (the ticket's phone page: position, call, rating). */
  qr_url: string;
  /**
   * The kiosk's checklist: indexes into the service's `required_documents` of the papers the citizen does
   * not have; printed with where to get each. Absent or empty: no checklist on the paper.
   */
  missing_documents?: readonly number[];
}

/**
 * A ticket printer. Rules: `print` resolves once the printer accepted the whole job and rejects with a
 * reason otherwise (paper out, port gone, timeout); it never retries on its own, since a retried job
 * could print twice. A failed print never affects the ticket, which is already issued.
 */
export interface TicketPrinter {
  print(job: PrintJob): Promise<void>;
  close(): Promise<void>;
}

/** Runs a print and turns the outcome into what the kiosk is told. */
export async function printOutcome(printer: TicketPrinter | undefined, job: PrintJob): Promise<PrintOutcome> {
  if (!printer) return { status: 'no_printer' };
  try {
    await printer.print(job);
    return { status: 'printed' };
  } catch (e) {
    return { status: 'failed', message: (e as Error).message };
  }
}
