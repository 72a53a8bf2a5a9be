import type { ErrorCode, PriorityClass, Service, SiteCatalogue, TicketReceipt } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useEffect, useRef, useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { receiptText, ticketErrorKey } from './receipt-text.ts';
import { useTranslator } from './translator-context.tsx';

/** RFC 4122 v4 id from getRandomValues (randomUUID needs a secure context, a LAN kiosk may not have one). */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * "Take a ticket" for one procedure: optional priority class, then the number, counter, people ahead and
 * expected wait in the citizen's language. One idempotency key per citizen action: "Try again" after an
 * error reuses it, so a request that did reach the bridge never makes a second ticket.
 */
export function TakeTicket(props: { site: SiteCatalogue; service: Service }) {
  const { site, service } = props;
  const bridge = useBridge();
  const i18n = useTranslator();
  const lang = i18n.language;
  const [receipt, setReceipt] = useState<TicketReceipt>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode>();
  const [askPriority, setAskPriority] = useState(false);
  const key = useRef<string | undefined>(undefined);
  const shown = useRef<HTMLElement>(null);
  // The receipt appears below the procedure details: bring it into view so nobody has to scroll for it.
  useEffect(() => {
    if (receipt) shown.current?.scrollIntoView({ block: 'center' });
  }, [receipt]);

  const take = async (priority?: PriorityClass) => {
    key.current ??= uuid();
    setBusy(true);
    setError(undefined);
    const r = await bridge.request('ticket:issue', {
      service_id: service.id,
      idempotency_key: key.current,
      language: lang,
      ...(priority ? { priority: { class_id: priority.id } } : {}),
    });
    setBusy(false);
    if (r.ok) setReceipt(r.value);
    else {
      console.warn(`ticket:issue failed: ${r.error.code} ${r.error.message}`);
      setError(r.error.code);
    }
  };

  if (receipt) {
    const text = receiptText(i18n, receipt);
    return (
      <section className="ticket-receipt" aria-live="polite" ref={shown}>
        <p className="ticket-label">{i18n.t('kiosk.your_number')}</p>
        <p className="ticket-number">{receipt.ticket.number}</p>
        <p className="ticket-counter">{text.counter}</p>
        <p>{text.ahead}</p>
        {text.wait && <p>{text.wait}</p>}
        {receipt.print.status === 'printed' && (
          <p className="ticket-print">{i18n.t('kiosk.ticket_printed')}</p>
        )}
        {receipt.print.status === 'failed' && (
          <p className="ticket-print ticket-print-failed" role="alert">
            {i18n.t('kiosk.print_failed')}
          </p>
        )}
      </section>
    );
  }
  return (
    <footer className="detail-actions">
      {!askPriority && (
        <button className="take-ticket" disabled={busy} onClick={() => void take()}>
          {busy ? i18n.t('kiosk.taking_ticket') : i18n.t('kiosk.take_ticket')}
        </button>
      )}
      {site.priority_classes.length > 0 && !askPriority && (
        <button className="take-ticket-priority" disabled={busy} onClick={() => setAskPriority(true)}>
          {i18n.t('kiosk.priority_toggle')}
        </button>
      )}
      {askPriority && (
        <fieldset className="priority-choice">
          <legend>{i18n.t('kiosk.priority_choose')}</legend>
          {site.priority_classes.map((c) => (
            <button key={c.id} disabled={busy} onClick={() => void take(c)}>
              {textIn(c.name, lang)}
            </button>
          ))}
          <button className="priority-cancel" disabled={busy} onClick={() => setAskPriority(false)}>
            {i18n.t('common.back')}
          </button>
        </fieldset>
      )}
      {error && (
        <p className="ticket-error" role="alert">
          {i18n.t(ticketErrorKey(error))} {i18n.t('kiosk.try_again', { action: i18n.t('kiosk.take_ticket') })}
        </p>
      )}
    </footer>
  );
}
