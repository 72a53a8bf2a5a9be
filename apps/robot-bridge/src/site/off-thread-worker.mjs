// Worker entry of offThread: plain JS so any host can start it (tsx, vitest, plain node), which then loads
// the TypeScript module through tsx's scoped loader and calls the named function once.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { module, fn, args } = workerData;
try {
  const loaded = await tsImport(module, import.meta.url);
  if (typeof loaded[fn] !== 'function') throw new Error(`${module} exports no function ${fn}`);
  parentPort.postMessage({ ok: true, value: await loaded[fn](...args) });
} catch (e) {
  parentPort.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
}
