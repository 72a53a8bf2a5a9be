import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const BRIDGE_DIR = path.resolve(import.meta.dirname, '..');

/** A free TCP port on 127.0.0.1 (the bridge restarts on the same one after each kill). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node --import tsx <script>` (one process, so SIGKILL kills the whole thing). With `cpus` (a
 * taskset list such as "0" or "1-3") it runs through `taskset -c`, which exec()s node, so the pid is still
 * node's own. `nodeFlags` go to node before the script.
 */
export function startTs(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  { cpus, nodeFlags = [] }: { cpus?: string | undefined; nodeFlags?: string[] } = {},
): ChildProcess {
  const node = [process.execPath, ...nodeFlags, '--import', 'tsx', script, ...args];
  const [cmd = process.execPath, ...argv] = cpus ? ['taskset', '-c', cpus, ...node] : node;
  return spawn(cmd, argv, {
    cwd: BRIDGE_DIR,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

export async function waitHealthy(url: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`bridge at ${url} not healthy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Lines a child prints on stdout, as an async queue. */
export function lines(child: ChildProcess): () => Promise<string> {
  const rl = createInterface({ input: child.stdout ?? process.stdin });
  const buffered: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  rl.on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else buffered.push(l);
  });
  return () => {
    const l = buffered.shift();
    return l !== undefined ? Promise.resolve(l) : new Promise((r) => waiting.push(r));
  };
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** p50 and p99 of ascending latencies in ms, to 0.01 ms (null in JSON when there are none). */
export function latencySummary(sorted: number[]): { p50_ms: number; p99_ms: number } {
  const ms = (p: number) => Math.round(percentile(sorted, p) * 100) / 100;
  return { p50_ms: ms(50), p99_ms: ms(99) };
}

/**
 * Where the bench puts the bridge and the simulated kiosks: in a centre the kiosks are separate machines, so
 * the load generator should not take CPU from the system it measures. With two or more CPUs and `taskset`
 * available, the bridge gets the last CPU and the issuers the others; otherwise (or with BENCH_PIN=0) all
 * share every CPU.
 */
export function cpuPlacement(): { bridge?: string; issuers?: string } {
  const n = availableParallelism();
  if (process.env.BENCH_PIN === '0' || n < 2) return {};
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  } catch {
    return {};
  }
  return { bridge: String(n - 1), issuers: n === 2 ? '0' : `0-${n - 2}` };
}
