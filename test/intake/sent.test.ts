// What schools really send (issue 13, first part): an AI case's 申报书, a RAR archive, two versions of a lecture,
// two equally long lectures, a summary whose caption names the unit after 报送单位(盖章), a system file met twice.
// The plan and its report say exactly what a careful person would; sources stay as they were.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import { kindOfUnitName } from '../../src/main/intake/plan.js';
import type { IntakeReport, IntakeWork } from '../../src/shared/intake/report.js';
import type { WorkRole } from '../../src/shared/model.js';
import { FIXTURES, minimalPdf, tempDir, writeZip } from '../helpers/files.js';
import { clip, clipOf, jpeg } from '../helpers/media.js';

let dir: string;
let report: IntakeReport;
let before: Map<string, string>;
let planFile: string;
let root: string;
/** The plan and report as intake wrote them (the apply test below rewrites the plan). */
let written: { plan: unknown; report: unknown };

function put(rel: string, data: Buffer | string | { copy: string }) {
  const path = join(dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  if (typeof data === 'object' && !Buffer.isBuffer(data)) copyFileSync(data.copy, path);
  else writeFileSync(path, data);
}

function snapshot(base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(base, { recursive: true }) as string[]) {
    const p = join(base, rel);
    if (statSync(p).isFile())
      out.set(rel, `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`);
  }
  return out;
}

const work = (folder: string): IntakeWork => report.works.find((w) => w.folder === folder)!;
const roles = (w: IntakeWork) =>
  Object.fromEntries(w.files.map((f) => [relative(join(dir, w.folder), f.path), f.role]));

