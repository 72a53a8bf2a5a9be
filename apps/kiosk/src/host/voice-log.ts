/**
 * The voice session's log lines (pino `msg`), read back by `wakeword:field` (wake-field-report.ts): the one
 * place their wording is kept, so that the report and the host cannot drift apart. Audio and what was
 * said are never logged: keyword, score, intent name, language and seconds of audio only.
 */
export const VOICE_LOG = {
  /** `{session, wake, rule?: {threshold (one, or one per keyword), minConsecutive, keywords, source, model}}` */
  opened: 'voice session opened',
  /** `{session, seconds}`: audio processed so far, every `progressEveryS` of it. */
  listening: 'voice listening',
  /** `{session, keyword, score}` */
  wake: 'voice wake',
  /** `{session}`: nothing was said after the wake. */
  noSpeech: 'voice no speech',
  /** `{session, intent, language, ms}` */
  intent: 'voice intent',
  /** `{session, reason, seconds}` */
  ended: 'voice session ended',
} as const;
