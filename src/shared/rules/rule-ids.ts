// Every rule id the code raises: the descriptors of every family (each in its family's file, beside its check),
// gathered. The type RuleId is derived from them: an id spelt wrong anywhere is a compile error. docs/rules.md is
// generated from them and the profile (`npm run docs`). An edition may change a severity (Profile.severities).
import type { Severity } from '../model.js';
import type { RuleDescriptor } from './descriptor.js';
import { UNIT_DESCRIPTORS } from './unit.js';
import { QUOTA_DESCRIPTORS } from './quotas.js';
import { PEOPLE_DESCRIPTORS } from './people.js';
import { CERTIFICATE_DESCRIPTORS } from './certificate.js';
import { TEXT_DESCRIPTORS } from './text.js';
import { NAMING_DESCRIPTORS } from './naming.js';
import { FILE_DESCRIPTORS } from './files.js';
import { ZIP_DESCRIPTORS } from './zip.js';
import { VIDEO_DESCRIPTORS } from './video.js';
import { BOARD_DESCRIPTORS } from './board.js';
import { CLOUD_DESCRIPTORS } from './cloud.js';
import { PROVINCE_DESCRIPTORS } from './province.js';

/** A rule's descriptor (src/shared/rules/descriptor.ts). */
export type RuleDoc = RuleDescriptor;

/** Rule families in the order docs/rules.md lists them. */
export const RULE_FAMILIES = {
  unit: 'The organizing unit',
  quota: 'Quotas per organizing unit',
  authors: 'Authors and people',
  contact: 'Authors and people',
  certificate: 'Authors and people',
  title: 'Text of a work',
  category: 'Text of a work',
  work: 'Text of a work',
  comment: 'Text of a work',
  field: 'Text of a work',
  platform: 'Text of a work',
  ai: 'Text of a work',
  share: 'Text of a work',
  file: 'Files',
  courseware: 'Files',
  zip: 'Files',
  pdf: 'Files',
  video: 'Video (ffprobe)',
  board: 'Boards',
  cloud: 'The cloud drive and the export target',
  target: 'The cloud drive and the export target',
  province: 'Across units (province mode)',
} as const;

export const RULES = {
  ...UNIT_DESCRIPTORS,
  ...QUOTA_DESCRIPTORS,
  ...PEOPLE_DESCRIPTORS,
  ...CERTIFICATE_DESCRIPTORS,
  ...TEXT_DESCRIPTORS,
  ...NAMING_DESCRIPTORS,
  ...FILE_DESCRIPTORS,
  ...ZIP_DESCRIPTORS,
  ...VIDEO_DESCRIPTORS,
  ...BOARD_DESCRIPTORS,
  ...CLOUD_DESCRIPTORS,
  ...PROVINCE_DESCRIPTORS,
} satisfies Record<string, RuleDescriptor>;

/** A rule id the code raises. */
export type RuleId = keyof typeof RULES;

/** Every rule's descriptor, by id, as the descriptor type (what docs, fixes, focus and the province iterate). */
export const DESCRIPTORS: Record<RuleId, RuleDescriptor> = RULES;

/** A finding's rule's descriptor (null for a checklist item). */
export function descriptorOf(rule: string): RuleDescriptor | null {
  return Object.hasOwn(DESCRIPTORS, rule) ? DESCRIPTORS[rule as RuleId] : null;
}
/** A checklist item's id (edition data: one per item of the notice's 自查表); always info. */
export type ChecklistId = `checklist.${string}`;
/** What a finding's `rule` may be. */
export type FindingRule = RuleId | ChecklistId;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The table's severities: an edition starts from these. */
export function defaultSeverities(): Record<RuleId, Severity> {
  return Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].severity])) as Record<RuleId, Severity>;
}
