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

export type Structs = ProtocolSchema['structs'];

/**
 * The text whose CRC gives a message's schema byte, e.g. `STOP u8 reason `. A struct element type is
 * spelled out with its fields (`Waypoint{i32 x_mm i32 y_mm u16 speed_mm_s }[23]`), as the firmware's
 * generator does, so changing a struct changes the schema byte of every message carrying it.
 */
export function schemaText(msg: MessageDef, structs: Structs): string {
  let text = `${msg.name} `;
  for (const f of msg.fields) {
    const isArray = f.type.endsWith('[]');
    const element = isArray ? f.type.slice(0, -2) : f.type;
    const struct = structs[element];
    let type =
      struct === undefined ? element : `${element}{${struct.map((s) => `${s.type} ${s.name} `).join('')}}`;
    if (isArray) type += `[${String(f.max)}]`;
    text += `${type} ${f.name} `;
  }
  return text;
}

/** Per-message byte folded into every frame CRC (MAVLink's CRC_EXTRA). */
export function schemaByte(msg: MessageDef, structs: Structs): number {
  const crc = crc16Mcrf4xx(new TextEncoder().encode(schemaText(msg, structs)));
  return (crc & 0xff) ^ (crc >>> 8);
}

/** CRC-32 over (id, schema byte) of every message in id order; exchanged in HELLO / HELLO_ACK. */
export function schemaHash(messages: readonly MessageDef[], structs: Structs): number {
  const sorted = [...messages].sort((a, b) => a.id - b.id);
  const bytes = new Uint8Array(sorted.length * 2);
  sorted.forEach((m, i) => {
    bytes[i * 2] = m.id;
    bytes[i * 2 + 1] = schemaByte(m, structs);
  });
  return crc32(bytes);
}
