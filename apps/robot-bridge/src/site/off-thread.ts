import { Worker } from 'node:worker_threads';

/**
 * Calls the function `fn` exported by the TypeScript module at `module` in a worker thread of its own and
 * answers what it returns (structured-cloned); a throw there rejects here with its message. For the
 * bridge's one-off heavy work (the lobby plan's routes, the console's map image): on the event loop it
 * would hold back the robot link's heartbeats, and a base that hears none for 500 ms brakes and ends the
 * session, failing the trip under way with `link_lost`.
 */
export function offThread<T>(module: URL, fn: string, args: readonly unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('./off-thread-worker.mjs', import.meta.url), {
      workerData: { module: module.href, fn, args },
    });
    let answered = false;
    worker.once('message', (m: { ok: true; value: T } | { ok: false; message: string }) => {
      answered = true;
      if (m.ok) resolve(m.value);
      else reject(new Error(m.message));
      void worker.terminate();
    });
    worker.once('error', (e: Error) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`${fn}: worker exited (${code}) without an answer`));
    });
  });
}
