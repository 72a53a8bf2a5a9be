import type { GuideAccepted, MissionUpdate, Result, SiteCatalogue } from '@reception/protocol';
import { textIn, type MessageKey, type Translator } from '@reception/i18n';
import { useEffect, useRef, useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { isOnline, useKiosk } from './kiosk-context.tsx';
import { useTranslator } from './translator-context.tsx';

/** What the guide screen shows, driven by the bridge's answer and then its `mission:update`s. */
export type GuideView =
  | { kind: 'requesting' }
  | { kind: 'refused'; key: MessageKey }
  | { kind: 'mission'; accepted: GuideAccepted; update: MissionUpdate | undefined };

/** The words for a refused guidance request (`error.reason` is a `GuideRefusal`, or absent). */
export function refusalKey(code: string, reason: string | undefined): MessageKey {
  if (code === 'TIMEOUT') return 'kiosk.guide_unavailable';
  switch (reason) {
    case 'queue_full':
      return 'kiosk.guide_refused_busy';
    case 'battery_low':
      return 'kiosk.guide_refused_battery';
    case 'estop':
      return 'kiosk.guide_refused_stopped';
    default:
      return 'kiosk.guide_unavailable';
  }
}

/**
 * Asks for a guidance mission, asking again while the only obstacle is a dropped robot link: the bridge
 * reconnects by itself within about a second (a cable blip, a moment of overload), and a citizen who has
 * just pressed "Guide me" should not be told the robot cannot come because of it. A refused request
 * creates no mission, so asking again never makes two. Any other answer, or the last try, is final.
 */
export async function askForGuide<T>(
  ask: () => Promise<Result<T>>,
  wait: (ms: number) => Promise<void>,
  tries = 5,
  delayMs = 1000,
): Promise<Result<T>> {
  for (let attempt = 1; ; attempt++) {
    const r = await ask();
    const linkBlip = !r.ok && r.error.code === 'UNAVAILABLE' && r.error.reason === 'link_down';
    if (!linkBlip || attempt >= tries) return r;
    await wait(delayMs);
  }
}

/** The state name a test or a screen reader can rely on, and the sentence that says it. */
export function describeGuide(view: GuideView): { state: string; key: MessageKey } {
  switch (view.kind) {
    case 'requesting':
      return { state: 'requesting', key: 'kiosk.guide_requesting' };
    case 'refused':
      return { state: 'refused', key: view.key };
    case 'mission': {
      const u = view.update;
      if (!u) {
        return view.accepted.queue_position > 0
          ? { state: 'queued', key: 'kiosk.guide_queued' }
          : { state: 'coming', key: 'kiosk.guide_coming' };
      }
      switch (u.state) {
        case 'queued':
          return { state: 'queued', key: 'kiosk.guide_queued' };
        case 'fetching':
        case 'calling':
        case 'undocking':
          return { state: 'coming', key: 'kiosk.guide_coming' };
        case 'guiding':
        case 'travelling':
          return { state: 'guiding', key: 'kiosk.guide_guiding' };
        case 'arrived':
          return { state: 'arrived', key: 'kiosk.guide_arrived' };
        case 'paused':
          return { state: 'paused', key: 'kiosk.robot_paused' };
        case 'returning':
        case 'docking':
        case 'completed':
          return { state: 'finished', key: 'kiosk.guide_finished' };
        case 'cancelled':
          return { state: 'cancelled', key: 'kiosk.guide_cancelled' };
        case 'failed':
          return { state: 'failed', key: 'kiosk.guide_failed' };
        default: {
          const never: never = u.state;
          return never;
        }
      }
    }
    default: {
      const never: never = view;
      return never;
    }
  }
}

/** While the mission is in one of these, the citizen is waiting for or following the robot. */
const LIVE_GUIDE_STATES: ReadonlySet<string> = new Set([
  'requesting',
  'queued',
  'coming',
  'guiding',
  'paused',
]);

/** "Counter 3" or "Restroom": the name of a map place in the citizen's language. */
export function placeName(site: SiteCatalogue, place: string, i18n: Translator): string {
  const counter = site.counters.find((c) => c.place === place);
  if (counter) return i18n.t('common.counter_number', { number: counter.number });
  const facility = site.facilities.find((f) => f.place === place);
  return facility ? textIn(facility.name, i18n.language) : place;
}

/**
 * "Guide me": asks the bridge for a guidance mission to `place` and follows it: the robot coming, the
 * citizen's place in the robot's queue and the wait, "follow the robot" with the distance left, arrival,
 * and what happens when the robot is busy, charging, stopped or had to give up. Whatever happens, the way
 * on the lobby map stays one tap away ("Find a place"), and Back and Start over stay in the top bar.
 */
export function GuideScreen(props: { place: string; ticketId: string | undefined }) {
  const { place, ticketId } = props;
  const { site, connection, dispatch, holdIdle } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const [view, setView] = useState<GuideView>({ kind: 'requesting' });
  const asked = useRef(false);
  const missionId = view.kind === 'mission' ? view.accepted.mission_id : undefined;
  const online = isOnline(connection);

  useEffect(() => {
    if (asked.current) return;
    if (!online) {
      setView({ kind: 'refused', key: 'kiosk.guide_unavailable' });
      return;
    }
    asked.current = true;
    void askForGuide(
      () => bridge.request('mission:guide', { place, ...(ticketId ? { ticket_id: ticketId } : {}) }),
      (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ).then((r) => {
      if (r.ok) setView({ kind: 'mission', accepted: r.value, update: undefined });
      else {
        console.warn(`mission:guide refused: ${r.error.code} ${r.error.reason ?? ''}`);
        setView({ kind: 'refused', key: refusalKey(r.error.code, r.error.reason) });
      }
    });
  }, [bridge, place, ticketId, online]);

  useEffect(() => {
    if (!missionId) return;
    return bridge.onBroadcast('mission:update', (u) => {
      if (u.mission_id !== missionId) return;
      setView((v) => (v.kind === 'mission' ? { ...v, update: u } : v));
    });
  }, [bridge, missionId]);

  const name = placeName(site, place, i18n);
  const { state, key } = describeGuide(view);
  const waiting = LIVE_GUIDE_STATES.has(state);
  useEffect(() => {
    holdIdle(waiting);
    return () => holdIdle(false);
  }, [waiting, holdIdle]);
  const update = view.kind === 'mission' ? view.update : undefined;
  const position = update
    ? update.queue_position
    : view.kind === 'mission'
      ? view.accepted.queue_position
      : 0;
  const eta = update ? update.eta_s : view.kind === 'mission' ? view.accepted.eta_s : 0;
  const minutes = Math.max(1, Math.round(eta / 60));
  const showFailure = state === 'refused' || state === 'failed' || state === 'cancelled';
  return (
    <main className="guide">
      <h1 className="screen-heading">{i18n.t('kiosk.guide_heading')}</h1>
      <p className="screen-subheading">{i18n.t('kiosk.guide_to', { place: name })}</p>
      <section
        className={`guide-status${showFailure ? ' notice notice-warn' : ''}`}
        data-guide-state={state}
        role={showFailure ? 'alert' : 'status'}
        aria-live="polite"
      >
        <p className="big-status">{i18n.t(key, { position, place: name })}</p>
        {(state === 'queued' || state === 'coming') && eta > 0 && (
          <p>{i18n.t('kiosk.guide_eta', { wait: i18n.t('common.minutes_about', { minutes }) })}</p>
        )}
        {state === 'guiding' && update && (
          <p className="guide-remaining">
            {i18n.t('kiosk.robot_remaining', { meters: Math.max(0, Math.round(update.remaining_m)) })}
          </p>
        )}
      </section>
      <footer className="action-bar">
        <button
          type="button"
          className={showFailure ? 'main-action' : 'second-action'}
          data-action="show-map"
          onClick={() => dispatch({ type: 'go', screen: { name: 'facilities', place } })}
        >
          {i18n.t('kiosk.show_the_way')}
        </button>
      </footer>
    </main>
  );
}
