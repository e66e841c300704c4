// Every rule id the code raises, with its default severity, what it checks and the notice's clause it comes from.
// The type RuleId is derived from this table: an id spelt wrong anywhere is a compile error. docs/rules.md is
// generated from it and the profile (`npm run docs`). An edition may change a severity (Profile.severities).
import type { Severity } from '../model.js';

export interface RuleDoc {
  severity: Severity;
  /** What the rule checks, in a sentence (English, as in docs/rules.md). */
  checks: string;
  /** Where it comes from: the notice's clause (通知) or form (附表), or "tool" for a rule the tool adds. */
  source: string;
}

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
  'unit.info': { severity: 'error', checks: 'a field of 附表1-4 missing or malformed (one finding per field; patterns in the profile)', source: '附表1-4' },
  'unit.scans': { severity: 'error', checks: "a unit's stamped scan (1-4, 1-5, 1-6, 1-7) missing, empty or not a PDF/Word", source: '通知 六.4' },
  'unit.cloud-link': { severity: 'warning', checks: '云盘链接地址 or 访问密码 not set, or a user name/password instead of a share link', source: '附表1-6' },
  'quota.teaching': { severity: 'error', checks: 'more 课件/微课/教学案例/课程案例 works than the unit kind may send', source: '通知 四.4 (限额表)' },
  'quota.management': { severity: 'error', checks: 'more management cases than the unit kind may send', source: '通知 四.4 (限额表)' },
  'quota.platform': { severity: 'error', checks: 'more platform cases than the unit kind may send', source: '通知 四.4 (限额表)' },
  'quota.ai': { severity: 'error', checks: 'more "AI+" cases than the unit kind may send', source: '通知 四.4 (限额表)' },
  'quota.vocational': { severity: 'error', checks: 'more 中职 works in one quota than its 中职 sub-limit', source: '通知 四.4 (限额表)' },
  'authors.count': { severity: 'error', checks: "more authors than the category (or variant) allows, or none", source: '附表1-5 注 3' },
  'authors.count-conflict': { severity: 'warning', checks: 'a school platform case with more authors than the lower of the two limits the notice gives', source: '附表1-5 注 3 / 附表1-1' },
  'authors.first-unique': { severity: 'error', checks: 'a first author leads exactly one work and is a member of no other', source: '通知 四.1' },
  'authors.max-two': { severity: 'error', checks: 'a second or later author takes part in at most 2 works', source: '通知 四.1' },
  'authors.same-name': { severity: 'warning', checks: 'the same name with different units in two works: maybe one person', source: 'tool' },
  'certificate.name-variant': { severity: 'warning', checks: "one person's name written two ways: the same mobile with two names, or a name that differs only in spaces or full-width letters", source: '附表1-5 注 8' },
  'certificate.unit-variant': { severity: 'warning', checks: 'one unit written two ways (spaces, full-width letters, （） against ()): a certificate prints it as typed', source: '附表1-5 注 8' },
  'authors.unit': { severity: 'error', checks: 'every author has a unit (the full name as on its seal)', source: '附表1-5 注 4' },
  'contact.phone': { severity: 'error', checks: "the contact's mobile (the first author's) is 11 digits starting with 1; a landline: digits and -", source: '附表1-1' },
  'contact.email': { severity: 'error', checks: "the contact's e-mail is present and well formed", source: '附表1-1' },
  'title.brackets': { severity: 'error', checks: '作品名称 contains 《 》', source: '附表1-5 注 2' },
  'title.empty': { severity: 'error', checks: '作品名称 empty or only spaces', source: '附表1-5 注 2' },
  'title.unsafe-chars': { severity: 'warning', checks: 'characters a folder name cannot hold (\\ / : * ? " < > |, control characters, emoji, leading/trailing dots): replaced in the export', source: '附表1-6 注 2' },
  'title.too-long': { severity: 'warning', checks: 'a work folder name longer than a file system takes: cut in the export', source: '附表1-6 注 2' },
  'file.export-name': { severity: 'warning', checks: 'a file or folder name the export must change (a Windows device name, a case-only clash, a long author or kept name)', source: 'tool' },
  'category.group': { severity: 'error', checks: "the category or variant is not open to the work's group or stage", source: '通知 三 (各类作品)' },
  'work.variant': { severity: 'error', checks: 'a management or platform case without its variant (区域/学校/教师)', source: '附表1-1' },
  'work.grade': { severity: 'error', checks: '年级 missing where the form has it', source: '附表1-5 注 6' },
  'work.grade-unusual': { severity: 'warning', checks: "年级 not one of the usual values, or not the work's stage", source: '附表1-5 注 6' },
  'work.subject': { severity: 'error', checks: '学科 missing where the form has it', source: '附表1-5 注 7' },
  'comment.length': { severity: 'error', checks: '推荐评语 shorter than the minimum (white space not counted)', source: '通知 四.3' },
  'field.length': { severity: 'error', checks: 'a registration-form text over its character limit (spaces and line breaks are not counted)', source: '附表1-1' },
  'platform.scenes': { severity: 'error', checks: 'a platform case ticks no 应用场景', source: '附表1-1 (平台案例)' },
  'ai.scenes': { severity: 'error', checks: 'an AI case ticks no 场景', source: '附表1-1 (“人工智能+”案例)' },
  'share.flag': { severity: 'error', checks: '是否同意共享 not answered', source: '附表1-5' },
  'file.missing': { severity: 'error', checks: 'a required role has no file', source: '通知 三 (各类作品)' },
  'file.not-found': { severity: 'error', checks: 'a catalogued path does not exist or cannot be read', source: 'tool' },
  'file.empty': { severity: 'error', checks: 'a file of 0 bytes', source: 'tool' },
  'file.type-mismatch': { severity: 'error', checks: "the content (not the extension) is not one of the role's formats", source: '通知 三 (各类作品)' },
  'file.corrupt': { severity: 'error', checks: 'the content cannot be parsed or is cut off', source: 'tool' },
  'file.count': { severity: 'error', checks: "more or fewer files of a role than its count allows", source: '通知 三 (各类作品)' },
  'courseware.presentation': { severity: 'error', checks: 'the courseware is a presentation (不接收演示型课件)', source: '通知 三.1' },
  'zip.encrypted': { severity: 'warning', checks: 'a password-protected ZIP entry', source: 'tool' },
  'zip.legacy-names': { severity: 'warning', checks: 'ZIP entry names not in UTF-8 (GBK, Shift-JIS…)', source: 'tool' },
  'zip.unsafe-path': { severity: 'error', checks: 'a ZIP entry with .., an absolute path or a drive letter', source: 'tool' },
  'zip.ratio': { severity: 'warning', checks: 'an archive that unpacks to far more than its size', source: 'tool' },
  'pdf.encrypted': { severity: 'warning', checks: 'a PDF with an encryption dictionary', source: 'tool' },
  'video.container': { severity: 'error', checks: 'not an MP4 (QuickTime, FLV, MKV or AVI content)', source: '通知 三 (MP4 格式)' },
  'video.audio': { severity: 'error', checks: 'a micro-lecture or feature video without sound', source: '通知 三.2 / 附表1-9' },
  'video.resolution': { severity: 'error', checks: 'the displayed size below the role\'s minimum (feature video: exactly its size)', source: '通知 三.2 / 三.5 / 附表1-9' },
  'video.duration': { severity: 'warning', checks: 'a micro-lecture longer than usual (一般不超过)', source: '通知 三.2' },
  'video.feature-duration': { severity: 'error', checks: 'a feature video outside its duration range', source: '附表1-9 专题片' },
  'video.total-duration': { severity: 'error', checks: "a teaching case's class recordings together longer than the limit", source: '通知 三.3' },
  'video.codec': { severity: 'error', checks: 'a feature video not H.264', source: '附表1-9 专题片' },
  'video.codec-playable': { severity: 'warning', checks: 'another video not H.264 (H.265 needs a paid codec on many PCs)', source: 'tool (常用格式)' },
  'video.fps': { severity: 'error', checks: 'a feature video outside its frame rate', source: '附表1-9 专题片' },
  'video.aspect': { severity: 'error', checks: 'a feature video not 16:9 as displayed', source: '附表1-9 专题片' },
  'video.size': { severity: 'error', checks: 'a feature video file over its size limit', source: '附表1-9 专题片' },
  'video.bitrate': { severity: 'warning', checks: 'a feature video bit rate outside the range around the advised one', source: '附表1-9 专题片' },
  'video.audio-codec': { severity: 'warning', checks: "a feature video's audio not AAC or its bit rate off", source: '附表1-9 专题片' },
  'video.title-card': { severity: 'warning', checks: 'the first seconds of a micro-lecture do not look like a blue title card', source: '通知 三.2 (片头)' },
  'board.dpi': { severity: 'error', checks: 'a main board (JPG) or its PSD source below the resolution, or without one', source: '附表1-9 展板' },
  'board.cmyk': { severity: 'error', checks: 'a main board (JPG) or its PSD source not CMYK', source: '附表1-9 展板' },
  'board.dimensions': { severity: 'error', checks: "a main board's printed size not the template's", source: '附表1-9 展板' },
  'board.output-size': { severity: 'error', checks: 'a main board file under its minimum size', source: '附表1-9 展板' },
  'board.source-size': { severity: 'error', checks: "a main board's source file under its minimum size", source: '附表1-9 展板' },
  'cloud.file-size': { severity: 'warning', checks: "a file larger than the cloud drive's free account may upload", source: '通知 六.2 (如百度云盘)' },
  'cloud.file-count': { severity: 'warning', checks: 'a tree of more files than a free account may save from a share at once', source: '通知 六.2 (如百度云盘)' },
  'target.path-excel': { severity: 'warning', checks: 'a whole path longer than Excel opens', source: 'tool' },
  'target.path-word': { severity: 'warning', checks: 'a whole path longer than Word opens', source: 'tool' },
  'target.path-explorer': { severity: 'warning', checks: 'a whole path longer than Explorer copies or opens', source: 'tool' },
  'target.fat32': { severity: 'error', checks: 'a file over 4 GiB for a FAT32 target', source: 'tool' },
  'target.fs-unknown': { severity: 'info', checks: "the target's file system cannot be read", source: 'tool' },
  'province.first-author': { severity: 'error', checks: 'a first author takes part in another work of another unit (a person is name + unit, or name + mobile)', source: '通知 四.1, across units' },
  'province.max-two': { severity: 'error', checks: 'a member takes part in more than two works, counted over all units', source: '通知 四.1, across units' },
  'province.same-file': { severity: 'error', checks: 'the same file content (size, then SHA-256; files of 64 KiB and more) in works of two units', source: 'tool' },
  'province.same-work': { severity: 'warning', checks: 'the same title and first author in two units', source: 'tool' },
  'province.mobile-names': { severity: 'warning', checks: 'one mobile number given with two names', source: 'tool' },
} as const satisfies Record<string, RuleDoc>;

/** A rule id the code raises. */
export type RuleId = keyof typeof RULES;
/** A checklist item's id (edition data: one per item of the notice's 自查表); always info. */
export type ChecklistId = `checklist.${string}`;
/** What a finding's `rule` may be. */
export type FindingRule = RuleId | ChecklistId;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The table's severities: an edition starts from these. */
export function defaultSeverities(): Record<RuleId, Severity> {
  return Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].severity])) as Record<RuleId, Severity>;
}
