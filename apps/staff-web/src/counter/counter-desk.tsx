import type { Counter, QueueSnapshot, Result, SiteCatalogue, Translated } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useState } from 'react';
import { ConfirmButton } from '../shared/confirm-button.tsx';
import { RecentCall } from '../shared/recent-calls.tsx';
import { ErrorNote, toStaffError, type StaffError } from '../shared/staff-error.tsx';
import { useTranslator } from '../shared/staff-i18n.tsx';
import type { StaffSocket } from '../shared/use-staff-socket.ts';

/** One desk: its state, the ticket at it and every counter action, with the refusal shown if any. */
export function CounterDesk(p: {
  socket: StaffSocket;
  site: SiteCatalogue;
  queue: QueueSnapshot;
  counter: Counter;
}) {
  const { socket, site, queue, counter } = p;
  const i18n = useTranslator();
  const [error, setError] = useState<StaffError>();
  const [busy, setBusy] = useState(false);
  const [transferTo, setTransferTo] = useState('');
  const [position, setPosition] = useState<'front' | 'end'>('front');
  const state = queue.counters.find((c) => c.counter_id === counter.id);
  const current = state?.current ?? null;
  const text = (t: Translated) => textIn(t, i18n.language, site.languages.default);
  const name = (id: string) => {
    const service = site.services.find((s) => s.id === id);
    return service ? text(service.name) : id;
  };

  const run = async (work: () => Promise<Result<unknown>>) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await work();
      if (!r.ok) setError({ code: r.error.code, detail: r.error.message });
    } catch (e) {
      setError(toStaffError(e));
    } finally {
      setBusy(false);
    }
  };
  const ref = { counter_id: counter.id };
  const act = (event: 'ticket:recall' | 'ticket:start' | 'ticket:complete' | 'ticket:no_show') => () =>
    current && run(() => socket.emitWithAck(event, { ...ref, ticket_id: current.id }));
  const pressAgain = i18n.t('staff.confirm_again');
  const waiting = queue.waiting.filter((w) => counter.services.includes(w.service_id));
  const total = waiting.reduce((n, w) => n + w.count, 0);
  const status = state?.status ?? 'closed';
  const priorityClass = site.priority_classes.find((c) => c.id === current?.priority_class);

  return (
    <div className="desk">
      <section className="panel state">
        <h2>
          {i18n.t('common.counter_number', { number: counter.number })} ·{' '}
          <span className={status}>{i18n.t('staff.counter_state', { status })}</span>
        </h2>
        {status === 'open' ? (
          <button
            className="secondary"
            disabled={busy}
            onClick={() => void run(() => socket.emitWithAck('counter:close', ref))}
          >
            {i18n.t('staff.close_counter')}
          </button>
        ) : (
          <button disabled={busy} onClick={() => void run(() => socket.emitWithAck('counter:open', ref))}>
            {i18n.t('staff.open_counter')}
          </button>
        )}
        <p className="waiting">{i18n.t('staff.waiting_total', { count: total })}</p>
        <ul className="waiting-list">
          {waiting.map((w) => (
            <li key={w.service_id}>
              {i18n.t('staff.waiting_service', {
                service: name(w.service_id),
                count: w.count,
                priority: w.priority,
              })}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel current">
        {current ? (
          <>
            <div className="big">{current.number}</div>
            <p>{name(current.service_id)}</p>
            {current.priority_class && (
              <p className="prio">
                {i18n.t('staff.priority', {
                  class: priorityClass ? text(priorityClass.name) : current.priority_class,
                })}
                {current.priority_reason && <span lang=""> ({current.priority_reason})</span>}
              </p>
            )}
            <p className="language" data-value={current.language ?? ''}>
              {i18n.t('staff.citizen_language', { language: current.language ?? 'none' })}
            </p>
            <p className="status">
              {i18n.t('staff.ticket_status', { status: current.status })} ·{' '}
              {i18n.t('staff.called_times', { count: current.call_count })}
            </p>
            <div className="actions">
              {current.status === 'called' && (
                <>
                  <button disabled={busy} onClick={act('ticket:recall')}>
                    {i18n.t('staff.recall')}
                  </button>
                  <button disabled={busy} onClick={act('ticket:start')}>
                    {i18n.t('staff.start')}
                  </button>
                  <ConfirmButton
                    className="warn"
                    disabled={busy}
                    label={i18n.t('staff.no_show')}
                    question={i18n.t('staff.confirm_no_show', { number: current.number })}
                    pressAgain={pressAgain}
                    onConfirm={act('ticket:no_show')}
                  />
                </>
              )}
              <button className="ok" disabled={busy} onClick={act('ticket:complete')}>
                {i18n.t('staff.complete')}
              </button>
              {current.status === 'called' && (
                <ConfirmButton
                  className="secondary"
                  disabled={busy}
                  label={i18n.t('staff.cancel_ticket')}
                  question={i18n.t('staff.confirm_cancel', { number: current.number })}
                  pressAgain={pressAgain}
                  onConfirm={() =>
                    void run(() => socket.emitWithAck('ticket:cancel', { ticket_id: current.id }))
                  }
                />
              )}
            </div>
            <div className="transfer">
              <select
                aria-label={i18n.t('staff.transfer_service')}
                value={transferTo}
                onChange={(e) => setTransferTo(e.target.value)}
              >
                <option value="">{i18n.t('staff.transfer_choose')}</option>
                {site.services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.prefix} · {text(s.name)}
                  </option>
                ))}
              </select>
              <select
                aria-label={i18n.t('staff.transfer_position')}
                value={position}
                onChange={(e) => setPosition(e.target.value === 'end' ? 'end' : 'front')}
              >
                <option value="front">{i18n.t('staff.position_front')}</option>
                <option value="end">{i18n.t('staff.position_end')}</option>
              </select>
              <ConfirmButton
                className="secondary"
                disabled={busy || !transferTo}
                label={i18n.t('staff.transfer')}
                question={i18n.t('staff.confirm_transfer', {
                  number: current.number,
                  service: name(transferTo),
                  position,
                })}
                pressAgain={pressAgain}
                onConfirm={() =>
                  void run(() =>
                    socket.emitWithAck('ticket:transfer', {
                      ...ref,
                      ticket_id: current.id,
                      service_id: transferTo,
                      position,
                    }),
                  )
                }
              />
            </div>
          </>
        ) : (
          <>
            <div className="big idle">—</div>
            <button
              className="call"
              disabled={busy || status !== 'open'}
              onClick={() => void run(() => socket.emitWithAck('counter:call_next', ref))}
            >
              {i18n.t('staff.call_next')}
            </button>
            {status !== 'open' && <p>{i18n.t('staff.open_to_call')}</p>}
          </>
        )}
        <ErrorNote error={error} />
      </section>

      <section className="panel calls">
        <h3>{i18n.t('display.last_calls')}</h3>
        <ol className="recent">
          {queue.recent_calls.map((e) => (
            <RecentCall key={e.seq} i18n={i18n} site={site} event={e} />
          ))}
        </ol>
      </section>
    </div>
  );
}
