// A zip archive (deflated entries) written in memory, for the .xlsx files (xlsx-writer.ts). Each entry's
// bytes come in chunks and go through Node's zlib as they come (its native deflate runs off the main
// thread, and so does nothing else of ours), with the CRC-32 from zlib too. A JavaScript zip (yazl,
// tried first) spent as long computing CRC-32 in JavaScript as zlib spent deflating.
import { once } from "node:events";
import zlib from "node:zlib";

export interface ZipEntry {
  /** ASCII path inside the archive */
  name: string;
  data: Iterable<Buffer>;
}

/** the entries' time: a fixed one (1 January 2020, MS-DOS format), so the same content gives the same bytes */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

interface Packed {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer[];
  compressedSize: number;
}

async function pack(entry: ZipEntry, level: number): Promise<Packed> {
  const deflate = zlib.createDeflateRaw({ level });
  const compressed: Buffer[] = [];
  deflate.on("data", (c: Buffer) => compressed.push(c));
  const ended = once(deflate, "end");
  let crc = 0;
  let size = 0;
  for (const chunk of entry.data) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await once(deflate, "drain");
  }
  deflate.end();
  await ended;
  return { name: Buffer.from(entry.name, "ascii"), crc, size, compressed, compressedSize: compressed.reduce((n, c) => n + c.length, 0) };
}

/** The archive's bytes (no zip64: an entry stays under 4 GB, as a report does by far). */
export async function zip(entries: ZipEntry[], level: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const p = await pack(entry, level);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.compressedSize, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: 2.0
    local.copy(dir, 6, 4, 30); // version needed … name length, extra length: as in the local header
    // comment length, disk, internal and external attributes: 0
    dir.writeUInt32LE(offset, 42);
    central.push(dir, p.name);
    out.push(local, p.name, ...p.compressed);
    offset += 30 + p.name.length + p.compressedSize;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}
