// What the window says when its save replaced a value another program had just changed (shared/patch.ts).
import { UNIT_LABELS } from '../shared/entities.js';
import type { Overwritten } from '../shared/patch.js';

const WORK_LABELS: Record<string, string> = {
  title: '作品名称',
  subject: '学科',
  grade: '年级',
  comment: '推荐评语',
  share: '是否共享',
  stage: '学段',
  category: '类别',
  scenes: '应用场景',
  space: '空间',
};

/** "“云盘链接”刚被其他程序改为“…”，已用你的修改覆盖。" */
export function overwrittenNotice(over: Overwritten[]): string {
  const label = (key: string) => {
    const [head, sub] = key.split('.', 2) as [string, string | undefined];
    if (head === 'fields' && sub) return sub;
    if (head === 'checklist' && sub) return `待确认项“${sub}”`;
    return (UNIT_LABELS as Record<string, string>)[head] ?? WORK_LABELS[head] ?? head;
  };
  const shown = (v: unknown) =>
    typeof v === 'string'
      ? v.length > 40
        ? `${v.slice(0, 40)}…`
        : v
      : v === true
        ? '是'
        : v === false
          ? '否'
          : v == null
            ? '空'
            : JSON.stringify(v);
  return `${over.map((o) => `“${label(o.key)}”刚被其他程序改为“${shown(o.theirs)}”`).join('；')}，已用你在这里的修改覆盖(后保存的为准)。`;
}
