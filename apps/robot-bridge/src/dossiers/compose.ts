import { existsSync } from 'node:fs';
import path from 'node:path';
import { DemoDossierLookup, HttpDossierLookup, type DossierLookup } from '@reception/dossiers';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ConfigError, type BridgeConfig } from '../config.ts';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { HealthCheck } from '../server/health.ts';
import type { SiteStore } from '../site/site-store.ts';
import type { DossierHandlerDeps } from './socket-handlers.ts';

export interface DossierParts extends DossierHandlerDeps {
  health: HealthCheck[];
  close(): Promise<void>;
}

/** Picks the dossier lookup from configuration: the only place that names the concrete ones. */
export async function createDossierParts(
  config: BridgeConfig,
  site: SiteStore,
  log: Logger,
  metrics: Registry,
): Promise<DossierParts> {
  const dlog = log.child({ ns: 'dossiers' });
  const demoFile = path.join(config.SITE_DIR, 'dossiers.yaml');
  const backend = config.DOSSIER_BACKEND ?? (existsSync(demoFile) ? 'demo' : 'none');
  let lookup: DossierLookup | undefined;
  const health: HealthCheck[] = [];
  switch (backend) {
    case 'demo': {
      const demo = await DemoDossierLookup.fromFile(demoFile, { site: () => site.current.site });
      lookup = demo;
      // Demo data only (fictional dossiers, no names): the codes change daily, so say which to type.
      dlog.info({ codes: demo.list().map((d) => d.code) }, 'demo dossier receipt codes for today');
      break;
    }
    case 'http': {
      if (!config.DOSSIER_API_URL) throw new ConfigError('DOSSIER_BACKEND=http needs DOSSIER_API_URL');
      const http = new HttpDossierLookup({
        baseUrl: config.DOSSIER_API_URL,
        token: config.DOSSIER_API_TOKEN,
        site: () => site.current.site,
        timeoutMs: config.DOSSIER_API_TIMEOUT_MS,
        log,
      });
      lookup = http;
      health.push({
        name: 'dossier_system',
        check: () =>
          http.online
            ? { ok: true, detail: 'answering' }
            : { ok: false, detail: `not answering (${http.failure ?? 'unknown'}); kiosks say so` },
      });
      break;
    }
    case 'none':
      break;
    default: {
      const never: never = backend;
      throw new ConfigError(`unknown DOSSIER_BACKEND ${String(never)}`);
    }
  }
  dlog.info({ backend }, 'dossier lookup ready');
  return {
    lookup,
    limiter: new RateLimiterMemory({ points: config.DOSSIER_LOOKUPS_PER_MINUTE, duration: 60 }),
    lookups: new Counter({
      name: 'dossier_lookups_total',
      help: 'Dossier status lookups from kiosks, by outcome',
      labelNames: ['outcome'],
      registers: [metrics],
    }),
    seconds: new Histogram({
      name: 'dossier_lookup_seconds',
      help: 'Time to answer a dossier status lookup',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers: [metrics],
    }),
    log: dlog,
    health,
    close: async () => {
      await lookup?.close();
    },
  };
}
