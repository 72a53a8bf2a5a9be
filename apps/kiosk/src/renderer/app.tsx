import { LANGUAGES, type Language, type SiteCatalogue } from '@reception/protocol';
import { LOCALES, textIn } from '@reception/i18n';
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import type { HostCapabilities, KioskHostApi } from '../shared/host-api.ts';
import type { BridgeClient, ConnectionState } from './bridge-client.ts';
import { BridgeProvider } from './bridge-context.tsx';
import { loadCachedCatalogue, saveCatalogue } from './catalogue-cache.ts';
import { ConnectionBanner } from './connection-banner.tsx';
import { applyDocumentLanguage, kioskTranslator } from './i18n.ts';
import { IdleWarning } from './idle-warning.tsx';
import { KioskProvider } from './kiosk-context.tsx';
import { currentScreen, initialState, isPristine, kioskReducer } from './kiosk-state.ts';
import { RobotScreen, useRobotMission } from './robot-screen.tsx';
import { ScreenBody } from './screen-body.tsx';
import { TopBar } from './top-bar.tsx';
import { TranslatorProvider } from './translator-context.tsx';
import { useIdleReset } from './use-idle.ts';
import { useVoice, useVoiceAnswers } from './voice/use-voice.ts';
import { VoiceStatus } from './voice/voice-status.tsx';
import { WelcomeScreen } from './welcome-screen.tsx';

/**
 * The site catalogue: fetched on every (re)connection and whenever the bridge says it changed, kept in
 * local storage, and read from there while the bridge is out of reach (offline browsing).
 */
function useCatalogue(client: BridgeClient, connection: ConnectionState) {
  const [site, setSite] = useState<SiteCatalogue | undefined>(() => loadCachedCatalogue(localStorage)?.site);
  const load = useCallback(() => {
    void client.request('site:get', {}).then((r) => {
      if (r.ok) {
        setSite(r.value);
        saveCatalogue(localStorage, r.value);
      } else console.warn(`site:get failed: ${r.error.code} ${r.error.message}`);
    });
  }, [client]);
  useEffect(() => {
    if (connection === 'connected') load();
  }, [connection, load]);
  useEffect(() => client.onBroadcast('site:changed', load), [client, load]);
  return site;
}

/** Whether the host's speaker is speaking now (for the read-aloud button's Stop). */
function useSpeaking(host: KioskHostApi | undefined): boolean {
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => host?.on('speech', ({ speaking }) => setSpeaking(speaking)), [host]);
  return speaking;
}

