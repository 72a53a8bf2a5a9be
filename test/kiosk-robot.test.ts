import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simDockArgs } from '@reception/missions/testing';
import type { MissionUpdate } from '@reception/protocol';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  artifactPath,
  freePort,
  launchChromium,
  spawnBridge,
  warnOnFailure,
  spawnKioskHost,
  Teardown,
  type LaunchedChromium,
  type SpawnedBridge,
  type SpawnedKioskHost,
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
  type KioskSocket,
  type StaffSocket,
} from './harness/robot.ts';
import { chooseLanguage, OPEN_TIME } from './kiosk-tour.ts';

// "Guide me" and the robot's own screen during real guidance missions: the bridge drives the host build of
// the firmware on a pty; the robot's screen is the kiosk host with KIOSK_ROBOT_SCREEN=1 in Chromium, a
// fixed kiosk is the bridge's page in another tab. Every check of motion reads the firmware's own pose.

const HOME = demoPlace('home');
let sim: SimProcess;
let bridge: SpawnedBridge;
let host: SpawnedKioskHost;
let browser: LaunchedChromium;
let staff: StaffSocket;
let kiosk: KioskSocket;
let staffUpdates: MissionUpdate[];
const down = new Teardown();

const fw = () => firmwareState(sim, HOME);
const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath(`kiosk/robot/${name}.png`) });

const atHome = (ms?: number) => idleAtHome(staff, ms);

/** What each page logged as a warning or error (a refused guidance request says why there). */
const consoleOf = new WeakMap<Page, string[]>();

async function open(url: string, lang: 'vi' | 'en' | 'ur'): Promise<Page> {
  const page = await browser.newPage();
  const logged: string[] = [];
  consoleOf.set(page, logged);
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') logged.push(m.text());
  });
  await page.clock.setSystemTime(OPEN_TIME);
  await page.goto(url);
  await chooseLanguage(page, lang);
  return page;
}

/** Find a place, pick it on the map, "Guide me". */
async function guideFromMap(page: Page, place: string): Promise<void> {
  await page.locator('[data-menu="facilities"]').click();
  await page.locator(`[data-place="${place}"]`).click();
  await page.locator('.map-panel [data-action="guide"]').click();
}

const remainingMetres = async (page: Page) =>
  Number(((await page.locator('.robot-remaining').textContent()) ?? '').replace(/[^\d]/g, ''));

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-robot-'));
  const hostPort = await freePort();
  [sim, browser] = await Promise.all([
    startSim(path.join(dir, 'robot-tty'), simDockArgs(HOME, demoDock())).then((s) =>
      down.add(s, (x) => x.stop()),
    ),
    launchChromium({ viewport: { width: 1280, height: 800 } }).then((b) => down.add(b, (x) => x.close())),
  ]);
  bridge = await spawnBridge({
    env: {
      ROBOT_PORT: sim.ready.port,
      MISSION_WAIT_S: '3',
      MISSION_QUEUE_MAX: '1',
      ALLOWED_ORIGINS: `http://127.0.0.1:${hostPort}`,
    },
  }).then((b) => down.add(b, (x) => x.stop()));
  host = await spawnKioskHost({
    bridgeUrl: bridge.url,
    env: { KIOSK_HOST_PORT: String(hostPort), KIOSK_ROBOT_SCREEN: '1', KIOSK_SPEECH: 'none' },
  }).then((h) => down.add(h, (x) => x.stop()));
  staff = down.add(
    await connectSocket<StaffSocket>(bridge.url, '/staff', await staffToken(bridge.url)),
    (s) => s.close(),
  );
  kiosk = down.add(await connectSocket<KioskSocket>(bridge.url, '/kiosk', 'demo-kiosk'), (s) => s.close());
  staffUpdates = collectUpdates(staff);
  await eventually('robot link up and anchored', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    return r.ok && r.value.link === 'up' && r.value.pose ? true : undefined;
  });
  expect((await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
  await atHome(20_000);
}, 300_000);

