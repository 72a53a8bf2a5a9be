import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Language, Result, SiteCatalogue } from '@reception/protocol';
import { translator } from '@reception/i18n';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  REPO_ROOT,
  spawnKioskStack,
  type LaunchedChromium,
  type SpawnedBridge,
  type SpawnedKioskHost,
} from './harness/index.ts';
import { kioskSocket } from './kiosk-helpers.ts';

// Issue 19, end to end: Chromium's fake microphone plays a WAV (spoken by eval-only synthetic voices, never
// trained on) into the kiosk served by its browser-mode host; the page's AudioWorklet resamples it to
// 16 kHz, the host wakes on the keyword, endpoints the request with Silero VAD, and the speech-intent model
// names the procedure; the kiosk shows it, issues the ticket from the bridge and speaks the answer.

const FIXTURES = path.join(REPO_ROOT, 'packages/voice/fixtures');

let bridge: SpawnedBridge | undefined;
let host: SpawnedKioskHost | undefined;
let site: SiteCatalogue;
let siteDir: string;
const browsers: LaunchedChromium[] = [];
const responseMs: Record<string, number> = {};

/** The demo site, open around the clock: a ticket by voice is issued without the "closed" question. */
function alwaysOpenSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-voice-'));
  cpSync(path.join(REPO_ROOT, 'sites/demo-ward'), dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'site.yaml'), 'utf8').replace(
    /^opening_hours:\n(?: {2}.*\n| {4}.*\n)+/m,
    "opening_hours:\n  - days: [mon, tue, wed, thu, fri, sat, sun]\n    open: '00:00'\n    close: '23:59'\n",
  );
  writeFileSync(path.join(dir, 'site.yaml'), yaml);
  return dir;
}

beforeAll(async () => {
  siteDir = alwaysOpenSite();
  ({ bridge, host } = await spawnKioskStack({
    bridgeEnv: { SITE_DIR: siteDir },
    hostEnv: { KIOSK_SPEECH: 'espeak-ng', KIOSK_VOICE: 'onnx' },
  }));
  const socket = kioskSocket(bridge.url);
  const r = (await socket.timeout(10_000).emitWithAck('site:get', {})) as Result<SiteCatalogue>;
  socket.disconnect();
  if (!r.ok) throw new Error(r.error.message);
  site = r.value;
}, 90_000);

// One kiosk page at a time, as on a real kiosk: an earlier page left open would speak (its idle warning),
// and the host rightly drops the microphone's audio while the kiosk speaks.
afterEach(async () => {
  for (const b of browsers.splice(0)) await b.close();
});

afterAll(async () => {
  await host?.stop();
  await bridge?.stop();
  rmSync(siteDir, { recursive: true, force: true });
  if (Object.keys(responseMs).length > 0) {
    writeFileSync(artifactPath('kiosk/voice-response-ms.json'), `${JSON.stringify(responseMs)}\n`);
  }
});

/** A kiosk page whose microphone plays `wav` once (`%noloop`), from the moment the page opens it. */
async function kioskHearing(wav: string | undefined): Promise<Page> {
  const browser = await launchChromium({
    viewport: { width: 1280, height: 800 },
    ...(wav ? { fakeAudioFile: `${path.join(FIXTURES, wav)}%noloop` } : {}),
    args: ['--autoplay-policy=no-user-gesture-required'],
  });
  browsers.push(browser);
  const page = await browser.newPage();
  await page.goto(`${host!.url}/kiosk/`);
  await page.locator('.welcome-site').waitFor();
  return page;
}

const spokenIn = (language: Language) =>
  host!.logs().filter((l) => l.msg === 'spoke' && l.language === language).length;

describe.each([
  ['vi', 'dialog-vi.wav', 'xin_chao_robot'],
  ['en', 'dialog-en-birth.wav', 'hello_robot'],
] as const)('voice in %s', (lang, wav, keyword) => {
  it('wakes, shows birth registration, issues its ticket and says it', async () => {
    const before = spokenIn(lang);
    const page = await kioskHearing(wav);
    const birth = site.services.find((s) => s.id === 'birth_registration')!;
    await page.locator('.ticket-number').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await expect(page.locator('.ticket-service').textContent()).resolves.toBe(birth.name[lang]);
    const number = await page.locator('.ticket-number').textContent();
    expect(number).toMatch(new RegExp(`^${birth.prefix}\\d{3}$`));
    // The counter said on the ticket is one of those that handle births.
    const counters = site.counters.filter((c) => birth.counters.includes(c.id)).map((c) => c.number);
    const counterText = (await page.locator('.ticket-counter').textContent()) ?? '';
    expect(counters.some((n) => counterText.includes(String(n)))).toBe(true);
    // No checklist was gone through: the papers are a reminder, not "still missing" in red.
    await expect(page.locator('.ticket-bring').isVisible()).resolves.toBe(true);
    await expect(page.locator('.ticket-missing').count()).resolves.toBe(0);
    await page.screenshot({ path: artifactPath(`kiosk/voice-${lang}-ticket.png`) });

    const logs = host!.logs();
    expect(logs.some((l) => l.msg === 'voice wake' && l.keyword === keyword)).toBe(true);
    expect(logs.some((l) => l.msg === 'voice intent' && l.intent === 'start_procedure')).toBe(true);
    await expect.poll(() => spokenIn(lang), { timeout: 15_000 }).toBeGreaterThan(before);
    // Back in the detail, Back leads to the procedure that was asked for.
    await page.locator('[data-action="back"]').click();
    await expect(page.locator('.detail .screen-heading').textContent()).resolves.toBe(birth.name[lang]);

    const status = page.locator('.voice-status');
    const ms = Number(await status.getAttribute('data-response-ms'));
    responseMs[lang] = ms;
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(1000); // issue 19: intent on screen within 1 s of the end of speech
  }, 60_000);
});

