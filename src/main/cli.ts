// `baosong`: a thin client of the typed API. It parses arguments, calls the same handlers as the window,
// prints, and maps results to exit codes. Heavy modules load only when a command needs them.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { runCheck, runImport, runUnit } from './cli/catalog-commands.js';
import { UsageError, type Exit } from './cli/common.js';
import { runDemo, runExportCommand, runMail, runPreflight, runPrint, runVerify } from './cli/export-commands.js';

const HELP = `报送助手 baosong — 教育教学信息化交流活动报送批次的检查与整理

用法：
  baosong import BATCH.json --db CATALOG.sqlite   导入报送批次(一次事务：全部成功或不做任何改动)
  baosong check --db CATALOG.sqlite [--json]      检查全部规则；--json 输出机器可读的报告
  baosong unit --db CATALOG.sqlite [--cloud-link URL] [--cloud-code CODE]
                                                  显示组织单位；设置云盘分享链接和访问密码(附表1-6)
  baosong export --db CATALOG.sqlite --out DIR [--allow-errors] [--zip FILE]
                                                  生成可直接上传云盘的文件夹、作品汇总表、各类登记表和 manifest.sha256
  baosong preflight --db CATALOG.sqlite --out DIR [--json]
                                                  导出前预检：目标文件夹、空间、磁盘格式(FAT32)、路径长度(Excel/Word/资源管理器)、云盘限制
  baosong verify DIR                              按 manifest.sha256 重新校验导出的文件夹
  baosong print --db CATALOG.sqlite --out DIR [--work KEY]
                                                  生成打印用 PDF(登记表、推荐意见、附表1-4 至 1-7)，签字盖章后扫描
  baosong mail --db CATALOG.sqlite --out DIR      生成邮件附件包(Word/Excel 版和盖章扫描件)与 邮件.txt
  baosong intake DIR --plan PLAN.json [--summary 汇总表.xlsx] [--db CATALOG.sqlite] [--unit 名称] [--kind 类型]
                                                  从收到的作品文件夹(和填好的作品汇总表)生成导入计划：一个批次文件，
                                                  旁边的 PLAN.report.json 说明每个判断的依据；核对后用 import 导入
  baosong fix --db CATALOG.sqlite [--work KEY] [--file PATH] [--what 项目] [--dry-run] [--restore] [--preview 片头.png]
                                                  一键修复：封装不对的重新封装为 MP4(不重新编码)；编码、帧率、尺寸等
                                                  不合要求的转码；微课加 5 秒蓝底白字楷体片头(--preview 保存片头预览)；
                                                  RGB 展板转 CMYK。先说明会做什么、不会做什么；结果放在目录的工作文件夹，
                                                  源文件不动；--restore 还原为源文件
  baosong province add 省级目录 单位文件夹或ZIP [--unit 名称] [--kind 类型]
                                                  省级汇总：记录单位文件夹的封存基准(按 manifest.sha256 核验)，读入它的作品
  baosong province check 省级目录 [--out 输出文件夹]
                                                  逐个单位检查并跨单位核对(第一作者、参与件数、同一作品/文件、手机号)，
                                                  封存核验；输出全省作品汇总表、各单位报送概况、每个单位的退回/补交清单
  baosong province verify 省级目录 [--out 输出文件夹] [--restart]
                                                  重新读取每个单位的全部文件，与封存基准和它自己的 manifest.sha256 核对
                                                  (多核并行；中断后再次运行从中断处继续，--restart 从头开始)
  baosong province remove 省级目录 单位名称        从省级目录移除一个单位(它的文件夹不动)
  baosong demo DIR                                生成一个示例批次，导入、检查并导出：新用户的第一次运行

退出码：0 成功/无错误；1 检查发现错误(export：因错误未导出；verify：有差异；preflight：不能导出到该文件夹)；2 输入有误或无法运行。
`;