beforeAll(async () => {
  root = tempDir();
  dir = join(root, '收到的作品');
  // A lecture with a RAR of materials and a final cut shorter than an earlier one.
  put('1-张强-小小的船/登记表.pdf', minimalPdf());
  put('1-张强-小小的船/推荐意见.pdf', minimalPdf());
  put('1-张强-小小的船/微课.mp4', { copy: clip('lecture.mp4') });
  put('1-张强-小小的船/微课-最终版.mp4', { copy: clip('opening-blue.mp4') });
  put(
    '1-张强-小小的船/学习资源.rar',
    Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), Buffer.alloc(64, 7)]),
  );
  put('1-张强-小小的船/Thumbs.db', 'x');
  // Two equally long lectures: the user chooses.
  put('2-王芳-春晓/登记表.pdf', minimalPdf());
  put('2-王芳-春晓/春晓A.mp4', { copy: clip('lecture.mp4') });
  put('2-王芳-春晓/春晓B.mp4', { copy: clip('lecture.mp4') });
  // An AI case whose form is its 申报书.
  put('3-周敏-智慧课堂/申报书.pdf', minimalPdf());
  put('3-周敏-智慧课堂/推荐意见.pdf', minimalPdf());
  put('3-周敏-智慧课堂/专题片.mp4', { copy: clip('feature.mp4') });
  // A school before the author, a space as the separator, a trailing 最终版; no summary row for either.
  put('沈阳市第一小学-吴九-秋天的雨-最终版/秋天的雨.mp4', { copy: clipOf('lecture.mp4', '吴九') });
  put('郑十 雪地里的小画家/雪地里的小画家.mp4', { copy: clipOf('lecture.mp4', '郑十') });
  // A district's folder: its own table (one row also in the unit's, with another grade) and notice, two works.
  put('和平区报送/6-孙丽、周杰-静夜思/登记表.pdf', minimalPdf());
  put('和平区报送/6-孙丽、周杰-静夜思/静夜思.mp4', { copy: clipOf('lecture.mp4', '孙丽') });
  put('和平区报送/7-钱七-咏鹅/咏鹅.mp4', { copy: clipOf('lecture.mp4', '钱七') });
  put('和平区报送/关于报送作品的通知.pdf', minimalPdf());
  const district = new ExcelJS.Workbook();
  const dws = district.addWorksheet('汇总');
  dws.getRow(1).values = ['和平区作品汇总表'];
  dws.getRow(2).values = [
    '序号',
    '交流组别',
    '作品名称',
    '作者姓名',
    '所在单位',
    '作品类别',
    '年级',
    '学科',
    '手机号码',
    '是否同意共享',
  ];
  dws.getRow(3).values = [
    1,
    '中小学校',
    '静夜思',
    '孙丽',
    '和平区第三小学',
    '微课',
    '三年级',
    '语文',
    '13800000006',
    '是',
  ];
  dws.getRow(4).values = [
    2,
    '中小学校',
    '春晓',
    '王芳',
    '大连市第二小学',
    '微课',
    '二年级',
    '语文',
    '13800000002',
    '是',
  ];
  await district.xlsx.writeFile(join(dir, '和平区报送', '和平区汇总表.xlsx'));
  // A school forwarded one work as a ZIP (and a note of its own).
  mkdirSync(join(dir, '某校转来'), { recursive: true });
  await writeZip(join(dir, '某校转来', '张强-荷塘月色.zip'), {
    '张强-荷塘月色/登记表.pdf': minimalPdf(),
    '张强-荷塘月色/推荐意见.pdf': minimalPdf(),
    '张强-荷塘月色/微课.mp4': readFileSync(clipOf('lecture.mp4', '荷塘月色')),
    '张强-荷塘月色/片头.mp4': readFileSync(clip('small-silent.mp4')),
  });
  put('某校转来/说明.txt', '请查收');
  // Files named by their folder; a recommendation sent as a phone photo.
  put('3-周敏-智慧课堂/证据材料/照片1.pdf', minimalPdf());
  put('3-周敏-智慧课堂/证据材料/照片2.pdf', minimalPdf());
  put('2-王芳-春晓/推荐意见.jpg', { copy: await jpeg('intake-photo', { width: 800, height: 1100 }) });
  put('Thumbs.db', 'x');
  // A category label before the author; the author in （） after the title; a .doc recommendation; a stray RAR in
  // a district's folder.
  put('课件-李雷-分数的意义/分数的意义.pptx', { copy: join(FIXTURES, 'pptx_powerpoint_mac2011_3_slides.pptx') });
  put('课件-李雷-分数的意义/设计说明.docx', { copy: join(FIXTURES, 'docx_word2010_with_picture.docx') });
  put('课件-李雷-分数的意义/登记表.pdf', minimalPdf());
  put('分数的加法（刘洋）/微课.mp4', { copy: clipOf('lecture.mp4', '刘洋') });
  put('分数的加法（刘洋）/推荐意见.doc', { copy: join(FIXTURES, 'doc_word_mac2011_ole2.doc') });
  put('和平区报送/旧材料.rar', Buffer.concat([Buffer.from('Rar!\x1a\x07\x00', 'latin1'), Buffer.alloc(16, 1)]));
  // The same work twice: a district forwarded the school's folder (byte-identical), and a resend of 春晓.
  for (const f of ['登记表.pdf', '推荐意见.pdf', '微课.mp4', '微课-最终版.mp4', '学习资源.rar'])
    put(`区县转来/张强-小小的船/${f}`, readFileSync(join(dir, '1-张强-小小的船', f)));
  put('5-王芳-春晓/登记表.pdf', minimalPdf());
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总表');
  ws.getCell('A1').value = '第二十九届教育教学信息化交流活动作品汇总表';
  ws.getCell('A2').value = '报送单位(盖章)：大连市教育局';
  ws.getRow(3).values = [
    '序号',
    '交流组别',
    '作品名称',
    '作者姓名',
    '所在单位',
    '作品类别',
    '年级',
    '学科',
    '手机号码',
    '是否同意共享',
  ];
  ws.getRow(4).values = [
    1,
    '中小学校',
    '小小的船儿',
    '张强',
    '大连市第一小学',
    '微课',
    '一年级',
    '语文',
    '13800000001',
    '是',
  ];
  ws.getRow(5).values = [
    2,
    '中小学校',
    '《春晓》',
    '王芳',
    '大连市第二小学',
    '微课',
    '一年级',
    '语文',
    '13800000002',
    '是',
  ];
  ws.getRow(6).values = [
    3,
    '中小学校',
    '智慧课堂',
    '周敏',
    '大连市第一中学',
    '“人工智能+”教育案例',
    '高二',
    '',
    '13800000003',
    '是',
  ];
  await wb.xlsx.writeFile(join(dir, '作品汇总表.xlsx'));
  before = snapshot(dir);
  const session = createSession();
  planFile = join(root, 'plan.json');
  const r = await localClient(session).call('intake.plan', { dir, plan: planFile });
  closeSession(session);
  if (!r.ok) throw new Error(r.error.message);
  report = r.value;
  written = {
    plan: JSON.parse(readFileSync(planFile, 'utf8')),
    report: JSON.parse(readFileSync(planFile.replace(/\.json$/, '.report.json'), 'utf8')),
  };
}, 120_000);

