import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeWav, encodeWav16 } from '@reception/voice/audio/wav';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  REPO_ROOT,
  spawnKioskStack,
  type LaunchedChromium,
  type SpawnedBridge,
  type SpawnedKioskHost,
} from './harness/index.ts';
import { axeViolations, LAYOUTS, layoutProblems, settled } from './kiosk-tour.ts';

// The site's voice samples through the kiosk itself (host KIOSK_VOICE_SAMPLES_DIR): Chromium's fake
// microphone says "Xin chào Robot" every few seconds; a volunteer agrees, takes are cut by level, checked
// and kept by the host; one is recorded again; another volunteer withdraws; the lobby is recorded; and
// `wakeword:calibrate` reads the folder as the kiosk left it.

const run = promisify(execFile);
let bridge: SpawnedBridge | undefined;
let host: SpawnedKioskHost | undefined;
let browser: LaunchedChromium | undefined;
let page: Page;
let dir: string;
let work: string;

/** The keyword fixture, then 1.2 s of quiet, six times: the microphone loops it. */
function microphoneWav(): string {
  const clip = decodeWav(readFileSync(path.join(REPO_ROOT, 'packages/voice/fixtures/xin-chao-robot.wav')));
  const gap = new Float32Array(Math.round(1.2 * clip.sampleRate));
  const parts: Float32Array[] = [];
  for (let i = 0; i < 6; i++) parts.push(clip.samples, gap);
  const all = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const file = path.join(work, 'microphone.wav');
  writeFileSync(file, encodeWav16(all, clip.sampleRate));
  return file;
}

const takesOf = (keyword: string) => readdirSync(path.join(dir, keyword)).sort();

