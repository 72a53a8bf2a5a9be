import { VoiceError } from '../errors.ts';

export function out(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

export class UsageError extends Error {}

/** An input a CLI cannot use, other than a VoiceError's (exit 2, like them). */
export class CliInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Runs a CLI body. Errors: one JSON object {"error":{"code","message"}} on stderr, exit code 2 for a
 * VoiceError (bad WAV, missing model...) or CliInputError, 1 for usage; anything else is a bug and keeps its stack.
 */
export function runCli(usage: string, body: () => Promise<void>): void {
  body().catch((e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${JSON.stringify({ error: { code: 'usage', message: e.message } })}\n${usage}\n`);
      process.exitCode = 1;
    } else if (e instanceof VoiceError || e instanceof CliInputError) {
      process.stderr.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    }
  });
}

export function parseNumber(
  name: string,
  v: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a number in [${min}, ${max}]`);
  return n;
}
