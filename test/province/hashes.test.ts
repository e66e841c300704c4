// The province's tree hashing: all cores, a journal that spares unchanged files (but not one whose mtime was put
// back), and a verification that resumes where it was stopped.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashJournal, hashTree } from '../../src/main/province/hashes.js';
import { tempDir } from '../helpers/files.js';

function tree(n: number): { dir: string; rels: string[] } {
  const dir = join(tempDir(), '单位 树');
  const rels: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const rel = `作品${i % 7}/文件${i}.bin`;
    mkdirSync(join(dir, `作品${i % 7}`), { recursive: true });
    writeFileSync(join(dir, rel), Buffer.alloc(1000 + i * 37, i));
    rels.push(rel);
  }
  return { dir, rels };
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('hashTree', () => {
  it('hashes every file correctly on all cores and journals each', async () => {
    const { dir, rels } = tree(60);
    const journal = new HashJournal(join(dir, '..', 'u.hashes'));
    const { hashes, read } = await hashTree(dir, rels, { journal });
    expect(read).toBe(60);
    for (const rel of rels) expect(hashes.get(rel)!.sha256).toBe(sha(join(dir, rel)));
    expect(journal.read().size).toBe(60);
  });

  it('reads again only the files whose stat changed — a restored mtime included', async () => {
    const { dir, rels } = tree(30);
    const journal = new HashJournal(join(dir, '..', 'u.hashes'));
    await hashTree(dir, rels, { journal });
    const again = await hashTree(dir, rels, { known: journal.read(), journal });
    expect(again.read).toBe(0);
    const p = join(dir, rels[3]!);
    const st = statSync(p);
    const bytes = readFileSync(p);
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(p, bytes);
    utimesSync(p, st.atime, st.mtime);
    const third = await hashTree(dir, rels, { known: journal.read(), journal });
    expect(third.read).toBe(1);
    expect(third.hashes.get(rels[3]!)!.sha256).toBe(sha(p));
  });

  it('stopped midway, then resumed: the rest is read, nothing twice', async () => {
    const { dir, rels } = tree(80);
    const journal = new HashJournal(join(dir, '..', 'u.verify-partial'));
    const stop = new AbortController();
    let n = 0;
    await expect(
      hashTree(dir, rels, { journal, signal: stop.signal, onRead: () => (++n === 25 ? stop.abort() : undefined) }),
    ).rejects.toThrow();
    const done = journal.read();
    expect(done.size).toBeGreaterThanOrEqual(25);
    expect(done.size).toBeLessThan(80);
    // A kill can tear the last line: it is skipped, that file read again.
    appendFileSync(journal.file, 'deadbeef\t12');
    const resumed = await hashTree(dir, rels, { known: journal.read(), journal });
    expect(resumed.read).toBe(80 - done.size);
    for (const rel of rels) expect(resumed.hashes.get(rel)!.sha256).toBe(sha(join(dir, rel)));
  });
});
