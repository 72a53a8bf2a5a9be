import {
  groupReceiptCode,
  parseReceiptCode,
  RECEIPT_CODE_COMPACT_LENGTH,
  RECEIPT_CODE_EXAMPLE,
  type DossierStatus,
  type ErrorCode,
} from '@reception/protocol';
import { textIn, type MessageKey, type Translator } from '@reception/i18n';
import { useEffect, useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { isOnline, useKiosk } from './kiosk-context.tsx';
import { useTranslator } from './translator-context.tsx';

/** Receipt codes hold digits and one letter: H for provinces and cities, G for ministries. */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'H', '0', 'G'] as const;

type Outcome = { kind: 'status'; status: DossierStatus } | { kind: 'error'; key: MessageKey };

/** What the citizen is told when no status came back; the bridge's own words go to the log only. */
export function dossierErrorKey(code: ErrorCode, message: string): MessageKey {
  switch (code) {
    case 'INVALID_PAYLOAD':
      return message.startsWith('empty') ? 'dossier.error_empty' : 'dossier.error_invalid_code';
    case 'NOT_FOUND':
      return 'dossier.error_not_found';
    case 'RATE_LIMITED':
      return 'dossier.error_rate_limited';
    case 'UNAVAILABLE':
    case 'TIMEOUT':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
    case 'CONFLICT':
    case 'INTERNAL':
      return 'dossier.error_unavailable';
    default: {
      const never: never = code;
      return never;
    }
  }
}

/** A calendar date `YYYY-MM-DD` as the citizen's language writes it (noon UTC: the same day everywhere). */
function calendarDate(i18n: Translator, date: string): string {
  return i18n.date(`${date}T12:00:00Z`, 'long');
}

/**
 * Dossier status by receipt code on a large keypad: the code regroups itself as it is typed
 * (000.25.13.H26-251124-0007), is checked with the bridge's own rule before anything is sent, and the
 * answer says where the dossier stands, what was done, when the result is due and where to collect it.
 * The code is personal: it lives in the visit's state, so an idle reset forgets it.
 */
export function DossierScreen() {
  const { state, dispatch, site, connection } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const lang = i18n.language;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const code = state.receiptCode;
  const setCode = (next: string) => {
    setOutcome(undefined);
    dispatch({ type: 'receipt-code', code: next });
  };
  const compact = code.replace(/[^0-9A-Z]/g, '');
  const press = (key: string) => {
    if (compact.length < RECEIPT_CODE_COMPACT_LENGTH) setCode(groupReceiptCode(compact + key));
  };
  // The answer appears under the keypad, below the fold on a landscape screen: once it is on the page, bring
  // it into view, for a code refused here as much as for the bridge's answer, so a tap on "Look up" never
  // seems to do nothing.
  useEffect(() => {
    if (outcome)
      document.querySelector('.dossier-result, .dossier .notice-error')?.scrollIntoView({ block: 'center' });
  }, [outcome]);
  const lookUp = async () => {
    const parsed = parseReceiptCode(code);
    if (!parsed.ok) {
      setOutcome({
        kind: 'error',
        key: parsed.problem === 'empty' ? 'dossier.error_empty' : 'dossier.error_invalid_code',
      });
      return;
    }
    setBusy(true);
    const r = await bridge.request('dossier:status', { code: parsed.value.code });
    setBusy(false);
    if (r.ok) setOutcome({ kind: 'status', status: r.value });
    else setOutcome({ kind: 'error', key: dossierErrorKey(r.error.code, r.error.message) });
  };

  return (
    <main className="dossier">
      <h1 className="screen-heading">{i18n.t('dossier.title')}</h1>
      <label className="code-label" htmlFor="receipt-code">
        {i18n.t('dossier.enter_code')}
      </label>
      <output id="receipt-code" className="code-display" dir="ltr" aria-live="polite">
        {code || '\u00a0'}
      </output>
      <p className="code-example">{i18n.t('dossier.code_example', { example: RECEIPT_CODE_EXAMPLE })}</p>
      <div className="keypad" role="group" aria-label={i18n.t('kiosk.keypad_label')} dir="ltr">
        {KEYS.map((k) => (
          <button key={k} type="button" className="key" data-key={k} onClick={() => press(k)}>
            {k}
          </button>
        ))}
        <button
          type="button"
          className="key key-wide"
          data-key="delete"
          onClick={() => setCode(groupReceiptCode(compact.slice(0, -1)))}
        >
          {i18n.t('kiosk.keypad_delete')}
        </button>
        <button type="button" className="key key-wide" data-key="clear" onClick={() => setCode('')}>
          {i18n.t('kiosk.keypad_clear')}
        </button>
      </div>
      <div className="action-row">
        <button
          type="button"
          className="main-action"
          data-action="look-up"
          disabled={busy || !isOnline(connection)}
          onClick={() => void lookUp()}
        >
          {busy ? i18n.t('dossier.checking') : i18n.t('dossier.look_up')}
        </button>
      </div>
      {!isOnline(connection) && <p className="notice notice-warn">{i18n.t('kiosk.needs_connection')}</p>}
      {outcome?.kind === 'error' && (
        <p className="notice notice-error" role="alert" data-error={outcome.key}>
          {i18n.t(outcome.key)}
        </p>
      )}
      {outcome?.kind === 'status' && <DossierResult status={outcome.status} />}
    </main>
  );

  function DossierResult({ status }: { status: DossierStatus }) {
    const service = site.services.find((s) => s.id === status.procedure_id);
    const name = service ? textIn(service.name, lang) : (status.procedure_name ?? '');
    const counters = status.collect.method === 'counter' ? status.collect.counters : [];
    return (
      <section className="dossier-result" aria-live="polite" data-status={status.status}>
        <h2 className="dossier-status">{i18n.t(`dossier.status_${status.status}`)}</h2>
        <p>{i18n.t(`dossier.next_${status.status}`)}</p>
        {name && <p>{i18n.t('dossier.procedure_named', { name })}</p>}
        <p>{i18n.t('dossier.received_on', { date: i18n.date(status.received_at, 'long') })}</p>
        {status.original_return_date ? (
          <p>
            {i18n.t('dossier.new_date', {
              date: calendarDate(i18n, status.expected_return_date),
              original: calendarDate(i18n, status.original_return_date),
            })}
          </p>
        ) : (
          <p>{i18n.t('dossier.expected_on', { date: calendarDate(i18n, status.expected_return_date) })}</p>
        )}
        {status.late && (
          <p className="notice notice-warn" role="status">
            {i18n.t('dossier.late_warning', { days: status.late.days_overdue })}
          </p>
        )}
        {status.collect.method === 'counter' && (
          <p>
            {i18n.t('dossier.collect_at_counter', {
              counters: i18n.list(
                counters.map((id) => {
                  const c = site.counters.find((k) => k.id === id);
                  return c ? i18n.t('common.counter_number', { number: c.number }) : id;
                }),
                'disjunction',
              ),
            })}
          </p>
        )}
        {status.collect.method === 'post' && <p>{i18n.t('dossier.collect_by_post')}</p>}
        {status.collect.method === 'online' && <p>{i18n.t('dossier.collect_online')}</p>}
        <h3>{i18n.t('dossier.steps_title')}</h3>
        <ol className="dossier-steps">
          {status.steps.map((s, i) => (
            <li key={i}>
              {i18n.t(`dossier.step_${s.step}`)} · {i18n.date(s.at, 'medium')}
            </li>
          ))}
        </ol>
        <p className="dossier-checked">
          {i18n.t('dossier.checked_at', { time: i18n.time(status.checked_at) })}
        </p>
      </section>
    );
  }
}
