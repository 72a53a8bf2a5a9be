/**
 * Consistent Overhead Byte Stuffing: the encoded block contains no 0x00, so 0x00 delimits frames and a
 * receiver resynchronises at the next 0x00 after any corruption. Pure functions; the delimiter is not
 * part of the encoded block.
 */

/** Upper bound of the encoded size of `n` input bytes. */
export function cobsMaxEncodedLength(n: number): number {
  return n + Math.ceil(n / 254) + 1;
}

export function cobsEncode(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(cobsMaxEncodedLength(input.length));
  let codeIndex = 0;
  let code = 1;
  let o = 1;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i] ?? 0;
    if (byte === 0) {
      out[codeIndex] = code;
      codeIndex = o++;
      code = 1;
      continue;
    }
    out[o++] = byte;
    code++;
    if (code === 0xff) {
      out[codeIndex] = code;
      // A full block that ends the input needs no empty block after it (the decoder adds no zero after 0xFF).
      if (i === input.length - 1) return out.subarray(0, o);
      codeIndex = o++;
      code = 1;
    }
  }
  out[codeIndex] = code;
  return out.subarray(0, o);
}

/** Decodes one COBS block (without its 0x00 delimiter). Returns undefined when the block is malformed. */
export function cobsDecode(input: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(input.length);
  let o = 0;
  let i = 0;
  while (i < input.length) {
    const code = input[i] ?? 0;
    if (code === 0) return undefined;
    const end = i + code;
    if (end > input.length) return undefined;
    for (let j = i + 1; j < end; j++) {
      const byte = input[j] ?? 0;
      if (byte === 0) return undefined;
      out[o++] = byte;
    }
    i = end;
    if (code !== 0xff && i < input.length) out[o++] = 0;
  }
  return out.subarray(0, o);
}
