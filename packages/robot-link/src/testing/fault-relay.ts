/**
 * Man-in-the-middle between two serial ports (normally pty ends) that damages traffic the way a bad
 * cable does: bit flips at a bit error rate, dropped bytes, inserted garbage, truncated frames, silence.
 * Faults are seeded and applied per direction. When either end disappears it keeps trying to reopen it,
 * so a port can be removed and re-created under it. Used by the fault tests and `bench:link`.
 */
import { SerialPort } from 'serialport';
import { prng } from '@reception/testkit/prng';

export interface FaultConfig {
  /** Probability that each bit is flipped. */
  ber: number;
  /** Probability that each byte is dropped. */
  dropRate: number;
  /** Probability, per byte, of inserting 1-8 random bytes before it. */
  garbageRate: number;
  /** Probability, per frame delimiter, that the next frame is cut short (its tail is dropped). */
  truncateRate: number;
  /** Drop everything (cable pulled). */
  silent: boolean;
}

export type Direction = 'toBase' | 'toHost';

export const NO_FAULTS: FaultConfig = { ber: 0, dropRate: 0, garbageRate: 0, truncateRate: 0, silent: false };

export interface RelayStats {
  bytes: number;
  flippedBits: number;
  droppedBytes: number;
  insertedBytes: number;
  truncatedFrames: number;
}

class Side {
  port: SerialPort | undefined;
  private timer: NodeJS.Timeout | undefined;
  constructor(
    readonly path: string,
    private readonly onData: (chunk: Buffer) => void,
  ) {}

  open(): void {
    const port = new SerialPort({ path: this.path, baudRate: 115200, autoOpen: false });
    port.on('data', this.onData);
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.port === port) this.port = undefined;
      this.retry();
    });
    port.open((error) => {
      if (error) this.retry();
      else this.port = port;
    });
  }

  private retry(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) this.open();
    }, 20);
  }

  stopped = false;

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen === true) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}

export class FaultRelay {
  readonly stats: Record<Direction, RelayStats> = {
    toBase: { bytes: 0, flippedBits: 0, droppedBytes: 0, insertedBytes: 0, truncatedFrames: 0 },
    toHost: { bytes: 0, flippedBits: 0, droppedBytes: 0, insertedBytes: 0, truncatedFrames: 0 },
  };
  /** performance.now() of the last byte written on in each direction. */
  readonly lastForwardAt: Record<Direction, number> = { toBase: 0, toHost: 0 };
  private readonly config: Record<Direction, FaultConfig> = {
    toBase: { ...NO_FAULTS },
    toHost: { ...NO_FAULTS },
  };
  private readonly truncating: Record<Direction, boolean> = { toBase: false, toHost: false };
  private readonly random: () => number;
  private readonly host: Side;
  private readonly base: Side;

  /** `hostSide` is the pty end the relay opens towards the host, `baseSide` the one towards the base. */
  constructor(hostSide: string, baseSide: string, seed = 1) {
    this.random = prng(seed);
    this.host = new Side(hostSide, (chunk) => this.forward('toBase', chunk));
    this.base = new Side(baseSide, (chunk) => this.forward('toHost', chunk));
  }

  start(): void {
    this.host.open();
    this.base.open();
  }

  /** Applies faults to one direction or (default) both. */
  set(config: Partial<FaultConfig>, direction?: Direction): void {
    for (const d of direction === undefined ? (['toBase', 'toHost'] as const) : [direction]) {
      Object.assign(this.config[d], config);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.host.close(), this.base.close()]);
  }

  private forward(direction: Direction, chunk: Buffer): void {
    const cfg = this.config[direction];
    const stats = this.stats[direction];
    stats.bytes += chunk.length;
    if (cfg.silent) {
      stats.droppedBytes += chunk.length;
      return;
    }
    const out: number[] = [];
    for (const original of chunk) {
      let byte = original;
      if (this.truncating[direction] && byte !== 0) {
        stats.droppedBytes++;
        continue;
      }
      this.truncating[direction] = false;
      if (cfg.garbageRate > 0 && this.random() < cfg.garbageRate) {
        const n = 1 + Math.floor(this.random() * 8);
        for (let i = 0; i < n; i++) out.push(Math.floor(this.random() * 256));
        stats.insertedBytes += n;
      }
      if (cfg.dropRate > 0 && this.random() < cfg.dropRate) {
        stats.droppedBytes++;
        continue;
      }
      if (cfg.ber > 0) {
        for (let bit = 0; bit < 8; bit++) {
          if (this.random() < cfg.ber) {
            byte ^= 1 << bit;
            stats.flippedBits++;
          }
        }
      }
      out.push(byte);
      if (original === 0 && cfg.truncateRate > 0 && this.random() < cfg.truncateRate) {
        // Let the first few bytes of the next frame through, then drop its tail up to the delimiter.
        this.truncating[direction] = false;
        this.truncateAfter[direction] = 1 + Math.floor(this.random() * 6);
        stats.truncatedFrames++;
      } else if (this.truncateAfter[direction] > 0 && original !== 0) {
        this.truncateAfter[direction]--;
        if (this.truncateAfter[direction] === 0) this.truncating[direction] = true;
      }
    }
    const target = direction === 'toBase' ? this.base.port : this.host.port;
    if (target?.isOpen === true && out.length > 0) {
      target.write(Buffer.from(out));
      this.lastForwardAt[direction] = performance.now();
    }
  }

  private readonly truncateAfter: Record<Direction, number> = { toBase: 0, toHost: 0 };
}
