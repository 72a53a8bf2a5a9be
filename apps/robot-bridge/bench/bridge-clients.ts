/**
 * One worker thread of bench:bridge: connects `count` socket.io clients to one namespace of the bridge and
 * keeps them connected until told to stop (`record` starts recording, `collect` hands the arrivals over). Console (/staff) clients record every `robot:state` they get:
 * the pose and the wall-clock arrival time (performance.timeOrigin + now, comparable across threads and
 * processes on one machine). Kiosks and displays only stay connected and take their broadcasts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';

export interface ClientsJob {
  url: string;
  nsp: '/staff' | '/kiosk' | '/display';
  token: string;
  count: number;
}
/** One arrival: the client's index in this worker, pose x, y, theta, and the wall-clock ms it arrived. */
export type Arrival = [number, number, number, number, number];

const job = workerData as ClientsJob;
const port = parentPort;
if (!port) throw new Error('bridge-clients.ts runs as a worker thread');
const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
let recording = false;
let arrivals: Arrival[] = [];

function connectOne(): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = io(`${job.url}${job.nsp}`, {
      auth: { token: job.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    s.once('connect', () => resolve());
    s.once('connect_error', (e) => reject(e));
    const index = sockets.length;
    if (job.nsp === '/staff')
      s.on('robot:state', (st: { pose: { x: number; y: number; theta: number } | null }) => {
        if (recording && st.pose) arrivals.push([index, st.pose.x, st.pose.y, st.pose.theta, now()]);
      });
    sockets.push(s);
  });
}

port.on('message', (m: 'record' | 'collect' | 'stop') => {
  if (m === 'record') {
    arrivals = [];
    recording = true;
    return;
  }
  recording = false;
  port.postMessage({ arrivals, connected: sockets.filter((s) => s.connected).length });
  arrivals = [];
  if (m === 'stop') for (const s of sockets) s.close();
});

for (let i = 0; i < job.count; i += 25) {
  await Promise.all(Array.from({ length: Math.min(25, job.count - i) }, connectOne));
}
port.postMessage({ ready: sockets.length });
