#!/usr/bin/env node
// `npm start`: builds what is missing, then runs the demo on embedded defaults: the simulated robot (the
// real firmware built for this machine, on a pseudo-terminal), the bridge (embedded queue, demo site) and
// the web apps it serves (kiosk in browser mode, console, counter, display). Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.BRIDGE_PORT ?? 8080);
const hostPort = Number(process.env.KIOSK_HOST_PORT ?? 8090);
const varDir = path.join(root, 'var');
mkdirSync(varDir, { recursive: true });
const children = [];
let stopping = false;

function log(msg) {
  process.stdout.write(`[start] ${msg}\n`);
}

function fail(msg) {
  process.stderr.write(`[start] ${msg}\n`);
  stop(1);
}

/** Runs a child in its own process group so Ctrl-C reaches every grandchild through us. */
function run(name, cmd, args, env = {}) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`${name} exited (${signal ?? code}); stopping the demo`);
  });
  createInterface({ input: child.stderr }).on('line', (l) => process.stderr.write(`[${name}] ${l}\n`));
  return child;
}

function waitForLine(child, name, test, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} not ready after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (process.env.DEMO_VERBOSE) process.stdout.write(`[${name}] ${line}\n`);
      if (test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const { child } of [...children].reverse()) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = setTimeout(() => {
    for (const { child } of children) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(code || 1);
  }, 8000);
  Promise.all(
    children.map(({ child }) =>
      child.exitCode !== null || child.signalCode ? null : new Promise((r) => child.once('exit', r)),
    ),
  ).then(() => {
    clearTimeout(deadline);
    log('stopped');
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/**
 * The bridge's health in words: "ok", or "degraded: robot_link (starting: the simulated robot is still
 * booting)" with each failing check's name and detail, never a bare "(degraded)".
 */
async function healthSummary() {
  try {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json());
    // The bridge says in plain words what is starting or wrong (`summary`); `ok` needs no more.
    return health.status === 'ok' ? 'healthy' : `${health.status}: ${health.summary}`;
  } catch (e) {
    return `health unknown: ${e.message}`;
  }
}

/** Runs a build step to completion (in its own process group, so Ctrl-C stops it too). */
function build(name, cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    children.push({ name, child });
    child.on('exit', (code) => {
      children.splice(
        children.findIndex((c) => c.child === child),
        1,
      );
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (exit ${code}); see the output above`));
    });
  });
}

async function main() {
  // The bridge needs no build, so it starts first and /healthz answers within seconds; it finds the robot's
  // pty by itself once the simulator is up (the link reconnects with backoff).
  const simScript = path.join(root, 'hardware/scripts/sim.mjs');
  const useSim = existsSync(simScript) && process.env.ROBOT_PORT === undefined;
  const tty = path.join(varDir, 'robot-tty');
  const env = {
    BRIDGE_PORT: String(port),
    // The kiosk page comes from the kiosk host (another origin): the bridge must accept its sockets.
    ALLOWED_ORIGINS: `app://kiosk,http://127.0.0.1:${hostPort},http://localhost:${hostPort}`,
    ...(useSim ? { ROBOT_PORT: tty } : {}),
  };
  const bridge = run(
    'bridge',
    path.join(root, 'node_modules/.bin/tsx'),
    // --demo: the demo site's public device tokens may be served on 0.0.0.0 (the bridge refuses them otherwise).
    [path.join(root, 'apps/robot-bridge/src/main.ts'), '--demo'],
    env,
  );
  await waitForLine(bridge, 'bridge', (l) => l.includes('bridge listening'), 60_000);
  const base = `http://localhost:${port}`;
  log(`bridge up (${await healthSummary()})`);
  // The kiosk's Node side (browser mode): serves the kiosk on 127.0.0.1 and speaks through espeak-ng.
  const kioskHost = run(
    'kiosk-host',
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'apps/kiosk/src/host/main.ts')],
    {
      KIOSK_BRIDGE_URL: `http://127.0.0.1:${port}`,
      KIOSK_HOST_PORT: String(hostPort),
    },
  );
  await waitForLine(kioskHost, 'kiosk-host', (l) => l.includes('kiosk host listening'), 60_000);
  process.stdout.write(
    [
      '',
      `  Kiosk (citizens):   http://127.0.0.1:${hostPort}/kiosk/   (with speech; also ${base}/kiosk/?token=demo-kiosk)`,
      `  Staff console:      ${base}/console/      (user lead / demo-admin-pass)`,
      `  Counter:            ${base}/counter/      (user counter1 / demo-counter)`,
      `  Lobby display:      ${base}/display/?token=demo-display`,
      `  Health, metrics:    ${base}/healthz  ${base}/metrics`,
      '',
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  if (process.env.START_SKIP_BUILD !== '1') {
    log('building the web apps and the firmware simulator (cached after the first run)...');
    await build('build', path.join(root, 'node_modules/.bin/turbo'), [
      'run',
      'build',
      '--output-logs=errors-only',
    ]);
    log('web apps built');
  }
  if (useSim) {
    const sim = run('robot-sim', process.execPath, [simScript, '--port', tty]);
    log(
      'bridge is degraded until the simulated robot is up: building and starting the firmware simulator...',
    );
    await waitForLine(sim, 'robot-sim', (l) => l.includes('"ready"'), 120_000);
    log(
      `simulated robot base on ${tty}; the bridge connects to it (the robot boots with its e-stop latched: reset it from the console)`,
    );
    // The link connects with backoff: give it a few seconds, then say what the bridge reports.
    for (let i = 0; i < 20; i++) {
      const summary = await healthSummary();
      if (summary === 'ok') break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  log(`demo ready (bridge ${await healthSummary()})`);
}

main().catch((e) => fail(e.message));
