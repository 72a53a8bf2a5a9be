import { LANGUAGES, type Language } from '@reception/protocol';
import { directionOf, LOCALES, translator, type MessageKey } from '@reception/i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KioskHostApi } from '../../shared/host-api.ts';
import {
  consentText,
  TAKES_PER_KEYWORD,
  wakePhrases,
  type SamplesStatus,
  type TakeProblem,
} from '../../shared/samples-api.ts';
import { VOICE_SAMPLE_RATE, WAKE_PHRASE, type Keyword } from '../../shared/voice-api.ts';
import { applyDocumentLanguage, kioskTranslator } from '../i18n.ts';
import { TranslatorProvider, useTranslator } from '../translator-context.tsx';
import { MicCaptureError, startMicCapture, type MicProblem } from '../voice/mic-capture.ts';
import { LevelMeter } from '../voice/voice-status.tsx';
import { joinFrames, TakeCapture } from './take-capture.ts';
import { redoTarget, takeAt, takeOrder, takesInAll } from './takes-plan.ts';

const PROBLEM_KEY: Record<TakeProblem, MessageKey> = {
  too_short: 'kiosk.samples_problem_too_short',
  too_quiet: 'kiosk.samples_problem_too_quiet',
  too_loud: 'kiosk.samples_problem_too_loud',
  cut_off: 'kiosk.samples_problem_cut_off',
};

/** Frames of 40 ms sent to the host per lobby push (about half a second). */
const LOBBY_BATCH = 12;

type Screen =
  | { name: 'home' }
  | { name: 'consent' }
  | { name: 'takes'; volunteer: string }
  | { name: 'done'; volunteer: string; saved: number; deleted: boolean }
  | { name: 'lobby'; recording: string };

type FrameListener = (pcm: Int16Array<ArrayBuffer>, rms: number) => void;

/** The microphone, opened once for the whole mode: its level, its problem, and who gets its frames. */
function useMicrophone(microphone: string) {
  const [level, setLevel] = useState(0);
  const [problem, setProblem] = useState<MicProblem>();
  const listener = useRef<FrameListener>(undefined);
  useEffect(() => {
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    void startMicCapture({
      preferLabel: microphone,
      onFrame: (pcm, rms) => {
        setLevel(rms);
        listener.current?.(pcm, rms);
      },
      onEnded: () => setProblem('no_microphone'),
    }).then(
      (capture) => {
        if (stopped) void capture.stop();
        else stop = () => capture.stop();
      },
      (e: unknown) => setProblem(e instanceof MicCaptureError ? e.code : 'failed'),
    );
    return () => {
      stopped = true;
      void stop?.();
    };
  }, [microphone]);
  return { level, problem, listener };
}

/**
 * The voice-samples mode (host `KIOSK_VOICE_SAMPLES_DIR`, shared/samples-api.ts): what the centre's IT
 * person sees instead of the citizen's journey while collecting the site's recordings for the wake word
 * calibration. Home (how much there is, the command to run), a volunteer's consent, their takes of each
 * phrase, thanks (with "delete my recordings"), and the lobby recording.
 */
