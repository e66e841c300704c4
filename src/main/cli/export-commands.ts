// Commands that write outside the catalog: export (and its pre-flight), verify, print, mail, demo.
import { PREFLIGHT_STATE, preflightShort } from '../../shared/describe.js';
import { client, fail, openDb, progressPrinter, transferPrinter, mb, UsageError, type Exit } from './common.js';

export async function runExportCommand(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  if (typeof values.out !== 'string') throw new UsageError('缺少 --out DIR');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const args = {
    out: values.out,
    allowErrors: values['allow-errors'] === true,
    ...(typeof values.zip === 'string' ? { zip: values.zip } : {}),
  };
  const r = await api.call('export.run', args, { signal, onProgress: transferPrinter('导出') });
  if (process.stderr.isTTY) process.stderr.write('\n');
  // The refusal is data; on the command line the way past it is a flag.
  if (!r.ok)
    return fail(
      r.error.refusal?.override === 'allowErrors'
        ? { ...r.error, message: `${r.error.message}：修正后再导出，或加 --allow-errors 强制导出` }
        : r.error,
      { out: '--out', zip: '--zip' },
    );
  const v = r.value;
  for (const f of v.findings) process.stdout.write(`注意：${f.work ?? ''}《${f.title ?? ''}》${f.message}\n`);
  for (const f of v.limits) process.stdout.write(`注意：${f.message}\n`);
  if (v.unchanged) process.stdout.write(`${v.dir} 已是最新，没有需要更新的文件(${v.files} 个文件)。\n`);
  else {
    process.stdout.write(
      `已导出到 ${v.dir}：${v.files} 个文件，复制 ${v.copied} 个(${mb(v.bytesCopied)}${v.cloned ? `，其中 ${v.cloned} 个为写时复制` : ''})，沿用上次导出 ${v.reused} 个。\n`,
    );
  }
  if (v.errors) process.stdout.write(`警告：按 --allow-errors 导出，仍有 ${v.errors} 个错误。\n`);
  for (const rel of v.skipped) process.stdout.write(`未导出(文件不存在)：${rel}\n`);
  if (v.zip) process.stdout.write(`ZIP：${v.zip.file}(${v.zip.entries} 个文件)\n`);
  return 0;
}

/** What an export to --out would do and what would bite it there; exit 1 when the export would be refused. */
export async function runPreflight(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  if (typeof values.out !== 'string') throw new UsageError('缺少 --out DIR');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const r = await api.call('export.preflight', { out: values.out }, { signal });
  if (!r.ok) return fail(r.error);
  const p = r.value;
  const short = preflightShort(p);
  const blocked = p.state === 'refused' || short || p.limits.some((f) => f.severity === 'error');
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
    return blocked ? 1 : 0;
  }
  const lines = [
    `目标文件夹  ${p.dir}(${PREFLIGHT_STATE[p.state]})${p.problem ? `：${p.problem}` : ''}`,
    `磁盘格式    ${p.fileSystem ?? `无法读取(${p.fileSystemNote})`}`,
    `内容        ${p.works} 件作品，${p.files} 个文件：${p.folders.map((f) => `${f.name} ${f.works} 件`).join('，')}`,
    `需要复制    ${mb(p.copyBytes)}${p.reusable ? `(另有 ${p.reusable} 个文件沿用上次导出)` : ''}`,
    `可用空间    ${p.freeBytes === null ? '未知' : `${mb(p.freeBytes)}${short ? '：不够' : ''}`}`,
    `检查结果    错误 ${p.errors} · 警告 ${p.warnings} · 待确认 ${p.infos}`,
    ...p.renamed.map((f) => `名称调整    ${f.work ?? ''}《${f.title ?? ''}》${f.message}`),
    ...p.limits.map(
      (f) => `${f.severity === 'error' ? '不能导出' : f.severity === 'warning' ? '注意' : '提示'}    ${f.message}`,
    ),
    blocked
      ? '结论：不能导出到这个文件夹。'
      : `结论：可以导出${p.errors ? `(但还有 ${p.errors} 个错误，需修正或加 --allow-errors)` : ''}。`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return blocked ? 1 : 0;
}

