import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SerialRobotBase } from '@reception/robot-link';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { adminHandlers } from './admin/admin-handlers.ts';
import { BackupWatch } from './admin/backup-watch.ts';
import {
  AuditLog,
  DEFAULT_THROTTLE,
  demoRefusal,
  demoCredentialsAllowed,
  demoPasswordRefusal,
  DEMO_STAFF_PASSWORDS,
  DemoTokensError,
  DeviceTokens,
  loadDemoDevices,
  LoginThrottle,
  openAccessDb,
  SqliteAuthenticator,
  StaffAccounts,
  StaffSessions,
  type ThrottlePolicy,
} from '@reception/access';
import { auditRoutes } from './audit/audit-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import type { BridgeConfig } from './config.ts';
import { RobotService } from './robot/robot-service.ts';
import { apiDocRoutes } from './server/api-docs.ts';
import { createApplication, type BridgeApplication } from './server/app.ts';
import type { HealthCheck } from './server/health.ts';
import { createHttpServer } from './server/http.ts';
import { certificateWatch, readTls } from './server/tls.ts';
import { mapPlaceIds, SiteStore } from './site/site-store.ts';
import { siteDerived } from './site/site-derived.ts';
import { createTicketParts } from './tickets/compose.ts';
import { createDossierParts } from './dossiers/compose.ts';
import { createStaffCalls } from './staff-calls/compose.ts';
import { createMissionParts } from './missions/compose.ts';
import { SystemHealthMonitor } from '@reception/queue';

export const BRIDGE_VERSION = '0.1.0';

export interface RunningBridge {
  url: string;
  port: number;
  app: BridgeApplication;
  site: SiteStore;
  metrics: Registry;
  auth: SqliteAuthenticator;
  audit: AuditLog;
  /** Stops accepting, closes every client and the HTTP server. Idempotent. */
  close(): Promise<void>;
}

/** What tests may change about a bridge beyond its configuration. */
export interface BridgeOptions {
  /** Clock for sessions, device tokens and the audit log (tests move it to expire sessions). */
  now?: () => number;
  throttle?: ThrottlePolicy;
  /** How often ended sessions and the CLI's changes are looked for (tests call `auth.sweep()` themselves). */
  sweepMs?: number;
}

/**
 * The composition root: picks the concrete parts from configuration, starts HTTP (Fastify) + socket.io and
 * returns a handle. `main.ts` adds process concerns (signals, exit codes); tests call this directly.
 */
