// The print 汇总表's column widths, sized from what the columns hold (measured in the embedded fonts).
import type { FormCell, FormDoc } from './content.js';
import { PAD, SIZE } from './pdf-layout.js';
import type { FontName, Measure } from './pdf-text.js';

export const cellFont = (c: FormCell): FontName => (c.bold ? 'bold' : 'body');

/**
 * Column widths from the content (the print 汇总表): a column whose every value and header fits on one short line
 * gets just that width (交流组别, 年级, 手机号码 never wrap; headers stay whole); the long columns get the widths that
 * make the tallest row as short as it can be (the fewest lines any row needs), none narrower than its header or its
 * longest name or word, and the room left over in proportion to their content.
 */
export function fitColumns(form: FormDoc, width: number, m: Measure): number[] {
  const n = form.widths.length;
  const given = () => form.widths.map((w) => (w * width) / form.widths.reduce((a, b) => a + b, 0));
  const rows = form.rows.filter((r) => r.length === n && r.every((c) => (c.span ?? 1) === 1));
  if (rows.length === 0) return given();
  const sizeOf = (c: FormCell) => (c.large ? 16 : SIZE);
  const lineWidth = (c: FormCell) => Math.max(0, ...c.text.split('\n').map((l) => m.width(l, cellFont(c), sizeOf(c))));
  const tokenWidth = (c: FormCell) => {
    const tokens = c.bold
      ? c.text.split('\n')
      : ((c.names ? c.text.split(/(?<=、)/) : c.text.match(/[A-Za-z0-9@._\-/:#&=+~%]+|[\s\S]/gu)) ?? []);
    return Math.max(0, ...tokens.map((t) => m.width(t, cellFont(c), sizeOf(c))));
  };
  const edge = 2 * PAD + 1;
  const natural = form.widths.map((_, i) => Math.max(...rows.map((r) => lineWidth(r[i]!))) + edge);
  const floor = form.widths.map((_, i) => Math.max(...rows.map((r) => tokenWidth(r[i]!))) + edge);
  const SHORT = 8 * SIZE + edge;
  const long = natural.map((w) => w > SHORT);
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural.map((w) => w + (width - total) / n);
  const room = width - natural.reduce((a, w, i) => a + (long[i] ? 0 : w), 0);
  if (room <= 0) return given();
  /** The narrowest width at which every value of column `i` takes at most `lines` lines. */
  const texts = form.widths.map((_, i) => [...new Map(rows.map((r) => [r[i]!.text, r[i]!])).values()]);
  const linesAt = (i: number, w: number) =>
    Math.max(...texts[i]!.map((c) => m.wrap(c.text, w - 2 * PAD, cellFont(c), sizeOf(c), { names: c.names }).length));
  const needFor = (i: number, lines: number) => {
    let lo = floor[i]!;
    let hi = natural[i]!;
    if (linesAt(i, lo) <= lines) return lo;
    for (let k = 0; k < 14 && hi - lo > 0.5; k += 1) {
      const mid = (lo + hi) / 2;
      if (linesAt(i, mid) <= lines) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const cols = natural.map((_, i) => i).filter((i) => long[i]);
  for (let lines = 1; lines <= 12; lines += 1) {
    const need = cols.map((i) => needFor(i, lines));
    const sum = need.reduce((a, b) => a + b, 0);
    if (sum > room) continue;
    const out = natural.map((w, i) => (long[i] ? 0 : w));
    const spare = room - sum;
    const weight = cols.reduce((a, i) => a + natural[i]!, 0);
    cols.forEach((i, k) => (out[i] = need[k]! + (spare * natural[i]!) / weight));
    return out;
  }
  return given();
}
