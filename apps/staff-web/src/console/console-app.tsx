import {
  can,
  type BridgeInfo,
  type Permission,
  type RobotMapPlace,
  type SiteCatalogue,
} from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useEffect, useState } from 'react';
import { LoginForm } from '../shared/login-form.tsx';
import { ErrorNote } from '../shared/staff-error.tsx';
import {
  LanguageSwitch,
  pageTranslator,
  TranslatorProvider,
  useStaffLanguage,
} from '../shared/staff-i18n.tsx';
import { useStaffSocket } from '../shared/use-staff-socket.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { AuditPanel } from './audit-panel.tsx';
import { DevicesPanel } from './devices-panel.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { MissionPanel, type Pending } from './mission-panel.tsx';
import { missionLine, robotAlerts } from './robot-live.ts';
import { RobotMapView, type MapMode } from './robot-map.tsx';
import { RobotPanel } from './robot-panel.tsx';
import { useRobotLive } from './use-robot-live.ts';
import './console.css';

/**
 * Staff console: alerts, the live map with the robot, its mission and the commands, the robot's link,
 * battery and e-stop, and the site's counters. The queue panel is the counter page, linked here.
 */
export function ConsoleApp() {
  const [language, setLanguage] = useStaffLanguage();
  const [info, setInfo] = useState<BridgeInfo>();
  const [site, setSite] = useState<SiteCatalogue>();
  const { session, setSession, signOut, socket, connected, error, setError } = useStaffSocket((s) => {
    const refresh = async () => {
      const [i, c] = await Promise.all([s.emitWithAck('bridge:info', {}), s.emitWithAck('site:get', {})]);
      if (i.ok) setInfo(i.value);
      if (c.ok) setSite(c.value);
      else setError({ code: c.error.code, detail: c.error.message });
    };
    s.on('connect', () => void refresh());
    s.on('site:changed', () => void refresh());
  });
  const i18n = pageTranslator(language, site);
  const title = i18n.t('staff.console_title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  const text = (t: Parameters<typeof textIn>[0]) => textIn(t, language, site?.languages.default);
  const live = useRobotLive(socket, connected);
  const [mode, setMode] = useState<MapMode>('send');
  const [pending, setPending] = useState<Pending>();
  const [tab, setTab] = useState<'missions' | 'audit' | 'devices'>('missions');
  const { current, waiting } = missionLine(live.open);
  const placeName = (p: Pick<RobotMapPlace, 'id' | 'kind' | 'name'>) => {
    const counter = site?.counters.find((c) => c.place === p.id);
    if (counter) return text(counter.name);
    const facility = site?.facilities.find((f) => f.place === p.id);
    if (facility) return text(facility.name);
    return i18n.t('console.place', { kind: p.kind, name: p.name });
  };
  const may = (p: Permission) => (session ? can(session.who, p) : false);
  const placeById = (id: string) => {
    const p = live.map?.places.find((x) => x.id === id);
    return placeName(p ?? { id, kind: 'other', name: id });
  };

  return (
    <TranslatorProvider value={i18n}>
      {!session ? (
        <LoginForm title={title} onLogin={setSession} onLanguage={setLanguage} />
      ) : (
        <>
          <header className="bar">
            <h1>{site ? text(site.name) : title}</h1>
            <a href="/counter/" className="bar-link">
              {i18n.t('staff.counter_page')}
            </a>
            <LanguageSwitch onChange={setLanguage} />
            <span>{session.who.display_name}</span>
            <button className="secondary" onClick={signOut}>
              {i18n.t('staff.sign_out')}
            </button>
          </header>
          {!connected && <div className="banner">{i18n.t('staff.connecting')}</div>}
          <ErrorNote error={error} className="banner error" />
          <main className="console-page">
            {info && (
              <p>
                {i18n.t('staff.bridge_info', {
                  version: info.version,
                  site: info.site_id,
                  since: new Date(info.started_at),
                })}
              </p>
            )}
            {socket && (
              <AlertsPanel
                socket={socket}
                alerts={robotAlerts(live.state, live.health, current, live.failed)}
                calls={live.calls}
                placeName={placeById}
              />
            )}
            {socket && (
              <div className="console-grid">
                {live.map ? (
                  <RobotMapView
                    map={live.map}
                    state={live.state}
                    path={live.path}
                    mode={mode}
                    placeName={placeName}
                    placeBadge={(p) => site?.counters.find((c) => c.place === p.id)?.number.toString()}
                    onPlace={(p) =>
                      may('robot.move') &&
                      setPending({
                        command: mode === 'anchor' ? 'anchor' : 'send',
                        place: p.id,
                        name: placeName(p),
                      })
                    }
                    onPoint={(x, y) =>
                      may('robot.move') && setPending({ command: 'anchor', point: { x, y } })
                    }
                  />
                ) : (
                  <p className="robot-map">{live.mapError ? '—' : i18n.t('console.map_loading')}</p>
                )}
                <div className="console-side">
                  <MissionPanel
                    socket={socket}
                    state={live.state}
                    current={current}
                    waiting={waiting}
                    placeName={placeById}
                    mode={mode}
                    setMode={setMode}
                    pending={pending}
                    setPending={setPending}
                    may={may}
                  />
                  <RobotPanel socket={socket} state={live.state} may={may} />
                </div>
              </div>
            )}
            {socket && (
              <div className="console-tabs">
                <div role="tablist">
                  <button
                    role="tab"
                    aria-selected={tab === 'missions'}
                    className={tab === 'missions' ? '' : 'secondary'}
                    onClick={() => setTab('missions')}
                  >
                    {i18n.t('console.tab_missions')}
                  </button>
                  {may('audit.read') && (
                    <button
                      role="tab"
                      aria-selected={tab === 'audit'}
                      className={tab === 'audit' ? '' : 'secondary'}
                      onClick={() => setTab('audit')}
                    >
                      {i18n.t('console.tab_audit')}
                    </button>
                  )}
                  {may('admin.devices') && (
                    <button
                      role="tab"
                      aria-selected={tab === 'devices'}
                      className={tab === 'devices' ? '' : 'secondary'}
                      onClick={() => setTab('devices')}
                    >
                      {i18n.t('console.tab_devices')}
                    </button>
                  )}
                </div>
                {tab === 'devices' && may('admin.devices') ? (
                  <DevicesPanel token={session.token} />
                ) : tab === 'audit' && may('audit.read') ? (
                  <AuditPanel socket={socket} token={session.token} />
                ) : (
                  <HistoryPanel socket={socket} ended={live.ended} placeName={placeById} />
                )}
              </div>
            )}
            {site && (
              <table>
                <thead>
                  <tr>
                    <th>{i18n.t('staff.table_counter')}</th>
                    <th>{i18n.t('staff.table_name')}</th>
                    <th>{i18n.t('staff.table_procedures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {site.counters.map((c) => (
                    <tr key={c.id}>
                      <td>{c.number}</td>
                      <td>{text(c.name)}</td>
                      <td>
                        {c.services
                          .map((id) => {
                            const service = site.services.find((s) => s.id === id);
                            return service ? text(service.name) : id;
                          })
                          .join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </main>
        </>
      )}
    </TranslatorProvider>
  );
}
