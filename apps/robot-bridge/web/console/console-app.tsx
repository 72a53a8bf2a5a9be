import type { BridgeInfo, SiteCatalogue, StaffClientEvents, StaffServerEvents } from '@reception/protocol';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { LoginForm } from '../shared/login-form.tsx';
import { RobotPanel } from './robot-panel.tsx';
import { clearSession, loadSession, type StaffSession } from '../shared/staff-session.ts';

type StaffSocket = Socket<StaffServerEvents, StaffClientEvents>;

/**
 * Staff console: who is signed in, the bridge and the site at a glance. The live robot map and robot
 * controls join this page with the missions feature; the queue panel is the counter page, linked here.
 */
export function ConsoleApp() {
  const [session, setSession] = useState<StaffSession | undefined>(loadSession);
  const [connected, setConnected] = useState(false);
  const [info, setInfo] = useState<BridgeInfo>();
  const [site, setSite] = useState<SiteCatalogue>();
  const [error, setError] = useState<string>();
  const [socket, setSocket] = useState<StaffSocket>();

  useEffect(() => {
    if (!session) return;
    const socket: StaffSocket = io('/staff', { auth: { token: session.token }, transports: ['websocket'] });
    setSocket(socket);
    const refresh = async () => {
      const [i, s] = await Promise.all([
        socket.emitWithAck('bridge:info', {}),
        socket.emitWithAck('site:get', {}),
      ]);
      if (i.ok) setInfo(i.value);
      if (s.ok) setSite(s.value);
      if (!s.ok) setError(s.error.message);
    };
    socket.on('connect', () => {
      setConnected(true);
      void refresh();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (e) => {
      if (e.message === 'UNAUTHORIZED') {
        clearSession();
        setSession(undefined);
      } else setError(e.message);
    });
    socket.on('site:changed', () => void refresh());
    return () => {
      socket.close();
      setSocket(undefined);
    };
  }, [session]);

  if (!session) return <LoginForm title="Staff console" onLogin={setSession} />;
  return (
    <>
      <header className="bar">
        <h1>{site?.name.en ?? 'Staff console'}</h1>
        <a href="/counter/" style={{ color: '#fff' }}>
          Counter
        </a>
        <span>{session.who.display_name}</span>
        <button
          className="secondary"
          onClick={() => {
            clearSession();
            setSession(undefined);
          }}
        >
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
