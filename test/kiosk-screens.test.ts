import type { Language, Result, SiteCatalogue, Ticket, TicketReceipt } from '@reception/protocol';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  spawnKioskStack,
  Teardown,
  type LaunchedChromium,
  type SpawnedBridge,
  type SpawnedKioskHost,
  warnOnFailure,
} from './harness/index.ts';
import { kioskSocket } from './kiosk-helpers.ts';
import {
  axeViolations,
  LAYOUTS,
  layoutProblems,
  OPEN_TIME,
  settled,
  StaffSide,
  tourScreens,
  type AxeViolation,
} from './kiosk-tour.ts';
import { goHome, walkKiosk } from './kiosk-walk.ts';

// Every screen of the kiosk in all four languages, as deployed in browser mode (real bridge, the kiosk's
// Node host, Debian's Chromium): axe-core finds no violation, the layout holds in landscape (1280x800) and
// portrait (1080x1920), and a screenshot of each in both lands in test/artifacts/kiosk/<layout>/ for a human
// to look at. Then the walker taps every button of every screen and proves "Start over" is always reachable.

const LANGS: Language[] = ['vi', 'en', 'hi', 'ur'];

let bridge: SpawnedBridge;
let host: SpawnedKioskHost;
let browser: LaunchedChromium;
let staff: StaffSide;
let site: SiteCatalogue;
const down = new Teardown();
const kiosk = () => kioskSocket(bridge.url);

beforeAll(async () => {
  [{ bridge, host }, browser] = await Promise.all([
    spawnKioskStack({
      // The tour and the walker call staff many times from one kiosk.
      bridgeEnv: { STAFF_CALL_LIMIT: '100', STAFF_CALL_LIMIT_WINDOW_S: '10' },
      hostEnv: { KIOSK_SPEECH: 'espeak-ng' },
    }).then((s) => down.add(s, async (x) => (await x.host.stop(), await x.bridge.stop()))),
    launchChromium().then((b) => down.add(b, (x) => x.close())),
  ]);
  staff = down.add(await StaffSide.connect(bridge.url), (s) => s.close());
  const s = kiosk();
  const r = (await s.timeout(10_000).emitWithAck('site:get', {})) as Result<SiteCatalogue>;
  s.disconnect();
  if (!r.ok) throw new Error(r.error.message);
  site = r.value;
}, 120_000);

afterAll(() => down.run());
beforeEach(({ onTestFailed }) => warnOnFailure(() => bridge, onTestFailed));

async function issueTicket(serviceId: string): Promise<Ticket> {
  const s = kiosk();
  try {
    const r = (await s.timeout(10_000).emitWithAck('ticket:issue', {
      service_id: serviceId,
      idempotency_key: randomUUID(),
    })) as Result<TicketReceipt>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value.ticket;
  } finally {
    s.disconnect();
  }
}

const dossierCode = () =>
  (bridge.logs().find((l) => Array.isArray(l.codes))?.codes as string[] | undefined)?.[0];

describe('every screen', () => {
  it.each(LANGS)(
    'in %s: no axe violation, landscape and portrait hold, screenshots taken',
    async (lang) => {
      const page = await browser.newPage();
      await page.setViewportSize(LAYOUTS.landscape);
      await page.clock.setSystemTime(OPEN_TIME);
      const found: { screen: string; layout: string; problems: (string | AxeViolation)[] }[] = [];
      try {
        await page.goto(`${host.url}/kiosk/`);
        await tourScreens(
          page,
          lang,
          { site, dossierCode: dossierCode(), staff, issueTicket },
          async (screen) => {
            const violations = await axeViolations(page);
            if (violations.length > 0) found.push({ screen, layout: 'axe', problems: violations });
            // The same screen in both orientations: a kiosk stand may be mounted either way.
            for (const [layout, viewport] of Object.entries(LAYOUTS)) {
              await page.setViewportSize(viewport);
              await settled(page);
              await page.screenshot({ path: artifactPath(`kiosk/${layout}/${lang}-${screen}.png`) });
              const problems = await layoutProblems(page);
              if (problems.length > 0) found.push({ screen, layout, problems });
            }
            await page.setViewportSize(LAYOUTS.landscape);
          },
        );
      } finally {
        await page.close();
      }
      expect(found).toEqual([]);
    },
    240_000,
  );
});

describe('no dead ends', () => {
  it('taps every button of every screen and finds Start over on screen after each tap', async () => {
    const page = await browser.newPage();
    await page.setViewportSize(LAYOUTS.landscape);
    await page.clock.setSystemTime(OPEN_TIME);
    await page.goto(`${host.url}/kiosk/`);
    await page.locator('.language-grid').waitFor();
    const home = () => goHome(page, artifactPath('kiosk/walk-stuck.png'));
    const report = await walkKiosk(page, home);
    await page.close();
    expect(report.deadEnds).toEqual([]);
    const screens = new Set(report.states.map((s) => s.split('|')[0]));
    // Every journey was reached by tapping alone.
    for (const s of ['welcome', 'home', 'fields', 'list', 'detail', 'checklist', 'priority', 'ticket'])
      expect(screens).toContain(s);
    for (const s of ['dossier', 'facilities', 'guide', 'staff', 'rate']) expect(screens).toContain(s);
  }, 600_000);
});
