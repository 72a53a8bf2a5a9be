import {
  err,
  ok,
  parseReceiptCode,
  type kioskRequests,
  type Result,
  type DossierStatus,
} from '@reception/protocol';
import { DossierError, DossierSystemUnavailable, type DossierLookup } from '@reception/dossiers';
import type { Logger } from 'pino';
import { RateLimiterRes, type RateLimiterMemory } from 'rate-limiter-flexible';
import type { Handlers } from '../server/requests.ts';
import type { Counter, Histogram } from 'prom-client';

export type KioskDossierHandlers = Pick<Handlers<typeof kioskRequests>, 'dossier:status'>;

export interface DossierHandlerDeps {
  /** Undefined when no dossier system is set up (`DOSSIER_BACKEND=none`): kiosks are told UNAVAILABLE. */
  lookup: DossierLookup | undefined;
  /** Lookups per kiosk per minute. */
  limiter: RateLimiterMemory;
  lookups: Counter<'outcome'>;
  seconds: Histogram;
  log: Logger;
}

/**
 * `dossier:status` for kiosks. A code that is not a receipt code is refused first and costs nothing of
 * the kiosk's allowance (a citizen may mistype); well-formed ones count against it, so a kiosk cannot walk
 * through the codes. Codes are never logged (DossierLookup rules).
 */
export function kioskDossierHandlers(d: DossierHandlerDeps): KioskDossierHandlers {
  const answer = (outcome: string, started: number, r: Result<DossierStatus>) => {
    d.lookups.inc({ outcome });
    d.seconds.observe((performance.now() - started) / 1000);
    return r;
  };
  return {
    'dossier:status': async ({ code }, ctx) => {
      const started = performance.now();
      const parsed = parseReceiptCode(code);
      if (!parsed.ok) {
        return answer('invalid', started, err('INVALID_PAYLOAD', `${parsed.problem}: not a receipt code`));
      }
      if (!d.lookup) {
        return answer(
          'unavailable',
          started,
          err('UNAVAILABLE', 'dossier lookup is not set up at this centre'),
        );
      }
      try {
        await d.limiter.consume(ctx.actor);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        d.log.warn({ kiosk: ctx.actor }, 'dossier lookups rate limited');
        return answer(
          'rate_limited',
          started,
          err('RATE_LIMITED', 'too many lookups from this kiosk; wait a minute'),
        );
      }
      try {
        return answer('ok', started, ok(await d.lookup.status(parsed.value.code)));
      } catch (e) {
        if (!(e instanceof DossierError)) throw e;
        // An outage's details (addresses, HTTP statuses) stay in the bridge's log; the kiosk gets the reason.
        const message =
          e instanceof DossierSystemUnavailable
            ? `the dossier system is not answering (${e.reason})`
            : e.message;
        return answer(e.code.toLowerCase(), started, err(e.wireCode, message));
      }
    },
  };
}
