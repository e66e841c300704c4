// What one rule is, in one place: its id (the key of its family's table, in the family's file beside its check),
// default severity, what it checks, the notice's clause, the profile's number behind it (read from the profile, never
// written twice), the fix it offers, where the window takes the user to fix it, and — for a rule whose values come
// from a unit's Word form — which form the province must have read. docs/rules.md, the fix catalogue
// (src/main/fix/catalogue.ts), the window's focus (src/renderer/focus.ts) and the province's return lists
// (src/main/province/run.ts) iterate these.
import type { FixKind } from '../api/fix.js';
import type { FormsRead } from '../api/province.js';
import type { Role, Severity } from '../model.js';
import type { Profile } from './profile.js';

/**
 * Where a finding is fixed: the 单位信息 screen, the 作品 list (quotas), or a field of 作品编辑 ('field' finds the
 * form field the message names; 'file' the finding's file, else the files section).
 */
export type Focus =
  | 'unit'
  | 'works'
  | 'authors'
  | 'title'
  | 'stage'
  | 'variant'
  | 'grade'
  | 'subject'
  | 'comment'
  | 'scenes'
  | 'share'
  | 'field'
  | 'file';

export type RuleFix =
  /** A fix-it that answers it (for the roles given; for another role, `otherwise` says what the teacher must do). */
  | { kind: FixKind; roles?: readonly Role[]; otherwise?: string }
  /** No fix-it can: what the teacher must do. */
  | { teacher: string };

export interface RuleDescriptor {
  severity: Severity;
  /** What the rule checks, in a sentence (English, as in docs/rules.md). */
  checks: string;
  /** Where it comes from: the notice's clause (通知) or form (附表), or "tool" for a rule the tool adds. */
  source: string;
  /** The profile's values it judges by, as docs/rules.md prints them. */
  threshold?: (profile: Profile) => string;
  fix?: RuleFix;
  /** Default: the finding's file, else its work's files, else the unit. */
  focus?: Focus;
  /** Its values are read from a unit's Word form: left out of a province return list where the tree had none readable. */
  fromForm?: { form: string; read: keyof Omit<FormsRead, 'works'> };
}

/** docs/rules.md's number formats. */
export const fmt = {
  mb: (b: number) => `${+(b / 1e6).toFixed(1)} MB`,
  gib: (b: number) => `${+(b / 1024 ** 3).toFixed(2)} GiB`,
  min: (s: number) => `${+(s / 60).toFixed(1)} min`,
  mbps: (b: number) => `${+(b / 1e6).toFixed(1)} Mbps`,
  kbps: (b: number) => `${Math.round(b / 1000)} kbps`,
};
