/**
 * A scripted protocol peer for `SerialRobotBase` unit tests over an injected port: it answers HELLO with
 * HELLO_ACK, every command with CMD_ACK OK (exec_count 1), and sends HEARTBEAT with the SESSION bit at 10 Hz
 * once a HELLO arrived. It is no model of the firmware (no motion, no e-stop, no dedupe): the host firmware
 * on a pty and `FakeRobotBase` are that.
 */
import type { SerialPortMock } from 'serialport';
import { encodeFrame, type Frame } from '../codec.ts';
import { FrameDecoder } from '../frame-parser.ts';
import { Mode, MSG_ID, PROTOCOL_VERSION, Result, SCHEMA_HASH, Status } from '../messages.generated.ts';

export interface ScriptedBaseOptions {
  /** Schema hash the base claims in HELLO_ACK (default: the bridge's own). */
  schemaHash?: number;
  bootId?: number;
}

export class ScriptedBase {
  /** Every frame the host sent, in order. */
  readonly received: Frame[] = [];
  private readonly decoder = new FrameDecoder(
    (frame) => this.onFrame(frame),
    () => undefined,
  );
  private seq = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();

  constructor(
    private readonly send: (bytes: Buffer) => void,
    private readonly options: ScriptedBaseOptions = {},
  ) {}

  /** Bytes written by the host. */
  feed(chunk: Uint8Array): void {
    this.decoder.push(chunk);
  }

  stop(): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private reply(frame: Uint8Array): void {
    this.send(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
  }

  private onFrame(frame: Frame): void {
    this.received.push(frame);
    if (frame.name === 'HELLO') {
      this.reply(
        encodeFrame(
          'HELLO_ACK',
          {
            protocol_version: PROTOCOL_VERSION,
            schema_hash: this.options.schemaHash ?? SCHEMA_HASH,
            fw_major: 9,
            fw_minor: 9,
            fw_patch: 9,
            boot_id: this.options.bootId ?? 42,
            capabilities: 0,
            estop_latched: 1,
            hello_seq: frame.seq,
          },
          { seq: ++this.seq, ack: frame.seq },
        ),
      );
      this.heartbeat ??= setInterval(() => {
        const beat = encodeFrame(
          'HEARTBEAT',
          { uptime_ms: Date.now() - this.startedAt, mode: Mode.ESTOP, status: Status.SESSION },
          { seq: ++this.seq },
        );
        this.reply(beat);
      }, 100);
      return;
    }
    if ((frame.flags & 1) === 0) return; // not a command
    this.reply(
      encodeFrame(
        'CMD_ACK',
        { cmd_seq: frame.seq, cmd_msg_id: MSG_ID[frame.name], result: Result.OK, exec_count: 1 },
        { seq: ++this.seq, ack: frame.seq },
      ),
    );
  }
}

/**
 * Plays a `ScriptedBase` behind a `SerialPortMock`: once the port opens, what the host writes is fed to the
 * base and what the base sends arrives as the port's data. Returns a getter for the current base.
 */
export function scriptMockPort(
  port: SerialPortMock,
  options: ScriptedBaseOptions = {},
): () => ScriptedBase | undefined {
  let base: ScriptedBase | undefined;
  port.once('open', () => {
    const binding = port.port;
    if (binding === undefined) return;
    const peer = new ScriptedBase((bytes) => {
      if (binding.isOpen) binding.emitData(bytes);
    }, options);
    const write = binding.write.bind(binding);
    binding.write = async (buffer: Buffer) => {
      await write(buffer);
      peer.feed(buffer);
    };
    port.once('close', () => peer.stop());
    base = peer;
  });
  return () => base;
}
