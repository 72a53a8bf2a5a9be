/**
 * The shape of hardware/protocol/messages.json and the derivations its "rules" define (schema byte and
 * schema hash). Used by the code generator and by tests that check the generated module is current.
 */
import { crc16Mcrf4xx, crc32 } from './crc.ts';

export type ScalarType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32';

export interface FieldDef {
  readonly name: string;
  /** A scalar, a struct name, `Struct[]` or `char[]` (arrays are always the last field). */
  readonly type: string;
  readonly max?: number;
}

export interface MessageDef {
  readonly id: number;
  readonly name: string;
  readonly dir: 'host' | 'base' | 'both';
  readonly command?: boolean;
  readonly fields: readonly FieldDef[];
}

export interface ProtocolSchema {
  readonly protocol_version: number;
  readonly max_payload: number;
  readonly flags: Readonly<Record<string, number>>;
  readonly types: Readonly<Record<string, number>>;
  readonly structs: Readonly<Record<string, readonly FieldDef[]>>;
  readonly enums: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly messages: readonly MessageDef[];
  readonly rules: Readonly<Record<string, string | number>>;
}

/** The text whose CRC gives a message's schema byte, e.g. `STOP u8 reason `. */
export function schemaText(msg: MessageDef): string {
  let text = `${msg.name} `;
  for (const f of msg.fields) {
    const type = f.type.endsWith('[]') ? `${f.type.slice(0, -2)}[${String(f.max)}]` : f.type;
    text += `${type} ${f.name} `;
  }
  return text;
}

/** Per-message byte folded into every frame CRC (MAVLink's CRC_EXTRA). */
export function schemaByte(msg: MessageDef): number {
  const crc = crc16Mcrf4xx(new TextEncoder().encode(schemaText(msg)));
  return (crc & 0xff) ^ (crc >>> 8);
}

/** CRC-32 over (id, schema byte) of every message in id order; exchanged in HELLO / HELLO_ACK. */
export function schemaHash(messages: readonly MessageDef[]): number {
  const sorted = [...messages].sort((a, b) => a.id - b.id);
  const bytes = new Uint8Array(sorted.length * 2);
  sorted.forEach((m, i) => {
    bytes[i * 2] = m.id;
    bytes[i * 2 + 1] = schemaByte(m);
  });
  return crc32(bytes);
}
