/**
 * Link CLI (`npm run -s link -- <command>`), stdout is machine-readable JSON, logs go to stderr:
 *   soak   --port PATH --commands N [--deadline-ms 10000] [--concurrency 16]   one JSON line (see soak.ts)
 *   status --port PATH                                                        handshake, print HELLO_ACK info
 *   fuzz   --seconds 60 [--port PATH]                                         fuzz the TS decoder (and the base)
 *   drive  --port PATH [--linear 0.2] [--angular 0] [--seconds 5]             teleop at 10 Hz (e-stop must be clear)
 *   gen                                                                       regenerate messages.generated.ts
 */
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { SerialPort } from 'serialport';
import { fuzzDecoder } from './fuzz.ts';
import { locatePort } from './port-locator.ts';
import { GENERATED_PATH, generateMessagesModule, readProtocolSchema } from './gen-messages.ts';
import { SerialRobotBase } from './serial-robot-base.ts';
import { runSoak } from './soak.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    'serial-number': { type: 'string' },
    commands: { type: 'string', default: '1000' },
    'deadline-ms': { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '60' },
    linear: { type: 'string', default: '0.2' },
    angular: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'log-level': { type: 'string', default: 'warn' },
  },
});

const logger = pino({ name: 'link', level: values['log-level'] }, pino.destination(2));

function requirePort(): string {
  if (values.port === undefined) throw new Error('--port PATH is required');
  return values.port;
}

function openBase(): SerialRobotBase {
  return new SerialRobotBase({ path: requirePort(), serialNumber: values['serial-number'], logger });
}

async function main(): Promise<number> {
  const command = positionals[0];
  switch (command) {
    case 'soak': {
      const base = openBase();
      await base.connect();
      const result = await runSoak(base, {
        commands: Number(values.commands),
        deadlineMs: Number(values['deadline-ms']),
        concurrency: Number(values.concurrency),
      });
      await base.close();
      process.stdout.write(JSON.stringify(result) + '\n');
      return result.lost === 0 && result.duplicates === 0 ? 0 : 1;
    }
    case 'status': {
      if ((await locatePort({ path: requirePort(), serialNumber: values['serial-number'] })) === undefined) {
        throw new Error(`port ${requirePort()} not present`);
      }
      const base = openBase();
      const info = await Promise.race([
        base.connect(),
        sleep(5000).then(() => Promise.reject(new Error('no HELLO_ACK within 5 s'))),
      ]);
      await base.close();
      process.stdout.write(JSON.stringify({ path: values.port, ...info }) + '\n');
      return 0;
    }
    case 'fuzz': {
      const seconds = Number(values.seconds);
      let sink: ((chunk: Uint8Array) => void) | undefined;
      let port: SerialPort | undefined;
      if (values.port !== undefined) {
        const p = new SerialPort({ path: values.port, baudRate: 115200 });
        port = p;
        await new Promise<void>((resolve, reject) => p.once('open', resolve).once('error', reject));
        p.on('data', () => undefined);
        let queued = 0;
        sink = (chunk) => {
          // Keep the base's input busy without buffering megabytes in the pty.
          if (queued > 64 * 1024) return;
          queued += chunk.length;
          p.write(Buffer.from(chunk), () => (queued -= chunk.length));
        };
      }
      const result = fuzzDecoder(seconds, Number(values.seed), sink);
      let baseAlive: boolean | undefined;
      if (port !== undefined) {
        await new Promise<void>((resolve) => port.drain(() => resolve()));
        await new Promise<void>((resolve) => port.close(() => resolve()));
        const base = openBase();
        baseAlive = await Promise.race([base.connect().then(() => true), sleep(5000).then(() => false)]);
        await base.close();
      }
      process.stdout.write(
        JSON.stringify({ ...result, first_crash: undefined, base_alive: baseAlive }) + '\n',
      );
      if (result.first_crash !== undefined) logger.error({ crash: result.first_crash }, 'decoder crashed');
      return result.crashes === 0 && baseAlive !== false ? 0 : 1;
    }
    case 'drive': {
      const base = openBase();
      await base.connect();
      const end = Date.now() + Number(values.seconds) * 1000;
      let acked = 0;
      while (Date.now() < end) {
        await base.velocity(Number(values.linear), Number(values.angular), 200);
        if (acked++ === 0) process.stdout.write(JSON.stringify({ event: 'driving' }) + '\n');
        await sleep(100);
      }
      await base.close();
      process.stdout.write(JSON.stringify({ event: 'done', commands: acked }) + '\n');
      return 0;
    }
    case 'gen':
      writeFileSync(GENERATED_PATH, await generateMessagesModule(readProtocolSchema()));
      process.stderr.write(`wrote ${GENERATED_PATH}\n`);
      return 0;
    default:
      process.stderr.write(
        'usage: link -- soak|status|fuzz|gen [--port PATH] (see packages/robot-link/README.md)\n',
      );
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'link command failed');
    process.exit(1);
  },
);
