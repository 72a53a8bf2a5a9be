import type { ErrorCode, PriorityClass, Service } from '@reception/protocol';
import { LOCALES, textIn } from '@reception/i18n';
import { useRef, useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { missingPapers } from './checklist-screen.tsx';
import { isOnline, useKiosk } from './kiosk-context.tsx';
import { describeOpeningHours, isOpenAt } from './opening-hours.ts';
import { ticketErrorKey } from './receipt-text.ts';
import { useTranslator } from './translator-context.tsx';

/** RFC 4122 v4 id from getRandomValues (randomUUID needs a secure context, a LAN kiosk may not have one). */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Taking the ticket: a normal one, or a priority class when the citizen says they qualify. Asks first when
 * the centre is closed or when this visit already took a ticket for the procedure; refuses plainly while
 * offline (a ticket on screen is always one the bridge issued). One idempotency key per screen: "Try
 * again" after an error reuses it, so a request that did reach the bridge never makes a second ticket.
 */
export function PriorityScreen(props: { service: Service }) {
  const { service } = props;
  const { state, dispatch, site, connection } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const lang = i18n.language;
  const key = useRef<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode>();
  const [confirmed, setConfirmed] = useState(false);
  const previous = state.tickets.findLast((t) => t.ticket.service_id === service.id);
  const open = isOpenAt(site.opening_hours, site.timezone, new Date());
  const online = isOnline(connection);

  const take = async (priority?: PriorityClass) => {
    key.current ??= uuid();
    setBusy(true);
    setError(undefined);
    const missing = missingPapers(service, state.papers[service.id] ?? []);
    const r = await bridge.request('ticket:issue', {
      service_id: service.id,
      idempotency_key: key.current,
      language: lang,
      ...(priority ? { priority: { class_id: priority.id } } : {}),
      ...(state.papers[service.id] ? { checklist: { missing } } : {}),
    });
    setBusy(false);
    if (r.ok) dispatch({ type: 'ticket-issued', receipt: r.value });
    else {
      console.warn(`ticket:issue failed: ${r.error.code} ${r.error.message}`);
      setError(r.error.code);
    }
  };

  let body;
  if (!online) {
    body = (
      <p className="notice notice-error" role="alert">
        {i18n.t('kiosk.offline_no_ticket')}
      </p>
    );
  } else if ((previous || !open) && !confirmed) {
    body = (
      <div className="confirm">
        {!open && (
          <p className="notice notice-warn" role="status">
            {i18n.t('kiosk.closed_now', {
              hours: i18n.list(describeOpeningHours(site.opening_hours, LOCALES[lang])),
            })}{' '}
            {i18n.t('kiosk.closed_ticket_note')}
          </p>
        )}
        {previous && (
          <p className="notice notice-warn" role="status">
            {i18n.t('kiosk.already_have_ticket', { number: previous.ticket.number })}
          </p>
        )}
        <div className="choice-row">
          {/* A ticket already taken: keeping it is the big button, so a reflex tap makes no second one. */}
          {previous && (
            <button
              type="button"
              className="main-action"
              data-action="keep-ticket"
              onClick={() => dispatch({ type: 'ticket-issued', receipt: previous })}
            >
              {i18n.t('kiosk.keep_my_ticket')}
            </button>
          )}
          <button
            type="button"
            className={previous ? 'second-action' : 'main-action'}
            data-action="confirm-ticket"
            onClick={() => setConfirmed(true)}
          >
            {previous ? i18n.t('kiosk.another_ticket') : i18n.t('kiosk.take_ticket_anyway')}
          </button>
        </div>
      </div>
    );
  } else {
    const classes = site.priority_classes;
    body = (
      <>
        {classes.length > 0 && <p className="screen-subheading">{i18n.t('kiosk.priority_question')}</p>}
        <div className="priority-options">
          <button
            type="button"
            className="main-action take-ticket"
            data-action="take-ticket"
            disabled={busy}
            onClick={() => void take()}
          >
            {busy
              ? i18n.t('kiosk.taking_ticket')
              : classes.length > 0
                ? i18n.t('kiosk.priority_no')
                : i18n.t('kiosk.take_ticket')}
          </button>
          {classes.length > 0 && (
            <fieldset className="priority-choice">
              <legend>{i18n.t('kiosk.priority_choose')}</legend>
              {classes.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  data-priority={c.id}
                  disabled={busy}
                  onClick={() => void take(c)}
                >
                  {textIn(c.name, lang)}
                </button>
              ))}
              <p className="priority-proof">{i18n.t('kiosk.priority_proof')}</p>
            </fieldset>
          )}
        </div>
        {error && (
          <p className="notice notice-error ticket-error" role="alert">
            {i18n.t(ticketErrorKey(error))}{' '}
            {i18n.t('kiosk.try_again', { action: i18n.t('kiosk.priority_no') })}
          </p>
        )}
      </>
    );
  }
  return (
    <main className="priority">
      <h1 className="screen-heading">{i18n.t('kiosk.take_ticket')}</h1>
      <p className="screen-subheading">{textIn(service.name, lang)}</p>
      {body}
    </main>
  );
}
