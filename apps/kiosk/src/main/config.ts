import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeZodError } from '@reception/protocol';
import { z } from 'zod';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** apps/kiosk/dist, seen from the built main (apps/kiosk/dist-electron) or from the source (src/main). */
const DEFAULT_WEB_DIR =
  path.basename(HERE) === 'dist-electron'
    ? path.resolve(HERE, '..', 'dist')
    : path.resolve(HERE, '..', '..', 'dist');

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * The Electron shell's whole configuration, read from the environment once, here and nowhere else.
 * - KIOSK_BRIDGE_URL: the bridge (origin only), default the local demo bridge.
 * - KIOSK_TOKEN: this kiosk's device token.
 * - KIOSK_RENDERER: `bundled` loads the renderer from KIOSK_WEB_DIR through the app:// protocol (works
 *   while the bridge is down: the banner says so); `bridge` loads `${KIOSK_BRIDGE_URL}/kiosk/`.
 * - KIOSK_MODE: Electron kiosk mode (full screen, no way out for citizens). KIOSK_FULLSCREEN: full screen only.
 * - KIOSK_IDLE_SECONDS: idle reset delay.
 * - KIOSK_DEVTOOLS: open-able DevTools while developing; never in a packaged kiosk.
 */
export const kioskEnvSchema = z.object({
  KIOSK_BRIDGE_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:8080')
    .transform((u) => new URL(u).origin),
  KIOSK_TOKEN: z.string().min(1).max(512).default('demo-kiosk'),
  KIOSK_RENDERER: z.enum(['bundled', 'bridge']).default('bundled'),
  KIOSK_WEB_DIR: z.string().min(1).default(DEFAULT_WEB_DIR),
  KIOSK_MODE: flag.default(false),
  KIOSK_FULLSCREEN: flag.default(false),
  KIOSK_IDLE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  KIOSK_DEVTOOLS: flag.default(false),
});
export type KioskConfig = z.infer<typeof kioskEnvSchema>;

export class KioskConfigError extends Error {
  readonly code = 'KIOSK_CONFIG_INVALID';
}

export function readKioskConfig(env: Record<string, string | undefined> = process.env): KioskConfig {
  const parsed = kioskEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new KioskConfigError(`invalid kiosk environment:\n  ${describeZodError(parsed.error, '\n  ')}`);
  }
  return parsed.data;
}
