// ZIP files written by the app: `--zip FILE` (the exported tree as one ZIP) and intake's repairs. Streamed
// (archiver, UTF-8 names), written beside the target under a temporary name and renamed when complete.
import { join } from 'node:path';
import { FIXED_DATE } from '../fs/fixed-date.js';
import { listTree } from '../fs/tree.js';
import { writeZipFile } from '../fs/zip.js';

export async function zipTree(dir: string, file: string, signal?: AbortSignal): Promise<{ entries: number }> {
  const rels = (await listTree(dir)).sort();
  // Archiver sets the UTF-8 flag on every non-ASCII name. Level 1: videos barely compress, so little time goes to trying.
  await writeZipFile(
    file,
    (zip) => {
      for (const rel of rels) zip.file(join(dir, rel), { name: rel, date: FIXED_DATE });
    },
    { level: 1, signal },
  );
  return { entries: rels.length };
}