export function SamplesApp(props: {
  host: KioskHostApi;
  microphone: string;
  /** The phrases the kiosk listens for (capabilities): the only ones asked for and named. */
  keywords?: readonly Keyword[] | undefined;
}) {
  const { host } = props;
  const { keywords } = props;
  const order = useMemo(() => takeOrder(keywords), [keywords]);
  const [language, setLanguage] = useState<Language>('vi');
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const mic = useMicrophone(props.microphone);
  const i18n = kioskTranslator(language, undefined);
  useEffect(() => {
    applyDocumentLanguage(document, language);
    document.title = i18n.t('kiosk.samples_title');
  }, [language]);

  let body;
  switch (screen.name) {
    case 'home':
      body = (
        <Home
          host={host}
          order={order}
          onVolunteer={() => setScreen({ name: 'consent' })}
          onLobby={(recording) => setScreen({ name: 'lobby', recording })}
        />
      );
      break;
    case 'consent':
      body = (
        <Consent
          host={host}
          order={order}
          onAgreed={(volunteer) => setScreen({ name: 'takes', volunteer })}
          onDeclined={() => setScreen({ name: 'home' })}
        />
      );
      break;
    case 'takes':
      body = (
        <Takes
          host={host}
          order={order}
          volunteer={screen.volunteer}
          listener={mic.listener}
          onDone={(saved) => setScreen({ name: 'done', volunteer: screen.volunteer, saved, deleted: false })}
        />
      );
      break;
    case 'done':
      body = (
        <Done
          saved={screen.saved}
          deleted={screen.deleted}
          onDelete={async () => {
            const r = await host.withdrawVolunteer({ volunteer: screen.volunteer });
            if (r.ok) setScreen({ ...screen, saved: 0, deleted: true });
            return r.ok;
          }}
          onFinish={() => setScreen({ name: 'home' })}
        />
      );
      break;
    case 'lobby':
      body = (
        <Lobby
          host={host}
          order={order}
          recording={screen.recording}
          listener={mic.listener}
          onStopped={() => setScreen({ name: 'home' })}
        />
      );
      break;
    default: {
      const never: never = screen;
      return never;
    }
  }
  const chooser = screen.name === 'home' || screen.name === 'consent';
  return (
    <TranslatorProvider value={i18n}>
      <div className="kiosk samples" data-screen={`samples-${screen.name}`} lang={LOCALES[language]}>
        <header className="samples-bar">
          <h1 className="samples-title">{i18n.t('kiosk.samples_title')}</h1>
          <LevelMeter level={mic.level} />
        </header>
        {chooser && (
          <nav className="samples-languages" aria-label={i18n.t('kiosk.samples_language')}>
            {LANGUAGES.map((l) => (
              <button
                key={l}
                type="button"
                className="tool-button"
                lang={l}
                dir={directionOf(l)}
                aria-pressed={l === language}
                onClick={() => setLanguage(l)}
              >
                {translator(l, i18n.timeZone).t('common.language_name')}
              </button>
            ))}
          </nav>
        )}
        {mic.problem && (
          <p className="notice notice-error" role="alert" data-problem={mic.problem}>
            {i18n.t('kiosk.samples_mic_failed')}
          </p>
        )}
        {body}
      </div>
    </TranslatorProvider>
  );
}

function Home(props: {
  host: KioskHostApi;
  order: readonly Keyword[];
  onVolunteer: () => void;
  onLobby: (recording: string) => void;
}) {
  const { host } = props;
  const i18n = useTranslator();
  const [status, setStatus] = useState<SamplesStatus>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void host.samplesStatus({}).then((r) => (r.ok ? setStatus(r.value) : setFailed(true)));
  }, [host]);
  const startLobby = async () => {
    const r = await host.startLobby({});
    if (r.ok) props.onLobby(r.value.recording);
    else setFailed(true);
  };
  const enough =
    status !== undefined &&
    props.order.every((k) => status.takes[k] >= status.minTakes) &&
    status.lobbySeconds >= status.minLobbyHours * 3600;
  return (
    <main className="samples-home">
      <p>{i18n.t('kiosk.samples_intro')}</p>
      <div className="action-bar samples-actions">
        <button type="button" className="main-action" data-action="volunteer" onClick={props.onVolunteer}>
          {i18n.t('kiosk.samples_new_volunteer')}
        </button>
        <button type="button" className="second-action" data-action="lobby" onClick={() => void startLobby()}>
          {i18n.t('kiosk.samples_record_lobby')}
        </button>
      </div>
      {failed && (
        <p className="notice notice-error" role="alert">
          {i18n.t('kiosk.samples_folder_failed')}
        </p>
      )}
      {status && (
        <>
          <ul className="samples-status">
            {props.order.map((k) => (
              <li key={k} data-keyword={k} data-count={status.takes[k]}>
                {i18n.t('kiosk.samples_takes', {
                  phrase: WAKE_PHRASE[k].text,
                  count: status.takes[k],
                  min: status.minTakes,
                })}
              </li>
            ))}
            <li data-volunteers={status.volunteers}>
              {i18n.t('kiosk.samples_volunteers', { count: status.volunteers })}
            </li>
            <li data-lobby-seconds={status.lobbySeconds}>
              {i18n.t('kiosk.samples_lobby_progress', {
                minutes: Math.floor(status.lobbySeconds / 60),
                needed: status.minLobbyHours * 60,
              })}
            </li>
          </ul>
          <p>{i18n.t(enough ? 'kiosk.samples_enough' : 'kiosk.samples_not_enough')}</p>
          <pre className="samples-command" dir="ltr" lang="en">
            <code>{status.command}</code>
          </pre>
          <p>
            {i18n.t('kiosk.samples_then', {
              setting: `KIOSK_WAKE_CALIBRATION=${status.calibrationFile}`,
              off: 'KIOSK_VOICE_SAMPLES_DIR',
            })}
          </p>
        </>
      )}
    </main>
  );
}

