import type { Counter, QueueSnapshot, Result, SiteCatalogue, Ticket } from '@reception/protocol';
import { useState } from 'react';
import type { StaffSocket } from '../shared/use-staff-socket.ts';

const STATUS_LABEL: Record<Ticket['status'], string> = {
  waiting: 'Waiting',
  called: 'Called — waiting for the citizen',
  serving: 'Serving',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** One desk: its state, the ticket at it and every counter action, with the refusal shown if any. */
export function CounterDesk(p: {
  socket: StaffSocket;
  site: SiteCatalogue;
  queue: QueueSnapshot;
  counter: Counter;
}) {
  const { socket, site, queue, counter } = p;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [transferTo, setTransferTo] = useState('');
  const [position, setPosition] = useState<'front' | 'end'>('front');
  const state = queue.counters.find((c) => c.counter_id === counter.id);
  const current = state?.current ?? null;
  const name = (id: string) => site.services.find((s) => s.id === id)?.name.vi ?? id;

  const run = async (work: () => Promise<Result<unknown>>) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await work();
      if (!r.ok) setError(r.error.message);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const ref = { counter_id: counter.id };
  const act = (event: 'ticket:recall' | 'ticket:start' | 'ticket:complete' | 'ticket:no_show') => () =>
    current && run(() => socket.emitWithAck(event, { ...ref, ticket_id: current.id }));
  const waiting = queue.waiting.filter((w) => counter.services.includes(w.service_id));
  const total = waiting.reduce((n, w) => n + w.count, 0);

  return (
    <div className="desk">
      <section className="panel state">
        <h2>
          Counter {counter.number} ·{' '}
          <span className={state?.status ?? 'closed'}>{state?.status ?? 'closed'}</span>
        </h2>
        {state?.status === 'open' ? (
          <button
            className="secondary"
            disabled={busy}
            onClick={() => void run(() => socket.emitWithAck('counter:close', ref))}
          >
            Close counter
          </button>
        ) : (
          <button disabled={busy} onClick={() => void run(() => socket.emitWithAck('counter:open', ref))}>
            Open counter
          </button>
        )}
        <p className="waiting">
          <b>{total}</b> waiting for this counter
        </p>
        <ul className="waiting-list">
          {waiting.map((w) => (
            <li key={w.service_id}>
              {name(w.service_id)}: {w.count}
              {w.priority > 0 && <span className="prio"> ({w.priority} priority)</span>}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel current">
        {current ? (
          <>
            <div className="big">{current.number}</div>
            <p>
              {name(current.service_id)}
              {current.priority_class && (
                <span className="prio">
                  {' '}
                  · priority:{' '}
                  {site.priority_classes.find((c) => c.id === current.priority_class)?.name.en ??
                    current.priority_class}
                  {current.priority_reason ? ` (${current.priority_reason})` : ''}
                </span>
              )}
            </p>
            <p className="status">
              {STATUS_LABEL[current.status]} · called {current.call_count}×
            </p>
            <div className="actions">
              {current.status === 'called' && (
                <>
                  <button disabled={busy} onClick={act('ticket:recall')}>
                    Recall
                  </button>
                  <button disabled={busy} onClick={act('ticket:start')}>
                    Start
                  </button>
                  <button className="warn" disabled={busy} onClick={act('ticket:no_show')}>
                    No-show
                  </button>
                </>
              )}
              <button className="ok" disabled={busy} onClick={act('ticket:complete')}>
                Complete
              </button>
              <button
                className="secondary"
                disabled={busy}
                onClick={() => void run(() => socket.emitWithAck('ticket:cancel', { ticket_id: current.id }))}
              >
                Cancel ticket
              </button>
            </div>
            <div className="transfer">
              <select
                aria-label="Transfer to service"
                value={transferTo}
                onChange={(e) => setTransferTo(e.target.value)}
              >
                <option value="">Transfer to…</option>
                {site.services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.prefix} · {s.name.vi}
                  </option>
                ))}
              </select>
              <select
                aria-label="Position"
                value={position}
                onChange={(e) => setPosition(e.target.value as 'front' | 'end')}
              >
                <option value="front">front of the line</option>
                <option value="end">end of the line</option>
              </select>
              <button
                className="secondary"
                disabled={busy || !transferTo}
                onClick={() =>
                  void run(() =>
                    socket.emitWithAck('ticket:transfer', {
                      ...ref,
                      ticket_id: current.id,
                      service_id: transferTo,
                      position,
                    }),
                  )
                }
              >
                Transfer
              </button>
            </div>
          </>
        ) : (
          <>
            <div className="big idle">—</div>
            <button
              className="call"
              disabled={busy || state?.status !== 'open'}
              onClick={() => void run(() => socket.emitWithAck('counter:call_next', ref))}
            >
              Call next
            </button>
            {state?.status !== 'open' && <p>Open the counter to call tickets.</p>}
          </>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>

      <section className="panel calls">
        <h3>Last calls</h3>
        <ol>
          {queue.recent_calls.map((e) => (
            <li key={e.seq}>
              {e.ticket?.number} → counter {e.counter_number} {e.type === 'ticket.recalled' ? '(recall)' : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
