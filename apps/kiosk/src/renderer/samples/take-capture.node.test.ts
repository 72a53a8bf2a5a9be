import { describe, expect, it } from 'vitest';
import { TakeCapture, type TakeProgress } from './take-capture.ts';

const FRAME = 640;

/** A 40 ms frame of a 300 Hz tone at `amp` of full scale (0: silence), and its RMS. */
function frame(amp: number): [Int16Array, number] {
  const f = new Int16Array(FRAME);
  for (let i = 0; i < FRAME; i++) f[i] = Math.round(amp * 32767 * Math.sin((2 * Math.PI * 300 * i) / 16000));
  return [f, amp / Math.SQRT2];
}

function feed(cap: TakeCapture, amps: number[]): TakeProgress[] {
  return amps.map((a) => cap.push(...frame(a)));
}

const quiet = (n: number) => Array<number>(n).fill(0.002);
const loud = (n: number) => Array<number>(n).fill(0.2);

describe('TakeCapture', () => {
  it('keeps the phrase with its pre-roll and the quiet after it', () => {
    const cap = new TakeCapture();
    feed(cap, quiet(30)); // the room, before the take
    cap.arm();
    const out = feed(cap, [...quiet(10), ...loud(30), ...quiet(20)]);
    const done = out.find((p) => p.state === 'done');
    expect(done?.state).toBe('done');
    if (done?.state !== 'done') return;
    // 8 pre-roll frames + 30 loud + 15 quiet that end it.
    expect(done.pcm.length).toBe((8 + 30 + 15) * FRAME);
    expect(done.capped).toBe(false);
    expect(out.indexOf(done)).toBe(10 + 30 + 14);
    // The first pre-roll sample is quiet, the phrase starts after it.
    expect(Math.abs(done.pcm[0] ?? 1)).toBeLessThan(100);
  });

  it('stops at the 3 s cap and says the voice was still going', () => {
    const cap = new TakeCapture();
    feed(cap, quiet(30));
    cap.arm();
    const out = feed(cap, loud(100));
    const done = out.find((p) => p.state === 'done');
    expect(done).toMatchObject({ state: 'done', capped: true });
    if (done?.state === 'done') expect(done.pcm.length).toBe(48000);
  });

  it('gives up when nobody speaks, and ignores sound before it was armed', () => {
    const cap = new TakeCapture({ waitFrames: 20 });
    expect(feed(cap, loud(5)).every((p) => p.state === 'waiting')).toBe(true);
    feed(cap, quiet(30));
    cap.arm();
    const out = feed(cap, quiet(20));
    expect(out.at(-1)).toEqual({ state: 'no_speech' });
  });

  it('sets the onset by the room: a steady hum three times the default is not a voice', () => {
    const cap = new TakeCapture({ waitFrames: 40 });
    feed(cap, Array<number>(30).fill(0.03)); // fan noise at -33 dBFS
    cap.arm();
    expect(feed(cap, Array<number>(10).fill(0.03)).every((p) => p.state === 'waiting')).toBe(true);
    const out = feed(cap, [...loud(20), ...Array<number>(20).fill(0.03)]);
    expect(out.some((p) => p.state === 'done')).toBe(true);
  });
});
