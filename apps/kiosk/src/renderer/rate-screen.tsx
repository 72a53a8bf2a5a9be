import type { TicketLookup } from '@reception/protocol';
import { useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { isOnline, useKiosk } from './kiosk-context.tsx';
import { useTranslator } from './translator-context.tsx';

const SCORES = [1, 2, 3, 4, 5] as const;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

type Step =
  | {
      kind: 'number';
      problem?: 'kiosk.rate_not_served' | 'kiosk.rate_error' | 'rating.unknown' | 'rating.closed';
    }
  | { kind: 'stars'; ticket: TicketLookup }
  | { kind: 'thanks' };

/**
 * Rating the service at the kiosk, after being served: the citizen types the number on their ticket (its
 * letters are the site's prefixes, so they are keys too), then touches one of five faces. A ticket not yet
 * served, unknown or already rated is told so plainly. The phone page behind the ticket's QR code offers
 * the same rating.
 */
export function RateScreen() {
  const { site, state, connection } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const [number, setNumber] = useState(state.tickets.at(-1)?.ticket.number ?? '');
  const [step, setStep] = useState<Step>({ kind: 'number' });
  const [busy, setBusy] = useState(false);
  const prefixes = [...new Set(site.services.map((s) => s.prefix))];
  const online = isOnline(connection);

  const find = async () => {
    setBusy(true);
    const r = await bridge.request('ticket:find', { number });
    setBusy(false);
    if (!r.ok)
      setStep({
        kind: 'number',
        problem: r.error.code === 'NOT_FOUND' ? 'rating.unknown' : 'kiosk.rate_error',
      });
    else if (r.value.rated) setStep({ kind: 'number', problem: 'rating.closed' });
    else if (r.value.status !== 'completed') setStep({ kind: 'number', problem: 'kiosk.rate_not_served' });
    else setStep({ kind: 'stars', ticket: r.value });
  };
  const rate = async (ticket: TicketLookup, score: number) => {
    setBusy(true);
    const r = await bridge.request('ticket:rate', { ticket_id: ticket.ticket_id, score });
    setBusy(false);
    setStep(r.ok ? { kind: 'thanks' } : { kind: 'number', problem: 'kiosk.rate_error' });
  };

  let body;
  if (step.kind === 'thanks') {
    body = (
      <p className="big-status" role="status">
        {i18n.t('kiosk.rate_thanks')}
      </p>
    );
  } else if (step.kind === 'stars') {
    body = (
      <fieldset className="score-list">
        <legend>{i18n.t('rating.question', { number: step.ticket.number })}</legend>
        {SCORES.map((score) => (
          <button
            key={score}
            type="button"
            className="score-button"
            data-score={score}
            disabled={busy}
            onClick={() => void rate(step.ticket, score)}
          >
            <span className="score-stars" aria-hidden="true">
              {'★'.repeat(score)}
            </span>
            {i18n.t(`kiosk.rate_${score}`)}
          </button>
        ))}
      </fieldset>
    );
  } else {
    body = (
      <>
        <label className="code-label" htmlFor="ticket-number">
          {i18n.t('kiosk.your_number')}
        </label>
        <output id="ticket-number" className="code-display" dir="ltr">
          {number || '\u00a0'}
        </output>
        <div className="keypad" role="group" aria-label={i18n.t('kiosk.your_number')} dir="ltr">
          {[...prefixes, ...DIGITS].map((k) => (
            <button
              key={k}
              type="button"
              className="key"
              data-key={k}
              onClick={() => setNumber((n) => (n + k).slice(0, 6))}
            >
              {k}
            </button>
          ))}
          <button
            type="button"
            className="key key-wide"
            data-key="delete"
            onClick={() => setNumber((n) => n.slice(0, -1))}
          >
            {i18n.t('kiosk.keypad_delete')}
          </button>
        </div>
        <div className="action-row">
          <button
            type="button"
            className="main-action"
            data-action="find-ticket"
            disabled={busy || !online || !/^[A-Z]{1,2}\d{2,4}$/.test(number)}
            onClick={() => void find()}
          >
            {i18n.t('dossier.look_up')}
          </button>
        </div>
        {!online && <p className="notice notice-warn">{i18n.t('kiosk.needs_connection')}</p>}
        {step.problem && (
          <p className="notice notice-warn" role="alert" data-problem={step.problem}>
            {i18n.t(step.problem)}
          </p>
        )}
        <p>{i18n.t('kiosk.rate_scan')}</p>
      </>
    );
  }
  return (
    <main className="rate">
      <h1 className="screen-heading">{i18n.t('kiosk.rate_heading')}</h1>
      {body}
    </main>
  );
}
