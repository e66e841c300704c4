// The shape of an edition's rules profile. An edition is data: next year's notice is a new profile file.
import type { CategoryId, Group, Role, Severity, Stage, UnitKind, UnitRole, Variant, WorkRole } from '../model.js';
import type { ChecklistId, RuleId } from './rule-ids.js';

/** File formats a role accepts, judged by content. */
export type Format = 'mp4' | 'pdf' | 'word' | 'ppt' | 'zip' | 'jpg' | 'png' | 'tiff' | 'psd' | 'ai' | 'txt' | 'any';

export interface RoleSpec {
  role: WorkRole;
  /** What the file is, in the notice's words. */
  label: string;
  formats: Format[];
  min: number;
  /** null: no upper limit. */
  max: number | null;
}

export interface FieldSpec {
  key: string;
  /** Character limit; null: none. */
  limit: number | null;
  hint?: string;
  /** false: kept in the catalog but not a row of the registration form (the 微课 title card's 教材版本, 学期). */
  formRow?: false;
}

export interface VariantSpec {
  id: Variant;
  name: string;
  groups: Group[];
  maxAuthors: number;
  /** An author count above this (and within maxAuthors) is allowed but warned about. */
  conflictAbove?: number;
}

export type QuotaKey = 'teaching' | 'management' | 'platform' | 'ai';

export interface CategorySpec {
  id: CategoryId;
  name: string;
  /** Which groups may enter, and within k12 which stages (absent: all of the group's stages). */
  open: { group: Group; stages?: Stage[] }[];
  variants: VariantSpec[] | null;
  maxAuthors: number;
  needsGradeSubject: boolean;
  fields: FieldSpec[];
  roles: RoleSpec[];
  scenes: 'platform' | 'ai' | null;
  quota: QuotaKey;
  /** Subtitle of the registration form (附表1-1 variant). */
  formVariant: string;
  /** Folder of the cloud-drive tree (docs/rules.md, each category's folder). */
  folder: string;
  /** A higher-education batch may name the folder differently. */
  folderHigher?: string;
}

export interface ChecklistSpec {
  id: ChecklistId;
  categories: CategoryId[];
  text: string;
}

export interface QuotaLimits {
  teaching: number;
  management: number;
  platform: number;
  ai: number;
  /** 中职 sub-limits, where the notice gives one. */
  vocational: Partial<Record<QuotaKey, number>>;
  /** Management cases allowed only as school cases (a university). */
  managementSchoolOnly?: boolean;
}

export interface UnitFieldSpec {
  key: string;
  label: string;
  /** A pattern the value must match (a RegExp source, see `matches`), with the expectation said in Chinese. */
  pattern?: string;
  expected?: string;
}

/** The notice's numbers the rules judge by (docs/rules.md lists them per rule). */
export interface Limits {
  video: {
    /** lecture-video: the displayed size at least, and the usual longest (video.resolution, video.duration). */
    lectureMinWidth: number;
    lectureMinHeight: number;
    lectureMaxS: number;
    /** case-video: displayed height at least (video.resolution). */
    caseMinHeight: number;
    /** feature-video: exactly this size, duration range, frame rate ± tolerance, largest file (video.*). */
    featureWidth: number;
    featureHeight: number;
    featureMinS: number;
    featureMaxS: number;
    featureFps: number;
    featureFpsTolerance: number;
    featureMaxBytes: number;
    /** The advised bit rate and the range that passes (video.bitrate). */
    featureBitRate: number;
    featureBitRateRange: [number, number];
    featureAudioBitRate: number;
    featureAudioBitRateRange: [number, number];
    /** class-video: all of a work's recordings together (video.total-duration). */
    classTotalMaxS: number;
    /** feature-video: the displayed aspect, width:height, and how far off it may be (video.aspect). */
    featureAspect: { width: number; height: number; tolerance: number };
  };
  board: {
    minDpi: number;
    widthCm: number;
    heightCm: number;
    toleranceCm: number;
    minOutputBytes: number;
    minSourceBytes: number;
  };
  /** zip.ratio: an archive at least this large unpacked and at least this many times its packed size. */
  zip: { ratio: number; minUncompressedBytes: number };
  /**
   * The export target's (target.*): the longest whole path, in UTF-16 units, Excel, Word and Explorer open; the
   * largest file FAT32 stores (4 GiB − 1 byte).
   */
  target: { pathExcel: number; pathWord: number; pathExplorer: number; fat32MaxBytes: number };
}

/** Patterns as RegExp sources (the profile is plain data: it crosses the API to the window as JSON). */
export interface Patterns {
  mobile: string;
  landline: string;
  email: string;
}

