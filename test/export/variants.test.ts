// The five variants of 附表1-1 (and 附表1-2) in Word and in print, from the builders' works.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommendationForm, registrationForm } from '../../src/main/forms/content.js';
import { formDocx } from '../../src/main/forms/docx.js';
import { fontsAvailable, formPdf } from '../../src/main/forms/pdf.js';
import type { CategoryId } from '../../src/shared/model.js';
import { author, profile, unit, work } from '../helpers/build.js';
import { tempDir } from '../helpers/files.js';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

const variants: [CategoryId, string[]][] = [
  ['courseware', ['(课件、微课)', '作品特点', '作品安装运行说明', '☑课件']],
  [
    'teaching-case',
    ['(融合创新应用教学案例、信息化教学课程案例)', '教学环境设施建设情况', '教学成果、推广情况', '☑初中'],
  ],
  ['management-case', ['(融合创新管理案例)', '案例名称', '信息化管理应用实施情况', '☑学校管理案例', '案例限报5人']],
  [
    'platform-case',
    ['(国家智慧教育平台应用案例)', '应用场景', '☑自主学习', '☑学校应用典型案例', '国家智慧教育平台应用过程和数据情况'],
  ],
  [
    'ai-case',
    [
      '(“人工智能+”教育案例)',
      '申报书',
      '一、背景(300字以内)',
      '四、推广价值及风险(500字以内)',
      '☑智能助教',
      '案例网址',
      '文心一言',
    ],
  ],
];

describe('registration form variants', () => {
  it('the build copied the fonts the print PDFs need', () => {
    expect(fontsAvailable()).toBe(true);
  });

  for (const [category, labels] of variants) {
    it(`${category}: Word and print carry the variant's own labels and this work's values`, async () => {
      const w = work(category, { title: `${category}-作品`, authors: [author({ name: '李雷', unit: '育才中学' })] });
      if (category === 'ai-case') w.fields = { 背景: '写作反馈慢。', 案例使用的基础大模型: '文心一言' };
      const doc = registrationForm(profile, w, new Map());
      const docx = await formDocx(doc);
      expect(docx.subarray(0, 2).toString()).toBe('PK');
      expect(await formDocx(doc)).toEqual(docx);
      const pdf = await formPdf(doc);
      expect(await formPdf(doc)).toEqual(pdf);
      if (!poppler) return;
      const file = join(tempDir(), 'f.pdf');
      writeFileSync(file, pdf);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      for (const s of [...labels, `${category}-作品`, '李雷', '育才中学', '诚信承诺'])
        expect(text, s).toContain(s.replace(/\s+/g, ''));
      if (category === 'ai-case') expect(text).toContain('写作反馈慢。');
      const rec = join(tempDir(), 'r.pdf');
      writeFileSync(rec, await formPdf(recommendationForm(profile, unit(), w)));
      expect(spawnSync('pdftotext', [rec, '-'], { encoding: 'utf8' }).stdout).toContain(
        profile.categories[category].name,
      );
    });
  }
});
