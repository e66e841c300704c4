// Legacy Office files (OLE compound documents): which program made them, from the directory's stream names.
// Reads the 512-byte header, the FAT sectors on the directory's chain and the directory sectors; nothing else.
import { open, type FileHandle } from 'node:fs/promises';

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 256;

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

/** The stream and storage names of an OLE file's directory; throws when the structure is broken. */
export async function oleStreamNames(path: string): Promise<{ names: string[]; sectorSize: number }> {
  const fh = await open(path, 'r');
  try {
    const header = await readAt(fh, 0, 512);
    if (header.length < 512) throw new Error('header truncated');
    const sectorShift = header.readUInt16LE(0x1e);
    if (sectorShift !== 9 && sectorShift !== 12) throw new Error(`bad sector shift ${sectorShift}`);
    const sectorSize = 1 << sectorShift;
    const perFat = sectorSize / 4;
    const difat: number[] = [];
    for (let i = 0; i < 109; i += 1) difat.push(header.readUInt32LE(0x4c + i * 4));
    const sectorOffset = (n: number) => (n + 1) * sectorSize;
    const fatCache = new Map<number, Buffer>();
    const nextSector = async (n: number): Promise<number> => {
      const fatIndex = Math.floor(n / perFat);
      const fatSector = difat[fatIndex];
      if (fatSector === undefined || fatSector >= 0xfffffffa) throw new Error('FAT beyond the header DIFAT');
      let fat = fatCache.get(fatSector);
      if (!fat) {
        fat = await readAt(fh, sectorOffset(fatSector), sectorSize);
        if (fat.length < sectorSize) throw new Error('FAT sector truncated');
        fatCache.set(fatSector, fat);
      }
      return fat.readUInt32LE((n % perFat) * 4);
    };
    const names: string[] = [];
    let sector = header.readUInt32LE(0x30);
    for (let i = 0; sector !== END_OF_CHAIN; i += 1) {
      if (i >= MAX_DIRECTORY_SECTORS || sector >= 0xfffffffa) break;
      const dir = await readAt(fh, sectorOffset(sector), sectorSize);
      if (dir.length < sectorSize) throw new Error('directory sector truncated');
      for (let off = 0; off + 128 <= dir.length; off += 128) {
        const nameLength = dir.readUInt16LE(off + 0x40);
        if (nameLength >= 2 && nameLength <= 64) names.push(dir.toString('utf16le', off, off + nameLength - 2));
      }
      sector = await nextSector(sector);
    }
    return { names, sectorSize };
  } finally {
    await fh.close();
  }
}

export function oleKind(names: string[]): 'doc' | 'ppt' | 'xls' | 'ole' {
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('PowerPoint Document')) return 'ppt';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  return 'ole';
}
