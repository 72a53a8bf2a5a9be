import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cobsDecode, cobsEncode } from './cobs.ts';
import { decodeFrame, encodeFrame, encodeRawFrame, type Frame } from './codec.ts';
import { crc16Mcrf4xx, crc32 } from './crc.ts';
import { FrameDecoder } from './frame-parser.ts';
import { GENERATED_PATH, generateMessagesModule, readProtocolSchema } from './gen-messages.ts';
import { MESSAGES, SCHEMA_HASH, type MessageName, type Payloads } from './messages.generated.ts';
import { schemaByte, schemaHash, schemaText } from './schema.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const wireBlock = (wire: Uint8Array) => wire.subarray(0, wire.length - 1);

const SAMPLES: { [K in MessageName]: Payloads[K] } = {
  HELLO: { protocol_version: 1, schema_hash: 0xdeadbeef, host_session: 0x12345678 },
  HELLO_ACK: {
    protocol_version: 1,
    schema_hash: SCHEMA_HASH,
    fw_major: 1,
    fw_minor: 2,
    fw_patch: 3,
    boot_id: 0xffffffff,
    capabilities: 0x3f,
    estop_latched: 1,
    hello_seq: 65535,
  },
  HEARTBEAT: { uptime_ms: 123456, mode: 1, status: 0 },
  CMD_ACK: { cmd_seq: 513, cmd_msg_id: 5, result: 0, exec_count: 1 },
  CMD_VEL: { linear_mm_s: -300, angular_mrad_s: 32767, ttl_ms: 200 },
  FOLLOW_PATH: {
    path_id: 9,
    chunk_index: 0,
    chunk_count: 1,
    speed_limit_mm_s: 700,
    waypoints: Array.from({ length: 23 }, (_, i) => ({ x_mm: 5 - i * 1000, y_mm: i * 7, speed_mm_s: 500 })),
  },
  STOP: { reason: 1 },
  ESTOP_ASSERT: { source: 3 },
  ESTOP_RESET: { confirm: 1381188948 },
  SET_SPEED_LIMIT: { max_linear_mm_s: 1200, max_angular_mrad_s: 1500 },
  DOCK: {},
  UNDOCK: {},
  ODOM: {
    t_ms: 1,
    x_mm: -2147483648,
    y_mm: 2147483647,
    theta_mrad: -3141,
    v_mm_s: 0,
    w_mrad_s: 0,
    path_id: 0,
    waypoint_index: 0,
    mode: 6,
  },
  BATTERY: { voltage_mv: 25400, current_ma: -1500, soc_pct: 87, charging: 0 },
  SAFETY_EVENT: { event_id: 4, kind: 7, active: 1, detail: -1 },
  SAFETY_ACK: { event_id: 4 },
  LOG: { level: 2, text: 'Xin chào — watchdog' },
  SET_POSE: { x_mm: 1, y_mm: 2, theta_mrad: 3 },
};

describe('checksums', () => {
  it('CRC-16/MCRF4XX of "123456789" is 0x6F91', () => {
    expect(crc16Mcrf4xx(ascii('123456789'))).toBe(0x6f91);
  });
  it('CRC-32 of "123456789" is 0xCBF43926 (zlib)', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
  });
  it('schema text follows the rule, struct arrays as Elem{fields}[max]', () => {
    const schema = readProtocolSchema();
    const fp = schema.messages.find((m) => m.name === 'FOLLOW_PATH')!;
    expect(schemaText(fp, schema.structs)).toBe(
      'FOLLOW_PATH u16 path_id u8 chunk_index u8 chunk_count u16 speed_limit_mm_s ' +
        'Waypoint{i32 x_mm i32 y_mm u16 speed_mm_s }[23] waypoints ',
    );
  });
  it('generated module is up to date with messages.json', async () => {
    const schema = readProtocolSchema();
    expect(await generateMessagesModule(schema)).toBe(readFileSync(GENERATED_PATH, 'utf8'));
    expect(schemaHash(schema.messages, schema.structs)).toBe(SCHEMA_HASH);
    for (const m of schema.messages)
      expect(MESSAGES.find((g) => g.id === m.id)?.schemaByte).toBe(schemaByte(m, schema.structs));
  });
});

