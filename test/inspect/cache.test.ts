import { copyFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/db.js';
import { probeCache } from '../../src/main/catalog/probe-cache.js';
import { gatherFacts, type FactsCache } from '../../src/main/inspect/facts.js';
import { FIXTURES, tempDir } from '../helpers/files.js';
import { clip } from '../helpers/media.js';

function counting(cache: FactsCache) {
  const n = { puts: 0, hits: 0 };
  return {
    n,
    cache: {
      get: (...a: Parameters<FactsCache['get']>) => {
        const r = cache.get(...a);
        if (r) n.hits += 1;
        return r;
      },
      put: (...a: Parameters<FactsCache['put']>) => {
        n.puts += 1;
        cache.put(...a);
      },
      flush: () => cache.flush?.(),
    } satisfies FactsCache,
  };
}

describe('the probe cache', () => {
  it('never probes an unchanged file twice, and probes again after a change', async () => {
    const dir = tempDir();
    const db = openCatalog(join(dir, 'c.sqlite'), { create: true });
    const files = ['lecture.mp4', 'hevc.mp4'].map((n) => {
      copyFileSync(clip(n), join(dir, n));
      return { absPath: join(dir, n), role: 'lecture-video' as const };
    });
    copyFileSync(join(FIXTURES, 'psd_rgb_8bit_text_layers_72dpi.psd'), join(dir, 'b.psd'));
    files.push({ absPath: join(dir, 'b.psd'), role: 'board-main-source' as never });
    const cold = counting(probeCache(db));
    const first = await gatherFacts(files, { cache: cold.cache });
    expect(cold.n).toEqual({ puts: 3, hits: 0 });
    const warm = counting(probeCache(db));
    const second = await gatherFacts(files, { cache: warm.cache });
    expect(warm.n).toEqual({ puts: 0, hits: 3 });
    expect(second).toEqual(first);
    utimesSync(join(dir, 'hevc.mp4'), new Date(), new Date(Date.now() + 5000));
    const touched = counting(probeCache(db));
    await gatherFacts(files, { cache: touched.cache });
    expect(touched.n).toEqual({ puts: 1, hits: 2 });
    db.close();
  });

  it('a cached entry without the title card is probed again when a lecture video needs it', async () => {
    const dir = tempDir();
    const db = openCatalog(join(dir, 'c.sqlite'), { create: true });
    const path = join(dir, 'v.mp4');
    copyFileSync(clip('lecture.mp4'), path);
    const cache = probeCache(db);
    const plain = await gatherFacts([{ absPath: path, role: 'demo-video' }], { cache });
    expect(plain.get(path)!.titleCard).toBeUndefined();
    const withCard = await gatherFacts([{ absPath: path, role: 'lecture-video' }], { cache });
    expect(withCard.get(path)!.titleCard!.frames).toHaveLength(2);
    db.close();
  });
});
