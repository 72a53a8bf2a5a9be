import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './paths.ts';

export interface SpawnBridgeOptions {
  /** Extra environment for the bridge (SITE_DIR, ALLOWED_ORIGINS, ROBOT_PORT...). BRIDGE_PORT is forced to 0. */
  env?: Record<string, string>;
  /** How long to wait for "bridge listening" before giving up. */
  startTimeoutMs?: number;
  /** Keep the temporary DATA_DIR after stop (for post-mortems, or to start another bridge on it). */
  keepDataDir?: boolean;
  /** Use this DATA_DIR instead of a fresh one (a restart); it is never removed by `stop`. */
  dataDir?: string;
}

export interface SpawnedBridge {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  pid: number;
  /** The bridge's own DATA_DIR, a fresh temporary folder. */
  dataDir: string;
  /** Every JSON log line the bridge has printed so far, parsed. */
  logs(): Record<string, unknown>[];
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL to the whole process group at once (a crash: no cleanup); DATA_DIR is kept. */
  kill(): Promise<void>;
}

/**
 * For a `beforeEach`: when the test fails, prints what the bridge warned about during it (a link stall, a
 * mission's fault) and what its missions did (requested, each state): the first things its reader needs,
 * as the test's own error only says what it waited for.
 */
export function warnOnFailure(bridge: () => SpawnedBridge, onTestFailed: (fn: () => void) => void): void {
  const from = Date.now();
  onTestFailed(() => {
    const said = bridge()
      .logs()
      .filter((l) => Number(l.time) >= from && (Number(l.level) >= 40 || l.ns === 'missions'));
    console.error(`the bridge during the failed test:\n${said.map((l) => JSON.stringify(l)).join('\n')}`);
  });
}

export class BridgeStartError extends Error {
  readonly code = 'BRIDGE_START_FAILED';
}

/**
 * Starts the real bridge process (`npx tsx apps/robot-bridge/src/main.ts`) on a free port with its own
 * temporary DATA_DIR and resolves once it logs "bridge listening". The bridge runs in its own process group
 * so `stop()` also ends whatever it spawned. Fails with the bridge's stderr if it exits before it is ready.
 */
export async function spawnBridge(opts: SpawnBridgeOptions = {}): Promise<SpawnedBridge> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'bridge-data-')));
  const keepDataDir = opts.keepDataDir === true || opts.dataDir !== undefined;
  const child = spawn('npx', ['--no-install', 'tsx', 'apps/robot-bridge/src/main.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      ...opts.env,
      BRIDGE_PORT: '0',
      BRIDGE_HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new BridgeStartError('could not spawn npx tsx');
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  let stopping: Promise<number | null> | undefined;
  const stop = (graceMs = 5000) =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // Whatever the bridge started (simulators, socat) may outlive it: end the group for good.
      killGroup('SIGKILL');
      if (!keepDataDir) await rm(dataDir, { recursive: true, force: true });
      return child.exitCode;
    })());

  const ready = new Promise<{ url: string; port: number }>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      raw.push(line);
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      lines.push(entry);
      if (
        entry.msg === 'bridge listening' &&
        typeof entry.url === 'string' &&
        typeof entry.port === 'number'
      ) {
        resolve({ url: entry.url, port: entry.port });
      }
    });
    void exited.then((code) => {
      const tail = raw.slice(-20).join('\n');
      reject(
        new BridgeStartError(
          `bridge exited with code ${code} before it was ready\n--- stderr ---\n${stderr.trim()}\n--- stdout (last lines) ---\n${tail}`,
        ),
      );
    });
  });
  const timeoutMs = opts.startTimeoutMs ?? 30_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BridgeStartError(`bridge not listening after ${timeoutMs} ms\n${stderr.trim()}`)),
      timeoutMs,
    );
  });
  try {
    const { url, port } = await Promise.race([ready, timeout]);
    const kill = async () => {
      killGroup('SIGKILL');
      await exited;
    };
    return { url, port, pid, dataDir, logs: () => [...lines], stop, kill };
  } catch (e) {
    await stop(1000);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