/** Every option, and the commands that take each (an option of another command is an error, said in Chinese). */
const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  'cloud-link': { type: 'string' },
  'cloud-code': { type: 'string' },
  out: { type: 'string' },
  zip: { type: 'string' },
  'allow-errors': { type: 'boolean' },
  work: { type: 'string' },
  plan: { type: 'string' },
  summary: { type: 'string' },
  unit: { type: 'string' },
  kind: { type: 'string' },
  file: { type: 'string' },
  what: { type: 'string' },
  'dry-run': { type: 'boolean' },
  restore: { type: 'boolean' },
  preview: { type: 'string' },
  restart: { type: 'boolean' },
} as const;
type OptionName = keyof typeof OPTIONS;

const COMMANDS: Record<string, OptionName[]> = {
  import: ['db'],
  check: ['db', 'json'],
  unit: ['db', 'cloud-link', 'cloud-code'],
  export: ['db', 'out', 'allow-errors', 'zip'],
  preflight: ['db', 'out', 'json'],
  verify: [],
  print: ['db', 'out', 'work'],
  mail: ['db', 'out'],
  intake: ['plan', 'summary', 'db', 'unit', 'kind'],
  fix: ['db', 'work', 'file', 'what', 'dry-run', 'restore', 'preview'],
  demo: [],
  province: ['unit', 'kind', 'out', 'restart'],
};

/** The command's own options; an unknown one, one of another command or a value missing is said in Chinese. */
export function parseCommand(
  command: string,
  args: string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const own = COMMANDS[command];
  if (!own) throw new UsageError(`未知的命令“${command}”`);
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(own.map((o) => [o, OPTIONS[o]])),
    });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const option = /'(-{1,2}[^'\s]+)/.exec((e as Error).message)?.[1] ?? '';
    const name = option.replace(/^-+/, '').split('=')[0] as OptionName;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const others = Object.entries(COMMANDS)
        .filter(([, opts]) => opts.includes(name))
        .map(([c]) => c);
      throw new UsageError(
        `${command} 没有选项 ${option}${others.length ? `(它是 ${others.join('、')} 的选项)` : ''}${own.length ? `；${command} 的选项：${own.map((o) => `--${o}`).join(' ')}` : `；${command} 不接受选项`}`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(
        OPTIONS[name]?.type === 'boolean' ? `选项 --${name} 不带值` : `选项 --${name} 后面要跟一个值`,
      );
    }
    throw new UsageError(`无法理解的参数：${args.join(' ')}`);
  }
}

/** The version, from package.json (never written twice). */
function version(): string {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    return '未知版本';
  }
}

export async function main(argv: string[]): Promise<Exit> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const controller = new AbortController();
  // Ctrl-C cancels the job (an export cleans up, nothing half-written stays); a second Ctrl-C, or a phase that
  // does not come back within a few seconds, ends the process at once.
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('\n正在取消…(再按一次 Ctrl-C 立即退出)\n');
    setTimeout(() => process.exit(130), 5000).unref();
  });
  try {
    const { values, positionals } = parseCommand(command, rest);
    switch (command) {
      case 'import':
        return await runImport(positionals, values);
      case 'check':
        return await runCheck(values, controller.signal);
      case 'unit':
        return await runUnit(values);
      case 'export':
        return await runExportCommand(values, controller.signal);
      case 'preflight':
        return await runPreflight(values, controller.signal);
      case 'verify':
        return await runVerify(positionals, controller.signal);
      case 'print':
        return await runPrint(values, controller.signal);
      case 'mail':
        return await runMail(values, controller.signal);
      case 'intake': {
        const { runIntake } = await import('./cli/intake-command.js');
        return await runIntake(positionals, values, controller.signal);
      }
      case 'fix':
        return await (await import('./cli/fix-command.js')).runFix(values, controller.signal);
      case 'demo':
        return await runDemo(positionals, controller.signal);
      case 'province':
        return await (await import('./cli/province-command.js')).runProvince(positionals, values, controller.signal);
      default:
        throw new UsageError(`未知的命令“${command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`错误：${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    process.stderr.write(`错误：${(e as Error).message}\n`);
    return 2;
  }
}
