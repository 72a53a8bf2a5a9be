import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeZodError } from '@reception/protocol';
import { z } from 'zod';
import { keywordSchema } from '../shared/voice-api.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** apps/kiosk/dist, seen from the built main (apps/kiosk/dist-electron) or from the source (src/host). */
const DEFAULT_WEB_DIR =
  path.basename(HERE) === 'dist-electron'
    ? path.resolve(HERE, '..', 'dist')
    : path.resolve(HERE, '..', '..', 'dist');

/**
 * models/intent at the repository root, seen from the built main (apps/kiosk/dist-electron) or from the
 * source (apps/kiosk/src/host). A packaged kiosk sets KIOSK_INTENT_MODEL_DIR to where it ships the model.
 */
/** The repository checkout this host runs from (where `npm run` finds the CLIs). */
export const CHECKOUT_DIR =
  path.basename(HERE) === 'dist-electron'
    ? path.resolve(HERE, '..', '..', '..')
    : path.resolve(HERE, '..', '..', '..', '..');
const DEFAULT_INTENT_MODEL_DIR = path.join(CHECKOUT_DIR, 'models', 'intent');

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * The kiosk's whole configuration (Electron shell and browser-mode host alike), read from the environment
 * once, here and nowhere else.
 * - KIOSK_BRIDGE_URL: the bridge (origin only), default the local demo bridge.
 * - KIOSK_TOKEN, or KIOSK_TOKEN_FILE (a file holding it, for systemd credentials): this kiosk's device token.
 * - KIOSK_RENDERER (Electron): `bundled` loads the renderer from KIOSK_WEB_DIR through app:// (works while
 *   the bridge is down: the banner says so); `bridge` loads `${KIOSK_BRIDGE_URL}/kiosk/`.
 * - KIOSK_MODE: Electron kiosk mode (full screen, always on top, no menu, no way out). KIOSK_FULLSCREEN:
 *   full screen only.
 * - KIOSK_IDLE_SECONDS: idle reset delay (the last 20 s of it are a spoken and visible warning).
 * - KIOSK_DEVTOOLS: open-able DevTools while developing; never in a packaged kiosk.
 * - KIOSK_ROBOT_SCREEN: this kiosk is the robot's own screen (registers with the bridge for missions).
 * - KIOSK_HOST_PORT (browser mode): the port on 127.0.0.1 where the host serves the renderer and its API.
 * - KIOSK_SPEECH: `espeak-ng` (default) or `none` (no speaker: the read-aloud button is hidden).
 * - KIOSK_SPEECH_RATE: words per minute (espeak-ng), slower than its default for older listeners.
 * - KIOSK_INTENT: `onnx` (default: the search box understands requests in four languages with the model in
 *   KIOSK_INTENT_MODEL_DIR, loaded once at start) or `none` (the search box searches the catalogue only).
 * - KIOSK_VOICE: `onnx` (default: wake word, Silero VAD and speech intent from packages/voice, offline) or
 *   `none` (no microphone: the page never asks for one). KIOSK_PORCUPINE_ACCESS_KEY with at least one of
 *   KIOSK_PORCUPINE_XIN_CHAO_ROBOT / KIOSK_PORCUPINE_HELLO_ROBOT (.ppn files) puts Porcupine in front of
 *   our wake word; a key Picovoice refuses, or one it cannot check offline, is logged and ours is used.
 * - KIOSK_WAKE_CALIBRATION: a site calibration of our wake word (`npm run -s wakeword:calibrate -- ...
 *   --out FILE`, README "Calibrating the wake word on site"); unreadable or made for another model: logged,
 *   and the model's own threshold applies.
 * - KIOSK_WAKE_MODEL: a site's own wake word model (ONNX with its .json beside it; models/wake-word
 *   README "Fine-tuning on a site's recordings"); missing or broken: logged, and the shipped model runs.
 * - KIOSK_WAKE_KEYWORDS: the wake phrases our wake word listens for, comma-separated: `xin_chao_robot`,
 *   `hello_robot` (default both). A centre whose citizens all greet in Vietnamese drops `hello_robot`: the
 *   English look-alikes (TV, visitors) no longer wake the kiosk. The page names only these phrases. A site
 *   calibration must be made for the same phrases (`wakeword:calibrate --listen`).
 * - KIOSK_VOICE_END_SILENCE_MS: silence that ends the citizen's request; KIOSK_VOICE_MAX_UTTERANCE_MS caps it.
 * - KIOSK_VOICE_SAMPLES_DIR: collect the site's voice samples for the wake word calibration in this folder
 *   (created if missing): the page shows the recording screens (volunteers' consent, the wake phrases, the
 *   lobby) instead of the citizen's journey. Unset (default): audio is never stored.
 * - KIOSK_BRIDGE_CERT: the bridge's certificate (PEM) when it serves HTTPS with one this machine does not
 *   trust by itself: the Electron shell and kiosk-browser.sh accept that one key for the bridge.
 * - KIOSK_MICROPHONE: part of the capture device's label to prefer (e.g. `ReSpeaker`); default device else.
 * - LOG_LEVEL: pino level of the host's logs.
 */
