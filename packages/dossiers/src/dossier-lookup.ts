import {
  parseReceiptCode,
  type DossierStatus,
  type ErrorCode,
  type ReceiptCode,
  type ReceiptCodeProblem,
} from '@reception/protocol';

/**
 * Where a citizen's dossier stands, asked by the receipt code printed on their receipt slip. One interface,
 * two implementations: `DemoDossierLookup` (the site's demo dossiers, `sites/<centre>/dossiers.yaml`) and
 * `HttpDossierLookup` (the centre's one-stop system over the REST contract in DOSSIER_API.md).
 *
 * Rules every implementation keeps (the contract suite `dossier-lookup.contract.ts` checks them):
 *
 * - **What it returns.** `status(input)` resolves to a `DossierStatus` (packages/protocol/src/dossiers.ts):
 *   the canonical code, the procedure's site service id, the status, the steps done with their times
 *   (oldest first), the promised return date and the first one if it was moved, the late warning, where to
 *   collect the result, and when the answer was made. `late` follows `lateWarning` in `site-calendar.ts`,
 *   computed from the dates and "today" in the site's time zone, so both implementations warn alike.
 * - **Invalid code.** `input` is whatever the citizen typed or the camera read. It is checked with
 *   `parseReceiptCode` first (trim, upper case, separators stripped, shape and date); a bad one rejects with
 *   `InvalidReceiptCode` (`code: 'INVALID_CODE'`, `problem: empty | too_long | bad_format | bad_date`)
 *   before any system is contacted. Implementations never see anything but a canonical code.
 * - **Not found.** A well-formed code the system does not know rejects with `DossierNotFound`
 *   (`NOT_FOUND`). That is an answer, not a failure: it is not retried and does not mark the system down.
 * - **System unreachable.** Anything else that keeps the lookup from an answer (connection refused or
 *   reset, timeout, 5xx, 429, an answer that is not the contract's JSON, a refused token, no system set
 *   up) rejects with `DossierSystemUnavailable` (`UNAVAILABLE`, with a `reason`). Nothing throws anything
 *   else, nothing crashes the caller, and an unknown system error never reads as "not found".
 * - **Timeouts.** Every call settles within the implementation's deadline (HttpDossierLookup: `timeoutMs`,
 *   4 s by default, retries included) or when `signal` aborts, whichever is first; both reject with
 *   `DossierSystemUnavailable` reason `timeout`. No call hangs.
 * - **No personal data in logs.** Receipt codes identify a citizen's dossier: they are never logged, nor
 *   is any part of an answer. Logs say what happened (outcome, reason, attempts, milliseconds). An answer
 *   carries no name, address or identity number; fields a remote system adds are dropped unread.
 * - `close()` releases what the implementation holds; later calls reject with `UNAVAILABLE`.
 */
export interface DossierLookup {
  status(input: string, options?: { signal?: AbortSignal }): Promise<DossierStatus>;
  close(): Promise<void>;
}

export type DossierErrorCode = 'INVALID_CODE' | 'NOT_FOUND' | 'UNAVAILABLE';

/** Why a dossier system gave no answer; logged and shown in `/healthz`, never to citizens. */
export type UnavailableReason =
  'unreachable' | 'timeout' | 'server_error' | 'busy' | 'bad_answer' | 'unauthorized' | 'closed';

/** Every error a lookup rejects with. `wireCode` is its code on the socket (the closed `ErrorCode`). */
export abstract class DossierError extends Error {
  abstract readonly code: DossierErrorCode;

  get wireCode(): ErrorCode {
    switch (this.code) {
      case 'INVALID_CODE':
        return 'INVALID_PAYLOAD';
      case 'NOT_FOUND':
        return 'NOT_FOUND';
      case 'UNAVAILABLE':
        return 'UNAVAILABLE';
      default: {
        const never: never = this.code;
        return never;
      }
    }
  }
}

export class InvalidReceiptCode extends DossierError {
  readonly code = 'INVALID_CODE';
  constructor(readonly problem: ReceiptCodeProblem) {
    super(`${problem}: not a receipt code (expected the shape 000.00.00.H26-YYMMDD-0001)`);
    this.name = 'InvalidReceiptCode';
  }
}

export class DossierNotFound extends DossierError {
  readonly code = 'NOT_FOUND';
  constructor() {
    super('no dossier with this receipt code');
    this.name = 'DossierNotFound';
  }
}

export class DossierSystemUnavailable extends DossierError {
  readonly code = 'UNAVAILABLE';
  constructor(
    readonly reason: UnavailableReason,
    detail: string,
  ) {
    super(`the dossier system gave no answer (${reason}): ${detail}`);
    this.name = 'DossierSystemUnavailable';
  }
}

/** The receipt code in `input`, or `InvalidReceiptCode`; the first step of every `status()`. */
export function checkReceiptCode(input: string): ReceiptCode {
  const parsed = parseReceiptCode(input);
  if (!parsed.ok) throw new InvalidReceiptCode(parsed.problem);
  return parsed.value;
}
