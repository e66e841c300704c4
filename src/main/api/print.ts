// print.* and mail.run: print-ready PDFs of every form, a PDF's bytes for the preview, and the e-mail package.
import { open, readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { printApi } from '../../shared/api/print.js';
import { BaosongError } from '../../shared/errors.js';
import { checkSession, loadCatalog, needDb, type DomainHandlers } from './session.js';

export const printHandlers: DomainHandlers<typeof printApi> = {
  'print.run': async (session, args, options) => {
    const { printForms } = await import('../export/print.js');
    const { protectedPaths, refuseProtected } = await import('../export/guard.js');
    refuseProtected(args.out, '打印文件夹', protectedPaths(loadCatalog(needDb(session)), session.path));
    const checked = await checkSession(session, options);
    const files = await printForms(checked.profile, checked.catalog, checked.facts, args.out, args.work, session.path);
    return { dir: resolve(args.out), files };
  },
  'print.read': async (_session, args) => {
    const path = resolve(args.path);
    if (extname(path).toLowerCase() !== '.pdf') throw new BaosongError('bad-input', `只能预览 PDF：${path}`);
    let st;
    try {
      st = await stat(path);
    } catch {
      throw new BaosongError('bad-input', `找不到 ${path}`);
    }
    if (st.size > 64 * 1024 * 1024) throw new BaosongError('bad-input', `${path} 太大(超过 64 MB)，无法预览`);
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(5);
      await fh.read(head, 0, 5, 0);
      if (head.toString('latin1') !== '%PDF-') throw new BaosongError('bad-input', `${path} 不是 PDF 文件`);
    } finally {
      await fh.close();
    }
    return { path, base64: (await readFile(path)).toString('base64') };
  },
  'mail.run': async (session, args, options) => {
    const { mailPackage } = await import('../export/print.js');
    const { protectedPaths, refuseProtected } = await import('../export/guard.js');
    refuseProtected(args.out, '邮件文件夹', protectedPaths(loadCatalog(needDb(session)), session.path));
    const checked = await checkSession(session, options);
    return {
      dir: resolve(args.out),
      ...(await mailPackage(checked.profile, checked.catalog, checked.facts, args.out, session.path)),
    };
  },
};