export function App(props: {
  client: BridgeClient;
  host: KioskHostApi | undefined;
  /** What the host can do, asked once at start (main.tsx); undefined without a host or if it did not say. */
  capabilities: HostCapabilities | undefined;
  bridgeUrl: string;
  idleSeconds: number;
  robotScreen: boolean;
  /** Part of the microphone's label to prefer (voice). */
  microphone: string;
}) {
  const { client, host, capabilities, bridgeUrl, idleSeconds, robotScreen, microphone } = props;
  // An external store, so a connection made between render and subscription is never missed.
  const connection = useSyncExternalStore(
    useCallback((onChange: () => void) => client.onState(onChange), [client]),
    () => client.state,
  );
  const site = useCatalogue(client, connection);
  const speaking = useSpeaking(host);
  const robotMission = useRobotMission(client, connection, robotScreen);
  const [state, dispatch] = useReducer(kioskReducer, undefined, () => initialState());
  const screen = currentScreen(state);

  const defaultLanguage = site?.languages.default;
  useEffect(() => {
    if (defaultLanguage) dispatch({ type: 'site-loaded', defaultLanguage });
  }, [defaultLanguage]);

  const i18n = kioskTranslator(state.language, site);
  const title = site ? textIn(site.name, state.language) : '';
  useEffect(() => {
    applyDocumentLanguage(document, state.language);
    document.documentElement.dataset.contrast = state.display.highContrast ? 'high' : 'normal';
    document.documentElement.dataset.text = state.display.largeText ? 'large' : 'normal';
    if (title) document.title = title;
  }, [state.language, state.display, title]);

  // Every change of screen starts at the top and silences whatever was being read aloud.
  const screenKey = `${state.stack.length}:${screen.name}`;
  const first = useRef(true);
  useEffect(() => {
    window.scrollTo(0, 0);
    if (first.current) first.current = false;
    else void host?.stopSpeaking({});
  }, [screenKey, host]);

  const say = useCallback(
    (text: string, language: Language) => {
      if (capabilities?.speech && text.trim()) void host?.speak({ text: text.slice(0, 4000), language });
    },
    [host, capabilities],
  );
  // Voice: what was heard becomes screens and a ticket; the answer is spoken after the screen changed.
  const answers = useVoiceAnswers({ site, state, dispatch, client, online: connection === 'connected' });
  const voice = useVoice(host, Boolean(capabilities?.microphone), microphone, answers.onIntent);
  useEffect(() => {
    if (answers.speech) say(answers.speech.text, answers.speech.language);
  }, [answers.speech]);
  const woken = voice?.phase.phase === 'listening';
  const { clearNotice } = answers;
  useEffect(() => {
    if (woken) clearNotice();
  }, [woken, clearNotice]);
  // The refusal says "please use the touch screen": the first touch (or key) takes it away at once, so it
  // never hides what the citizen reaches for.
  const noticeShown = answers.notice !== undefined;
  useEffect(() => {
    if (!noticeShown) return;
    const dismiss = () => clearNotice();
    document.addEventListener('pointerdown', dismiss, { capture: true });
    document.addEventListener('keydown', dismiss, { capture: true });
    return () => {
      document.removeEventListener('pointerdown', dismiss, { capture: true });
      document.removeEventListener('keydown', dismiss, { capture: true });
    };
  }, [noticeShown, clearNotice]);
  // A notice is in the language it was asked in ("Hello Robot" on the Vietnamese welcome screen): the hint
  // beside it is too, not half in one language and half in another.
  const noticeLanguage = answers.notice?.language;
  const voiceI18n =
    noticeLanguage && noticeLanguage !== state.language ? kioskTranslator(noticeLanguage, site) : i18n;
  const voiceStatus = (compact: boolean) =>
    voice && (
      <TranslatorProvider value={voiceI18n}>
        <VoiceStatus
          view={voice}
          notice={answers.notice}
          responseMs={answers.responseMs}
          keywords={capabilities?.wakeKeywords}
          compact={compact}
        />
      </TranslatorProvider>
    );

  const readAloud = () => {
    if (speaking) {
      void host?.stopSpeaking({});
      return;
    }
    const main = document.querySelector('main');
    say(main?.innerText ?? '', state.language);
  };

  // A guidance mission under way holds the reset off: the citizen is waiting for the robot, not gone.
  const [idleHeld, holdIdle] = useState(false);
  const idle = useIdleReset(!isPristine(state) && !idleHeld, idleSeconds, () => dispatch({ type: 'idle' }));
  const warned = idle.warning !== undefined;
  useEffect(() => {
    if (warned)
      say(
        `${i18n.t('kiosk.idle_title')} ${i18n.t('kiosk.idle_warning', { seconds: idle.warning ?? 0 })}`,
        state.language,
      );
    // Spoken once when the warning appears, not at every tick: only `warned` re-runs it.
  }, [warned]);

  const chooseLanguage = (language: (typeof LANGUAGES)[number]) => {
    dispatch({ type: 'choose-language', language });
    void client.request('session:language', { language }).then((r) => {
      if (!r.ok) console.warn(`session:language failed: ${r.error.code}`);
    });
  };

  const welcome = screen.name === 'welcome' || !site;
  return (
    <BridgeProvider value={client}>
      <TranslatorProvider value={i18n}>
        <div className="kiosk" data-screen={welcome ? 'welcome' : screen.name} lang={LOCALES[state.language]}>
          {welcome ? (
            <>
              <ConnectionBanner state={connection} hasCatalogue={site !== undefined} />
              <WelcomeScreen
                site={site}
                languages={site?.languages.enabled ?? LANGUAGES}
                connection={connection}
                host={host}
                canSpeak={Boolean(capabilities?.speech)}
                onChoose={chooseLanguage}
              />
              {voiceStatus(false)}
            </>
          ) : (
            <KioskProvider
              value={{
                state,
                dispatch,
                site,
                connection,
                host,
                capabilities,
                bridgeUrl,
                robotScreen,
                holdIdle,
              }}
            >
              <TopBar title={title} speaking={speaking} onReadAloud={readAloud} voice={voiceStatus(true)} />
              <ConnectionBanner state={connection} hasCatalogue />
              <ScreenBody screen={screen} />
            </KioskProvider>
          )}
          {idle.warning !== undefined && <IdleWarning seconds={idle.warning} onStay={idle.stay} />}
          {robotScreen && site && robotMission && (
            <RobotScreen mission={robotMission} site={site} language={state.language} client={client} />
          )}
        </div>
      </TranslatorProvider>
    </BridgeProvider>
  );
}
