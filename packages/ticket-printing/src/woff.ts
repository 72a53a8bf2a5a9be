import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 to the plain OpenType (sfnt) bytes it wraps: each table is zlib-compressed on its own, so this
 * inflates every table and writes the sfnt table directory again. (The fonts the kiosk bundles come as
 * WOFF/WOFF2; HarfBuzz and our outline reader want sfnt.) Plain sfnt input is returned as is.
 */
export function sfntFromWoff(data: Buffer): Buffer {
  if (data.toString('latin1', 0, 4) !== 'wOFF') return data;
  const flavor = data.readUInt32BE(4);
  const numTables = data.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const o = 44 + i * 20;
    return {
      tag: data.readUInt32BE(o),
      offset: data.readUInt32BE(o + 4),
      compLength: data.readUInt32BE(o + 8),
      origLength: data.readUInt32BE(o + 12),
      checksum: data.readUInt32BE(o + 16),
    };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(12 + 16 * numTables + tables.reduce((n, t) => n + padded(t.origLength), 0));
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE((1 << entrySelector) * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - (1 << entrySelector) * 16, 10);
  let at = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const stored = data.subarray(t.offset, t.offset + t.compLength);
    const table = t.compLength < t.origLength ? inflateSync(stored) : stored;
    if (table.length !== t.origLength) throw new Error(`WOFF table ${i} inflates to the wrong length`);
    table.copy(out, at);
    const d = 12 + i * 16;
    out.writeUInt32BE(t.tag, d);
    out.writeUInt32BE(t.checksum, d + 4);
    out.writeUInt32BE(at, d + 8);
    out.writeUInt32BE(t.origLength, d + 12);
    at += padded(t.origLength);
  });
  return out;
}
