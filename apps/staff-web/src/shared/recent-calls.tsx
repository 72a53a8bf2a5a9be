import type { QueueEvent, SiteCatalogue } from '@reception/protocol';
import { forwardArrow, type Translator } from '@reception/i18n';

/** Numbers of the counters that serve a service, smallest first. */
export function servingCounters(site: SiteCatalogue | undefined, serviceId: string): number[] {
  const service = site?.services.find((s) => s.id === serviceId);
  return (site?.counters ?? [])
    .filter((c) => service?.counters.includes(c.id))
    .map((c) => c.number)
    .sort((a, b) => a - b);
}

/**
 * Where a listed event sends its ticket: the calling counter for a call or recall; for a transfer, the
 * counters of the ticket's new service (its old counter when the site no longer says).
 */
export function recentDestination(
  i18n: Translator,
  site: SiteCatalogue | undefined,
  e: QueueEvent,
): { counters: string; note: string | undefined } {
  if (e.type === 'ticket.transferred' && e.ticket) {
    const numbers = servingCounters(site, e.ticket.service_id);
    if (numbers.length > 0) {
      return {
        // "3 và 4" kept on one line (no-break spaces): a line may break before it, not inside it.
        counters: i18n.t('common.counter_number', {
          number: i18n.list(numbers.map(String)).replace(/ /g, '\u00a0'),
        }),
        note: i18n.t('display.moved_wait'),
      };
    }
  }
  return {
    counters: i18n.t('common.counter_number', { number: e.counter_number ?? '' }),
    note: e.type === 'ticket.recalled' ? i18n.t('display.called_again') : undefined,
  };
}

/** One line of "Last calls": number → counter(s), and a note for a recall or a transfer. */
export function RecentCall(p: { i18n: Translator; site: SiteCatalogue | undefined; event: QueueEvent }) {
  const { counters, note } = recentDestination(p.i18n, p.site, p.event);
  return (
    <li data-type={p.event.type}>
      <span className="num">{p.event.ticket?.number}</span>
      <span className="arrow">{forwardArrow(p.i18n.language)}</span>
      <span className="dest">{counters}</span>
      {note && <span className="again">{note}</span>}
    </li>
  );
}
