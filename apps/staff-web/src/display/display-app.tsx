import type {
  DisplayClientEvents,
  DisplayServerEvents,
  Language,
  QueueEvent,
  QueueSnapshot,
  SiteCatalogue,
} from '@reception/protocol';
import { useEffect, useMemo, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { Announcer, callText } from '@reception/i18n';
import { syncQueue } from '../shared/queue-sync.ts';
import { chime, speakInBrowser } from './speech.ts';

type DisplaySocket = Socket<DisplayServerEvents, DisplayClientEvents>;
const TOKEN_KEY = 'reception.display-token';

/** Device token from `?token=` (remembered in this browser) or from an earlier visit. */
function deviceToken(): string | undefined {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) localStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? localStorage.getItem(TOKEN_KEY) ?? undefined;
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <span className="clock">{now.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })}</span>
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
  const languages = useMemo(() => ({ current: [] as Language[] }), []);
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

  if (!token) {
    return (
      <main className="setup">
        <h1>Lobby display</h1>
        <p>
          Open this page as <code>/display/?token=DEVICE_TOKEN</code> with a display token of this centre.
        </p>
      </main>
    );
  }
  const lang = site?.languages.default ?? 'vi';
  const serviceName = (id: string) => site?.services.find((s) => s.id === id)?.name[lang] ?? id;
  const open = queue?.counters.filter((c) => c.status === 'open' || c.current) ?? [];
  return (
    <div className="display">
      <header>
        <h1>{site?.name[lang] ?? ''}</h1>
        {!soundOn && (
          <button
            className="sound"
            onClick={() => {
              sound.on = true;
              setSoundOn(true);
              window.speechSynthesis.getVoices();
            }}
          >
            Bật âm thanh / Enable sound
          </button>
        )}
        <Clock />
      </header>
      {(!connected || error) && <div className="offline">Mất kết nối, đang kết nối lại… / Reconnecting…</div>}
      {speaking && (
        <div className="announce" role="status">
          {(site?.languages.enabled ?? ['vi']).slice(0, 2).map((l) => (
            <p key={l} lang={l}>
              {callText(l, speaking.number, speaking.counter)}
            </p>
          ))}
        </div>
      )}
      <main>
        <section className="serving">
          <h2>
            Đang phục vụ <small>Now serving</small>
          </h2>
          <div className="tiles">
            {open.map((c) => (
              <div
                key={c.counter_id}
                className={`tile${c.current && c.current.id === flash ? ' flash' : ''}`}
              >
                <div className="counter">
                  Quầy <b>{c.number}</b>
                </div>
                <div className="number">{c.current?.number ?? '—'}</div>
                <div className="service">
                  {c.current ? serviceName(c.current.service_id) : 'Sẵn sàng / Ready'}
                </div>
              </div>
            ))}
            {open.length === 0 && <p className="empty">Chưa có quầy nào mở / No counter open yet</p>}
          </div>
        </section>
        <aside className="recent">
          <h2>
            Vừa gọi <small>Last calls</small>
          </h2>
          <ol>
            {(queue?.recent_calls ?? []).map((e) => (
              <li key={e.seq}>
                <span className="num">{e.ticket?.number}</span>
                <span className="arrow">→</span>
                <span>Quầy {e.counter_number}</span>
                {e.type === 'ticket.recalled' && <span className="again">gọi lại</span>}
              </li>
            ))}
          </ol>
        </aside>
      </main>
      <footer>
        {(queue?.waiting ?? []).map((w) => (
          <span key={w.service_id} className="wait">
            {serviceName(w.service_id)}: <b>{w.count}</b> đang chờ
          </span>
        ))}
        {queue && queue.waiting.length === 0 && (
          <span className="wait">Không có ai đang chờ / Nobody waiting</span>
        )}
      </footer>
    </div>
  );
}
