import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless Chromium that never reaches the internet on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export interface LaunchChromiumOptions {
  /** Feed this WAV file to getUserMedia as the microphone (Chromium's fake capture device). */
  fakeAudioFile?: string;
  /** Viewport of every page; defaults to a 1280 x 900 landscape kiosk screen. */
  viewport?: { width: number; height: number };
  /** More command-line flags. */
  args?: string[];
}

export interface LaunchedChromium {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** Debian's Chromium through playwright-core, with a fresh user-data-dir each time. */
export async function launchChromium(opts: LaunchChromiumOptions = {}): Promise<LaunchedChromium> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'chromium-profile-'));
  const args: string[] = [...CHROMIUM_FLAGS];
  if (opts.fakeAudioFile) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${opts.fakeAudioFile}`,
    );
  }
  args.push(...(opts.args ?? []));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args,
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      ...(opts.fakeAudioFile ? { permissions: ['microphone'] } : {}),
    });
  } catch (e) {
    await rm(userDataDir, { recursive: true, force: true });
    throw e;
  }
  let closing: Promise<void> | undefined;
  return {
    context,
    newPage: () => context.newPage(),
    close: () =>
      (closing ??= (async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      })()),
  };
}
