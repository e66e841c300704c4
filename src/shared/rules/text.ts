// The text of a work: title, category and group, grade and subject, comment, form fields, scenes, share flag.
import type { Finding, Group, Work } from '../model.js';
import { charCountNoSpace, fold, isBlank } from '../text.js';
import { workFinding, type RuleInput } from './finding.js';
import { describeChanges, safeName } from './naming.js';
import type { Profile } from './profile.js';
import type { RuleDescriptor } from './descriptor.js';

export function groupOfStage(stage: Work['stage']): Group {
  return stage === 'higher' ? 'higher' : 'k12';
}

export function titleRules({ profile, catalog }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    if (isBlank(work.title)) {
      out.push(workFinding(profile, 'title.empty', work, '作品名称为空'));
      continue;
    }
    if (/[《》]/.test(work.title)) {
      out.push(
        workFinding(profile, 'title.brackets', work, '作品名称请勿使用《》(登记表要求)', {
          expected: work.title.replace(/[《》]/g, ''),
          actual: work.title,
        }),
      );
    }
    const safe = safeName(work.title);
    if (safe.changes.length) {
      out.push(
        workFinding(
          profile,
          'title.unsafe-chars',
          work,
          `作品名称含有文件夹名中不能使用的字符，导出时将${describeChanges(safe.changes)}`,
          { expected: safe.name, actual: work.title },
        ),
      );
    }
  }
  return out;
}

function openTo(profile: Profile, work: Work, group: Group): boolean {
  return profile.categories[work.category].open.some(
    (o) => o.group === group && (!o.stages || o.stages.includes(work.stage)),
  );
}

export function categoryRules({ profile, catalog }: RuleInput): Finding[] {
  const out: Finding[] = [];
  const unitGroup = catalog.unit?.group;
  for (const work of catalog.works) {
    const spec = profile.categories[work.category];
    const group = groupOfStage(work.stage);
    const stage = profile.stages[work.stage];
    const problems: string[] = [];
    if (unitGroup && unitGroup !== group) {
      problems.push(
        `学段“${stage}”属于${profile.groups[group].name}，而组织单位报送的是${profile.groups[unitGroup].name}`,
      );
    }
    if (!openTo(profile, work, group)) {
      const alt = Object.values(profile.categories).find(
        (c) => c.quota === spec.quota && c.id !== spec.id && openTo(profile, { ...work, category: c.id }, group),
      );
      problems.push(`“${spec.name}”不接收${stage}的作品${alt ? `(应报“${alt.name}”)` : ''}`);
    }
    const variant = spec.variants?.find((v) => v.id === work.variant);
    if (variant && !variant.groups.includes(group)) {
      problems.push(`${profile.groups[group].name}不设“${variant.name}”`);
    }
    if (problems.length) {
      out.push(
        workFinding(profile, 'category.group', work, problems.join('；'), {
          expected: `${profile.groups[group].name}可报的类别`,
          actual: `${spec.name}${variant ? `(${variant.name})` : ''}，${stage}`,
        }),
      );
    }
    if (spec.variants && !variant) {
      out.push(
        workFinding(profile, 'work.variant', work, `请选择案例类型：${spec.variants.map((v) => v.name).join('、')}`),
      );
    }
  }
  return out;
}

export function gradeSubjectRules({ profile, catalog }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    if (!profile.categories[work.category].needsGradeSubject) continue;
    const grade = fold(work.grade).replace(/ /g, '');
    if (!grade)
      out.push(workFinding(profile, 'work.grade', work, '没有填写年级(如一年级、八年级、职业教育、高等教育)'));
    else {
      const forStage = profile.gradesByStage[work.stage] ?? profile.usualGrades;
      if (!profile.usualGrades.includes(grade) || !forStage.includes(grade)) {
        out.push(
          workFinding(
            profile,
            'work.grade-unusual',
            work,
            profile.usualGrades.includes(grade)
              ? `年级“${work.grade}”与学段“${profile.stages[work.stage]}”不符`
              : `年级“${work.grade}”不是常用写法(证书按汇总表制作)`,
            { expected: forStage.join('、'), actual: work.grade },
          ),
        );
      }
    }
    if (isBlank(work.subject)) {
      out.push(
        workFinding(profile, 'work.subject', work, '没有填写学科(基础教育填具体学科如物理；职业/高等教育可填二级学科)'),
      );
    }
  }
  return out;
}

