/**
 * Pure frame codec of the bridge <-> base serial link, driven by the generated schema tables:
 *   COBS(ver u8 | flags u8 | seq u16 | ack u16 | msg_id u8 | len u8 | payload | crc16) 0x00
 * little-endian; CRC-16/MCRF4XX over header and payload with the message's schema byte folded in.
 * Decoding never throws: malformed input yields a typed `DecodeError` so callers can count and drop it.
 */
import { cobsDecode, cobsEncode } from './cobs.ts';
import { crc16Accumulate, crc16Mcrf4xx } from './crc.ts';
import {
  MAX_PAYLOAD,
  MESSAGES,
  PROTOCOL_VERSION,
  STRUCTS,
  TYPE_SIZES,
  type MessageName,
  type Payloads,
} from './messages.generated.ts';

export const HEADER_LENGTH = 8;
export const CRC_LENGTH = 2;

/** A decoded frame: header fields plus the typed message. */
export type Frame = {
  [K in MessageName]: { ver: number; flags: number; seq: number; ack: number; name: K; payload: Payloads[K] };
}[MessageName];

export type FrameOf<K extends MessageName> = Extract<Frame, { name: K }>;

export type DecodeErrorKind = 'cobs' | 'short' | 'version' | 'length' | 'unknown_msg' | 'crc' | 'payload';

export interface DecodeError {
  readonly error: DecodeErrorKind;
  readonly detail: string;
}

export type DecodeResult = { ok: true; frame: Frame } | { ok: false; error: DecodeError };

type Def = (typeof MESSAGES)[number];
interface FieldLike {
  readonly name: string;
  readonly type: string;
  readonly max?: number;
}

const BY_ID = new Map<number, Def>(MESSAGES.map((m) => [m.id, m]));
const BY_NAME = new Map<string, Def>(MESSAGES.map((m) => [m.name, m]));
const STRUCT_FIELDS: Readonly<Record<string, readonly FieldLike[] | undefined>> = STRUCTS;
const SIZES: Readonly<Record<string, number | undefined>> = TYPE_SIZES;

export function messageDef(name: MessageName): Def {
  const def = BY_NAME.get(name);
  if (def === undefined) throw new CodecError('UNKNOWN_MESSAGE', `unknown message ${name}`);
  return def;
}

export function messageDefById(id: number): Def | undefined {
  return BY_ID.get(id);
}

export class CodecError extends Error {
  constructor(
    readonly code: 'UNKNOWN_MESSAGE' | 'PAYLOAD_TOO_LARGE' | 'FIELD_RANGE',
    message: string,
  ) {
    super(message);
    this.name = 'CodecError';
  }
}

const RANGES: Record<string, readonly [number, number]> = {
  u8: [0, 0xff],
  i8: [-0x80, 0x7f],
  u16: [0, 0xffff],
  i16: [-0x8000, 0x7fff],
  u32: [0, 0xffffffff],
  i32: [-0x80000000, 0x7fffffff],
};

function writeScalar(view: DataView, offset: number, type: string, value: unknown, field: string): number {
  const range = RANGES[type];
  if (range === undefined) throw new CodecError('UNKNOWN_MESSAGE', `unknown scalar type ${type}`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw new CodecError('FIELD_RANGE', `${field}=${String(value)} is not a ${type}`);
  }
  switch (type) {
    case 'u8':
      view.setUint8(offset, value);
      return 1;
    case 'i8':
      view.setInt8(offset, value);
      return 1;
    case 'u16':
      view.setUint16(offset, value, true);
      return 2;
    case 'i16':
      view.setInt16(offset, value, true);
      return 2;
    case 'u32':
      view.setUint32(offset, value, true);
      return 4;
    default:
      view.setInt32(offset, value, true);
      return 4;
  }
}

function readScalar(view: DataView, offset: number, type: string): number {
  switch (type) {
    case 'u8':
      return view.getUint8(offset);
    case 'i8':
      return view.getInt8(offset);
    case 'u16':
      return view.getUint16(offset, true);
    case 'i16':
      return view.getInt16(offset, true);
    case 'u32':
      return view.getUint32(offset, true);
    default:
      return view.getInt32(offset, true);
  }
}

function writeFields(
  view: DataView,
  bytes: Uint8Array,
  start: number,
  fields: readonly FieldLike[],
  obj: Record<string, unknown>,
  ctx: string,
): number {
  let o = start;
  for (const f of fields) {
    const value = obj[f.name];
    const name = `${ctx}.${f.name}`;
    if (f.type === 'char[]') {
      const text = new TextEncoder().encode(typeof value === 'string' ? value : '');
      const n = Math.min(text.length, f.max ?? 255);
      if (o + 1 + n > bytes.length) throw new CodecError('PAYLOAD_TOO_LARGE', `${name} too long`);
      bytes[o++] = n;
      bytes.set(text.subarray(0, n), o);
      o += n;
    } else if (f.type.endsWith('[]')) {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (items.length > (f.max ?? 255))
        throw new CodecError('FIELD_RANGE', `${name} has more than ${f.max ?? 255}`);
      const elemFields = STRUCT_FIELDS[f.type.slice(0, -2)] ?? [];
      bytes[o++] = items.length;
      for (const item of items) o = writeFields(view, bytes, o, elemFields, item, name);
    } else if (SIZES[f.type] !== undefined) {
      if (o + (SIZES[f.type] ?? 0) > bytes.length)
        throw new CodecError('PAYLOAD_TOO_LARGE', `${ctx} too large`);
      o += writeScalar(view, o, f.type, value, name);
    } else {
      o = writeFields(
        view,
        bytes,
        o,
        STRUCT_FIELDS[f.type] ?? [],
        (value ?? {}) as Record<string, unknown>,
        name,
      );
    }
  }
  return o;
}

