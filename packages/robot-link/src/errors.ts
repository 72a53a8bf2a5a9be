/** Typed errors of the link layer. Every failure a caller can act on has its own `code`. */
import { Result } from './messages.generated.ts';

export type LinkErrorCode =
  | 'NOT_CONNECTED'
  | 'CLOSED'
  | 'TIMEOUT'
  | 'VERSION_MISMATCH'
  | 'SCHEMA_MISMATCH'
  | 'PORT_NOT_FOUND'
  | 'REJECTED_ESTOP'
  | 'REJECTED_STATE'
  | 'INVALID'
  | 'BUSY'
  | 'UNSUPPORTED'
  | 'FAILED';

export class LinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

/** Why the base refused a command, as an error code. */
export type RejectionCode = Extract<
  LinkErrorCode,
  'REJECTED_ESTOP' | 'REJECTED_STATE' | 'INVALID' | 'BUSY' | 'UNSUPPORTED' | 'FAILED'
>;

/** The error code of a command the base refused, from its CMD_ACK result (`FAILED` for anything else). */
export function rejectionCode(result: Result): RejectionCode {
  return REJECTION[result] ?? 'FAILED';
}

const REJECTION: Partial<Record<Result, RejectionCode>> = {
  [Result.REJECTED_ESTOP]: 'REJECTED_ESTOP',
  [Result.REJECTED_STATE]: 'REJECTED_STATE',
  [Result.INVALID]: 'INVALID',
  [Result.BUSY]: 'BUSY',
  [Result.UNSUPPORTED]: 'UNSUPPORTED',
  [Result.FAILED]: 'FAILED',
};

/** The base answered CMD_ACK with a result other than OK / IN_PROGRESS: it did not carry the command out. */
export class CommandRejectedError extends LinkError {
  constructor(
    code: RejectionCode,
    readonly command: string,
    readonly seq: number,
    readonly result: Result,
    readonly execCount: number,
  ) {
    super(code, `${command} (seq ${seq}) rejected by the base: ${code}`);
    this.name = 'CommandRejectedError';
  }
}

/**
 * No CMD_ACK before the deadline. The command may or may not have been executed: the base dedupes by
 * seq, so the caller may resend the same seq with `sendCommand` but must not issue it as a new command.
 */
export class CommandTimeoutError extends LinkError {
  constructor(
    readonly command: string,
    readonly seq: number,
    readonly attempts: number,
  ) {
    super('TIMEOUT', `${command} (seq ${seq}) not acknowledged after ${attempts} attempts`);
    this.name = 'CommandTimeoutError';
  }
}
