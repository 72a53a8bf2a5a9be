import type { Logger } from 'pino';
import type { BridgeConfig } from '../config.ts';
import { Counter, Gauge, type Registry } from 'prom-client';
import { StaffCallRegistry } from './staff-call-registry.ts';

/** The staff call registry from configuration, counted in `/metrics`. */
export function createStaffCalls(config: BridgeConfig, log: Logger, metrics: Registry): StaffCallRegistry {
  const outcomes = new Counter({
    name: 'staff_calls_total',
    help: 'Citizen calls for staff from kiosks, by outcome',
    labelNames: ['outcome'],
    registers: [metrics],
  });
  const calls = new StaffCallRegistry({
    expiryMs: config.STAFF_CALL_EXPIRY_S * 1000,
    limit: { calls: config.STAFF_CALL_LIMIT, windowS: config.STAFF_CALL_LIMIT_WINDOW_S },
    log,
    onOutcome: (outcome) => outcomes.inc({ outcome }),
  });
  new Gauge({
    name: 'staff_calls_open',
    help: 'Calls for staff waiting for someone to acknowledge them',
    registers: [metrics],
    collect() {
      this.set(calls.list().filter((c) => c.state === 'open').length);
    },
  });
  return calls;
}
