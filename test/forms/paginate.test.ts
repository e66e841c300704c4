// The page rules of the print engine on its own (no PDF): a continued field carries at least two lines, a signing
// block keeps company, and a closing seal keeps the rows it certifies — wherever the page break falls.
import { describe, expect, it } from 'vitest';
import { LH, paginate, type Block, type CellBox, type Page } from '../../src/main/forms/pdf-layout.js';

const page: Page = { width: 595, height: 842, margin: 57, top: 57, bottom: 785 };
const cell = (lines: number, long = false): CellBox => ({
  cell: { text: 'x', long },
  x: 57,
  w: 400,
  font: 'body',
  size: 10.5,
  lh: LH,
  lines: Array.from({ length: lines }, (_, i) => `行${i}`),
});
const row = (lines: number, o: Partial<Block> = {}): Block => {
  const label = cell(2);
  const value = cell(lines, true);
  return {
    kind: 'row',
    cells: [label, value],
    long: value,
    fixed: 0,
    minLines: 0,
    minFirst: 2,
    keepWithPrev: false,
    ...o,
  };
};
const plain = (h: number): Block => ({
  kind: 'row',
  cells: [cell(Math.max(1, Math.round(h / LH)))],
  fixed: 0,
  minLines: 0,
  minFirst: 1,
  keepWithPrev: false,
});
const title: Block = { kind: 'title', text: [], fixed: 60, minLines: 0, minFirst: 0, keepWithPrev: false };

describe('paginate', () => {
  it('never leaves a continuation (or a first part) of fewer than two lines, wherever the break falls', () => {
    for (let before = 0; before < 46; before += 1) {
      for (const n of [3, 4, 5, 9, 30, 60, 100]) {
        const pages = paginate([title, ...Array.from({ length: before }, () => plain(LH)), row(n)], page);
        const parts = pages.flatMap((p) => p.filter((x) => x.block.long && x.block.long.lines.length === n));
        expect(parts.map((x) => x.to - x.from).reduce((a, b) => a + b, 0)).toBe(n);
        for (const x of parts)
          expect(x.to - x.from, `${before} rows before, ${n} lines: a part of ${x.to - x.from}`).toBeGreaterThanOrEqual(
            2,
          );
      }
    }
  });

  it('a seal that certifies two rows never stands with fewer than two, nor alone', () => {
    const seal: Block = {
      kind: 'sign',
      fixed: 200,
      minLines: 0,
      minFirst: 0,
      keepWithPrev: true,
      company: 2,
      sign: { seal: '单位公章', date: true },
    };
    const header: Block = { ...plain(LH * 2), header: true };
    for (let rows = 1; rows < 30; rows += 1) {
      const pages = paginate([title, header, ...Array.from({ length: rows }, () => plain(LH * 3)), seal], page);
      const last = pages[pages.length - 1]!;
      expect(
        last.some((p) => p.block === seal),
        `${rows} rows`,
      ).toBe(true);
      const with_ = last.filter((p) => p.block.kind === 'row' && !p.block.header).length;
      expect(with_, `${rows} rows: the seal's page holds ${with_}`).toBeGreaterThanOrEqual(Math.min(2, rows));
      for (const p of pages)
        expect(
          p.reduce((a, x) => Math.max(a, x.y + x.h), 0),
          `${rows} rows: past the page`,
        ).toBeLessThanOrEqual(page.bottom + 0.01);
    }
  });
});