afterAll(() => down.run());
beforeEach(({ onTestFailed }) => warnOnFailure(() => bridge, onTestFailed));

describe('Guide me and the robot screen, against the firmware', () => {
  it('follow me to counter 3 with the distance left; a second kiosk waits its turn, a third is told the robot is busy; Stop ends a trip', async () => {
    const robot = await open(`${host.url}/kiosk/`, 'vi');
    await guideFromMap(robot, 'counter_3');
    const follow = robot.locator('[data-robot-panel="guiding"]');
    // Failed on loaded machines (three times on 2026-12-06: the first lobby map was planned on the bridge's
    // event loop, the base missed heartbeats and the trip failed link_lost; now built in a worker). Keep
    // what the screen showed for the next reader.
    await follow.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      await shot(robot, 'vi-follow-me-not-guiding');
      const got = await staff.emitWithAck('robot:get', {});
      throw new Error(
        `no guiding panel: ${String(e)}; robot ${JSON.stringify(got.ok ? got.value.activity : got)}; ` +
          `page said ${JSON.stringify(consoleOf.get(robot) ?? [])}`,
      );
    });
    await expect(robot.locator('.robot-heading').textContent()).resolves.toContain('3');
    // The distance appears with the first update of the planned path.
    const first = await eventually(
      'distance shown',
      async () => {
        const m = await remainingMetres(robot);
        return m > 0 ? m : undefined;
      },
      15_000,
    );
    await shot(robot, 'vi-follow-me');

    // Meanwhile, a fixed kiosk asks too: second in line. A third finds the robot's queue full.
    const second = await open(`${bridge.url}/kiosk/`, 'en');
    await guideFromMap(second, 'restroom');
    await second.locator('[data-guide-state="queued"]').waitFor();
    await expect(second.locator('.guide-status').textContent()).resolves.toContain('You are next');
    await shot(second, 'en-queued');
    const third = await open(`${bridge.url}/kiosk/`, 'ur');
    await guideFromMap(third, 'photocopy');
    await third.locator('[data-guide-state="refused"]').waitFor();
    await expect(third.getByRole('alert').textContent()).resolves.toMatch(/[\u0600-\u06ff]/);
    await third.locator('[data-action="show-map"]').click();
    await third.locator('.map-route').waitFor();
    await shot(third, 'ur-busy-then-map');
    await third.close();

    // The robot really drives: the distance shown shrinks as the firmware's pose moves.
    const before = await fw();
    await eventually(
      'closer',
      async () => ((await remainingMetres(robot)) < first - 1 ? true : undefined),
      30_000,
    );
    const after = await fw();
    expect(Math.hypot(after.pose.x - before.pose.x, after.pose.y - before.pose.y)).toBeGreaterThan(0.5);

    await robot.locator('[data-robot-panel="arrived"]').waitFor({ timeout: 90_000 });
    await shot(robot, 'vi-arrived');
    await robot.locator('[data-robot-panel="returning"]').waitFor({ timeout: 30_000 });

    // The second kiosk's trip starts once the robot is free; its citizen presses Stop on the robot.
    await second.locator('[data-guide-state="guiding"]').waitFor({ timeout: 120_000 });
    await robot.locator('[data-robot-panel="guiding"]').waitFor({ timeout: 30_000 });
    await robot.locator('[data-action="robot-stop"]').click();
    await second.locator('[data-guide-state="cancelled"]').waitFor({ timeout: 10_000 });
    await shot(second, 'en-stopped');
    await eventually(
      'wheels stopped',
      async () => (Math.abs((await fw()).v) < 0.01 ? true : undefined),
      5000,
    );
    await atHome();
    // Back at home with nothing to do, the robot's screen is the kiosk again. The staff socket can hear
    // "idle at home" before the page has drawn the mission's last update (failed CI on a loaded machine).
    await robot.locator('.robot-screen').waitFor({ state: 'detached', timeout: 10_000 });
    await second.close();
    await robot.close();
  }, 300_000);

  it('call-ahead escort: the robot shows "Is this you?" with the number, in the ticket holder’s language', async () => {
    const robot = await open(`${host.url}/kiosk/`, 'vi');
    const issued = await kiosk.emitWithAck('ticket:issue', {
      service_id: 'certified_copy',
      idempotency_key: randomUUID(),
      priority: { class_id: 'elderly' },
      language: 'ur',
    });
    if (!issued.ok) throw new Error(issued.error.message);
    expect((await staff.emitWithAck('counter:open', { counter_id: 'counter_3' })).ok).toBe(true);
    const called = await staff.emitWithAck('counter:call_next', { counter_id: 'counter_3' });
    expect(called.ok && called.value.ticket?.id).toBe(issued.value.ticket.id);
    await robot.locator('[data-robot-panel="fetching"]').waitFor({ timeout: 30_000 });
    const calling = robot.locator('[data-robot-panel="calling"]');
    await calling.waitFor({ timeout: 120_000 });
    // The firmware's own pose: the robot stands at the waiting area while it calls the number.
    const wa = demoPlace('waiting_area');
    const fetched = await fw();
    expect(Math.hypot(fetched.pose.x - wa.x, fetched.pose.y - wa.y)).toBeLessThanOrEqual(0.25);
    await expect(calling.getAttribute('dir')).resolves.toBe('rtl');
    await expect(robot.locator('.robot-number').textContent()).resolves.toBe(issued.value.ticket.number);
    await shot(robot, 'ur-is-this-you');
    await robot.locator('[data-action="robot-confirm"]').click();
    await robot.locator('[data-robot-panel="guiding"]').waitFor({ timeout: 30_000 });
    await shot(robot, 'ur-follow-me');
    await robot.locator('[data-robot-panel="arrived"]').waitFor({ timeout: 120_000 });
    const c3 = demoPlace('counter_3');
    const at = await fw();
    expect(Math.hypot(at.pose.x - c3.x, at.pose.y - c3.y)).toBeLessThanOrEqual(0.25);
    const escort = staffUpdates.find(
      (u) => u.kind === 'escort' && u.ticket?.ticket_id === issued.value.ticket.id,
    );
    // Staff see whom the robot fetches: the number, the holder's language and the counter.
    expect(escort?.ticket).toMatchObject({
      number: issued.value.ticket.number,
      language: 'ur',
      counter_number: 3,
    });
    await eventually(
      'escort completed',
      () =>
        staffUpdates.some((u) => u.mission_id === escort?.mission_id && u.state === 'completed')
          ? true
          : undefined,
      120_000,
    );
    await atHome();
    await robot.close();
  }, 300_000);

  it('says the robot is stopped for safety while its e-stop is latched, and why it cannot come when charging', async () => {
    const page = await open(`${bridge.url}/kiosk/`, 'vi');
    expect((await staff.emitWithAck('robot:estop', {})).ok).toBe(true);
    await guideFromMap(page, 'counter_1');
    await page.locator('[data-guide-state="refused"]').waitFor();
    await shot(page, 'vi-refused-estop');
    const stopped = await page.getByRole('alert').textContent();
    expect((await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);

    await sim.control({ cmd: 'battery', soc: 0.2 });
    await eventually(
      'refused for battery',
      async () => {
        const r = await kiosk.emitWithAck('mission:guide', { place: 'counter_1' });
        return !r.ok && r.error.reason === 'battery_low' ? true : undefined;
      },
      10_000,
    );
    await page.locator('[data-action="start-over"]').click();
    await chooseLanguage(page, 'vi');
    await guideFromMap(page, 'counter_1');
    await page.locator('[data-guide-state="refused"]').waitFor();
    const charging = await page.getByRole('alert').textContent();
    expect(charging).not.toBe(stopped);
    await shot(page, 'vi-refused-battery');
    await sim.control({ cmd: 'battery', soc: 0.9 });
    await page.close();
  }, 120_000);
});
