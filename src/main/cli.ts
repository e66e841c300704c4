// `baosong`: a thin client of the typed API. It parses arguments, calls the same handlers as the window,
// prints, and maps results to exit codes. Heavy modules load only when a command needs them.
import { parseArgs } from 'node:util';
import type { ApiClient, JobProgress } from '../shared/api.js';
import type { ApiError } from '../shared/errors.js';
import { workLabel } from '../shared/model.js';
import type { Profile } from '../shared/rules/profile.js';

const HELP = `报送助手 baosong — 教育教学信息化交流活动报送批次的检查与整理

用法：
  baosong import BATCH.json --db CATALOG.sqlite   导入报送批次(一次事务：全部成功或不做任何改动)
  baosong check --db CATALOG.sqlite [--json]      检查全部规则；--json 输出机器可读的报告
  baosong unit --db CATALOG.sqlite [--cloud-link URL] [--cloud-code CODE]
                                                  显示组织单位；设置云盘分享链接和访问密码(附表1-6)
  baosong export --db CATALOG.sqlite --out DIR [--allow-errors] [--zip FILE]
                                                  生成可直接上传云盘的文件夹、作品汇总表、各类登记表和 manifest.sha256
  baosong verify DIR                              按 manifest.sha256 重新校验导出的文件夹
  baosong print --db CATALOG.sqlite --out DIR [--work KEY]
                                                  生成打印用 PDF(登记表、推荐意见、附表1-4 至 1-7)，签字盖章后扫描
  baosong mail --db CATALOG.sqlite --out DIR      生成邮件附件包(Word/Excel 版和盖章扫描件)与 邮件.txt
  baosong demo DIR                                生成一个示例批次，导入、检查并导出：新用户的第一次运行

退出码：0 成功/无错误；1 检查发现错误(export：因错误未导出；verify：有差异)；2 输入有误或无法运行。
`;

type Exit = 0 | 1 | 2;

class UsageError extends Error {}

