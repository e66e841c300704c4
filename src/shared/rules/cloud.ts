// cloud.* and target.*: the limits that bite after the check passed — the cloud drive's account tiers, and the
// disk and Windows programs the export lands on. cloud.file-size is a check finding (it depends on the work's
// file only); the others depend on the export's target and are the pre-flight's lines.
import type { Finding } from '../model.js';
import { batchFinding, fileFinding, type RuleInput } from './finding.js';
import type { Profile } from './profile.js';
import { fmt, type RuleDescriptor } from './descriptor.js';

const GIB = 1024 ** 3;
const gb = (bytes: number) => `${(bytes / GIB).toFixed(2)} GB`;

/** A work file larger than the free account's upload limit: which tier it needs (or that none can take it). */
export function cloudRules({ profile, catalog, facts }: RuleInput): Finding[] {
  const { name, tiers } = profile.cloudDrive;
  const free = tiers[0]!;
  const out: Finding[] = [];
  for (const work of catalog.works) {
    for (const file of work.files) {
      const size = facts.get(file.absPath)?.size ?? 0;
      if (size <= free.maxFileBytes) continue;
      const tier = tiers.find((t) => size <= t.maxFileBytes);
      const need = tier
        ? `需要用${name}${tier.name}(单个文件 ≤ ${gb(tier.maxFileBytes)})的账号上传`
        : `${name}任何账号都不能上传(最多 ${gb(tiers.at(-1)!.maxFileBytes)})，请压缩或分段`;
      out.push(
        fileFinding(
          profile,
          'cloud.file-size',
          work,
          file,
          `文件 ${gb(size)}，超过${name}${free.name}的单个文件上限 ${gb(free.maxFileBytes)}：${need}(客户端要到整个文件传完才报错)`,
          {
            expected: `≤ ${gb(free.maxFileBytes)}(${free.name})`,
            actual: gb(size),
          },
        ),
      );
    }
  }
  return out;
}

const EXCEL = /\.(xlsx|xlsm|xls)$/i;
const WORD = /\.(docx|docm|doc)$/i;

export interface TargetInput {
  profile: Profile;
  /** The export folder, as the OS spells it ("D:\\云盘上传\\导出"). */
  dir: string;
  /** The OS's separator between dir and the tree's relative paths ('\\' on Windows). */
  sep: string;
  /** Every file of the tree (relative, '/'-separated) with its size; copies and generated files alike. */
  files: { rel: string; bytes: number }[];
  /** The target's file system: its name ('vfat', 'NTFS'…) and whether it is FAT; null where it cannot be read. */
  fileSystem: { name: string; fat: boolean } | null;
  /** Why the file system could not be read, where it could not. */
  fileSystemUnknown?: string;
}