export async function startBridge(
  config: BridgeConfig,
  log: Logger,
  o: BridgeOptions = {},
): Promise<RunningBridge> {
  const startedAt = new Date();
  const tls = readTls(config);
  const now = o.now ?? Date.now;
  const demoDevices = await loadDemoDevices(config.SITE_DIR);
  // Where the bridge is reachable decides whether public demo credentials (tokens, passwords) may be served.
  const exposure = { nodeEnv: config.NODE_ENV, host: config.BRIDGE_HOST, demo: config.DEMO };
  const refusal = demoRefusal(demoDevices, { ...exposure, siteDir: config.SITE_DIR });
  if (refusal) throw new DemoTokensError(refusal);

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  new Gauge({
    name: 'bridge_uptime_seconds',
    help: 'Seconds since the bridge started',
    registers: [metrics],
    collect() {
      this.set((Date.now() - startedAt.getTime()) / 1000);
    },
  });
  // The map is loaded (and so validated) with the site: counters and facilities must point at real places.
  const site = await SiteStore.open(path.join(config.SITE_DIR, 'site.yaml'), mapPlaceIds);
  const staffFile = path.join(config.SITE_DIR, 'staff.yaml');
  const staffAccounts = await StaffAccounts.fromFile(staffFile);
  // Only where demo credentials would be refused anyway: the check costs one scrypt per account and password.
  if (!demoCredentialsAllowed(exposure)) {
    const weak = await staffAccounts.withPasswords(DEMO_STAFF_PASSWORDS);
    const passwordRefusal = demoPasswordRefusal(weak, { ...exposure, staffFile });
    if (passwordRefusal) throw new DemoTokensError(passwordRefusal);
  }
  const db = openAccessDb(config.DATA_DIR);
  const auth = new SqliteAuthenticator(
    db,
    new DeviceTokens(db, demoDevices, now),
    new StaffSessions(
      db,
      {
        idleMs: config.STAFF_SESSION_IDLE_MINUTES * 60_000,
        absoluteMs: config.STAFF_SESSION_HOURS * 3600_000,
      },
      now,
    ),
    staffAccounts,
    o.sweepMs,
  );
  const audit = new AuditLog(db, () => site.current.site.timezone, now);
  const health: HealthCheck[] = [{ name: 'site', check: () => ({ ok: true, detail: site.current.site.id }) }];
  if (demoDevices.length > 0)
    log.warn({ devices: demoDevices.map((d) => d.id) }, 'demo device tokens in use');

  const tickets = await createTicketParts(config, site, auth, log, metrics);
  health.push(...tickets.health);
  const dossiers = await createDossierParts(config, site, log, metrics);
  health.push(...dossiers.health);
  const staffCalls = createStaffCalls(config, log, metrics);
  const base = config.ROBOT_PORT
    ? new SerialRobotBase({
        path: config.ROBOT_PORT,
        ...(config.ROBOT_SERIAL_NUMBER ? { serialNumber: config.ROBOT_SERIAL_NUMBER } : {}),
        logger: log.child({ component: 'link' }),
      })
    : undefined;
  const missions = createMissionParts(config, site, base, tickets.queue, log, metrics);
  const localization = missions.localization;
  const robot = new RobotService(base, log.child({ component: 'robot' }), {
    mapPose: (odom) => (localization?.anchorSource === undefined ? null : localization.toMap(odom)),
    publishing:
      config.ROBOT_STATE_TICK_MS > 0
        ? { mode: 'tick', intervalMs: config.ROBOT_STATE_TICK_MS }
        : { mode: 'coalesce' },
  });
  const systemHealth = new SystemHealthMonitor(tickets.problems);
  missions.engine?.on('activity', (a) => robot.setActivity(a));
  if (missions.engine) robot.setActivity(missions.engine.activity());
  robot.registerMetrics(metrics);
  health.push(robot.health(), missions.health);
  if (tls) health.push(certificateWatch(tls, metrics));
  const backups = config.BACKUP_DIR
    ? new BackupWatch({
        dir: config.BACKUP_DIR,
        maxAgeMs: config.BACKUP_MAX_AGE_HOURS * 3_600_000,
        startedAt,
      })
    : undefined;
  if (backups) {
    await backups.start();
    backups.registerMetrics(metrics);
    health.push(backups.health());
  }

  const http = await createHttpServer({
    tls,
    log,
    metrics,
    health,
    webDirs: { kiosk: config.KIOSK_WEB_DIR, staff: config.STAFF_WEB_DIR },
    startedAt,
    version: BRIDGE_VERSION,
    allowedOrigins: config.ALLOWED_ORIGINS,
    plugins: [
      authRoutes({ auth, throttle: new LoginThrottle(o.throttle ?? DEFAULT_THROTTLE), audit, log }),
      auditRoutes({ auth, audit }),
      apiDocRoutes(),
      ...tickets.plugins,
    ],
  });
  let publicUrl = config.PUBLIC_URL ?? '';
  const app = createApplication(http.server, {
    log,
    metrics,
    site,
    auth,
    audit,
    allowedOrigins: config.ALLOWED_ORIGINS,
    tickets: { queue: tickets.queue, printer: tickets.printer, publicUrl: () => publicUrl },
    robot,
    dossiers,
    staffCalls,
    admin: (sockets) => adminHandlers({ auth, audit, site, log }, sockets),
    missions: missions.sockets,
    robotMap: siteDerived(
      site,
      {
        module: new URL(import.meta.resolve('@reception/missions/console-map')),
        fn: 'robotMapOfFile',
        what: 'robot map',
        unavailable: 'the site map could not be read',
      },
      log.child({ ns: 'robot-map' }),
    ),
    systemHealth,
    version: BRIDGE_VERSION,
    startedAt,
  });
  robot.start();

  await http.listen({ port: config.BRIDGE_PORT, host: config.BRIDGE_HOST });
  const { port } = http.server.address() as AddressInfo;
  const host =
    config.BRIDGE_HOST === '0.0.0.0' || config.BRIDGE_HOST === '::' ? '127.0.0.1' : config.BRIDGE_HOST;
  const url = `${tls ? 'https' : 'http'}://${host}:${port}`;
  publicUrl ||= url;
  log.info({ url, port, site: site.current.site.id }, 'bridge listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    site,
    metrics,
    auth,
    audit,
    close: () =>
      (closing ??= (async () => {
        // Sockets first so clients see a clean disconnect, then the HTTP server.
        await app.close();
        http.server.closeAllConnections();
        await missions.close();
        await http.close();
        auth.close();
        await tickets.close();
        staffCalls.dispose();
        systemHealth.close();
        backups?.stop();
        await dossiers.close();
        await robot.close();
        db.close();
        log.info('bridge stopped');
      })()),
  };
}
