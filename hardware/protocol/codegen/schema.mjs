// Pure functions over messages.json shared by the C++ generator and anyone else who needs the
// schema strings, schema bytes and schema hash (rules in messages.json "rules", prose in PROTOCOL.md).

/** CRC-16/MCRF4XX (MAVLink's crc_accumulate): reflected poly 0x8408, init 0xFFFF, no final xor. */
export function crc16Accumulate(crc, byte) {
  let tmp = (byte ^ (crc & 0xff)) & 0xff;
  tmp = (tmp ^ (tmp << 4)) & 0xff;
  return ((crc >> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >> 4)) & 0xffff;
}

export function crc16(bytes, crc = 0xffff) {
  for (const b of bytes) crc = crc16Accumulate(crc, b);
  return crc;
}

/** CRC-32 as zlib (IEEE 802.3, reflected 0xEDB88320, init and final xor 0xFFFFFFFF). */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function isArrayType(type) {
  return type.endsWith('[]');
}

export function elementType(type) {
  return isArrayType(type) ? type.slice(0, -2) : type;
}

/**
 * Type text used in the schema string. A struct element type is spelled out with its fields so that
 * changing a struct changes the schema byte of every message that carries it.
 */
export function schemaTypeText(schema, field) {
  const el = elementType(field.type);
  const struct = schema.structs[el];
  let text = el;
  if (struct) text = `${el}{${struct.map((f) => `${f.type} ${f.name} `).join('')}}`;
  if (isArrayType(field.type)) text += `[${field.max}]`;
  return text;
}

export function schemaString(schema, msg) {
  return `${msg.name} ` + msg.fields.map((f) => `${schemaTypeText(schema, f)} ${f.name} `).join('');
}

export function schemaByte(schema, msg) {
  const crc = crc16(Buffer.from(schemaString(schema, msg), 'ascii'));
  return (crc & 0xff) ^ (crc >> 8);
}

export function schemaHash(schema) {
  const sorted = [...schema.messages].sort((a, b) => a.id - b.id);
  const bytes = [];
  for (const m of sorted) bytes.push(m.id, schemaByte(schema, m));
  return crc32(bytes);
}

export function typeSize(schema, type) {
  if (type === 'char') return 1;
  const prim = schema.types[type];
  if (prim !== undefined) return prim;
  const struct = schema.structs[type];
  if (!struct) throw new Error(`unknown type ${type}`);
  return struct.reduce((n, f) => n + typeSize(schema, f.type), 0);
}

/** Minimum and maximum payload length of a message. */
export function payloadBounds(schema, msg) {
  let min = 0;
  let max = 0;
  for (const f of msg.fields) {
    if (isArrayType(f.type)) {
      min += 1;
      max += 1 + f.max * typeSize(schema, elementType(f.type));
    } else {
      const n = typeSize(schema, f.type);
      min += n;
      max += n;
    }
  }
  return { min, max };
}

/** Throws if the schema breaks its own rules (array not last, payload too big, duplicate ids). */
export function validateSchema(schema) {
  const ids = new Set();
  for (const m of schema.messages) {
    if (ids.has(m.id)) throw new Error(`duplicate message id ${m.id}`);
    ids.add(m.id);
    m.fields.forEach((f, i) => {
      if (isArrayType(f.type) && i !== m.fields.length - 1)
        throw new Error(`${m.name}.${f.name}: array not last`);
      if (isArrayType(f.type) && !(f.max > 0 && f.max <= 255))
        throw new Error(`${m.name}.${f.name}: bad max`);
    });
    const { max } = payloadBounds(schema, m);
    if (max > schema.max_payload) throw new Error(`${m.name}: payload ${max} > ${schema.max_payload}`);
  }
}
