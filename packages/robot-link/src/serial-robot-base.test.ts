/**
 * SerialRobotBase over injected ports, in-process: node-serialport's SerialPortMock and a plain duplex
 * stream, with a scripted base behind them. The protocol against the real firmware is covered by the
 * contract suite (robot-base.contract.test.ts) and the fault tests.
 */
import { duplexPair } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkError } from './errors.ts';
import { SCHEMA_HASH } from './messages.generated.ts';
import type { Waypoint } from './robot-base.ts';
import { SerialRobotBase, type SerialRobotBaseOptions } from './serial-robot-base.ts';
import { waitFor } from './testing/link-rig.ts';
import { ScriptedBase, scriptMockPort, type ScriptedBaseOptions } from './testing/scripted-base.ts';
import { duplexSerialPorts, mockSerialPorts } from './testing/test-ports.ts';

const logger = pino({ name: 'serial-robot-base-test', level: 'silent' });
const MockBinding = SerialPortMock.binding;

let base: SerialRobotBase | undefined;
afterEach(async () => {
  await base?.close();
  base = undefined;
});

/** A SerialRobotBase on one end of a duplex pair, a ScriptedBase on the other. */
function overDuplex(
  options: ScriptedBaseOptions = {},
  host: Partial<SerialRobotBaseOptions> = {},
): { base: SerialRobotBase; peer: ScriptedBase } {
  const [hostEnd, device] = duplexPair();
  const peer = new ScriptedBase((bytes) => device.write(bytes), options);
  device.on('data', (chunk: Buffer) => peer.feed(chunk));
  device.on('close', () => peer.stop());
  base = new SerialRobotBase({ path: 'robot', logger, ports: duplexSerialPorts(() => hostEnd), ...host });
  return { base, peer };
}

describe('SerialRobotBase on a SerialPortMock', () => {
  beforeEach(() => MockBinding.reset());

  it('handshakes, and finds the port again by USB serial number after a replug', async () => {
    MockBinding.createPort('/dev/ttyACM0'); // the mock numbers ports from 1 after a reset
    const ports = mockSerialPorts((port) => scriptMockPort(port));
    base = new SerialRobotBase({
      path: '/dev/ttyACM0',
      serialNumber: '1',
      logger,
      ports,
      reconnectBackoffMs: { initial: 10, max: 40 },
    });
    expect(await base.connect()).toMatchObject({ bootId: 42, schemaHash: SCHEMA_HASH });
    expect(await base.setSpeedLimit(0.5, 1)).toMatchObject({ result: 'OK', execCount: 1 });

    // Unplugged: the device leaves the list and its port closes under the link.
    MockBinding.reset();
    ports.created.at(-1)?.close();
    await waitFor('link down', () => (base?.state !== 'up' ? true : undefined));
    // Plugged back in, under another name: the serial number finds it.
    MockBinding.createPort('/dev/ttyACM1');
    await waitFor('link up again', () => (base?.state === 'up' ? true : undefined));
    expect(ports.created.at(-1)?.path).toBe('/dev/ttyACM1');
    expect(base.metrics().reconnects).toBeGreaterThan(0);
    expect(await base.setSpeedLimit(0.6, 1)).toMatchObject({ result: 'OK' });
  });
});

describe('SerialRobotBase on a duplex stream', () => {
  it('handshakes and resolves commands on CMD_ACK', async () => {
    const { base, peer } = overDuplex();
    expect((await base.connect()).firmware).toBe('9.9.9');
    const ack = await base.stop('STAFF');
    expect(ack).toMatchObject({ result: 'OK', execCount: 1 });
    expect(peer.received.filter((f) => f.name === 'STOP')).toHaveLength(1);
  });

  it('fails the handshake with SCHEMA_MISMATCH and says what to do', async () => {
    const { base } = overDuplex({ schemaHash: (SCHEMA_HASH ^ 0x1234) >>> 0 });
    const error = await base.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkError);
    expect((error as LinkError).code).toBe('SCHEMA_MISMATCH');
    expect((error as LinkError).message).toMatch(/same messages\.json/);
    expect(base.state).toBe('closed');
  });

  it('rejects a payload that does not fit its wire fields with INVALID and sends nothing', async () => {
    const { base, peer } = overDuplex();
    await base.connect();
    const error = await base.velocity(40, 0).catch((e: unknown) => e); // 40 m/s is not an i16 in mm/s
    expect(error).toBeInstanceOf(LinkError);
    expect((error as LinkError).code).toBe('INVALID');
    const tooLong = Array.from({ length: 185 }, (_, i): Waypoint => ({ x: i * 0.1, y: 0, speed: 0 }));
    await expect(base.followPath(1, tooLong, 0.5)).rejects.toMatchObject({ code: 'INVALID' });
    expect(await base.setSpeedLimit(0.5, 1)).toMatchObject({ result: 'OK' }); // the link is fine
    expect(peer.received.some((f) => f.name === 'CMD_VEL' || f.name === 'FOLLOW_PATH')).toBe(false);
  });

  it('uploads a path longer than one frame as ordered chunks of one path', async () => {
    const { base, peer } = overDuplex();
    await base.connect();
    const waypoints = Array.from({ length: 50 }, (_, i): Waypoint => ({ x: i * 0.1, y: 0, speed: 0.4 }));
    await base.followPath(7, waypoints, 0.6);
    const chunks = peer.received.flatMap((f) => (f.name === 'FOLLOW_PATH' ? [f.payload] : []));
    expect(chunks.map((c) => [c.path_id, c.chunk_index, c.chunk_count, c.waypoints.length])).toEqual([
      [7, 0, 3, 23],
      [7, 1, 3, 23],
      [7, 2, 3, 4],
    ]);
    expect(chunks.flatMap((c) => c.waypoints.map((w) => w.x_mm))).toEqual(waypoints.map((_, i) => i * 100));
  });

  it('does not count a stall right after the handshake, before its first tick, as the base silent', async () => {
    // In-process, the handshake completes before the link's 10 ms timer has run once; the stall then came
    // before any tick, and the first tick used to see 250 ms of silence and re-handshake (found by CI).
    const { base } = overDuplex({}, { linkTimeoutMs: 150 });
    const changes: string[] = [];
    await base.connect();
    base.on('connection', (state) => changes.push(state));
    const spinUntil = performance.now() + 250;
    while (performance.now() < spinUntil); // synchronous work: nothing else in this process runs
    await sleep(300); // three of the scripted base's heartbeats
    expect(changes).toEqual([]);
    expect(base.state).toBe('up');
  });
});
