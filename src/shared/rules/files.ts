// file.* and courseware.presentation: presence, counts and true type of each role's files.
import { KIND_NAMES } from '../kinds.js';
import type { ContentKind, FileFacts, FileRef, Finding, Work } from '../model.js';
import { extensionOf } from '../text.js';
import { fileFinding, workFinding, type RuleInput } from './finding.js';
import type { Format, Profile } from './profile.js';
import type { RuleDescriptor } from './descriptor.js';

/** Which content kinds satisfy a format. A legacy Office file whose program is unknown passes as Word or PPT. */
export const FORMAT_KINDS: Record<Exclude<Format, 'any'>, ContentKind[]> = {
  mp4: ['mp4'],
  pdf: ['pdf'],
  word: ['docx', 'doc', 'ole'],
  ppt: ['pptx', 'ppt', 'ole'],
  zip: ['zip'],
  jpg: ['jpg'],
  png: ['png'],
  tiff: ['tiff'],
  psd: ['psd'],
  ai: ['pdf', 'postscript'],
  txt: ['text'],
};

export const FORMAT_NAMES: Record<Format, string> = {
  mp4: 'MP4',
  pdf: 'PDF',
  word: 'Word(.docx/.doc)',
  ppt: 'PPT(.pptx/.ppt)',
  zip: 'ZIP',
  jpg: 'JPG',
  png: 'PNG',
  tiff: 'TIFF',
  psd: 'PSD',
  ai: 'AI',
  txt: 'TXT',
  any: '任意格式',
};

export function formatsAccept(formats: Format[], kind: ContentKind): boolean {
  return formats.some((f) => f === 'any' || FORMAT_KINDS[f].includes(kind));
}

/**
 * The verdict on one file's existence and content: not found, empty, corrupt or of another type.
 * Shared by the work files and the unit's scans. Returns null when the file is fine.
 */
export function fileProblem(
  facts: FileFacts | undefined,
  formats: Format[],
): {
  rule: 'file.not-found' | 'file.empty' | 'file.corrupt' | 'file.type-mismatch';
  message: string;
  expected?: string;
  actual?: string;
} | null {
  if (!facts) return null;
  if (!facts.exists) return { rule: 'file.not-found', message: '文件不存在(路径错误、已移动或已删除)' };
  if (!facts.readable) return { rule: 'file.not-found', message: '文件无法读取(权限不足或被占用)' };
  if (facts.size === 0)
    return { rule: 'file.empty', message: '文件是空的(0 字节)', expected: '> 0 字节', actual: '0 字节' };
  if (facts.corrupt) return { rule: 'file.corrupt', message: `文件已损坏：${facts.corrupt}` };
  // A video in another container (FLV, MKV, AVI renamed .mp4) is video.container's finding, with advice.
  const otherVideo = formats.includes('mp4') && ['mkv', 'flv', 'avi'].includes(facts.kind);
  if (!otherVideo && !formatsAccept(formats, facts.kind)) {
    const expected = formats.map((f) => FORMAT_NAMES[f]).join(' 或 ');
    return {
      rule: 'file.type-mismatch',
      message: `文件内容是${KIND_NAMES[facts.kind]}，应为 ${expected}(按文件内容判断，与扩展名无关)`,
      expected,
      actual: KIND_NAMES[facts.kind],
    };
  }
  return null;
}

function isPresentation(profile: Profile, file: FileRef, facts: FileFacts | undefined): boolean {
  return (
    profile.presentationExtensions.includes(extensionOf(file.path)) || facts?.kind === 'pptx' || facts?.kind === 'ppt'
  );
}

export function fileRules({ profile, catalog, facts }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    const spec = profile.categories[work.category];
    for (const role of spec.roles) {
      const files = work.files.filter((f) => f.role === role.role);
      const range =
        role.max === null
          ? `至少 ${role.min} 个`
          : role.min === role.max
            ? `${role.min} 个`
            : `${role.min}–${role.max} 个`;
      if (files.length === 0 && role.min > 0) {
        out.push(
          workFinding(
            profile,
            'file.missing',
            work,
            `缺少${role.label}(${role.formats.map((f) => FORMAT_NAMES[f]).join(' 或 ')})`,
            {
              role: role.role,
              expected: range,
              actual: '0 个',
            },
          ),
        );
      } else if (files.length < role.min || (role.max !== null && files.length > role.max)) {
        out.push(
          workFinding(profile, 'file.count', work, `${role.label}应为 ${range}，现有 ${files.length} 个`, {
            role: role.role,
            expected: range,
            actual: `${files.length} 个`,
          }),
        );
      }
      for (const file of files) out.push(...oneFile(profile, work, file, role.formats, facts.get(file.absPath)));
    }
    const known = new Set(spec.roles.map((r) => r.role));
    const strays = new Map<string, FileRef[]>();
    for (const f of work.files) if (!known.has(f.role as never)) strays.set(f.role, [...(strays.get(f.role) ?? []), f]);
    for (const [role, files] of strays) {
      out.push(
        workFinding(
          profile,
          'file.count',
          work,
          `“${spec.name}”不需要${profile.roleNames[files[0]!.role]}，现有 ${files.length} 个`,
          {
            role: files[0]!.role,
            expected: '0 个',
            actual: `${files.length} 个`,
          },
        ),
      );
      void role;
    }
  }
  return out;
}

function oneFile(
  profile: Profile,
  work: Work,
  file: FileRef,
  formats: Format[],
  facts: FileFacts | undefined,
): Finding[] {
  const problem = fileProblem(facts, formats);
  if (problem) {
    return [
      fileFinding(profile, problem.rule, work, file, problem.message, {
        expected: problem.expected,
        actual: problem.actual,
      }),
    ];
  }
  if (file.role === 'courseware' && facts?.exists && isPresentation(profile, file, facts)) {
    return [
      fileFinding(
        profile,
        'courseware.presentation',
        work,
        file,
        '不接收演示型课件(ppt、pptx 等)：课件应是可安装运行的软件或网页包',
        {
          expected: '应用软件、网页包等',
          actual: facts.kind === 'pptx' || facts.kind === 'ppt' ? KIND_NAMES[facts.kind] : extensionOf(file.path),
        },
      ),
    ];
  }
  return [];
}

/** The file rules: what each is (src/shared/rules/descriptor.ts). */
export const FILE_DESCRIPTORS = {
  'file.missing': {
    severity: 'error',
    checks: 'a required role has no file',
    source: '通知 三 (各类作品)',
  },
  'file.not-found': {
    severity: 'error',
    checks: 'a catalogued path does not exist or cannot be read',
    source: 'tool',
  },
  'file.empty': {
    severity: 'error',
    checks: 'a file of 0 bytes',
    source: 'tool',
  },
  'file.type-mismatch': {
    severity: 'error',
    checks: "the content (not the extension) is not one of the role's formats",
    source: '通知 三 (各类作品)',
  },
  'file.corrupt': {
    severity: 'error',
    checks: 'the content cannot be parsed or is cut off',
    source: 'tool',
  },
  'file.count': {
    severity: 'error',
    checks: 'more or fewer files of a role than its count allows',
    source: '通知 三 (各类作品)',
  },
  'courseware.presentation': {
    severity: 'error',
    checks: 'the courseware is a presentation (不接收演示型课件)',
    source: '通知 三.1',
  },
} as const satisfies Record<string, RuleDescriptor>;
