/**
 * Checksums of the serial link (see hardware/protocol/messages.json "rules").
 * Pure functions over byte arrays; incremental forms let the frame CRC fold in the schema byte.
 */

/** CRC-16/MCRF4XX: poly 0x1021 reflected (0x8408), init 0xFFFF, no final xor. Same as MAVLink's X.25 accumulate. */
export function crc16Mcrf4xx(data: Uint8Array, init = 0xffff): number {
  let crc = init;
  for (const byte of data) crc = crc16Accumulate(crc, byte);
  return crc;
}

/** Folds one byte into a running CRC-16/MCRF4XX (MAVLink's crc_accumulate). */
export function crc16Accumulate(crc: number, byte: number): number {
  let tmp = (byte ^ (crc & 0xff)) & 0xff;
  tmp = (tmp ^ (tmp << 4)) & 0xff;
  return ((crc >>> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >>> 4)) & 0xffff;
}

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib's crc32). */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC32_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
