import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { countRows, openCatalog, type Db } from '../../src/main/catalog/db.js';
import { importBatch } from '../../src/main/catalog/import.js';
import { getUnit } from '../../src/main/catalog/unit.js';
import { listWorks } from '../../src/main/catalog/works.js';
import { BatchError } from '../../src/shared/errors.js';
import { microlecture, validBatch, writeBatch, type Json } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = tempDir();
  db = openCatalog(join(dir, 'catalog.sqlite'), { create: true });
  // A first batch is already in: "unchanged" then means more than "still empty".
  importBatch(db, await writeBatch(dir, validBatch([microlecture('w0', '赵刚')]), 'first.json'));
});

describe('a valid batch', () => {
  it('stores the unit, the works in order, the authors as people and every file with its size and mtime', async () => {
    const batch = validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]);
    batch.works[1].authors.push({ name: '张　强', unit: ' 沈阳市和平区第一小学 ' });
    batch.works[1].files.push({ role: 'support', path: 'works/w2/missing.bin' });
    const file = await writeBatch(dir, batch);
    const result = importBatch(db, file);
    expect(result).toEqual({ unit: '沈阳市教育局', works: 2, files: 13, missingFiles: 1 });
    const works = listWorks(db);
    expect(works.map((w) => w.key)).toEqual(['w0', 'w1', 'w2']);
    expect(works[2]!.authors.map((a) => a.personId)).toContain(works[1]!.authors[0]!.personId);
    const video = works[1]!.files.find((f) => f.role === 'lecture-video')!;
    const st = statSync(join(dir, 'works/w1/微课.mp4'));
    expect(video).toMatchObject({
      path: 'works/w1/微课.mp4',
      absPath: join(dir, 'works/w1/微课.mp4'),
      size: st.size,
      mtimeMs: st.mtimeMs,
    });
    expect(works[2]!.files.find((f) => f.role === 'support')).toMatchObject({ size: null, mtimeMs: null });
    expect(works[1]!.fields).toEqual({
      作品特点: '以儿歌导入。',
      作品安装运行说明: '任意播放器。',
      教材版本: '人教版',
    });
    expect(works[1]!.checklist['checklist.citations']).toBe(true);
    expect(getUnit(db)!.files).toHaveLength(8);
  });

  it('keeps what is wrong but storable, for the checks to report', async () => {
    const w = microlecture('w9', '张强', {
      title: '《小小的船》',
      comment: '短',
      share: null,
      category: 'teaching-case',
      stage: 'vocational',
      fields: {},
    });
    w.authors.push({ name: 'A' }, { name: 'B' }, { name: 'C' });
    importBatch(db, await writeBatch(dir, validBatch([w])));
    const stored = listWorks(db).find((x) => x.key === 'w9')!;
    expect(stored).toMatchObject({ title: '《小小的船》', comment: '短', share: null, category: 'teaching-case' });
    expect(stored.authors).toHaveLength(4);
  });
});

