// The same work sent twice (a district forwards a school's folder the school also sent; a resend with a new name):
// folders whose files are byte-identical, or whose title and first author are the same. Compared by size first,
// then by a quick hash of each file's head and tail, and only then in full: a batch of distinct works reads
// nothing but a few hundred kilobytes here.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { titleKey } from '../../shared/intake/names.js';
import { fold } from '../../shared/text.js';

export interface DuplicateCandidate {
  /** The files' absolute paths. */
  files: string[];
  sizes: number[];
  title: string;
  firstAuthor: string | null;
  /** Matched with a summary row: the one to keep when the other is not. */
  hasRow: boolean;
}

export interface Duplicate {
  /** Index of the folder left out, and of the one kept. */
  dup: number;
  of: number;
  /** In Chinese: why they are one work. */
  why: string;
}

const EDGE = 64 * 1024;

async function quickHash(file: string, size: number): Promise<string> {
  const h = createHash('sha256').update(String(size));
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(EDGE, size));
    await fh.read(head, 0, head.length, 0);
    h.update(head);
    if (size > EDGE) {
      const tail = Buffer.alloc(Math.min(EDGE, size - EDGE));
      await fh.read(tail, 0, tail.length, size - tail.length);
      h.update(tail);
    }
  } finally {
    await fh.close();
  }
  return h.digest('hex');
}

function fullHash(file: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    const s = createReadStream(file, { signal });
    s.on('data', (chunk) => h.update(chunk));
    s.on('error', reject);
    s.on('end', () => resolve(h.digest('hex')));
  });
}

/** Groups of indexes whose key is equal (groups of one dropped). */
async function groupBy(indexes: number[], key: (i: number) => Promise<string> | string): Promise<number[][]> {
  const groups = new Map<string, number[]>();
  for (const i of indexes) {
    const k = await key(i);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

export async function findDuplicates(folders: DuplicateCandidate[], signal?: AbortSignal): Promise<Duplicate[]> {
  const out: Duplicate[] = [];
  const gone = new Set<number>();
  const keepFirst = (group: number[], why: string) => {
    const alive = group.filter((i) => !gone.has(i));
    if (alive.length < 2) return;
    // The one the summary knows is kept; else the first.
    const kept = alive.find((i) => folders[i]!.hasRow) ?? alive[0]!;
    for (const i of alive) {
      if (i === kept) continue;
      gone.add(i);
      out.push({ dup: i, of: kept, why });
    }
  };
  // Byte-identical: same sizes, then the same quick hashes, then the same contents.
  const all = folders.map((_, i) => i).filter((i) => folders[i]!.files.length > 0);
  for (const bySize of await groupBy(all, (i) => [...folders[i]!.sizes].sort((a, b) => a - b).join(','))) {
    const quick = await groupBy(bySize, async (i) =>
      (await Promise.all(folders[i]!.files.map((f, j) => quickHash(f, folders[i]!.sizes[j]!)))).sort().join(','),
    );
    for (const group of quick) {
      const full = await groupBy(group, async (i) =>
        (await Promise.all(folders[i]!.files.map((f) => fullHash(f, signal)))).sort().join(','),
      );
      for (const g of full) keepFirst(g, '文件完全相同');
    }
  }
  // The same title and first author (a resend, perhaps with other files).
  const named = all.filter((i) => folders[i]!.firstAuthor && titleKey(folders[i]!.title));
  for (const g of await groupBy(named, (i) => `${titleKey(folders[i]!.title)}\u0000${fold(folders[i]!.firstAuthor!)}`))
    keepFirst(g, '作品名称和第一作者相同');
  return out.sort((a, b) => a.dup - b.dup);
}
