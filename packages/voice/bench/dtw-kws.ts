/**
 * Baseline keyword spotter: template matching by subsequence DTW on the same log-mel front end (the
 * classic pre-neural approach, as in "query by example" spotting). Templates are synthesised at bench
 * time with espeak-ng's default training voices (3 per keyword); features are cepstra c1-c12 of the
 * log-mel (gain-invariant), at 50 frames/s. Score = 1 / (1 + best length-normalised DTW cost).
 */
import { EspeakSpeechOutput } from '../src/speech-out/espeak-speech-output.ts';
import { wavTo16kMono } from '../src/audio/read-wav.ts';
import { logMel, N_MELS } from '../src/features/log-mel.ts';
import type { Language } from '../src/intent/speech-intent.ts';
import type { ScoreTrace } from '../src/wake/score-trace.ts';

const N_CEP = 12;
const DCT = ((): Float64Array => {
  const m = new Float64Array(N_CEP * N_MELS);
  for (let k = 1; k <= N_CEP; k++)
    for (let n = 0; n < N_MELS; n++) m[(k - 1) * N_MELS + n] = Math.cos((Math.PI * k * (n + 0.5)) / N_MELS);
  return m;
})();

/** Cepstra at 50 frames/s (pairs of 10 ms log-mel frames averaged), row-major [frames x N_CEP]. */
export function cepstra(samples: Float32Array): { frames: number; data: Float32Array } {
  const lm = logMel(samples);
  const frames = Math.floor(lm.frames / 2);
  const data = new Float32Array(frames * N_CEP);
  for (let f = 0; f < frames; f++) {
    for (let k = 0; k < N_CEP; k++) {
      let acc = 0;
      for (let n = 0; n < N_MELS; n++) {
        const v = ((lm.data[2 * f * N_MELS + n] ?? 0) + (lm.data[(2 * f + 1) * N_MELS + n] ?? 0)) / 2;
        acc += (DCT[k * N_MELS + n] ?? 0) * v;
      }
      data[f * N_CEP + k] = acc / N_MELS;
    }
  }
  return { frames, data };
}

function trimByEnergy(x: Float32Array): Float32Array {
  const hop = 160;
  const e: number[] = [];
  for (let i = 0; i + hop <= x.length; i += hop) {
    let s = 0;
    for (let j = i; j < i + hop; j++) s += (x[j] ?? 0) ** 2;
    e.push(s / hop);
  }
  const peak = Math.max(...e);
  const on = e.map((v) => v > peak * 1e-4);
  const a = on.indexOf(true);
  const b = on.lastIndexOf(true);
  return x.slice(Math.max(0, a) * hop, (b + 1) * hop);
}

const TEMPLATE_TEXT: { keyword: 0 | 1; text: string; lang: Language; rate: number }[] = [
  { keyword: 0, text: 'Xin chào Robot', lang: 'vi', rate: 150 },
  { keyword: 0, text: 'Xin chào Robot', lang: 'vi', rate: 175 },
  { keyword: 0, text: 'Xin chào rô bốt', lang: 'vi', rate: 200 },
  { keyword: 1, text: 'Hello Robot', lang: 'en', rate: 150 },
  { keyword: 1, text: 'Hello Robot', lang: 'en', rate: 175 },
  { keyword: 1, text: 'Hello, Robot', lang: 'en', rate: 200 },
];

interface Template {
  keyword: 0 | 1;
  frames: number;
  data: Float32Array;
}

export async function makeTemplates(): Promise<Template[]> {
  const out: Template[] = [];
  for (const t of TEMPLATE_TEXT) {
    const wav = await new EspeakSpeechOutput({ rate: t.rate }).synthesize(t.text, t.lang);
    const c = cepstra(trimByEnergy(wavTo16kMono(wav).samples));
    out.push({ keyword: t.keyword, ...c });
  }
  return out;
}

/** Subsequence DTW of every template over a stream; per-keyword score trace at 50 frames/s. */
export function dtwScores(templates: Template[], samples: Float32Array): ScoreTrace {
  const s = cepstra(samples);
  const time = new Float64Array(s.frames);
  const scores: [Float32Array, Float32Array] = [new Float32Array(s.frames), new Float32Array(s.frames)];
  const states = templates.map((t) => ({
    t,
    cost: new Float64Array(t.frames).fill(Infinity),
    len: new Float64Array(t.frames).fill(1),
    nextCost: new Float64Array(t.frames),
    nextLen: new Float64Array(t.frames).fill(1),
  }));
  for (let f = 0; f < s.frames; f++) {
    time[f] = ((2 * f + 1) * 160 + 400) / 16000;
    const best = [Infinity, Infinity];
    for (const st of states) {
      const { t, cost, len, nextCost, nextLen } = st;
      for (let j = 0; j < t.frames; j++) {
        let d = 0;
        for (let k = 0; k < N_CEP; k++) {
          const diff = (s.data[f * N_CEP + k] ?? 0) - (t.data[j * N_CEP + k] ?? 0);
          d += diff * diff;
        }
        d = Math.sqrt(d);
        if (j === 0) {
          nextCost[0] = d;
          nextLen[0] = 1;
          continue;
        }
        // predecessors: (f-1, j-1), (f-1, j), (f, j-1); keep the one with the lowest normalised cost
        let c = cost[j - 1] ?? Infinity;
        let l = len[j - 1] ?? 1;
        const c1 = cost[j] ?? Infinity;
        const l1 = len[j] ?? 1;
        if (c1 * l < c * l1) {
          c = c1;
          l = l1;
        }
        const c2 = nextCost[j - 1] ?? Infinity;
        const l2 = nextLen[j - 1] ?? 1;
        if (c2 * l < c * l2) {
          c = c2;
          l = l2;
        }
        nextCost[j] = c + d;
        nextLen[j] = l + 1;
      }
      st.cost = nextCost;
      st.len = nextLen;
      st.nextCost = cost;
      st.nextLen = len;
      const norm = (st.cost[t.frames - 1] ?? Infinity) / (st.len[t.frames - 1] ?? 1);
      if (norm < (best[t.keyword] ?? Infinity)) best[t.keyword] = norm;
    }
    scores[0][f] = 1 / (1 + (best[0] ?? Infinity));
    scores[1][f] = 1 / (1 + (best[1] ?? Infinity));
  }
  return { time, scores };
}