describe('COBS', () => {
  it('round trips arbitrary bytes, never emitting 0x00', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    for (let n = 0; n < 600; n += 7) {
      const input = Uint8Array.from({ length: n }, () => (rnd() < 40 ? 0 : rnd()));
      const enc = cobsEncode(input);
      expect(enc.includes(0)).toBe(false);
      expect(hex(cobsDecode(enc)!)).toBe(hex(input));
    }
  });
  it('encodes the classic examples', () => {
    expect(hex(cobsEncode(Uint8Array.of(0)))).toBe('0101');
    expect(hex(cobsEncode(Uint8Array.of(0x11, 0x22, 0, 0x33)))).toBe('0311220233');
    expect(hex(cobsEncode(Uint8Array.of(0x11, 0, 0, 0)))).toBe('0211010101');
  });
  it('rejects blocks whose code runs past the end', () => {
    expect(cobsDecode(Uint8Array.of(0x05, 1, 2))).toBeUndefined();
  });
});

describe('frame codec', () => {
  it.each(Object.keys(SAMPLES) as MessageName[])('round trips %s', (name) => {
    const payload = SAMPLES[name];
    const wire = encodeFrame(name, payload as never, { seq: 4242, ack: 17, flags: 3 });
    expect(wire[wire.length - 1]).toBe(0);
    expect(wire.subarray(0, -1).includes(0)).toBe(false);
    const result = decodeFrame(wireBlock(wire));
    expect(result).toEqual({ ok: true, frame: { ver: 1, flags: 3, seq: 4242, ack: 17, name, payload } });
  });

  it('rejects every single-bit flip (CRC or framing), never throws', () => {
    const raw = encodeRawFrame('CMD_VEL', SAMPLES.CMD_VEL, { seq: 1 });
    for (let bit = 0; bit < raw.length * 8; bit++) {
      const copy = raw.slice();
      copy[bit >> 3]! ^= 1 << (bit & 7);
      const result = decodeFrame(cobsEncode(copy));
      expect(result.ok).toBe(false);
    }
  });

  it('rejects a frame whose schema byte differs (mismatched definitions)', () => {
    const raw = encodeRawFrame('STOP', { reason: 1 }, { seq: 1 });
    raw[6] = 8; // same length payload, but ESTOP_ASSERT's schema byte
    const result = decodeFrame(cobsEncode(raw));
    expect(result).toMatchObject({ ok: false, error: { error: 'crc' } });
  });

  it('throws a typed error for out-of-range fields', () => {
    expect(() =>
      encodeFrame('CMD_VEL', { linear_mm_s: 40000, angular_mrad_s: 0, ttl_ms: 1 }, { seq: 1 }),
    ).toThrow(expect.objectContaining({ code: 'FIELD_RANGE' }));
  });
});

describe('FrameDecoder', () => {
  it('resyncs on 0x00 after garbage and counts the damage', () => {
    const frames: Frame[] = [];
    const decoder = new FrameDecoder((f) => frames.push(f));
    const good = encodeFrame('HEARTBEAT', SAMPLES.HEARTBEAT, { seq: 1 });
    const truncated = good.subarray(0, 6);
    const garbage = Uint8Array.from({ length: 400 }, (_, i) => (i * 37 + 1) & 0xff || 1);
    for (const chunk of [good, truncated, Uint8Array.of(0), garbage, Uint8Array.of(0), good, good]) {
      for (const b of chunk) decoder.push(Uint8Array.of(b));
    }
    expect(frames.map((f) => f.name)).toEqual(['HEARTBEAT', 'HEARTBEAT', 'HEARTBEAT']);
    expect(decoder.stats.errors.overflow).toBe(1);
    expect(decoder.stats.frames).toBe(3);
    const dropped = Object.values(decoder.stats.errors).reduce((a, b) => a + b, 0);
    expect(dropped).toBe(2);
  });
});