describe('bad input is refused whole, with the JSON path, and nothing is written', () => {
  const cases: [string, (b: Json) => Json | string, RegExp][] = [
    ['invalid JSON', () => '{ "edition": "liaoning-29", ', /不是有效的 JSON：第 1 行/],
    ['a comment in JSON', () => '// hi\n{}', /不是有效的 JSON/],
    ['an empty file', () => '', /文件是空的/],
    ['a wrong type', (b) => ((b.works[1].authors = '张强'), b), /works\[1\]\.authors.*作品 w2.*应为列表/],
    [
      'a number where a string is due',
      (b) => ((b.works[0].authors[0].mobile = 13800000001), b),
      /works\[0\]\.authors\[0\]\.mobile.*作品 w1/,
    ],
    ['a missing required key', (b) => (delete b.works[0].stage, b), /works\[0\]\.stage.*缺少必填项/],
    ['a missing unit kind', (b) => (delete b.unit.kind, b), /unit\.kind/],
    ['an unknown key', (b) => ((b.works[1].titel = 'x'), b), /works\[1\].*未知的键 “titel”/],
    ['an unknown top-level key', (b) => ((b.extra = 1), b), /未知的键 “extra”/],
    ['an unknown edition', (b) => ((b.edition = 'liaoning-30'), b), /edition.*liaoning-29/],
    ['an unknown unit kind', (b) => ((b.unit.kind = 'county'), b), /unit\.kind/],
    ['an unknown group', (b) => ((b.unit.group = 'college'), b), /unit\.group/],
    ['an unknown category', (b) => ((b.works[0].category = 'video'), b), /works\[0\]\.category/],
    ['an unknown stage', (b) => ((b.works[0].stage = 'middle'), b), /works\[0\]\.stage/],
    ['a variant on a category without one', (b) => ((b.works[0].variant = 'school'), b), /works\[0\]\.variant/],
    [
      'a variant not of the category',
      (b) => ((b.works[0] = { ...b.works[0], category: 'management-case', variant: 'teacher', fields: {} }), b),
      /works\[0\]\.variant.*region、school/,
    ],
    ['an unknown role', (b) => ((b.works[0].files[0].role = 'video'), b), /works\[0\]\.files\[0\]\.role/],
    ['a unit role on a work', (b) => ((b.works[0].files[0].role = 'summary-scan'), b), /works\[0\]\.files\[0\]\.role/],
    ['an unknown scene label', (b) => ((b.works[0].scenes = ['课堂']), b), /works\[0\]\.scenes\[0\]/],
    [
      'a field key of another category',
      (b) => ((b.works[0].fields = { 背景: 'x' }), b),
      /works\[0\]\.fields\.背景|works\[0\]\.fields\["背景"\]/,
    ],
    ['an unknown checklist id', (b) => ((b.works[0].checklist = { 'checklist.nope': true }), b), /checklist\.nope/],
    ['an empty file path', (b) => ((b.works[0].files[0].path = ''), b), /works\[0\]\.files\[0\]\.path.*不能为空/],
    ['two works with the same key', (b) => ((b.works[1].key = 'w1'), b), /works\[1\]\.key.*重复/],
    [
      'a duplicate JSON key',
      () => '{"edition":"liaoning-29","edition":"liaoning-29","unit":{},"works":[]}',
      /键“edition”重复出现/,
    ],
    [
      'a duplicate key inside a work',
      (b) => JSON.stringify(b).replace('"stage":"primary"', '"stage":"primary","stage":"junior"'),
      /works\[0\]\.stage/,
    ],
    ['another unit', (b) => ((b.unit.name = '大连市教育局'), b), /目录已属于“沈阳市教育局”/],
    ['a work key already in the catalog', (b) => ((b.works[1].key = 'w0'), b), /w0.*已在目录中/],
  ];

  for (const [name, mutate, message] of cases) {
    it(name, async () => {
      const batch = validBatch();
      const file = await writeBatch(dir, batch);
      const broken = mutate(JSON.parse(JSON.stringify(batch)));
      writeFileSync(file, typeof broken === 'string' ? broken : JSON.stringify(broken, null, 2));
      const before = countRows(db);
      let error: unknown;
      try {
        importBatch(db, file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BatchError);
      expect((error as Error).message).toMatch(message);
      expect(countRows(db)).toEqual(before);
    });
  }

  it('a batch file that cannot be read', () => {
    expect(() => importBatch(db, join(dir, 'nope.json'))).toThrow(/无法读取批次文件/);
  });

  it('a failure in the middle of the transaction leaves nothing behind', async () => {
    const batch = validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]);
    const file = await writeBatch(dir, batch);
    db.exec(
      "CREATE TRIGGER boom BEFORE INSERT ON works WHEN NEW.batch_key = 'w2' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const before = countRows(db);
    expect(() => importBatch(db, file)).toThrow(/导入失败，目录未做任何改动/);
    expect(countRows(db)).toEqual(before);
  });
});
