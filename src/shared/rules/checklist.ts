// checklist.*: what needs a person's eye. An unticked item is an info finding; nothing is guessed.
import type { Finding, Work } from '../model.js';
import { workFinding, type RuleInput } from './finding.js';

/** The checklist items that apply to a work (some only in a situation: a 网络学习空间 case, a PDF main board). */
export function checklistFor({ profile, facts }: Pick<RuleInput, 'profile' | 'facts'>, work: Work) {
  return profile.checklist.filter((item) => {
    if (!item.categories.includes(work.category)) return false;
    if (item.id === 'checklist.space-materials') return work.space;
    if (item.id === 'checklist.pdf-board') {
      return work.files.some((f) => f.role === 'board-main' && facts.get(f.absPath)?.kind === 'pdf');
    }
    return true;
  });
}

export function checklistRules(input: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const work of input.catalog.works) {
    for (const item of checklistFor(input, work)) {
      if (work.checklist[item.id] !== true) {
        out.push(workFinding(input.profile, item.id, work, `待人工确认：${item.text}`));
      }
    }
  }
  return out;
}
