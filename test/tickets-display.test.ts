import { randomUUID } from 'node:crypto';
import type { Result, Ticket, TicketReceipt } from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  spawnBridge,
  type LaunchedChromium,
  type SpawnedBridge,
} from './harness/index.ts';
import { openAllProcedures, takeTicketFromDetail } from './kiosk-helpers.ts';

// Lobby display and counter page in Chromium against a real bridge process with the demo site: calls show
// up and are announced, the display recovers from a snapshot after losing its connection, and a counter
// clerk can sign in and call the next ticket. Screenshots land in test/artifacts/tickets/.

let bridge: SpawnedBridge;
let browser: LaunchedChromium;
const sockets: Socket[] = [];

async function connect(ns: string, token: string): Promise<Socket> {
  const s = io(`${bridge.url}${ns}`, { auth: { token }, transports: ['websocket'] });
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
async function staffToken(username: string): Promise<string> {
  const res = await fetch(`${bridge.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-counter' }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  bridge = await spawnBridge();
  browser = await launchChromium({ viewport: { width: 1600, height: 900 } });
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser.close();
  await bridge.stop();
});

describe('queue pages in Chromium', () => {
  it('lobby display shows calls, announces them and recovers from a snapshot after a disconnect', async () => {
    const kiosk = await connect('/kiosk', 'demo-kiosk');
    const staff1 = await connect('/staff', await staffToken('counter1'));
    const staff6 = await connect('/staff', await staffToken('counter6'));
    const issue = (service_id: string, priority?: { class_id: string }) =>
      call<TicketReceipt>(kiosk, 'ticket:issue', { service_id, idempotency_key: randomUUID(), priority });
    for (let i = 0; i < 3; i++) await issue('birth_registration');
    const site = await call<{ counters: { id: string; services: string[] }[] }>(kiosk, 'site:get', {});
    const six = site.counters.find((c) => c.id === 'counter_6');
    const sixService = six?.services[0] ?? '';
    await issue(sixService);
    await issue(sixService, { class_id: 'elderly' });
    await call(staff1, 'counter:open', { counter_id: 'counter_1' });
    await call(staff6, 'counter:open', { counter_id: 'counter_6' });

    const page = await browser.newPage();
    await page.goto(`${bridge.url}/display/?token=demo-display`);
    await page.locator('.tile').first().waitFor(); // snapshot loaded: counters 1 and 6 are open
    const first = await call<{ ticket: Ticket }>(staff1, 'counter:call_next', { counter_id: 'counter_1' });
    await page.locator('.tile .number', { hasText: first.ticket.number }).waitFor();
    await page.locator('.announce', { hasText: `Mời số ${first.ticket.number} đến quầy số 1` }).waitFor();

    // Lose the connection, call twice meanwhile, come back: the display shows both from its snapshot.
    await page.context().setOffline(true);
    await page.locator('.offline').waitFor({ timeout: 30_000 });
    await call(staff1, 'ticket:complete', { counter_id: 'counter_1', ticket_id: first.ticket.id });
    const second = await call<{ ticket: Ticket }>(staff1, 'counter:call_next', { counter_id: 'counter_1' });
    const prio = await call<{ ticket: Ticket }>(staff6, 'counter:call_next', { counter_id: 'counter_6' });
    expect(prio.ticket.priority_class).toBe('elderly');
    await page.context().setOffline(false);
    await page.locator('.offline').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.tile .number', { hasText: second.ticket.number }).waitFor();
    await page.locator('.tile .number', { hasText: prio.ticket.number }).waitFor();
    const recent = await page.locator('.recent li .num').allTextContents();
    expect(recent.slice(0, 3)).toEqual([prio.ticket.number, second.ticket.number, first.ticket.number]);
    await call(staff6, 'ticket:recall', { counter_id: 'counter_6', ticket_id: prio.ticket.id });
    await page.locator('.recent li .again').first().waitFor();
    await page.screenshot({ path: artifactPath('tickets/display.png') });
  }, 90_000);

  it('counter page in Vietnamese: sign in, call next, complete; report tab; Urdu on request', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}/counter/`);
    await page.getByLabel('Tên đăng nhập').fill('counter1');
    await page.getByLabel('Mật khẩu').fill('demo-counter');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Quầy 1 · ').waitFor();
    const busy = page.getByRole('button', { name: 'Hoàn thành' });
    if (await busy.isVisible()) await busy.click();
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await page.getByRole('button', { name: 'Gọi lại' }).waitFor();
    const number = await page.locator('.current .big').textContent();
    expect(number).toMatch(/^KS\d{3}$/);
    await page.getByText('đã gọi 1 lần').waitFor();
    await page.screenshot({ path: artifactPath('tickets/counter.png') });
    await page.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).waitFor();
    await page.getByRole('button', { name: 'Báo cáo' }).click();
    await page.getByText('Theo thủ tục').waitFor();
    await page.screenshot({ path: artifactPath('tickets/counter-report.png') });

    // The language switch turns the page to Urdu, right to left, and the browser remembers it.
    await page.getByLabel('Ngôn ngữ').selectOption('ur');
    await page.getByText('خدمت کے لحاظ سے').waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.reload();
    await page.getByRole('button', { name: 'رپورٹ' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ur');
  }, 60_000);

  it('kiosk: take a ticket from the procedure screen, and a priority ticket in Hindi', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}/kiosk/`);
    await openAllProcedures(page, 'Tiếng Việt');
    await page.getByRole('button', { name: 'Đăng ký khai sinh' }).click();
    await takeTicketFromDetail(page);
    expect(await page.locator('.ticket-number').textContent()).toMatch(/^KS\d{3}$/);
    await page.getByText('Khi được gọi, mời bạn đến quầy 1').waitFor();
    await page.screenshot({ path: artifactPath('tickets/kiosk-ticket-vi.png') });
    expect(await page.locator('.ticket-card').isVisible()).toBe(true);

    const hi = await browser.newPage();
    await hi.goto(`${bridge.url}/kiosk/`);
    await openAllProcedures(hi, 'हिन्दी');
    await hi.locator('.procedure-button').first().click();
    await takeTicketFromDetail(hi, 'elderly');
    await hi.getByText('आपका नंबर', { exact: true }).waitFor();
    await hi.screenshot({ path: artifactPath('tickets/kiosk-ticket-hi.png') });
    const kiosk = await connect('/kiosk', 'demo-kiosk');
    const snap = await call<{ waiting: { priority: number }[] }>(kiosk, 'queue:snapshot', {});
    expect(snap.waiting.reduce((n, w) => n + w.priority, 0)).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
