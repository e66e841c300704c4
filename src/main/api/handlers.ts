// The API's handlers: the services behind every method, over one open catalog (the session's).
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ApiArgs, ApiMethod, ApiResults, CallOptions, CatalogInfo } from '../../shared/api.js';
import { planExport } from '../export/plan.js';
import { BaosongError } from '../../shared/errors.js';
import type { Catalog, Unit } from '../../shared/model.js';
import { buildReport } from '../../shared/rules/index.js';
import { profiles } from '../../shared/rules/liaoning-29.js';
import { openCatalog, type Db } from '../catalog/db.js';
import { importBatch } from '../catalog/import.js';
import { getUnit, putUnit } from '../catalog/unit.js';
import { listWorks } from '../catalog/works.js';
import { gatherFacts } from '../inspect/facts.js';
import { editHandlers } from './edit-handlers.js';
import { appHandlers } from './app-handlers.js';
import { MANIFEST, verifyTree } from '../export/manifest.js';
import { sidecarsOf } from '../export/materialize.js';
import type { Profile } from '../../shared/rules/profile.js';
import { probeCache } from '../catalog/probe-cache.js';

export interface Session {
  db: Db | null;
  path: string | null;
  /** The catalog file was created by this session's open and nothing has been stored in it yet. */
  fresh: boolean;
  /** How system.openPath opens a folder: Electron's shell.openPath in the app, the platform's opener otherwise. */
  openPath?: (path: string) => Promise<void>;
}

export function createSession(): Session {
  return { db: null, path: null, fresh: false };
}

export function closeSession(session: Session): void {
  session.db?.close();
  session.db = null;
  session.path = null;
  session.fresh = false;
}

