import { err, ok, type kioskRequests, type LobbyPlan } from '@reception/protocol';
import { businessDate, type TicketQueue } from '@reception/queue';
import type { Logger } from 'pino';
import type { Handlers } from '../server/requests.ts';
import type { SiteStore } from '../site/site-store.ts';
import { siteDerived } from '../site/site-derived.ts';

export type KioskJourneyHandlers = Pick<Handlers<typeof kioskRequests>, 'ticket:find' | 'lobby:plan'>;

export interface KioskJourneyDeps {
  site: SiteStore;
  queue: TicketQueue;
  log: Logger;
}

/**
 * Kiosk requests that serve its journeys rather than a capability of their own: today's ticket by its
 * printed number (to rate the service at the kiosk) and the lobby plan with walking routes (find a
 * facility). The plan costs a few route plans (a quarter of a second of CPU, more on a busy machine), so
 * it is built in a worker thread, away from the robot link's heartbeats (`siteDerived`).
 */
export function kioskJourneyHandlers(d: KioskJourneyDeps): KioskJourneyHandlers {
  const lobbyPlan = siteDerived<LobbyPlan>(
    d.site,
    {
      module: new URL('./lobby-plan.ts', import.meta.url),
      fn: 'lobbyPlanOfFile',
      what: 'lobby plan',
      unavailable: 'the lobby map could not be read',
    },
    d.log,
  );
  return {
    'ticket:find': async ({ number }) => {
      const site = d.site.current.site;
      const today = businessDate(new Date(), site.timezone, site.queue.reset_hour);
      const found = (await d.queue.tickets(today, today)).find((t) => t.number === number);
      if (!found) return err('NOT_FOUND', `no ticket ${number} today`);
      return ok({
        ticket_id: found.id,
        number: found.number,
        service_id: found.service_id,
        status: found.status,
        rated: found.rating !== null,
      });
    },
    'lobby:plan': () => lobbyPlan(),
  };
}
