// unit.*: the organizing unit's 附表1-4 fields, its stamped scans and the cloud-drive link.
import type { Finding, Unit } from '../model.js';
import { fold } from '../text.js';
import { batchFinding, type RuleInput } from './finding.js';
import { fileProblem } from './files.js';
import { matches } from './profile.js';
import type { RuleDescriptor } from './descriptor.js';

export function unitRules({ profile, catalog, facts }: RuleInput): Finding[] {
  const unit = catalog.unit;
  if (!unit) return [];
  const out: Finding[] = [];
  for (const field of profile.unitFields) {
    const raw = String(unit[field.key as keyof Unit] ?? '');
    const value = fold(raw).replace(/\s/g, '');
    if (!value) {
      out.push(
        batchFinding(profile, 'unit.info', `组织单位及联系人信息表(附表1-4)缺少“${field.label}”`, {
          expected: field.expected ?? '已填写',
          actual: '(空)',
        }),
      );
    } else if (field.pattern && !matches(field.pattern, value)) {
      out.push(
        batchFinding(profile, 'unit.info', `组织单位及联系人信息表(附表1-4)“${field.label}”格式不对：${raw}`, {
          expected: field.expected,
          actual: raw,
        }),
      );
    }
  }
  for (const spec of profile.unitRoles) {
    const files = unit.files.filter((f) => f.role === spec.role);
    const formats = spec.role === 'report-doc' ? (['word'] as const) : (['pdf'] as const);
    if (files.length === 0) {
      if (spec.required)
        out.push(
          batchFinding(profile, 'unit.scans', `缺少${spec.label}(PDF)`, {
            role: spec.role,
            expected: 'PDF 1 个',
            actual: '0 个',
          }),
        );
      continue;
    }
    for (const file of files) {
      const problem = fileProblem(facts.get(file.absPath), [...formats]);
      if (problem) {
        out.push(
          batchFinding(profile, 'unit.scans', `${spec.label}：${problem.message}`, {
            role: spec.role,
            file: file.path,
            expected: problem.expected,
            actual: problem.actual,
          }),
        );
      }
    }
  }
  const link = fold(unit.cloudLink);
  if (!link || !fold(unit.cloudCode)) {
    out.push(
      batchFinding(
        profile,
        'unit.cloud-link',
        `云盘${!link ? '链接地址' : ''}${!link && !fold(unit.cloudCode) ? '和' : ''}${!fold(unit.cloudCode) ? '访问密码' : ''}未设置：请先为(空的)上传文件夹创建分享链接，使附表1-6 在上传前就完整，冻结期内无需改动`,
      ),
    );
  } else if (!/^https?:\/\//i.test(link)) {
    out.push(
      batchFinding(
        profile,
        'unit.cloud-link',
        `云盘链接地址应是分享链接(https://…)，不能是用户名和密码：${unit.cloudLink}`,
        { expected: 'https://…', actual: unit.cloudLink },
      ),
    );
  }
  return out;
}

/** The unit rules: what each is (src/shared/rules/descriptor.ts). */
export const UNIT_DESCRIPTORS = {
  'unit.info': {
    severity: 'error',
    checks: 'a field of 附表1-4 missing or malformed (one finding per field; patterns in the profile)',
    source: '附表1-4',
    threshold: () => 'per field (The organizing unit below)',
    focus: 'unit',
    fromForm: { form: '附表1-4', read: 'unit' },
  },
  'unit.scans': {
    severity: 'error',
    checks: "a unit's stamped scan (1-4, 1-5, 1-6, 1-7) missing, empty or not a PDF/Word",
    source: '通知 六.4',
    focus: 'unit',
  },
  'unit.cloud-link': {
    severity: 'warning',
    checks: '云盘链接地址 or 访问密码 not set, or a user name/password instead of a share link',
    source: '附表1-6',
    focus: 'unit',
    fromForm: { form: '附表1-6', read: 'cloud' },
  },
} as const satisfies Record<string, RuleDescriptor>;