/** A refused first import leaves no catalog file behind: "nothing written" includes the file itself. */
function discardIfFresh(session: Session): void {
  if (!session.fresh || !session.path) return;
  const path = session.path;
  closeSession(session);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

type Handler<M extends ApiMethod> = (session: Session, args: ApiArgs<M>, options: CallOptions) => Promise<ApiResults[M]>;
export type Handlers = { [M in ApiMethod]: Handler<M> };

/** The catalog's own folder beside its file (catalog.sqlite → catalog.baosong/): caches and repaired files. */
export function workspaceOf(catalogPath: string): string {
  return join(dirname(catalogPath), `${basename(catalogPath).replace(/\.[^.]+$/, '')}.baosong`);
}

function needDb(session: Session): Db {
  if (!session.db) throw new BaosongError('no-catalog', '尚未打开目录文件');
  return session.db;
}

function info(session: Session): CatalogInfo {
  const db = needDb(session);
  const unit = getUnit(db);
  return {
    path: session.path!,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    edition: unit?.edition ?? null,
    unit: unit?.name ?? null,
    works: (db.prepare('SELECT count(*) AS n FROM works').get() as { n: number }).n,
  };
}

export function loadCatalog(db: Db): Catalog {
  return { unit: getUnit(db), works: listWorks(db) };
}

function profileOf(catalog: Catalog): Profile {
  const profile = profiles[catalog.unit?.edition ?? 'liaoning-29'];
  if (!profile) throw new BaosongError('catalog', `不认识的届次 ${catalog.unit?.edition}`);
  return profile;
}

/** Every rule over the catalog, with the facts of every file (probed, or from the cache). */
export async function checkSession(session: Session, options: CallOptions) {
  const db = needDb(session);
  const catalog = loadCatalog(db);
  const profile = profileOf(catalog);
  const files = [...(catalog.unit?.files ?? []), ...catalog.works.flatMap((w) => w.files)];
  const facts = await gatherFacts(files, {
    signal: options.signal,
    cache: probeCache(db),
    cacheDir: join(workspaceOf(session.path!), 'cache'),
    onProgress: (p) =>
      options.onProgress?.({ phase: 'inspect', done: p.done, total: p.total, bytes: p.bytes, totalBytes: p.totalBytes }),
  });
  // The export plan's names are checked here too (a title or a kept file name too long in bytes, a clash with a
  // generated form): a warning of the check, not a surprise at export time. title.unsafe-chars is the check's own.
  const naming = planExport(profile, catalog).findings.filter((f) => f.rule !== 'title.unsafe-chars');
  return { catalog, profile, facts, report: buildReport({ profile, catalog, facts }, naming) };
}

export const handlers: Handlers = {
  ...editHandlers(needDb),
  ...appHandlers(needDb),
  'catalog.open': async (session, args) => {
    const path = resolve(args.path);
    const existed = existsSync(path);
    const db = openCatalog(path, { create: args.create });
    closeSession(session);
    session.db = db;
    session.path = path;
    session.fresh = !existed;
    return info(session);
  },
  'catalog.info': async (session) => info(session),
  'batch.import': async (session, args) => {
    try {
      const result = importBatch(needDb(session), resolve(args.path));
      session.fresh = false;
      return result;
    } catch (e) {
      discardIfFresh(session);
      throw e;
    }
  },
  'check.run': async (session, _args, options) => (await checkSession(session, options)).report,
  'unit.get': async (session) => getUnit(needDb(session)),
  'works.list': async (session) => listWorks(needDb(session)),
  'unit.update': async (session, args) => {
    const db = needDb(session);
    const unit = getUnit(db);
    const given = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, (v as string).trim()]));
    let values: Omit<Unit, 'files'>;
    if (unit) {
      const { files: _files, ...rest } = unit;
      values = rest;
    } else {
      // A new catalog: the unit is made here, from its name and kind at least.
      if (!given.name || !args.kind) throw new BaosongError('bad-input', '新目录：请先填写组织单位名称并选择单位类型');
      values = { edition: 'liaoning-29', name: '', kind: args.kind, city: '', group: args.kind === 'university' ? 'higher' : 'k12', department: '', contact: '', title: '', mobile: '', phone: '', qq: '', email: '', postcode: '', address: '', cloudLink: '', cloudCode: '' };
    }
    if (given.name === '') throw new BaosongError('bad-input', '组织单位名称不能为空');
    const next = { ...values, ...given } as Omit<Unit, 'files'>;
    db.transaction(() => putUnit(db, next))();
    return getUnit(db)!;
  },
  'export.run': async (session, args, options) => {
    // Loaded on demand: the form libraries are heavy and only the export needs them.
    const { guardExport, runExport } = await import('../export/run.js');
    // Refused targets are refused before the check, which writes its caches: a refusal changes nothing.
    await guardExport(needDb(session), loadCatalog(needDb(session)), session.path, args);
    const checked = await checkSession(session, options);
    return runExport(needDb(session), checked.profile, checked.catalog, checked, args, {
      signal: options.signal,
      cacheDir: join(workspaceOf(session.path!), 'cache'),
      catalogPath: session.path,
      onProgress: (p) => options.onProgress?.({ phase: p.phase, done: p.done, total: p.total, bytes: p.bytes, totalBytes: p.totalBytes }),
    });
  },
  'print.run': async (session, args, options) => {
    const { printForms } = await import('../export/print.js');
    const { protectedPaths, refuseProtected } = await import('../export/guard.js');
    refuseProtected(args.out, '打印文件夹', protectedPaths(loadCatalog(needDb(session)), session.path));
    const checked = await checkSession(session, options);
    const files = await printForms(checked.profile, checked.catalog, checked.facts, args.out, args.work, session.path);
    return { dir: resolve(args.out), files };
  },
  'mail.run': async (session, args, options) => {
    const { mailPackage } = await import('../export/print.js');
    const { protectedPaths, refuseProtected } = await import('../export/guard.js');
    refuseProtected(args.out, '邮件文件夹', protectedPaths(loadCatalog(needDb(session)), session.path));
    const checked = await checkSession(session, options);
    return { dir: resolve(args.out), ...(await mailPackage(checked.profile, checked.catalog, checked.facts, args.out, session.path)) };
  },
  'demo.create': async (_session, args, options) => {
    const { makeDemo } = await import('../demo/make.js');
    return makeDemo(resolve(args.dir), options);
  },
  'export.verify': async (_session, args, options) => {
    const dir = resolve(args.dir);
    if (existsSync(sidecarsOf(dir).journal)) {
      throw new BaosongError('bad-input', `上次导出到 ${dir} 时被中断，请再运行一次导出以完成它`);
    }
    if (!existsSync(join(dir, MANIFEST))) throw new BaosongError('bad-input', `${dir} 中没有 ${MANIFEST}：这不是报送助手导出的文件夹`);
    let bytes = 0;
    const r = await verifyTree(dir, (n) => {
      bytes += n;
      options.onProgress?.({ phase: 'verify', done: 0, total: 0, bytes });
    }, options.signal);
    return { dir, ...r };
  },
};
