import {
  empty,
  languageSchema,
  rpc,
  type Language,
  type RankedIntents,
  type Result,
  type RpcMap,
} from '@reception/protocol';
import { z } from 'zod';
import {
  listenRequestSchema,
  pushAudioRequestSchema,
  stopListeningRequestSchema,
  voiceEventSchema,
  type Keyword,
  type ListenOutcome,
} from './voice-api.ts';
import {
  discardTakeRequestSchema,
  pushLobbyRequestSchema,
  saveTakeRequestSchema,
  startVolunteerRequestSchema,
  stopLobbyRequestSchema,
  withdrawVolunteerRequestSchema,
  type LobbyOutcome,
  type SamplesStatus,
  type SaveTakeOutcome,
} from './samples-api.ts';

/**
 * The kiosk's Node side, as the renderer sees it (ARCHITECTURE.md section 2): what a web page must not do
 * itself (speak through the device's speaker now; later run the intent and speech models, own the
 * microphone pipeline and drive a locally attached printer). One contract, two thin shells:
 *
 * - Electron: the main process answers each method on its own IPC channel (`HOST_METHODS[m].channel`) and
 *   the preload exposes exactly these functions on `window.kioskHost`, never `ipcRenderer` itself.
 * - Browser mode: a small Node process (`src/host/browser-host.ts`) serves the same renderer on 127.0.0.1
 *   and answers the same methods over socket.io (namespace `/host`, one event per method), admitting only
 *   a page that presents this launch's secret from an allowed origin.
 *
 * Rules: every method takes one plain-JSON argument, validated with its zod schema by the host before
 * anything runs, and resolves with a `Result` (never throws, never hangs: the client turns silence into
 * `TIMEOUT`). Pushes from host to page are `HOST_EVENTS`, one listener function each. A new capability is a
 * new method (and a flag in `HostCapabilities`), never a generic "send"; the renderer shows a feature only
 * when `capabilities()` says the host has it, so a kiosk without speakers, models or printer still works.
 *
 * `classify {text, language}` -> `RankedIntents`: the typed search text through packages/intent's
 * `IntentClassifier`, loaded once when the host starts (the model never runs in the page).
 *
 * Voice (`voice-api.ts`): `listen`, `pushAudio`, `stopListening` and the event `voice` (wake, utterance
 * start and end, intent). The page captures the microphone and shows the level meter itself (it has the
 * samples); the host runs packages/voice's wake word, VAD and speech intent on the frames it is given.
 * `pushAudio` is the one method whose argument also carries bytes (the samples).
 *
 * Voice samples (`samples-api.ts`), only when the IT person configured a samples folder: `samplesStatus`,
 * `startVolunteer`, `saveTake`, `discardTake`, `withdrawVolunteer`, `startLobby`, `pushLobby`, `stopLobby`.
 *
 * Planned additions, designed here so they fit without a new transport:
 * - `print {ticket_id}` for a printer on the kiosk itself rather than on the bridge.
 */

/** Longest text the host will speak in one call: a whole screen read aloud fits well within it. */
export const SPEAK_MAX_CHARS = 4000;

export const speakRequestSchema = z
  .object({ text: z.string().trim().min(1).max(SPEAK_MAX_CHARS), language: languageSchema })
  .strict();
export type SpeakRequest = z.input<typeof speakRequestSchema>;

/** Longest search text the host accepts; the classifier itself answers `out_of_scope` beyond 1,000. */
export const CLASSIFY_MAX_CHARS = 2000;

/** How many "Did you mean..." candidates `classify` returns at most. */
export const CLASSIFY_CANDIDATES = 3;

export const classifyRequestSchema = z
  .object({ text: z.string().max(CLASSIFY_MAX_CHARS), language: languageSchema })
  .strict();
export type ClassifyRequest = z.input<typeof classifyRequestSchema>;

/** What the page needs to start. The device token stays on the machine: it is never in a URL. */
export interface KioskHostConfig {
  /** Origin of the bridge, e.g. `http://127.0.0.1:8080`. */
  bridgeUrl: string;
  /** Kiosk device token for the socket.io handshake. */
  token: string;
  /** Seconds without a touch before the screen warns, then resets and forgets the citizen's input. */
  idleSeconds: number;
  /** This kiosk is the robot's own screen: it follows guidance missions ("Follow me", Stop, escort). */
  robotScreen: boolean;
  /** Part of the microphone's label to prefer (KIOSK_MICROPHONE); empty: the system's default input. */
  microphone?: string;
}

/** What this host can do; the renderer hides what is false. */
export interface HostCapabilities {
  /** Speech output, with the engine's name (`espeak-ng`). Null: no read-aloud button. */
  speech: { engine: string } | null;
  /** Intent classifier for typed search; false: the search box uses the catalogue only. */
  intent: boolean;
  /** Voice: wake word, VAD and speech intent on the frames the page pushes (`listen`). */
  microphone: boolean;
  /**
   * The wake phrases configured (KIOSK_WAKE_KEYWORDS): the voice listens for them when `microphone`, and the
   * page names and records only them.
   */
  wakeKeywords: Keyword[];
  /** A printer attached to this kiosk (tickets print on the bridge's printer otherwise). */
  printer: boolean;
  /**
   * Voice samples are being collected (KIOSK_VOICE_SAMPLES_DIR): the page shows the recording screens for
   * the site's wake word calibration instead of the citizen's journey.
   */
  voiceSamples: boolean;
}

