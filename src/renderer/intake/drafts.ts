// The 收件导入 preview's model: a work of the plan as the user corrects it (a draft), the corrections as intake.apply
// takes them, and the hook that holds them while the preview is open. Pure but for the hook: tested alone.
import { useEffect, useState } from 'react';
import type { IntakeReport } from '../../shared/intake/report.js';
import type { CategoryId, Stage, WorkRole } from '../../shared/model.js';

/**
 * One work of the preview as the user corrects it; `role: ''` leaves a file out, `into` merges the work into another,
 * `from` is the work a split-off one came from, `row` the unmatched summary row it was paired with.
 */
export interface Draft {
  key: string;
  from?: string;
  row?: number;
  category: CategoryId;
  stage: Stage;
  title: string;
  authors: string;
  files: { path: string; role: WorkRole | ''; picked?: boolean }[];
  into: string;
}

export function draftOf(r: IntakeReport): Draft[] {
  return r.works.map((w) => ({
    key: w.key,
    category: w.category.value,
    stage: w.stage.value,
    title: w.title.value,
    authors: w.authors.value.join('、'),
    // The files left out are listed too: the user may take one in after all.
    files: [
      ...w.files.map((f) => ({ path: f.path, role: f.role as WorkRole })),
      ...w.unused.map((u) => ({ path: u.file, role: '' as const })),
    ],
    into: '',
  }));
}

/** The corrected works for intake.apply: merged works' files go to the work they were merged into. */
export function editsOf(drafts: Draft[]) {
  const final = (d: Draft): Draft => {
    let at = d;
    for (let i = 0; at.into && i < drafts.length; i += 1) at = drafts.find((x) => x.key === at.into) ?? at;
    return at;
  };
  return drafts
    .filter((d) => !d.into)
    .map((d) => ({
      key: d.key,
      ...(d.from ? { from: d.from } : {}),
      ...(d.row !== undefined ? { row: d.row } : {}),
      category: d.category,
      stage: d.stage,
      title: d.title,
      authors: d.authors.split(/[、,，;；\s]+/).filter(Boolean),
      files: drafts
        .filter((x) => final(x).key === d.key)
        .flatMap((x) => x.files)
        .filter((f): f is { path: string; role: WorkRole } => f.role !== '')
        .map((f) => ({ path: f.path, role: f.role })),
    }));
}

/** The stem of a file's name: a split-off work's first title. */
export const stemOf = (path: string) => (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]+$/, '');

/**
 * The preview's corrections as the user makes them: the drafts (started again from each new plan), the work opened,
 * whether anything was changed, and the row and folder picked to be paired; change, split off and pair.
 */
export function useIntakeDrafts(intake: IntakeReport | null) {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  // The unmatched row and folder picked to be paired.
  const [pickRow, setPickRow] = useState<number | null>(null);
  const [pickWork, setPickWork] = useState<string | null>(null);
  useEffect(() => {
    setDrafts(intake ? draftOf(intake) : []);
    setEditing(null);
    setEdited(false);
    setPickRow(null);
    setPickWork(null);
  }, [intake]);
  const change = (key: string, patch: Partial<Draft>) => {
    setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
    setEdited(true);
  };
  /** The picked files of a work become a new work, placed after it (same category, stage and authors to start). */
  const split = (d: Draft) => {
    const picked = d.files.filter((f) => f.picked);
    if (!picked.length || picked.length === d.files.length) return;
    let n = 2;
    while (drafts.some((x) => x.key === `${d.from ?? d.key}#${n}`)) n += 1;
    const key = `${d.from ?? d.key}#${n}`;
    const fresh: Draft = {
      key,
      from: d.from ?? d.key,
      category: d.category,
      stage: d.stage,
      title: stemOf(picked.find((f) => f.role !== '')?.path ?? picked[0]!.path),
      authors: d.authors,
      files: picked.map((f) => ({ path: f.path, role: f.role })),
      into: '',
    };
    setDrafts((all) =>
      all.flatMap((x) => (x.key === d.key ? [{ ...x, files: x.files.filter((f) => !f.picked) }, fresh] : [x])),
    );
    setEditing(key);
    setEdited(true);
  };
  /** A summary row with no folder and a work with no row are the same work: the row's title, authors, category… */
  const pair = (rowIndex: number, key: string) => {
    const r = intake!.unmatchedRows[rowIndex]!;
    const d = drafts.find((x) => x.key === key)!;
    change(key, {
      row: rowIndex,
      title: r.title,
      authors: r.authors.join('、'),
      category: r.category ?? d.category,
      stage: r.stage ?? d.stage,
    });
    setPickRow(null);
    setPickWork(null);
  };
  /** Marks a file of a work as picked for splitting off. */
  const pick = (key: string, path: string, picked: boolean) =>
    setDrafts((all) =>
      all.map((x) =>
        x.key === key ? { ...x, files: x.files.map((y) => (y.path === path ? { ...y, picked } : y)) } : x,
      ),
    );
  return { drafts, editing, setEditing, edited, pickRow, setPickRow, pickWork, setPickWork, change, split, pair, pick };
}
