import type { Language, MissionUpdate, SiteCatalogue } from '@reception/protocol';
import { directionOf, translator } from '@reception/i18n';
import { useEffect, useState } from 'react';
import type { BridgeClient, ConnectionState } from './bridge-client.ts';
import { placeName } from './guide-screen.tsx';

/** What the robot's own screen shows over the kiosk while a mission runs; `none`: the kiosk itself. */
export type RobotPanel = 'none' | 'fetching' | 'calling' | 'guiding' | 'arrived' | 'returning' | 'paused';

/** The panel for a mission's state. Final states and a queued request leave the kiosk on screen. */
export function robotPanel(u: MissionUpdate | null): RobotPanel {
  if (!u) return 'none';
  switch (u.state) {
    case 'queued':
    case 'docking':
    case 'undocking':
      return 'none';
    case 'fetching':
      return 'fetching';
    case 'calling':
      return 'calling';
    case 'guiding':
    case 'travelling':
      return 'guiding';
    case 'arrived':
      return 'arrived';
    case 'returning':
      return 'returning';
    case 'paused':
      return 'paused';
    case 'completed':
    case 'failed':
    case 'cancelled':
      return 'none';
    default: {
      const never: never = u.state;
      return never;
    }
  }
}

/**
 * Registers this kiosk as the robot's own screen (again after every reconnection) and keeps the mission
 * the robot is running now, from the registration's answer and every `mission:update`.
 */
export function useRobotMission(client: BridgeClient, connection: ConnectionState, enabled: boolean) {
  const [mission, setMission] = useState<MissionUpdate | null>(null);
  useEffect(() => {
    if (!enabled || connection !== 'connected') return;
    let live = true;
    void client.request('kiosk:register_robot_screen', {}).then((r) => {
      if (!live) return;
      if (r.ok) setMission(r.value.mission);
      else console.warn(`kiosk:register_robot_screen failed: ${r.error.code}`);
    });
    const off = client.onBroadcast('mission:update', (u) => {
      // A queued request for later must not hide the trip under way.
      setMission((current) =>
        u.state === 'queued' &&
        current &&
        current.mission_id !== u.mission_id &&
        robotPanel(current) !== 'none'
          ? current
          : u,
      );
    });
    return () => {
      live = false;
      off();
    };
  }, [client, connection, enabled]);
  return mission;
}

/**
 * On the robot's own screen, over the kiosk while a trip runs: "Follow me to counter 3" with the distance
 * left and a large Stop button; for a call-ahead escort the number it fetches and "Is this you? A012" with
 * a confirmation button. Touching the screen never stops a trip: only Stop does. In the guided citizen's
 * language (the ticket's, else the one chosen on this screen).
 */
export function RobotScreen(props: {
  mission: MissionUpdate;
  site: SiteCatalogue;
  language: Language;
  client: BridgeClient;
}) {
  const { mission, site, client } = props;
  const panel = robotPanel(mission);
  const language = mission.ticket?.language ?? props.language;
  const i18n = translator(language, site.timezone);
  const [sent, setSent] = useState<'stop' | 'confirm' | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setSent(undefined);
    setFailed(false);
  }, [mission.mission_id, mission.state]);
  if (panel === 'none') return null;
  const place = placeName(site, mission.place, i18n);
  const number = mission.ticket?.number ?? '';
  const send = async (what: 'stop' | 'confirm') => {
    setSent(what);
    const r = await client.request(what === 'stop' ? 'mission:stop' : 'mission:confirm', {
      mission_id: mission.mission_id,
    });
    if (!r.ok) {
      console.warn(`mission:${what} failed: ${r.error.code}`);
      setSent(undefined);
      setFailed(true);
    }
  };
  const moving = panel === 'guiding' || panel === 'fetching' || panel === 'returning';
  let heading: string;
  switch (panel) {
    case 'guiding':
      heading = i18n.t('kiosk.robot_follow_me', { place });
      break;
    case 'fetching':
      heading = i18n.t('kiosk.robot_fetching', { number });
      break;
    case 'calling':
      heading = i18n.t('kiosk.robot_is_this_you', { number });
      break;
    case 'arrived':
      heading = i18n.t('kiosk.guide_arrived', { place });
      break;
    case 'returning':
      heading = i18n.t('kiosk.robot_returning');
      break;
    case 'paused':
      heading = i18n.t('kiosk.robot_paused');
      break;
    default: {
      const never: never = panel;
      return never;
    }
  }
  return (
    <div
      className="robot-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby="robot-heading"
      lang={language}
      dir={directionOf(language)}
      data-robot-panel={panel}
      data-mission={mission.mission_id}
    >
      <h1 id="robot-heading" className="robot-heading">
        {heading}
      </h1>
      {panel === 'calling' && number && (
        <p className="robot-number" dir="ltr">
          {number}
        </p>
      )}
      {panel === 'guiding' && (
        <p className="robot-remaining" aria-live="polite">
          {i18n.t('kiosk.robot_remaining', { meters: Math.max(0, Math.round(mission.remaining_m)) })}
        </p>
      )}
      {failed && (
        <p className="notice notice-error" role="alert">
          {i18n.t('kiosk.guide_unavailable')}
        </p>
      )}
      {panel === 'calling' && (
        <button
          type="button"
          className="main-action robot-confirm"
          data-action="robot-confirm"
          disabled={sent !== undefined}
          onClick={() => void send('confirm')}
        >
          {i18n.t('kiosk.robot_confirm')}
        </button>
      )}
      {moving && (
        <button
          type="button"
          className="robot-stop"
          data-action="robot-stop"
          disabled={sent !== undefined}
          onClick={() => void send('stop')}
        >
          {i18n.t('kiosk.robot_stop')}
        </button>
      )}
    </div>
  );
}
