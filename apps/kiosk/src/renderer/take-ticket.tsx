import type { Language, PriorityClass, Service, SiteCatalogue, TicketReceipt } from '@reception/protocol';
import { useEffect, useRef, useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { textIn } from './format.ts';
import type { Messages } from './messages.ts';

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
export function TakeTicket(props: { site: SiteCatalogue; service: Service; lang: Language; t: Messages }) {
  const { site, service, lang, t } = props;
  const bridge = useBridge();
  const [receipt, setReceipt] = useState<TicketReceipt>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
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
    else setError(r.error.message);
  };

  if (receipt) {
    const counters = receipt.counters.join(', ');
    return (
      <section className="ticket-receipt" aria-live="polite" ref={shown}>
        <p className="ticket-label">{t.yourNumber}</p>
        <p className="ticket-number">{receipt.ticket.number}</p>
        <p className="ticket-counter">{t.goToCounter(counters)}</p>
        <p>{t.peopleAhead(Math.max(0, receipt.position - 1))}</p>
        {receipt.estimated_wait_min > 0 && <p>{t.estimatedWait(receipt.estimated_wait_min)}</p>}
        {receipt.print.status === 'printed' && <p className="ticket-print">{t.ticketPrinted}</p>}
        {receipt.print.status === 'failed' && (
          <p className="ticket-print ticket-print-failed" role="alert">
            {t.printFailed}
          </p>
        )}
      </section>
    );
  }
  return (
    <footer className="detail-actions">
      {!askPriority && (
        <button className="take-ticket" disabled={busy} onClick={() => void take()}>
          {busy ? t.takingTicket : t.takeTicket}
        </button>
      )}
      {site.priority_classes.length > 0 && !askPriority && (
        <button className="take-ticket-priority" disabled={busy} onClick={() => setAskPriority(true)}>
          {t.priorityToggle}
        </button>
      )}
      {askPriority && (
        <fieldset className="priority-choice">
          <legend>{t.priorityChoose}</legend>
          {site.priority_classes.map((c) => (
            <button key={c.id} disabled={busy} onClick={() => void take(c)}>
              {textIn(c.name, lang)}
            </button>
          ))}
          <button className="priority-cancel" disabled={busy} onClick={() => setAskPriority(false)}>
            {t.back}
          </button>
        </fieldset>
      )}
      {error && (
        <p className="ticket-error" role="alert">
          {t.ticketError} ({error}) — {t.tryAgain}
        </p>
      )}
    </footer>
  );
}
