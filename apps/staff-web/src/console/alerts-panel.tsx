import type { StaffCall } from '@reception/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslator } from '../shared/staff-i18n.tsx';
import type { StaffSocket } from '../shared/use-staff-socket.ts';
import type { Alert } from './robot-live.ts';

/** A short two-tone chime (Web Audio; no file to load). Browsers allow it after the first tap on the page. */
function chime(): void {
  const Ctx = window.AudioContext as typeof AudioContext | undefined;
  if (!Ctx) return;
  const ctx = new Ctx();
  [880, 660].forEach((f, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = f;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + i * 0.25);
    osc.stop(ctx.currentTime + i * 0.25 + 0.2);
  });
  setTimeout(() => void ctx.close(), 1000);
}

/**
 * Alerts staff must act on: robot conditions, failed trips, printer and queue-system problems, and
 * citizens calling from a kiosk. A new alert chimes (sound can be switched off); "acknowledge" quiets and
 * greys it until its condition ends; a kiosk call is answered with "I am going".
 */
export function AlertsPanel(props: {
  socket: StaffSocket;
  alerts: Alert[];
  calls: StaffCall[];
  placeName: (id: string) => string;
}) {
  const i18n = useTranslator();
  const [acked, setAcked] = useState<ReadonlySet<string>>(new Set());
  const [sound, setSound] = useState(true);
  const heard = useRef(new Set<string>());
  const ids = [...props.alerts.map((a) => a.id), ...props.calls.map((c) => c.call_id)];
  const fresh = ids.filter((id) => !heard.current.has(id) && !acked.has(id));

  const freshKey = fresh.join('|');
  useEffect(() => {
    if (freshKey === '') return;
    for (const id of freshKey.split('|')) heard.current.add(id);
    if (sound) chime();
  }, [freshKey, sound]);

  const total = props.alerts.length + props.calls.length;
  return (
    <section className="alerts" aria-label={i18n.t('console.alerts_title')}>
      <h2>
        {i18n.t('console.alerts_title')}
        <button className="secondary small" aria-pressed={sound} onClick={() => setSound(!sound)}>
          {i18n.t('console.sound', { on: sound ? 'yes' : 'no' })}
        </button>
      </h2>
      {total === 0 && <p>{i18n.t('console.alerts_none')}</p>}
      <ul>
        {props.alerts.map((a) => (
          <li
            key={a.id}
            data-testid="alert"
            data-kind={a.kind}
            className={acked.has(a.id) ? 'acked' : 'alert-new'}
          >
            <span>
              {i18n.t('console.alert', {
                kind: a.kind,
                level: a.level ?? 0,
                place: a.place ? props.placeName(a.place) : '',
                kiosk: '',
              })}
            </span>{' '}
            <time dateTime={a.since}>{i18n.t('console.alert_since', { at: new Date(a.since) })}</time>
            {acked.has(a.id) ? (
              <em> · {i18n.t('console.acknowledged')}</em>
            ) : (
              <button className="secondary small" onClick={() => setAcked(new Set([...acked, a.id]))}>
                {i18n.t('console.acknowledge')}
              </button>
            )}
          </li>
        ))}
        {props.calls.map((c) => (
          <li key={c.call_id} data-testid="alert" data-kind="staff_call" className="alert-new">
            <span>
              {i18n.t('console.alert', { kind: 'staff_call', level: 0, place: '', kiosk: c.kiosk_name })}
            </span>{' '}
            <span>
              {i18n.t('console.call_detail', {
                reason: c.reason ?? 'general',
                language: c.language ?? 'unknown',
              })}
            </span>{' '}
            <time dateTime={c.at}>{i18n.t('console.alert_since', { at: new Date(c.at) })}</time>
            <button
              className="small"
              onClick={() => void props.socket.emitWithAck('staff_call:ack', { call_id: c.call_id })}
            >
              {i18n.t('console.going')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
