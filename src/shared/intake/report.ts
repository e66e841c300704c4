// What intake tells the user beside the plan (the sidecar report), and what the app previews.
import type { CategoryId, Role, Stage, UnitKind } from '../model.js';
import type { Confidence, Guessed } from './names.js';

export interface IntakeFile {
  /** The file the plan references (a source, or a repair's new file in the workspace). */
  path: string;
  role: Role;
  confidence: Confidence;
  reason: string;
  /** For a repair: what it was made from. */
  origin?: string;
}

export interface IntakeWork {
  key: string;
  /** The work's folder, relative to DIR. */
  folder: string;
  /** The 作品汇总表 row it was matched with (Excel row number), null when none. */
  row: number | null;
  category: Guessed<CategoryId>;
  stage: Guessed<Stage>;
  title: Guessed<string>;
  authors: Guessed<string[]>;
  order: number | null;
  /** From the summary row (empty without one). */
  subject: string;
  grade: string;
  share: boolean | null;
  /** The first author's unit and mobile (the summary has only the first author's). */
  authorUnit: string;
  mobile: string;
  files: IntakeFile[];
  /**
   * Files of the folder the plan leaves out, with why: `path` as the user sees it (relative to DIR; inside a ZIP sent
   * as the whole work, under the ZIP's name), `file` where it is (in the workspace for such a ZIP, whose `origin` it
   * then names) — what intake.apply takes in when the user does after all.
   */
  unused: { path: string; file: string; reason: string; origin?: string }[];
  repairs: { from: string; to: string; what: string }[];
}

export interface IntakeReport {
  dir: string;
  summary: string | null;
  plan: string;
  /** kindGuess: how the kind was guessed from the name, when neither the catalog nor the command line gave it. */
  unit: Guessed<string> & { kind: UnitKind; kindGuess?: Guessed<UnitKind> };
  works: IntakeWork[];
  unitFiles: IntakeFile[];
  /** Folders that are a work sent twice: not in the plan (their files are in `ignored`), with the one kept. */
  duplicates: { folder: string; sameAs: string; why: string }[];
  /** Every summary table read: the given or root one first, then those found in district or school folders. */
  summaries: string[];
  /** The same row in two tables with different values (category, grade…): the first table's is used. */
  summaryConflicts: { title: string; rows: string[]; fields: string[] }[];
  /**
   * Rows of the summary with no folder: not in the plan. What the row says, so that the window can pair it with a
   * folder without a row (intake.apply's `row`): category and stage where the row's text names them, else null.
   */
  unmatchedRows: {
    row: number;
    title: string;
    authors: string[];
    where?: string;
    category: CategoryId | null;
    stage: Stage | null;
    subject: string;
    grade: string;
    share: boolean | null;
    unit: string;
    mobile: string;
  }[];
  /** Folders with no row of the summary (only when a summary was read): in the plan, from their names. */
  foldersWithoutRow: string[];
  ignored: { path: string; reason: string }[];
  /** Works received that could not be read at all (a whole-work ZIP encrypted or broken): NOT in the plan. */
  unread?: { path: string; reason: string }[];
  /** SHA-256 of the plan as written: a later intake replaces the plan only while it is unchanged. */
  planSha256?: string;
}

/** The sidecar report beside a plan: PLAN.json → PLAN.report.json. */
export function reportPathOf(plan: string): string {
  return plan.replace(/(\.json)?$/i, '.report.json');
}
