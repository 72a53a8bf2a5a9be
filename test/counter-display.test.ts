import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Language, Result, Ticket } from '@reception/protocol';
import { CATALOGUE, translator, type MessageKey } from '@reception/i18n';
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

// The counter desk and the lobby display against real bridges: a transfer tells the display where the
// ticket waits now, a long ticket number fits its card (Vietnamese and Urdu displays), irreversible
// counter actions ask for a second press, and the pages hold no English among Vietnamese. Both centres
// number tickets with four digits (KS0001), the longest numbers a site can have. Screenshots land in
// test/artifacts/counter/.

const HCM = 'Asia/Ho_Chi_Minh';
let viBridge: SpawnedBridge;
let urBridge: SpawnedBridge;
const siteDirs: string[] = [];
let browser: LaunchedChromium;
const sockets: Socket[] = [];

/** A copy of the demo centre with four-digit numbers, and its default language changed when asked. */
function siteCopy(defaultLanguage: Language): string {
  const dir = mkdtempSync(path.join(tmpdir(), `site-${defaultLanguage}-`));
  cpSync(path.join(REPO_ROOT, 'sites/demo-ward'), dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'site.yaml'), 'utf8')
    .replace(/^ {2}number_digits: 3$/m, '  number_digits: 4')
    .replace(/^ {2}default: vi$/m, `  default: ${defaultLanguage}`);
  writeFileSync(path.join(dir, 'site.yaml'), yaml);
  siteDirs.push(dir);
  return dir;
}

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
async function staff(url: string, username: string): Promise<Socket> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-counter' }),
  });
  return connect(url, '/staff', ((await res.json()) as { token: string }).token);
}
const issue = (kiosk: Socket, service_id: string, extra: Record<string, unknown> = {}) =>
  call<{ ticket: Ticket }>(kiosk, 'ticket:issue', { service_id, idempotency_key: randomUUID(), ...extra });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: artifactPath(`counter/${name}.png`), fullPage: true });

/** Every ticket number on a tile that spills out of its card (empty when all fit). */
async function overflowingNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.tile')].flatMap((tile) => {
      const number = tile.querySelector<HTMLElement>('.number');
      if (!number?.firstChild) return [];
      const range = document.createRange();
      range.selectNodeContents(number);
      const text = range.getBoundingClientRect();
      const card = tile.getBoundingClientRect();
      const inside = text.left >= card.left && text.right <= card.right;
      return inside && number.scrollWidth <= number.clientWidth ? [] : [number.textContent];
    }),
  );
}

/** English words of the staff and display messages that show up in a page meant to be Vietnamese. */
async function englishIn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const english = (Object.keys(CATALOGUE) as MessageKey[])
    // Language names are each in their own language on purpose (the switch reads "English").
    .filter((k) => /^(staff|display|common)\./.test(k) && k !== 'common.language_name')
    .map((k) => CATALOGUE[k].en)
    .filter((en) => !/[{}]/.test(en) && en.length > 3 && !CATALOGUE_VI.has(en));
  return english.filter((en) =>
    new RegExp(`(^|\\W)${en.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}(\\W|$)`).test(text),
  );
}
const CATALOGUE_VI = new Set(Object.values(CATALOGUE).map((m) => m.vi));

beforeAll(async () => {
  [viBridge, urBridge] = await Promise.all([
    spawnBridge({ env: { SITE_DIR: siteCopy('vi') } }),
    spawnBridge({ env: { SITE_DIR: siteCopy('ur') } }),
  ]);
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
}, 90_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser.close();
  await Promise.all([viBridge.stop(), urBridge.stop()]);
  for (const dir of siteDirs) rmSync(dir, { recursive: true, force: true });
});

