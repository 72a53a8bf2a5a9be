#!/usr/bin/env node
// `npm run -s sim -- --port PATH [robot-sim options]`: builds the host firmware if needed and runs it
// attached to PATH. All options are passed to robot-sim (see `--help`). The first stdout line is the
// ready event, e.g. {"event":"ready","port":"...","device":"/dev/pts/7","control":"...","boot_id":1,"pid":2}.
// SIGINT/SIGTERM/SIGHUP are forwarded; the exit code is robot-sim's.
import { spawn } from 'node:child_process';
import { buildHost, SIM_BIN, StepError, withLock } from './lib.mjs';

const args = process.argv.slice(2);
try {
  withLock(() => buildHost());
} catch (err) {
  if (err instanceof StepError) {
    console.error(`sim: ${err.message}\n${err.output}`);
    process.exit(1);
  }
  throw err;
}
const child = spawn(SIM_BIN, args, { stdio: ['ignore', 'inherit', 'inherit'] });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (child.exitCode === null) child.kill(sig);
  });
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + 1 : 1));
});
