/**
 * `SerialPorts` for tests, so `SerialRobotBase` runs without a device or a pty: node-serialport's own mock
 * (`SerialPortMock` on `MockBinding`, ports made with `MockBinding.createPort`), or any duplex stream (for
 * example one end of `stream.duplexPair()`, the other end played by the test).
 */
import type { Duplex } from 'node:stream';
import { SerialPortMock } from 'serialport';
import type { LinkPort, SerialPorts } from '../serial-ports.ts';

/**
 * `SerialPortMock` ports. `created` lists every port object handed out, newest last, and `onCreate` sees
 * each one before the link opens it (to script the base behind it, see `scriptMockPort`).
 */
export function mockSerialPorts(
  onCreate: (port: SerialPortMock) => void = () => undefined,
): SerialPorts & { readonly created: SerialPortMock[] } {
  const created: SerialPortMock[] = [];
  return {
    created,
    open(path, baudRate) {
      const port = new SerialPortMock({ path, baudRate, autoOpen: false });
      created.push(port);
      onCreate(port);
      return port;
    },
    list: () => SerialPortMock.list(),
    exists: async (path) => (await SerialPortMock.list()).some((p) => p.path === path),
  };
}

/**
 * One duplex stream as a `LinkPort`: open once it is asked to (a destroyed stream fails to open), `'close'`
 * when the stream closes from either side, `close()` destroys it.
 */
export class DuplexPort implements LinkPort {
  private opened = false;

  constructor(private readonly stream: Duplex) {}

  get isOpen(): boolean {
    return this.opened && !this.stream.destroyed;
  }

  open(callback: (error: Error | null) => void): void {
    const error = this.stream.destroyed ? new Error('the stream is destroyed') : null;
    this.opened = error === null;
    process.nextTick(callback, error);
  }

  close(callback?: (error?: Error | null) => void): void {
    if (callback !== undefined) {
      if (this.stream.closed) process.nextTick(callback, null);
      else this.stream.once('close', () => callback(null));
    }
    this.stream.destroy();
  }

  write(data: Buffer): boolean {
    return this.isOpen && this.stream.write(data);
  }

  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'close', listener: () => void): this;
  on(
    event: 'data' | 'error' | 'close',
    listener: ((chunk: Buffer) => void) | ((error: Error) => void) | (() => void),
  ): this {
    this.stream.on(event, listener as (...args: unknown[]) => void);
    return this;
  }
}

/**
 * Ports backed by duplex streams: `connect(path)` returns a fresh stream for each open (the test keeps the
 * other end); `present(path)` says whether a device is there now (absent ones are looked for again).
 */
export function duplexSerialPorts(
  connect: (path: string) => Duplex,
  present: (path: string) => boolean = () => true,
): SerialPorts {
  return {
    open: (path) => new DuplexPort(connect(path)),
    list: () => Promise.resolve([]),
    exists: (path) => Promise.resolve(present(path)),
  };
}
