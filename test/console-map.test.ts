import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { translator } from '@reception/i18n';
import { simDockArgs } from '@reception/missions/testing';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  REPO_ROOT,
  spawnBridge,
  type LaunchedChromium,
  type SpawnedBridge,
} from './harness/index.ts';
import {
  collectUpdates,
  connectSocket,
  demoDock,
  demoPlace,
  eventually,
  firmwareState,
  idleAtHome,
  staffToken,
  updateOf,
  type KioskSocket,
  type StaffSocket,
} from './harness/robot.ts';

// The staff console's live map against the real bridge and the firmware's host build: a guidance mission
// shows on the map (robot, route, mission state) and completes; a recall from the console preempts the
// next one; a place tapped on the map sends the robot there; the console's e-stop stops the simulated
// wheels and stays latched across a bridge restart. Screenshots mid-mission in Vietnamese and Urdu.

const HOME = demoPlace('home');
const vi = translator('vi', 'UTC');
const ur = translator('ur', 'UTC');
let sim: SimProcess;
let bridge: SpawnedBridge;
let staff: StaffSocket;
let kiosk: KioskSocket;
let kioskUpdates: ReturnType<typeof collectUpdates>;
let browser: LaunchedChromium;
let page: Page;

const fw = () => firmwareState(sim, HOME);
const waitFor = (id: string, state: string, ms = 120_000) =>
  eventually(`${id} ${state}`, () => updateOf(kioskUpdates, id, state), ms);
const marker = () => page.getByTestId('map-robot');
const markerAt = async () => ({
  x: Number(await marker().getAttribute('data-x')),
  y: Number(await marker().getAttribute('data-y')),
});
const missionState = () => page.getByTestId('current-mission').getAttribute('data-state');
const atHome = () => idleAtHome(staff);

beforeAll(async () => {
  const consoleHtml = path.join(REPO_ROOT, 'apps/staff-web/dist/console/index.html');
  if (!existsSync(consoleHtml)) throw new Error(`${consoleHtml} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'console-map-'));
  sim = await startSim(path.join(dir, 'robot-tty'), simDockArgs(HOME, demoDock()));
  bridge = await spawnBridge({ env: { ROBOT_PORT: sim.ready.port, MISSION_WAIT_S: '2' }, keepDataDir: true });
  staff = await connectSocket<StaffSocket>(bridge.url, '/staff', await staffToken(bridge.url));
  kiosk = await connectSocket<KioskSocket>(bridge.url, '/kiosk', 'demo-kiosk');
  kioskUpdates = collectUpdates(kiosk);
  await eventually('robot link up and anchored', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    return r.ok && r.value.link === 'up' && r.value.pose ? true : undefined;
  });
  expect((await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
  await atHome();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${bridge.url}/console/`);
  // Vietnamese is the console's default language.
  await page.getByLabel(vi.t('staff.username')).fill('lead');
  await page.getByLabel(vi.t('staff.password')).fill('demo-admin-pass');
  await page.getByRole('button', { name: vi.t('staff.sign_in') }).click();
}, 300_000);

afterAll(async () => {
  staff.close();
  kiosk.close();
  await browser.close();
  await bridge.stop();
  await sim.stop();
});

