import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import type { BridgeConfig } from './config.ts';
import { createApplication, type BridgeApplication } from './server/app.ts';
import { createHttpHandler, type HealthCheck } from './server/http.ts';
import { MetricsRegistry } from './server/metrics.ts';
import { StaffSessions } from './server/staff-auth.ts';
import { mapPlaceIds, SiteStore } from './site/site-store.ts';
import { SerialRobotBase } from '@reception/robot-link';
import { RobotService } from './robot/robot-service.ts';
import { createTicketParts } from './tickets/compose.ts';
import { createMissionParts } from './missions/compose.ts';

export const BRIDGE_VERSION = '0.1.0';

export interface RunningBridge {
  url: string;
  port: number;
  app: BridgeApplication;
  site: SiteStore;
  metrics: MetricsRegistry;
  /** Stops accepting, closes every client and the HTTP server. Idempotent. */
  close(): Promise<void>;
}

/**
 * The composition root: picks the concrete parts from configuration, starts HTTP + socket.io and
 * returns a handle. `main.ts` adds process concerns (signals, exit codes); tests call this directly.
 */
export async function startBridge(config: BridgeConfig, log: Logger): Promise<RunningBridge> {
  const startedAt = new Date();
  const metrics = new MetricsRegistry();
  metrics.gauge(
    'bridge_uptime_seconds',
    'Seconds since the bridge started',
    () => (Date.now() - startedAt.getTime()) / 1000,
  );
  // The map is loaded (and so validated) with the site: counters and facilities must point at real places.
  const site = await SiteStore.open(path.join(config.SITE_DIR, 'site.yaml'), mapPlaceIds);
  const staff = await StaffSessions.fromFile(path.join(config.SITE_DIR, 'staff.yaml'));
  const health: HealthCheck[] = [{ name: 'site', check: () => ({ ok: true, detail: site.current.site.id }) }];
  mkdirSync(config.DATA_DIR, { recursive: true });
  let publicUrl = config.PUBLIC_URL ?? '';
  const tickets = await createTicketParts(config, site, staff, () => publicUrl, log, metrics);
  health.push(...tickets.health);
  const base = config.ROBOT_PORT
    ? new SerialRobotBase({
        path: config.ROBOT_PORT,
        ...(config.ROBOT_SERIAL_NUMBER ? { serialNumber: config.ROBOT_SERIAL_NUMBER } : {}),
        logger: log.child({ component: 'link' }),
      })
    : undefined;
  const missions = createMissionParts(config, site, base, tickets.queue, log, metrics);
  const localization = missions.localization;
  const robot = new RobotService(base, log.child({ component: 'robot' }), (odom) =>
    localization?.anchorSource === undefined ? null : localization.toMap(odom),
  );
  missions.engine?.on('activity', (a) => robot.setActivity(a));
  if (missions.engine) robot.setActivity(missions.engine.activity());
  robot.registerMetrics(metrics);
  health.push(robot.health(), missions.health);

  const server = createServer(
    createHttpHandler({
      log,
      metrics,
      staff,
      health,
      webDirs: { kiosk: config.KIOSK_WEB_DIR, staff: config.STAFF_WEB_DIR },
      startedAt,
      version: BRIDGE_VERSION,
      routes: tickets.routes,
    }),
  );
  const app = createApplication(server, {
    log,
    metrics,
    site,
    staff,
    tokens: { kiosk: config.KIOSK_TOKENS, display: config.DISPLAY_TOKENS, admin: config.ADMIN_TOKENS },
    tickets: { queue: tickets.queue, printer: tickets.printer, publicUrl: () => publicUrl },
    robot,
    missions: missions.sockets,
    version: BRIDGE_VERSION,
    startedAt,
  });
  robot.start();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.BRIDGE_PORT, config.BRIDGE_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host =
    config.BRIDGE_HOST === '0.0.0.0' || config.BRIDGE_HOST === '::' ? '127.0.0.1' : config.BRIDGE_HOST;
  const url = `http://${host}:${port}`;
  publicUrl ||= url;
  log.info({ url, port, site: site.current.site.id }, 'bridge listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    site,
    metrics,
    close: () =>
      (closing ??= (async () => {
        // Sockets first so clients see a clean disconnect, then the HTTP server (socket.io closes it too).
        server.closeIdleConnections();
        await app.close();
        server.closeAllConnections();
        await missions.close();
        await tickets.close();
        await robot.close();
        log.info('bridge stopped');
      })()),
  };
}
