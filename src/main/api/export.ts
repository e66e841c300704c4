// export.*: the pre-flight of a target folder, the export of the cloud-drive tree, and verifying a tree.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { exportApi } from '../../shared/api/export.js';
import { BaosongError } from '../../shared/errors.js';
import { preflight } from '../export/preflight.js';
import { MANIFEST, verifyTree } from '../export/manifest.js';
import { sidecarsOf } from '../export/materialize.js';
import { cacheDirOf, checkSession, loadCatalog, needDb, type DomainHandlers } from './session.js';

export const exportHandlers: DomainHandlers<typeof exportApi> = {
  'export.preflight': async (session, args, options) =>
    preflight(needDb(session), session.path, await checkSession(session, options), args.out),
  'export.run': async (session, args, options) => {
    // Loaded on demand: the form libraries are heavy and only the export needs them.
    const { guardExport, runExport } = await import('../export/run.js');
    // Refused targets are refused before the check, which writes its caches: a refusal changes nothing.
    await guardExport(needDb(session), loadCatalog(needDb(session)), session.path, args);
    const checked = await checkSession(session, options);
    return runExport(needDb(session), checked.profile, checked.catalog, checked, args, {
      signal: options.signal,
      cacheDir: cacheDirOf(session),
      catalogPath: session.path,
      onProgress: (p) =>
        options.onProgress?.({
          phase: p.phase,
          done: p.done,
          total: p.total,
          bytes: p.bytes,
          totalBytes: p.totalBytes,
        }),
    });
  },
  'export.verify': async (_session, args, options) => {
    const dir = resolve(args.dir);
    if (existsSync(sidecarsOf(dir).journal)) {
      throw new BaosongError('bad-input', `上次导出到 ${dir} 时被中断，请再运行一次导出以完成它`);
    }
    if (!existsSync(join(dir, MANIFEST)))
      throw new BaosongError('bad-input', `${dir} 中没有 ${MANIFEST}：这不是报送助手导出的文件夹`);
    let bytes = 0;
    const r = await verifyTree(
      dir,
      (n) => {
        bytes += n;
        options.onProgress?.({ phase: 'verify', done: 0, total: 0, bytes });
      },
      options.signal,
    );
    return { dir, ...r };
  },
};
