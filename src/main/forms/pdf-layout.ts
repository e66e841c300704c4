// The print PDFs' layout engine: every block of a form is measured first, then laid on pages, then drawn.
// - A long field too tall for what is left of a page continues on the next as a row of the same table, its label
//   repeated with (续); no chunk is shorter than its label or two lines.
// - Each row is drawn as closed cells on its page: every page's frame is closed.
// - The signing row (the pledge, a comment's seal) keeps company: if it does not fit, the last lines of the field
//   above (or the whole row above) go with it to the next page — a signature never stands on a page of its own.
// - The header rows of a table (the 汇总表) repeat on every page it reaches.
// - A seal gets a clear 4.5 × 4.5 cm square; a signature line gets 3.5 cm of room per signer.
import type { FormCell, SignBlock } from './content.js';
import type { FontName, Measure } from './pdf-text.js';

export const CM = 72 / 2.54;
export const SIZE = 10.5;
export const LH = 15.5;
export const SMALL = 9;
export const SMALL_LH = 13;
export const PAD = 4.5;
export const SEAL = 4.5 * CM;
export const SIGN_SLOT = 3.5 * CM;
export const SIGN_LH = 30;
export const DATE_GAPS = { year: 2.2 * CM, month: 1.4 * CM, day: 1.4 * CM };

export interface Page {
  width: number;
  height: number;
  margin: number;
  top: number;
  bottom: number;
}

export interface CellBox {
  cell: FormCell;
  x: number;
  w: number;
  font: FontName;
  size: number;
  lh: number;
  lines: string[];
  /** The label's text on a continuation (key + (续)). */
  cont?: string[];
}

export interface Block {
  kind: 'title' | 'row' | 'para' | 'sign';
  header?: boolean;
  cells?: CellBox[];
  /** The cell whose lines may split over pages (a long row or a paragraph). */
  long?: CellBox;
  sign?: SignBlock;
  signWidth?: number;
  /** Height of what does not split: the title, a row's padding, a sign block. */
  fixed: number;
  minLines: number;
  /** Lines a first chunk needs (the label's, or a heading plus two). */
  minFirst: number;
  keepWithPrev: boolean;
  /** Rows of the table above that a signing block keeps on its page (the 汇总表's seal: two). */
  company?: number;
  /** Never split, even if it has lines (notes kept whole with the table above). */
  atomic?: boolean;
  /** Title and paragraph content: lines with their own font. */
  text?: { line: string; font: FontName; size: number; lh: number; align: 'left' | 'center' }[];
}

export interface Piece {
  block: Block;
  from: number;
  to: number;
  y: number;
  h: number;
}

const lineCount = (b: Block) => (b.long ? b.long.lines.length : 0);

export function signHeight(s: SignBlock | undefined, width: number, m: Measure): number {
  if (!s) return 0;
  let h = 0;
  if (s.signature) {
    const labelW = m.width(s.signature.label, 'body', SIZE);
    const indent = labelW <= width / 2 ? labelW : 0;
    const first = Math.max(0, Math.floor((width - labelW) / SIGN_SLOT));
    const per = Math.max(1, Math.floor((width - indent) / SIGN_SLOT));
    const rows =
      first >= s.signature.signers ? 1 : (first > 0 ? 1 : 0) + Math.ceil((s.signature.signers - first) / per);
    h += Math.max(1, rows) * SIGN_LH + 6;
  }
  if (s.name) h += LH;
  if (s.seal) h += SEAL;
  if (s.date) h += LH + 8;
  return h;
}

/** A row's height for lines [from, to) of its long cell (the whole row when it does not split). */
export function pieceHeight(b: Block, from: number, to: number): number {
  if (b.kind === 'title' || b.kind === 'sign') return b.fixed;
  const last = to === lineCount(b);
  const signH = last ? b.fixed : 0;
  if (b.kind === 'para') {
    return (
      (to - from) * (b.long?.lh ?? LH) +
      (from === 0 && b.text ? b.text.reduce((a, t) => a + t.lh, 0) : 0) +
      (last ? 6 : 0)
    );
  }
  const whole = from === 0 && last;
  let h = 0;
  for (const c of b.cells!) {
    let lines: number;
    if (c === b.long) lines = to - from;
    else lines = from === 0 ? c.lines.length : (c.cont?.length ?? 0);
    const body = Math.max(lines, whole || (last && c === b.long) ? (c.cell.minLines ?? 1) : 1) * c.lh;
    h = Math.max(h, body + 2 * PAD + (c.cell.sign ? signH : 0));
  }
  return h;
}

