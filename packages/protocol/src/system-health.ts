/**
 * Health of the parts around the robot that staff must act on (issue 17, the console's alert panel):
 * the ticket printer and the queue system. `system:get_health` answers the current problems; broadcast
 * `system:health` tells staff every time the set changes. `/healthz` says the same for operators, in English.
 */

/**
 * A problem staff can act on. Closed: add a kind here (and its words in the i18n catalogue), never free text.
 * - `printer_paper_out`: the last ticket could not be printed because the paper ran out (until a print works);
 * - `printer_failed`: the last print failed otherwise (port gone, no answer);
 * - `queue_unreachable`: the centre's queue system does not answer (tickets wait in the outbox);
 * - `ticket_database_failed`: the embedded ticket database cannot make tickets durable.
 */
export const SYSTEM_PROBLEMS = [
  'printer_paper_out',
  'printer_failed',
  'queue_unreachable',
  'ticket_database_failed',
] as const;
export type SystemProblemKind = (typeof SYSTEM_PROBLEMS)[number];

export interface SystemProblem {
  kind: SystemProblemKind;
  /** When it was first seen (ISO time). */
  since: string;
  /** The bridge's own English explanation, for whoever supports the centre; never shown as the message. */
  detail: string;
}

export interface SystemHealth {
  /** Every current problem, oldest first; empty when all is well. */
  problems: SystemProblem[];
  at: string;
}

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
