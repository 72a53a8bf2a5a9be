import type { BridgeInfo, SiteCatalogue } from '@reception/protocol';
import { useState } from 'react';
import { LoginForm } from '../shared/login-form.tsx';
import { useStaffSocket } from '../shared/use-staff-socket.ts';
import { RobotPanel } from './robot-panel.tsx';

/**
 * Staff console: who is signed in, the bridge and the site at a glance. The live robot map and robot
 * controls join this page with the missions feature; the queue panel is the counter page, linked here.
 */
export function ConsoleApp() {
  const [info, setInfo] = useState<BridgeInfo>();
  const [site, setSite] = useState<SiteCatalogue>();
  const { session, setSession, signOut, socket, connected, error, setError } = useStaffSocket((s) => {
    const refresh = async () => {
      const [i, c] = await Promise.all([s.emitWithAck('bridge:info', {}), s.emitWithAck('site:get', {})]);
      if (i.ok) setInfo(i.value);
      if (c.ok) setSite(c.value);
      if (!c.ok) setError(c.error.message);
    };
    s.on('connect', () => void refresh());
    s.on('site:changed', () => void refresh());
  });

  if (!session) return <LoginForm title="Staff console" onLogin={setSession} />;
  return (
    <>
      <header className="bar">
        <h1>{site?.name.en ?? 'Staff console'}</h1>
        <a href="/counter/" style={{ color: '#fff' }}>
          Counter
        </a>
        <span>{session.who.display_name}</span>
        <button className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      {!connected && <div className="banner">Connecting to the bridge…</div>}
      {error && (
        <div className="banner" role="alert">
          {error}
        </div>
      )}
      <main style={{ padding: '1rem 1.2rem', display: 'grid', gap: '1rem' }}>
        {info && (
          <p>
            Bridge {info.version} · site <code>{info.site_id}</code> · up since{' '}
            {new Date(info.started_at).toLocaleString()}
          </p>
        )}
        {socket && <RobotPanel socket={socket} connected={connected} />}
        {site && (
          <table>
            <thead>
              <tr>
                <th>Counter</th>
                <th>Name</th>
                <th>Procedures</th>
              </tr>
            </thead>
            <tbody>
              {site.counters.map((c) => (
                <tr key={c.id}>
                  <td>{c.number}</td>
                  <td>{c.name.vi}</td>
                  <td>
                    {c.services
                      .map((id) => site.services.find((s) => s.id === id)?.name.vi ?? id)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
