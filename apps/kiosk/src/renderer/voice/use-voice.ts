import type { Language, SiteCatalogue } from '@reception/protocol';
import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import type { KioskHostApi } from '../../shared/host-api.ts';
import type { BridgeClient } from '../bridge-client.ts';
import { kioskTranslator } from '../i18n.ts';
import type { KioskAction, KioskState } from '../kiosk-state.ts';
import { uuid } from '../priority-screen.tsx';
import { ticketErrorKey } from '../receipt-text.ts';
import { planVoiceAnswer, ticketAnswer } from './voice-answer.ts';
import { VoiceLink, type HeardIntent, type VoicePhase } from './voice-link.ts';

const NOTICE_SHOWN_MS = 10_000;

export interface VoiceView {
  phase: VoicePhase;
  level: number;
}

/** The microphone and the host's voice session while `enabled`; `onIntent` gets every intent heard. */
export function useVoice(
  host: KioskHostApi | undefined,
  enabled: boolean,
  microphone: string,
  onIntent: (heard: HeardIntent) => void,
): VoiceView | undefined {
  const [view, setView] = useState<VoiceView>();
  const latest = useRef(onIntent);
  latest.current = onIntent;
  useEffect(() => {
    if (!host || !enabled) return;
    const link = new VoiceLink({ host, microphone, onIntent: (h) => latest.current(h) });
    const off = link.subscribe(() => setView({ phase: link.phase, level: link.level }));
    setView({ phase: link.phase, level: 0 });
    void link.start();
    return () => {
      off();
      void link.stop();
      setView(undefined);
    };
  }, [host, enabled, microphone]);
  return view;
}

/** A sentence for the speaker, said once the screen it belongs to is shown. */
export interface PendingSpeech {
  text: string;
  language: Language;
  id: number;
}

/** The refusal on screen after an out-of-scope request (cleared at the next wake). */
export interface VoiceNotice {
  text: string;
  language: Language;
}

/**
 * Carries out what was heard (voice-answer.ts): the screens, a ticket from the bridge when the touch
 * journey would issue one without asking, and the sentence to say. `say` is handed back rather than
 * spoken here, so the page speaks it after the screen change (which silences the speaker) has happened.
 */
export function useVoiceAnswers(deps: {
  site: SiteCatalogue | undefined;
  state: KioskState;
  dispatch: Dispatch<KioskAction>;
  client: BridgeClient;
  online: boolean;
}) {
  const [speech, setSpeech] = useState<PendingSpeech>();
  const [notice, setNotice] = useState<VoiceNotice>();
  const [responseMs, setResponseMs] = useState<number>();
  const current = useRef(deps);
  current.current = deps;
  const seq = useRef(0);
  const last = useRef<PendingSpeech>(undefined);
  const say = useCallback((text: string, language: Language) => {
    const next = { text, language, id: ++seq.current };
    last.current = next;
    setSpeech(next);
  }, []);

  const onIntent = useCallback(
    (heard: HeardIntent) => {
      const { site, state, dispatch, client, online } = current.current;
      if (!site) return;
      setResponseMs(heard.responseMs);
      setNotice(undefined);
      const translator = (l: Language) => kioskTranslator(l, site);
      const plan = planVoiceAnswer(heard, {
        site,
        tickets: state.tickets,
        online,
        now: new Date(),
        translator,
      });
      // A language chosen by speaking counts like one chosen by touch in the bridge's reports.
      const chose = (language: Language) => {
        if (language === state.language && state.stack.length > 1) return;
        void client.request('session:language', { language }).then((r) => {
          if (!r.ok) console.warn(`session:language failed: ${r.error.code}`);
        });
      };
      switch (plan.kind) {
        case 'refuse':
          setNotice({ text: plan.say, language: plan.language });
          say(plan.say, plan.language);
          return;
        case 'screens':
          chose(plan.language);
          dispatch({ type: 'voice', language: plan.language, screens: plan.screens });
          say(plan.say, plan.language);
          return;
        case 'start_over':
          dispatch({ type: 'home' });
          return;
        case 'repeat':
          if (last.current) say(last.current.text, last.current.language);
          return;
        case 'ticket': {
          const { service, language } = plan;
          chose(language);
          dispatch({ type: 'voice', language, screens: plan.screens });
          void client
            .request('ticket:issue', { service_id: service.id, idempotency_key: uuid(), language })
            .then((r) => {
              const t = translator(language);
              if (r.ok) {
                dispatch({ type: 'ticket-issued', receipt: r.value });
                say(ticketAnswer(t, service, r.value), language);
              } else {
                console.warn(`ticket:issue by voice failed: ${r.error.code} ${r.error.message}`);
                dispatch({ type: 'go', screen: { name: 'priority', serviceId: service.id } });
                say(t.t(ticketErrorKey(r.error.code)), language);
              }
            });
          return;
        }
        default: {
          const never: never = plan;
          return never;
        }
      }
    },
    [say],
  );
  const clearNotice = useCallback(() => setNotice(undefined), []);
  // The refusal stays long enough to be read, then gives the screen back.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return { onIntent, speech, notice, clearNotice, responseMs };
}
