import { translator } from '@reception/i18n';
import { languageSchema, type Language } from '@reception/protocol';
import { z } from 'zod';
import {
  keywordSchema,
  pcmSchema,
  PUSH_MAX_SAMPLES,
  quotedWakePhrases,
  VOICE_SAMPLE_RATE,
  type Keyword,
} from './voice-api.ts';

/**
 * Voice samples: the kiosk records what `wakeword:calibrate` needs to set the wake word's threshold on a
 * site (packages/voice/README.md, "Calibrating the wake word on site"), through its own microphone and
 * capture path, with each volunteer's consent. Off unless the centre's IT person starts the host with
 * `KIOSK_VOICE_SAMPLES_DIR`; the page then shows the recording screens instead of the citizen's journey, so
 * audio is never stored while the kiosk serves citizens.
 *
 * - `startVolunteer {language, consent: true}` -> a volunteer id, after the volunteer agreed on screen (the
 *   host appends the consent to `consent.jsonl`);
 * - `saveTake {volunteer, keyword, pcm}`: one utterance of a wake phrase, at most TAKE_MAX_SAMPLES of 16 kHz
 *   mono signed 16-bit little-endian samples; the host checks it (too quiet, too loud, cut off) before it
 *   keeps it as `KEYWORD/VOLUNTEER-NN.wav`;
 * - `discardTake {volunteer, keyword}`: deletes that volunteer's last take of the phrase ("record it again");
 * - `withdrawVolunteer {volunteer}`: deletes all their takes and records the withdrawal;
 * - `startLobby {}`, `pushLobby {recording, pcm}`, `stopLobby {recording}`: the lobby without the phrases,
 *   in `lobby/` files of at most an hour (`wakeword:calibrate` reads each file whole);
 * - `samplesStatus {}`: how much there is, against what calibration needs, and the command to run.
 */

/** Longest take: 3 s (`site_windows.py` refuses longer clips; a wake phrase takes 1-2 s). */
export const TAKE_MAX_SAMPLES = 3 * VOICE_SAMPLE_RATE;
/** Takes of each phrase a volunteer is asked for: short enough for anyone, many people matter more. */
export const TAKES_PER_KEYWORD = 5;
/** What `wakeword:calibrate` asks for by default (`--min-clips`, `--min-background-hours`). */
export const MIN_TAKES = 20;
export const MIN_LOBBY_HOURS = 1;
/** A lobby recording is cut into files of this length. */
export const LOBBY_FILE_SECONDS = 3600;

/** The wake phrases the kiosk listens for, as the consent and the lobby screen name them. */
export const wakePhrases = (keywords?: readonly Keyword[]): string => quotedWakePhrases(', ', keywords);

/**
 * What a volunteer agrees to, word for word, in their language: shown on the consent screen and kept
 * with their consent in `consent.jsonl`. It names the phrases the kiosk listens for (default both).
 */
export function consentText(language: Language, keywords?: readonly Keyword[]): string {
  return translator(language, 'UTC').t('kiosk.samples_consent_body', {
    phrases: wakePhrases(keywords),
    takes: TAKES_PER_KEYWORD,
  });
}

export const volunteerSchema = z.string().regex(/^v[0-9a-z]{8}$/, 'a volunteer id from startVolunteer');
const recordingSchema = z.string().min(8).max(64);

export const startVolunteerRequestSchema = z
  .object({ language: languageSchema, consent: z.literal(true) })
  .strict();
export const saveTakeRequestSchema = z
  .object({ volunteer: volunteerSchema, keyword: keywordSchema, pcm: pcmSchema(TAKE_MAX_SAMPLES) })
  .strict();
export const discardTakeRequestSchema = z
  .object({ volunteer: volunteerSchema, keyword: keywordSchema })
  .strict();
export const withdrawVolunteerRequestSchema = z.object({ volunteer: volunteerSchema }).strict();
export const pushLobbyRequestSchema = z
  .object({ recording: recordingSchema, pcm: pcmSchema(PUSH_MAX_SAMPLES) })
  .strict();
export const stopLobbyRequestSchema = z.object({ recording: recordingSchema }).strict();

/** Why a take was not kept (each has its own advice on screen, in the volunteer's language). */
export const TAKE_PROBLEMS = ['too_short', 'too_quiet', 'too_loud', 'cut_off'] as const;
export type TakeProblem = (typeof TAKE_PROBLEMS)[number];

export type SaveTakeOutcome =
  | {
      saved: true;
      /** Relative to the samples folder. */ file: string;
      /** This volunteer's takes of it. */ count: number;
    }
  | { saved: false; problem: TakeProblem };

export interface SamplesStatus {
  /** The samples folder on the kiosk. */
  folder: string;
  takes: Record<Keyword, number>;
  /** Volunteers with at least one take kept. */
  volunteers: number;
  lobbySeconds: number;
  minTakes: number;
  minLobbyHours: number;
  takesPerKeyword: number;
  /** The `wakeword:calibrate` command for this folder. */
  command: string;
  /** Where that command writes the calibration, for KIOSK_WAKE_CALIBRATION. */
  calibrationFile: string;
}

export interface LobbyOutcome {
  /** Seconds recorded in this recording. */
  seconds: number;
  /** Files written, relative to the samples folder. */
  files: string[];
}
