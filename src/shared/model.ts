// The domain's plain data, shared by the catalog, the rules, the API and the renderer.
// Pure TypeScript: no node:, electron or DOM imports here.
import type { z } from 'zod';
import type { authorSchema, fileRefSchema, unitSchema, workSchema } from './entities.js';
import type { FindingRule } from './rules/rule-ids.js';

export const GROUPS = ['k12', 'higher'] as const;
export type Group = (typeof GROUPS)[number];

export const STAGES = ['kindergarten', 'special', 'primary', 'junior', 'senior', 'vocational', 'higher'] as const;
export type Stage = (typeof STAGES)[number];

export const UNIT_KINDS = ['city-major', 'city', 'institute', 'provincial', 'university'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CATEGORIES = [
  'courseware',
  'microlecture',
  'teaching-case',
  'course-case',
  'management-case',
  'platform-case',
  'ai-case',
] as const;
export type CategoryId = (typeof CATEGORIES)[number];

export const VARIANTS = ['region', 'school', 'teacher'] as const;
export type Variant = (typeof VARIANTS)[number];

export const WORK_ROLES = [
  'registration-scan',
  'recommendation-scan',
  'courseware',
  'demo-video',
  'design-doc',
  'materials',
  'lecture-video',
  'case-doc',
  'class-video',
  'space-ppt',
  'space-guide',
  'case-ppt',
  'case-video',
  'feature-video',
  'raw-video',
  'script',
  'board-main',
  'board-main-source',
  'board-extra',
  'support',
  'evidence',
] as const;
export const UNIT_ROLES = ['unit-info-scan', 'summary-scan', 'cloud-scan', 'report-scan', 'report-doc'] as const;
export type WorkRole = (typeof WORK_ROLES)[number];
export type UnitRole = (typeof UNIT_ROLES)[number];
export type Role = WorkRole | UnitRole;

export type Severity = 'error' | 'warning' | 'info';

// The catalog's entities are declared once, as zod schemas, in entities.ts; their types are derived here.
export type FileRef = z.infer<typeof fileRefSchema>;
export type Author = z.infer<typeof authorSchema>;
export type Work = z.infer<typeof workSchema>;
export type Unit = z.infer<typeof unitSchema>;

export interface Catalog {
  unit: Unit | null;
  works: Work[];
}

/** How a report names a work: its batch key, or `id:N` for a work made in the app. */
export function workLabel(work: Pick<Work, 'key' | 'id'>): string {
  return work.key ?? `id:${work.id}`;
}

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  /** Absent on batch-level findings. */
  work?: string;
  title?: string;
  role?: Role;
  file?: string;
  message: string;
  expected?: string;
  actual?: string;
}

export interface CheckReport {
  edition: string;
  works: number;
  errors: number;
  warnings: number;
  infos: number;
  findings: Finding[];
  /** The 待确认 items a person confirmed: which work, which item, who and when (ISO time). */
  confirmations: { work: string; title: string; item: string; text: string; by: string; at: string }[];
}

/** What a file's content is, judged from its bytes (never its name). */
export type ContentKind =
  | 'empty'
  | 'mp4'
  | 'pdf'
  | 'zip'
  | 'docx'
  | 'pptx'
  | 'xlsx'
  | 'doc'
  | 'ppt'
  | 'xls'
  | 'ole'
  | 'jpg'
  | 'png'
  | 'tiff'
  | 'psd'
  | 'postscript'
  | 'gif'
  | 'bmp'
  | 'webp'
  | 'flv'
  | 'mkv'
  | 'avi'
  | 'rar'
  | '7z'
  | 'text'
  | 'unknown';

export interface VideoFacts {
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  /** The ftyp major brand ("isom", "mp42", "qt  "…), '' when absent. */
  majorBrand: string;
  durationS: number;
  /** Whole-file bit rate in bit/s (0 when unknown). */
  bitRate: number;
  codec: string;
  profile: string;
  /** Coded size, and the size as displayed (after rotation and sample aspect). */
  codedWidth: number;
  codedHeight: number;
  width: number;
  height: number;
  rotation: number;
  /** Display aspect ratio, width / height as displayed. */
  aspect: number;
  fps: number;
  audio: { codec: string; bitRate: number; channels: number } | null;
}

export interface TitleCardFrame {
  atS: number;
  mean: [number, number, number];
  stdev: [number, number, number];
  dominant: [number, number, number];
  blue: boolean;
}

export interface TitleCardFacts {
  frames: TitleCardFrame[];
  /** PNG of the first 5 s (one tile a second) in the catalog's cache folder, for the UI. */
  contactSheet: string | null;
  /** How the pictures were had: from the key frames alone (a still opening), or by decoding the first 5 s. */
  method?: 'key-frames' | 'decoded';
}

export interface ImageFacts {
  format: string;
  width: number;
  height: number;
  /** 'cmyk', 'srgb', 'b-w', 'rgb'… */
  space: string;
  /** Dots per inch as stored in the file; null when the file carries no resolution at all. */
  dpi: number | null;
  bitDepth?: number;
}

export interface PdfFacts {
  version: string;
  encrypted: boolean;
  /** %%EOF near the end: a cut-off download lacks it. */
  complete: boolean;
  pages: number | null;
  /** First page's size in points (1/72 inch), after /Rotate. */
  pageWidthPt: number | null;
  pageHeightPt: number | null;
}

/** The lists hold at most 20 names each; the counts are complete. */
export interface ZipFacts {
  entries: number;
  encrypted: string[];
  encryptedCount: number;
  legacyNames: string[];
  legacyCount: number;
  unsafePaths: string[];
  unsafeCount: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

/** Facts about one file on disk, gathered by src/main/inspect; rules judge them. */
export interface FileFacts {
  exists: boolean;
  readable: boolean;
  size: number;
  kind: ContentKind;
  /** Set when the content could not be parsed (a ZIP whose central directory is broken…), in Chinese. */
  corrupt?: string;
  video?: VideoFacts;
  titleCard?: TitleCardFacts;
  image?: ImageFacts;
  pdf?: PdfFacts;
  zip?: ZipFacts;
}