describe('intake of what schools really send', () => {
  it('writes exactly the plan and report expected for this corpus (every class of the issue in one received folder)', async () => {
    // What differs from run to run: the temporary folder, and the workspace folders named by a hash of it.
    const { planSha256, ...rest } = written.report as { planSha256: string };
    expect(planSha256).toMatch(/^[0-9a-f]{64}$/);
    const text = JSON.stringify({ plan: written.plan, report: rest }, null, 2)
      .split(root)
      .join('<TMP>')
      .replace(/(intake\/(?:unpacked\/)?)[0-9a-f]{10}-/g, '$1<hash>-');
    await expect(text + '\n').toMatchFileSnapshot('./sent.expected.json');
  });

  it('plans a work sent twice once, and says which folder was left out and why', () => {
    expect(report.works.map((w) => w.folder).sort()).toEqual(
      [
        '课件-李雷-分数的意义',
        '分数的加法（刘洋）',
        '1-张强-小小的船',
        '2-王芳-春晓',
        '3-周敏-智慧课堂',
        '和平区报送/6-孙丽、周杰-静夜思',
        '和平区报送/7-钱七-咏鹅',
        '某校转来/张强-荷塘月色',
        '沈阳市第一小学-吴九-秋天的雨-最终版',
        '郑十 雪地里的小画家',
      ].sort(),
    );
    expect(report.duplicates).toEqual([
      { folder: '5-王芳-春晓', sameAs: '2-王芳-春晓', why: '作品名称和第一作者相同' },
      { folder: '区县转来/张强-小小的船', sameAs: '1-张强-小小的船', why: '文件完全相同' },
    ]);
    const left = report.ignored.filter((x) => x.path.startsWith('区县转来/'));
    expect(left.map((x) => x.path).sort()).toEqual(
      ['登记表.pdf', '微课-最终版.mp4', '微课.mp4', '推荐意见.pdf', '学习资源.rar']
        .map((f) => `区县转来/张强-小小的船/${f}`)
        .sort(),
    );
    expect(left[0]!.reason).toBe(
      '“区县转来/张强-小小的船”与“1-张强-小小的船”是同一作品(文件完全相同)，重复发送，只保留后者',
    );
    expect(report.ignored).toContainEqual({
      path: '5-王芳-春晓/登记表.pdf',
      reason: '“5-王芳-春晓”与“2-王芳-春晓”是同一作品(作品名称和第一作者相同)，重复发送，只保留后者',
    });
    expect(report.unmatchedRows).toEqual([]);
  });

  it('names the unit from 报送单位(盖章) and guesses its kind from the name', () => {
    expect(report.unit).toMatchObject({
      value: '大连市教育局',
      confidence: 'medium',
      reason: '汇总表的“报送单位”',
      kind: 'city-major',
    });
    expect(report.unit.kindGuess).toMatchObject({ value: 'city-major', confidence: 'medium' });
    expect(kindOfUnitName('辽宁大学')).toEqual({ kind: 'university', sure: true });
    expect(kindOfUnitName('辽宁省教育学院')).toEqual({ kind: 'institute', sure: true });
    expect(kindOfUnitName('鞍山市教育局')).toEqual({ kind: 'city', sure: true });
    expect(kindOfUnitName('某某单位')).toEqual({ kind: 'city', sure: false });
  });

  it('prefers the final cut by its name, and never packs a RAR as material', () => {
    const w = work('1-张强-小小的船');
    expect(roles(w)).toEqual({
      '登记表.pdf': 'registration-scan',
      '推荐意见.pdf': 'recommendation-scan',
      '微课-最终版.mp4': 'lecture-video',
    });
    expect(w.files.find((f) => f.role === 'lecture-video')).toMatchObject({
      confidence: 'high',
      reason: expect.stringContaining('文件名表明是最终版'),
    });
    expect(w.unused).toEqual([
      {
        path: '1-张强-小小的船/学习资源.rar',
        file: join(dir, '1-张强-小小的船', '学习资源.rar'),
        reason: 'RAR 压缩包，报送助手和许多评审电脑都打不开：请学校解压后改为 ZIP 重新发送(或直接发送其中的文件)',
      },
      {
        path: '1-张强-小小的船/微课.mp4',
        file: join(dir, '1-张强-小小的船', '微课.mp4'),
        reason: '另一个文件(微课-最终版.mp4)的名称表明它是最终版',
      },
    ]);
    expect(w.repairs).toEqual([]);
  });

  it('marks a choice between two equally long lectures for review', () => {
    const w = work('2-王芳-春晓');
    const lecture = w.files.find((f) => f.role === 'lecture-video')!;
    expect(lecture.confidence).toBe('low');
    expect(lecture.reason).toContain('有 2 个一样长的 MP4，无法判断哪个是微课视频，请核对');
    const other = relative(join(dir, w.folder), lecture.path) === '春晓A.mp4' ? '春晓B.mp4' : '春晓A.mp4';
    expect(w.unused).toEqual([
      {
        path: `2-王芳-春晓/${other}`,
        file: join(dir, '2-王芳-春晓', other),
        reason: `与 ${relative(join(dir, w.folder), lecture.path)} 一样长，暂选了 ${relative(join(dir, w.folder), lecture.path)}，请核对`,
      },
    ]);
  });

  it('strips 《》 from the summary’s titles, and marks a title paired by similarity for review', () => {
    expect(work('2-王芳-春晓').title).toEqual({ value: '春晓', confidence: 'high', reason: '汇总表第 5 行' });
    expect(work('1-张强-小小的船').title).toEqual({
      value: '小小的船儿',
      confidence: 'low',
      reason: '汇总表第 4 行写作“小小的船儿”，文件夹名称是“小小的船”，两者相近但不相同：按汇总表，请核对',
    });
  });

  it('reads a school before the author as the authors’ unit, a space as a separator, and drops 最终版 from a title', () => {
    expect(work('沈阳市第一小学-吴九-秋天的雨-最终版')).toMatchObject({
      title: { value: '秋天的雨' },
      authors: { value: ['吴九'] },
      authorUnit: '沈阳市第一小学',
    });
    expect(work('郑十 雪地里的小画家')).toMatchObject({
      title: { value: '雪地里的小画家' },
      authors: { value: ['郑十'] },
      authorUnit: '',
    });
    expect(report.foldersWithoutRow.sort()).toEqual(
      [
        '分数的加法（刘洋）',
        '课件-李雷-分数的意义',
        '和平区报送/7-钱七-咏鹅',
        '某校转来/张强-荷塘月色',
        '沈阳市第一小学-吴九-秋天的雨-最终版',
        '郑十 雪地里的小画家',
      ].sort(),
    );
  });

  it('walks a district’s folder as a container: its works are works, its table is merged, its notice reported', () => {
    expect(report.summaries.map((f) => relative(dir, f))).toEqual(['作品汇总表.xlsx', '和平区报送/和平区汇总表.xlsx']);
    expect(work('和平区报送/6-孙丽、周杰-静夜思')).toMatchObject({
      row: 3,
      title: { value: '静夜思', confidence: 'high', reason: '汇总表“和平区报送/和平区汇总表.xlsx”第 3 行' },
      authorUnit: '和平区第三小学',
      grade: '三年级',
    });
    // The folder's name has a co-author the district's row lacks: said, and the authors are the user's to confirm.
    expect(work('和平区报送/6-孙丽、周杰-静夜思').authors).toEqual({
      value: ['孙丽'],
      confidence: 'medium',
      reason: '汇总表“和平区报送/和平区汇总表.xlsx”第 3 行；文件夹名称写的是“孙丽、周杰”(多出 周杰)：按汇总表，请核对',
    });
    expect(report.summaryConflicts).toEqual([
      { title: '春晓', rows: ['汇总表第 5 行', '汇总表“和平区报送/和平区汇总表.xlsx”第 4 行'], fields: ['年级'] },
    ]);
    expect(report.ignored).toContainEqual({
      path: '和平区报送/关于报送作品的通知.pdf',
      reason: '“和平区报送”文件夹自身的文件(通知、表格等)，不属于其中任何作品',
    });
    expect(report.ignored.map((x) => x.path)).not.toContain('和平区报送/和平区汇总表.xlsx');
  });

  it('unpacks a ZIP holding a whole work into the workspace and reads it as that work', () => {
    const w = work('某校转来/张强-荷塘月色');
    const zip = join(dir, '某校转来', '张强-荷塘月色.zip');
    expect(w).toMatchObject({
      title: { value: '荷塘月色' },
      authors: { value: ['张强'] },
      category: { value: 'microlecture' },
    });
    expect(Object.fromEntries(w.files.map((f) => [f.path.split(/[\\/]/).pop(), f.role]))).toEqual({
      '登记表.pdf': 'registration-scan',
      '推荐意见.pdf': 'recommendation-scan',
      '微课.mp4': 'lecture-video',
    });
    for (const f of w.files) {
      expect(f.origin).toBe(zip);
      expect(f.path.startsWith(dir)).toBe(false);
      expect(f.path).toContain(join('plan.baosong', 'intake', 'unpacked'));
    }
    expect(w.repairs).toEqual([
      {
        from: zip,
        to: expect.stringContaining('张强-荷塘月色'),
        what: '整件作品的压缩包 张强-荷塘月色.zip 解压到工作文件夹，按其中的文件读取',
      },
    ]);
    // A file of the ZIP left out is named inside the ZIP, and found in the workspace.
    expect(w.unused).toEqual([
      {
        path: '某校转来/张强-荷塘月色.zip/张强-荷塘月色/片头.mp4',
        file: expect.stringContaining(join('intake', 'unpacked')),
        origin: zip,
        reason: '另有更长的 MP4 作为微课视频',
      },
    ]);
    expect(existsSync(w.unused[0]!.file)).toBe(true);
    expect(report.ignored).toContainEqual({
      path: '某校转来/说明.txt',
      reason: '“某校转来”文件夹自身的文件(通知、表格等)，不属于其中任何作品',
    });
  });

  it('takes an AI case’s 申报书 as its signed form', () => {
    const w = work('3-周敏-智慧课堂');
    expect(w.category.value).toBe('ai-case');
    expect(roles(w)['申报书.pdf']).toBe('registration-scan');
  });

  it('reads a folder’s name as the role of the files in it, and a photographed form as the form', () => {
    const ai = work('3-周敏-智慧课堂');
    expect(roles(ai)['证据材料/照片1.pdf']).toBe('evidence');
    expect(roles(ai)['证据材料/照片2.pdf']).toBe('evidence');
    expect(ai.files.find((f) => f.path.endsWith('照片1.pdf'))).toMatchObject({
      confidence: 'medium',
      reason: '所在文件夹“证据材料”',
    });
    const w = work('2-王芳-春晓');
    expect(roles(w)['推荐意见.jpg']).toBe('recommendation-scan');
    expect(w.files.find((f) => f.path.endsWith('推荐意见.jpg'))).toMatchObject({
      confidence: 'medium',
      reason: '文件名含“推荐意见”，是照片而不是 PDF 扫描件(检查时会提示)',
    });
  });

  it('accounts for every file received exactly once: in the plan, a summary read, or left out with a reason', () => {
    const rel = (abs: string) => relative(dir, abs).split(/[\\/]/).join('/');
    const seen = new Map<string, string[]>();
    const note = (path: string, where: string) => seen.set(path, [...(seen.get(path) ?? []), where]);
    for (const w of report.works) {
      for (const f of w.files) note(f.origin && !f.origin.includes('(') ? rel(f.origin) : rel(f.path), `plan:${w.key}`);
      for (const u of w.unused) note(u.path, 'unused');
    }
    for (const f of report.unitFiles) note(rel(f.path), 'unit');
    for (const s of report.summaries) note(rel(s), 'summary');
    for (const x of report.ignored) note(x.path, 'ignored');
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      const path = name.split(/[\\/]/).join('/');
      if (!statSync(join(dir, name)).isFile()) continue;
      const where = seen.get(path) ?? [];
      // A whole-work ZIP is the origin of each of its files, all in one work.
      if (path.endsWith('张强-荷塘月色.zip')) expect(new Set(where)).toEqual(new Set(['plan:某校转来/张强-荷塘月色']));
      else expect({ path, where }).toEqual({ path, where: [expect.stringMatching(/./)] });
    }
    for (const x of [...report.ignored, ...report.works.flatMap((w) => w.unused)])
      expect(x.reason.length).toBeGreaterThan(6);
  });

  it('lists each left-out file once, and leaves the received folder as it was', () => {
    const paths = report.ignored.map((x) => x.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('Thumbs.db');
    expect(paths).toContain('1-张强-小小的船/Thumbs.db');
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes the screen’s corrections into its own plan only, naming only this intake’s files', async () => {
    const session = createSession();
    const api = localClient(session);
    const w = work('2-王芳-春晓');
    const left = join(
      dir,
      '2-王芳-春晓',
      relative(join(dir, w.folder), w.files.find((f) => f.role === 'lecture-video')!.path) === '春晓A.mp4'
        ? '春晓B.mp4'
        : '春晓A.mp4',
    );
    const edit = {
      key: w.key,
      category: 'microlecture' as const,
      stage: 'primary' as const,
      title: '春晓',
      authors: ['王芳', '李雷'],
      files: [{ path: left, role: 'lecture-video' as const }],
    };
    // Not a file of this intake; a plan intake did not write.
    expect(
      await api.call('intake.apply', {
        plan: planFile,
        works: [{ ...edit, files: [{ path: join(dir, '..', 'plan.json'), role: 'materials' }] }],
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('不是这次收件中的文件') } });
    const foreign = join(dir, '..', 'other.json');
    writeFileSync(foreign, '{"edition":"liaoning-29","unit":{},"works":[]}');
    expect(await api.call('intake.apply', { plan: foreign, works: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不是报送助手收件导入生成的计划文件') },
    });
    // The file left out (the other lecture) taken in instead; a co-author added; every other work dropped but one
    // sent as a ZIP, whose left-out 片头 is taken in from the workspace, the ZIP named as its origin.
    const zipped = work('某校转来/张强-荷塘月色');
    const opening = zipped.unused[0]!;
    const zipEdit = {
      key: zipped.key,
      category: 'microlecture' as const,
      stage: zipped.stage.value,
      title: '荷塘月色',
      authors: ['张强'],
      files: [
        ...zipped.files.map((f) => ({ path: f.path, role: f.role as WorkRole })),
        { path: opening.file, role: 'materials' as const },
      ],
    };
    expect(await api.call('intake.apply', { plan: planFile, works: [edit, zipEdit] })).toMatchObject({
      ok: true,
      value: { works: 2, files: 5 },
    });
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(plan.works).toHaveLength(2);
    expect(plan.works[1].files.at(-1)).toEqual({
      role: 'materials',
      path: opening.file,
      origin: join(dir, '某校转来', '张强-荷塘月色.zip'),
    });
    expect(plan.works[0]).toMatchObject({ key: w.key, title: '春晓', files: [{ role: 'lecture-video', path: left }] });
    expect(plan.works[0].authors.map((a: { name: string; unit: string }) => [a.name, a.unit])).toEqual([
      ['王芳', '大连市第二小学'],
      ['李雷', '大连市第二小学'],
    ]);
    closeSession(session);
  });
});
