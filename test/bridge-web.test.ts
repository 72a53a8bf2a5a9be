import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_DIST, spawnBridge, type SpawnedBridge } from './harness/index.ts';

// The real bridge process over HTTP: health, and the kiosk build served with its security headers.

let bridge: SpawnedBridge | undefined;

beforeAll(async () => {
  bridge = await spawnBridge();
}, 60_000);

afterAll(async () => {
  await bridge?.stop();
});

describe('bridge HTTP', () => {
  it('answers /healthz with status ok', async () => {
    const res = await fetch(`${bridge!.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: { name: string; ok: boolean }[] };
    expect(body.status).toBe('ok');
    expect(body.checks.find((c) => c.name === 'site')?.ok).toBe(true);
  });

  it('serves the kiosk app at /kiosk/ with a Content-Security-Policy, and its assets', async () => {
    if (!existsSync(path.join(KIOSK_DIST, 'index.html'))) {
      throw new Error(`${KIOSK_DIST} is missing: run \`npm run -w @reception/kiosk build\` first`);
    }
    const res = await fetch(`${bridge!.url}/kiosk/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    const script = /<script[^>]+src="(\/kiosk\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${bridge!.url}${script!}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);

    // Client-side routes fall back to the app shell; missing assets are real 404s.
    expect((await fetch(`${bridge!.url}/kiosk/procedures/birth`)).status).toBe(200);
    expect((await fetch(`${bridge!.url}/kiosk/assets/missing.js`)).status).toBe(404);
  });
});
