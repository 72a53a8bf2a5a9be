/**
 * A complete link on one machine for fault tests and bench:link:
 *   SerialRobotBase -> host pty == socat == relay pty -> FaultRelay -> pty created by the sim -> robot-sim
 * Each piece is a real process or real port, so any piece can be killed or removed and re-created. (The
 * sim creates its own pty: attaching it to an existing socat pty is not reliable yet, see link-status.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { FaultRelay } from './fault-relay.ts';
import { createPtyPair, type PtyPair } from '@reception/testkit/pty-pair';
import type { Odometry, SafetyEvent } from '../robot-base.ts';
import { SerialRobotBase, type SerialRobotBaseOptions } from '../serial-robot-base.ts';
import { startSim, type SimProcess } from './sim-process.ts';

export interface LinkRig {
  readonly dir: string;
  readonly hostPath: string;
  readonly simPath: string;
  readonly relay: FaultRelay;
  sim: SimProcess;
  hostPair: PtyPair;
  /** Every odometry sample and safety event the current host received, in order. */
  readonly odometry: Odometry[];
  readonly safety: SafetyEvent[];
  base: SerialRobotBase;
  /** Replaces `base` with a fresh host (new session) wired to the same collectors. */
  newHost(): SerialRobotBase;
  /** Kills the host-side pty pair (the USB adapter is unplugged) and returns a function that re-creates it. */
  unplugHost(): Promise<() => Promise<void>>;
  restartSim(signal?: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

export async function createLinkRig(
  logger: Logger,
  options: { seed?: number; simArgs?: string[]; host?: Partial<SerialRobotBaseOptions> } = {},
): Promise<LinkRig> {
  const dir = mkdtempSync(join(tmpdir(), 'link-rig-'));
  const hostPath = join(dir, 'host');
  const relayHost = join(dir, 'relay-host');
  const simPath = join(dir, 'sim');
  const simArgs = ['--create', ...(options.simArgs ?? [])];
  const hostPair = await createPtyPair(hostPath, relayHost);
  let sim: SimProcess;
  try {
    sim = await startSim(simPath, simArgs);
  } catch (error) {
    await hostPair.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const relay = new FaultRelay(relayHost, simPath, options.seed ?? 1);
  relay.start();
  const odometry: Odometry[] = [];
  const safety: SafetyEvent[] = [];
  const make = () => {
    const base = new SerialRobotBase({ path: hostPath, logger, ...options.host });
    base.on('odometry', (o) => odometry.push(o));
    base.on('safety', (e) => safety.push(e));
    return base;
  };
  const rig: LinkRig = {
    dir,
    hostPath,
    simPath,
    relay,
    sim,
    hostPair,
    odometry,
    safety,
    base: make(),
    newHost() {
      rig.base = make();
      return rig.base;
    },
    async unplugHost() {
      await rig.hostPair.close();
      return async () => {
        rig.hostPair = await createPtyPair(hostPath, relayHost);
      };
    },
    async restartSim(signal = 'SIGKILL') {
      await rig.sim.stop(signal);
      rig.sim = await startSim(simPath, simArgs);
    },
    async close() {
      await rig.base.close();
      await rig.relay.close();
      await rig.sim.stop();
      await rig.hostPair.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** Polls `fn` every 10 ms until it returns something other than undefined. */
export async function waitFor<T>(what: string, fn: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
