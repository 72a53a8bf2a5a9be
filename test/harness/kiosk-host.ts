import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { spawnBridge, type SpawnedBridge } from './bridge.ts';
import { REPO_ROOT } from './paths.ts';

export interface SpawnedKioskHost {
  /** e.g. `http://127.0.0.1:41234`; the kiosk page is `${url}/kiosk/`. */
  url: string;
  /** Every JSON log line the host has printed so far, parsed. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Starts the kiosk's browser-mode host (`tsx apps/kiosk/src/host/main.ts`) on a free port, pointed at a
 * bridge, and resolves once it logs "kiosk host listening". Its own process group, ended by `stop()`.
 */
export async function spawnKioskHost(opts: {
  bridgeUrl: string;
  env?: Record<string, string>;
}): Promise<SpawnedKioskHost> {
  const child = spawn('npx', ['--no-install', 'tsx', 'apps/kiosk/src/host/main.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      KIOSK_BRIDGE_URL: opts.bridgeUrl,
      KIOSK_HOST_PORT: '0',
      ...opts.env,
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the kiosk host');
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`kiosk host not listening after 30 s\n${stderr}`)),
      30_000,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (entry.msg === 'kiosk host listening' && typeof entry.port === 'number') {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${entry.port}`);
        }
      } catch {
        // not a log line
      }
    });
    void exited.then(() => reject(new Error(`kiosk host exited before it was ready\n${stderr}`)));
  });
  return { url, logs: () => [...lines], stop };
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a process whose port another must know first). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The bridge and the kiosk's browser-mode host as `npm start` runs them: the host's page is another origin,
 * so the bridge is told to accept it (ALLOWED_ORIGINS), which needs the host's port before either starts.
 */
export async function spawnKioskStack(
  opts: { bridgeEnv?: Record<string, string>; hostEnv?: Record<string, string> } = {},
): Promise<{ bridge: SpawnedBridge; host: SpawnedKioskHost }> {
  const port = await freePort();
  const bridge = await spawnBridge({
    env: { ALLOWED_ORIGINS: `http://127.0.0.1:${port},http://localhost:${port}`, ...opts.bridgeEnv },
  });
  try {
    const host = await spawnKioskHost({
      bridgeUrl: bridge.url,
      env: { KIOSK_HOST_PORT: String(port), ...opts.hostEnv },
    });
    return { bridge, host };
  } catch (e) {
    await bridge.stop();
    throw e;
  }
}
