// Every rule, run over a catalog and its file facts, into CONTRACT.md's report.
import { workLabel, type CheckReport, type Finding } from '../model.js';
import { certificateRules } from './certificate.js';
import { checklistRules } from './checklist.js';
import { cloudRules } from './cloud.js';
import { fileRules } from './files.js';
import type { RuleInput } from './finding.js';
import { authorCountRules, contactRules, peopleRules } from './people.js';
import { quotaRules } from './quotas.js';
import { categoryRules, commentAndFieldRules, gradeSubjectRules, sceneAndShareRules, titleRules } from './text.js';
import { unitRules } from './unit.js';
import { boardRules } from './board.js';
import { videoRules } from './video.js';
import { zipAndPdfRules } from './zip.js';

export type { RuleInput } from './finding.js';

const FAMILIES = [
  unitRules,
  quotaRules,
  titleRules,
  categoryRules,
  authorCountRules,
  peopleRules,
  certificateRules,
  contactRules,
  gradeSubjectRules,
  commentAndFieldRules,
  sceneAndShareRules,
  fileRules,
  videoRules,
  boardRules,
  zipAndPdfRules,
  cloudRules,
  checklistRules,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Every rule's findings in the report's order; `extra` are findings made elsewhere (the export plan's names). */
export function runRules(input: RuleInput, extra: Finding[] = []): Finding[] {
  const order = new Map(input.catalog.works.map((w, i) => [workLabel(w), i]));
  const findings = [...FAMILIES.flatMap((family) => family(input)), ...extra];
  // Batch-level first, then by work order; within a work by severity. The sort is stable.
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (a.f.work === undefined ? -1 : order.get(a.f.work)!) - (b.f.work === undefined ? -1 : order.get(b.f.work)!) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

export function buildReport(input: RuleInput, extra: Finding[] = []): CheckReport {
  const findings = runRules(input, extra);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    edition: input.profile.edition,
    works: input.catalog.works.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    findings,
    confirmations: input.catalog.works.flatMap((w) =>
      Object.entries(w.confirmed ?? {})
        .filter(([item]) => w.checklist[item] === true)
        .map(([item, c]) => ({
          work: workLabel(w),
          title: w.title,
          item,
          text: input.profile.checklist.find((x) => x.id === item)?.text ?? item,
          by: c.by,
          at: c.at,
        })),
    ),
  };
}
