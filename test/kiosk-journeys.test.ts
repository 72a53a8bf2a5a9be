import type { LobbyPlan, Result, SiteCatalogue } from '@reception/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  spawnKioskStack,
  type LaunchedChromium,
  type SpawnedBridge,
  type SpawnedKioskHost,
} from './harness/index.ts';
import { kioskSocket, LANGUAGE_BUTTONS } from './kiosk-helpers.ts';

// The citizen's journeys on the kiosk as deployed in browser mode: the real bridge, the kiosk's Node host
// serving the renderer, Debian's Chromium. Vietnamese and Urdu end to end; screenshots for a human.

let bridge: SpawnedBridge | undefined;
let host: SpawnedKioskHost | undefined;
let browser: LaunchedChromium | undefined;
let site: SiteCatalogue;

beforeAll(async () => {
  ({ bridge, host } = await spawnKioskStack({ hostEnv: { KIOSK_SPEECH: 'espeak-ng' } }));
  const socket = kioskSocket(bridge.url);
  const r = (await socket.timeout(10_000).emitWithAck('site:get', {})) as Result<SiteCatalogue>;
  socket.disconnect();
  if (!r.ok) throw new Error(r.error.message);
  site = r.value;
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await bridge?.stop();
});

async function open(lang: keyof typeof LANGUAGE_BUTTONS, query = ''): Promise<Page> {
  const page = await browser!.newPage();
  await page.goto(`${host!.url}/kiosk/${query}`);
  await page.getByRole('button', { name: LANGUAGE_BUTTONS[lang], exact: true }).click();
  await page.locator('.home').waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath(`kiosk/${name}.png`) });

describe.each(['vi', 'ur'] as const)('journeys in %s', (lang) => {
  it('procedure by field, checklist with a missing paper, priority ticket with QR, Done', async () => {
    const page = await open(lang);
    await shot(page, `${lang}-home`);
    await page.locator('[data-menu="procedures"]').click();
    await page.locator('[data-field="certification"] button').click();
    await shot(page, `${lang}-list`);
    const copy = site.services.find((s) => s.id === 'certified_copy')!;
    await page.getByRole('button', { name: copy.name[lang]! }).click();
    await page.locator('.detail').waitFor();
    await shot(page, `${lang}-detail`);
    // The main action is on screen without scrolling.
    const action = await page.locator('[data-action="check-papers"]').boundingBox();
    expect(action!.y + action!.height).toBeLessThanOrEqual(800);
    await page.locator('[data-action="check-papers"]').click();
    await page.locator('[data-paper="0"] input').check();
    await expect(page.locator('[data-missing]').count()).resolves.toBe(1);
    await shot(page, `${lang}-checklist`);
    await page.locator('[data-action="continue-to-ticket"]').click();
    await page.locator('.priority').waitFor();
    await shot(page, `${lang}-priority`);
    await expect(page.locator('[data-action="back"]').count()).resolves.toBe(1);
    // Outside opening hours the kiosk asks first; inside it goes straight to the choice.
    const confirm = page.locator('[data-action="confirm-ticket"]');
    if (await confirm.isVisible()) await confirm.click();
    await page.locator('[data-priority="elderly"]').click();
    await page.locator('.ticket-number').waitFor();
    const number = await page.locator('.ticket-number').textContent();
    expect(number).toMatch(new RegExp(`^${copy.prefix}\\d{3}$`));
    await expect(page.locator('.ticket-priority').isVisible()).resolves.toBe(true);
    await expect(page.locator('.ticket-qr svg').getAttribute('aria-label')).resolves.toBeTruthy();
    await expect(page.locator('.ticket-missing').isVisible()).resolves.toBe(true);
    await shot(page, `${lang}-ticket`);
    await page.locator('[data-action="done"]').click();
    await page.locator('.language-grid').waitFor();
    await page.close();
  });

  it('dossier status: a wrong code is told plainly, a demo code shows its status', async () => {
    const page = await open(lang);
    await page.locator('[data-menu="dossier"]').click();
    for (const k of ['1', '2', '3']) await page.locator(`[data-key="${k}"]`).click();
    await page.locator('[data-action="look-up"]').click();
    await page.locator('[data-error="dossier.error_invalid_code"]').waitFor();
    await shot(page, `${lang}-dossier-error`);
    await page.locator('[data-key="clear"]').click();
    const code = (bridge!.logs().find((l) => Array.isArray(l.codes))?.codes as string[] | undefined)?.[0];
    if (code) {
      for (const ch of code.replace(/[^0-9A-Z]/g, '')) await page.locator(`[data-key="${ch}"]`).click();
      await page.locator('[data-action="look-up"]').click();
      await page.locator('.dossier-result').waitFor();
    }
    await shot(page, `${lang}-dossier`);
    await page.close();
  });

  it('find the restroom on the lobby map with the route drawn, and call a staff member', async () => {
    const page = await open(lang);
    await page.locator('[data-menu="facilities"]').click();
    await page.locator('[data-place="restroom"]').click();
    await page.locator('.map-route').waitFor();
    await shot(page, `${lang}-facilities`);
    await page.locator('[data-action="start-over"]').click();
    await page.getByRole('button', { name: LANGUAGE_BUTTONS[lang], exact: true }).click();
    await page.locator('[data-menu="staff"]').click();
    await page.locator('[data-reason="documents"]').click();
    await page.locator('.big-status').waitFor();
    // "No longer needed" keeps a button's size: it grew to fill the screen, the easiest thing to hit by mistake.
    const cancel = await page.locator('main.staff > .second-action').boundingBox();
    expect(cancel!.height).toBeLessThan(160);
    await shot(page, `${lang}-staff`);
    await page.locator('[data-action="back"]').click();
    await page.locator('[data-menu="rate"]').click();
    await shot(page, `${lang}-rate`);
    await page.close();
  });
});

describe('lobby plan over the socket', () => {
  it('has routes from the kiosk', async () => {
    const socket = kioskSocket(bridge!.url);
    const r = (await socket.timeout(20_000).emitWithAck('lobby:plan', {})) as Result<LobbyPlan>;
    socket.disconnect();
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.value.routes)).toContain('restroom');
  });
});
