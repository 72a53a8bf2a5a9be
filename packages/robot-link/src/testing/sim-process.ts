/**
 * Starts the host build of the robot firmware (`npm run -s sim -- --port PATH`, i.e. node
 * hardware/scripts/sim.mjs) as a child process and waits for its `{"event":"ready"}` line. Used by the
 * contract and fault tests and by bench:link; the firmware is real code, only the board is simulated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const SIM_SCRIPT = fileURLToPath(new URL('../../../../hardware/scripts/sim.mjs', import.meta.url));

export interface SimReady {
  event: 'ready';
  port: string;
  device?: string;
  control?: string;
  boot_id: number;
  pid?: number;
}

export interface SimProcess {
  readonly ready: SimReady;
  readonly process: ChildProcess;
  /** Lines the sim printed on stdout after `ready` (boot events etc.). */
  readonly events: Record<string, unknown>[];
  /** Sends one JSON request on the control channel and returns the reply. */
  control(request: Record<string, unknown>): Promise<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startSim(
  port: string,
  extraArgs: string[] = [],
  timeoutMs = 300_000,
): Promise<SimProcess> {
  const args = ['--port', port, '--exit-with-parent', ...extraArgs];
  // Always through sim.mjs: it checks the build under the firmware's build lock (about 0.5 s when current),
  // so a test never runs a binary that is being re-linked.
  const child = spawn(process.execPath, [SIM_SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const events: Record<string, unknown>[] = [];
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<SimReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`sim not ready after ${timeoutMs} ms: ${stderr}`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sim exited (${String(code)}) before ready: ${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start the sim: ${error.message}`));
    });
    lines.on('line', (line) => {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      if (parsed.event === 'ready') {
        clearTimeout(timer);
        resolve(parsed as unknown as SimReady);
      } else events.push(parsed);
    });
  });
  return {
    ready,
    process: child,
    events,
    control(request) {
      const path = ready.control;
      if (path === undefined || path === '') return Promise.reject(new Error('sim has no control channel'));
      return new Promise((resolve, reject) => {
        const socket = createConnection(path);
        let buf = '';
        socket.on('error', reject);
        socket.on('data', (d) => {
          buf += d.toString();
          const nl = buf.indexOf('\n');
          if (nl >= 0) {
            socket.end();
            resolve(JSON.parse(buf.slice(0, nl)) as Record<string, unknown>);
          }
        });
        socket.write(JSON.stringify(request) + '\n');
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        // Signal the firmware process itself: sim.mjs only forwards catchable signals.
        try {
          process.kill(ready.pid ?? child.pid ?? 0, signal);
        } catch {
          child.kill(signal);
        }
        await exited;
      }
    },
  };
}