function Consent(props: {
  host: KioskHostApi;
  order: readonly Keyword[];
  onAgreed: (volunteer: string) => void;
  onDeclined: () => void;
}) {
  const i18n = useTranslator();
  const [failed, setFailed] = useState(false);
  const agree = async () => {
    const r = await props.host.startVolunteer({ language: i18n.language, consent: true });
    if (r.ok) props.onAgreed(r.value.volunteer);
    else setFailed(true);
  };
  return (
    <main className="samples-consent">
      <h2 className="screen-heading">{i18n.t('kiosk.samples_consent_title')}</h2>
      <p className="samples-consent-body">{consentText(i18n.language, props.order)}</p>
      {failed && (
        <p className="notice notice-error" role="alert">
          {i18n.t('kiosk.samples_save_failed')}
        </p>
      )}
      <div className="action-bar">
        <button type="button" className="main-action" data-action="agree" onClick={() => void agree()}>
          {i18n.t('kiosk.samples_agree')}
        </button>
        <button type="button" className="second-action" data-action="decline" onClick={props.onDeclined}>
          {i18n.t('kiosk.samples_decline')}
        </button>
      </div>
    </main>
  );
}

type TakePhase =
  | { phase: 'ready' }
  | { phase: 'listening' }
  | { phase: 'recording' }
  | { phase: 'checking' }
  | { phase: 'saved' }
  | { phase: 'problem'; problem: TakeProblem }
  | { phase: 'failed' };

const READY_MS = 1200;
const SAVED_MS = 900;
const PROBLEM_MS = 4500;

