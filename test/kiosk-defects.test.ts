import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Language, Result, SiteCatalogue } from '@reception/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  launchChromium,
  REPO_ROOT,
  spawnBridge,
  spawnKioskHost,
  Teardown,
  type LaunchedChromium,
  type SpawnedBridge,
  type SpawnedKioskHost,
} from './harness/index.ts';
import { kioskSocket, LANGUAGE_BUTTONS } from './kiosk-helpers.ts';
import { chooseLanguage, CLOSED_TIME, OPEN_TIME, StaffSide, typeTicketNumber } from './kiosk-tour.ts';

// Issue 18's list of what a new user ran into, one test per defect, named after it. Each one drives the
// kiosk as deployed in browser mode (real bridge, the kiosk's Node host, Debian's Chromium) and fails on
// the kiosk as it was before the fixes.

const run = promisify(execFile);
let bridge: SpawnedBridge;
let host: SpawnedKioskHost;
let browser: LaunchedChromium;
let site: SiteCatalogue;
const down = new Teardown();

let idleHostPort: number;

beforeAll(async () => {
  const [hostPort, idlePort] = [await freePort(), await freePort()];
  idleHostPort = idlePort;
  const origins = [hostPort, idlePort].map((p) => `http://127.0.0.1:${p}`).join(',');
  // A robot port that does not exist: the bridge is degraded from the start, and must say why.
  [bridge, browser] = await Promise.all([
    spawnBridge({ env: { ALLOWED_ORIGINS: origins, ROBOT_PORT: '/nonexistent/robot-tty' } }).then((b) =>
      down.add(b, (x) => x.stop()),
    ),
    launchChromium({ viewport: { width: 1280, height: 800 } }).then((b) => down.add(b, (x) => x.close())),
  ]);
  host = down.add(
    await spawnKioskHost({
      bridgeUrl: bridge.url,
      env: { KIOSK_HOST_PORT: String(hostPort), KIOSK_SPEECH: 'espeak-ng' },
    }),
    (h) => h.stop(),
  );
  const s = kioskSocket(bridge.url);
  const r = (await s.timeout(10_000).emitWithAck('site:get', {})) as Result<SiteCatalogue>;
  s.disconnect();
  if (!r.ok) throw new Error(r.error.message);
  site = r.value;
}, 120_000);

afterAll(() => down.run());

async function open(opts: { at?: Date; url?: string; viewport?: { width: number; height: number } } = {}) {
  const page = await browser.newPage();
  if (opts.viewport) await page.setViewportSize(opts.viewport);
  await page.clock.setSystemTime(opts.at ?? OPEN_TIME);
  await page.goto(opts.url ?? `${host.url}/kiosk/`);
  return page;
}

async function toPriority(page: Page, lang: Language, serviceId: string): Promise<void> {
  await chooseLanguage(page, lang);
  await page.locator('[data-menu="procedures"]').click();
  await page.locator('[data-field="all"] button').click();
  await page.locator(`[data-service="${serviceId}"] button`).click();
  await page.locator('[data-action="check-papers"]').click();
  await page.locator('[data-action="continue-to-ticket"]').click();
  await page.locator('.priority').waitFor();
}

const bottomOf = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box.y + box.height;
};

/** A form's official code, e.g. `04/ĐK` or `TP/HT-2020-KH`. */
const FORM_CODE = /\b\d{1,3}\/[A-ZĐ0-9/-]+|\b[A-ZĐ]{2,}(?:\/[A-ZĐ0-9-]+)+/g;

