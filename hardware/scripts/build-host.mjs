#!/usr/bin/env node
// The hardware package's build: host firmware + tools + golden vectors, and the STM32F4 image when the
// cross compiler exists. Quiet unless something fails. `--test` also runs the host unit tests (ctest).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildHost, buildStm32, FW, HOST_BUILD, run, StepError, withLock } from './lib.mjs';

const test = process.argv.includes('--test');
const started = Date.now();
try {
  let mcu = null;
  withLock(() => {
    buildHost();
    if (existsSync(join(FW, 'mcu', 'stm32f4', 'CMakeLists.txt'))) mcu = buildStm32();
  });
  const parts = [`host ok`, mcu ? `stm32f4 ok (flash ${mcu.flash} B, ram ${mcu.ram} B)` : 'stm32f4 skipped (no arm-none-eabi-g++)'];
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
