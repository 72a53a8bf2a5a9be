import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Language, Result, Ticket } from '@reception/protocol';
import { translator } from '@reception/i18n';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  REPO_ROOT,
  spawnBridge,
  type LaunchedChromium,
  type SpawnedBridge,
} from './harness/index.ts';
import { openAllProcedures, takeTicketFromDetail } from './kiosk-helpers.ts';

// Every page in Vietnamese and in Urdu, against the real bridge with the demo centre: the kiosk's screens,
// the console, the counter desk and report, the lobby display (with a call on screen) and the QR rating
// page. Each is checked for its language, direction and fonts, and photographed into
// test/artifacts/strings/ for a person to look at.

const HCM = 'Asia/Ho_Chi_Minh';
const VI_FIRST: Language[] = ['vi', 'en', 'hi', 'ur'];
const UR_FIRST: Language[] = ['ur', 'vi', 'en', 'hi'];
const vi = translator('vi', HCM);
const ur = translator('ur', HCM);

let bridge: SpawnedBridge;
let urduBridge: SpawnedBridge;
let urduSiteDir: string;
let browser: LaunchedChromium;
const sockets: Socket[] = [];

async function connect(url: string, ns: string, token: string): Promise<Socket> {
  const s = io(`${url}${ns}`, { auth: { token }, transports: ['websocket'] });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  });
  return s;
}
async function call<T>(s: Socket, event: string, payload: unknown): Promise<T> {
  const r = (await s.timeout(5000).emitWithAck(event, payload)) as Result<T>;
  if (!r.ok) throw new Error(`${event}: ${r.error.message}`);
  return r.value;
}
async function staffSocket(url: string, username: string, password: string): Promise<Socket> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return connect(url, '/staff', ((await res.json()) as { token: string }).token);
}

/** Families of the web fonts the page actually loaded (not merely declared). */
async function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
  });
}

async function expectLanguage(page: Page, language: 'vi' | 'ur') {
  expect(await page.getAttribute('html', 'lang')).toBe(language);
  expect(await page.getAttribute('html', 'dir')).toBe(language === 'ur' ? 'rtl' : 'ltr');
  expect(await loadedFonts(page)).toContain(language === 'ur' ? 'Noto Nastaliq Urdu' : 'Noto Sans');
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: artifactPath(`strings/${name}.png`), fullPage: true });

beforeAll(async () => {
  // A copy of the demo centre whose default language is Urdu, for the lobby display in Urdu.
  urduSiteDir = mkdtempSync(path.join(tmpdir(), 'site-urdu-'));
  cpSync(path.join(REPO_ROOT, 'sites/demo-ward'), urduSiteDir, { recursive: true });
  const yaml = readFileSync(path.join(urduSiteDir, 'site.yaml'), 'utf8');
  writeFileSync(path.join(urduSiteDir, 'site.yaml'), yaml.replace(/^ {2}default: vi$/m, '  default: ur'));
  [bridge, urduBridge] = await Promise.all([spawnBridge(), spawnBridge({ env: { SITE_DIR: urduSiteDir } })]);
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
}, 90_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser.close();
  await Promise.all([bridge.stop(), urduBridge.stop()]);
  rmSync(urduSiteDir, { recursive: true, force: true });
});

describe('kiosk in Vietnamese and Urdu', () => {
  for (const language of ['vi', 'ur'] as const) {
    it(`walks from the welcome screen to a ticket in ${language}`, async () => {
      const i18n = translator(language, HCM);
      const page = await browser.newPage();
      await page.goto(`${bridge.url}/kiosk/`);
      await page.locator('.welcome-site').waitFor();
      if (language === 'vi') await shot(page, 'kiosk-welcome');
      await openAllProcedures(page, i18n.t('common.language_name'));
      await page.getByRole('heading', { name: i18n.t('kiosk.procedures_heading') }).waitFor();
      await expectLanguage(page, language);
      await shot(page, `kiosk-${language}-list`);
      await page.locator('[data-service="marriage_registration"] button').click();
      await page.getByRole('heading', { name: i18n.t('kiosk.documents_heading') }).waitFor();
      await shot(page, `kiosk-${language}-detail`);
      await takeTicketFromDetail(page);
      await page.getByText(i18n.t('kiosk.your_number'), { exact: true }).waitFor();
      await shot(page, `kiosk-${language}-ticket`);
      await page.close();
    });
  }
});