/** The takes: each phrase TAKES_PER_KEYWORD times, cut by level (take-capture.ts), checked by the host. */
function Takes(props: {
  host: KioskHostApi;
  order: readonly Keyword[];
  volunteer: string;
  listener: React.RefObject<FrameListener | undefined>;
  onDone: (saved: number) => void;
}) {
  const { host, volunteer, listener, order } = props;
  const i18n = useTranslator();
  const [index, setIndex] = useState(0); // over order x TAKES_PER_KEYWORD
  const [phase, setPhase] = useState<TakePhase>({ phase: 'ready' });
  const saved = useRef(0);
  const capture = useRef(new TakeCapture());
  const { keyword, n } = takeAt(index, order);
  // The parent re-renders at every microphone frame (its level meter): its callback is read, not watched.
  const onDone = useRef(props.onDone);
  onDone.current = props.onDone;
  const keywordRef = useRef(keyword);
  keywordRef.current = keyword;

  const finish = useCallback(() => {
    listener.current = undefined;
    onDone.current(saved.current);
  }, [listener]);

  // Frames go to the capture all the time (it follows the room's level); the take starts when armed.
  useEffect(() => {
    const cap = capture.current;
    listener.current = (pcm, rms) => {
      const p = cap.push(pcm, rms);
      if (p.state === 'recording') setPhase((s) => (s.phase === 'listening' ? { phase: 'recording' } : s));
      else if (p.state === 'no_speech') setPhase({ phase: 'problem', problem: 'too_quiet' });
      else if (p.state === 'done') {
        setPhase({ phase: 'checking' });
        void host
          .saveTake({ volunteer, keyword: keywordRef.current, pcm: new Uint8Array(p.pcm.buffer) })
          .then((r) => {
            if (!r.ok) setPhase({ phase: 'failed' });
            else if (r.value.saved) {
              saved.current++;
              setPhase({ phase: 'saved' });
            } else setPhase({ phase: 'problem', problem: r.value.problem });
          });
      }
    };
    return () => {
      cap.disarm();
      listener.current = undefined;
    };
  }, [host, volunteer, listener]);

  // The pace of the takes: ready -> listening (armed) ... saved -> next, problem -> the same again.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    switch (phase.phase) {
      case 'ready':
        timer = setTimeout(() => {
          capture.current.arm();
          setPhase({ phase: 'listening' });
        }, READY_MS);
        break;
      case 'saved':
        timer = setTimeout(() => {
          if (index + 1 >= takesInAll(order)) finish();
          else {
            setIndex(index + 1);
            setPhase({ phase: 'ready' });
          }
        }, SAVED_MS);
        break;
      case 'problem':
        timer = setTimeout(() => setPhase({ phase: 'ready' }), PROBLEM_MS);
        break;
      default:
        break;
    }
    return () => clearTimeout(timer);
  }, [phase, index, finish]);

  const redo = async () => {
    const target = redoTarget(index, phase.phase === 'saved', order);
    if (!target) return;
    capture.current.disarm();
    const r = await host.discardTake({ volunteer, keyword: target.keyword });
    if (r.ok) saved.current = Math.max(0, saved.current - 1);
    setIndex(target.index);
    setPhase({ phase: 'ready' });
  };

  let line: string;
  switch (phase.phase) {
    case 'ready':
    case 'checking':
      line = i18n.t('kiosk.samples_get_ready');
      break;
    case 'listening':
    case 'recording':
      line = i18n.t('kiosk.samples_speak_now');
      break;
    case 'saved':
      line = i18n.t('kiosk.samples_saved');
      break;
    case 'problem':
      line = i18n.t(PROBLEM_KEY[phase.problem]);
      break;
    case 'failed':
      line = i18n.t('kiosk.samples_save_failed');
      break;
    default: {
      const never: never = phase;
      return never;
    }
  }
  const phrase = WAKE_PHRASE[keyword];
  return (
    <main className="samples-takes" data-keyword={keyword} data-take={n} data-phase={phase.phase}>
      <p className="samples-count">{i18n.t('kiosk.samples_take_count', { n, total: TAKES_PER_KEYWORD })}</p>
      <p className="samples-say">{i18n.t('kiosk.samples_say')}</p>
      <p className="samples-phrase" lang={phrase.lang} dir="ltr">
        {phrase.text}
      </p>
      <p
        className={`samples-phase${phase.phase === 'problem' || phase.phase === 'failed' ? ' notice' : ''}`}
        role="status"
        aria-live="polite"
        data-problem={phase.phase === 'problem' ? phase.problem : undefined}
      >
        {(phase.phase === 'listening' || phase.phase === 'recording') && (
          <span className="samples-dot" aria-hidden="true" />
        )}
        {line}
      </p>
      <div className="action-bar">
        <button
          type="button"
          className="second-action"
          data-action="redo"
          disabled={(index === 0 && phase.phase !== 'saved') || phase.phase === 'checking'}
          onClick={() => void redo()}
        >
          {i18n.t('kiosk.samples_redo')}
        </button>
        <button
          type="button"
          className="second-action"
          data-action="stop"
          disabled={phase.phase === 'checking'}
          onClick={finish}
        >
          {i18n.t('kiosk.samples_stop')}
        </button>
      </div>
    </main>
  );
}