/** axe, then each screen shape: the kiosk's own layout rules (touch targets, nothing off screen), a shot. */
async function shot(name: string): Promise<void> {
  await settled(page);
  expect(await axeViolations(page), name).toEqual([]);
  for (const [layout, viewport] of Object.entries(LAYOUTS)) {
    await page.setViewportSize(viewport);
    await settled(page);
    await page.screenshot({ path: artifactPath(`kiosk/samples/${layout}/${name}.png`), fullPage: true });
    expect(await layoutProblems(page), `${name} in ${layout}`).toEqual([]);
  }
  await page.setViewportSize(LAYOUTS.landscape);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kiosk-samples-'));
  dir = path.join(work, 'voice samples'); // a space: the printed command must quote it
  ({ bridge, host } = await spawnKioskStack({
    hostEnv: {
      KIOSK_VOICE_SAMPLES_DIR: dir,
      KIOSK_SPEECH: 'none',
      KIOSK_VOICE: 'none',
      KIOSK_INTENT: 'none',
    },
  }));
  browser = await launchChromium({
    viewport: { width: 1280, height: 800 },
    fakeAudioFile: microphoneWav(),
    args: ['--autoplay-policy=no-user-gesture-required'],
  });
  page = await browser.newPage();
  await page.goto(`${host.url}/kiosk/`);
  await page.locator('.samples-home .samples-status').waitFor({ timeout: 30_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await bridge?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('voice samples mode', () => {
  it('shows the recording screens instead of the citizen journey, in the chosen language', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('.welcome').count()).resolves.toBe(0);
    const command = (await page.locator('.samples-command').textContent()) ?? '';
    expect(command).toContain(`--keyword xin_chao_robot='${path.join(dir, 'xin_chao_robot')}'`);
    // It runs from the kiosk's checkout, wherever the IT person's shell is.
    expect(command.startsWith(`cd ${REPO_ROOT} && npm run -s wakeword:calibrate -- `)).toBe(true);
    await shot('home-vi');
    await page.locator('.samples-languages [lang="ur"]').click();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await shot('home-ur');
    expect(
      host!
        .logs()
        .some(
          (l) =>
            l.msg ===
            'collecting voice samples: the kiosk shows the recording screens, not the citizen journey',
        ),
    ).toBe(true);
  });

  it("keeps a volunteer's takes after consent, and records one again", async () => {
    await page.locator('[data-action="volunteer"]').click();
    await page.locator('.samples-consent').waitFor();
    await shot('consent-ur');
    await page.locator('.samples-languages [lang="vi"]').click();
    await shot('consent-vi');
    await page.locator('.samples-languages [lang="ur"]').click();
    await page.locator('[data-action="agree"]').click();
    const takes = page.locator('.samples-takes');
    await takes.waitFor();
    await page
      .locator('.samples-takes[data-phase="listening"], .samples-takes[data-phase="recording"]')
      .waitFor();
    await shot('take-ur');
    await page.locator('.samples-takes[data-take="3"]').waitFor({ timeout: 60_000 });
    const kept = takesOf('xin_chao_robot');
    expect(kept).toHaveLength(2);
    const volunteer = kept[0]!.split('-')[0]!;
    expect(kept).toEqual([`${volunteer}-01.wav`, `${volunteer}-02.wav`]);
    for (const f of kept) {
      const wav = decodeWav(readFileSync(path.join(dir, 'xin_chao_robot', f)));
      expect(wav.sampleRate).toBe(16000);
      expect(wav.frames / 16000).toBeGreaterThan(1);
      expect(wav.frames).toBeLessThanOrEqual(48000);
    }
    // "Record the last one again": take 2 is deleted and asked for once more.
    await page.locator('[data-action="redo"]').click();
    await page.locator('.samples-takes[data-take="2"]').waitFor();
    expect(takesOf('xin_chao_robot')).toEqual([`${volunteer}-01.wav`]);
    await page.locator('.samples-takes[data-take="3"]').waitFor({ timeout: 60_000 });
    expect(takesOf('xin_chao_robot')).toEqual([`${volunteer}-01.wav`, `${volunteer}-02.wav`]);
    await page.locator('[data-action="stop"]').click();
    await page.locator('.samples-done').waitFor();
    await shot('done-ur');
    await page.locator('[data-action="finish"]').click();
    await expect
      .poll(() => page.locator('[data-keyword="xin_chao_robot"]').getAttribute('data-count'))
      .toBe('2');
    await expect(page.locator('[data-volunteers]').getAttribute('data-volunteers')).resolves.toBe('1');
  }, 150_000);

  it("deletes a volunteer's recordings when they ask, and only theirs", async () => {
    const before = takesOf('xin_chao_robot');
    await page.locator('[data-action="volunteer"]').click();
    await page.locator('[data-action="agree"]').click();
    await page.locator('.samples-takes[data-take="2"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-action="stop"]').click();
    expect(takesOf('xin_chao_robot')).toHaveLength(before.length + 1);
    await page.locator('[data-action="delete"]').click();
    await page.locator('.samples-done [role="status"]', { hasText: 'حذف' }).waitFor();
    expect(takesOf('xin_chao_robot')).toEqual(before);
    const consent = readFileSync(path.join(dir, 'consent.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; language: string });
    expect(consent.map((c) => c.event)).toEqual(['agreed', 'agreed', 'withdrew']);
    expect(consent[0]?.language).toBe('ur');
    await page.locator('[data-action="finish"]').click();
  }, 90_000);

  it('records the lobby, and wakeword:calibrate reads the folder as it is', async () => {
    await page.locator('[data-action="lobby"]').click();
    await page.locator('.samples-lobby').waitFor();
    await expect
      .poll(() => page.locator('.samples-lobby').getAttribute('data-seconds'), { timeout: 20_000 })
      .toMatch(/^[3-9]$|^\d\d+$/);
    await shot('lobby-ur');
    await page.locator('[data-action="stop-lobby"]').click();
    await page.locator('.samples-home .samples-status').waitFor();
    const seconds = Number(await page.locator('[data-lobby-seconds]').getAttribute('data-lobby-seconds'));
    expect(seconds).toBeGreaterThanOrEqual(3);
    const [lobby] = readdirSync(path.join(dir, 'lobby'));
    expect(decodeWav(readFileSync(path.join(dir, 'lobby', lobby!))).frames).toBeGreaterThanOrEqual(3 * 16000);

    const { stdout } = await run(
      'npm',
      [
        'run',
        '-s',
        'wakeword:calibrate',
        '--',
        '--keyword',
        `xin_chao_robot=${path.join(dir, 'xin_chao_robot')}`,
        '--background',
        path.join(dir, 'lobby'),
        '--min-clips',
        '1',
        '--min-background-hours',
        '0',
      ],
      { cwd: REPO_ROOT },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      clips: Record<string, number>;
      enough_audio: boolean;
    };
    expect(report.clips).toEqual({ xin_chao_robot: 2 });
    expect(report.enough_audio).toBe(true);
  }, 120_000);
});

describe('voice samples for a kiosk that listens for "Xin chào Robot" only (KIOSK_WAKE_KEYWORDS)', () => {
  it('asks volunteers for that phrase only, and prints the calibration for it', async () => {
    const viDir = path.join(work, 'vi only');
    const stack = await spawnKioskStack({
      hostEnv: {
        KIOSK_VOICE_SAMPLES_DIR: viDir,
        KIOSK_WAKE_KEYWORDS: 'xin_chao_robot',
        KIOSK_SPEECH: 'none',
        KIOSK_VOICE: 'none',
        KIOSK_INTENT: 'none',
      },
    });
    try {
      const vi = await browser!.newPage();
      await vi.goto(`${stack.host.url}/kiosk/`);
      await vi.locator('.samples-home .samples-status').waitFor({ timeout: 30_000 });
      await expect(
        vi.locator('.samples-status [data-keyword]').evaluateAll((li) => li.map((l) => l.dataset.keyword)),
      ).resolves.toEqual(['xin_chao_robot']);
      const command = (await vi.locator('.samples-command').textContent()) ?? '';
      expect(command).toContain('--listen xin_chao_robot');
      expect(command).not.toContain('hello_robot');
      await vi.locator('[data-action="volunteer"]').click();
      const consent = (await vi.locator('.samples-consent-body').textContent()) ?? '';
      expect(consent).toContain('Xin chào Robot');
      expect(consent).not.toContain('Hello Robot');
      await vi.screenshot({ path: artifactPath('kiosk/samples/consent-vi-xin-only.png') });
      await vi.close();
    } finally {
      await stack.host.stop();
      await stack.bridge.stop();
    }
  }, 90_000);
});