export function commentAndFieldRules({ profile, catalog }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    const n = charCountNoSpace(work.comment);
    if (n < profile.commentMinChars) {
      out.push(
        workFinding(
          profile,
          'comment.length',
          work,
          `推荐评语(附表1-2 质性评语)不少于 ${profile.commentMinChars} 字，现为 ${n} 字(不计空白)`,
          {
            expected: `≥ ${profile.commentMinChars} 字`,
            actual: `${n} 字`,
          },
        ),
      );
    }
    const over = profile.categories[work.category].fields.flatMap((f) => {
      // (Line breaks and spaces are not 字: a 3000-字 text in 7 paragraphs is 3000.)
      const length = charCountNoSpace(work.fields[f.key] ?? '');
      return f.limit !== null && length > f.limit ? [{ key: f.key, limit: f.limit, length }] : [];
    });
    if (over.length) {
      out.push(
        workFinding(
          profile,
          'field.length',
          work,
          `登记表字段超出字数：${over.map((o) => `“${o.key}”${o.length} 字(限 ${o.limit} 字，不计空白)`).join('；')}`,
          over.length === 1 ? { expected: `≤ ${over[0]!.limit} 字`, actual: `${over[0]!.length} 字` } : {},
        ),
      );
    }
  }
  return out;
}

export function sceneAndShareRules({ profile, catalog }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of catalog.works) {
    const scenes = profile.categories[work.category].scenes;
    if (scenes === 'platform' && work.scenes.length === 0) {
      out.push(
        workFinding(profile, 'platform.scenes', work, `请至少勾选一个应用场景：${profile.scenes.platform.join('、')}`),
      );
    }
    if (scenes === 'ai' && work.scenes.length === 0) {
      out.push(workFinding(profile, 'ai.scenes', work, `请至少勾选一个场景：${profile.scenes.ai.join('、')}`));
    }
    if (work.share === null) {
      out.push(
        workFinding(profile, 'share.flag', work, '“是否同意共享”尚未填写(是/否)', {
          expected: '是 或 否',
          actual: '未填',
        }),
      );
    }
  }
  return out;
}

/** The text rules: what each is (src/shared/rules/descriptor.ts). */
export const TEXT_DESCRIPTORS = {
  'title.brackets': {
    severity: 'error',
    checks: '作品名称 contains 《 》',
    source: '附表1-5 注 2',
    focus: 'title',
  },
  'title.empty': {
    severity: 'error',
    checks: '作品名称 empty or only spaces',
    source: '附表1-5 注 2',
    focus: 'title',
  },
  'title.unsafe-chars': {
    severity: 'warning',
    checks:
      'characters a folder name cannot hold (\\ / : * ? " < > |, control characters, emoji, leading/trailing dots): replaced in the export',
    source: '附表1-6 注 2',
    focus: 'title',
  },
  'category.group': {
    severity: 'error',
    checks: "the category or variant is not open to the work's group or stage",
    source: '通知 三 (各类作品)',
    focus: 'stage',
  },
  'work.variant': {
    severity: 'error',
    checks: 'a management or platform case without its variant (区域/学校/教师)',
    source: '附表1-1',
    focus: 'variant',
  },
  'work.grade': {
    severity: 'error',
    checks: '年级 missing where the form has it',
    source: '附表1-5 注 6',
    focus: 'grade',
  },
  'work.grade-unusual': {
    severity: 'warning',
    checks: "年级 not one of the usual values, or not the work's stage",
    source: '附表1-5 注 6',
    focus: 'grade',
  },
  'work.subject': {
    severity: 'error',
    checks: '学科 missing where the form has it',
    source: '附表1-5 注 7',
    focus: 'subject',
  },
  'comment.length': {
    severity: 'error',
    checks: '推荐评语 shorter than the minimum (white space not counted)',
    source: '通知 四.3',
    threshold: (p) => `≥ ${p.commentMinChars} characters`,
    focus: 'comment',
    fromForm: { form: '推荐意见(附表1-2)', read: 'comments' },
  },
  'field.length': {
    severity: 'error',
    checks: 'a registration-form text over its character limit (spaces and line breaks are not counted)',
    source: '附表1-1',
    threshold: () => 'per field (Categories below)',
    focus: 'field',
  },
  'platform.scenes': {
    severity: 'error',
    checks: 'a platform case ticks no 应用场景',
    source: '附表1-1 (平台案例)',
    focus: 'scenes',
  },
  'ai.scenes': {
    severity: 'error',
    checks: 'an AI case ticks no 场景',
    source: '附表1-1 (“人工智能+”案例)',
    focus: 'scenes',
  },
  'share.flag': {
    severity: 'error',
    checks: '是否同意共享 not answered',
    source: '附表1-5',
    focus: 'share',
  },
} as const satisfies Record<string, RuleDescriptor>;
