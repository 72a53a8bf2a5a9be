import type {
  DisplayClientEvents,
  DisplayServerEvents,
  QueueEvent,
  QueueSnapshot,
  SiteCatalogue,
} from '@reception/protocol';
import { LANGUAGES } from '@reception/protocol';
import {
  Announcer,
  callText,
  directionOf,
  forwardArrow,
  textIn,
  translator,
  type Translator,
} from '@reception/i18n';
import { useEffect, useMemo, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { syncQueue } from '../shared/queue-sync.ts';
import { clockText } from '../shared/site-clock.ts';
import { Captions, useDisplayLanguages } from './display-languages.tsx';
import { chime, speakInBrowser } from './speech.ts';

type DisplaySocket = Socket<DisplayServerEvents, DisplayClientEvents>;
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
 * Lobby display: now serving per counter, the last calls, people waiting per service, and a voice
 * announcement of each call in the site's languages, one at a time. Recovers from a snapshot after any
 * reconnect; events fill in between.
 */
export function DisplayApp() {
  const [token] = useState(deviceToken);
  const [site, setSite] = useState<SiteCatalogue>();
  const [queue, setQueue] = useState<QueueSnapshot>();
  const [connected, setConnected] = useState(false);
  const [speaking, setSpeaking] = useState<{ number: string; counter: number }>();
  const [flash, setFlash] = useState<string>();
  const [soundOn, setSoundOn] = useState(false);
  const [error, setError] = useState<string>();
  const languages = useMemo(() => ({ current: [] as SiteCatalogue['languages']['enabled'] }), []);
  const sound = useMemo(() => ({ on: false }), []);
  const announcer = useMemo(
    () =>
      new Announcer(
        () => languages.current,
        async (u) => {
          if (sound.on) await speakInBrowser(u);
          else await new Promise((r) => setTimeout(r, 2500));
        },
        setSpeaking,
      ),
    [languages, sound],
  );

  useEffect(() => {
    if (!token) return;
    const socket: DisplaySocket = io('/display', { auth: { token }, transports: ['websocket'] });
    const loadSite = async () => {
      const r = await socket.emitWithAck('site:get', {});
      if (r.ok) {
        setSite(r.value);
        languages.current = r.value.languages.enabled;
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
      if (
        (e.type === 'ticket.called' || e.type === 'ticket.recalled') &&
        e.ticket &&
        e.counter_number !== null
      ) {
        if (sound.on) void chime();
        announcer.announce(e.ticket.number, e.counter_number);
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
                <div className="number">{c.current?.number ?? '—'}</div>
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
              <li key={e.seq}>
                <span className="num">{e.ticket?.number}</span>
                <span className="arrow">{forwardArrow(primary.language)}</span>
                <span>{primary.t('common.counter_number', { number: e.counter_number ?? '' })}</span>
                {e.type === 'ticket.recalled' && (
                  <span className="again">{primary.t('display.called_again')}</span>
                )}
              </li>
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