/** Lays blocks on pages. */
export function paginate(blocks: Block[], page: Page): Piece[][] {
  const pages: Piece[][] = [[]];
  const headers = blocks.filter((b) => b.header);
  let y = page.top;
  const cur = () => pages[pages.length - 1]!;
  const hasContent = () => cur().some((p) => !p.block.header);
  const place = (block: Block, from: number, to: number) => {
    const h = pieceHeight(block, from, to);
    cur().push({ block, from, to, y, h });
    y += h;
  };
  const newPage = (next: Block | undefined) => {
    pages.push([]);
    y = page.top;
    if (next?.kind === 'row' && !next.header) for (const hb of headers) place(hb, 0, lineCount(hb));
  };
  /**
   * Moves the end of the current page to the next, so that `block` has company there: the last lines of a long
   * field (at least two), or the last pieces — with any before them that must stay with them (notes kept with the
   * table above) and as many rows as the block certifies (`company`). What stays keeps at least one piece of content:
   * the break moves up only as far as that allows.
   */
  const pullBack = (block: Block) => {
    const list = cur();
    const need = block.company ?? 1;
    const rows = (ps: Piece[]) => ps.filter((p) => p.block.kind === 'row').length;
    let moved: Piece[] = [];
    let split: { piece: Piece; at: number } | null = null;
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const prev = list[i]!;
      if (prev.block.header || prev.block.kind === 'title') break;
      const min = prev.from === 0 ? prev.block.minFirst : 2;
      if (prev.block.long && !prev.block.atomic && prev.to - prev.from >= min + 2) {
        split = { piece: prev, at: prev.to - Math.min(3, prev.to - prev.from - min) };
        break;
      }
      moved.unshift(prev);
      if (!prev.block.keepWithPrev && rows(moved) >= need) break;
    }
    const isContent = (p: Piece) => !p.block.header && p.block.kind !== 'title';
    let left = list.length - moved.length;
    // Nothing would stay: keep the first moved pieces here while the rest still holds a row for the block.
    while (
      !split &&
      !list.slice(0, left).some(isContent) &&
      moved.length > 1 &&
      rows(moved.slice(1)) > 0 &&
      !moved[1]!.block.keepWithPrev
    ) {
      moved = moved.slice(1);
      left += 1;
    }
    if (!split && !list.slice(0, left).some(isContent)) return newPage(block); // too tall for any page: cannot happen at A4
    list.splice(left);
    if (split) {
      list.pop();
      y = split.piece.y;
      place(split.piece.block, split.piece.from, split.at);
      newPage(split.piece.block);
      place(split.piece.block, split.at, split.piece.to);
    } else newPage(moved[0]!.block);
    for (const p of moved) place(p.block, p.from, p.to);
  };
  /**
   * A signing block that fits on a page holding fewer rows than it certifies takes the last rows of the page before
   * (the 汇总表's seal under one row when there were more to move), as far as they fit.
   */
  const borrow = (block: Block) => {
    if (!block.company || pages.length < 2) return;
    const isRow = (p: Piece) => p.block.kind === 'row' && !p.block.header;
    const here = cur().filter(isRow).length;
    const prev = pages[pages.length - 2]!;
    let take = 0;
    while (take < block.company - here) {
      const p = prev[prev.length - 1 - take];
      const stays = prev.slice(0, prev.length - 1 - take).some(isRow);
      if (!p || !isRow(p) || p.from !== 0 || p.to !== lineCount(p.block) || !stays) break;
      take += 1;
    }
    const extra = (k: number) => prev.slice(prev.length - k).reduce((a, p) => a + p.h, 0);
    while (take > 0 && y + extra(take) + pieceHeight(block, 0, lineCount(block)) > page.bottom) take -= 1;
    if (take === 0) return;
    const mine = cur().filter((p) => !p.block.header);
    const taken = prev.splice(prev.length - take);
    pages.pop();
    newPage(taken[0]!.block);
    for (const p of [...taken, ...mine]) place(p.block, p.from, p.to);
  };
  for (const b of blocks) {
    if (b.company) borrow(b);
    if (b.header && cur().length === 0) {
      place(b, 0, lineCount(b));
      continue;
    }
    const n = lineCount(b);
    if (!b.long || b.atomic || n === 0) {
      const h = pieceHeight(b, 0, n);
      if (y + h > page.bottom && hasContent()) {
        if (b.keepWithPrev) pullBack(b);
        else newPage(b);
      }
      place(b, 0, n);
      continue;
    }
    let from = 0;
    while (from < n) {
      const room = page.bottom - y;
      if (pieceHeight(b, from, n) <= room) {
        place(b, from, n);
        break;
      }
      // The most lines that fit here, leaving at least two for the continuation (and the signing block below).
      let k = 0;
      while (k < n - from - 2 && pieceHeight(b, from, from + k + 1) <= room) k += 1;
      const min = from === 0 ? b.minFirst : 2;
      if (k < min || k === 0) {
        if (hasContent()) {
          if (b.keepWithPrev && from === 0) pullBack(b);
          else newPage(b);
          continue;
        }
        k = Math.max(1, k); // a page of its own and still too tall for one line: cannot happen at A4
      }
      place(b, from, from + k);
      from += k;
      newPage(b);
    }
  }
  return pages.filter((p) => p.length > 0);
}
