#!/usr/bin/env node
// `npm run -s sim -- --port PATH [robot-sim options]`: builds the host firmware if needed and runs it
// attached to PATH. All options are passed to robot-sim (see `--help`). The first stdout line is the
// ready event, e.g. {"event":"ready","port":"...","device":"/dev/pts/7","control":"...","boot_id":1,"pid":2}.
// SIGINT/SIGTERM/SIGHUP are forwarded; the exit code is robot-sim's.
import { spawn } from 'node:child_process';
import { buildHost, SIM_BIN, StepError, withLock } from './lib.mjs';

const args = process.argv.slice(2);
const parent = process.ppid; // captured before the (possibly long) build
try {
  withLock(() => buildHost());
} catch (err) {
  if (err instanceof StepError) {
    console.error(`sim: ${err.message}\n${err.output}`);
    process.exit(1);
  }
  throw err;
}
const child = spawn(SIM_BIN, ['--exit-with-parent', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
const stopChild = (sig) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(sig);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stopChild(sig));
// `npm run` runs us under `sh -c`; when npm is signalled the shell may die without passing it on. An
// orphaned wrapper stops the firmware itself (robot-sim also exits if this process dies).
// (process.ppid is fixed at start-up in Node, so ask whether the original parent still exists.)
const parentAlive = () => {
  try {
    process.kill(parent, 0);
    return true;
  } catch {
    return false;
  }
};
setInterval(() => {
  if (!parentAlive()) stopChild('SIGTERM');
}, 250).unref();
if (!parentAlive()) stopChild('SIGTERM');
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + 1 : 1));
});
