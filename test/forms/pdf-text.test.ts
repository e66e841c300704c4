// Breaking text for the print PDFs: measured in the embedded fonts, never wider than the cell, nothing dropped,
// Chinese line-breaking rules (no line starts with closing punctuation or ends with an opening bracket), words whole.
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResources } from '../../src/main/resources.js';
import { Measure } from '../../src/main/forms/pdf-text.js';
import { fullText } from '../helpers/limits.js';

const fonts = appResources().fontsDir;
const doc = new PDFDocument({ autoFirstPage: false });
doc.registerFont('body', join(fonts, 'SourceHanSansSC-Regular.otf'));
doc.registerFont('bold', join(fonts, 'SourceHanSansSC-Bold.otf'));
doc.registerFont('sym', join(fonts, 'DejaVuSans.ttf'));
const m = new Measure(doc);

describe('Measure.wrap', () => {
  it.each([80, 120, 200, 373])('keeps every character, within %d pt, by the rules', (width) => {
    const text = `${fullText(1000, 4)}\n\n(括号开头)与“引号”，以及 https://example.edu.cn/a/very/long/path/that/needs/breaking/because/it/is/longer/than/a/line 和☑选项☐。`;
    const lines = m.wrap(text, width, 'body', 10.5);
    for (const l of lines) expect(m.width(l, 'body', 10.5), l).toBeLessThanOrEqual(width + 0.01);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const [i, l] of lines.entries()) {
      if (i > 0 && lines[i - 1] !== '' && l !== '')
        expect('，。、；：？！）》”'.includes(l[0] ?? ''), `line starts with “${l[0]}”`).toBe(false);
      if (l.length > 1) expect('(（《“'.includes(l[l.length - 1]!), `line ends with “${l[l.length - 1]}”`).toBe(false);
    }
    expect(lines).toContain('');
  });

  it('keeps a word or number whole when it fits on a line', () => {
    const lines = m.wrap('模型版本号为 DeepSeek-V3.2-Exp 的案例', 130, 'body', 10.5);
    expect(lines.some((l) => l.includes('DeepSeek-V3.2-Exp'))).toBe(true);
  });

  it('never starts a line with a run of closing punctuation, nor breaks a word or a name to avoid it', () => {
    const text = '学生提出问题！？教师引导【探究】并反思，基于Deepseek，V4.0）与诸葛明远、令狐晓峰、阿依古丽·买买提。';
    for (let width = 60; width <= 200; width += 3) {
      const lines = m.wrap(text, width, 'body', 10.5);
      expect(lines.join(''), `${width}`).toBe(text);
      lines.forEach((l, i) => {
        if (i > 0)
          expect('，。、；：？！）》”】'.includes(l[0] ?? ''), `${width}: line starts with “${l[0]}”`).toBe(false);
      });
      for (const w of ['Deepseek', 'V4.0'])
        expect(
          lines.some((l) => l.includes(w)),
          `${width}: ${w} broken`,
        ).toBe(true);
      const names = m.wrap('诸葛明远、令狐晓峰、阿依古丽·买买提、司马相如', width, 'body', 16, { names: true });
      for (const n of ['诸葛明远', '令狐晓峰', '阿依古丽·买买提', '司马相如'])
        expect(names.some((l) => l.includes(n)) || width < 16 * 9, `${width}: ${n} broken`).toBe(true);
    }
  });
});