function Done(props: {
  saved: number;
  deleted: boolean;
  /** False when the takes could not be deleted (the screen says so; the IT person can delete the files). */
  onDelete: () => Promise<boolean>;
  onFinish: () => void;
}) {
  const i18n = useTranslator();
  const [failed, setFailed] = useState(false);
  return (
    <main className="samples-done">
      <h2 className="screen-heading">{i18n.t('kiosk.samples_done_title')}</h2>
      <p role="status">
        {props.deleted
          ? i18n.t('kiosk.samples_deleted')
          : i18n.t('kiosk.samples_done_body', { count: props.saved })}
      </p>
      {failed && (
        <p className="notice notice-error" role="alert">
          {i18n.t('kiosk.samples_delete_failed')}
        </p>
      )}
      <div className="action-bar">
        <button type="button" className="main-action" data-action="finish" onClick={props.onFinish}>
          {i18n.t('kiosk.samples_finish')}
        </button>
        {!props.deleted && props.saved > 0 && (
          <button
            type="button"
            className="second-action"
            data-action="delete"
            onClick={() => void props.onDelete().then((ok) => setFailed(!ok))}
          >
            {i18n.t('kiosk.samples_delete_mine')}
          </button>
        )}
      </div>
    </main>
  );
}

function Lobby(props: {
  host: KioskHostApi;
  order: readonly Keyword[];
  recording: string;
  listener: React.RefObject<FrameListener | undefined>;
  onStopped: () => void;
}) {
  const { host, recording, listener } = props;
  const i18n = useTranslator();
  const [seconds, setSeconds] = useState(0);
  const [failed, setFailed] = useState(false);
  const batch = useRef<Int16Array[]>([]);
  const broken = useRef(false);
  /** Sends the frames held so far (in order: the host appends pushes one after another). */
  const send = useCallback(async () => {
    const frames = batch.current;
    batch.current = [];
    if (frames.length === 0 || broken.current) return;
    const r = await host.pushLobby({ recording, pcm: new Uint8Array(joinFrames(frames).buffer) });
    if (!r.ok) {
      broken.current = true;
      setFailed(true);
    }
  }, [host, recording]);
  useEffect(() => {
    let total = 0;
    listener.current = (pcm) => {
      batch.current.push(pcm);
      total += pcm.length;
      if (batch.current.length < LOBBY_BATCH) return;
      setSeconds(Math.floor(total / VOICE_SAMPLE_RATE));
      void send();
    };
    return () => {
      listener.current = undefined;
    };
  }, [listener, send]);
  const stop = async () => {
    listener.current = undefined;
    await send(); // the last half second, too
    await host.stopLobby({ recording });
    props.onStopped();
  };
  const clock = `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(
    seconds % 60,
  ).padStart(2, '0')}`;
  return (
    <main className="samples-lobby" data-seconds={seconds}>
      <h2 className="screen-heading">
        <span className="samples-dot" aria-hidden="true" /> {i18n.t('kiosk.samples_lobby_title')}
      </h2>
      <p>{i18n.t('kiosk.samples_lobby_body', { phrases: wakePhrases(props.order) })}</p>
      <p className="samples-clock" dir="ltr">
        {clock}
      </p>
      <p role="status">{i18n.t('kiosk.samples_lobby_elapsed', { minutes: Math.floor(seconds / 60) })}</p>
      {failed && (
        <p className="notice notice-error" role="alert">
          {i18n.t('kiosk.samples_save_failed')}
        </p>
      )}
      <div className="action-bar">
        <button type="button" className="main-action" data-action="stop-lobby" onClick={() => void stop()}>
          {i18n.t('kiosk.samples_lobby_stop')}
        </button>
      </div>
    </main>
  );
}
