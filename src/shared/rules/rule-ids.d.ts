import type { Severity } from '../model.js';
export interface RuleDoc {
    severity: Severity;
    /** What the rule checks, in a sentence (English, as in docs/rules.md). */
    checks: string;
    /** Where it comes from: the notice's clause (通知) or form (附表), or "tool" for a rule the tool adds. */
    source: string;
}
/** Rule families in the order docs/rules.md lists them. */
export declare const RULE_FAMILIES: {
    readonly unit: "The organizing unit";
    readonly quota: "Quotas per organizing unit";
    readonly authors: "Authors and people";
    readonly contact: "Authors and people";
    readonly title: "Text of a work";
    readonly category: "Text of a work";
    readonly work: "Text of a work";
    readonly comment: "Text of a work";
    readonly field: "Text of a work";
    readonly platform: "Text of a work";
    readonly ai: "Text of a work";
    readonly share: "Text of a work";
    readonly file: "Files";
    readonly courseware: "Files";
    readonly zip: "Files";
    readonly pdf: "Files";
    readonly video: "Video (ffprobe)";
    readonly board: "Boards";
    readonly cloud: "The cloud drive and the export target";
    readonly target: "The cloud drive and the export target";
};
export declare const RULES: {
    readonly 'unit.info': {
        readonly severity: "error";
        readonly checks: "a field of 附表1-4 missing or malformed (one finding per field; patterns in the profile)";
        readonly source: "附表1-4";
    };
    readonly 'unit.scans': {
        readonly severity: "error";
        readonly checks: "a unit's stamped scan (1-4, 1-5, 1-6, 1-7) missing, empty or not a PDF/Word";
        readonly source: "通知 六.4";
    };
    readonly 'unit.cloud-link': {
        readonly severity: "warning";
        readonly checks: "云盘链接地址 or 访问密码 not set, or a user name/password instead of a share link";
        readonly source: "附表1-6";
    };
    readonly 'quota.teaching': {
        readonly severity: "error";
        readonly checks: "more 课件/微课/教学案例/课程案例 works than the unit kind may send";
        readonly source: "通知 四.4 (限额表)";
    };
    readonly 'quota.management': {
        readonly severity: "error";
        readonly checks: "more management cases than the unit kind may send";
        readonly source: "通知 四.4 (限额表)";
    };
    readonly 'quota.platform': {
        readonly severity: "error";
        readonly checks: "more platform cases than the unit kind may send";
        readonly source: "通知 四.4 (限额表)";
    };
    readonly 'quota.ai': {
        readonly severity: "error";
        readonly checks: "more \"AI+\" cases than the unit kind may send";
        readonly source: "通知 四.4 (限额表)";
    };
    readonly 'quota.vocational': {
        readonly severity: "error";
        readonly checks: "more 中职 works in one quota than its 中职 sub-limit";
        readonly source: "通知 四.4 (限额表)";
    };
    readonly 'authors.count': {
        readonly severity: "error";
        readonly checks: "more authors than the category (or variant) allows, or none";
        readonly source: "附表1-5 注 3";
    };
    readonly 'authors.count-conflict': {
        readonly severity: "warning";
        readonly checks: "a school platform case with more authors than the lower of the two limits the notice gives";
        readonly source: "附表1-5 注 3 / 附表1-1";
    };
    readonly 'authors.first-unique': {
        readonly severity: "error";
        readonly checks: "a first author leads exactly one work and is a member of no other";
        readonly source: "通知 四.1";
    };
    readonly 'authors.max-two': {
        readonly severity: "error";
        readonly checks: "a second or later author takes part in at most 2 works";
        readonly source: "通知 四.1";
    };
    readonly 'authors.same-name': {
        readonly severity: "warning";
        readonly checks: "the same name with different units in two works: maybe one person";
        readonly source: "tool";
    };
    readonly 'authors.unit': {
        readonly severity: "error";
        readonly checks: "every author has a unit (the full name as on its seal)";
        readonly source: "附表1-5 注 4";
    };
    readonly 'contact.phone': {
        readonly severity: "error";
        readonly checks: "the contact's mobile (the first author's) is 11 digits starting with 1; a landline: digits and -";
        readonly source: "附表1-1";
    };
    readonly 'contact.email': {
        readonly severity: "error";
        readonly checks: "the contact's e-mail is present and well formed";
        readonly source: "附表1-1";
    };
    readonly 'title.brackets': {
        readonly severity: "error";
        readonly checks: "作品名称 contains 《 》";
        readonly source: "附表1-5 注 2";
    };
    readonly 'title.empty': {
        readonly severity: "error";
        readonly checks: "作品名称 empty or only spaces";
        readonly source: "附表1-5 注 2";
    };
    readonly 'title.unsafe-chars': {
        readonly severity: "warning";
        readonly checks: "characters a folder name cannot hold (\\ / : * ? \" < > |, control characters, emoji, leading/trailing dots): replaced in the export";
        readonly source: "附表1-6 注 2";
    };
    readonly 'title.too-long': {
        readonly severity: "warning";
        readonly checks: "a work folder name longer than a file system takes: cut in the export";
        readonly source: "附表1-6 注 2";
    };
    readonly 'file.export-name': {
        readonly severity: "warning";
        readonly checks: "a file or folder name the export must change (a Windows device name, a case-only clash, a long author or kept name)";
        readonly source: "tool";
    };
    readonly 'category.group': {
        readonly severity: "error";
        readonly checks: "the category or variant is not open to the work's group or stage";
        readonly source: "通知 三 (各类作品)";
    };
    readonly 'work.variant': {
        readonly severity: "error";
        readonly checks: "a management or platform case without its variant (区域/学校/教师)";
        readonly source: "附表1-1";
    };
    readonly 'work.grade': {
        readonly severity: "error";
        readonly checks: "年级 missing where the form has it";
        readonly source: "附表1-5 注 6";
    };
    readonly 'work.grade-unusual': {
        readonly severity: "warning";
        readonly checks: "年级 not one of the usual values, or not the work's stage";
        readonly source: "附表1-5 注 6";
    };
    readonly 'work.subject': {
        readonly severity: "error";
        readonly checks: "学科 missing where the form has it";
        readonly source: "附表1-5 注 7";
    };
    readonly 'comment.length': {
        readonly severity: "error";
        readonly checks: "推荐评语 shorter than the minimum (white space not counted)";
        readonly source: "通知 四.3";
    };
    readonly 'field.length': {
        readonly severity: "error";
        readonly checks: "a registration-form text over its character limit";
        readonly source: "附表1-1";
    };
    readonly 'platform.scenes': {
        readonly severity: "error";
        readonly checks: "a platform case ticks no 应用场景";
        readonly source: "附表1-1 (平台案例)";
    };
    readonly 'ai.scenes': {
        readonly severity: "error";
        readonly checks: "an AI case ticks no 场景";
        readonly source: "附表1-1 (“人工智能+”案例)";
    };
    readonly 'share.flag': {
        readonly severity: "error";
        readonly checks: "是否同意共享 not answered";
        readonly source: "附表1-5";
    };
    readonly 'file.missing': {
        readonly severity: "error";
        readonly checks: "a required role has no file";
        readonly source: "通知 三 (各类作品)";
    };
    readonly 'file.not-found': {
        readonly severity: "error";
        readonly checks: "a catalogued path does not exist or cannot be read";
        readonly source: "tool";
    };
    readonly 'file.empty': {
        readonly severity: "error";
        readonly checks: "a file of 0 bytes";
        readonly source: "tool";
    };
    readonly 'file.type-mismatch': {
        readonly severity: "error";
        readonly checks: "the content (not the extension) is not one of the role's formats";
        readonly source: "通知 三 (各类作品)";
    };
    readonly 'file.corrupt': {
        readonly severity: "error";
        readonly checks: "the content cannot be parsed or is cut off";
        readonly source: "tool";
    };
    readonly 'file.count': {
        readonly severity: "error";
        readonly checks: "more or fewer files of a role than its count allows";
        readonly source: "通知 三 (各类作品)";
    };
    readonly 'courseware.presentation': {
        readonly severity: "error";
        readonly checks: "the courseware is a presentation (不接收演示型课件)";
        readonly source: "通知 三.1";
    };
    readonly 'zip.encrypted': {
        readonly severity: "warning";
        readonly checks: "a password-protected ZIP entry";
        readonly source: "tool";
    };
    readonly 'zip.legacy-names': {
        readonly severity: "warning";
        readonly checks: "ZIP entry names not in UTF-8 (GBK, Shift-JIS…)";
        readonly source: "tool";
    };
    readonly 'zip.unsafe-path': {
        readonly severity: "error";
        readonly checks: "a ZIP entry with .., an absolute path or a drive letter";
        readonly source: "tool";
    };
    readonly 'zip.ratio': {
        readonly severity: "warning";
        readonly checks: "an archive that unpacks to far more than its size";
        readonly source: "tool";
    };
    readonly 'pdf.encrypted': {
        readonly severity: "warning";
        readonly checks: "a PDF with an encryption dictionary";
        readonly source: "tool";
    };
    readonly 'video.container': {
        readonly severity: "error";
        readonly checks: "not an MP4 (QuickTime, FLV, MKV or AVI content)";
        readonly source: "通知 三 (MP4 格式)";
    };
    readonly 'video.audio': {
        readonly severity: "error";
        readonly checks: "a micro-lecture or feature video without sound";
        readonly source: "通知 三.2 / 附表1-9";
    };
    readonly 'video.resolution': {
        readonly severity: "error";
        readonly checks: "the displayed size below the role's minimum (feature video: exactly its size)";
        readonly source: "通知 三.2 / 三.5 / 附表1-9";
    };
    readonly 'video.duration': {
        readonly severity: "warning";
        readonly checks: "a micro-lecture longer than usual (一般不超过)";
        readonly source: "通知 三.2";
    };
    readonly 'video.feature-duration': {
        readonly severity: "error";
        readonly checks: "a feature video outside its duration range";
        readonly source: "附表1-9 专题片";
    };
    readonly 'video.total-duration': {
        readonly severity: "error";
        readonly checks: "a teaching case's class recordings together longer than the limit";
        readonly source: "通知 三.3";
    };
    readonly 'video.codec': {
        readonly severity: "error";
        readonly checks: "a feature video not H.264";
        readonly source: "附表1-9 专题片";
    };
    readonly 'video.codec-playable': {
        readonly severity: "warning";
        readonly checks: "another video not H.264 (H.265 needs a paid codec on many PCs)";
        readonly source: "tool (常用格式)";
    };
    readonly 'video.fps': {
        readonly severity: "error";
        readonly checks: "a feature video outside its frame rate";
        readonly source: "附表1-9 专题片";
    };
    readonly 'video.aspect': {
        readonly severity: "error";
        readonly checks: "a feature video not 16:9 as displayed";
        readonly source: "附表1-9 专题片";
    };
    readonly 'video.size': {
        readonly severity: "error";
        readonly checks: "a feature video file over its size limit";
        readonly source: "附表1-9 专题片";
    };
    readonly 'video.bitrate': {
        readonly severity: "warning";
        readonly checks: "a feature video bit rate outside the range around the advised one";
        readonly source: "附表1-9 专题片";
    };
    readonly 'video.audio-codec': {
        readonly severity: "warning";
        readonly checks: "a feature video's audio not AAC or its bit rate off";
        readonly source: "附表1-9 专题片";
    };
    readonly 'video.title-card': {
        readonly severity: "warning";
        readonly checks: "the first seconds of a micro-lecture do not look like a blue title card";
        readonly source: "通知 三.2 (片头)";
    };
    readonly 'board.dpi': {
        readonly severity: "error";
        readonly checks: "a main board (JPG) or its PSD source below the resolution, or without one";
        readonly source: "附表1-9 展板";
    };
    readonly 'board.cmyk': {
        readonly severity: "error";
        readonly checks: "a main board (JPG) or its PSD source not CMYK";
        readonly source: "附表1-9 展板";
    };
    readonly 'board.dimensions': {
        readonly severity: "error";
        readonly checks: "a main board's printed size not the template's";
        readonly source: "附表1-9 展板";
    };
    readonly 'board.output-size': {
        readonly severity: "error";
        readonly checks: "a main board file under its minimum size";
        readonly source: "附表1-9 展板";
    };
    readonly 'board.source-size': {
        readonly severity: "error";
        readonly checks: "a main board's source file under its minimum size";
        readonly source: "附表1-9 展板";
    };
    readonly 'cloud.file-size': {
        readonly severity: "warning";
        readonly checks: "a file larger than the cloud drive's free account may upload";
        readonly source: "通知 六.2 (如百度云盘)";
    };
    readonly 'cloud.file-count': {
        readonly severity: "warning";
        readonly checks: "a tree of more files than a free account may save from a share at once";
        readonly source: "通知 六.2 (如百度云盘)";
    };
    readonly 'target.path-excel': {
        readonly severity: "warning";
        readonly checks: "a whole path longer than Excel opens";
        readonly source: "tool";
    };
    readonly 'target.path-word': {
        readonly severity: "warning";
        readonly checks: "a whole path longer than Word opens";
        readonly source: "tool";
    };
    readonly 'target.path-explorer': {
        readonly severity: "warning";
        readonly checks: "a whole path longer than Explorer copies or opens";
        readonly source: "tool";
    };
    readonly 'target.fat32': {
        readonly severity: "error";
        readonly checks: "a file over 4 GiB for a FAT32 target";
        readonly source: "tool";
    };
    readonly 'target.fs-unknown': {
        readonly severity: "info";
        readonly checks: "the target's file system cannot be read";
        readonly source: "tool";
    };
};
/** A rule id the code raises. */
export type RuleId = keyof typeof RULES;
/** A checklist item's id (edition data: one per item of the notice's 自查表); always info. */
export type ChecklistId = `checklist.${string}`;
/** What a finding's `rule` may be. */
export type FindingRule = RuleId | ChecklistId;
export declare const RULE_IDS: RuleId[];
/** The table's severities: an edition starts from these. */
export declare function defaultSeverities(): Record<RuleId, Severity>;
