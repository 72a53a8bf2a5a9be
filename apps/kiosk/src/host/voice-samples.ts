import { randomBytes, randomUUID } from 'node:crypto';
import {
  appendFile,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '@reception/protocol';
import { WAV16_HEADER_BYTES, wav16Header } from '@reception/voice/audio/wav';
import { inKeywordOrder, KEYWORDS } from '@reception/voice/wake/wake-word-engine';
import type { Logger } from 'pino';
import {
  consentText,
  LOBBY_FILE_SECONDS,
  MIN_LOBBY_HOURS,
  MIN_TAKES,
  TAKES_PER_KEYWORD,
  type LobbyOutcome,
  type SamplesStatus,
  type SaveTakeOutcome,
  type TakeProblem,
} from '../shared/samples-api.ts';
import { VOICE_SAMPLE_RATE, type Keyword } from '../shared/voice-api.ts';
import { pcm16ToFloat } from './voice-sessions.ts';

const LOBBY = 'lobby';
const CONSENT = 'consent.jsonl';
const HEADER_BYTES = WAV16_HEADER_BYTES;
/** A lobby recording nobody pushes to for this long is closed (the page went away). */
const LOBBY_IDLE_MS = 30_000;

/** `discardTake`, `pushLobby`, `stopLobby` or `saveTake` for something that is not there (any more). */
export class SampleNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}

/** 16 kHz mono 16-bit PCM WAV header for `dataBytes` of samples. */
const wavHeader = (dataBytes: number): Buffer => Buffer.from(wav16Header(dataBytes, VOICE_SAMPLE_RATE));

const FRAME = 320; // 20 ms
/** A take must hold at least this much audio. */
const MIN_TAKE_SAMPLES = Math.round(0.5 * VOICE_SAMPLE_RATE);

/**
 * Whether a take is worth keeping, from 20 ms frame levels: long enough; the loudest frame clearly over the
 * quietest tenth (the phrase stands out of the room: at least 8 dB) and over -50 dBFS; not clipped (more
 * than 0.1 % of samples at full scale); and quiet in its first and last 100 ms (a phrase running into
 * either edge was cut off: the volunteer started early or went on too long).
 */
export function assessTake(samples: Float32Array): TakeProblem | undefined {
  if (samples.length < MIN_TAKE_SAMPLES) return 'too_short';
  const levels: number[] = [];
  let clipped = 0;
  for (let at = 0; at + FRAME <= samples.length; at += FRAME) {
    let sum = 0;
    for (let i = at; i < at + FRAME; i++) {
      const v = samples[i] ?? 0;
      sum += v * v;
      if (Math.abs(v) >= 0.995) clipped++;
    }
    levels.push(Math.sqrt(sum / FRAME));
  }
  if (clipped > samples.length * 0.001) return 'too_loud';
  const sorted = [...levels].sort((a, b) => a - b);
  const floor = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
  const peak = sorted[sorted.length - 1] ?? 0;
  if (peak < 0.00316 || peak < 2.5 * Math.max(floor, 1e-6)) return 'too_quiet';
  const loud = (l: number) => l >= 0.3 * peak && l >= 2.5 * floor;
  const edge = 5; // frames: 100 ms
  if (levels.slice(0, edge).some(loud) || levels.slice(-edge).some(loud)) return 'cut_off';
  return undefined;
}

interface Lobby {
  id: string;
  file: FileHandle | undefined;
  name: string;
  /** Samples in the open file. */
  samples: number;
  total: number;
  files: string[];
  /** Pushes run one after another. */
  chain: Promise<void>;
  idle: NodeJS.Timeout | undefined;
}

/**
 * The samples folder (KIOSK_VOICE_SAMPLES_DIR), laid out as `wakeword:calibrate` reads it:
 * `xin_chao_robot/` and `hello_robot/` (one take per WAV, `VOLUNTEER-NN.wav`), `lobby/` (files of at most
 * an hour), `consent.jsonl` (who agreed or withdrew, when, in which language: no names, no audio) and a
 * README.txt for whoever finds the folder. Takes are written whole (temporary file, then rename); a lobby
 * file's header is brought up to date after every push, so a power cut loses at most the last push.
 */
export class VoiceSampleStore {
  private lobby: Lobby | undefined;

  private readonly now: () => Date;
  private readonly checkout: string | undefined;
  private readonly listen: readonly Keyword[];

  constructor(
    readonly folder: string,
    private readonly log: Logger,
    opts: {
      /** The clock (tests). */
      now?: () => Date;
      /** The checkout where `npm run -s wakeword:calibrate` runs: the printed command starts there. */
      checkout?: string;
      /** The phrases the kiosk listens for (KIOSK_WAKE_KEYWORDS): the printed command calibrates for them. */
      listen?: readonly Keyword[];
    } = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.checkout = opts.checkout;
    this.listen = inKeywordOrder(opts.listen);
  }

