// Tiny valid PNG files built in code (no image library, no compression dependency): an RGB image of
// one colour, its pixel data kept in a stored (uncompressed) zlib stream, so the bytes are the same on
// every machine and every Node version.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A `width`×`height` PNG (8-bit RGB, default 2×2) filled with one colour. */
export function tinyPng(rgb: readonly [number, number, number], width = 2, height = 2): Buffer {
  if (width < 1 || height < 1 || (width * 3 + 1) * height > 65535) throw new RangeError('tinyPng: size out of range');
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3); // filter byte 0 (None), then RGB
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  // zlib header (deflate, no dictionary), one final stored block, Adler-32 of the raw data.
  const stored = Buffer.alloc(2 + 5 + raw.length + 4);
  stored[0] = 0x78;
  stored[1] = 0x01;
  stored[2] = 0x01;
  stored.writeUInt16LE(raw.length, 3);
  stored.writeUInt16LE(~raw.length & 0xffff, 5);
  raw.copy(stored, 7);
  stored.writeUInt32BE(adler32(raw), 7 + raw.length);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', stored), chunk('IEND', Buffer.alloc(0))]);
}

/** Width and height read back from a PNG's IHDR, or undefined when `bytes` is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 24 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE) || buffer.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
