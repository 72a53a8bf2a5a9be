import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeZodError } from '@reception/protocol';
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
  /** `production` refuses the demo site's public device tokens (see `--demo`). */
  NODE_ENV: z.string().optional(),
  /** Staff sessions end after this long without a request... */
  STAFF_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** ...and this long after login, whatever happens. */
  STAFF_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /** Web origins besides the bridge's own whose pages may log in and open sockets (comma-separated). */
  ALLOWED_ORIGINS: list.default(['app://kiosk']),
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
  /**
   * Where the nightly backups go (apps/robot-bridge/deploy sets it for the bridge and the backup alike).
   * Set: /healthz and /metrics say how old the newest one is. Unset or empty: not watched.
   */
  BACKUP_DIR: z.string().optional(),
  /** The newest backup may be this old before /healthz calls it a fault. */
  BACKUP_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .default(36),
  /** ESC/POS ticket printer on a serial port (tty path or USB serial adapter). Unset: no printer here. */
  PRINTER_PORT: z.string().optional(),
  PRINTER_BAUD: z.coerce.number().int().positive().default(19200),
  /**
   * HTTPS: PEM files of the bridge's certificate (chain) and private key, both or neither. Set, the bridge
   * serves only HTTPS and WSS on BRIDGE_PORT, so staff passwords and device tokens never cross the centre's
   * network in clear. Unset: plain HTTP (loopback and the demo).
   */
  BRIDGE_TLS_CERT: z.string().optional(),
  BRIDGE_TLS_KEY: z.string().optional(),
  /** URL citizens' phones reach the bridge at, for the rating QR code on tickets. Default: bridge URL. */
  PUBLIC_URL: z.url().optional(),
  /**
   * Dossier status lookups: `demo` (SITE_DIR/dossiers.yaml), `http` (the centre's one-stop system,
   * DOSSIER_API_*; packages/dossiers/DOSSIER_API.md) or `none`. Unset: `demo` when the site folder has a
   * dossiers.yaml, else `none` (kiosks are told the lookup is unavailable).
   */
  DOSSIER_BACKEND: z.enum(['demo', 'http', 'none']).optional(),
  /** Base URL of the one-stop system's dossier API (`GET {url}/v1/dossiers/{code}`). */
  DOSSIER_API_URL: z.url().optional(),
  /** Bearer token the bridge sends to the dossier API. */
  DOSSIER_API_TOKEN: z.string().optional(),
  /** Deadline of one dossier lookup, retries included; past it the kiosk is told UNAVAILABLE. */
  DOSSIER_API_TIMEOUT_MS: z.coerce.number().int().min(500).max(30_000).default(4000),
  /** Dossier lookups each kiosk may make per minute (the rest: RATE_LIMITED), against code guessing. */
  DOSSIER_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(12),
  /** Seconds a citizen's call for staff waits for a staff member before it expires and the kiosk is told. */
  STAFF_CALL_EXPIRY_S: z.coerce.number().int().min(1).max(3600).default(180),
  /** New staff calls each kiosk may make per STAFF_CALL_LIMIT_WINDOW_S (the rest: RATE_LIMITED). */
  STAFF_CALL_LIMIT: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_CALL_LIMIT_WINDOW_S: z.coerce.number().int().min(10).max(86_400).default(600),
  /**
   * How robot state reaches staff: 0 (default) publishes on the next event-loop turn after a change, each
   * client getting only the latest state once it has taken the previous one; N > 0 restores the old fixed
   * N ms tick broadcast to everyone (kept for bench:bridge's baseline, not for production).
   */
  ROBOT_STATE_TICK_MS: z.coerce.number().int().min(0).max(5000).default(0),
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
export type BridgeConfig = z.infer<typeof envSchema> & {
  /** `--demo`: the demo site's public device tokens may be served beyond loopback (`npm start`). */
  DEMO: boolean;
};

/** Variables of earlier versions whose meaning is gone: refused with what to do instead. */
const RETIRED: Record<string, string> = {
  KIOSK_TOKENS:
    'device tokens live in the bridge database: npm run -s admin -- token create --role kiosk --name NAME',
  DISPLAY_TOKENS:
    'device tokens live in the bridge database: npm run -s admin -- token create --role display --name NAME',
  ADMIN_TOKENS: 'administration needs a staff login with role admin (staff.yaml)',
};

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

export function readConfig(
  env: Record<string, string | undefined> = process.env,
  argv: readonly string[] = [],
): BridgeConfig {
  const retired = Object.keys(RETIRED).filter((k) => env[k] !== undefined);
  if (retired.length) {
    throw new ConfigError(
      `invalid environment:\n${retired.map((k) => `  ${k}: no longer read; ${RETIRED[k]}`).join('\n')}`,
    );
  }
  const unknownArgs = argv.filter((a) => a !== '--demo');
  if (unknownArgs.length) throw new ConfigError(`unknown arguments: ${unknownArgs.join(' ')} (only --demo)`);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(`invalid environment:\n  ${describeZodError(parsed.error, '\n  ')}`);
  if (Boolean(parsed.data.BRIDGE_TLS_CERT) !== Boolean(parsed.data.BRIDGE_TLS_KEY))
    throw new ConfigError(
      'invalid environment:\n  BRIDGE_TLS_CERT and BRIDGE_TLS_KEY go together: set both (PEM files) or neither',
    );
  return { ...parsed.data, DEMO: argv.includes('--demo') };
}
