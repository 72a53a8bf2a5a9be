import type {
  DisplayClientEvents,
  DisplayServerEvents,
  QueueEvent,
  QueueSnapshot,
  SiteCatalogue,
} from '@reception/protocol';
import { LANGUAGES } from '@reception/protocol';
import { callText, directionOf, textIn, translator, type Translator } from '@reception/i18n';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { io, type Socket } from 'socket.io-client';
import { syncQueue } from '../shared/queue-sync.ts';
import { RecentCall } from '../shared/recent-calls.tsx';
import { clockText } from '../shared/site-clock.ts';
import { Announcer, type Announcement } from './announcer.ts';
import { BrowserSpeech, SilentSpeech } from './browser-speech.ts';
import { Captions, useDisplayLanguages } from './display-languages.tsx';

type DisplaySocket = Socket<DisplayServerEvents, DisplayClientEvents>;
/** After these a call not yet spoken is stale: nobody should go to that counter for that ticket now. */
const LEFT_THE_COUNTER = new Set<QueueEvent['type']>([
  'ticket.transferred',
  'ticket.cancelled',
  'ticket.completed',
  'ticket.no_show',
]);
const TOKEN_KEY = 'reception.display-token';

/** Device token from `?token=` (remembered in this browser) or from an earlier visit. */
function deviceToken(): string | undefined {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) localStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? localStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** The time on the site's clock (the translator's zone), not the clock of the browser showing it. */
function Clock({ i18n }: { i18n: Translator }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <time className="clock" dateTime={now.toISOString()}>
      {clockText(i18n, now)}
    </time>
  );
}

/**
 * Lobby display: now serving per counter, the last calls and transfers, people waiting per service, each
 * call on screen in every enabled language and spoken in a few (`Announcer`), one call at a time.
 * Recovers from a snapshot after any reconnect; events fill in between.
 */