describe('voice refusals and problems', () => {
  it('answers an out-of-scope request with the polite refusal, in English, and stays put', async () => {
    const before = spokenIn('en');
    const page = await kioskHearing('dialog-en-oos.wav');
    const en = translator('en', site.timezone);
    const refusal = en.t('kiosk.voice_use_screen');
    await expect(page.locator('.voice-notice').textContent({ timeout: 30_000 })).resolves.toBe(refusal);
    // All of the box is in English, the hint beside the refusal too, though the welcome screen is not.
    await expect(page.locator('.voice-status').getAttribute('lang')).resolves.toBe('en-GB');
    await expect(page.locator('.voice-status .voice-text').textContent()).resolves.toBe(
      en.t('kiosk.voice_hint', { keywords: '“Xin chào Robot” / “Hello Robot”' }),
    );
    await page.screenshot({ path: artifactPath('kiosk/voice-refusal.png') });
    // "Use the touch screen": the first touch takes the box away (it covers the language buttons' tops),
    // long before the 10 s it stays untouched.
    await page.mouse.click(640, 780);
    await expect.poll(() => page.locator('.voice-notice').count(), { timeout: 3000 }).toBe(0);
    await expect.poll(() => spokenIn('en'), { timeout: 15_000 }).toBeGreaterThan(before);
    // Nothing else happened: still the welcome screen, no ticket.
    await expect(page.locator('.kiosk').getAttribute('data-screen')).resolves.toBe('welcome');
    await expect(page.locator('.ticket-number').count()).resolves.toBe(0);
  }, 60_000);

  it('says why voice is off when the microphone is refused, and the touch screen still works', async () => {
    const page = await kioskHearing(undefined);
    const status = page.locator('.voice-status[data-phase="unavailable"]');
    await status.waitFor({ timeout: 15_000 });
    const problem = await status.getAttribute('data-problem');
    expect(['denied', 'no_microphone']).toContain(problem);
    const t = translator('vi', site.timezone);
    const expected = t.t(problem === 'denied' ? 'kiosk.voice_mic_denied' : 'kiosk.voice_no_microphone');
    await expect(status.locator('.voice-text').textContent()).resolves.toBe(expected);
    await page.screenshot({ path: artifactPath('kiosk/voice-no-microphone.png') });
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.locator('.home').waitFor();
  }, 60_000);
});

describe('a kiosk that listens for "Xin chào Robot" only (KIOSK_WAKE_KEYWORDS)', () => {
  it('names only that phrase and does not wake on "Hello Robot"', async () => {
    const stack = await spawnKioskStack({
      bridgeEnv: { SITE_DIR: siteDir },
      hostEnv: { KIOSK_SPEECH: 'none', KIOSK_VOICE: 'onnx', KIOSK_WAKE_KEYWORDS: 'xin_chao_robot' },
    });
    try {
      const browser = await launchChromium({
        viewport: { width: 1280, height: 800 },
        fakeAudioFile: `${path.join(FIXTURES, 'dialog-en-birth.wav')}%noloop`,
      });
      browsers.push(browser);
      const page = await browser.newPage();
      await page.goto(`${stack.host.url}/kiosk/`);
      await page.locator('.welcome-site').waitFor();
      const status = page.locator('.voice-status[data-phase="ready"]');
      await status.waitFor({ timeout: 15_000 });
      const vi = translator('vi', site.timezone);
      await expect(status.locator('.voice-text').textContent()).resolves.toBe(
        vi.t('kiosk.voice_hint', { keywords: '“Xin chào Robot”' }),
      );
      // The whole file is heard (the session counts its seconds), and "Hello Robot" wakes nothing.
      await expect
        .poll(() => stack.host.logs().some((l) => l.msg === 'voice session opened'), { timeout: 15_000 })
        .toBe(true);
      // the microphone is live (the level meter moves with the file's speech), then the file has played out
      await expect
        .poll(() => status.locator('.voice-level').evaluate((m) => (m as HTMLMeterElement).value), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0.01);
      await page.waitForTimeout(7000);
      expect(stack.host.logs().filter((l) => l.msg === 'voice wake')).toEqual([]);
      const opened = stack.host.logs().find((l) => l.msg === 'voice session opened') as
        { rule?: { keywords?: string[] } } | undefined;
      expect(opened?.rule?.keywords).toEqual(['xin_chao_robot']);
      await expect(page.locator('.kiosk').getAttribute('data-screen')).resolves.toBe('welcome');
    } finally {
      await stack.host.stop();
      await stack.bridge.stop();
    }
  }, 90_000);
});
