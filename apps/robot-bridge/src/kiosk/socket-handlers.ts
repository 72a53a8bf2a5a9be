import { err, ok, type kioskRequests, type LobbyPlan } from '@reception/protocol';
import { businessDate, type TicketQueue } from '@reception/queue';
import type { Logger } from 'pino';
import type { Handlers } from '../server/requests.ts';
import type { SiteStore } from '../site/site-store.ts';
import { offThread } from '../site/off-thread.ts';

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
 * it is built in a worker thread, away from the robot link's heartbeats, on first request, and kept until
 * the site changes; a failed build is tried again on the next request.
 */
export function kioskJourneyHandlers(d: KioskJourneyDeps): KioskJourneyHandlers {
  let plan: { file: string; value: Promise<LobbyPlan> } | undefined;
  d.site.on('changed', () => {
    plan = undefined;
  });
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
    'lobby:plan': async () => {
      const { site, mapFile } = d.site.current;
      if (plan?.file !== mapFile) {
        const started = performance.now();
        const value = offThread<LobbyPlan>(LOBBY_PLAN_MODULE, 'lobbyPlanOfFile', [site, mapFile]);
        plan = { file: mapFile, value };
        value.then(
          () => d.log.info({ ms: Math.round(performance.now() - started) }, 'lobby plan built'),
          () => undefined,
        );
      }
      const building = plan;
      try {
        return ok(await building.value);
      } catch (e) {
        d.log.error({ err: e }, 'lobby plan failed');
        if (plan === building) plan = undefined;
        return err('UNAVAILABLE', 'the lobby map could not be read');
      }
    },
  };
}

const LOBBY_PLAN_MODULE = new URL('./lobby-plan.ts', import.meta.url);
