import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { selfSignedCertificate, type TestCertificate } from '@reception/testkit/certificate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  freePort,
  REPO_ROOT,
  spawnBridge,
  spawnKioskHost,
  killGroups,
  Teardown,
  waitHealthy,
  type SpawnedBridge,
  type SpawnedKioskHost,
} from './harness/index.ts';
import { LANGUAGE_BUTTONS, openAllProcedures, takeTicketFromDetail } from './kiosk-helpers.ts';

// A bridge on HTTPS with a self-signed certificate, as a centre without its own CA would run it: the kiosk
// screen, started by the production launcher (kiosk-browser.sh), reaches it only when KIOSK_BRIDGE_CERT pins
// that certificate's key; without the pin Chromium refuses the connection and the kiosk never starts.

const run = promisify(execFile);
const down = new Teardown();
let dir: string;
let cert: TestCertificate;
let bridge: SpawnedBridge;
let host: SpawnedKioskHost;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = down.add(await mkdtemp(path.join(tmpdir(), 'kiosk-tls-')), (d) =>
    rm(d, { recursive: true, force: true }),
  );
  down.add(children, killGroups);
  // The certificate names the address the kiosk uses; it is trusted by nothing until pinned.
  cert = await selfSignedCertificate(dir, { name: 'bridge', san: 'IP:127.0.0.1', days: 30 });
  const hostPort = await freePort();
  bridge = down.add(
    await spawnBridge({
      env: {
        BRIDGE_TLS_CERT: cert.certFile,
        BRIDGE_TLS_KEY: cert.keyFile,
        ALLOWED_ORIGINS: `http://127.0.0.1:${hostPort}`,
      },
    }),
    (b) => b.stop(),
  );
  host = down.add(
    await spawnKioskHost({
      bridgeUrl: bridge.url,
      env: {
        KIOSK_HOST_PORT: String(hostPort),
        KIOSK_TOKEN: 'demo-kiosk',
        KIOSK_SPEECH: 'none',
        KIOSK_VOICE: 'none',
      },
    }),
    (h) => h.stop(),
  );
}, 90_000);

afterAll(() => down.run());

/** The production launcher's Chromium on the kiosk host's page, headless, with `env` added; its page. */
async function screen(name: string, env: Record<string, string>): Promise<{ browser: Browser; page: Page }> {
  const cdpPort = await freePort();
  const proc = spawn('sh', [path.join(REPO_ROOT, 'apps/kiosk/deploy/kiosk-browser.sh')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      KIOSK_HOST_PORT: new URL(host.url).port,
      KIOSK_BROWSER_PROFILE: path.join(dir, name),
      KIOSK_BROWSER_EXTRA_FLAGS: `--headless --no-sandbox --disable-gpu --window-size=1280,800 --remote-debugging-port=${cdpPort}`,
      ...env,
    },
    detached: true,
    stdio: 'ignore',
  });
  children.push(proc);
  await waitHealthy(`http://127.0.0.1:${cdpPort}/json/version`);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
  const page = browser.contexts()[0]?.pages()[0];
  if (!page) throw new Error('Chromium --kiosk shows no page');
  return { browser, page };
}

describe('kiosk screen and an HTTPS bridge', () => {
  it('reaches the bridge over WSS when its certificate is pinned, and takes a ticket', async () => {
    expect(bridge.url).toMatch(/^https:/);
    const { browser, page } = await screen('pinned', { KIOSK_BRIDGE_CERT: cert.certFile });
    try {
      await openAllProcedures(page, LANGUAGE_BUTTONS.vi);
      await page.locator('[data-service="certified_copy"] button').click();
      await takeTicketFromDetail(page);
      expect(await page.locator('.ticket-number').textContent()).toMatch(/^[A-Z]+\d{3}$/);
      await expect(page.locator('.banner').count()).resolves.toBe(0);
      await page.screenshot({ path: artifactPath('kiosk/tls-pinned-ticket-vi.png') });
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('without the pin, Chromium refuses the certificate and the kiosk never gets past starting', async () => {
    const { browser, page } = await screen('unpinned', {});
    try {
      // A first start with no catalogue from the bridge: the four-language "starting" notice stays, and no
      // journey begins (the pinned screen above had its language buttons within a second or two).
      await page.getByText('The system is starting. Please wait a moment.').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(8000);
      await expect(page.getByText('The system is starting. Please wait a moment.').count()).resolves.toBe(1);
      await expect(
        page.getByRole('button', { name: LANGUAGE_BUTTONS.vi, exact: true }).count(),
      ).resolves.toBe(0);
      await page.screenshot({ path: artifactPath('kiosk/tls-unpinned-starting.png') });
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('the launcher refuses a pin file that is not a certificate', async () => {
    const failed = await run('sh', [path.join(REPO_ROOT, 'apps/kiosk/deploy/kiosk-browser.sh')], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        KIOSK_HOST_PORT: new URL(host.url).port,
        KIOSK_BROWSER: '/bin/false',
        KIOSK_BRIDGE_CERT: cert.keyFile,
      },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('is not a readable PEM certificate');
  });
});