export interface SpeakOutcome {
  /** False when a later `speak` or `stopSpeaking` cut this one short. */
  finished: boolean;
}

export const HOST_METHODS = {
  getConfig: { channel: 'kiosk:get-config', rpc: rpc<KioskHostConfig>()(empty) },
  capabilities: { channel: 'kiosk:capabilities', rpc: rpc<HostCapabilities>()(empty) },
  /** Speaks in the given language; whatever was being spoken stops first. Resolves when it ends. */
  speak: { channel: 'kiosk:speak', rpc: rpc<SpeakOutcome>()(speakRequestSchema) },
  /** Silence now (screen changed, Start over, idle reset). */
  stopSpeaking: { channel: 'kiosk:stop-speaking', rpc: rpc<null>()(empty) },
  /**
   * What the citizen typed, as an intent with slots plus up to CLASSIFY_CANDIDATES in-scope runners-up.
   * `UNAVAILABLE` when this kiosk has no intent model (the page then searches the catalogue only).
   */
  classify: { channel: 'kiosk:classify', rpc: rpc<RankedIntents>()(classifyRequestSchema) },
  /** Opens a voice session (ends any other). `UNAVAILABLE` when this kiosk has no voice models. */
  listen: { channel: 'kiosk:listen', rpc: rpc<ListenOutcome>()(listenRequestSchema) },
  /** Microphone samples for the session; `NOT_FOUND` once it has ended (listen again). */
  pushAudio: { channel: 'kiosk:push-audio', rpc: rpc<null>()(pushAudioRequestSchema) },
  stopListening: { channel: 'kiosk:stop-listening', rpc: rpc<null>()(stopListeningRequestSchema) },
  /** Voice samples (`samples-api.ts`): all `UNAVAILABLE` unless `capabilities().voiceSamples`. */
  samplesStatus: { channel: 'kiosk:samples-status', rpc: rpc<SamplesStatus>()(empty) },
  startVolunteer: {
    channel: 'kiosk:start-volunteer',
    rpc: rpc<{ volunteer: string }>()(startVolunteerRequestSchema),
  },
  saveTake: { channel: 'kiosk:save-take', rpc: rpc<SaveTakeOutcome>()(saveTakeRequestSchema) },
  /** `NOT_FOUND` when the volunteer has no take of that phrase. */
  discardTake: { channel: 'kiosk:discard-take', rpc: rpc<{ count: number }>()(discardTakeRequestSchema) },
  withdrawVolunteer: {
    channel: 'kiosk:withdraw-volunteer',
    rpc: rpc<{ deleted: number }>()(withdrawVolunteerRequestSchema),
  },
  /** Starts recording the lobby (stops any recording still open). */
  startLobby: { channel: 'kiosk:start-lobby', rpc: rpc<{ recording: string }>()(empty) },
  /** `NOT_FOUND` once the recording has stopped. */
  pushLobby: { channel: 'kiosk:push-lobby', rpc: rpc<null>()(pushLobbyRequestSchema) },
  stopLobby: { channel: 'kiosk:stop-lobby', rpc: rpc<LobbyOutcome>()(stopLobbyRequestSchema) },
} as const satisfies Record<string, { channel: string; rpc: RpcMap[string] }>;

export type HostMethod = keyof typeof HOST_METHODS;
export type HostRequest<M extends HostMethod> = z.input<(typeof HOST_METHODS)[M]['rpc']['request']>;
export type HostResponse<M extends HostMethod> = Exclude<
  (typeof HOST_METHODS)[M]['rpc']['response'],
  undefined
>;

/** Pushes from host to page, with the channel each uses in Electron. */
export const HOST_EVENTS = {
  /** The speaker started or stopped, so the page can show "speaking" and a Stop button. */
  speech: { channel: 'kiosk:speech', schema: z.object({ speaking: z.boolean() }).strict() },
  /** What the voice pipeline heard (see `voice-api.ts`). */
  voice: { channel: 'kiosk:voice', schema: voiceEventSchema },
} as const;
export type HostEvent = keyof typeof HOST_EVENTS;
export type HostEventPayload<E extends HostEvent> = z.output<(typeof HOST_EVENTS)[E]['schema']>;

/** The functions exposed to the page: one per method, plus one listener per event. */
export type KioskHostApi = {
  [M in HostMethod]: (request: HostRequest<M>) => Promise<Result<HostResponse<M>>>;
} & {
  /** Listens to a host event; returns the function that stops listening. */
  on<E extends HostEvent>(event: E, listener: (payload: HostEventPayload<E>) => void): () => void;
};

/** The host side: one handler per method, given the validated request. */
export type HostHandlers = {
  [M in HostMethod]: (
    request: z.output<(typeof HOST_METHODS)[M]['rpc']['request']>,
  ) => Promise<HostResponse<M>>;
};

export type { Language };
