import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { BridgeClients, startTestBridge } from '../testing/bridge-clients.ts';

// Issue 17's HTTP defects, each named after it; every test here failed on the hand-written server.
let bridge: RunningBridge;
let root: string;
let web: string;
const clients = new BridgeClients(() => bridge);

beforeAll(async () => {
  web = path.join(process.env.TMPDIR ?? '/tmp', `bridge-web-${randomUUID()}`);
  mkdirSync(path.join(web, 'kiosk/assets'), { recursive: true });
  writeFileSync(path.join(web, 'kiosk/index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(web, 'kiosk/assets/app.js'), 'console.log(1)');
  writeFileSync(path.join(web, 'kiosk/favicon.ico'), Buffer.from([0, 0, 1, 0]));
  writeFileSync(path.join(web, 'kiosk/assets/model.wasm'), Buffer.from([0, 97, 115, 109]));
  ({ bridge, root } = await startTestBridge({
    env: { KIOSK_WEB_DIR: path.join(web, 'kiosk'), STAFF_WEB_DIR: path.join(web, 'staff') },
  }));
});
afterAll(async () => {
  clients.closeAll();
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(web, { recursive: true, force: true });
});

/** Sends raw bytes on one TCP connection; resolves with everything received until the server closes it or `idleMs` passes. */
function raw(request: string | Buffer, idleMs = 1500): Promise<{ text: string; closed: boolean }> {
  const { port } = new URL(bridge.url);
  return new Promise((resolve) => {
    const socket = tcp(Number(port), '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => done(false), idleMs);
    };
    socket.on('data', (d) => {
      text += d.toString('latin1');
      arm();
    });
    socket.on('close', () => done(true));
    socket.on('error', () => done(true));
    socket.write(request);
    arm();
  });
}

describe('HTTP hardening (issue 17)', () => {
  it('malformed_percent_escape_answers_400_not_500', async () => {
    for (const p of ['/kiosk/%', '/kiosk/%E0%A4%A', '/console/%zz', '/rate/%']) {
      const res = await fetch(`${bridge.url}${p}`);
      expect(res.status, p).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_PAYLOAD');
    }
  });

  it('oversized_body_answers_413_and_the_connection_does_not_hang', async () => {
    const body = JSON.stringify({ username: 'x', password: 'y'.repeat(100_000) });
    const head = `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { text, closed } = await raw(head + body);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    // Closed by the bridge: no half-read body is left on a kept-alive socket.
    expect(closed).toBe(true);
    expect(text.toLowerCase()).toContain('connection: close');
  });

  it('oversized_rating_form_answers_413_not_500', async () => {
    const res = await fetch(`${bridge.url}/rate/${randomUUID()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `score=5&reason=${'a'.repeat(10_000)}`,
    });
    expect(res.status).toBe(413);
  });

  it('malformed_json_and_unparseable_requests_answer_4xx', async () => {
    const bad = await fetch(`${bridge.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(bad.status).toBe(400);
    const { text, closed } = await raw('GARBAGE /\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(closed).toBe(true);
  });

  it('rate_paths_do_not_each_become_a_metrics_series', async () => {
    const ids = [randomUUID(), randomUUID(), 'not-a-uuid'];
    for (const id of ids) await fetch(`${bridge.url}/rate/${id}`);
    const metrics = await (await fetch(`${bridge.url}/metrics`)).text();
    expect(metrics).toMatch(/^bridge_http_requests_total\{route="\/rate\/:id",status="404"\} [3-9]/m);
    for (const id of ids) expect(metrics).not.toContain(id);
    await fetch(`${bridge.url}/no/such/${randomUUID()}`);
    const after = await (await fetch(`${bridge.url}/metrics`)).text();
    expect(after).toMatch(/route="unmatched"/);
  });

  it('rating_page_sends_csp_and_frame_protection', async () => {
    for (const p of [`/rate/${randomUUID()}`, '/', '/kiosk/', '/healthz']) {
      const res = await fetch(`${bridge.url}${p}`);
      expect(res.headers.get('content-security-policy'), p).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-frame-options'), p).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
    }
  });

  it('static_files_have_etag_304_mime_types_and_an_app_shell', async () => {
    const js = await fetch(`${bridge.url}/kiosk/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    const etag = js.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch() adds `cache-control: no-cache` to conditional requests unless told otherwise, as browsers don't.
    const again = await fetch(`${bridge.url}/kiosk/assets/app.js`, {
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${bridge.url}/kiosk/assets/model.wasm`)).headers.get('content-type')).toBe(
      'application/wasm',
    );
    const shell = await fetch(`${bridge.url}/kiosk/procedures/birth`);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain('<div id="root">');
    expect((await fetch(`${bridge.url}/kiosk/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${bridge.url}/kiosk/../../etc/passwd`)).status).toBe(404);
    const redirect = await fetch(`${bridge.url}/kiosk?token=x`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/kiosk/?token=x');
    const unbuilt = await fetch(`${bridge.url}/console/`);
    expect(unbuilt.status).toBe(503);
    expect(await unbuilt.text()).toContain('not built');
  });

  it('login_csrf_cross_site_text_plain_post_fails', async () => {
    const body = JSON.stringify({ username: 'counter1', password: 'demo-counter' });
    // What a foreign page's <form enctype="text/plain"> or no-cors fetch sends.
    const csrf = await fetch(`${bridge.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      body,
    });
    expect(csrf.status).toBe(403);
    const plain = await fetch(`${bridge.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(plain.status).toBe(415);
    const foreignJson = await clients.login('counter1', 'demo-counter', { origin: 'http://evil.example' });
    expect(foreignJson.status).toBe(403);
    const crossSite = await clients.login('counter1', 'demo-counter', { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const own = await clients.login('counter1', 'demo-counter', { origin: bridge.url });
    expect(own.status).toBe(200);
  });

  it('socket_from_a_foreign_web_origin_is_refused', async () => {
    await expect(
      clients.connect('/kiosk', 'demo-kiosk', { origin: 'http://evil.example' }),
    ).rejects.toThrow();
    await expect(clients.connect('/kiosk', 'demo-kiosk', { origin: bridge.url })).resolves.toBeDefined();
    // The Electron kiosk's own origin (ALLOWED_ORIGINS default).
    await expect(clients.connect('/kiosk', 'demo-kiosk', { origin: 'app://kiosk' })).resolves.toBeDefined();
  });

  it('healthz_says_why_in_plain_words', async () => {
    const health = (await (await fetch(`${bridge.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', summary: 'all checks pass' });
    expect(health.checks).toContainEqual({
      name: 'robot',
      ok: true,
      detail: 'no robot configured (ROBOT_PORT is unset)',
    });
  });

  it('serves the API documents', async () => {
    const open = (await (await fetch(`${bridge.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(open.openapi).toBe('3.1.0');
    expect(Object.keys(open.paths)).toContain('/api/auth/logout');
    const asyncapi = (await (await fetch(`${bridge.url}/api/asyncapi.json`)).json()) as { asyncapi: string };
    expect(asyncapi.asyncapi).toBe('3.0.0');
  });

  it('/favicon.ico answers 404 (issue 18): it serves the kiosk icon', async () => {
    const res = await fetch(`${bridge.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0, 0, 1, 0]));
  });
});
