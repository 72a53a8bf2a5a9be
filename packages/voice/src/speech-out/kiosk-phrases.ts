import { callText, type MessageKey, type MessageValues, translator } from '@reception/i18n';
import type { Language } from '../intent/speech-intent.ts';

const LANGUAGES: readonly Language[] = ['vi', 'en', 'hi', 'ur'];

/**
 * The catalogue messages the kiosk says aloud without being asked to read a screen: the voice replies, the
 * welcome prompt, the ticket and counter lines, the robot's guidance and the idle warning, with the kind
 * of values the kiosk fills in. Several contain "xin chào", "hello" or "robot" on purpose.
 */
const SPOKEN: readonly [MessageKey, MessageValues?][] = [
  ['kiosk.voice_greeting'],
  ['kiosk.voice_use_screen'],
  ['kiosk.welcome'],
  ['kiosk.go_to_counter', { counters: '3' }],
  ['kiosk.ticket_printed'],
  ['kiosk.guide_coming'],
  ['kiosk.guide_guiding'],
  ['kiosk.robot_follow_me', { place: '3' }],
  ['kiosk.guide_finished'],
  ['kiosk.guide_refused_busy'],
  ['kiosk.idle_warning', { seconds: 10 }],
];

/**
 * A language's spoken texts as the kiosk's speaker receives them: the messages above from
 * `@reception/i18n` (so they change when the catalogue changes) and the lobby call of a ticket. Right-to-left
 * isolates are removed: they only order text on screen, the voice reads them as nothing.
 */
export function kioskSpokenTexts(lang: Language): string[] {
  const t = translator(lang, 'UTC');
  const texts = SPOKEN.map(([key, values]) => t.t(key, values));
  // The answer to a ticket asked for by voice; the procedure's name comes from the site, left out here.
  const ticket = t
    .t('kiosk.voice_ticket_answer', {
      service: '',
      number: 'KS012',
      counter: t.t('kiosk.go_to_counter', { counters: '3' }),
    })
    .replace(/^[.।۔]\s*/, '');
  return [...texts, ticket, callText(lang, 'B012', 3, true)].map((x) => x.replace(/[\u2066-\u2069]/g, ''));
}

/**
 * What the kiosk says, per language (`kioskSpokenTexts`). The self-voice test and the benchmark play these,
 * spoken by `EspeakSpeechOutput`, into the wake word engine: it must not wake on its own voice. They are
 * not in the wake word's training data.
 */
export const KIOSK_PHRASES: Record<Language, string[]> = Object.fromEntries(
  LANGUAGES.map((l) => [l, kioskSpokenTexts(l)]),
) as Record<Language, string[]>;

/** "Please use the screen", said when the speech intent is out of scope or unsure (`kiosk.voice_use_screen`). */
export const PLEASE_USE_SCREEN: Record<Language, string> = Object.fromEntries(
  LANGUAGES.map((l) => [l, translator(l, 'UTC').t('kiosk.voice_use_screen')]),
) as Record<Language, string>;
