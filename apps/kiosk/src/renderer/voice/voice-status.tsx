import { directionOf, LOCALES, type MessageKey } from '@reception/i18n';
import { useTranslator } from '../translator-context.tsx';
import { quotedWakePhrases, type Keyword } from '../../shared/voice-api.ts';
import type { MicProblem } from './mic-capture.ts';
import type { VoiceNotice, VoiceView } from './use-voice.ts';

const PROBLEM: Record<MicProblem, MessageKey> = {
  denied: 'kiosk.voice_mic_denied',
  no_microphone: 'kiosk.voice_no_microphone',
  failed: 'kiosk.voice_failed',
};

/**
 * The voice indicator: the hint to say the wake word with a live microphone level meter while the kiosk
 * waits, a large "I am listening" from the wake to the end of the request, "One moment" until the answer,
 * the refusal after an out-of-scope request, and why voice is off when the microphone is refused or
 * missing. `data-phase` and `data-response-ms` (end of speech to intent, this page) are for tests and logs.
 */
export function VoiceStatus(props: {
  view: VoiceView;
  notice: VoiceNotice | undefined;
  responseMs: number | undefined;
  /** The wake phrases the host listens for (said the same in every language); default both. */
  keywords?: readonly Keyword[] | undefined;
  /** In the top bar: icon and meter only, the text shown while active (then as a toast under the bar). */
  compact?: boolean;
}) {
  const { view, notice, responseMs, keywords, compact = false } = props;
  const i18n = useTranslator();
  const { phase } = view;
  const active = phase.phase === 'listening' || phase.phase === 'thinking' || phase.phase === 'no_speech';
  let text: string;
  switch (phase.phase) {
    case 'starting':
    case 'ready':
      text = i18n.t('kiosk.voice_hint', { keywords: quotedWakePhrases(' / ', keywords) });
      break;
    case 'listening':
      text = i18n.t('kiosk.voice_listening');
      break;
    case 'thinking':
      text = i18n.t('kiosk.voice_thinking');
      break;
    case 'no_speech':
      text = i18n.t('kiosk.voice_no_speech');
      break;
    case 'unavailable':
      text = i18n.t(PROBLEM[phase.problem]);
      break;
    default: {
      const never: never = phase;
      return never;
    }
  }
  return (
    <div
      className={`voice-status${compact ? ' voice-compact' : ''}${active || notice ? ' voice-active' : ''}`}
      data-phase={phase.phase}
      data-problem={phase.phase === 'unavailable' ? phase.problem : undefined}
      lang={LOCALES[i18n.language]}
      dir={directionOf(i18n.language)}
      data-response-ms={
        responseMs === undefined || Number.isNaN(responseMs) ? undefined : Math.round(responseMs)
      }
      role="status"
      aria-live="polite"
    >
      <MicIcon off={phase.phase === 'unavailable'} />
      <span className={compact && !active ? 'voice-text visually-hidden' : 'voice-text'}>{text}</span>
      {phase.phase !== 'unavailable' && <LevelMeter level={view.level} />}
      {notice && !active && (
        <p className="voice-notice" role="alert">
          {notice.text}
        </p>
      )}
    </div>
  );
}

/** A microphone, struck through when voice is off (drawn: kiosk fonts have no emoji). */
function MicIcon(props: { off: boolean }) {
  return (
    <svg className="voice-icon" viewBox="0 0 24 24" width="1.4em" height="1.4em" aria-hidden="true">
      <rect x="9" y="2" width="6" height="12" rx="3" fill="currentColor" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v4M8 22h8" fill="none" stroke="currentColor" strokeWidth="2" />
      {props.off && <path d="M3 3l18 18" stroke="currentColor" strokeWidth="2.5" />}
    </svg>
  );
}

/** The microphone's live level (RMS; full at 0.3, where speech close to the kiosk peaks). */
export function LevelMeter(props: { level: number }) {
  const i18n = useTranslator();
  return (
    <meter
      className="voice-level"
      min={0}
      max={0.3}
      value={Math.min(0.3, props.level)}
      aria-label={i18n.t('kiosk.voice_level')}
    />
  );
}
