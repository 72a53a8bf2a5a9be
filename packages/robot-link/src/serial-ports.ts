/**
 * The serial ports of the machine, as `SerialRobotBase` needs them. The default is node-serialport
 * (`nodeSerialPorts`); tests inject `SerialPortMock` (@serialport/binding-mock) or any duplex stream through
 * the helpers in `@reception/robot-link/testing`, so the link runs without a device or a pty.
 */
import { access } from 'node:fs/promises';
import { SerialPort } from 'serialport';

/**
 * One open-able port: the part of node-serialport's `SerialPort` API the link uses, so a `SerialPort` or a
 * `SerialPortMock` fits as it is.
 *
 * Rules an implementation keeps:
 * - It is created closed. `open(callback)` calls back once: with an error when the port cannot be opened
 *   now (absent, busy, no permission), and the link then asks `SerialPorts.open` for a new port object after
 *   a backoff; never reopen the same object.
 * - `'data'` delivers the bytes from the base in order; a chunk may split or join frames anywhere.
 * - `'close'` is emitted once when the port is gone, whether the host closed it or the device went away
 *   (USB unplugged). The link treats it as a disconnection and looks for the port again.
 * - `'error'` is informational (logged); losing the port is signalled by `'close'`.
 * - `write` queues the bytes and never blocks; bytes written after the port is gone are dropped.
 */
export interface LinkPort {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error?: Error | null) => void): void;
  write(data: Buffer): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface PortListing {
  path: string;
  serialNumber?: string | undefined;
}

/**
 * Where `LinkPort`s come from. Rules:
 * - `open(path, baudRate)` returns a new, closed port object for `path` (node-serialport's `autoOpen: false`);
 *   it does not throw for an absent device: `LinkPort.open` reports that.
 * - `list()` names the ports present now with their USB serial numbers; it may reject (Linux without udev),
 *   and callers then fall back to the configured path.
 * - `exists(path)` tells whether `path` is present now; an absent port is not opened but looked for again.
 */
export interface SerialPorts {
  open(path: string, baudRate: number): LinkPort;
  list(): Promise<PortListing[]>;
  exists(path: string): Promise<boolean>;
}

/** The machine's real serial ports, through node-serialport. */
export const nodeSerialPorts: SerialPorts = {
  open: (path, baudRate) => new SerialPort({ path, baudRate, autoOpen: false }),
  list: () => SerialPort.list(),
  exists: (path) =>
    access(path).then(
      () => true,
      () => false,
    ),
};
