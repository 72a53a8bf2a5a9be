/**
 * The serial tap of bench:bridge, in a process of its own so that its timestamps wait for nothing else
 * (the 500 clients keep the bench's own threads busy): forwards bytes both ways between the simulator's
 * pty (argv[2]) and the bridge's (argv[3]) and reports, over the IPC channel, every ODOM frame the firmware
 * sends (`{ odom: [t, x, y, theta, v] }`) and every ESTOP_ASSERT the bridge sends (`{ estop: t }`), t in
 * wall-clock ms (performance.timeOrigin + now) taken when the bytes were read.
 */
import { FrameDecoder } from '@reception/robot-link/frame-parser';
import { SerialPort } from 'serialport';

const [basePath, hostPath] = process.argv.slice(2);
if (!basePath || !hostPath || !process.send) throw new Error('usage: fork bridge-relay.ts BASE_PTY HOST_PTY');
const send = process.send.bind(process);
const now = () => performance.timeOrigin + performance.now();
const open = (p: string) =>
  new Promise<SerialPort>((resolve, reject) => {
    const port = new SerialPort({ path: p, baudRate: 115200 }, (e) => (e ? reject(e) : resolve(port)));
  });
const [base, host] = await Promise.all([open(basePath), open(hostPath)]);
let at = 0;
const fromBase = new FrameDecoder((f) => {
  if (f.name !== 'ODOM') return;
  const p = f.payload;
  send({ odom: [at, p.x_mm / 1000, p.y_mm / 1000, p.theta_mrad / 1000, p.v_mm_s / 1000] });
});
const fromHost = new FrameDecoder((f) => {
  if (f.name === 'ESTOP_ASSERT') send({ estop: at });
});
base.on('data', (chunk: Buffer) => {
  at = now();
  host.write(chunk);
  fromBase.push(chunk);
});
host.on('data', (chunk: Buffer) => {
  at = now();
  base.write(chunk);
  fromHost.push(chunk);
});
process.on('disconnect', () => {
  base.close();
  host.close();
  process.exit(0);
});
send({ ready: true });
