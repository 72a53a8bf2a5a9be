/**
 * One issuer process of `bench:tickets`: connects to the bridge's /kiosk namespace like a kiosk, waits for
 * "go" on stdin, then issues `warmup` + `count` tickets one after another, `rate` per second on average:
 * with `arrivals` = poisson (the default) the gaps are exponential, with `fixed` they are all 1/rate. One
 * request at a time; a late answer does not stretch the schedule, up to `backlogMs` of backlog (0: every
 * delay, such as a bridge restart, pushes the rest of the schedule back). With event
 * `bridge:info` it sends that no-op request instead: the transport baseline. The first `warmup`
 * are marked as such (their latency is reported apart). A request that times out or meets a dead bridge is
 * retried with the SAME idempotency key until it is acknowledged. Prints "done" after its last ticket,
 * then, on the next line from stdin, one JSON line: every acknowledged ticket with its latency, and retry
 * counts.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Result, TicketReceipt } from '@reception/protocol';
import { io } from 'socket.io-client';

const [
  url = '',
  token = '',
  countArg = '500',
  rateArg = '18',
  event = 'ticket:issue',
  warmupArg = '0',
  arrivals = 'poisson',
  backlogArg = '1000',
] = process.argv.slice(2);
const count = Number(countArg);
const warmup = Number(warmupArg);
const backlogMs = Number(backlogArg);
const meanGapMs = 1000 / Number(rateArg);
// Citizens do not arrive on a beat: by default the gaps are exponential (a Poisson process at `rate`).
const gap = () => (arrivals === 'fixed' ? meanGapMs : -Math.log(1 - Math.random()) * meanGapMs);
const services = ['civil_status', 'certified_copy', 'land'];

const socket = io(`${url}/kiosk`, {
  auth: { token },
  transports: ['websocket'],
  reconnectionDelay: 50,
  reconnectionDelayMax: 200,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  process.stdout.write('ready\n');
  const rl = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => rl.once('line', () => resolve()));
  const acked: [string, string, string, number, 0 | 1][] = [];
  let retries = 0;
  let rateLimited = 0;
  // Independent kiosks are not synchronised: each starts at a random phase of its pacing interval.
  let next = performance.now() + Math.random() * meanGapMs;
  for (let i = 0; i < warmup + count; i++) {
    const warm = i < warmup ? 1 : 0;
    const key = randomUUID();
    const service_id = services[i % services.length];
    for (;;) {
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      if (!socket.connected) {
        await sleep(20);
        continue;
      }
      next = Math.max(next + gap(), performance.now() - backlogMs);
      const t0 = performance.now();
      let r: Result<TicketReceipt> | undefined;
      try {
        r = (
          event === 'bridge:info'
            ? await socket.timeout(1500).emitWithAck('bridge:info', {})
            : await socket.timeout(1500).emitWithAck('ticket:issue', {
                service_id,
                idempotency_key: key,
                print: false,
              })
        ) as Result<TicketReceipt>;
      } catch {
        retries++;
        continue;
      }
      const ms = performance.now() - t0;
      if (r.ok && event === 'bridge:info') {
        acked.push([key, '', '', ms, warm]);
        break;
      }
      if (r.ok) {
        const n = `${r.value.ticket.business_date}/${r.value.ticket.number}`;
        acked.push([key, r.value.ticket.id, n, ms, warm]);
        break;
      }
      if (r.error.code === 'RATE_LIMITED') rateLimited++;
      else retries++;
      await sleep(50);
    }
  }
  // The report (a few hundred KB of JSON) and this process's exit are CPU work that must not land on other
  // issuers' last requests: say "done", and report only once every issuer is done.
  process.stdout.write('done\n');
  await new Promise<void>((resolve) => rl.once('line', () => resolve()));
  process.stdout.write(`${JSON.stringify({ acked, retries, rate_limited: rateLimited })}\n`);
  socket.disconnect();
  rl.close();
}

void main();
