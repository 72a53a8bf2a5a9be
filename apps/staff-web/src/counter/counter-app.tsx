import { operableCounters, type QueueSnapshot, type SiteCatalogue } from '@reception/protocol';
import { useState } from 'react';
import { LoginForm } from '../shared/login-form.tsx';
import { syncQueue } from '../shared/queue-sync.ts';
import { useStaffSocket } from '../shared/use-staff-socket.ts';
import { CounterDesk } from './counter-desk.tsx';
import { ReportPanel } from './report-panel.tsx';

export type { StaffSocket } from '../shared/use-staff-socket.ts';

/**
 * The counter page for staff at a desk: sign in, pick the desk, then call, recall, start, complete,
 * no-show, transfer or cancel tickets; a second tab shows the day's report and exports CSV.
 */
export function CounterApp() {
  const [site, setSite] = useState<SiteCatalogue>();
  const [queue, setQueue] = useState<QueueSnapshot>();
  const [tab, setTab] = useState<'desk' | 'report'>('desk');
  const [counterId, setCounterId] = useState<string>(() => localStorage.getItem('reception.counter') ?? '');
  const { session, setSession, signOut, socket, connected } = useStaffSocket((s) => {
    s.on('connect', () => {
      void s.emitWithAck('site:get', {}).then((r) => r.ok && setSite(r.value));
    });
    syncQueue(s, setQueue);
  });

  if (!session) return <LoginForm title="Counter sign-in" onLogin={setSession} />;
  // The bridge enforces the same rule; the page only hides counters this person may not operate.
  const allowed = site ? operableCounters(session.who, site) : [];
  const counter = allowed.find((c) => c.id === counterId) ?? (allowed.length === 1 ? allowed[0] : undefined);
  return (
    <>
      <header className="bar">
        <h1>{counter ? (counter.name.vi ?? counter.id) : 'Counter'}</h1>
        <nav className="tabs">
          <button className={tab === 'desk' ? 'tab active' : 'tab'} onClick={() => setTab('desk')}>
            Desk
          </button>
          <button className={tab === 'report' ? 'tab active' : 'tab'} onClick={() => setTab('report')}>
            Report
          </button>
        </nav>
        {allowed.length > 1 && (
          <select
            aria-label="Counter"
            value={counter?.id ?? ''}
            onChange={(e) => {
              setCounterId(e.target.value);
              localStorage.setItem('reception.counter', e.target.value);
            }}
          >
            <option value="">Choose a counter…</option>
            {allowed.map((c) => (
              <option key={c.id} value={c.id}>
                Counter {c.number}
              </option>
            ))}
          </select>
        )}
        <span>{session.who.display_name}</span>
        <button className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      {!connected && <div className="banner">Connecting to the bridge…</div>}
      <main className="counter-page">
        {tab === 'desk' && socket && site && queue && counter && (
          <CounterDesk socket={socket} site={site} queue={queue} counter={counter} />
        )}
        {tab === 'desk' && !counter && site && <p>Choose the counter you are sitting at.</p>}
        {tab === 'report' && socket && site && (
          <ReportPanel socket={socket} site={site} token={session.token} counterId={counter?.id} />
        )}
      </main>
    </>
  );
}