/** How a role's files are named inside a work folder (docs/rules.md: "exported as"); the source's extension is kept. */
export interface FileNameSpec {
  name: string;
  /** Several files: every one numbered from 1 (`教学活动录像-1.mp4`). */
  numbered?: boolean;
  /** The source's own name follows the number (`支撑材料-1-获奖证书.pdf`). */
  keepName?: boolean;
}

export interface ExportNames {
  files: Record<WorkRole, FileNameSpec>;
  /** Per category overrides (a management case's case-doc is 案例说明文档). */
  byCategory: Partial<Record<CategoryId, Partial<Record<WorkRole, FileNameSpec>>>>;
  /** The generated Word forms inside each work folder. */
  generated: { registration: string; recommendation: string };
  /** The files at the root of the tree. */
  root: { summary: string; unitInfo: string; cloud: string; report: string; manifest: string };
  unitScans: Record<Exclude<UnitRole, 'report-doc'>, string>;
  /** `序号-第一作者-作品名称`; allAuthors lists every author instead of the first (a profile switch). */
  workFolder: { separator: string; allAuthors: boolean };
}

/** The cloud drive the notice names (如百度云盘), with the limits its client enforces on the uploader. */
export interface CloudDrive {
  name: string;
  /** Account tiers from the free one up: the largest single file each may upload, in bytes. */
  tiers: { name: string; maxFileBytes: number }[];
  /** How many files an account below the first paid tier may save (转存) from a share in one go. */
  saveLimit: { files: number; tiers: string };
}

/** The forms' own wording (the notice's text, verbatim). */
export interface FormTexts {
  pledge: string;
  pledgeSign: string;
  dateLine: string;
  aiInstructions: string;
  /** The 申报书's sections: heading, then the notice's guidance sentences, then the work's text. */
  aiSections: { key: string; heading: string; guide: string }[];
  appendix: {
    registration: string;
    recommendation: string;
    unitInfo: string;
    summary: string;
    cloud: string;
    report: string;
  };
  titleHint: string;
  projectLabel: Record<CategoryId, string>;
  authorHints: Record<CategoryId, string[]>;
  recommendationSub: string;
  remarkLabel: string;
  summarySub: string;
  summaryNotesHeading: string;
  certificateCheck: { title: string; intro: string; sign: string };
  unitInfoNote: string;
  unitSeal: string;
  seal: string;
  summaryNotes: string[];
  cloudLinkHint: string;
  cloudNotes: string[];
  reportRequirements: string[];
  reportHeadings: string[];
}

export interface Profile {
  edition: string;
  name: string;
  groups: Record<Group, { name: string; short: string; stages: Stage[] }>;
  stages: Record<Stage, string>;
  unitKinds: Record<UnitKind, string>;
  categories: Record<CategoryId, CategorySpec>;
  scenes: { platform: string[]; ai: string[] };
  checklist: ChecklistSpec[];
  quotas: Record<UnitKind, QuotaLimits>;
  /** The notice merges one quota cell across 课件/微课/案例; true reads it as one combined quota. */
  combinedTeachingQuota: boolean;
  roleNames: Record<Role, string>;
  unitRoles: { role: UnitRole; label: string; required: boolean }[];
  unitFields: UnitFieldSpec[];
  commentMinChars: number;
  usualGrades: string[];
  gradesByStage: Partial<Record<Stage, string[]>>;
  presentationExtensions: string[];
  deadline: string;
  freezeUntil: string;
  mailbox: string;
  /** The e-mail's subject: `{unit}` and `{group}` are replaced (see mailSubjectOf). */
  mailSubject: string;
  /** Dates the notice gives for the e-mail: 1-4's own note and §六.4 differ, so both are shown. */
  mailDeadlines: string[];
  /** Every rule id's severity (rule-ids.ts's defaults, an edition may change one) and each checklist id's (info). */
  severities: Record<RuleId, Severity> & Partial<Record<ChecklistId, Severity>>;
  limits: Limits;
  patterns: Patterns;
  exportNames: ExportNames;
  cloudDrive: CloudDrive;
  formTexts: FormTexts;
  /** 附表1-3: the indicators per category, shown beside the 推荐评语. */
  indicators: Record<CategoryId, { name: string; points: string[] }[]>;
}

const compiled = new Map<string, RegExp>();
/** Whether a value matches one of the profile's patterns (compiled once). */
export function matches(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(pattern)));
  return re.test(value);
}

export function mailSubjectOf(profile: Profile, unitName: string, groupName: string): string {
  return profile.mailSubject.replaceAll('{unit}', unitName).replaceAll('{group}', groupName);
}