const GOLDEN = fileURLToPath(new URL('../../../hardware/protocol/golden/vectors.json', import.meta.url));

/** The format written by hardware/firmware/tools/golden.cpp from the C++ codec. */
interface Golden {
  schema_hash: number;
  crc_check: { ascii: string; crc16_mcrf4xx: string; crc32: string };
  messages: { id: number; name: string; schema: string; schema_byte: number }[];
  frames: {
    name: MessageName;
    seq: number;
    ack: number;
    flags: number;
    fields: Record<string, unknown>;
    raw_hex: string;
    frame_hex: string;
  }[];
  cobs: { in_hex: string; out_hex: string }[];
  invalid: { name: string; frame_hex: string; error: string }[];
  stream: { hex: string; expect_msg_ids: number[] };
}

describe('golden vectors from the C++ codec (hardware/protocol/golden/vectors.json)', () => {
  it('exists', () => {
    expect(existsSync(GOLDEN)).toBe(true);
  });
  // The vectors are committed (and a ctest fails when they are stale): a missing file is a failure, not a skip.
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
  const g = () => golden;

  it('checksums, schema strings, schema bytes and hash agree', () => {
    expect(crc16Mcrf4xx(ascii(g().crc_check.ascii))).toBe(Number(g().crc_check.crc16_mcrf4xx));
    expect(crc32(ascii(g().crc_check.ascii))).toBe(Number(g().crc_check.crc32));
    expect(g().schema_hash).toBe(SCHEMA_HASH);
    const schema = readProtocolSchema();
    for (const m of g().messages) {
      const def = schema.messages.find((d) => d.id === m.id)!;
      expect([m.name, schemaText(def, schema.structs)]).toEqual([m.name, m.schema]);
      expect([m.name, MESSAGES.find((d) => d.id === m.id)?.schemaByte]).toEqual([m.name, m.schema_byte]);
    }
  });

  it('COBS matches byte for byte', () => {
    for (const c of g().cobs) {
      expect(hex(cobsEncode(Buffer.from(c.in_hex, 'hex')))).toBe(c.out_hex);
      expect(hex(cobsDecode(Buffer.from(c.out_hex, 'hex'))!)).toBe(c.in_hex);
    }
  });

  it('decodes and re-encodes every golden frame byte for byte', () => {
    expect(g().frames.length).toBeGreaterThan(0);
    for (const f of g().frames) {
      const wire = Buffer.from(f.frame_hex, 'hex');
      expect(decodeFrame(wireBlock(wire))).toEqual({
        ok: true,
        frame: { ver: 1, flags: f.flags, seq: f.seq, ack: f.ack, name: f.name, payload: f.fields },
      });
      const header = { seq: f.seq, ack: f.ack, flags: f.flags };
      expect(hex(encodeRawFrame(f.name, f.fields as never, header))).toBe(f.raw_hex);
      expect(hex(encodeFrame(f.name, f.fields as never, header))).toBe(f.frame_hex);
    }
  });

  it('rejects every invalid frame with the same error class', () => {
    const kinds: Record<string, string> = {
      CRC: 'crc',
      COBS: 'cobs',
      TOO_SHORT: 'short',
      LENGTH: 'length',
      UNKNOWN_MSG: 'unknown_msg',
      VERSION: 'version',
      OVERFLOW: 'overflow',
    };
    for (const bad of g().invalid) {
      const errors: string[] = [];
      const decoder = new FrameDecoder(
        () => errors.push('decoded'),
        (kind) => errors.push(kind),
      );
      decoder.push(Buffer.from(bad.frame_hex, 'hex'));
      expect([bad.name, errors]).toEqual([bad.name, [kinds[bad.error]]]);
    }
  });

  it('recovers the good frames of a damaged stream', () => {
    const ids: number[] = [];
    const decoder = new FrameDecoder((f) => ids.push(MESSAGES.find((m) => m.name === f.name)!.id));
    decoder.push(Buffer.from(g().stream.hex, 'hex'));
    expect(ids).toEqual(g().stream.expect_msg_ids);
  });
});
