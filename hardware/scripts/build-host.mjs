#!/usr/bin/env node
// The hardware package's build: host firmware + tools + golden vectors, and the STM32F411 and ATmega2560
// images when their cross compilers exist. Quiet unless something fails. `--test` also runs the host unit tests (ctest).
import { buildHost, buildMcus, HOST_BUILD, run, StepError, withLock } from './lib.mjs';

const test = process.argv.includes('--test');
const started = Date.now();
try {
  let mcus = [];
  withLock(() => {
    buildHost();
    mcus = buildMcus();
  });
  const parts = ['host ok', ...mcus];
  if (test) {
    const out = run('ctest', 'ctest', ['--test-dir', HOST_BUILD, '--output-on-failure', '-j', '2']);
    const summary = out.split('\n').find((l) => /tests passed/.test(l));
    parts.push(summary ? summary.trim() : 'tests passed');
  }
  console.log(`hardware: ${parts.join('; ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  if (err instanceof StepError) {
    console.error(`hardware: ${err.message}\n${err.output}`);
    process.exit(1);
  }
  throw err;
}