describe('staff pages in Vietnamese and Urdu', () => {
  it('console: Vietnamese by default, Urdu right to left after the switch', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}/console/`);
    await page.getByRole('heading', { name: vi.t('staff.console_title') }).waitFor();
    await expectLanguage(page, 'vi');
    await page.getByLabel(vi.t('staff.username')).fill('lead');
    await page.getByLabel(vi.t('staff.password')).fill('demo-admin-pass');
    await page.getByRole('button', { name: vi.t('staff.sign_in') }).click();
    await page.getByRole('heading', { name: vi.t('staff.robot'), exact: true }).waitFor();
    await page.getByText(vi.t('staff.link_state', { link: 'absent' })).waitFor();
    await shot(page, 'console-vi');
    await page.getByLabel(vi.t('common.language')).selectOption('ur');
    await page.getByRole('heading', { name: ur.t('staff.robot'), exact: true }).waitFor();
    await expectLanguage(page, 'ur');
    await shot(page, 'console-ur');
    await page.close();
  });

  for (const language of ['vi', 'ur'] as const) {
    it(`counter desk and report in ${language}`, async () => {
      const i18n = translator(language, HCM);
      const kiosk = await connect(bridge.url, '/kiosk', 'demo-kiosk');
      await call(kiosk, 'ticket:issue', {
        service_id: 'certified_copy',
        idempotency_key: randomUUID(),
        language: 'ur',
      });
      const page = await browser.newPage();
      await page.goto(`${bridge.url}/counter/`);
      await page.locator('select.language-switch').selectOption(language);
      await page.getByLabel(i18n.t('staff.username')).fill('counter3');
      await page.getByLabel(i18n.t('staff.password')).fill('demo-counter');
      await page.getByRole('button', { name: i18n.t('staff.sign_in') }).click();
      const open = page.getByRole('button', { name: i18n.t('staff.open_counter') });
      const next = page.getByRole('button', { name: i18n.t('staff.call_next') });
      await open.or(next).first().waitFor();
      if (await open.isVisible()) await open.click();
      await next.click();
      await page.getByText(i18n.t('staff.citizen_language', { language: 'ur' })).waitFor();
      await expectLanguage(page, language);
      await shot(page, `counter-${language}-desk`);
      await page.getByRole('button', { name: i18n.t('staff.complete') }).click();
      await page.getByRole('button', { name: i18n.t('staff.tab_report') }).click();
      await page.getByText(i18n.t('staff.report_by_service')).waitFor();
      await shot(page, `counter-${language}-report`);
      await page.close();
    });
  }
});

describe('lobby display and rating page', () => {
  it('shows the call in every enabled language, Vietnamese first or Urdu first', async () => {
    for (const [site, language] of [
      [bridge, 'vi'],
      [urduBridge, 'ur'],
    ] as const) {
      const kiosk = await connect(site.url, '/kiosk', 'demo-kiosk');
      const staff = await staffSocket(site.url, 'counter1', 'demo-counter');
      await call(kiosk, 'ticket:issue', { service_id: 'birth_registration', idempotency_key: randomUUID() });
      await call(staff, 'counter:open', { counter_id: 'counter_1' });
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1600, height: 900 });
      await page.goto(`${site.url}/display/?token=demo-display`);
      await page.locator('.tile').first().waitFor();
      const { ticket } = await call<{ ticket: Ticket }>(staff, 'counter:call_next', {
        counter_id: 'counter_1',
      });
      const lines = page.locator('.announce p');
      await lines.first().waitFor();
      await expect(lines.allTextContents()).resolves.toEqual(
        (language === 'vi' ? VI_FIRST : UR_FIRST).map((l) =>
          translator(l, HCM).t('announce.call', { number: ticket.number, counter: 1 }),
        ),
      );
      await expectLanguage(page, language);
      await shot(page, `display-${language}`);
      await page.close();
      await call(staff, 'ticket:complete', { counter_id: 'counter_1', ticket_id: ticket.id });
      if (language === 'vi') {
        for (const rated of ['vi', 'ur'] as const) {
          const rating = await browser.newPage();
          await rating.goto(`${site.url}/rate/${ticket.id}?lang=${rated}`);
          await rating.getByText(translator(rated, HCM).t('rating.score', { score: 5 })).waitFor();
          expect(await rating.getAttribute('html', 'dir')).toBe(rated === 'ur' ? 'rtl' : 'ltr');
          await shot(rating, `rating-${rated}`);
          await rating.close();
        }
      }
    }
  }, 60_000);
});
