import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  launchChromium,
  spawnBridge,
  spawnKioskHost,
  Teardown,
  type LaunchedChromium,
  type SpawnedBridge,
  type SpawnedKioskHost,
} from './harness/index.ts';
import { chooseLanguage, OPEN_TIME } from './kiosk-tour.ts';

// The kiosk when the bridge goes away and comes back, when its token is wrong, and when a citizen walks
// away mid-entry. The kiosk host reaches the bridge through a TCP relay the test can cut and restore, as a
// pulled network cable would.

/** A TCP relay on a fixed port to the bridge: `cut()` drops every connection and stops listening. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: number,
  ) {}

  async restore(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

let bridge: SpawnedBridge;
let relay: Relay;
let host: SpawnedKioskHost;
let wrongTokenHost: SpawnedKioskHost;
let browser: LaunchedChromium;
const down = new Teardown();

beforeAll(async () => {
  const [hostPort, wrongPort, relayPort] = [await freePort(), await freePort(), await freePort()];
  const origins = [hostPort, wrongPort].map((p) => `http://127.0.0.1:${p}`).join(',');
  [bridge, browser] = await Promise.all([
    spawnBridge({ env: { ALLOWED_ORIGINS: origins } }).then((b) => down.add(b, (x) => x.stop())),
    launchChromium({ viewport: { width: 1280, height: 800 } }).then((b) => down.add(b, (x) => x.close())),
  ]);
  relay = down.add(new Relay(relayPort, Number(new URL(bridge.url).port)), (r) => r.cut());
  await relay.restore();
  const relayUrl = `http://127.0.0.1:${relayPort}`;
  [host, wrongTokenHost] = await Promise.all([
    spawnKioskHost({ bridgeUrl: relayUrl, env: { KIOSK_HOST_PORT: String(hostPort), KIOSK_SPEECH: 'none' } }),
    spawnKioskHost({
      bridgeUrl: bridge.url,
      env: { KIOSK_HOST_PORT: String(wrongPort), KIOSK_SPEECH: 'none', KIOSK_TOKEN: 'stolen-or-mistyped' },
    }),
  ]).then((hosts) => hosts.map((h) => down.add(h, (x) => x.stop())));
}, 120_000);

afterAll(() => down.run());

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.clock.setSystemTime(OPEN_TIME);
  await page.goto(url);
  return page;
}

async function toTicketChoice(page: Page): Promise<void> {
  await page.locator('[data-menu="procedures"]').click();
  await page.locator('[data-field="all"] button').click();
  await page.locator('[data-service="certified_copy"] button').click();
  await page.locator('[data-action="check-papers"]').click();
  await page.locator('[data-action="continue-to-ticket"]').click();
  await page.locator('.priority').waitFor();
}

describe('offline, wrong token, idle reset', () => {
  it('says the bridge is unreachable in the citizen’s language, browses from its cache, issues no ticket, and recovers by itself', async () => {
    const page = await open(`${host.url}/kiosk/`);
    await chooseLanguage(page, 'ur');
    await relay.cut();
    const banner = page.locator('.banner');
    await banner.waitFor({ timeout: 15_000 });
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(banner.textContent()).resolves.toMatch(/[\u0600-\u06ff]/);

    // A new visit while the bridge is gone: the catalogue comes from the kiosk's cache.
    await page.reload();
    await chooseLanguage(page, 'ur');
    await toTicketChoice(page);
    await expect(page.locator('[data-action="take-ticket"]').count()).resolves.toBe(0);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/[\u0600-\u06ff]/);
    await expect(page.locator('.ticket-number').count()).resolves.toBe(0);

    await relay.restore();
    await page.locator('[data-action="take-ticket"]').waitFor({ timeout: 30_000 });
    await expect(banner.count()).resolves.toBe(0);
    await page.locator('[data-action="take-ticket"]').click();
    await page.locator('.ticket-number').waitFor();
    await page.close();
  }, 90_000);

  it('the reconnect counter reaches the eighties before the bridge is back (no back-off)', async () => {
    const page = await open(`${host.url}/kiosk/`);
    await chooseLanguage(page, 'vi');
    const attempts: string[] = [];
    page.on('websocket', (ws) => {
      if (ws.url().startsWith(`ws://127.0.0.1:${relay.port}/`)) attempts.push(ws.url());
    });
    await relay.cut();
    // 15 s away: with back-off from 1 s doubling to 10 s that is at most 5 knocks (jitter ±50 %); a fixed
    // half-second retry makes 30.
    await new Promise((r) => setTimeout(r, 15_000));
    await relay.restore();
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.length).toBeLessThanOrEqual(7);
    await page.locator('.banner').waitFor({ state: 'detached', timeout: 30_000 });
    await page.close();
  }, 60_000);

  it('with a wrong token says so on the first screen, in every language, and offers no language button', async () => {
    const page = await open(`${wrongTokenHost.url}/kiosk/`);
    await page.locator('.welcome-refused').waitFor({ timeout: 15_000 });
    await expect(page.locator('.language-button').count()).resolves.toBe(0);
    const lines = await page.locator('.welcome-refused p').allTextContents();
    expect(lines).toHaveLength(4);
    expect(new Set(lines).size).toBe(4);
    await page.close();
  });

  it('forgets a typed receipt code when the citizen walks away (idle reset)', async () => {
    const page = await open(`${bridge.url}/kiosk/?idle=6`);
    await chooseLanguage(page, 'vi');
    await page.locator('[data-menu="dossier"]').click();
    for (const k of ['0', '0', '0', '2', '5', '1', '3', 'H']) await page.locator(`[data-key="${k}"]`).click();
    await expect(page.locator('.code-display').textContent()).resolves.toMatch(/^000\.25\.13\.H/);
    await page.getByRole('alertdialog').waitFor({ timeout: 10_000 });
    await page.locator('.language-grid').waitFor({ timeout: 10_000 });
    await chooseLanguage(page, 'vi');
    await page.locator('[data-menu="dossier"]').click();
    await expect(page.locator('.code-display').textContent()).resolves.toBe('\u00a0');
    const stored = await page.evaluate(() =>
      JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)]),
    );
    expect(stored).not.toContain('25.13');
    expect(stored).not.toContain('002513');
    await page.close();
  });
});
