/**
 * wakeword:field CLI (contract in DESIGN.md section 9): the wake word in service, from the kiosk host's log.
 *   journalctl -u kiosk-host -o cat --since -7d | npm run -s wakeword:field
 *   npm run -s wakeword:field -- [--tz Asia/Ho_Chi_Minh] [LOG_FILE...]
 * Prints one JSON line (wake-field-report.ts): hours listened, wakes, what followed them (a request, a
 * refusal, nothing, cut short), wakes that led to no request per hour, by keyword, by wake rule and by day.
 * Errors: one JSON object {"error":{"code","message"}} on stderr, exit 2 (unreadable file, no voice lines),
 * 1 usage.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CliInputError, out, runCli, UsageError } from '@reception/voice/cli/cli-support';
import { FieldReportBuilder } from './wake-field-report.ts';

const USAGE =
  'usage: wakeword:field [--tz ZONE] [LOG_FILE...]   (no file: reads standard input)\n' +
  '  e.g. journalctl -u kiosk-host -o cat --since -7d | npm run -s wakeword:field';

async function readLines(builder: FieldReportBuilder, input: NodeJS.ReadableStream): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) builder.addLine(line);
}

runCli(USAGE, async () => {
  let args;
  try {
    args = parseArgs({ options: { tz: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = args;
  let builder: FieldReportBuilder;
  try {
    builder = new FieldReportBuilder(values.tz);
  } catch {
    throw new UsageError(`--tz ${values.tz ?? ''}: not a time zone (e.g. Asia/Ho_Chi_Minh)`);
  }
  if (positionals.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('give a log file, or pipe the log in');
    await readLines(builder, process.stdin);
  }
  for (const file of positionals) {
    const stream = createReadStream(file);
    const opened = new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    try {
      await opened;
    } catch (e) {
      throw new CliInputError(
        'log_unreadable',
        `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'EIO'}`,
      );
    }
    await readLines(builder, stream);
  }
  const report = builder.report();
  if (report.lines.voice === 0) {
    throw new CliInputError(
      'no_voice_log',
      `no voice lines in ${report.lines.read} line(s): give the kiosk host's log ` +
        '(journalctl -u kiosk-host -o cat), from a kiosk with voice on',
    );
  }
  out(report);
});
