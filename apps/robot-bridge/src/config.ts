import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root, for the embedded defaults (demo site, web builds, data folder). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

/**
 * The bridge's whole configuration, read from the environment once, here and nowhere else.
 * Defaults run the demo: embedded queue, demo site, simulated robot chosen by the launcher.
 */
export const envSchema = z.object({
  BRIDGE_HOST: z.string().default('0.0.0.0'),
  BRIDGE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SITE_DIR: z.string().default(path.join(REPO_ROOT, 'sites/demo-ward')),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'var')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated device tokens. The demo defaults are printed at start; change them for a real centre. */
  KIOSK_TOKENS: list.default(['demo-kiosk']),
  DISPLAY_TOKENS: list.default(['demo-display']),
  ADMIN_TOKENS: list.default(['demo-admin']),
  /** Serial port of the robot base (a tty path). Unset: no robot attached. */
  ROBOT_PORT: z.string().optional(),
  /** USB serial number of the robot's adapter: finds it again when a replug gives it another tty name. */
  ROBOT_SERIAL_NUMBER: z.string().optional(),
  KIOSK_WEB_DIR: z.string().default(path.join(REPO_ROOT, 'apps/kiosk/dist')),
  STAFF_WEB_DIR: z.string().default(path.join(REPO_ROOT, 'apps/staff-web/dist')),
  /** Tickets: `embedded` (SQLite in DATA_DIR) or `http` (the centre's own queue system, EXTERNAL_QUEUE_*). */
  TICKETS_BACKEND: z.enum(['embedded', 'http']).default('embedded'),
  /** Durability of acknowledged tickets: FULL = on disk before the answer (group commit), NORMAL = survives a process crash only. */
  TICKETS_SYNC: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Base URL of the external queue system's REST API (EXTERNAL_QUEUE.md). */
  EXTERNAL_QUEUE_URL: z.url().optional(),
  /** Bearer token the bridge sends to the external queue system. */
  EXTERNAL_QUEUE_TOKEN: z.string().optional(),
  /** Shared secret that signs the external system's webhooks (HMAC-SHA256). */
  EXTERNAL_QUEUE_WEBHOOK_SECRET: z.string().optional(),
  /** ESC/POS ticket printer on a serial port (tty path or USB serial adapter). Unset: no printer here. */
  PRINTER_PORT: z.string().optional(),
  PRINTER_BAUD: z.coerce.number().int().positive().default(19200),
  /** TrueType font the printer's raster tickets are drawn with (must cover Vietnamese). */
  PRINTER_FONT: z.string().default('/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'),
  /** URL citizens' phones reach the bridge at, for the rating QR code on tickets. Default: bridge URL. */
  PUBLIC_URL: z.url().optional(),
  /** Where the robot stands when the bridge first sees it: its odometry is anchored there. */
  ROBOT_START_PLACE: z.enum(['home', 'dock']).default('home'),
  /** Missions: seconds the robot waits for the citizen at the place. */
  MISSION_WAIT_S: z.coerce.number().min(0).max(600).default(20),
  /** Missions: kiosk guidance requests that may wait for the robot. */
  MISSION_QUEUE_MAX: z.coerce.number().int().min(0).max(20).default(3),
  /** Call-ahead escort: seconds to wait for the citizen to confirm on the robot's screen. */
  MISSION_CONFIRM_TIMEOUT_S: z.coerce.number().min(1).max(600).default(60),
  /** Missions: give up with `blocked` after this long without a way around an obstacle. */
  MISSION_BLOCKED_TIMEOUT_S: z.coerce.number().min(1).max(600).default(30),
  /** Below this battery state of charge (%): no new guidance, dock after the current trip. */
  MISSION_BATTERY_LOW_PCT: z.coerce.number().min(0).max(100).default(25),
  /** Take guidance requests again from this state of charge (%). */
  MISSION_BATTERY_RESUME_PCT: z.coerce.number().min(0).max(100).default(80),
});
export type BridgeConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

export function readConfig(env: Record<string, string | undefined> = process.env): BridgeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