describe('lobby display', () => {
  for (const language of ['vi', 'ur'] as const) {
    it(`after a transfer shows the ticket’s new counter, live and after a reload (${language})`, async () => {
      const i18n = translator(language, HCM);
      const bridge = language === 'vi' ? viBridge : urBridge;
      const kiosk = await connect(bridge.url, '/kiosk', 'demo-kiosk');
      const counter1 = await staff(bridge.url, 'counter1');
      const { ticket } = await issue(kiosk, 'birth_registration', { language: 'ur' });
      await call(counter1, 'counter:open', { counter_id: 'counter_1' });
      const page = await browser.newPage();
      await page.goto(`${bridge.url}/display/?token=demo-display`);
      await page.locator('.tile').first().waitFor();
      await call(counter1, 'counter:call_next', { counter_id: 'counter_1' });
      await page.locator('.tile .number', { hasText: ticket.number }).waitFor();
      await call(counter1, 'ticket:transfer', {
        counter_id: 'counter_1',
        ticket_id: ticket.id,
        service_id: 'certified_copy',
        position: 'front',
      });
      const moved = page.locator('.recent li').first();
      const expected = [
        ticket.number,
        i18n.t('common.counter_number', { number: i18n.list(['3', '4']).replace(/ /g, '\u00a0') }),
        i18n.t('display.moved_wait'),
      ];
      for (const text of expected) await moved.getByText(text, { exact: true }).waitFor();
      await page.reload();
      for (const text of expected) await moved.getByText(text, { exact: true }).waitFor();
      expect(await page.locator('.tile .number', { hasText: ticket.number }).count()).toBe(0);
      await page.close();
    });
  }

  for (const [language, width] of [
    ['vi', 1024],
    ['vi', 1920],
    ['ur', 1024],
  ] as const) {
    it(`fits a long ticket number in its card (${language}, ${width} px wide)`, async () => {
      const bridge = language === 'vi' ? viBridge : urBridge;
      const kiosk = await connect(bridge.url, '/kiosk', 'demo-kiosk');
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: Math.round((width * 9) / 16) });
      await page.goto(`${bridge.url}/display/?token=demo-display`);
      await page.locator('.tile, .empty').first().waitFor();
      // Counters 1, 5, 6 and 7 each call a number with a two-letter prefix and four digits.
      for (const [n, service] of [
        [1, 'birth_registration'],
        [5, 'residence_registration'],
        [6, 'construction_permit'],
        [7, 'business_household_registration'],
      ] as const) {
        const s = await staff(bridge.url, `counter${n}`);
        await call(s, 'counter:open', { counter_id: `counter_${n}` });
        const busy = await call<{ counters: { counter_id: string; current: Ticket | null }[] }>(
          s,
          'queue:snapshot',
          {},
        );
        const current = busy.counters.find((c) => c.counter_id === `counter_${n}`)?.current;
        if (current) await call(s, 'ticket:complete', { counter_id: `counter_${n}`, ticket_id: current.id });
        await issue(kiosk, service);
        const { ticket } = await call<{ ticket: Ticket }>(s, 'counter:call_next', {
          counter_id: `counter_${n}`,
        });
        expect(ticket.number).toMatch(/^[A-Z]{2}\d{4}$/);
        await page.locator('.tile .number', { hasText: ticket.number }).waitFor();
      }
      await page.evaluate(() => document.fonts.ready);
      expect(await overflowingNumbers(page)).toEqual([]);
      await shot(page, `display-${language}-${width}`);
      await page.close();
    });
  }
});

