import path from 'node:path';
import type { Logger } from 'pino';
import type { BridgeConfig } from '../config.ts';
import type { HealthCheck } from '../server/http.ts';
import type { StaffSessions } from '../server/staff-auth.ts';
import type { SiteStore } from '../site/site-store.ts';
import { ticketRoutes, type Route } from './http-routes.ts';
import { SqliteTicketQueue } from './sqlite-ticket-queue.ts';
import type { TicketPrinter } from './ticket-printer.ts';
import type { TicketQueue } from './ticket-queue.ts';

export interface TicketParts {
  queue: TicketQueue;
  printer: TicketPrinter | undefined;
  health: HealthCheck[];
  routes: Route[];
  close(): Promise<void>;
}

/** Picks the queue system and printer from configuration: the only place that names the concrete ones. */
export function createTicketParts(
  config: BridgeConfig,
  site: SiteStore,
  staff: StaffSessions,
  publicUrl: () => string,
  log: Logger,
): Promise<TicketParts> {
  const tlog = log.child({ ns: 'tickets' });
  const queue = new SqliteTicketQueue({
    file: path.join(config.DATA_DIR, 'tickets.sqlite'),
    site: () => site.current.site,
    synchronous: config.TICKETS_SYNC,
  });
  const printer: TicketPrinter | undefined = undefined;
  tlog.info({ backend: config.TICKETS_BACKEND, printer: config.PRINTER_PORT ?? null }, 'ticket queue ready');
  return Promise.resolve({
    queue,
    printer,
    health: [],
    routes: ticketRoutes({ queue, staff, publicUrl, log: tlog }),
    close: async () => {
      await queue.close();
    },
  });
}
