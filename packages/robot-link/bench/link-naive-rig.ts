/**
 * The naive ASCII baseline on the same kind of path as the binary link: host pty == socat == FaultRelay ==
 * socat == responder pty, so both protocols see the same injected bit errors and drops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SerialPort } from 'serialport';
import { FaultRelay } from '../src/testing/fault-relay.ts';
import { waitFor } from '../src/testing/link-rig.ts';
import { createPtyPair } from '@reception/testkit/pty-pair';
import { percentile } from '../src/soak.ts';
import {
  NAIVE_AUTO_STOP_MS,
  NaiveHost,
  NaiveResponder,
  naiveSoak,
  type NaiveSoakResult,
} from './link-naive.ts';

const open = async (path: string) => {
  const port = new SerialPort({ path, baudRate: 115200 });
  await new Promise<void>((resolve, reject) => port.once('open', resolve).once('error', reject));
  return port;
};

export interface NaiveResults {
  ack_p50_ms: number;
  ack_p99_ms: number;
  soak: NaiveSoakResult;
  watchdog_stop_ms: number;
  heartbeat_stop_ms: number;
  reconnect_ms: null;
  notes: string;
}

export async function runNaive(opts: {
  ackCommands: number;
  soakCommands: number;
  ber: number;
  dropRate: number;
  seed: number;
}): Promise<NaiveResults> {
  const dir = mkdtempSync(join(tmpdir(), 'link-naive-'));
  const a = await createPtyPair(join(dir, 'host'), join(dir, 'relay-host'));
  const b = await createPtyPair(join(dir, 'relay-base'), join(dir, 'base'));
  const relay = new FaultRelay(a.b, b.a, opts.seed);
  relay.start();
  const basePort = await open(b.b);
  const hostPort = await open(a.a);
  const responder = new NaiveResponder(basePort);
  const host = new NaiveHost(hostPort);
  try {
    await sleep(200);
    const rtts: number[] = [];
    for (let i = 0; i < opts.ackCommands; i++) {
      const rtt = await host.motor(100 + (i % 50), 100, 500, 1);
      if (rtt !== undefined) rtts.push(rtt);
    }
    rtts.sort((x, y) => x - y);

    // Auto-stop: the only watchdog. Measured from the last motor command sent.
    let lastSend = 0;
    const end = performance.now() + 1000;
    while (performance.now() < end) {
      lastSend = performance.now();
      await host.motor(200, 200, 500, 1);
      await sleep(50);
    }
    await waitFor(
      'naive auto-stop',
      () => (responder.left === 0 ? true : undefined),
      NAIVE_AUTO_STOP_MS + 2000,
    );
    const watchdog = responder.stoppedAt - lastSend;

    // Host keeps commanding but nothing reaches the base (no heartbeat exists to notice sooner).
    const drive = setInterval(() => void host.request('m 200 200', 100), 50);
    await sleep(300);
    relay.set({ silent: true }, 'toBase');
    await sleep(20);
    const cut = relay.lastForwardAt.toBase;
    await waitFor('naive stop after host silence', () => (responder.left === 0 ? true : undefined), 5000);
    const heartbeatStop = responder.stoppedAt - cut;
    clearInterval(drive);
    relay.set({ silent: false }, 'toBase');
    await sleep(300);

    relay.set({ ber: opts.ber, dropRate: opts.dropRate });
    // Same ack timeout and retry count as the binary link (150 ms, 3 resends).
    const soak = await naiveSoak(host, responder, opts.soakCommands, 150, 4, percentile);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      ack_p50_ms: r1(percentile(rtts, 50)),
      ack_p99_ms: r1(percentile(rtts, 99)),
      soak,
      watchdog_stop_ms: r1(watchdog),
      heartbeat_stop_ms: r1(heartbeatStop),
      reconnect_ms: null,
      notes:
        'ASCII "m L R\\r" -> "OK\\r", no checksum/seq/heartbeat, 2 s auto-stop (ros_arduino_bridge style); ' +
        'responder not baud-paced; no reconnect logic (the driver dies with the port)',
    };
  } finally {
    responder.close();
    await new Promise<void>((r) => hostPort.close(() => r()));
    await new Promise<void>((r) => basePort.close(() => r()));
    await relay.close();
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