/** Returns the offset after the fields, or -1 when the bytes do not fit the definition. */
function readFields(
  view: DataView,
  start: number,
  end: number,
  fields: readonly FieldLike[],
  out: Record<string, unknown>,
): number {
  let o = start;
  for (const f of fields) {
    if (f.type === 'char[]') {
      if (o >= end) return -1;
      const n = view.getUint8(o++);
      if (n > (f.max ?? 255) || o + n > end) return -1;
      out[f.name] = new TextDecoder('utf-8', { fatal: false }).decode(
        new Uint8Array(view.buffer, view.byteOffset + o, n),
      );
      o += n;
    } else if (f.type.endsWith('[]')) {
      if (o >= end) return -1;
      const count = view.getUint8(o++);
      if (count > (f.max ?? 255)) return -1;
      const elemFields = STRUCT_FIELDS[f.type.slice(0, -2)] ?? [];
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < count; i++) {
        const item: Record<string, unknown> = {};
        o = readFields(view, o, end, elemFields, item);
        if (o < 0) return -1;
        items.push(item);
      }
      out[f.name] = items;
    } else {
      const size = SIZES[f.type];
      if (size === undefined) {
        const item: Record<string, unknown> = {};
        o = readFields(view, o, end, STRUCT_FIELDS[f.type] ?? [], item);
        if (o < 0) return -1;
        out[f.name] = item;
        continue;
      }
      if (o + size > end) return -1;
      out[f.name] = readScalar(view, o, f.type);
      o += size;
    }
  }
  return o;
}

/** Encodes a payload to bytes (no header). Throws CodecError on out-of-range fields. */
export function encodePayload<K extends MessageName>(name: K, payload: Payloads[K]): Uint8Array {
  const def = messageDef(name);
  const bytes = new Uint8Array(MAX_PAYLOAD);
  const view = new DataView(bytes.buffer);
  const n = writeFields(view, bytes, 0, def.fields, payload as unknown as Record<string, unknown>, name);
  return bytes.slice(0, n);
}

export interface FrameHeader {
  flags?: number;
  seq: number;
  ack?: number;
}

/** The unstuffed frame body: header | payload | crc16 (little-endian). */
export function encodeRawFrame<K extends MessageName>(
  name: K,
  payload: Payloads[K],
  header: FrameHeader,
): Uint8Array {
  const def = messageDef(name);
  const body = encodePayload(name, payload);
  const raw = new Uint8Array(HEADER_LENGTH + body.length + CRC_LENGTH);
  const view = new DataView(raw.buffer);
  view.setUint8(0, PROTOCOL_VERSION);
  view.setUint8(1, header.flags ?? 0);
  view.setUint16(2, header.seq & 0xffff, true);
  view.setUint16(4, (header.ack ?? 0) & 0xffff, true);
  view.setUint8(6, def.id);
  view.setUint8(7, body.length);
  raw.set(body, HEADER_LENGTH);
  const crc = crc16Accumulate(crc16Mcrf4xx(raw.subarray(0, HEADER_LENGTH + body.length)), def.schemaByte);
  view.setUint16(HEADER_LENGTH + body.length, crc, true);
  return raw;
}

/** A complete wire frame: COBS-encoded body followed by the 0x00 delimiter. */
export function encodeFrame<K extends MessageName>(
  name: K,
  payload: Payloads[K],
  header: FrameHeader,
): Uint8Array {
  const stuffed = cobsEncode(encodeRawFrame(name, payload, header));
  const wire = new Uint8Array(stuffed.length + 1);
  wire.set(stuffed);
  return wire;
}

const fail = (error: DecodeErrorKind, detail: string): DecodeResult => ({
  ok: false,
  error: { error, detail },
});

/** Decodes an unstuffed body (header | payload | crc). */
export function decodeRawFrame(raw: Uint8Array): DecodeResult {
  if (raw.length < HEADER_LENGTH + CRC_LENGTH) return fail('short', `${raw.length} bytes`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const len = view.getUint8(7);
  if (len > MAX_PAYLOAD || HEADER_LENGTH + len + CRC_LENGTH !== raw.length) {
    return fail('length', `len=${len} but frame has ${raw.length} bytes`);
  }
  const msgId = view.getUint8(6);
  const def = BY_ID.get(msgId);
  if (def === undefined) return fail('unknown_msg', `msg_id=${msgId}`);
  const crc = crc16Accumulate(crc16Mcrf4xx(raw.subarray(0, HEADER_LENGTH + len)), def.schemaByte);
  if (crc !== view.getUint16(HEADER_LENGTH + len, true)) return fail('crc', `${def.name} crc mismatch`);
  const ver = view.getUint8(0);
  if (ver !== PROTOCOL_VERSION) return fail('version', `ver=${ver}`);
  const payload: Record<string, unknown> = {};
  const end = readFields(view, HEADER_LENGTH, HEADER_LENGTH + len, def.fields, payload);
  if (end !== HEADER_LENGTH + len) return fail('payload', `${def.name} payload does not match its schema`);
  const frame = {
    ver,
    flags: view.getUint8(1),
    seq: view.getUint16(2, true),
    ack: view.getUint16(4, true),
    name: def.name,
    payload,
  } as unknown as Frame;
  return { ok: true, frame };
}

/** Decodes one COBS block (the bytes between two 0x00 delimiters, excluding them). */
export function decodeFrame(block: Uint8Array): DecodeResult {
  const raw = cobsDecode(block);
  if (raw === undefined) return fail('cobs', `${block.length} bytes`);
  return decodeRawFrame(raw);
}