  async init(): Promise<void> {
    for (const sub of [...KEYWORDS, LOBBY]) await mkdir(path.join(this.folder, sub), { recursive: true });
    const readme = path.join(this.folder, 'README.txt');
    await writeFile(
      readme,
      [
        'Voice samples recorded by the reception kiosk for the wake word calibration of this site',
        '(packages/voice/README.md, "Calibrating the wake word on site").',
        '',
        'xin_chao_robot/, hello_robot/: one spoken phrase per file, VOLUNTEER-NN.wav',
        'lobby/: the lobby without the phrases, files of an hour or less',
        "consent.jsonl: each volunteer's consent (or withdrawal), time and language; no names",
        '',
        `Calibrate: ${this.command()}`,
        `Then, in the kiosk's settings (/etc/reception/kiosk.env): KIOSK_WAKE_CALIBRATION=${this.calibrationFile()}`,
        'and KIOSK_VOICE_SAMPLES_DIR commented out; restart the kiosk (systemctl restart kiosk-host kiosk-browser).',
        'Delete this folder once calibrated, unless the volunteers agreed to keep their recordings.',
        '',
      ].join('\n'),
      { flag: 'w' },
    );
  }

  command(): string {
    const q = (p: string) => (/^[\w./-]+$/.test(p) ? p : `'${p.replaceAll("'", "'\\''")}'`);
    const dir = (sub: string) => q(path.join(this.folder, sub));
    return (
      (this.checkout ? `cd ${q(this.checkout)} && ` : '') +
      'npm run -s wakeword:calibrate -- ' +
      this.listen.map((k) => `--keyword ${k}=${dir(k)} `).join('') +
      `--background ${dir(LOBBY)} ` +
      // only when the kiosk listens for fewer than both: a file without keywords is made for both
      (this.listen.length < KEYWORDS.length ? this.listen.map((k) => `--listen ${k} `).join('') : '') +
      `--out ${q(this.calibrationFile())}`
    );
  }

  calibrationFile(): string {
    return path.join(this.folder, 'wake-calibration.json');
  }

  async status(): Promise<SamplesStatus> {
    const takes = { xin_chao_robot: 0, hello_robot: 0 };
    const volunteers = new Set<string>();
    for (const k of KEYWORDS) {
      for (const name of await this.wavs(k)) {
        takes[k]++;
        volunteers.add(name.split('-')[0] ?? name);
      }
    }
    let bytes = 0;
    for (const name of await this.wavs(LOBBY)) {
      bytes += Math.max(0, (await stat(path.join(this.folder, LOBBY, name))).size - HEADER_BYTES);
    }
    return {
      folder: this.folder,
      takes,
      volunteers: volunteers.size,
      lobbySeconds: Math.floor(bytes / 2 / VOICE_SAMPLE_RATE),
      minTakes: MIN_TAKES,
      minLobbyHours: MIN_LOBBY_HOURS,
      takesPerKeyword: TAKES_PER_KEYWORD,
      command: this.command(),
      calibrationFile: this.calibrationFile(),
    };
  }

  async startVolunteer(language: Language): Promise<{ volunteer: string }> {
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
    const volunteer = `v${[...randomBytes(8)].map((b) => alphabet[b % 36]).join('')}`;
    await this.consent({ volunteer, event: 'agreed', language, text: consentText(language, this.listen) });
    this.log.info({ volunteer, language }, 'voice samples: volunteer agreed');
    return { volunteer };
  }

  async saveTake(volunteer: string, keyword: Keyword, pcm: Uint8Array): Promise<SaveTakeOutcome> {
    await this.known(volunteer);
    const problem = assessTake(pcm16ToFloat(pcm));
    if (problem) {
      this.log.info({ volunteer, keyword, problem }, 'voice samples: take not kept');
      return { saved: false, problem };
    }
    const mine = await this.takesOf(volunteer, keyword);
    const last = mine.length ? Number(mine[mine.length - 1]?.slice(volunteer.length + 1, -4)) : 0;
    const name = `${volunteer}-${String(last + 1).padStart(2, '0')}.wav`;
    const file = path.join(this.folder, keyword, name);
    const tmp = `${file}.${randomUUID()}.part`;
    await writeFile(tmp, Buffer.concat([wavHeader(pcm.byteLength), pcm]));
    await rename(tmp, file);
    this.log.info({ volunteer, keyword, file: name }, 'voice samples: take kept');
    return { saved: true, file: path.join(keyword, name), count: mine.length + 1 };
  }

  async discardTake(volunteer: string, keyword: Keyword): Promise<{ count: number }> {
    const mine = await this.takesOf(volunteer, keyword);
    const last = mine.pop();
    if (!last) throw new SampleNotFoundError(`${volunteer} has no take of ${keyword}`);
    await unlink(path.join(this.folder, keyword, last));
    return { count: mine.length };
  }

  async withdrawVolunteer(volunteer: string): Promise<{ deleted: number }> {
    await this.known(volunteer);
    let deleted = 0;
    for (const k of KEYWORDS) {
      for (const name of await this.takesOf(volunteer, k)) {
        await unlink(path.join(this.folder, k, name));
        deleted++;
      }
    }
    await this.consent({ volunteer, event: 'withdrew', deleted });
    this.log.info({ volunteer, deleted }, 'voice samples: volunteer withdrew');
    return { deleted };
  }