export function DisplayApp() {
  const [token] = useState(deviceToken);
  const [site, setSite] = useState<SiteCatalogue>();
  const [queue, setQueue] = useState<QueueSnapshot>();
  const [connected, setConnected] = useState(false);
  const [speaking, setSpeaking] = useState<Announcement>();
  const [flash, setFlash] = useState<string>();
  const [soundOn, setSoundOn] = useState(false);
  const [error, setError] = useState<string>();
  // Until the site is known, calls are spoken in Vietnamese only.
  const languages = useMemo<{ current: SiteCatalogue['languages'] }>(
    () => ({ current: { default: 'vi', enabled: ['vi'] } }),
    [],
  );
  const sound = useMemo(() => ({ on: false }), []);
  const announcer = useMemo(() => {
    const voice = new BrowserSpeech();
    const silent = new SilentSpeech();
    return new Announcer({
      // Sound is switched on by a click on the page (browsers allow no sound before one).
      speech: { speak: (u) => (sound.on ? voice : silent).speak(u) },
      languages: () => languages.current,
      onChange: setSpeaking,
    });
  }, [languages, sound]);

  useEffect(() => {
    if (!token) return;
    const socket: DisplaySocket = io('/display', { auth: { token }, transports: ['websocket'] });
    const loadSite = async () => {
      const r = await socket.emitWithAck('site:get', {});
      if (r.ok) {
        setSite(r.value);
        languages.current = r.value.languages;
      }
    };
    socket.on('connect', () => {
      setConnected(true);
      setError(undefined);
      void loadSite();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (e) => setError(e.message));
    socket.on('site:changed', () => void loadSite());
    syncQueue(socket, setQueue, (e: QueueEvent) => {
      if (e.ticket && LEFT_THE_COUNTER.has(e.type)) announcer.withdraw(e.ticket.number);
      if (
        (e.type === 'ticket.called' || e.type === 'ticket.recalled') &&
        e.ticket &&
        e.counter_number !== null
      ) {
        announcer.announce({
          number: e.ticket.number,
          counter: e.counter_number,
          language: e.ticket.language,
        });
        setFlash(e.ticket.id);
      }
    });
    return () => {
      socket.close();
    };
  }, [token, announcer, languages, sound]);

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(undefined), 6000);
    return () => clearTimeout(t);
  }, [flash]);

  const langs = useDisplayLanguages(site);
  const title = langs.primary.t('display.title');
  useEffect(() => {
    document.title = title;
    document.documentElement.lang = langs.primary.language;
    document.documentElement.dir = directionOf(langs.primary.language);
  }, [title, langs]);
  if (!token) {
    // No site yet (its catalogue needs the token): the setup hint in every language.
    return (
      <main className="setup">
        {LANGUAGES.map((l) => {
          const t = translator(l, 'UTC');
          return (
            <section key={l} lang={l} dir={directionOf(l)}>
              <h1>{t.t('display.title')}</h1>
              <p>{t.t('display.setup_hint', { address: '/display/?token=DEVICE_TOKEN' })}</p>
            </section>
          );
        })}
      </main>
    );
  }
  const { primary } = langs;
  const text = (t: Parameters<typeof textIn>[0]) => textIn(t, primary.language, primary.language);
  const serviceName = (id: string) => {
    const service = site?.services.find((s) => s.id === id);
    return service ? text(service.name) : id;
  };
  const open = queue?.counters.filter((c) => c.status === 'open' || c.current) ?? [];
  return (
    <div className="display" lang={primary.language} dir={directionOf(primary.language)}>
      <header>
        <h1>{site ? text(site.name) : ''}</h1>
        {!soundOn && (
          <button
            className="sound"
            onClick={() => {
              sound.on = true;
              setSoundOn(true);
              window.speechSynthesis.getVoices();
            }}
          >
            <Captions langs={langs} message="display.enable_sound" />
          </button>
        )}
        {site && <Clock i18n={primary} />}
      </header>
      {(!connected || error) && (
        <div className="offline" role="status">
          <Captions langs={langs} message="display.reconnecting" />
        </div>
      )}
      {speaking && (
        <div className="announce" role="status">
          {langs.all.map((t) => (
            <p key={t.language} lang={t.language} dir={directionOf(t.language)}>
              {callText(t.language, speaking.number, speaking.counter)}
            </p>
          ))}
        </div>
      )}
      <main>
        <section className="serving">
          <h2>
            <Captions langs={langs} message="display.now_serving" />
          </h2>
          <div className="tiles">
            {open.map((c) => (
              <div
                key={c.counter_id}
                className={`tile${c.current && c.current.id === flash ? ' flash' : ''}`}
              >
                <div className="counter">{primary.t('common.counter_number', { number: c.number })}</div>
                <div
                  className="number"
                  style={{ '--chars': (c.current?.number ?? '—').length } as CSSProperties}
                >
                  {c.current?.number ?? '—'}
                </div>
                <div className="service">
                  {c.current ? serviceName(c.current.service_id) : primary.t('display.ready')}
                </div>
              </div>
            ))}
            {open.length === 0 && (
              <p className="empty">
                <Captions langs={langs} message="display.no_counter_open" />
              </p>
            )}
          </div>
        </section>
        <aside className="recent">
          <h2>
            <Captions langs={langs} message="display.last_calls" />
          </h2>
          <ol>
            {(queue?.recent_calls ?? []).map((e) => (
              <RecentCall key={e.seq} i18n={primary} site={site} event={e} />
            ))}
          </ol>
        </aside>
      </main>
      <footer>
        {(queue?.waiting ?? []).map((w) => (
          <span key={w.service_id} className="wait">
            {primary.t('display.waiting', { service: serviceName(w.service_id), count: w.count })}
          </span>
        ))}
        {queue && queue.waiting.length === 0 && (
          <span className="wait">
            <Captions langs={langs} message="display.nobody_waiting" />
          </span>
        )}
      </footer>
    </div>
  );
}
