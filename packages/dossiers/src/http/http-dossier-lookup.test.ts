import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { dossierStatusSchema, type Site } from '@reception/protocol';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRACT_NOW,
  DEMO_DOSSIERS_FILE,
  DEMO_SITE_FILE,
  demoSite,
  dossierLookupContract,
  rejection,
} from '../dossier-lookup.contract.ts';
import { DemoDossierLookup } from '../demo/demo-dossier-lookup.ts';
import { DossierSystemUnavailable } from '../dossier-lookup.ts';
import { createReferenceServer, type ReferenceServer } from '../testing/reference-server.ts';
import { HttpDossierLookup, type HttpDossierLookupOptions } from './http-dossier-lookup.ts';

const TOKEN = 'test-dossier-token';
const LATE = '000.25.13.H26-261130-0012';

async function listen(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function reference(site: Site): Promise<{ ref: ReferenceServer; url: string }> {
  const demo = await DemoDossierLookup.fromFile(DEMO_DOSSIERS_FILE, {
    site: () => site,
    now: () => CONTRACT_NOW,
  });
  const ref = createReferenceServer({ lookup: demo, token: TOKEN });
  return { ref, url: await listen(ref.server) };
}

const reason = (p: Promise<unknown>) => rejection(p, DossierSystemUnavailable);

dossierLookupContract('HttpDossierLookup against the reference server', async (site) => {
  const { ref, url } = await reference(site);
  const lookup = new HttpDossierLookup({
    baseUrl: url,
    token: TOKEN,
    site: () => site,
    now: () => CONTRACT_NOW,
  });
  return {
    lookup,
    close: async () => {
      await lookup.close();
      await ref.close();
    },
  };
});

describe('HttpDossierLookup faults', () => {
  let site: Site;
  let ref: ReferenceServer;
  let url: string;
  const make = (over: Partial<HttpDossierLookupOptions> = {}) =>
    new HttpDossierLookup({ baseUrl: url, token: TOKEN, site: () => site, now: () => CONTRACT_NOW, ...over });

  beforeAll(async () => {
    site = await demoSite();
    ({ ref, url } = await reference(site));
  });
  afterAll(() => ref.close());

  it('drops fields the contract does not have, such as a name, before anyone sees them', async () => {
    ref.faults.extraFields = { applicant_name: 'Nguyễn Văn An', identity_number: '001203004567' };
    try {
      const s = await make().status(LATE);
      expect(dossierStatusSchema.safeParse(s).success).toBe(true);
      expect(JSON.stringify(s)).not.toMatch(/Nguyễn|001203004567/);
    } finally {
      ref.faults.extraFields = {};
    }
  });

  it('retries a 503 and gets the answer; gives up with server_error after its retries', async () => {
    const before = ref.statuses.length;
    ref.faults.failNext = 2;
    const lookup = make();
    expect((await lookup.status(LATE)).status).toBe('in_progress');
    expect(ref.statuses.slice(before)).toEqual([503, 503, 200]);
    expect(lookup.online).toBe(true);

    ref.faults.failNext = 100;
    const e = await reason(lookup.status(LATE));
    expect([e.code, e.reason, e.wireCode]).toEqual(['UNAVAILABLE', 'server_error', 'UNAVAILABLE']);
    expect(lookup.online).toBe(false);
    ref.faults.failNext = 0;
    await lookup.status(LATE);
    expect(lookup.online).toBe(true);
  });

  it('answers UNAVAILABLE (timeout) when the system is slow, and stops when the caller aborts', async () => {
    ref.faults.delayMs = 5_000;
    try {
      const e = await reason(make({ timeoutMs: 600, attemptTimeoutMs: 250 }).status(LATE));
      expect([e.code, e.reason]).toEqual(['UNAVAILABLE', 'timeout']);
      const caller = new AbortController();
      const pending = make().status(LATE, { signal: caller.signal });
      caller.abort();
      expect((await reason(pending)).reason).toBe('timeout');
    } finally {
      ref.faults.delayMs = 0;
    }
  });

  it('does not retry a refused token, and reports it as unavailable, not as "not found"', async () => {
    const before = ref.statuses.length;
    const e = await reason(make({ token: 'wrong' }).status(LATE));
    expect([e.code, e.reason]).toEqual(['UNAVAILABLE', 'unauthorized']);
    // Answers to other tests' abandoned slow requests may land meanwhile; only one 401 is ours.
    expect(ref.statuses.slice(before).filter((s) => s === 401)).toEqual([401]);
  });

  it('treats a wrong URL or a broken answer as unavailable, never as "not found"', async () => {
    const weird = createServer((req, res) => {
      if (req.url?.startsWith('/html/')) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
      } else if (req.url?.startsWith('/json404/')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no route"}');
      } else if (req.url?.startsWith('/huge/')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(`"${'x'.repeat(300_000)}"`);
      } else if (req.url?.startsWith('/other/')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"in_progress"}');
      } else {
        res.writeHead(429).end('{"error":{"code":"RATE_LIMITED"}}');
      }
    });
    const base = await listen(weird);
    try {
      const at = (p: string) => make({ baseUrl: `${base}/${p}/` }).status(LATE);
      expect((await reason(at('html'))).reason).toBe('bad_answer');
      expect((await reason(at('json404'))).reason).toBe('bad_answer');
      expect((await reason(at('huge'))).reason).toBe('bad_answer');
      expect((await reason(at('other'))).reason).toBe('bad_answer');
      expect((await reason(at('busy'))).reason).toBe('busy');
    } finally {
      weird.closeAllConnections();
      weird.close();
    }
  });

  it('answers UNAVAILABLE once closed, and unreachable when nothing listens', async () => {
    const lookup = make();
    await lookup.close();
    expect((await reason(lookup.status(LATE))).reason).toBe('closed');
    const nobody = createServer();
    const base = await listen(nobody);
    await new Promise<void>((r) => nobody.close(() => r()));
    expect((await reason(make({ baseUrl: base }).status(LATE))).reason).toBe('unreachable');
  });

  it('never writes a receipt code or an answer into its logs', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const log = pino({ level: 'trace' }, sink);
    const lookup = make({ log });
    await lookup.status(LATE);
    await rejection(lookup.status('000.25.13.H26-261130-0099'));
    ref.faults.failNext = 100;
    await rejection(lookup.status(LATE));
    ref.faults.failNext = 0;
    await rejection(make({ log, token: 'nope' }).status(LATE));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const text = lines.join('');
    for (const secret of ['261130', 'H26', 'marital', 'in_progress', TOKEN, 'nope']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('HttpDossierLookup against a reference server process that is killed', () => {
  let child: ChildProcess | undefined;
  let port = 0;

  const start = async (fixedPort: number) => {
    const proc = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, '../testing/reference-server-main.ts'),
        ...['--site', DEMO_SITE_FILE, '--port', String(fixedPort), '--token', TOKEN],
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child = proc;
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: proc.stdout }).once('line', resolve);
      proc.once('exit', (code) => reject(new Error(`reference server exited with ${String(code)}`)));
    });
    port = (JSON.parse(line) as { port: number }).port;
  };
  const kill = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await gone;
  };
  afterAll(kill);

  // Starts a Node process twice (tsx compiles on the way): slow on a busy machine, hence the long timeout.
  it(
    'answers, says UNAVAILABLE while the system is down, and answers again once it is back',
    { timeout: 90_000 },
    async () => {
      const site = await demoSite();
      await start(0);
      // The stand-alone server runs on the real clock: ask it for one of today's demo codes.
      const today = (await DemoDossierLookup.fromFile(DEMO_DOSSIERS_FILE, { site: () => site })).list();
      const code = today[4]?.code ?? '';
      const lookup = new HttpDossierLookup({
        baseUrl: `http://127.0.0.1:${port}`,
        token: TOKEN,
        site: () => site,
      });
      expect((await lookup.status(code)).procedure_id).toBe('marital_status_certificate');

      await kill();
      const e = await reason(lookup.status(code));
      expect([e.code, e.reason]).toEqual(['UNAVAILABLE', 'unreachable']);
      expect(lookup.online).toBe(false);

      await start(port);
      expect((await lookup.status(code)).code).toBe(code);
      expect(lookup.online).toBe(true);
    },
  );
});
