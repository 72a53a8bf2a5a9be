import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { KioskClientEvents, KioskServerEvents, Result, SiteCatalogue } from '@reception/protocol';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  KIOSK_DIST,
  launchChromium,
  spawnBridge,
  type LaunchedChromium,
  type SpawnedBridge,
} from './harness/index.ts';
import { openAllProcedures } from './kiosk-helpers.ts';

// The kiosk renderer served by the real bridge, in Debian's Chromium: language picker, procedure list from
// the site file, Urdu right to left with a mirrored layout, idle reset, connection banner.

let bridge: SpawnedBridge | undefined;
let browser: LaunchedChromium | undefined;
let site: SiteCatalogue;

async function fetchCatalogue(url: string): Promise<SiteCatalogue> {
  const socket: Socket<KioskServerEvents, KioskClientEvents> = io(`${url}/kiosk`, {
    auth: { token: 'demo-kiosk' },
    transports: ['websocket'],
  });
  try {
    const result = (await socket.timeout(10_000).emitWithAck('site:get', {})) as Result<SiteCatalogue>;
    if (!result.ok) throw new Error(`site:get failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  } finally {
    socket.disconnect();
  }
}

async function openKiosk(query = ''): Promise<Page> {
  const page = await browser!.newPage();
  await page.goto(`${bridge!.url}/kiosk/${query}`);
  // The centre's name appears once the catalogue has arrived over socket.io.
  await page.locator('.welcome-site').waitFor();
  return page;
}

/** Families of the web fonts the page actually loaded (not merely declared). */
async function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
  });
}

async function listBoxes(page: Page) {
  const items = page.locator('.procedure-list > li');
  const first = await items.nth(0).boundingBox();
  const second = await items.nth(1).boundingBox();
  const list = await page.locator('.procedure-list').boundingBox();
  if (!first || !second || !list) throw new Error('procedure list is not laid out');
  return { first, second, list };
}

beforeAll(async () => {
  if (!existsSync(path.join(KIOSK_DIST, 'index.html'))) {
    throw new Error(
      `${KIOSK_DIST} is missing: build the kiosk first (\`npm run -w @reception/kiosk build\`; \`npm test\` does it via turbo)`,
    );
  }
  bridge = await spawnBridge();
  site = await fetchCatalogue(bridge.url);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

describe('kiosk in the browser', () => {
  it('starts in Vietnamese and lists every procedure of the site', async () => {
    const page = await openKiosk();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    for (const name of ['Tiếng Việt', 'English', 'हिन्दी', 'اردو']) {
      await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(true);
    }
    await page.screenshot({ path: artifactPath('kiosk-welcome.png'), fullPage: false });
    await openAllProcedures(page, 'Tiếng Việt');
    const names = await page.locator('.procedure-name').allTextContents();
    expect(names).toEqual(site.services.map((s) => s.name.vi));
    expect(names).toHaveLength(12);

    const { first, second, list } = await listBoxes(page);
    expect(first.y).toBe(second.y);
    expect(first.x).toBeLessThan(second.x);
    expect(Math.abs(first.x - list.x)).toBeLessThan(2);

    expect(await loadedFonts(page)).toContain('Noto Sans');
    await page.screenshot({ path: artifactPath('kiosk-vi.png'), fullPage: false });

    // A paid procedure: the fee in dong with Vietnamese digit grouping, and where to go.
    const paid = site.services.find((s) => s.fee.amount_vnd >= 10_000)!;
    await page.getByRole('button', { name: paid.name.vi }).click();
    const grouped = new Intl.NumberFormat('vi-VN').format(paid.fee.amount_vnd);
    await expect(page.locator('.fee-amount').textContent()).resolves.toContain(grouped);
    await page.screenshot({ path: artifactPath('kiosk-vi-detail.png'), fullPage: false });
    await page.close();
  });

  it('switches to Urdu right to left with a mirrored layout and Urdu procedure names', async () => {
    const page = await openKiosk();
    await openAllProcedures(page, 'اردو');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ur');

    const birth = site.services.find((s) => s.id === 'birth_registration');
    expect(birth?.name.ur).toBeTruthy();
    await expect(page.getByText(birth!.name.ur!, { exact: true }).isVisible()).resolves.toBe(true);
    const names = await page.locator('.procedure-name').allTextContents();
    expect(names).toEqual(site.services.map((s) => s.name.ur));

    // Mirrored: the first procedure sits at the right-hand (start) edge, the second to its left.
    const { first, second, list } = await listBoxes(page);
    expect(first.y).toBe(second.y);
    expect(first.x).toBeGreaterThan(second.x);
    expect(Math.abs(first.x + first.width - (list.x + list.width))).toBeLessThan(2);
    // The back button is at the start edge too: right of the title.
    const back = await page.getByRole('button', { name: 'واپس' }).boundingBox();
    const title = await page.locator('.top-bar-title').boundingBox();
    expect(back!.x).toBeGreaterThan(title!.x);

    expect(await loadedFonts(page)).toContain('Noto Nastaliq Urdu');
    await page.screenshot({ path: artifactPath('kiosk-ur.png'), fullPage: false });

    // Detail: counters, fee and papers in Urdu; back returns to the list.
    const marriage = site.services.find((s) => s.id === 'marriage_registration')!;
    await page.getByRole('button', { name: marriage.name.ur }).click();
    await page.locator('.detail').waitFor();
    await expect(page.locator('.screen-heading').textContent()).resolves.toBe(marriage.name.ur);
    const counterNumbers = site.counters
      .filter((c) => marriage.counters.includes(c.id))
      .map((c) => `${c.number}`);
    await expect(page.locator('.counter-number').allTextContents()).resolves.toEqual(counterNumbers);
    await expect(page.locator('.document-list > li').count()).resolves.toBe(
      marriage.required_documents.length,
    );
    await page.screenshot({ path: artifactPath('kiosk-ur-detail.png'), fullPage: false });
    await page.getByRole('button', { name: 'واپس' }).click();
    await page.locator('.procedure-list').waitFor();
    await page.close();
  });

  it('shows Hindi in Devanagari with its own font', async () => {
    const page = await openKiosk();
    await openAllProcedures(page, 'हिन्दी');
    expect(await page.getAttribute('html', 'lang')).toBe('hi');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await expect(page.locator('.procedure-name').allTextContents()).resolves.toEqual(
      site.services.map((s) => s.name.hi),
    );
    expect(await loadedFonts(page)).toContain('Noto Sans Devanagari');
    await page.screenshot({ path: artifactPath('kiosk-hi.png'), fullPage: false });
    await page.close();
  });

  it('finds a procedure by a keyword typed without accents', async () => {
    const page = await openKiosk();
    await openAllProcedures(page, 'Tiếng Việt');
    await page.getByRole('searchbox').fill('ket hon');
    // The name match comes first; procedures with "kết hôn" among their keywords follow.
    const names = await page.locator('.procedure-name').allTextContents();
    expect(names[0]).toBe(site.services.find((s) => s.id === 'marriage_registration')!.name.vi);
    expect(names.length).toBeLessThan(site.services.length);
    expect(names).not.toContain(site.services.find((s) => s.id === 'construction_permit')!.name.vi);
    await page.getByRole('searchbox').fill('zzzz');
    await page.getByRole('status').filter({ hasText: 'zzzz' }).waitFor();
    await page.close();
  });

  it('forgets the citizen after the idle delay', async () => {
    const page = await openKiosk('?idle=3');
    await openAllProcedures(page, 'English');
    await page.getByRole('searchbox').fill('birth');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.locator('.language-grid').waitFor({ timeout: 15_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await openAllProcedures(page, 'English');
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('');
    await expect(page.locator('.procedure-name').count()).resolves.toBe(site.services.length);
    await page.close();
  });

  it('works from another origin with the host API, as the Electron shell loads it', async () => {
    // Stand-in for Electron's app:// protocol and preload: the built files from a second server (another
    // origin), and a `window.kioskHost.getConfig()` pointing at the bridge. The socket must go WebSocket-only,
    // since the bridge allows no cross-origin HTTP.
    const files = createServer((req, res) => {
      const rel = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/kiosk\//, '');
      const file = path.join(KIOSK_DIST, path.extname(rel) ? path.normalize(rel) : 'index.html');
      readFile(file).then(
        (body) =>
          res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : '' }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    // The bridge refuses sockets from foreign web origins; a kiosk shell's origin is allowed by configuration
    // (ALLOWED_ORIGINS, default app://kiosk for the Electron shell).
    const own = await spawnBridge({ env: { ALLOWED_ORIGINS: origin } });
    const page = await browser!.newPage();
    try {
      await page.addInitScript((bridgeUrl: string) => {
        // The host API as the preload exposes it: every method resolves with a Result.
        const ok = (value: unknown) => Promise.resolve({ ok: true, value });
        Object.defineProperty(window, 'kioskHost', {
          value: {
            getConfig: () => ok({ bridgeUrl, token: 'demo-kiosk', idleSeconds: 60, robotScreen: false }),
            capabilities: () =>
              ok({ speech: null, intent: false, microphone: false, printer: false, voiceSamples: false }),
            speak: () => ok({ finished: true }),
            stopSpeaking: () => ok(null),
            on: () => () => undefined,
          },
        });
      }, own.url);
      const polls: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('transport=polling')) polls.push(r.url());
      });
      await page.goto(`${origin}/kiosk/`);
      await page.locator('.welcome-site').waitFor();
      await openAllProcedures(page, 'English');
      await expect(page.locator('.procedure-name').allTextContents()).resolves.toEqual(
        site.services.map((s) => s.name.en),
      );
      expect(polls).toEqual([]);
    } finally {
      await page.close();
      await own.stop();
      await new Promise((resolve) => files.close(resolve));
    }
  });

  // Last: it stops the bridge.
  it('says it is reconnecting when the bridge goes away', async () => {
    const page = await openKiosk();
    await openAllProcedures(page, 'English');
    await expect(page.locator('.banner').count()).resolves.toBe(0);
    await bridge!.stop();
    await page.getByText('Reconnecting', { exact: false }).waitFor({ timeout: 15_000 });
    await page.close();
  });
});
