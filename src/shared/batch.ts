// The batch file of CONTRACT.md: its schema, and the line between bad input (refused) and findings (stored).
import { z } from 'zod';
import { batchUnitShape } from './entities.js';
import { CATEGORIES, STAGES, UNIT_ROLES, VARIANTS, WORK_ROLES } from './model.js';
import { editions, profileFor } from './rules/registry.js';

const text = z.string().nullish();

const fileSchema = <R extends readonly [string, ...string[]]>(roles: R) =>
  // origin: where a file made by a repair came from (intake), shown beside the file in the app.
  z.strictObject({ role: z.enum(roles), path: z.string().min(1), origin: z.string().nullish() });

const authorSchema = z.strictObject({
  name: z.string(),
  unit: text,
  mobile: text,
  email: text,
  phone: text,
});

const workSchema = z.strictObject({
  key: z.string().min(1),
  category: z.enum(CATEGORIES),
  stage: z.enum(STAGES),
  variant: z.enum(VARIANTS).nullish(),
  title: z.string(),
  subject: text,
  grade: text,
  share: z.boolean().nullish(),
  authors: z.array(authorSchema),
  comment: text,
  fields: z.record(z.string(), z.string().nullable()).nullish(),
  scenes: z.array(z.string()).nullish(),
  space: z.boolean().nullish(),
  files: z.array(fileSchema(WORK_ROLES)),
  checklist: z.record(z.string(), z.boolean()).nullish(),
});

// The unit object: the entity's values (shared/entities.ts), its text values nullable, and its files.
const unitSchema = z.strictObject(batchUnitShape(z.array(fileSchema(UNIT_ROLES)).nullish()));

export const batchSchema = z
  .strictObject({
    // The editions this version knows (the registry's): an unknown one is refused with the known ones listed.
    // (Said as an enum would say it: missing or wrong, with the choices.)
    edition: z
      .unknown()
      .superRefine((edition, ctx) => {
        if (typeof edition !== 'string' || !editions().includes(edition))
          ctx.addIssue({ code: 'invalid_value', values: editions(), input: edition });
      })
      .transform((edition) => edition as string),
    unit: unitSchema,
    works: z.array(workSchema),
  })
  .superRefine((batch, ctx) => {
    // Enumerations that depend on the edition and the category: field keys, scene labels, checklist ids, variants.
    const profile = profileFor(batch.edition);
    if (!profile) return; // refused above, with the editions this version knows
    const checklistIds = new Set<string>(profile.checklist.map((c) => c.id));
    const seen = new Map<string, number>();
    batch.works.forEach((work, i) => {
      const at = (...rest: (string | number)[]) => ['works', i, ...rest];
      const previous = seen.get(work.key);
      if (previous !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: at('key'),
          message: `作品键“${work.key}”重复(与 works[${previous}] 相同)`,
        });
      } else seen.set(work.key, i);
      const spec = profile.categories[work.category];
      if (work.variant != null) {
        const allowed = (spec.variants ?? []).map((v) => v.id);
        if (!allowed.includes(work.variant)) {
          ctx.addIssue({
            code: 'custom',
            path: at('variant'),
            message: allowed.length
              ? `“${spec.name}”的 variant 只能是 ${allowed.join('、')} 或 null，而不是“${work.variant}”`
              : `“${spec.name}”没有 variant(应为 null)，而不是“${work.variant}”`,
          });
        }
      }
      const keys = new Set(spec.fields.map((f) => f.key));
      for (const key of Object.keys(work.fields ?? {})) {
        if (!keys.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: at('fields', key),
            message: `“${spec.name}”的登记表没有字段“${key}”；可用字段：${[...keys].join('、')}`,
          });
        }
      }
      const labels = spec.scenes ? profile.scenes[spec.scenes] : [];
      (work.scenes ?? []).forEach((label, j) => {
        if (!labels.includes(label)) {
          ctx.addIssue({
            code: 'custom',
            path: at('scenes', j),
            message: labels.length
              ? `场景“${label}”不是“${spec.name}”的场景；可选：${labels.join('、')}`
              : `“${spec.name}”没有场景可选，scenes 应为空`,
          });
        }
      });
      for (const id of Object.keys(work.checklist ?? {})) {
        if (!checklistIds.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: at('checklist', id),
            message: `未知的检查项“${id}”；可用：${[...checklistIds].join('、')}`,
          });
        }
      }
    });
  });

export type Batch = z.infer<typeof batchSchema>;
export type BatchWork = Batch['works'][number];

/** `works[3].authors[0].name`: the JSON path a user can find in their file. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(seg))) out += out ? `.${String(seg)}` : String(seg);
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out || '(根)';
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: 'true/false',
  array: '列表',
  object: '对象',
  record: '对象',
  null: 'null',
  undefined: '(缺少)',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** One zod issue in words a contact person understands. */
/** A wrong value as the message shows it: at most 80 characters of its JSON (a message is no place for 52 MB). */
export function echo(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(typeof value);
  }
  if (text.length <= 80) return text;
  // Cut before splitting into characters: a 5-million-character value must not become 5 million strings.
  const head = Array.from(text.slice(0, 160)).slice(0, 77).join('');
  return `${head}…(共 ${text.length} 个字符)`;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `缺少必填项(应为${expected})`;
      return `类型不对：应为${expected}，实际是${TYPE_NAMES[typeOf(issue.input)] ?? typeOf(issue.input)} ${echo(issue.input)}`;
    }
    case 'unrecognized_keys':
      return `未知的键 ${issue.keys
        .slice(0, 5)
        .map((k) => `“${echo(k).slice(1, -1)}”`)
        .join('、')}${issue.keys.length > 5 ? ` 等 ${issue.keys.length} 个` : ''}(拼写错误？)`;
    case 'invalid_value':
      if (issue.input === undefined) return `缺少必填项(可选：${issue.values.map((v) => String(v)).join('、')})`;
      return `取值 ${echo(issue.input)} 不在允许范围内；可选：${issue.values.map((v) => String(v)).join('、')}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '不能为空字符串' : `太短：至少 ${String(issue.minimum)} 个字符`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return `不能小于 ${String(issue.minimum)}`;
      return `至少需要 ${String(issue.minimum)} 项`;
    case 'too_big':
      if (issue.origin === 'string') return `太长：最多 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return `不能大于 ${String(issue.maximum)}`;
      return `太多：最多 ${String(issue.maximum)} 项`;
    case 'invalid_format':
      return `格式不对${issue.format ? `(应为 ${issue.format} 格式)` : ''}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'invalid_union':
      return '格式不对(不是任何一种允许的形式)';
    case 'invalid_key':
      return '对象的键无效';
    default:
      // Our own refinements speak Chinese; the validator's own words never reach a user.
      return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '取值不对';
  }
}
