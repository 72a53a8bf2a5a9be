/**
 * Stand-alone reference queue server (EXTERNAL_QUEUE.md), e.g. for tests of `HttpTicketQueue`:
 *   npx tsx packages/queue/src/testing/reference-server-main.ts --db FILE --site SITE.yaml [--port N] [--token T]
 *     [--webhook URL --secret S]
 * Prints one JSON line `{"port": N}` on stdout once listening.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadSite } from '@reception/protocol/site-file';
import { createReferenceServer } from './reference-server.ts';
import { SqliteTicketQueue } from '../sqlite/sqlite-ticket-queue.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      site: { type: 'string' },
      port: { type: 'string', default: '0' },
      token: { type: 'string', default: 'demo-queue-token' },
      webhook: { type: 'string' },
      secret: { type: 'string', default: '' },
    },
  });
  if (!values.db || !values.site) {
    process.stderr.write('usage: reference-server-main --db FILE --site SITE.yaml [--port N] [--token T]\n');
    process.exit(2);
  }
  const log = pino({ level: 'warn' }).child({ ns: 'reference-queue' });
  const { site } = await loadSite(values.site);
  const queue = new SqliteTicketQueue({ file: values.db, site: () => site });
  const ref = createReferenceServer({
    queue,
    token: values.token,
    webhook: values.webhook ? { url: values.webhook, secret: values.secret } : undefined,
    log,
  });
  ref.server.listen(Number(values.port), '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (ref.server.address() as AddressInfo).port })}\n`);
  });
  const stop = () => {
    void ref.close().then(() => queue.close().then(() => process.exit(0)));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
