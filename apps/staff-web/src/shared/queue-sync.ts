import type { QueueEvent, QueueSnapshot, Result, EventsAfter } from '@reception/protocol';
import { applyEvent } from '@reception/protocol/display-state';

/** The part of a display or staff socket the queue view needs. */
export interface QueueSocket {
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  on(event: 'queue:event', listener: (e: QueueEvent) => void): unknown;
  emitWithAck(event: 'queue:snapshot', payload: Record<string, never>): Promise<Result<QueueSnapshot>>;
  emitWithAck(
    event: 'queue:events',
    payload: { after: number; limit?: number },
  ): Promise<Result<EventsAfter>>;
}

/**
 * Keeps a queue view in step with the bridge: a snapshot at every (re)connect, then events in seq order;
 * a gap is filled from `queue:events`, a day change or an incomplete gap takes a new snapshot.
 * `onEvent` hears each event broadcast live, once, in seq order, even one that arrives while a snapshot is
 * loading (e.g. to announce calls); events only recovered from a snapshot or a gap fill are not replayed.
 */
export function syncQueue(
  socket: QueueSocket,
  onState: (s: QueueSnapshot) => void,
  onEvent: (e: QueueEvent) => void = () => undefined,
): void {
  let state: QueueSnapshot | undefined;
  let syncing = false;
  let lastLive = 0;
  const pending: QueueEvent[] = [];

  const snapshot = async () => {
    syncing = true;
    const r = await socket.emitWithAck('queue:snapshot', {});
    syncing = false;
    if (!r.ok) return;
    state = r.value;
    onState(state);
    drain();
  };
  const fill = async (after: number) => {
    syncing = true;
    const r = await socket.emitWithAck('queue:events', { after, limit: 500 });
    syncing = false;
    if (!r.ok || !r.value.complete) {
      await snapshot();
      return;
    }
    pending.unshift(...r.value.events);
    drain();
  };
  const drain = () => {
    pending.sort((a, b) => a.seq - b.seq);
    while (state && !syncing && pending.length) {
      const e = pending.shift();
      if (!e) break;
      const res = applyEvent(state, e);
      switch (res.kind) {
        case 'applied':
          state = res.state;
          onState(state);
          break;
        case 'stale':
          break;
        case 'gap':
          pending.unshift(e);
          void fill(state.seq);
          return;
        case 'resync':
          void snapshot();
          return;
        default: {
          const never: never = res;
          return never;
        }
      }
    }
  };
  socket.on('connect', () => void snapshot());
  socket.on('queue:event', (e) => {
    if (e.seq > lastLive) {
      lastLive = e.seq;
      onEvent(e);
    }
    pending.push(e);
    drain();
  });
}
