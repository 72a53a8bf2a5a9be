import { STAFF_CALL_REASONS, type StaffCallReason } from '@reception/protocol';
import { useEffect, useRef, useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { isOnline, useKiosk } from './kiosk-context.tsx';
import { useTranslator } from './translator-context.tsx';

type CallState =
  | { kind: 'choose' }
  | { kind: 'calling'; callId: string }
  | { kind: 'coming'; by: string }
  | { kind: 'expired' }
  | { kind: 'cancelled' }
  | { kind: 'error'; key: 'staff_call.rate_limited' | 'staff_call.unavailable' };

/**
 * Calling a staff member: the citizen says why (so the right person comes), the staff console shows it
 * with this kiosk's name, and the screen says "someone is coming" once a staff member acknowledges. A call
 * still open when the citizen leaves this screen or the kiosk resets is cancelled.
 */
export function StaffScreen() {
  const { connection } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const [call, setCall] = useState<CallState>({ kind: 'choose' });
  const open = useRef<string | undefined>(undefined);

  useEffect(() => {
    const offAck = bridge.onBroadcast('staff_call:acknowledged', ({ call_id, by }) => {
      if (call_id !== open.current) return;
      open.current = undefined;
      setCall({ kind: 'coming', by });
    });
    const offExpired = bridge.onBroadcast('staff_call:expired', ({ call_id }) => {
      if (call_id !== open.current) return;
      open.current = undefined;
      setCall({ kind: 'expired' });
    });
    return () => {
      offAck();
      offExpired();
      if (open.current) void bridge.request('staff_call:cancel', { call_id: open.current });
    };
  }, [bridge]);

  const start = async (reason: StaffCallReason) => {
    const r = await bridge.request('staff:call', { reason, language: i18n.language });
    if (r.ok) {
      open.current = r.value.call_id;
      setCall({ kind: 'calling', callId: r.value.call_id });
    } else {
      setCall({
        kind: 'error',
        key: r.error.code === 'RATE_LIMITED' ? 'staff_call.rate_limited' : 'staff_call.unavailable',
      });
    }
  };
  const cancel = async (callId: string) => {
    open.current = undefined;
    await bridge.request('staff_call:cancel', { call_id: callId });
    setCall({ kind: 'cancelled' });
  };

  let body;
  switch (call.kind) {
    case 'choose':
      body = isOnline(connection) ? (
        <fieldset className="reason-list">
          <legend>{i18n.t('staff_call.choose_reason')}</legend>
          {STAFF_CALL_REASONS.map((r) => (
            <button
              key={r}
              type="button"
              className="procedure-button"
              data-reason={r}
              onClick={() => void start(r)}
            >
              <span className="procedure-name">{i18n.t(`staff_call.reason_${r}`)}</span>
            </button>
          ))}
        </fieldset>
      ) : (
        <p className="notice notice-warn">{i18n.t('staff_call.unavailable')}</p>
      );
      break;
    case 'calling':
      body = (
        <>
          <p className="big-status" role="status">
            {i18n.t('staff_call.calling')}
          </p>
          <button type="button" className="second-action" onClick={() => void cancel(call.callId)}>
            {i18n.t('staff_call.cancel')}
          </button>
        </>
      );
      break;
    case 'coming':
      body = (
        <p className="big-status staff-coming" role="status">
          {call.by
            ? i18n.t('staff_call.someone_coming_named', { name: call.by })
            : i18n.t('staff_call.someone_coming')}
        </p>
      );
      break;
    case 'expired':
      body = (
        <p className="notice notice-warn" role="alert">
          {i18n.t('staff_call.expired')}
        </p>
      );
      break;
    case 'cancelled':
      body = <p role="status">{i18n.t('staff_call.cancelled')}</p>;
      break;
    case 'error':
      body = (
        <p className="notice notice-error" role="alert">
          {i18n.t(call.key)}
        </p>
      );
      break;
    default: {
      const never: never = call;
      return never;
    }
  }
  return (
    <main className="staff">
      <h1 className="screen-heading">{i18n.t('staff_call.button')}</h1>
      {body}
    </main>
  );
}
