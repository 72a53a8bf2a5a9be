/**
 * Stand-alone reference dossier server (DOSSIER_API.md) over a site's demo dossiers:
 *   tsx packages/dossiers/src/testing/reference-server-main.ts --site SITE.yaml [--dossiers FILE]
 *     [--port N] [--token T] [--delay-ms N]
 * `--dossiers` defaults to `dossiers.yaml` beside the site file. Prints one JSON line `{"port": N}` on
 * stdout once listening; SIGTERM or SIGINT stops it.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadSite } from '@reception/protocol/site-file';
import { DemoDossierLookup } from '../demo/demo-dossier-lookup.ts';
import { createReferenceServer } from './reference-server.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      dossiers: { type: 'string' },
      port: { type: 'string', default: '0' },
      token: { type: 'string', default: 'demo-dossier-token' },
      'delay-ms': { type: 'string', default: '0' },
    },
  });
  if (!values.site) {
    process.stderr.write('usage: reference-server-main --site SITE.yaml [--dossiers FILE] [--port N]\n');
    process.exit(2);
  }
  const { site } = await loadSite(values.site);
  const file = values.dossiers ?? path.join(path.dirname(values.site), 'dossiers.yaml');
  const lookup = await DemoDossierLookup.fromFile(file, { site: () => site });
  const ref = createReferenceServer({
    lookup,
    token: values.token,
    log: pino({ level: 'warn' }).child({ ns: 'reference-dossiers' }),
  });
  ref.faults.delayMs = Number(values['delay-ms']);
  ref.server.listen(Number(values.port), '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (ref.server.address() as AddressInfo).port })}\n`);
  });
  const stop = () => void ref.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
