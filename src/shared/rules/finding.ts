// Building findings: the severity always comes from the profile, so each id has exactly one.
import { workLabel, type Catalog, type FileFacts, type FileRef, type Finding, type Role, type Work } from '../model.js';
import type { Profile } from './profile.js';
import type { FindingRule } from './rule-ids.js';

export interface RuleInput {
  profile: Profile;
  catalog: Catalog;
  /** Facts by absolute path; a path without facts was not inspected (its file rules stay silent). */
  facts: Map<string, FileFacts>;
}

export interface FindingExtra {
  expected?: string;
  actual?: string;
}

function severityOf(profile: Profile, rule: FindingRule) {
  const severity = profile.severities[rule as keyof Profile['severities']];
  if (!severity) throw new Error(`rule ${rule} has no severity in profile ${profile.edition}`);
  return severity;
}

/** A batch-level finding: no `work` key at all. */
export function batchFinding(
  profile: Profile,
  rule: FindingRule,
  message: string,
  extra: FindingExtra & { role?: Role; file?: string } = {},
): Finding {
  const f = { rule, severity: severityOf(profile, rule) } as Finding;
  if (extra.role) f.role = extra.role;
  if (extra.file) f.file = extra.file;
  f.message = message;
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  return f;
}

/** A work-level finding, optionally about one role. */
export function workFinding(
  profile: Profile,
  rule: FindingRule,
  work: Work,
  message: string,
  extra: FindingExtra & { role?: Role } = {},
): Finding {
  const f: Finding = { rule, severity: severityOf(profile, rule), work: workLabel(work), title: work.title } as Finding;
  // CONTRACT.md's key order: role before message.
  if (extra.role) f.role = extra.role;
  f.message = message;
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  return f;
}

/** A file-level finding: work, role and file (the path as the batch gave it). */
export function fileFinding(
  profile: Profile,
  rule: FindingRule,
  work: Work,
  file: FileRef,
  message: string,
  extra: FindingExtra = {},
): Finding {
  const f: Finding = {
    rule,
    severity: severityOf(profile, rule),
    work: workLabel(work),
    title: work.title,
    role: file.role,
    file: file.path,
    message,
  };
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  return f;
}

/** `w3《小小的船》`: how a message names another work. */
export function nameWork(work: Work): string {
  return `${workLabel(work)}《${work.title}》`;
}
