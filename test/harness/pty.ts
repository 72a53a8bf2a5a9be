import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPtyPair } from '@reception/testkit/pty-pair';

export interface PtyPairHandle {
  /** Path of one end (a symlink to /dev/pts/N). */
  a: string;
  /** Path of the other end. */
  b: string;
  /** Kills socat (both links disappear, like an unplugged adapter) and removes the temporary folder. */
  dispose(): Promise<void>;
}

/**
 * A socat pseudo-terminal pair in a fresh temporary folder, for a bridge and a simulated robot base to talk
 * over as if over a serial cable. Uses the link layer's own `createPtyPair` so tests and the link speak of
 * the same thing.
 */
export async function makePtyPair(): Promise<PtyPairHandle> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pty-pair-'));
  try {
    const pair = await createPtyPair(path.join(dir, 'A'), path.join(dir, 'B'));
    return {
      a: pair.a,
      b: pair.b,
      dispose: async () => {
        await pair.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