export async function runVerify(positionals: string[], signal: AbortSignal): Promise<Exit> {
  const dir = positionals[0];
  if (!dir) throw new UsageError('缺少要校验的文件夹：baosong verify DIR');
  const api = await client();
  const r = await api.call('export.verify', { dir }, { signal });
  if (!r.ok) return fail(r.error);
  const v = r.value;
  const show = (what: string, list: string[]) => list.forEach((rel) => process.stdout.write(`${what}  ${rel}\n`));
  show('已改动', v.changed);
  show('缺少  ', v.missing);
  show('多出  ', v.extra);
  const bad = v.changed.length + v.missing.length + v.extra.length;
  process.stdout.write(
    bad
      ? `校验不通过：${v.changed.length} 个已改动，${v.missing.length} 个缺少，${v.extra.length} 个多出。\n`
      : `校验通过：${v.files} 个文件与 manifest.sha256 一致。\n`,
  );
  return bad ? 1 : 0;
}

export async function runPrint(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  if (typeof values.out !== 'string') throw new UsageError('缺少 --out DIR');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const r = await api.call(
    'print.run',
    { out: values.out, ...(typeof values.work === 'string' ? { work: values.work } : {}) },
    { signal },
  );
  if (!r.ok) return fail(r.error);
  process.stdout.write(`已生成 ${r.value.files.length} 个打印用 PDF 到 ${r.value.dir}\n`);
  return 0;
}

export async function runMail(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  if (typeof values.out !== 'string') throw new UsageError('缺少 --out DIR');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const r = await api.call('mail.run', { out: values.out }, { signal });
  if (!r.ok) return fail(r.error);
  process.stdout.write(
    `邮件附件已放在 ${r.value.dir}(${r.value.files.length} 个文件)\n收件人：${r.value.to}\n主题：${r.value.subject}\n`,
  );
  return 0;
}

export async function runDemo(positionals: string[], signal: AbortSignal): Promise<Exit> {
  const dir = positionals[0];
  if (!dir) throw new UsageError('缺少示例文件夹：baosong demo DIR');
  const api = await client();
  process.stderr.write('正在生成示例批次(视频由内置 ffmpeg 生成，约需一分钟)…\n');
  const made = await api.call('demo.create', { dir }, { signal, onProgress: progressPrinter('生成示例文件') });
  if (!made.ok) return fail(made.error);
  const root = made.value.batch.replace(/[\\/]batch\.json$/, '');
  const db = `${root}/catalog.sqlite`;
  const opened = await api.call('catalog.open', { path: db, create: true });
  if (!opened.ok) return fail(opened.error);
  const imported = await api.call('batch.import', { path: made.value.batch });
  if (!imported.ok) return fail(imported.error);
  const checked = await api.call('check.run', {}, { signal, onProgress: progressPrinter('检查文件') });
  if (!checked.ok) return fail(checked.error);
  const c = checked.value;
  const exported = await api.call(
    'export.run',
    { out: `${root}/导出`, allowErrors: true },
    { signal, onProgress: transferPrinter('导出') },
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (!exported.ok) return fail(exported.error);
  const printed = await api.call('print.run', { out: `${root}/打印` }, { signal });
  if (!printed.ok) return fail(printed.error);
  process.stdout.write(
    [
      `示例批次已生成：${root}`,
      `  批次文件   ${made.value.batch}(${made.value.works} 件作品，${made.value.files} 个文件)`,
      `  目录文件   ${db}`,
      `  检查结果   错误 ${c.errors} · 警告 ${c.warnings} · 待确认 ${c.infos}(故意留下的问题：w2 片头不是蓝底、w3 名称含“?”、w6 缺主展板源文件)`,
      `  云盘文件夹 ${exported.value.dir}(${exported.value.files} 个文件，含 manifest.sha256；因示例中有错误，按 --allow-errors 导出)`,
      `  打印 PDF   ${printed.value.dir}`,
      '',
      '接下来可以试试：',
      `  npx baosong check --db "${db}"`,
      `  npx baosong verify "${exported.value.dir}"`,
      '',
    ].join('\n'),
  );
  return 0;
}