function progressPrinter(label: string): (p: JobProgress) => void {
  const tty = process.stderr.isTTY;
  let lastQuarter = -1;
  return (p) => {
    if (tty) {
      const width = 24;
      const filled = p.total ? Math.round((p.done / p.total) * width) : width;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}`);
      if (p.done === p.total) process.stderr.write('\n');
    } else {
      const quarter = p.total ? Math.floor((p.done / p.total) * 4) : 4;
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        process.stderr.write(`${label} ${p.done}/${p.total}\n`);
      }
    }
  };
}

const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e8 ? 1 : 0)} MB`;

/** Progress of a copy: bytes, files and the time left, on one line (a terminal) or a line per quarter. */
function transferPrinter(label: string): (p: JobProgress) => void {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  let lastQuarter = -1;
  return (p) => {
    const now = Date.now();
    const total = p.totalBytes ?? 0;
    const bytes = p.bytes ?? 0;
    const rate = bytes / Math.max(1, now - started);
    const left = rate > 0 && total > bytes ? Math.round((total - bytes) / rate / 1000) : 0;
    const text = `${label} ${p.phase} ${p.done}/${p.total} 个文件 ${mb(bytes)}/${mb(total)}${left ? ` 剩余约 ${left} 秒` : ''}`;
    if (tty) {
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      process.stderr.write(`\r${text}\x1b[K`);
    } else {
      const quarter = total ? Math.floor((bytes / total) * 4) : 4;
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      process.stderr.write(`${text}\n`);
    }
  };
}

function fail(error: ApiError): Exit {
  process.stderr.write(`错误：${error.message}\n`);
  const details = (error.details ?? []).slice(1);
  for (const d of details.slice(0, 30)) {
    const where = d.path ? `${d.path}${d.work ? `(作品 ${d.work})` : ''}：` : d.work ? `作品 ${d.work}：` : '';
    process.stderr.write(`  ${where}${d.message}\n`);
  }
  if (details.length > 30) process.stderr.write(`  ……另有 ${details.length - 30} 项，运行 check 查看全部\n`);
  return error.code === 'refused' ? 1 : 2;
}

async function client(): Promise<ApiClient> {
  const [{ createSession }, { localClient }] = await Promise.all([import('./api/handlers.js'), import('./api/dispatch.js')]);
  return localClient(createSession());
}

async function openDb(api: ApiClient, db: string | undefined, create: boolean): Promise<ApiError | null> {
  if (!db) throw new UsageError('缺少 --db CATALOG.sqlite');
  const opened = await api.call('catalog.open', { path: db, create });
  return opened.ok ? null : opened.error;
}

async function runImport(positionals: string[], values: Record<string, unknown>): Promise<Exit> {
  const batch = positionals[0];
  if (!batch) throw new UsageError('缺少批次文件：baosong import BATCH.json --db CATALOG.sqlite');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, true);
  if (err) return fail(err);
  const result = await api.call('batch.import', { path: batch });
  if (!result.ok) return fail(result.error);
  const r = result.value;
  process.stdout.write(
    `已导入“${r.unit}”：${r.works} 件作品，${r.files} 个文件${r.missingFiles ? `(其中 ${r.missingFiles} 个找不到，运行 check 查看)` : ''}\n`,
  );
  return 0;
}

async function runCheck(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const result = await api.call('check.run', {}, { signal, onProgress: progressPrinter('检查文件') });
  if (!result.ok) return fail(result.error);
  const report = result.value;
  if (values.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const [{ formatReport }, { profiles }, unit] = await Promise.all([
      import('./cli/format.js'),
      import('../shared/rules/liaoning-29.js'),
      api.call('unit.get', {}),
    ]);
    const profile = profiles[report.edition]!;
    const heads = await workHeads(api, profile);
    process.stdout.write(formatReport(report, profile, unit.ok ? unit.value : null, heads));
  }
  return report.errors > 0 ? 1 : 0;
}

/** "w1 《小小的船》 微课 · 张强": how the table heads each work. */
async function workHeads(api: ApiClient, profile: Profile): Promise<Map<string, string>> {
  const works = await api.call('works.list', {});
  if (!works.ok) return new Map();
  return new Map(
    works.value.map((w) => [
      workLabel(w),
      `${workLabel(w)} 《${w.title}》 ${profile.categories[w.category].name} · ${w.authors[0]?.name ?? '无作者'}`,
    ]),
  );
}

async function runExportCommand(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  if (typeof values.out !== 'string') throw new UsageError('缺少 --out DIR');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const args = { out: values.out, allowErrors: values['allow-errors'] === true, ...(typeof values.zip === 'string' ? { zip: values.zip } : {}) };
  const r = await api.call('export.run', args, { signal, onProgress: transferPrinter('导出') });
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (!r.ok) return fail(r.error);
  const v = r.value;
  for (const f of v.findings) process.stdout.write(`注意：${f.work ?? ''}《${f.title ?? ''}》${f.message}\n`);
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

async function runVerify(positionals: string[], signal: AbortSignal): Promise<Exit> {
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
  process.stdout.write(bad ? `校验不通过：${v.changed.length} 个已改动，${v.missing.length} 个缺少，${v.extra.length} 个多出。\n` : `校验通过：${v.files} 个文件与 manifest.sha256 一致。\n`);
  return bad ? 1 : 0;
}

async function runPrint(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  if (typeof values.out !== 'string') throw new UsageError('缺少 --out DIR');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const r = await api.call('print.run', { out: values.out, ...(typeof values.work === 'string' ? { work: values.work } : {}) }, { signal });
  if (!r.ok) return fail(r.error);
  process.stdout.write(`已生成 ${r.value.files.length} 个打印用 PDF 到 ${r.value.dir}\n`);
  return 0;
}

async function runMail(values: Record<string, unknown>, signal: AbortSignal): Promise<Exit> {
  if (typeof values.out !== 'string') throw new UsageError('缺少 --out DIR');
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const r = await api.call('mail.run', { out: values.out }, { signal });
  if (!r.ok) return fail(r.error);
  process.stdout.write(`邮件附件已放在 ${r.value.dir}(${r.value.files.length} 个文件)\n收件人：${r.value.to}\n主题：${r.value.subject}\n`);
  return 0;
}

async function runDemo(positionals: string[], signal: AbortSignal): Promise<Exit> {
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
  const exported = await api.call('export.run', { out: `${root}/导出`, allowErrors: true }, { signal, onProgress: transferPrinter('导出') });
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

async function runUnit(values: Record<string, unknown>): Promise<Exit> {
  const api = await client();
  const err = await openDb(api, values.db as string | undefined, false);
  if (err) return fail(err);
  const changes: { cloudLink?: string; cloudCode?: string } = {};
  if (typeof values['cloud-link'] === 'string') changes.cloudLink = values['cloud-link'];
  if (typeof values['cloud-code'] === 'string') changes.cloudCode = values['cloud-code'];
  const result = Object.keys(changes).length ? await api.call('unit.update', changes) : await api.call('unit.get', {});
  if (!result.ok) return fail(result.error);
  const u = result.value;
  if (!u) {
    process.stdout.write('目录中还没有组织单位。\n');
    return 0;
  }
  const rows: [string, string][] = [
    ['组织单位名称', u.name],
    ['单位类型', u.kind],
    ['组别', u.group === 'k12' ? '中小学校组(含中职)' : '高等学校组'],
    ['活动联系人', u.contact],
    ['负责部门', u.department],
    ['职务', u.title],
    ['手机号', u.mobile],
    ['座机号', u.phone],
    ['QQ', u.qq],
    ['电子信箱', u.email],
    ['邮政编码', u.postcode],
    ['通信地址', u.address],
    ['云盘链接地址', u.cloudLink],
    ['访问密码', u.cloudCode],
  ];
  process.stdout.write(rows.map(([k, v]) => `${k}：${v || '(未填)'}`).join('\n') + '\n');
  return 0;
}

export async function main(argv: string[]): Promise<Exit> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write('0.1.0\n');
    return 0;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        'cloud-link': { type: 'string' },
        'cloud-code': { type: 'string' },
        out: { type: 'string' },
        zip: { type: 'string' },
        'allow-errors': { type: 'boolean' },
        work: { type: 'string' },
      },
    });
    switch (command) {
      case 'import':
        return await runImport(positionals, values);
      case 'check':
        return await runCheck(values, controller.signal);
      case 'unit':
        return await runUnit(values);
      case 'export':
        return await runExportCommand(values, controller.signal);
      case 'verify':
        return await runVerify(positionals, controller.signal);
      case 'print':
        return await runPrint(values, controller.signal);
      case 'mail':
        return await runMail(values, controller.signal);
      case 'demo':
        return await runDemo(positionals, controller.signal);
      default:
        throw new UsageError(`未知的命令“${command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`错误：${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    process.stderr.write(`错误：${(e as Error).message}\n`);
    return 2;
  }
}