describe('staff console live map', () => {
  it('draws the robot where the firmware is (never at 0,0), then follows a guidance mission to the end', async () => {
    await marker().waitFor({ timeout: 20_000 });
    const home = await markerAt();
    expect(Math.hypot(home.x - HOME.x, home.y - HOME.y)).toBeLessThanOrEqual(0.25);
    expect(await page.getByRole('button', { name: vi.t('console.recall') }).isVisible()).toBe(true);

    // The waiting area: the nearest place through the doorway's slow zone, so the whole trip takes seconds
    // rather than a minute and a half (what is checked here is the map, not the distance).
    const r = await kiosk.emitWithAck('mission:guide', { place: 'waiting_area' });
    if (!r.ok) throw new Error(r.error.message);
    const id = r.value.mission_id;
    await expect.poll(missionState, { timeout: 30_000 }).toBe('guiding');
    await page.getByTestId('route-ahead').waitFor({ timeout: 20_000 });
    // The marker moves with the firmware's odometry while the trip is under way.
    await expect
      .poll(async () => Math.hypot((await markerAt()).x - home.x, (await markerAt()).y - home.y), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0.5);
    const shown = await markerAt();
    const real = await fw();
    expect(Math.hypot(shown.x - real.pose.x, shown.y - real.pose.y)).toBeLessThan(1);
    expect(await page.getByTestId('robot-activity').textContent()).toContain(
      vi.t('console.activity', { state: 'GUIDING' }),
    );
    await page.screenshot({ path: artifactPath('console-mission-vi.png'), fullPage: true });

    await page.getByLabel(vi.t('common.language')).selectOption('ur');
    await page.getByRole('button', { name: ur.t('console.recall') }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: artifactPath('console-mission-ur.png'), fullPage: true });

    await waitFor(id, 'completed', 180_000);
    await expect.poll(missionState, { timeout: 10_000 }).toBe('');
    await atHome();
  }, 300_000);

  it('preempts a kiosk guidance with a recall from the console; the kiosk is told why', async () => {
    const r = await kiosk.emitWithAck('mission:guide', { place: 'counter_5' });
    if (!r.ok) throw new Error(r.error.message);
    const id = r.value.mission_id;
    await expect.poll(missionState, { timeout: 30_000 }).toBe('guiding');
    // Well under way (the map shows it) before staff call it back.
    await expect
      .poll(async () => Math.hypot((await markerAt()).x - HOME.x, (await markerAt()).y - HOME.y), {
        timeout: 30_000,
      })
      .toBeGreaterThan(1);
    await page.getByRole('button', { name: ur.t('console.recall'), exact: true }).click();
    const ended = await waitFor(id, 'cancelled', 10_000);
    expect(ended.reason).toBe('preempted');
    await expect
      .poll(() => page.getByTestId('current-mission').textContent(), { timeout: 10_000 })
      .toContain(ur.t('console.mission_kind', { kind: 'recall' }));
    await atHome();
  }, 240_000);

  it('sends the robot to a place tapped on the map after a confirmation, and cancels it', async () => {
    await page.locator('[data-place="waiting_area"]').click();
    // The tap alone sends nothing.
    expect(await missionState()).toBe('');
    await page.getByRole('button', { name: ur.t('console.send_yes'), exact: true }).click();
    await expect.poll(missionState, { timeout: 30_000 }).toBe('travelling');
    const list = await staff.emitWithAck('mission:list', { kind: 'send', limit: 1 });
    expect(list.ok && list.value.missions[0]).toMatchObject({
      place: 'waiting_area',
      requested_by: expect.stringContaining('lead') as string,
    });
    await page.getByRole('button', { name: ur.t('console.cancel_mission'), exact: true }).click();
    await expect.poll(missionState, { timeout: 20_000 }).not.toBe('travelling');
    await staff.emitWithAck('robot:recall', {});
    await atHome();
  }, 240_000);

  it('lists the trips with who asked and how they ended, in words', async () => {
    const history = page.getByTestId('mission-history');
    await history.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => history.locator('tr[data-state="cancelled"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const text = (await history.textContent()) ?? '';
    expect(text).toContain(ur.t('console.reason', { reason: 'preempted' }));
    expect(text).toContain(ur.t('console.mission_state', { state: 'completed' }));
    expect(text).not.toMatch(/preempted|completed/);
  }, 60_000);

  it('lets an admin create a device token shown once, which works until it is revoked', async () => {
    await page.getByRole('tab', { name: ur.t('console.tab_devices') }).click();
    await page.getByLabel(ur.t('console.device_name')).fill('Kiosk tầng 2');
    await page.getByRole('button', { name: ur.t('console.device_create'), exact: true }).click();
    const token = (await page.getByTestId('created-token').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    const device = await connectSocket<KioskSocket>(bridge.url, '/kiosk', token);
    const gone = new Promise<string>((resolve) => device.once('disconnect', resolve));
    const row = page.locator('tr', { hasText: 'Kiosk tầng 2' });
    await row.getByRole('button', { name: ur.t('console.revoke'), exact: true }).click();
    await page.getByRole('button', { name: ur.t('console.revoke_yes'), exact: true }).click();
    expect(await gone).toBe('io server disconnect');
    await expect(connectSocket<KioskSocket>(bridge.url, '/kiosk', token)).rejects.toThrow();
    await page.getByRole('tab', { name: ur.t('console.tab_missions') }).click();
  }, 60_000);

  it('stops the wheels with the console e-stop, and the latch holds across a bridge restart', async () => {
    const r = await kiosk.emitWithAck('mission:guide', { place: 'counter_3' });
    if (!r.ok) throw new Error(r.error.message);
    await eventually('driving', async () => ((await fw()).v > 0.1 ? true : undefined), 30_000);
    await page.getByRole('button', { name: ur.t('staff.estop_button'), exact: true }).click();
    await eventually('wheels stopped', async () => {
      const s = await fw();
      return s.mode === 'ESTOP' && Math.abs(s.v) < 0.01 && Math.abs(s.w) < 0.01 ? true : undefined;
    });
    await page.locator('[data-testid="alert"][data-kind="estop"]').waitFor({ timeout: 10_000 });

    staff.close();
    await bridge.stop();
    bridge = await spawnBridge({
      env: { ROBOT_PORT: sim.ready.port, MISSION_WAIT_S: '2' },
      dataDir: bridge.dataDir,
    });
    staff = await connectSocket<StaffSocket>(bridge.url, '/staff', await staffToken(bridge.url));
    const after = await eventually('link up after restart', async () => {
      const s = await staff.emitWithAck('robot:get', {});
      return s.ok && s.value.link === 'up' && s.value.mode ? s.value : undefined;
    });
    expect(after.estop_latched).toBe(true);
    expect((await fw()).mode).toBe('ESTOP');
  }, 240_000);
});
