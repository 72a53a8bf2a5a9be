import type { QueueEvent, QueueSnapshot } from '@reception/protocol';

/**
 * What a lobby display or counter page holds: the last snapshot with events applied in seq order.
 * Pure, so the browser pages and the tests share it.
 */
export type DisplayState = QueueSnapshot;

export type ApplyResult =
  | { kind: 'applied'; state: DisplayState }
  /** Already seen (seq at or below the state's): nothing to do. */
  | { kind: 'stale' }
  /** Events are missing between the state and this one: fetch `queue:events` or a new snapshot. */
  | { kind: 'gap' }
  /** The business day changed: take a new snapshot. */
  | { kind: 'resync' };

const RECENT = 10;

export function applyEvent(state: DisplayState, e: QueueEvent): ApplyResult {
  if (e.seq <= state.seq) return { kind: 'stale' };
  if (e.seq > state.seq + 1) return { kind: 'gap' };
  if (e.type === 'queue.reset' || e.business_date !== state.business_date) return { kind: 'resync' };
  const next: DisplayState = { ...state, seq: e.seq };
  const t = e.ticket;
  const setCounter = (
    id: string | null,
    change: (c: DisplayState['counters'][number]) => DisplayState['counters'][number],
  ) => {
    next.counters = next.counters.map((c) => (c.counter_id === id ? change(c) : c));
  };
  const waiting = (serviceId: string, delta: number, priority: boolean) => {
    const found = next.waiting.find((w) => w.service_id === serviceId);
    const row = found ?? { service_id: serviceId, count: 0, priority: 0 };
    const updated = {
      ...row,
      count: Math.max(0, row.count + delta),
      priority: Math.max(0, row.priority + (priority ? delta : 0)),
    };
    next.waiting = [...next.waiting.filter((w) => w.service_id !== serviceId), updated]
      .filter((w) => w.count > 0)
      .sort((a, b) => a.service_id.localeCompare(b.service_id));
  };
  const prio = t?.priority_class != null;
  switch (e.type) {
    case 'ticket.created':
      if (t) waiting(t.service_id, 1, prio);
      break;
    case 'ticket.called':
    case 'ticket.recalled':
      if (t) {
        if (e.type === 'ticket.called') waiting(t.service_id, -1, prio);
        setCounter(e.counter_id, (c) => ({ ...c, current: t }));
        next.recent_calls = [e, ...next.recent_calls].slice(0, RECENT);
      }
      break;
    case 'ticket.started':
      setCounter(e.counter_id, (c) => ({ ...c, current: t }));
      break;
    case 'ticket.transferred':
      // Shown with the calls: the holder, sent away from this counter, reads where to wait now.
      if (t) {
        waiting(t.service_id, 1, prio);
        next.recent_calls = [e, ...next.recent_calls].slice(0, RECENT);
      }
      setCounter(e.counter_id, (c) => ({ ...c, current: null }));
      break;
    case 'ticket.completed':
    case 'ticket.no_show':
      setCounter(e.counter_id, (c) => ({ ...c, current: null }));
      break;
    case 'ticket.cancelled':
      if (t && e.counter_id === null) waiting(t.service_id, -1, prio);
      else setCounter(e.counter_id, (c) => (c.current?.id === t?.id ? { ...c, current: null } : c));
      break;
    case 'counter.opened':
      setCounter(e.counter_id, (c) => ({ ...c, status: 'open', staff: e.actor }));
      break;
    case 'counter.closed':
      setCounter(e.counter_id, (c) => ({ ...c, status: 'closed', staff: null }));
      break;
    case 'ticket.rated':
      break;
    default: {
      const never: never = e.type;
      return never;
    }
  }
  return { kind: 'applied', state: next };
}
