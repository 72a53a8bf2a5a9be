import { operableCounters, type QueueSnapshot, type SiteCatalogue } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useEffect, useState } from 'react';
import { LoginForm } from '../shared/login-form.tsx';
import { syncQueue } from '../shared/queue-sync.ts';
import {
  LanguageSwitch,
  pageTranslator,
  TranslatorProvider,
  useStaffLanguage,
} from '../shared/staff-i18n.tsx';
import { useStaffSocket } from '../shared/use-staff-socket.ts';
import { CounterDesk } from './counter-desk.tsx';
import { ReportPanel } from './report-panel.tsx';

/**
 * The counter page for staff at a desk: sign in, pick the desk, then call, recall, start, complete,
 * no-show, transfer or cancel tickets; a second tab shows the day's report and exports CSV.
 */
export function CounterApp() {
  const [language, setLanguage] = useStaffLanguage();
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
  const i18n = pageTranslator(language, site);
  const pageTitle = i18n.t('staff.counter_page');
  useEffect(() => {
    document.title = pageTitle;
  }, [pageTitle]);

  if (!session) {
    return (
      <TranslatorProvider value={i18n}>
        <LoginForm title={i18n.t('staff.counter_sign_in')} onLogin={setSession} onLanguage={setLanguage} />
      </TranslatorProvider>
    );
  }
  // The bridge enforces the same rule; the page only hides counters this person may not operate.
  const allowed = site ? operableCounters(session.who, site) : [];
  const counter = allowed.find((c) => c.id === counterId) ?? (allowed.length === 1 ? allowed[0] : undefined);
  return (
    <TranslatorProvider value={i18n}>
      <header className="bar">
        <h1>{counter ? textIn(counter.name, language, site?.languages.default) : pageTitle}</h1>
        <nav className="tabs">
          <button className={tab === 'desk' ? 'tab active' : 'tab'} onClick={() => setTab('desk')}>
            {i18n.t('staff.tab_desk')}
          </button>
          <button className={tab === 'report' ? 'tab active' : 'tab'} onClick={() => setTab('report')}>
            {i18n.t('staff.tab_report')}
          </button>
        </nav>
        {allowed.length > 1 && (
          <select
            aria-label={i18n.t('staff.your_counter')}
            value={counter?.id ?? ''}
            onChange={(e) => {
              setCounterId(e.target.value);
              localStorage.setItem('reception.counter', e.target.value);
            }}
          >
            <option value="">{i18n.t('staff.choose_counter')}</option>
            {allowed.map((c) => (
              <option key={c.id} value={c.id}>
                {i18n.t('common.counter_number', { number: c.number })}
              </option>
            ))}
          </select>
        )}
        <LanguageSwitch onChange={setLanguage} />
        <span>{session.who.display_name}</span>
        <button className="secondary" onClick={signOut}>
          {i18n.t('staff.sign_out')}
        </button>
      </header>
      {!connected && <div className="banner">{i18n.t('staff.connecting')}</div>}
      <main className="counter-page">
        {tab === 'desk' && socket && site && queue && counter && (
          <CounterDesk socket={socket} site={site} queue={queue} counter={counter} />
        )}
        {tab === 'desk' && !counter && site && <p>{i18n.t('staff.choose_counter_hint')}</p>}
        {tab === 'report' && socket && site && (
          <ReportPanel socket={socket} site={site} token={session.token} counterId={counter?.id} />
        )}
      </main>
    </TranslatorProvider>
  );
}