/** The target's lines of the pre-flight: paths too long for Excel/Word/Explorer, FAT32, the share's size. */
export function targetRules({ profile, dir, sep, files, fileSystem, fileSystemUnknown }: TargetInput): Finding[] {
  const out: Finding[] = [];
  const prefix = dir.replace(/[\\/]+$/, '') + sep;
  const full = (rel: string) => prefix + rel.split('/').join(sep);
  const longest = (list: { rel: string }[]) =>
    list.map((f) => full(f.rel)).reduce((a, b) => (b.length > a.length ? b : a), '');
  const advice = (over: number) =>
    `请导出到离盘符更近、名字更短的文件夹(例如 D:\\云盘上传)，目标文件夹的路径至少要短 ${over} 个字符`;
  const pathLimit = (
    rule: 'target.path-excel' | 'target.path-word' | 'target.path-explorer',
    limit: number,
    what: string,
    list: { rel: string }[],
  ) => {
    const long = list.filter((f) => full(f.rel).length > limit);
    if (!long.length) return;
    const worst = longest(long);
    out.push(
      batchFinding(
        profile,
        rule,
        `${long.length} 个文件的完整路径超过 ${limit} 个字符，${what}。最长的是 ${worst}(${worst.length} 个字符)。${advice(worst.length - limit)}`,
        {
          expected: `≤ ${limit} 个字符`,
          actual: `${worst.length} 个字符`,
        },
      ),
    );
  };
  // Windows' and Office's limits on a whole path, in UTF-16 units (what Windows counts), and FAT32's on a file.
  const limits = profile.limits.target;
  pathLimit(
    'target.path-excel',
    limits.pathExcel,
    'Excel 打不开',
    files.filter((f) => EXCEL.test(f.rel)),
  );
  pathLimit(
    'target.path-word',
    limits.pathWord,
    'Word 打不开',
    files.filter((f) => WORD.test(f.rel)),
  );
  pathLimit('target.path-explorer', limits.pathExplorer, '资源管理器无法复制、移动或打开', files);

  const big = files.filter((f) => f.bytes > limits.fat32MaxBytes);
  const fat32 = `${+((limits.fat32MaxBytes + 1) / GIB).toFixed(2)} GB`;
  if (fileSystem?.fat && big.length) {
    out.push(
      batchFinding(
        profile,
        'target.fat32',
        `目标磁盘是 FAT32 格式(常见于 U 盘)，存不下 ${fat32} 及以上的文件：${big.map((f) => `${f.rel}(${gb(f.bytes)})`).join('、')}。请导出到 NTFS 或 exFAT 格式的磁盘`,
        {
          expected: `每个文件 < ${fat32}`,
          actual: gb(Math.max(...big.map((f) => f.bytes))),
          file: big[0]!.rel,
        },
      ),
    );
  } else if (!fileSystem && big.length) {
    out.push(
      batchFinding(
        profile,
        'target.fs-unknown',
        `无法读取目标磁盘的格式(${fileSystemUnknown ?? '未知'})：若是 FAT32 格式的 U 盘，存不下 ${fat32} 及以上的文件(${big.map((f) => f.rel).join('、')})`,
        {
          file: big[0]!.rel,
        },
      ),
    );
  }

  const { name, saveLimit } = profile.cloudDrive;
  // The tree as uploaded: every file plus the manifest.
  const count = files.length + 1;
  if (count > saveLimit.files) {
    out.push(
      batchFinding(
        profile,
        'cloud.file-count',
        `导出共 ${count} 个文件，超过${name}${saveLimit.tiers}一次转存的上限 ${saveLimit.files} 个：省里接收时需要会员账号，或按分类文件夹分几次转存。请在报送说明中告知`,
        {
          expected: `≤ ${saveLimit.files} 个文件`,
          actual: `${count} 个文件`,
        },
      ),
    );
  }
  return out;
}

/** The cloud rules: what each is (src/shared/rules/descriptor.ts). */
export const CLOUD_DESCRIPTORS = {
  'cloud.file-size': {
    severity: 'warning',
    checks: "a file larger than the cloud drive's free account may upload",
    source: '通知 六.2 (如百度云盘)',
    threshold: (p) => p.cloudDrive.tiers.map((t) => `${t.name} ≤ ${fmt.gib(t.maxFileBytes)}`).join('; '),
  },
  'cloud.file-count': {
    severity: 'warning',
    checks: 'a tree of more files than a free account may save from a share at once',
    source: '通知 六.2 (如百度云盘)',
    threshold: (p) => `≤ ${p.cloudDrive.saveLimit.files} files (${p.cloudDrive.saveLimit.tiers})`,
  },
  'target.path-excel': {
    severity: 'warning',
    checks: 'a whole path longer than Excel opens',
    source: 'tool',
    threshold: (p) => `≤ ${p.limits.target.pathExcel} characters`,
  },
  'target.path-word': {
    severity: 'warning',
    checks: 'a whole path longer than Word opens',
    source: 'tool',
    threshold: (p) => `≤ ${p.limits.target.pathWord} characters`,
  },
  'target.path-explorer': {
    severity: 'warning',
    checks: 'a whole path longer than Explorer copies or opens',
    source: 'tool',
    threshold: (p) => `≤ ${p.limits.target.pathExplorer} characters`,
  },
  'target.fat32': {
    severity: 'error',
    checks: 'a file over 4 GiB for a FAT32 target',
    source: 'tool',
    threshold: (p) => `< ${fmt.gib(p.limits.target.fat32MaxBytes + 1)} a file`,
  },
  'target.fs-unknown': {
    severity: 'info',
    checks: "the target's file system cannot be read",
    source: 'tool',
  },
} as const satisfies Record<string, RuleDescriptor>;