describe('counter desk', () => {
  for (const language of ['vi', 'ur'] as const) {
    it(`asks a second press before a no-show, a cancel or a transfer (${language})`, async () => {
      const i18n = translator(language, HCM);
      const kiosk = await connect(viBridge.url, '/kiosk', 'demo-kiosk');
      const counter = language === 'vi' ? 2 : 4;
      for (let i = 0; i < 3; i++) await issue(kiosk, counter === 2 ? 'death_registration' : 'certified_copy');
      const page = await browser.newPage();
      await page.goto(`${viBridge.url}/counter/`);
      await page.locator('select.language-switch').selectOption(language);
      await page.getByLabel(i18n.t('staff.username')).fill(`counter${counter}`);
      await page.getByLabel(i18n.t('staff.password')).fill('demo-counter');
      await page.getByRole('button', { name: i18n.t('staff.sign_in') }).click();
      const open = page.getByRole('button', { name: i18n.t('staff.open_counter') });
      const next = page.getByRole('button', { name: i18n.t('staff.call_next') });
      await open.or(next).first().waitFor();
      if (await open.isVisible()) await open.click();
      const number = page.locator('.current .big');
      const recall = page.getByRole('button', { name: i18n.t('staff.recall') });
      /** Calls the next ticket and answers its number, once the desk shows it. */
      const callNext = async () => {
        await next.click();
        await recall.waitFor();
        // The call's snapshot can draw the ticket before its ack re-enables the desk's buttons, and
        // focus() on a disabled button does nothing (a keyboard step then never asks: failed CI once).
        await recall.click({ trial: true });
        return (await number.textContent()) ?? '';
      };

      // No-show: one press only asks; the second does it.
      const first = await callNext();
      const noShow = page.getByRole('button', { name: i18n.t('staff.no_show') });
      await noShow.click();
      const question = i18n.t('staff.confirm_no_show', { number: first });
      await page.getByRole('button', { name: question }).waitFor();
      await shot(page, `counter-${language}-confirm`);
      expect(await number.textContent()).toBe(first);
      await page.waitForTimeout(500); // a second press, not a double click
      await page.getByRole('button', { name: question }).click();
      await next.waitFor();

      // Cancel, by keyboard: Enter asks, Escape takes it back, Enter twice does it.
      const second = await callNext();
      expect(second).not.toBe(first);
      const cancel = page.getByRole('button', { name: i18n.t('staff.cancel_ticket') });
      await cancel.focus();
      await page.keyboard.press('Enter');
      const cancelQuestion = page.getByRole('button', {
        name: i18n.t('staff.confirm_cancel', { number: second }),
      });
      await cancelQuestion.waitFor();
      await page.keyboard.press('Escape');
      await cancel.waitFor();
      expect(await number.textContent()).toBe(second);
      await page.keyboard.press('Enter');
      await cancelQuestion.waitFor();
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      await next.waitFor();

      // Transfer: asks with the service and the place in line, then the ticket leaves the desk.
      const third = await callNext();
      await page.getByLabel(i18n.t('staff.transfer_service')).selectOption('land_use_certificate');
      await page.getByRole('button', { name: i18n.t('staff.transfer'), exact: true }).click();
      await page.locator('button.armed .press-again', { hasText: i18n.t('staff.confirm_again') }).waitFor();
      expect(await page.locator('button.armed .question').textContent()).toContain(third);
      expect(await number.textContent()).toBe(third);
      await page.waitForTimeout(500);
      await page.locator('button.armed').click();
      await next.waitFor();
      await page.locator('ol.recent li[data-type="ticket.transferred"]', { hasText: third }).waitFor();
      await shot(page, `counter-${language}-desk`);
      if (language === 'vi') expect(await englishIn(page)).toEqual([]);
      await page.close();
    });
  }

  it('tells times in words and leaves Issued out per counter (report in vi and ur)', async () => {
    const page = await browser.newPage();
    await page.goto(`${viBridge.url}/counter/`);
    await page.locator('select.language-switch').selectOption('vi');
    const vi = translator('vi', HCM);
    await page.getByLabel(vi.t('staff.username')).fill('counter3');
    await page.getByLabel(vi.t('staff.password')).fill('demo-counter');
    await page.getByRole('button', { name: vi.t('staff.sign_in') }).click();
    await page.getByRole('button', { name: vi.t('staff.tab_report') }).click();
    await page.getByText(vi.t('staff.report_by_service')).waitFor();
    const tables = page.locator('.report table');
    await expect(tables.nth(0).locator('th').allTextContents()).resolves.toContain(
      vi.t('staff.report_issued'),
    );
    await expect(tables.nth(1).locator('th').allTextContents()).resolves.not.toContain(
      vi.t('staff.report_issued'),
    );
    for (const key of ['staff.report_half_waited', 'staff.report_most_waited'] as const)
      await tables.nth(0).getByText(vi.t(key)).waitFor();
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/p50|p90|median|trung vị/i);
    expect(await englishIn(page)).toEqual([]);
    await shot(page, 'counter-vi-report');
    const ur = translator('ur', HCM);
    await page.getByLabel(vi.t('common.language')).selectOption('ur');
    await page.getByText(ur.t('staff.report_half_waited')).first().waitFor();
    await shot(page, 'counter-ur-report');
    await page.close();
  });
});