  async startLobby(): Promise<{ recording: string }> {
    if (this.lobby) await this.stopLobby(this.lobby.id);
    const lobby: Lobby = {
      id: randomUUID(),
      file: undefined,
      name: '',
      samples: 0,
      total: 0,
      files: [],
      chain: Promise.resolve(),
      idle: undefined,
    };
    this.lobby = lobby;
    this.touch(lobby);
    this.log.info({ recording: lobby.id }, 'voice samples: lobby recording started');
    return { recording: lobby.id };
  }

  /** Appends samples; resolves once they are on disk (and the header says so). */
  async pushLobby(recording: string, pcm: Uint8Array): Promise<void> {
    const lobby = this.lobbyOf(recording);
    this.touch(lobby);
    const bytes = Buffer.from(pcm); // a copy: the caller's buffer may be reused
    const run = lobby.chain.then(() => this.append(lobby, bytes));
    lobby.chain = run.catch(() => undefined);
    await run;
  }

  async stopLobby(recording: string): Promise<LobbyOutcome> {
    const lobby = this.lobbyOf(recording);
    this.lobby = undefined;
    clearTimeout(lobby.idle);
    await lobby.chain;
    await this.closeFile(lobby);
    const seconds = Math.floor(lobby.total / VOICE_SAMPLE_RATE);
    this.log.info({ recording, seconds, files: lobby.files }, 'voice samples: lobby recording stopped');
    return { seconds, files: lobby.files };
  }

  async close(): Promise<void> {
    if (this.lobby) await this.stopLobby(this.lobby.id);
  }

  private async append(lobby: Lobby, bytes: Buffer): Promise<void> {
    let at = 0;
    const perFile = LOBBY_FILE_SECONDS * VOICE_SAMPLE_RATE;
    while (at < bytes.length) {
      if (!lobby.file) {
        const stamp = this.now()
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d+Z$/, 'Z');
        lobby.name = path.join(LOBBY, `${stamp}-${lobby.files.length + 1}.wav`);
        lobby.file = await open(path.join(this.folder, lobby.name), 'w');
        await lobby.file.write(wavHeader(0), 0, HEADER_BYTES, 0);
        lobby.samples = 0;
        lobby.files.push(lobby.name);
      }
      const take = Math.min(bytes.length - at, (perFile - lobby.samples) * 2);
      await lobby.file.write(bytes, at, take, HEADER_BYTES + lobby.samples * 2);
      lobby.samples += take / 2;
      lobby.total += take / 2;
      at += take;
      await lobby.file.write(wavHeader(lobby.samples * 2), 0, HEADER_BYTES, 0);
      if (lobby.samples >= perFile) await this.closeFile(lobby);
    }
  }

  private async closeFile(lobby: Lobby): Promise<void> {
    const file = lobby.file;
    lobby.file = undefined;
    if (!file) return;
    await file.sync();
    await file.close();
  }

  private touch(lobby: Lobby): void {
    clearTimeout(lobby.idle);
    lobby.idle = setTimeout(() => {
      if (this.lobby !== lobby) return;
      this.log.warn({ recording: lobby.id }, 'voice samples: lobby recording idle; closed');
      void this.stopLobby(lobby.id).catch(() => undefined);
    }, LOBBY_IDLE_MS);
    lobby.idle.unref();
  }

  private lobbyOf(recording: string): Lobby {
    if (this.lobby?.id !== recording) throw new SampleNotFoundError(`no lobby recording ${recording}`);
    return this.lobby;
  }

  private async wavs(sub: string): Promise<string[]> {
    try {
      return (await readdir(path.join(this.folder, sub))).filter((n) => n.endsWith('.wav')).sort();
    } catch {
      return [];
    }
  }

  private async takesOf(volunteer: string, keyword: Keyword): Promise<string[]> {
    return (await this.wavs(keyword)).filter((n) => n.startsWith(`${volunteer}-`));
  }

  /** A volunteer who agreed (and has not withdrawn) in this folder's consent record. */
  private async known(volunteer: string): Promise<void> {
    let text = '';
    try {
      text = await readFile(path.join(this.folder, CONSENT), 'utf8');
    } catch {
      // no consent yet
    }
    let state: string | undefined;
    for (const line of text.split('\n')) {
      if (!line.includes(volunteer)) continue;
      try {
        const e = JSON.parse(line) as { volunteer?: string; event?: string };
        if (e.volunteer === volunteer) state = e.event;
      } catch {
        // a torn last line: ignored
      }
    }
    if (state !== 'agreed') throw new SampleNotFoundError(`no consent of volunteer ${volunteer}`);
  }

  private async consent(entry: Record<string, unknown>): Promise<void> {
    const line = JSON.stringify({ at: this.now().toISOString(), ...entry });
    await appendFile(path.join(this.folder, CONSENT), `${line}\n`);
  }
}
