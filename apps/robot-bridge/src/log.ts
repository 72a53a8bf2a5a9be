import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs on stdout. Personal data (names, phone numbers, dossier codes) never goes into a
 * log line; tokens and passwords are redacted should they ever reach one.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'bridge',
      level,
      redact: { paths: ['token', 'password', '*.token', '*.password', 'auth'], censor: '[redacted]' },
      base: { pid: process.pid },
    },
    destination,
  );
}
