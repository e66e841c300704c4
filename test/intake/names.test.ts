// Reading folder names, categories, grades, authors and titles as people type them.
import { describe, expect, it } from 'vitest';
import {
  categoryOfFolder,
  categoryOfText,
  matchRows,
  parseFolderName,
  similarity,
  splitAuthors,
  stageOfGrade,
} from '../../src/shared/intake/names.js';
import { liaoning29 as profile } from '../../src/shared/rules/liaoning-29.js';

describe('parseFolderName', () => {
  it.each([
    ['1-张强-小小的船', { order: 1, authors: ['张强'], title: '小小的船' }],
    ['12-张强、李明-函数-性质', { order: 12, authors: ['张强', '李明'], title: '函数-性质' }],
    ['张强-小小的船', { order: null, authors: ['张强'], title: '小小的船' }],
    ['３－王芳－春晓', { order: 3, authors: ['王芳'], title: '春晓' }],
    ['ＡＩ案例－周敏－智慧课堂', { order: null, authors: ['周敏'], title: '智慧课堂' }],
    ['春晓(王芳)', { order: null, authors: ['王芳'], title: '春晓' }],
    ['小小的船', { order: null, authors: [], title: '小小的船' }],
    ['2 张强_小小的船', { order: 2, authors: ['张强'], title: '小小的船' }],
  ])('%s', (name, want) => expect(parseFolderName(name)).toEqual(want));
});

describe('parseFolderName on names as schools really write them (issue 13)', () => {
  it.each([
    ['和平区-张强-小小的船', { order: null, authors: ['张强'], title: '小小的船', place: '和平区' }],
    ['3-沈阳市第一小学-王芳-春晓', { order: 3, authors: ['王芳'], title: '春晓', place: '沈阳市第一小学' }],
    ['张强 小小的船', { order: null, authors: ['张强'], title: '小小的船' }],
    ['课件-张强-函数的性质', { order: null, authors: ['张强'], title: '函数的性质' }],
    ['平台案例－周敏－智慧课堂', { order: null, authors: ['周敏'], title: '智慧课堂' }],
    ['小小的船-张强', { order: null, authors: ['张强'], title: '小小的船' }],
    ['小小的船（张强、李明）', { order: null, authors: ['张强', '李明'], title: '小小的船' }],
    ['1-张强-小小的船-最终版', { order: 1, authors: ['张强'], title: '小小的船' }],
    ['张强-小小的船(定稿)(1)', { order: null, authors: ['张强'], title: '小小的船' }],
    ['张强-小小的船 副本', { order: null, authors: ['张强'], title: '小小的船' }],
    ['王芳-Unit 3 My School', { order: null, authors: ['王芳'], title: 'Unit 3 My School' }],
    ['王芳-第2课', { order: null, authors: ['王芳'], title: '第2课' }],
    ['和平区实验小学', { order: null, authors: [], title: '和平区实验小学' }],
  ])('%s', (name, want) => expect(parseFolderName(name)).toEqual(want));
});

describe('the rest of the readers', () => {
  it('splits authors on 、 , ， ; and spaces, full-width or not', () => {
    expect(splitAuthors('张强、李明，王芳,赵刚；孙丽 周杰')).toEqual(['张强', '李明', '王芳', '赵刚', '孙丽', '周杰']);
    expect(splitAuthors('  ')).toEqual([]);
  });

  it('knows the official category folders and the categories people write', () => {
    expect(categoryOfFolder(profile, '2微课')).toBe('microlecture');
    expect(categoryOfFolder(profile, '５．国家智慧教育平台应用案例')).toBe('platform-case');
    expect(categoryOfFolder(profile, '3信息化教学课程案例')).toBe('course-case');
    expect(categoryOfFolder(profile, '微课')).toBeNull();
    expect(categoryOfText('“人工智能+”教育案例')).toBe('ai-case');
    expect(categoryOfText('信息化创新管理案例')).toBe('management-case');
    expect(categoryOfText('国家智慧教育平台应用案例')).toBe('platform-case');
    expect(categoryOfText('融合创新应用教学案例')).toBe('teaching-case');
    expect(categoryOfText('微 课')).toBe('microlecture');
    expect(categoryOfText('其他')).toBeNull();
  });

  it('reads a stage from a grade', () => {
    expect(
      [
        '一年级',
        '6年级',
        '八年级',
        '初二',
        '高二',
        '十一年级',
        '幼儿教育',
        '特殊教育',
        '职业教育',
        '高等教育',
        '',
        '其他',
      ].map(stageOfGrade),
    ).toEqual([
      'primary',
      'primary',
      'junior',
      'junior',
      'senior',
      'senior',
      'kindergarten',
      'special',
      'vocational',
      'higher',
      null,
      null,
    ]);
  });

  it('compares titles without spaces, full-width forms, 《》 and punctuation', () => {
    expect(similarity('《小小的船》', ' 小小的船 ')).toBe(1);
    expect(similarity('ＡＢＣ　课堂', 'abc课堂')).toBe(1);
    expect(similarity('小小的船', '小小的船(第一课时)')).toBe(0.85);
    expect(similarity('春晓', '静夜思')).toBe(0);
  });

  it('pairs rows and folders by title and first author; the same title by two authors goes to each', () => {
    const rows = [
      { title: '春晓', firstAuthor: '赵刚' },
      { title: '春晓', firstAuthor: '王芳' },
      { title: '没有文件夹', firstAuthor: '钱七' },
    ];
    const folders = [
      { title: '春晓', firstAuthor: '王芳' },
      { title: '春晓', firstAuthor: '赵刚' },
      { title: '秋天的雨', firstAuthor: '吴九' },
    ];
    expect(matchRows(rows, folders).map((p) => [p.row, p.folder])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
