import type { Language, Result } from '@reception/protocol';
import { RECEIPT_CODE_EXAMPLE } from '@reception/protocol';
import { translator } from '@reception/i18n';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  launchChromium,
  spawnBridge,
  Teardown,
  type LaunchedChromium,
  type SpawnedBridge,
} from './harness/index.ts';
import { kioskSocket } from './kiosk-helpers.ts';
import { chooseLanguage, startOver } from './kiosk-tour.ts';

// Issue 18: a wrong, empty or 10,000-character receipt code, and the dossier system being down, each get a
// clear message in the citizen's language, and nothing crashes. The bridge is configured for the centre's
// one-stop system (the HTTP adapter) at an address where nothing listens: the system is down.

const teardown = new Teardown();
let bridge: SpawnedBridge;
let browser: LaunchedChromium;

beforeAll(async () => {
  const dead = await freePort();
  bridge = teardown.add(
    await spawnBridge({
      env: {
        DOSSIER_BACKEND: 'http',
        DOSSIER_API_URL: `http://127.0.0.1:${dead}`,
        DOSSIER_API_TIMEOUT_MS: '1000',
      },
    }),
    (b) => b.stop(),
  );
  browser = teardown.add(await launchChromium({ viewport: { width: 1280, height: 800 } }), (b) => b.close());
}, 90_000);

afterAll(() => teardown.run());

async function typeCode(page: Page, code: string) {
  for (const ch of code.replace(/[^0-9A-Z]/g, '')) await page.locator(`.keypad [data-key="${ch}"]`).click();
}

async function lookUp(page: Page, expected: string, lang: Language) {
  await page.locator('[data-action="look-up"]').click();
  const notice = page.locator(`[data-error="${expected}"]`);
  await notice.waitFor();
  // On screen without scrolling: at 1280x800 the answer sits under the keypad, below the fold.
  await expect
    .poll(async () => {
      const box = await notice.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 800;
    })
    .toBe(true);
  const i18n = translator(lang, 'Asia/Ho_Chi_Minh');
  await expect(notice.textContent()).resolves.toContain(i18n.t(expected as never));
}

describe.each(['vi', 'ur'] as const)('dossier errors in %s', (lang) => {
  it('empty, wrong and unanswered codes each say what happened; Start over still works', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${bridge.url}/kiosk/`);
      await chooseLanguage(page, lang);
      await page.locator('[data-menu="dossier"]').click();
      await lookUp(page, 'dossier.error_empty', lang);
      await typeCode(page, '123');
      await lookUp(page, 'dossier.error_invalid_code', lang);
      await page.locator('[data-key="clear"]').click();
      await typeCode(page, RECEIPT_CODE_EXAMPLE);
      await lookUp(page, 'dossier.error_unavailable', lang);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await startOver(page, lang);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

it('a 10,000-character code over the socket is refused with a typed error, and the bridge stays up', async () => {
  const socket = kioskSocket(bridge.url);
  try {
    const long = (await socket
      .timeout(10_000)
      .emitWithAck('dossier:status', { code: '1'.repeat(10_000) })) as Result<unknown>;
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const down = (await socket
      .timeout(10_000)
      .emitWithAck('dossier:status', { code: RECEIPT_CODE_EXAMPLE })) as Result<unknown>;
    expect(down).toMatchObject({ ok: false });
    expect(down.ok ? '' : down.error.code).not.toBe('NOT_FOUND');
    const health = (await (await fetch(`${bridge.url}/healthz`)).json()) as { status: string };
    expect(['ok', 'degraded', 'starting']).toContain(health.status);
  } finally {
    socket.disconnect();
  }
});
