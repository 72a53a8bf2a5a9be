import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { selfSignedCertificate, type TestCertificate } from '@reception/testkit/certificate';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { readConfig } from '../config.ts';
import { startTestBridge } from '../testing/bridge-clients.ts';
import { certificateWatch, readTls } from './tls.ts';

// HTTPS and WSS on the bridge's one port, with a certificate made here for 127.0.0.1 (as a centre's own
// CA or a self-signed one would be): health, a staff login and a kiosk socket go over TLS, plain HTTP
// gets nothing, and bad TLS settings stop the bridge at start with the variable named.

let dir: string;
let cert: TestCertificate;
let ca: Buffer;
let bridge: RunningBridge;
let root: string;
let tlsKiosk: string;

/** GET or POST over HTTPS, trusting only the test certificate. */
function https(url: string, body?: object): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        ca,
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bridge-tls-'));
  cert = await selfSignedCertificate(dir, { name: 'bridge', san: 'IP:127.0.0.1,DNS:localhost', days: 30 });
  ca = Buffer.from(cert.pem);
  const started = await startTestBridge({
    env: { BRIDGE_TLS_CERT: cert.certFile, BRIDGE_TLS_KEY: cert.keyFile },
    kiosks: ['tls kiosk'],
  });
  bridge = started.bridge;
  root = started.root;
  tlsKiosk = started.kiosks.get('tls kiosk')!;
}, 60_000);

afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('bridge over TLS', () => {
  it('serves health and staff login over HTTPS only', async () => {
    expect(bridge.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await https(`${bridge.url}/healthz`);
    expect(health.status).toBe(200);
    const login = await https(`${bridge.url}/api/auth/login`, {
      username: 'lead',
      password: 'demo-admin-pass',
    });
    expect(login.status).toBe(200);
    expect(JSON.parse(login.text)).toHaveProperty('token');
    // Plain HTTP on the same port: no answer a client could mistake for the bridge.
    await expect(fetch(bridge.url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
    // A client that does not trust the certificate is refused by TLS itself.
    await expect(fetch(`${bridge.url}/healthz`)).rejects.toThrow();
  });

  it('says in /healthz and /metrics when the certificate expires, and faults two weeks before', async () => {
    const health = JSON.parse((await https(`${bridge.url}/healthz`)).text) as {
      checks: { name: string; ok: boolean; detail: string }[];
    };
    const check = health.checks.find((c) => c.name === 'tls');
    expect(check?.ok).toBe(true);
    expect(check?.detail).toMatch(
      /^certificate for IP Address:127\.0\.0\.1, DNS:localhost expires .* \((29|30) days\)$/,
    );
    const expires = Date.parse(new X509Certificate(ca).validTo);
    expect((await https(`${bridge.url}/metrics`)).text).toContain(
      `bridge_tls_cert_expiry_timestamp_seconds ${expires / 1000}`,
    );
    // The same certificate seen from later: 13 days before its end, then after it.
    const files = { cert: ca, key: readFileSync(cert.keyFile) };
    const soon = certificateWatch(files, new Registry(), () => expires - 13 * 86_400_000).check();
    expect(soon).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/in 13 days: renew it/) as string,
    });
    const late = certificateWatch(files, new Registry(), () => expires + 1000).check();
    expect(late).toMatchObject({ ok: false, detail: expect.stringMatching(/it has expired/) as string });
  });

  it('carries a kiosk socket over WSS', async () => {
    const socket = io(`${bridge.url}/kiosk`, {
      auth: { token: tlsKiosk },
      transports: ['websocket'],
      reconnection: false,
      ca: ca.toString(),
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const answer = (await socket.timeout(5000).emitWithAck('site:get', {})) as { ok: boolean };
      expect(answer.ok).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('refuses TLS settings that cannot work, naming the variable', () => {
    const config = (env: Record<string, string>) => readConfig({ ...env });
    expect(() => config({ BRIDGE_TLS_CERT: cert.certFile })).toThrow(
      /BRIDGE_TLS_CERT and BRIDGE_TLS_KEY go together/,
    );
    expect(() =>
      readTls(config({ BRIDGE_TLS_CERT: path.join(dir, 'nothing.pem'), BRIDGE_TLS_KEY: cert.keyFile })),
    ).toThrow(/BRIDGE_TLS_CERT: cannot read .*nothing\.pem/);
    writeFileSync(path.join(dir, 'other.pem'), 'not a key\n');
    expect(() =>
      readTls(config({ BRIDGE_TLS_CERT: cert.certFile, BRIDGE_TLS_KEY: path.join(dir, 'other.pem') })),
    ).toThrow(/not a usable certificate and key/);
  });
});
