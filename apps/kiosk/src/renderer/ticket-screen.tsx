import { documentText, type TicketReceipt } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { missingPapers } from './checklist-screen.tsx';
import { isOnline, useKiosk } from './kiosk-context.tsx';
import { QrCode } from './qr-code.tsx';
import { receiptText } from './receipt-text.ts';
import { useTranslator } from './translator-context.tsx';

/** The ticket's phone page: the bridge's own link, else one built from the bridge's address. */
export function phoneUrl(receipt: TicketReceipt, bridgeUrl: string): string {
  return receipt.phone_url ?? `${bridgeUrl}/rate/${receipt.ticket.id}`;
}

/**
 * The ticket on screen: the number large, the priority mark, the counter, people ahead and the wait, whether
 * the paper printed (and printing again), a QR code of the phone page, the papers still missing, "Guide me"
 * to the counter and "Done". "Done" starts over, so the next citizen never sees this ticket.
 */
export function TicketScreen(props: { receipt: TicketReceipt }) {
  const [receipt, setReceipt] = useState(props.receipt);
  const { site, state, dispatch, bridgeUrl, connection } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const lang = i18n.language;
  const text = receiptText(i18n, receipt);
  const service = site.services.find((s) => s.id === receipt.ticket.service_id);
  const priority = site.priority_classes.find((c) => c.id === receipt.ticket.priority_class);
  const counter = site.counters.find((c) => receipt.counters.includes(c.number));
  const ticked = service ? state.papers[service.id] : undefined;
  // Without the checklist (a ticket asked for by voice) the papers are a reminder, not a list of what is missing.
  const missing = service ? missingPapers(service, ticked ?? []) : [];
  const [printing, setPrinting] = useState(false);
  const reprint = async () => {
    setPrinting(true);
    const r = await bridge.request('ticket:print', { ticket_id: receipt.ticket.id });
    setPrinting(false);
    if (r.ok) setReceipt({ ...r.value, phone_url: receipt.phone_url ?? r.value.phone_url });
    else setReceipt({ ...receipt, print: { status: 'failed', message: r.error.code } });
  };
  return (
    <main className="ticket">
      <div className="ticket-card" aria-live="polite">
        <h1 className="ticket-label">{i18n.t('kiosk.your_number')}</h1>
        <p className="ticket-number" data-number={receipt.ticket.number}>
          {receipt.ticket.number}
        </p>
        {service && <p className="ticket-service">{textIn(service.name, lang)}</p>}
        {priority && (
          <p className="ticket-priority">
            {i18n.t('kiosk.priority_mark', { class: textIn(priority.name, lang) })}
          </p>
        )}
        <p className="ticket-counter">{text.counter}</p>
        <p>{text.ahead}</p>
        {text.wait && <p>{text.wait}</p>}
      </div>
      <div className="ticket-side">
        <div className="ticket-print" data-print={receipt.print.status}>
          {receipt.print.status === 'printed' && <p>{i18n.t('kiosk.ticket_printed')}</p>}
          {receipt.print.status === 'no_printer' && <p>{i18n.t('kiosk.no_printer')}</p>}
          {receipt.print.status === 'failed' && (
            <>
              <p className="notice notice-error" role="alert">
                {i18n.t('kiosk.print_failed')}
              </p>
              <button
                type="button"
                className="small-action"
                disabled={printing || !isOnline(connection)}
                onClick={() => void reprint()}
              >
                {i18n.t('kiosk.print_again')}
              </button>
            </>
          )}
        </div>
        <figure className="ticket-qr">
          <QrCode text={phoneUrl(receipt, bridgeUrl)} label={i18n.t('kiosk.qr_phone_label')} size={180} />
          <figcaption>{i18n.t('kiosk.phone_qr')}</figcaption>
        </figure>
      </div>
      {service && missing.length > 0 && (
        <p className={ticked ? 'ticket-missing' : 'ticket-bring'}>
          {i18n.t(ticked ? 'kiosk.missing_on_ticket' : 'kiosk.bring_on_ticket', {
            list: i18n.list(
              missing.flatMap((i) => {
                const d = service.required_documents[i];
                return d ? [textIn(documentText(d), lang)] : [];
              }),
            ),
          })}
        </p>
      )}
      <footer className="action-bar">
        <button
          type="button"
          className="main-action"
          data-action="done"
          onClick={() => dispatch({ type: 'home' })}
        >
          {i18n.t('kiosk.done')}
        </button>
        {counter && (
          <button
            type="button"
            className="second-action"
            data-action="guide"
            onClick={() =>
              dispatch({
                type: 'go',
                screen: { name: 'guide', place: counter.place, ticketId: receipt.ticket.id },
              })
            }
          >
            {i18n.t('kiosk.guide_me')}
          </button>
        )}
      </footer>
    </main>
  );
}
