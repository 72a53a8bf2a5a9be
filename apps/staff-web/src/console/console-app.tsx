import type { BridgeInfo, SiteCatalogue } from '@reception/protocol';
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
import { RobotPanel } from './robot-panel.tsx';

/**
 * Staff console: who is signed in, the bridge and the site at a glance. The live robot map and robot
 * controls join this page with the missions feature; the queue panel is the counter page, linked here.
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
            {socket && <RobotPanel socket={socket} connected={connected} />}
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
