#!/usr/bin/env node
// `node hardware/scripts/fuzz.mjs [--seconds 60] [--seed N]`: builds if needed, then runs the random-input
// fuzzer against the frame parser and the whole firmware (see firmware/tools/fuzz.cpp). Prints one JSON
// line; exits 1 if an invariant was violated.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildHost, HOST_BUILD, StepError, withLock } from './lib.mjs';

const args = process.argv.slice(2);
if (!args.includes('--seconds')) args.push('--seconds', '60');
try {
  withLock(() => buildHost());
} catch (err) {
  if (err instanceof StepError) {
    console.error(`fuzz: ${err.message}\n${err.output}`);
    process.exit(1);
  }
  throw err;
}
const r = spawnSync(join(HOST_BUILD, 'fuzz'), args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
