// From a finding to the field of 作品编辑 (or the screen) where it is fixed: the rule's descriptor says where
// (src/shared/rules/descriptor.ts, `focus`).
import type { Finding } from '../shared/model.js';
import type { Profile } from '../shared/rules/profile.js';
import { descriptorOf } from '../shared/rules/rule-ids.js';

/** The screen a finding of no work is fixed on: 单位信息, 作品 (a quota), or none. */
export function screenOf(f: Finding): 'unit' | 'works' | null {
  const focus = descriptorOf(f.rule)?.focus;
  return focus === 'unit' || focus === 'works' ? focus : null;
}

/** The id (without the `field-` prefix) of the element to focus, or 'unit' for the 单位信息 screen. */
export function fieldOf(f: Finding, profile: Profile): string {
  if (!f.work) return 'unit';
  if (f.rule.startsWith('checklist.')) return 'checklist';
  const focus = descriptorOf(f.rule)?.focus;
  if (focus === 'field') {
    const key = Object.values(profile.categories)
      .flatMap((c) => c.fields.map((x) => x.key))
      .find((k) => f.message.includes(k));
    if (key) return `field:${key}`;
  } else if (focus && focus !== 'file' && focus !== 'unit' && focus !== 'works') {
    return focus;
  }
  if (f.file) return `file:${f.file}`;
  return 'files';
}

export const domId = (field: string) =>
  `field-${field.replace(/[^\w\u4e00-\u9fff-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