/** Letters only Vietnamese uses among the four languages (tone marks, ă â đ ê ô ơ ư). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãẽĩõũ]/i;

describe('issue 18: tried as a new user would', () => {
  it('the Hindi and Urdu buttons of the first screen fall below the fold at 1280x800', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1080, height: 1920 },
    ]) {
      const page = await open({ viewport });
      await page.locator('.language-grid').waitFor();
      for (const name of Object.values(LANGUAGE_BUTTONS)) {
        const box = await page.getByRole('button', { name, exact: true }).boundingBox();
        expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      }
      await page.close();
    }
  });

  it('"Take a ticket" is below the fold on the procedure screen, for every procedure', async () => {
    const page = await open();
    await chooseLanguage(page, 'ur');
    await page.locator('[data-menu="procedures"]').click();
    await page.locator('[data-field="all"] button').click();
    for (const s of site.services) {
      await page.locator(`[data-service="${s.id}"] button`).click();
      await page.locator('.detail').waitFor();
      expect(await bottomOf(page, '[data-action="check-papers"]')).toBeLessThanOrEqual(800);
      await page.locator('[data-action="check-papers"]').click();
      expect(await bottomOf(page, '[data-action="continue-to-ticket"]')).toBeLessThanOrEqual(800);
      await page.locator('[data-action="continue-to-ticket"]').click();
      expect(await bottomOf(page, '[data-action="take-ticket"]')).toBeLessThanOrEqual(800);
      for (let i = 0; i < 3; i++) await page.locator('[data-action="back"]').click();
      await page.locator('.procedures').waitFor();
    }
    await page.close();
  });

  it('the top bar scrolls away with the page', async () => {
    const page = await open();
    await chooseLanguage(page, 'hi');
    await page.locator('[data-menu="procedures"]').click();
    await page.locator('[data-field="all"] button').click();
    await page.locator('[data-service="marriage_registration"] button').click();
    await page.locator('.detail').waitFor();
    await page.mouse.wheel(0, 5000);
    await page.waitForFunction(() => window.scrollY > 100);
    for (const action of ['back', 'start-over']) {
      const box = await page.locator(`[data-action="${action}"]`).boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    }
    await page.close();
  });

  it('the priority screen has two back buttons', async () => {
    const page = await open();
    await toPriority(page, 'vi', 'certified_copy');
    await expect(page.getByRole('button', { name: 'Quay lại' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('the ticket screen shows no priority mark, no print status, no QR and no "Done"', async () => {
    const page = await open();
    await toPriority(page, 'en', 'certified_copy');
    await page.locator('[data-priority="pregnant"]').click();
    await page.locator('.ticket-number').waitFor();
    await expect(page.locator('.ticket-priority').textContent()).resolves.toMatch(/Priority/);
    await expect(page.locator('.ticket-print').getAttribute('data-print')).resolves.toMatch(
      /^(printed|no_printer|failed)$/,
    );
    await expect(page.locator('.ticket-print').textContent()).resolves.not.toBe('');
    await expect(page.getByRole('img', { name: /QR/ }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('.language-grid').waitFor();
    await page.close();
  });

  it('the ticket vanishes after the idle delay with no warning, spoken or shown', async () => {
    // Its own host with a short idle delay: the warning covers the last third of it, and is spoken.
    const idleHost = await spawnKioskHost({
      bridgeUrl: bridge.url,
      env: { KIOSK_IDLE_SECONDS: '9', KIOSK_HOST_PORT: String(idleHostPort), KIOSK_SPEECH: 'espeak-ng' },
    });
    const spoken = () => idleHost.logs().filter((l) => l.msg === 'spoke' && l.language === 'vi').length;
    try {
      const page = await open({ url: `${idleHost.url}/kiosk/` });
      await toPriority(page, 'vi', 'certified_copy');
      await page.locator('[data-action="take-ticket"]').click();
      await page.locator('.ticket-number').waitFor();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor({ timeout: 15_000 });
      await expect(dialog.textContent()).resolves.toMatch(/\d/);
      await expect.poll(spoken, { timeout: 10_000 }).toBeGreaterThan(0);
      // Still on the ticket while warned: a touch keeps it.
      await expect(page.locator('.ticket-number').isVisible()).resolves.toBe(true);
      await page.locator('[data-action="still-here"]').click();
      await expect(dialog.count()).resolves.toBe(0);
      await expect(page.locator('.ticket-number').isVisible()).resolves.toBe(true);
      // Left alone, it warns again, then forgets the ticket.
      await dialog.waitFor({ timeout: 15_000 });
      await page.locator('.language-grid').waitFor({ timeout: 15_000 });
      await page.close();
    } finally {
      await idleHost.stop();
    }
  }, 90_000);

  it('a second ticket for the same procedure is one tap away, with no question asked', async () => {
    const page = await open();
    await toPriority(page, 'ur', 'birth_registration');
    await page.locator('[data-action="take-ticket"]').click();
    const first = await page.locator('.ticket-number').textContent();
    await page.locator('[data-action="back"]').click();
    await page.locator('[data-action="check-papers"]').click();
    await page.locator('[data-action="continue-to-ticket"]').click();
    await expect(page.locator('[data-action="take-ticket"]').count()).resolves.toBe(0);
    await expect(page.locator('.confirm').textContent()).resolves.toContain(first!);
    // Keeping the ticket is the big button: a reflex tap on it makes no second ticket.
    await expect(page.locator('.confirm .main-action').getAttribute('data-action')).resolves.toBe(
      'keep-ticket',
    );
    await page.locator('.confirm .main-action').click();
    await expect(page.locator('.ticket-number').textContent()).resolves.toBe(first);
    await page.close();
  });

  it('outside opening hours the kiosk issues tickets with no notice that the centre is closed', async () => {
    const page = await open({ at: CLOSED_TIME });
    await toPriority(page, 'en', 'certified_copy');
    await expect(page.locator('[data-action="take-ticket"]').count()).resolves.toBe(0);
    await expect(page.locator('.confirm').textContent()).resolves.toMatch(/closed/i);
    await page.locator('[data-action="confirm-ticket"]').click();
    await page.locator('[data-action="take-ticket"]').waitFor();
    await page.close();
  });

  it('Urdu spells the currency two ways; Vietnamese fees read "10.000 đồng Việt Nam"', async () => {
    const paid = site.services.filter((s) => s.fee.amount_vnd > 0);
    const fees: Record<string, string[]> = { vi: [], ur: [] };
    for (const lang of ['vi', 'ur'] as const) {
      const page = await open();
      await chooseLanguage(page, lang);
      await page.locator('[data-menu="procedures"]').click();
      await page.locator('[data-field="all"] button').click();
      for (const s of paid) {
        await page.locator(`[data-service="${s.id}"] button`).click();
        fees[lang]!.push((await page.locator('.fee-amount').textContent()) ?? '');
        await page.locator('[data-action="back"]').click();
      }
      await page.close();
    }
    for (const f of fees.vi!) expect(f).toMatch(/^[\d.]+ đồng$/);
    const words = new Set(fees.ur!.map((f) => f.replace(/[\d٠-٩۰-۹.,٬\s\u200e\u200f\u2066-\u2069]/g, '')));
    expect([...words]).toHaveLength(1);
  });

  it('the search box finds nothing for "nhà vệ sinh", "CCCD", "passport" or an English word in Vietnamese', async () => {
    const page = await open();
    await chooseLanguage(page, 'vi');
    await page.locator('[data-menu="procedures"]').click();
    await page.locator('[data-field="all"] button').click();
    for (const q of ['nhà vệ sinh', 'CCCD', 'passport', 'marriage']) {
      await page.getByRole('searchbox').fill(q);
      await expect(page.locator('.no-results').count()).resolves.toBe(0);
      await expect(page.locator('main .procedure-button').count()).resolves.toBeGreaterThan(0);
    }
    await page.close();
  });

  it('Urdu lists are numbered with a Latin comma and their markers collide with the Nastaliq text', async () => {
    const page = await open();
    await chooseLanguage(page, 'ur');
    await page.locator('[data-menu="procedures"]').click();
    await page.locator('[data-field="all"] button').click();
    await page.locator('[data-service="marriage_registration"] button').click();
    const list = await page.locator('.document-list').evaluate((ol) => {
      const style = getComputedStyle(ol);
      const rule = [...document.styleSheets]
        .flatMap((s) => [...s.cssRules])
        .find(
          (r): r is CSSCounterStyleRule => r instanceof CSSCounterStyleRule && r.name === style.listStyleType,
        );
      const li = ol.querySelector('li')!;
      return {
        type: style.listStyleType,
        suffix: rule?.suffix ?? '',
        room: parseFloat(style.paddingInlineStart) / parseFloat(getComputedStyle(li).fontSize),
      };
    });
    // CSSOM gives the descriptor as a CSS string: `"۔ "`.
    const suffix = list.suffix.replace(/^["']|["']$/g, '');
    expect(suffix).not.toMatch(/[,.]/);
    expect(suffix.trim()).toMatch(/^[۔،]$/);
    expect(list.room).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('the Hindi and Urdu document lists contain Vietnamese words left untranslated', async () => {
    for (const lang of ['hi', 'ur'] as const) {
      const page = await open();
      await chooseLanguage(page, lang);
      await page.locator('[data-menu="procedures"]').click();
      await page.locator('[data-field="all"] button').click();
      for (const s of site.services) {
        await page.locator(`[data-service="${s.id}"] button`).click();
        // Official form codes stay as printed on the form ("04/ĐK"): the counter asks for them by code.
        const papers = (await page.locator('.document-list').innerText()).replace(FORM_CODE, '');
        expect(papers, `${lang} ${s.id}`).not.toMatch(VIETNAMESE);
        await page.locator('[data-action="back"]').click();
      }
      await page.close();
    }
  });

  it('with a wrong device token the kiosk still offers the language buttons', async () => {
    const page = await open({ url: `${bridge.url}/kiosk/?token=not-a-real-token` });
    await page.locator('.welcome-refused').waitFor();
    await expect(page.locator('.language-button').count()).resolves.toBe(0);
    // Said in every language, since nobody has chosen one yet.
    await expect(page.locator('.welcome-refused p').count()).resolves.toBe(4);
    await page.close();
  });

  it('no screen lets a citizen rate the service, so every rating is empty', async () => {
    const staff = await StaffSide.connect(bridge.url);
    const page = await open();
    await toPriority(page, 'vi', 'certified_copy');
    await page.locator('[data-action="take-ticket"]').click();
    const number = (await page.locator('.ticket-number').textContent())!;
    const s = kioskSocket(bridge.url);
    const found = (await s.timeout(5000).emitWithAck('ticket:find', { number })) as Result<{
      ticket_id: string;
    }>;
    if (!found.ok) throw new Error(found.error.message);
    await staff.serve(site, { id: found.value.ticket_id, service_id: 'certified_copy' });
    await page.locator('[data-action="done"]').click();
    await chooseLanguage(page, 'vi');
    await page.locator('[data-menu="rate"]').click();
    const prefix = site.services.find((x) => x.id === 'certified_copy')!.prefix;
    await typeTicketNumber(page, { number, prefix });
    await page.locator('[data-action="find-ticket"]').click();
    await page.locator('[data-score="4"]').click();
    await page.locator('.rate .big-status').waitFor();
    const after = (await s.timeout(5000).emitWithAck('ticket:find', { number })) as Result<{
      rated: boolean;
    }>;
    expect(after.ok && after.value.rated).toBe(true);
    s.disconnect();
    staff.close();
    await page.close();
  });

  it('/favicon.ico answers 404, on the bridge and on the kiosk host', async () => {
    for (const base of [bridge.url, host.url]) {
      const res = await fetch(`${base}/favicon.ico`);
      expect(res.status, base).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('npm prints a warning about an unknown project config', async () => {
    const { stderr } = await run('npm', ['config', 'list'], { cwd: REPO_ROOT });
    expect(stderr).not.toMatch(/npm warn/i);
  });

  it('npm start says "(degraded)" without saying why', async () => {
    // npm start prints /healthz's summary (scripts/start.mjs): with the robot missing it names the check
    // and the cause in words.
    const health = (await (await fetch(`${bridge.url}/healthz`)).json()) as {
      status: string;
      summary: string;
    };
    expect(health.status).not.toBe('ok');
    expect(health.summary).toMatch(/robot/);
    expect(health.summary.split(' ').length).toBeGreaterThan(4);
  });
});
