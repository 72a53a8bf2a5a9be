import type { LobbyPlan } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useEffect, useState } from 'react';
import { useBridge } from './bridge-context.tsx';
import { isOnline, useKiosk } from './kiosk-context.tsx';
import { LobbyMap } from './lobby-map.tsx';
import { useTranslator } from './translator-context.tsx';

/**
 * Find a place: the facilities and counters as big buttons; the chosen one is drawn on the lobby map with
 * the walking route from this kiosk, and "Guide me" asks the robot to lead the way.
 */
export function FacilitiesScreen(props: { place: string | undefined }) {
  const { site, dispatch, connection } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const lang = i18n.language;
  const [place, setPlace] = useState(props.place);
  const [plan, setPlan] = useState<LobbyPlan | null>();
  const online = isOnline(connection);
  useEffect(() => {
    if (!online) return;
    let live = true;
    void bridge.request('lobby:plan', {}).then((r) => {
      if (live) setPlan(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [bridge, online]);

  const targets = [
    ...site.facilities.map((f) => ({ place: f.place, name: textIn(f.name, lang), key: f.id })),
    ...site.counters.map((c) => ({
      place: c.place,
      name: i18n.t('common.counter_number', { number: c.number }),
      key: c.id,
    })),
  ];
  const chosen = targets.find((t) => t.place === place);
  return (
    <main className="facilities">
      <h1 className="screen-heading">{i18n.t('kiosk.facilities_heading')}</h1>
      <div className="facilities-layout">
        <ul className="place-list">
          {targets.map((t) => (
            <li key={t.key}>
              <button
                type="button"
                className="place-button"
                data-place={t.place}
                aria-pressed={t.place === place}
                onClick={() => setPlace(t.place)}
              >
                {t.name}
              </button>
            </li>
          ))}
        </ul>
        <div className="map-panel">
          {plan ? (
            <LobbyMap plan={plan} target={place} targetName={chosen?.name ?? ''} />
          ) : (
            plan === null && <p className="notice notice-warn">{i18n.t('kiosk.map_unavailable')}</p>
          )}
          {!online && !plan && <p className="notice notice-warn">{i18n.t('kiosk.map_unavailable')}</p>}
          {chosen && (
            <button
              type="button"
              className="main-action"
              data-action="guide"
              onClick={() => dispatch({ type: 'go', screen: { name: 'guide', place: chosen.place } })}
            >
              {i18n.t('kiosk.guide_me')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
