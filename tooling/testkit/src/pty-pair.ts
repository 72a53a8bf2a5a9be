/**
 * A pseudo-terminal pair made by socat: two symlinks that behave like the two ends of a null-modem
 * cable. Killing the pair removes both links, which is what a host sees when a USB adapter is unplugged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PtyPair {
  readonly a: string;
  readonly b: string;
  readonly process: ChildProcess;
  close(): Promise<void>;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export async function createPtyPair(a: string, b: string, timeoutMs = 5000): Promise<PtyPair> {
  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  while (!((await exists(a)) && (await exists(b)))) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`socat did not create ${a} <-> ${b}: ${stderr.trim() || 'timeout'}`);
    }
    await sleep(10);
  }
  return {
    a,
    b,
    process: child,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
