import type { Logger } from 'pino';
import type { BridgeConfig } from '../config.ts';
import type { MetricsRegistry } from '../server/metrics.ts';
import { StaffCallRegistry } from './staff-call-registry.ts';

/** The staff call registry from configuration, counted in `/metrics`. */
export function createStaffCalls(
  config: BridgeConfig,
  log: Logger,
  metrics: MetricsRegistry,
): StaffCallRegistry {
  const outcomes = metrics.counter('staff_calls_total', 'Citizen calls for staff from kiosks, by outcome');
  const calls = new StaffCallRegistry({
    expiryMs: config.STAFF_CALL_EXPIRY_S * 1000,
    limit: { calls: config.STAFF_CALL_LIMIT, windowS: config.STAFF_CALL_LIMIT_WINDOW_S },
    log,
    onOutcome: (outcome) => outcomes.inc({ outcome }),
  });
  metrics.gauge(
    'staff_calls_open',
    'Calls for staff waiting for someone to acknowledge them',
    () => calls.list().filter((c) => c.state === 'open').length,
  );
  return calls;
}
