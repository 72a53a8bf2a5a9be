/**
 * The anti-example, for comparison in bench:link: a line-based ASCII motor protocol in the style of
 * ros_arduino_bridge (ROSArduinoBridge.ino + arduino_driver.py). "m L R\r" sets wheel speeds and is
 * answered "OK\r", "e\r" reads encoders; no checksum, no sequence numbers, no heartbeat, and the only
 * watchdog is a 2 s auto-stop. The host resends on a missing "OK" like arduino_driver.execute_ack does.
 */
import { SerialPort } from 'serialport';

export const NAIVE_AUTO_STOP_MS = 2000;

/** Base side: parses commands like the Arduino sketch and records what it actually executed. */
export class NaiveResponder {
  /** Executed motor commands in order, as the "L R" text the base parsed. */
  readonly executed: string[] = [];
  left = 0;
  right = 0;
  lastMotorCommandAt = 0;
  stoppedAt = 0;
  private line = '';
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    this.timer = setInterval(() => {
      if (
        (this.left !== 0 || this.right !== 0) &&
        performance.now() - this.lastMotorCommandAt > NAIVE_AUTO_STOP_MS
      ) {
        this.left = this.right = 0;
        this.stoppedAt = performance.now();
      }
    }, 10);
  }

  close(): void {
    clearInterval(this.timer);
  }

  private onData(chunk: Buffer): void {
    for (const byte of chunk) {
      if (byte === 13) {
        this.run(this.line);
        this.line = '';
      } else if (this.line.length < 32) this.line += String.fromCharCode(byte);
    }
  }

  private run(line: string): void {
    const [cmd, a, b] = line.trim().split(' ');
    // Arduino's atoi: leading digits, garbage tolerated, missing -> 0.
    const atoi = (s: string | undefined) => Number.parseInt(s ?? '0', 10) || 0;
    switch (cmd) {
      case 'm':
        this.left = atoi(a);
        this.right = atoi(b);
        this.lastMotorCommandAt = performance.now();
        this.executed.push(`${this.left} ${this.right}`);
        this.port.write('OK\r');
        return;
      case 'e':
        this.port.write(`${this.left} ${this.right}\r`);
        return;
      default:
        this.port.write('Invalid Command\r');
    }
  }
}

/** Host side: send a line, wait for a reply line until a timeout, retry on timeout like execute_ack. */
export class NaiveHost {
  private line = '';
  private waiter: ((reply: string) => void) | undefined;

  constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => {
      for (const byte of chunk) {
        if (byte === 13) {
          const w = this.waiter;
          this.waiter = undefined;
          w?.(this.line);
          this.line = '';
        } else if (this.line.length < 64) this.line += String.fromCharCode(byte);
      }
    });
  }

  /** Returns the reply, or undefined on timeout. */
  request(line: string, timeoutMs: number): Promise<string | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiter = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      this.port.write(line + '\r');
    });
  }

  /** Sends a motor command, retrying up to `tries` times until "OK". Returns round-trip ms or undefined. */
  async motor(left: number, right: number, timeoutMs: number, tries: number): Promise<number | undefined> {
    const started = performance.now();
    for (let i = 0; i < tries; i++) {
      if ((await this.request(`m ${left} ${right}`, timeoutMs)) === 'OK') return performance.now() - started;
    }
    return undefined;
  }
}

export interface NaiveSoakResult {
  commands: number;
  acked: number;
  lost: number;
  duplicates: number;
  wrong_executed: number;
  p50_ms: number;
  p99_ms: number;
}

/** Each command carries a distinct (L, R) pair so the responder's log shows what happened to it. */
export async function naiveSoak(
  host: NaiveHost,
  responder: NaiveResponder,
  commands: number,
  timeoutMs: number,
  tries: number,
  percentile: (sorted: number[], p: number) => number,
): Promise<NaiveSoakResult> {
  responder.executed.length = 0;
  const sent = new Set<string>();
  const rtts: number[] = [];
  let acked = 0;
  for (let i = 0; i < commands; i++) {
    const left = (i % 400) + 100;
    const right = Math.floor(i / 400) + 100;
    sent.add(`${left} ${right}`);
    const rtt = await host.motor(left, right, timeoutMs, tries);
    if (rtt !== undefined) {
      acked++;
      rtts.push(rtt);
    }
  }
  await new Promise((r) => setTimeout(r, 200));
  const counts = new Map<string, number>();
  for (const e of responder.executed) counts.set(e, (counts.get(e) ?? 0) + 1);
  let lost = 0;
  let duplicates = 0;
  for (const s of sent) {
    const n = counts.get(s) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicates++;
  }
  const wrong = responder.executed.filter((e) => !sent.has(e)).length;
  rtts.sort((a, b) => a - b);
  return {
    commands,
    acked,
    lost,
    duplicates,
    wrong_executed: wrong,
    p50_ms: Math.round(percentile(rtts, 50) * 100) / 100,
    p99_ms: Math.round(percentile(rtts, 99) * 100) / 100,
  };
}
