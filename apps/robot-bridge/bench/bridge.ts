/**
 * bench:bridge — the robot's live state and the staff e-stop with 500 socket.io clients on the bridge
 * (consoles, kiosks and displays mixed; BENCH_CLIENTS), against the firmware's host build on a pty.
 *
 * A tap relay (bridge-relay.ts, its own process) sits on the serial line between the simulator and the
 * bridge and timestamps every frame:
 * - pose to console: each ODOM frame the firmware sends, to each console's arrival of the `robot:state`
 *   carrying that pose (matched by value: the anchor transform is taken once while the robot stands still,
 *   then each arriving map pose is matched to the ODOM frame it came from, within 2 mm and 2 mrad). The
 *   robot drives missions meanwhile, so the pose changes 50 times a second;
 * - e-stop: a staff `robot:estop` request to the ESTOP_ASSERT frame on the serial port, while driving.
 * Both with the bridge's publishing of today (coalesced on the next loop turn, per-client latest value)
 * and, as the baseline in the same run, the old fixed 200 ms tick (ROBOT_STATE_TICK_MS=200). Also the
 * bridge's RSS and CPU over the pose phase. The bridge is pinned to a CPU of its own where the machine
 * allows (see `cpuPlacement`); the clients (worker threads of this process), the relay and the simulator
 * are not pinned: squeezed onto one CPU, 500 clients decoding 50 states a second fall behind and their
 * own backlog would be measured as the bridge's latency. Last line: one JSON object.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compose, inverse, type Pose } from '@reception/missions';
import { simDockArgs } from '@reception/missions/testing';
import { findPlace, loadSiteMap } from '@reception/nav';
import type { StaffClientEvents, StaffServerEvents } from '@reception/protocol';
import { startSim } from '@reception/robot-link/testing';
import { createPtyPair } from '@reception/testkit/pty-pair';
import { io, type Socket } from 'socket.io-client';
import type { Arrival, ClientsJob } from './bridge-clients.ts';
import { BRIDGE_DIR, cpuPlacement, freePort, latencySummary, startTs, waitHealthy } from './tickets-procs.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const POSE_S = Number(process.env.BENCH_POSE_S ?? 20);
const ESTOPS = Number(process.env.BENCH_ESTOPS ?? 50);
const PLACEMENT = cpuPlacement();
const MAP = loadSiteMap(path.join(BRIDGE_DIR, '../../sites/demo-ward/map/map.yaml'));
const place = (id: string): Pose => {
  const p = findPlace(MAP, id);
  if (!p) throw new Error(`no place ${id} on the demo map`);
  return id === 'dock' ? { ...p.pose } : { ...p.approach };
};
const HOME = place('home');
const DOCK = place('dock');
const TRIPS = ['exit', 'counter_5', 'waiting_area'];
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Staff = Socket<StaffServerEvents, StaffClientEvents>;

/** The serial tap (bridge-relay.ts, a process of its own): ODOM frames and e-stops, timestamped. */
class TapRelay {
  readonly odom: { t: number; pose: Pose; v: number }[] = [];
  readonly estops: number[] = [];
  private child: ChildProcess | undefined;

