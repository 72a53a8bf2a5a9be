import path from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, type BridgeConfig } from '../config.ts';
import type { FastifyPluginAsync } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Authenticator } from '@reception/access';
import type { HealthCheck } from '../server/health.ts';
import type { ProblemSource } from '@reception/protocol';
import { MonitoredPrinter } from '@reception/ticket-printing';
import type { SiteStore } from '../site/site-store.ts';
import { HttpTicketQueue } from '@reception/queue';
import { ticketRoutes, webhookRoute } from './http-routes.ts';
import { SerialTicketPrinter } from '@reception/ticket-printing';
import { SqliteTicketQueue } from '@reception/queue';
import type { TicketPrinter } from '@reception/ticket-printing';
import type { TicketQueue } from '@reception/queue';

export interface TicketParts {
  queue: TicketQueue;
  printer: TicketPrinter | undefined;
  health: HealthCheck[];
  /** Printer and queue-system problems for the console's alerts (`system:health`). */
  problems: ProblemSource[];
  /** HTTP routes: rating page, CSV export, and the webhook of an external queue system. */
  plugins: FastifyPluginAsync[];
  close(): Promise<void>;
}

/** Picks the queue system and printer from configuration: the only place that names the concrete ones. */
export function createTicketParts(
  config: BridgeConfig,
  site: SiteStore,
  auth: Authenticator,
  log: Logger,
  metrics: Registry,
): Promise<TicketParts> {
  const tlog = log.child({ ns: 'tickets' });
  let queue: TicketQueue;
  const routes: FastifyPluginAsync[] = [];
  const health: HealthCheck[] = [];
  const problems: ProblemSource[] = [];
  switch (config.TICKETS_BACKEND) {
    case 'embedded': {
      const registers = [metrics];
      const syncs = new Histogram({
        name: 'tickets_durable_sync_seconds',
        help: 'Time to make the ticket database durable before acknowledging (fdatasync of its WAL)',
        buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
        registers,
      });
      const grouped = new Counter({
        name: 'tickets_durable_sync_commits_total',
        help: 'Commits made durable; divided by tickets_durable_sync_seconds_count, the commits per sync',
        registers,
      });
      const rounds = new Counter({
        name: 'tickets_wal_checkpoint_rounds_total',
        help: 'WAL checkpoint rounds; outcome "restarted": every frame copied, the next commit starts the WAL over',
        labelNames: ['outcome'],
        registers,
      });
      const holds = new Histogram({
        name: 'tickets_wal_hold_seconds',
        help: 'Time new commits were held so that a checkpoint could catch up and the WAL start over',
        buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05],
        registers,
      });
      const embedded = new SqliteTicketQueue({
        file: path.join(config.DATA_DIR, 'tickets.sqlite'),
        site: () => site.current.site,
        synchronous: config.TICKETS_SYNC,
        onSync: (ms, commits) => {
          syncs.observe(ms / 1000);
          grouped.inc(commits);
        },
        onCheckpoint: (r) => {
          rounds.inc({ outcome: r.restarted ? 'restarted' : 'not_restarted' });
          if (r.heldMs > 0) holds.observe(r.heldMs / 1000);
        },
        onCheckpointerLost: (why) =>
          tlog.warn(
            { why },
            'checkpoint worker lost; SQLite now checkpoints after commits, on the event loop',
          ),
      });
      queue = embedded;
      problems.push({
        problems: () => {
          const failure = embedded.durabilityFailure;
          return failure ? [{ kind: 'ticket_database_failed', detail: failure.message }] : [];
        },
      });
      health.push({
        name: 'ticket_database',
        check: () => {
          const failure = embedded.durabilityFailure;
          return failure
            ? { ok: false, detail: failure.message }
            : { ok: true, detail: `synchronous ${config.TICKETS_SYNC}` };
        },
      });
      break;
    }
    case 'http': {
      if (!config.EXTERNAL_QUEUE_URL || !config.EXTERNAL_QUEUE_WEBHOOK_SECRET) {
        throw new ConfigError(
          'TICKETS_BACKEND=http needs EXTERNAL_QUEUE_URL and EXTERNAL_QUEUE_WEBHOOK_SECRET',
        );
      }
      const external = new HttpTicketQueue({
        baseUrl: config.EXTERNAL_QUEUE_URL,
        token: config.EXTERNAL_QUEUE_TOKEN,
        site: () => site.current.site,
        outboxFile: path.join(config.DATA_DIR, 'tickets-outbox.sqlite'),
        log: tlog,
      });
      queue = external;
      routes.push(webhookRoute(() => external, config.EXTERNAL_QUEUE_WEBHOOK_SECRET, tlog));
      problems.push({
        problems: () =>
          external.online
            ? []
            : [
                {
                  kind: 'queue_unreachable',
                  detail: `${external.pendingDeliveries()} tickets waiting in the outbox`,
                },
              ],
      });
      health.push({
        name: 'external_queue',
        check: () => ({
          ok: external.online,
          detail: `${external.online ? 'reachable' : 'unreachable'}; ${external.pendingDeliveries()} tickets waiting in the outbox`,
        }),
      });
      break;
    }
    default: {
      const never: never = config.TICKETS_BACKEND;
      throw new ConfigError(`unknown TICKETS_BACKEND ${String(never)}`);
    }
  }
  let printer: TicketPrinter | undefined;
  if (config.PRINTER_PORT) {
    const monitored = new MonitoredPrinter(
      new SerialTicketPrinter({
        path: config.PRINTER_PORT,
        baudRate: config.PRINTER_BAUD,
        timeZone: () => site.current.site.timezone,
        log: tlog,
      }),
    );
    problems.push(monitored);
    printer = monitored;
  }
  tlog.info({ backend: config.TICKETS_BACKEND, printer: config.PRINTER_PORT ?? null }, 'ticket queue ready');
  return Promise.resolve({
    queue,
    printer,
    health,
    problems,
    plugins: [...routes, ticketRoutes({ queue, auth, catalogue: () => site.catalogue, log: tlog })],
    close: async () => {
      await printer?.close();
      await queue.close();
    },
  });
}
