// Plain facts about catalogued files, gathered in parallel; the rules turn them into findings.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { FileFacts, FileRef } from '../../shared/model.js';
import { oleKind, oleStreamNames } from './ole.js';
import { readHead, sniffHead } from './signature.js';
import { sniffZip } from './zip.js';

/** Facts for one file. Never throws: an unreadable file is a fact too. */
export async function fileFacts(absPath: string): Promise<FileFacts> {
  let size: number;
  try {
    const st = await stat(absPath);
    if (!st.isFile()) return { exists: false, readable: false, size: 0, kind: 'unknown' };
    size = st.size;
  } catch {
    return { exists: false, readable: false, size: 0, kind: 'unknown' };
  }
  let head: Buffer;
  try {
    head = await readHead(absPath);
  } catch {
    return { exists: true, readable: false, size, kind: 'unknown' };
  }
  const sniffed = sniffHead(head);
  if (sniffed === 'zip-container') {
    try {
      return { exists: true, readable: true, size, kind: await sniffZip(absPath) };
    } catch (e) {
      return { exists: true, readable: true, size, kind: 'zip', corrupt: `ZIP 目录损坏(${(e as Error).message})` };
    }
  }
  if (sniffed === 'ole-container') {
    try {
      return { exists: true, readable: true, size, kind: oleKind(await oleStreamNames(absPath)) };
    } catch {
      // The signature is Office's; a damaged directory leaves the program unknown, not the type.
      return { exists: true, readable: true, size, kind: 'ole' };
    }
  }
  return { exists: true, readable: true, size, kind: sniffed };
}

export interface FactsProgress {
  done: number;
  total: number;
}

/** Facts for many files, at most one per core at a time. Keyed by absolute path (one probe per path). */
export async function gatherFacts(
  files: Pick<FileRef, 'absPath'>[],
  options: { signal?: AbortSignal; onProgress?: (p: FactsProgress) => void } = {},
): Promise<Map<string, FileFacts>> {
  const paths = [...new Set(files.map((f) => f.absPath))];
  const out = new Map<string, FileFacts>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < paths.length) {
      options.signal?.throwIfAborted();
      const path = paths[next++]!;
      out.set(path, await fileFacts(path));
      done += 1;
      options.onProgress?.({ done, total: paths.length });
    }
  };
  const width = Math.max(1, Math.min(availableParallelism(), paths.length));
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}