  async open(basePath: string, hostPath: string): Promise<void> {
    const child = fork(fileURLToPath(new URL('./bridge-relay.ts', import.meta.url)), [basePath, hostPath], {
      execArgv: ['--import', 'tsx'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.on('message', (m: { ready?: true; odom?: number[]; estop?: number }) => {
        if (m.ready) resolve();
        else if (m.estop !== undefined) this.estops.push(m.estop);
        else if (m.odom) {
          const [t = 0, x = 0, y = 0, theta = 0, v = 0] = m.odom;
          this.odom.push({ t, pose: { x, y, theta }, v });
          if (this.odom.length > 20_000) this.odom.splice(0, 10_000);
        }
      });
      child.once('exit', (code) => reject(new Error(`relay exited (${code})`)));
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.disconnect();
    await exited;
  }
}

function startWorker(job: ClientsJob): { worker: Worker; ready: Promise<void> } {
  const worker = new Worker(new URL('./bridge-clients.ts', import.meta.url), {
    workerData: job,
    execArgv: ['--import', 'tsx'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { worker, ready };
}

const ask = (w: Worker, m: 'collect' | 'stop') =>
  new Promise<{ arrivals: Arrival[]; connected: number }>((resolve) => {
    w.once('message', resolve);
    w.postMessage(m);
  });

function procStat(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuS: ticks / 100, rssMb: Math.round(Number(rss) / 1024) };
}

async function eventually<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(100);
  }
}

interface Figures {
  clients: number;
  consoles: number;
  pose_to_console_p50_ms: number;
  pose_to_console_p99_ms: number;
  pose_arrivals: number;
  /** Console arrivals whose pose matched no ODOM frame (the anchor moved): left out. */
  pose_unmatched: number;
  /** ODOM frames with a new pose during the phase; samples = those times the consoles. */
  poses_sent: number;
  pose_samples: number;
  estop_to_serial_p50_ms: number;
  estop_to_serial_p99_ms: number;
  estops: number;
  rss_mb: number;
  cpu_pct: number;
}

async function runMode(tickMs: number): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-bridge-'));
  const sim = await startSim(path.join(dir, 'sim-tty'), simDockArgs(HOME, DOCK));
  const pty = await createPtyPair(path.join(dir, 'relay-end'), path.join(dir, 'bridge-tty'));
  const relay = new TapRelay();
  await relay.open(sim.ready.port, pty.a);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const bridge = startTs(
    'src/main.ts',
    [],
    {
      BRIDGE_PORT: String(port),
      BRIDGE_HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      ROBOT_PORT: path.join(dir, 'bridge-tty'),
      ROBOT_STATE_TICK_MS: String(tickMs),
      MISSION_WAIT_S: '1',
      LOG_LEVEL: 'warn',
    },
    { cpus: PLACEMENT.bridge },
  );
  bridge.stdout?.resume();
  const workers: Worker[] = [];
  try {
    await waitHealthy(url, 60_000);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lead', password: 'demo-admin-pass' }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const staff: Staff = io(`${url}/staff`, { auth: { token }, transports: ['websocket'] });
    await eventually('robot up and anchored', async () => {
      const r = await staff.emitWithAck('robot:get', {});
      return r.ok && r.value.link === 'up' && r.value.pose ? true : undefined;
    });
    await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' });

    const consoles = Math.round(CLIENTS * 0.4);
    const kiosks = Math.round(CLIENTS * 0.4);
    const jobs: ClientsJob[] = [
      { url, nsp: '/staff', token, count: Math.ceil(consoles / 2) },
      { url, nsp: '/staff', token, count: Math.floor(consoles / 2) },
      { url, nsp: '/kiosk', token: 'demo-kiosk', count: kiosks },
      { url, nsp: '/display', token: 'demo-display', count: CLIENTS - consoles - kiosks },
    ];
    const started = jobs.map(startWorker);
    workers.push(...started.map((s) => s.worker));
    await Promise.all(started.map((s) => s.ready));

    // The anchor transform, from the robot standing still: map pose = T ∘ odometry pose.
    const still = await eventually('robot standing still', async () => {
      const r = await staff.emitWithAck('robot:get', {});
      const last = relay.odom.at(-1);
      return r.ok && r.value.pose && last && Math.abs(last.v) < 1e-3 && r.value.activity?.state === 'IDLE'
        ? { map: r.value.pose, odom: last.pose }
        : undefined;
    });
    const anchor = compose(still.map, inverse(still.odom));

    // Keep the robot driving: one staff trip after another.
    let driving = true;
    const drive = (async () => {
      for (let i = 0; driving; i++) {
        const r = await staff.emitWithAck('robot:send', { place: TRIPS[i % TRIPS.length] ?? 'exit' });
        if (!r.ok) {
          await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' });
          await sleep(300);
          continue;
        }
        await eventually(
          'trip over',
          async () => {
            const s = await staff.emitWithAck('robot:get', {});
            return !driving || (s.ok && s.value.activity?.mission_id !== r.value.mission_id)
              ? true
              : undefined;
          },
          120_000,
        );
      }
    })();

    // Pose phase.
    await eventually('robot moving', () => Promise.resolve(relay.odom.at(-1)?.v ? true : undefined), 30_000);
    const from = relay.odom.length;
    const cpu0 = procStat(bridge.pid ?? 0);
    const t0 = now();
    for (const w of workers) w.postMessage('record');
    await sleep(POSE_S * 1000);
    const collected = await Promise.all(workers.map((w) => ask(w, 'collect')));
    const cpu1 = procStat(bridge.pid ?? 0);
    const cpuPct = Math.round(((cpu1.cpuS - cpu0.cpuS) / ((now() - t0) / 1000)) * 1000) / 10;
    const frames = relay.odom.slice(Math.max(0, from - 100));
    const poses = matchPoses(
      frames,
      anchor,
      collected.map((c) => c.arrivals),
      t0,
    );
    // E-stop phase, the robot driving and the consoles connected.
    const estops: number[] = [];
    for (let i = 0; i < ESTOPS; i++) {
      await eventually(
        'robot moving',
        () => Promise.resolve(relay.odom.at(-1)?.v ? true : undefined),
        30_000,
      );
      await sleep(300 + Math.random() * 400);
      const before = relay.estops.length;
      const sentAt = now();
      const ack = await staff.emitWithAck('robot:estop', {});
      if (!ack.ok) throw new Error(`estop refused: ${ack.error.message}`);
      const frameAt = await eventually('ESTOP frame', () =>
        Promise.resolve(relay.estops.slice(before).find((t) => t >= sentAt)),
      );
      estops.push(frameAt - sentAt);
      await sleep(200);
      await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' });
    }
    driving = false;
    await drive.catch(() => undefined);
    const rss = procStat(bridge.pid ?? 0).rssMb;
    staff.close();
    await Promise.all(workers.map((w) => ask(w, 'stop')));
    const pose = latencySummary(poses.latencies.sort((a, b) => a - b));
    const stop = latencySummary(estops.sort((a, b) => a - b));
    console.error(
      `e-stop samples (ms, ${tickMs ? `${tickMs} ms tick` : 'coalesced'}): ${estops.map((e) => e.toFixed(1)).join(' ')}`,
    );
    return {
      clients: CLIENTS,
      consoles,
      pose_to_console_p50_ms: pose.p50_ms,
      pose_to_console_p99_ms: pose.p99_ms,
      pose_arrivals: poses.arrivals,
      pose_unmatched: poses.unmatched,
      poses_sent: poses.changes,
      pose_samples: poses.latencies.length,
      estop_to_serial_p50_ms: stop.p50_ms,
      estop_to_serial_p99_ms: stop.p99_ms,
      estops: estops.length,
      rss_mb: rss,
      cpu_pct: cpuPct,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    bridge.kill('SIGTERM');
    await new Promise((r) => bridge.once('exit', r));
    await relay.close();
    await pty.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Pose to console: for every pose change the firmware sent (an ODOM frame with a new pose) and every
 * console, the time until that console had the change, i.e. received a state with this pose or a newer one
 * (a state that skips a pose still brings the console up to date; a fixed tick makes every change wait for
 * it). Each arriving map pose is matched to the ODOM frame it came from through the anchor transform.
 */
function matchPoses(
  frames: readonly { t: number; pose: Pose }[],
  anchor: Pose,
  perWorker: readonly Arrival[][],
  since: number,
): { latencies: number[]; arrivals: number; unmatched: number; changes: number } {
  const mapped = frames.map((f) => compose(anchor, f.pose));
  // The first frame that carried each pose (a robot turning on the spot may repeat a pose).
  const firstOf = frames.map((_, i) => i);
  for (let i = 1; i < frames.length; i++)
    if (samePose(frames[i - 1]?.pose, frames[i]?.pose)) firstOf[i] = firstOf[i - 1] ?? i;
  const changes = frames.flatMap((f, i) => (firstOf[i] === i && f.t >= since ? [i] : []));
  let arrivals = 0;
  let unmatched = 0;
  const latencies: number[] = [];
  for (const list of perWorker) {
    const byClient = new Map<number, { at: number; frame: number }[]>();
    for (const [client, x, y, theta, at] of list) {
      arrivals++;
      let hit = -1;
      const floor = lastBefore(frames, at - 2000);
      for (let i = lastBefore(frames, at); i >= 0 && i > floor; i--) {
        const m = mapped[i];
        if (!m) continue;
        const dTheta = Math.abs(Math.atan2(Math.sin(m.theta - theta), Math.cos(m.theta - theta)));
        if (Math.hypot(m.x - x, m.y - y) < 0.002 && dTheta < 0.002) {
          hit = i;
          break;
        }
      }
      if (hit < 0) {
        unmatched++;
        continue;
      }
      const seen = byClient.get(client) ?? [];
      seen.push({ at, frame: hit });
      byClient.set(client, seen);
    }
    for (const seen of byClient.values()) {
      let k = 0;
      for (const i of changes) {
        while (k < seen.length && (seen[k]?.frame ?? Infinity) < i) k++;
        const got = seen[k];
        const f = frames[i];
        if (!got || !f) break;
        latencies.push(got.at - f.t);
      }
    }
  }
  return { latencies, arrivals, unmatched, changes: changes.length };
}

/** Index of the last frame received at or before `t` (frames are in arrival order), -1 if none. */
function lastBefore(frames: readonly { t: number }[], t: number): number {
  let lo = 0;
  let hi = frames.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((frames[mid]?.t ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function samePose(a: Pose | undefined, b: Pose | undefined): boolean {
  return !!a && !!b && a.x === b.x && a.y === b.y && a.theta === b.theta;
}

const mode = (m: Figures) => ({
  pose_to_console_p50_ms: m.pose_to_console_p50_ms,
  pose_to_console_p99_ms: m.pose_to_console_p99_ms,
  pose_arrivals: m.pose_arrivals,
  pose_unmatched: m.pose_unmatched,
  poses_sent: m.poses_sent,
  pose_samples: m.pose_samples,
  estop_to_serial_p50_ms: m.estop_to_serial_p50_ms,
  estop_to_serial_p99_ms: m.estop_to_serial_p99_ms,
  estops: m.estops,
  rss_mb: m.rss_mb,
  cpu_pct: m.cpu_pct,
});

const coalesced = await runMode(0);
console.error(`coalesced: ${JSON.stringify(coalesced)}`);
const tick = await runMode(200);
console.error(`200 ms tick: ${JSON.stringify(tick)}`);
console.log(
  JSON.stringify({
    clients: coalesced.clients,
    consoles: coalesced.consoles,
    pose_s: POSE_S,
    placement: PLACEMENT,
    ...mode(coalesced),
    baseline: { name: 'fixed 200 ms tick (ROBOT_STATE_TICK_MS=200)', ...mode(tick) },
  }),
);
process.exit(0);