export const kioskEnvSchema = z.object({
  KIOSK_BRIDGE_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:8080')
    .transform((u) => new URL(u).origin),
  KIOSK_TOKEN: z.string().trim().min(1).max(512).optional(),
  KIOSK_TOKEN_FILE: z.string().min(1).optional(),
  KIOSK_RENDERER: z.enum(['bundled', 'bridge']).default('bundled'),
  KIOSK_WEB_DIR: z.string().min(1).default(DEFAULT_WEB_DIR),
  KIOSK_MODE: flag.default(false),
  KIOSK_FULLSCREEN: flag.default(false),
  KIOSK_IDLE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  KIOSK_DEVTOOLS: flag.default(false),
  KIOSK_ROBOT_SCREEN: flag.default(false),
  KIOSK_HOST_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  KIOSK_SPEECH: z.enum(['espeak-ng', 'none']).default('espeak-ng'),
  KIOSK_SPEECH_RATE: z.coerce.number().int().min(80).max(450).default(150),
  KIOSK_INTENT: z.enum(['onnx', 'none']).default('onnx'),
  KIOSK_INTENT_MODEL_DIR: z.string().min(1).default(DEFAULT_INTENT_MODEL_DIR),
  KIOSK_VOICE: z.enum(['onnx', 'none']).default('onnx'),
  KIOSK_PORCUPINE_ACCESS_KEY: z.string().trim().min(1).optional(),
  KIOSK_PORCUPINE_XIN_CHAO_ROBOT: z.string().min(1).optional(),
  KIOSK_PORCUPINE_HELLO_ROBOT: z.string().min(1).optional(),
  KIOSK_WAKE_CALIBRATION: z.string().min(1).optional(),
  KIOSK_WAKE_MODEL: z.string().min(1).optional(),
  KIOSK_WAKE_KEYWORDS: z
    .string()
    .default(keywordSchema.options.join(','))
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(keywordSchema).min(1, 'name at least one wake phrase')),
  KIOSK_VOICE_END_SILENCE_MS: z.coerce.number().int().min(200).max(3000).default(500),
  KIOSK_VOICE_MAX_UTTERANCE_MS: z.coerce.number().int().min(2000).max(30000).default(8000),
  KIOSK_MICROPHONE: z.string().trim().max(200).default(''),
  KIOSK_BRIDGE_CERT: z.string().trim().min(1).optional(),
  KIOSK_VOICE_SAMPLES_DIR: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type KioskConfig = Omit<z.infer<typeof kioskEnvSchema>, 'KIOSK_TOKEN' | 'KIOSK_TOKEN_FILE'> & {
  KIOSK_TOKEN: string;
};

export class KioskConfigError extends Error {
  readonly code = 'KIOSK_CONFIG_INVALID';
}

export const DEMO_TOKEN = 'demo-kiosk';

export function readKioskConfig(
  env: Record<string, string | undefined> = process.env,
  readFile: (file: string) => string = (f) => readFileSync(f, 'utf8'),
): KioskConfig {
  const parsed = kioskEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new KioskConfigError(`invalid kiosk environment:\n  ${describeZodError(parsed.error, '\n  ')}`);
  }
  const { KIOSK_TOKEN, KIOSK_TOKEN_FILE, ...rest } = parsed.data;
  if (KIOSK_TOKEN && KIOSK_TOKEN_FILE) {
    throw new KioskConfigError('invalid kiosk environment:\n  set KIOSK_TOKEN or KIOSK_TOKEN_FILE, not both');
  }
  let token = KIOSK_TOKEN ?? DEMO_TOKEN;
  if (KIOSK_TOKEN_FILE) {
    try {
      token = readFile(KIOSK_TOKEN_FILE).trim();
    } catch (e) {
      throw new KioskConfigError(`cannot read KIOSK_TOKEN_FILE ${KIOSK_TOKEN_FILE}: ${(e as Error).message}`);
    }
    if (!token || token.length > 512) {
      throw new KioskConfigError(
        `KIOSK_TOKEN_FILE ${KIOSK_TOKEN_FILE} must hold a token of 1-512 characters`,
      );
    }
  }
  return { ...rest, KIOSK_TOKEN: token };
}
