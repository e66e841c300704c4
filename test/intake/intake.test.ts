// Intake from what units really receive: nested folders, an official tree, GBK ZIPs, full-width names, a filled
// 作品汇总表.xlsx with a title row and merged header cells, a row without a folder, a folder without a row, two
// works of the same title by different authors. The plan must be exactly the batch expected; sources untouched.
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import type { IntakeReport } from '../../src/shared/intake/report.js';
import type { WorkRole } from '../../src/shared/model.js';
import { FIXTURES, minimalPdf, tempDir } from '../helpers/files.js';
import { clip, clipOf, jpeg } from '../helpers/media.js';

const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));
const baosong = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

let root: string;
let dir: string;

function put(rel: string, data: Buffer | string | { copy: string }) {
  const path = join(dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  if (typeof data === 'object' && !Buffer.isBuffer(data)) copyFileSync(data.copy, path);
  else writeFileSync(path, data);
}

async function summaryXlsx(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总表');
  ws.getCell('A1').value = '沈阳市教育局第二十九届教育教学信息化交流活动作品汇总表';
  ws.mergeCells('A1:J1');
  const heads: [string, string][] = [
    ['A', '序号'],
    ['B', '交流组别'],
    ['C', '作品名称'],
    ['F', '作品类别'],
    ['G', '年级'],
    ['H', '学科'],
    ['I', '手机号码'],
    ['J', '是否同意 共享'],
  ];
  for (const [col, text] of heads) {
    ws.getCell(`${col}2`).value = text;
    ws.mergeCells(`${col}2:${col}3`);
  }
  ws.getCell('D2').value = '作者信息';
  ws.mergeCells('D2:E2');
  ws.getCell('D3').value = '作者 姓名';
  ws.getCell('E3').value = '所在单位';
  const rows = [
    [1, '中小学校', '小小的船 ', '张强、李雷', '沈阳市和平区第一小学', '微课', '一年级', '语文', 13800000001, '是'],
    [2, '中小学校', '春晓', '王芳', '沈阳市和平区第二小学', '微课', '一年级', '语文', 13800000002, '是'],
    [3, '中小学校', '春晓', '赵刚', '沈阳市沈河区实验小学', '微课', '二年级', '美术', 13800000003, '否'],
    [4, '中小学校', '静夜思', '孙丽，周杰', '沈阳市皇姑区小学', '微课', '三年级', '语文', '138 0000 0004', '是'],
    [
      5,
      '中小学校',
      '智慧课堂',
      '周敏 吴刚',
      '沈阳市第一二〇中学',
      '“人工智能+”教育案例',
      '高二',
      '',
      13800000005,
      '是',
    ],
    [6, '中小学校', '没有文件夹的作品', '钱七', '沈阳市铁西区小学', '课件', '五年级', '数学', 13800000006, '是'],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  ws.getCell('A11').value = '填写说明：作品名称请勿使用《》。';
  ws.mergeCells('A11:J11');
  await wb.xlsx.writeFile(path);
}

function hashes(base: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.set(
          relative(base, p),
          `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`,
        );
    }
  };
  walk(base);
  return out;
}

function zipNames(path: string): Promise<{ name: string; utf8: boolean }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: { name: string; utf8: boolean }[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push({
          name: (e.fileName as unknown as Buffer).toString('utf8'),
          utf8: (e.generalPurposeBitFlag & 0x800) !== 0,
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  root = tempDir();
  dir = join(root, '收到的作品');
  const lecture = clip('lecture.mp4');
  const opening = clip('opening-blue.mp4');
  const feature = clip('feature.mp4');
  // Nested, loose: two levels of grouping above the work; a 片头 beside the lecture; loose materials.
  put('沈阳市第一批/和平区/张强-小小的船/小小的船.mp4', { copy: lecture });
  put('沈阳市第一批/和平区/张强-小小的船/片头.mp4', { copy: opening });
  put('沈阳市第一批/和平区/张强-小小的船/作品登记表.pdf', minimalPdf());
  put('沈阳市第一批/和平区/张强-小小的船/推荐意见.pdf', minimalPdf());
  put('沈阳市第一批/和平区/张强-小小的船/学习指导.docx', { copy: join(FIXTURES, 'docx_word2010_with_picture.docx') });
  put('沈阳市第一批/和平区/张强-小小的船/练习题/第1题.pdf', minimalPdf());
  put('沈阳市第一批/和平区/张强-小小的船/Thumbs.db', 'x');
  // The same title by two authors, full-width separators in one.
  put('沈阳市第一批/王芳-春晓/微课.mp4', { copy: lecture });
  put('沈阳市第一批/王芳-春晓/登记表.pdf', minimalPdf());
  put('沈阳市第一批/赵刚－春晓/春晓.mp4', { copy: lecture });
  // An official tree: category folder, 序号-作者-作品名, the generated Word form, a GBK-named ZIP.
  put('2微课/1-孙丽-静夜思/微课视频.mp4', { copy: lecture });
  put('2微课/1-孙丽-静夜思/作品登记表.docx', { copy: join(FIXTURES, 'docx_word2010_with_picture.docx') });
  put('2微课/1-孙丽-静夜思/作品登记表.pdf', minimalPdf());
  put('2微课/1-孙丽-静夜思/推荐意见.pdf', minimalPdf());
  put('2微课/1-孙丽-静夜思/相关材料.zip', { copy: join(FIXTURES, 'zip_gbk_names_no_utf8_flag_7zip.zip') });
  // A full-width folder name; boards told apart by their dpi.
  const ai = 'ＡＩ案例－周敏－智慧课堂';
  put(`${ai}/专题片.mp4`, { copy: feature });
  put(`${ai}/专题片工作版.mp4`, { copy: feature });
  put(`${ai}/解说词.docx`, { copy: join(FIXTURES, 'docx_word2010_with_picture.docx') });
  put(`${ai}/主展板源文件.psd`, { copy: join(FIXTURES, 'psd_cmyk_spot_channels_300dpi.psd') });
  put(`${ai}/展板1.jpg`, { copy: await jpeg('intake-board-300', { width: 1200, height: 800, dpi: 300, cmyk: true }) });
  put(`${ai}/展板2.jpg`, { copy: await jpeg('intake-board-72', { width: 1600, height: 900, dpi: 72 }) });
  put(`${ai}/获奖证书.pdf`, minimalPdf());
  // A folder without a row.
  put('吴九-秋天的雨/秋天的雨.mp4', { copy: clipOf('lecture.mp4', '吴九') });
  // The unit's scans at the root, and the summary.
  put('组织单位及联系人信息表(盖章).pdf', minimalPdf());
  put('.DS_Store', 'x');
  await summaryXlsx(join(dir, '作品汇总表.xlsx'));
}, 180_000);

describe('baosong intake', () => {
  it('writes the plan a careful person would, with a sidecar report, and leaves every source as it was', async () => {
    const before = hashes(dir);
    const plan = join(root, 'plan', 'PLAN.json');
    const db = join(root, '沈阳市.sqlite');
    const r = baosong(['intake', dir, '--plan', plan, '--unit', '沈阳市教育局', '--kind', 'city-major']);
    expect(r.stderr).not.toContain('错误');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('汇总表第 9 行《没有文件夹的作品》(钱七)没有找到对应的文件夹');
    expect(r.stdout).toContain('文件夹 吴九-秋天的雨 在汇总表中没有对应的行');

    const batch = JSON.parse(readFileSync(plan, 'utf8'));
    const report = JSON.parse(readFileSync(join(root, 'plan', 'PLAN.report.json'), 'utf8'));
    expect(batch.unit).toMatchObject({ name: '沈阳市教育局', kind: 'city-major', group: 'k12' });
    // The notes merged across the row under the table are not a work.
    expect(report.unmatchedRows).toEqual([
      {
        row: 9,
        title: '没有文件夹的作品',
        authors: ['钱七'],
        category: 'courseware',
        stage: 'primary',
        subject: '数学',
        grade: '五年级',
        share: true,
        unit: '沈阳市铁西区小学',
        mobile: '13800000006',
      },
    ]);
    expect(report.foldersWithoutRow).toEqual(['吴九-秋天的雨']);
    expect(batch.unit.files).toEqual([{ role: 'unit-info-scan', path: join(dir, '组织单位及联系人信息表(盖章).pdf') }]);
    const works = batch.works.map((w: any) => ({
      key: w.key,
      category: w.category,
      stage: w.stage,
      title: w.title,
      authors: w.authors.map((a: any) => a.name).join('、'),
      first: [w.authors[0]?.unit ?? '', w.authors[0]?.mobile ?? ''],
      grade: w.grade,
      subject: w.subject,
      share: w.share,
      files: Object.fromEntries(
        w.files.map((f: any) => [
          f.path.startsWith(dir) ? relative(join(dir, w.key), f.path) : `(修复)${f.path.split('/').pop()}`,
          f.role,
        ]),
      ),
    }));
    expect(works).toEqual([
      {
        key: '沈阳市第一批/和平区/张强-小小的船',
        category: 'microlecture',
        stage: 'primary',
        title: '小小的船',
        authors: '张强、李雷',
        first: ['沈阳市和平区第一小学', '13800000001'],
        grade: '一年级',
        subject: '语文',
        share: true,
        files: {
          '作品登记表.pdf': 'registration-scan',
          '推荐意见.pdf': 'recommendation-scan',
          '小小的船.mp4': 'lecture-video',
          '(修复)相关材料.zip': 'materials',
        },
      },
      {
        key: '沈阳市第一批/王芳-春晓',
        category: 'microlecture',
        stage: 'primary',
        title: '春晓',
        authors: '王芳',
        first: ['沈阳市和平区第二小学', '13800000002'],
        grade: '一年级',
        subject: '语文',
        share: true,
        files: { '登记表.pdf': 'registration-scan', '微课.mp4': 'lecture-video' },
      },
      {
        key: '沈阳市第一批/赵刚－春晓',
        category: 'microlecture',
        stage: 'primary',
        title: '春晓',
        authors: '赵刚',
        first: ['沈阳市沈河区实验小学', '13800000003'],
        grade: '二年级',
        subject: '美术',
        share: false,
        files: { '春晓.mp4': 'lecture-video' },
      },
      {
        key: '2微课/1-孙丽-静夜思',
        category: 'microlecture',
        stage: 'primary',
        title: '静夜思',
        authors: '孙丽、周杰',
        first: ['沈阳市皇姑区小学', '13800000004'],
        grade: '三年级',
        subject: '语文',
        share: true,
        files: {
          '微课视频.mp4': 'lecture-video',
          '作品登记表.pdf': 'registration-scan',
          '推荐意见.pdf': 'recommendation-scan',
          '(修复)相关材料.zip': 'materials',
        },
      },
      {
        key: '吴九-秋天的雨',
        category: 'microlecture',
        stage: 'primary',
        title: '秋天的雨',
        authors: '吴九',
        first: ['', ''],
        grade: '',
        subject: '',
        share: null,
        files: { '秋天的雨.mp4': 'lecture-video' },
      },
      {
        key: 'ＡＩ案例－周敏－智慧课堂',
        category: 'ai-case',
        stage: 'senior',
        title: '智慧课堂',
        authors: '周敏、吴刚',
        first: ['沈阳市第一二〇中学', '13800000005'],
        grade: '高二',
        subject: '',
        share: true,
        files: {
          '专题片.mp4': 'feature-video',
          '专题片工作版.mp4': 'raw-video',
          '解说词.docx': 'script',
          '主展板源文件.psd': 'board-main-source',
          '展板1.jpg': 'board-main',
          '展板2.jpg': 'board-extra',
          '获奖证书.pdf': 'evidence',
        },
      },
    ]);

    // The report: every guess with its confidence and reason; what was left out and why.
    const w1 = report.works.find((w: any) => w.key === '沈阳市第一批/和平区/张强-小小的船');
    expect(w1.category).toEqual({ value: 'microlecture', confidence: 'high', reason: '汇总表第 4 行的作品类别“微课”' });
    expect(w1.unused).toEqual([
      {
        path: '沈阳市第一批/和平区/张强-小小的船/片头.mp4',
        file: join(dir, '沈阳市第一批', '和平区', '张强-小小的船', '片头.mp4'),
        reason: '另有更长的 MP4 作为微课视频',
      },
    ]);
    expect(w1.files.find((f: any) => f.role === 'lecture-video').reason).toContain('最长');
    const board = report.works
      .find((w: any) => w.category.value === 'ai-case')
      .files.find((f: any) => f.role === 'board-main');
    expect(board.reason).toContain('300 dpi');
    expect(report.works.find((w: any) => w.key === '吴九-秋天的雨').category.confidence).toBe('low');
    expect(report.ignored).toEqual(
      expect.arrayContaining([
        {
          path: '2微课/1-孙丽-静夜思/作品登记表.docx',
          reason: 'Word 版的登记表/推荐意见不报送：本工具按目录生成 Word 版，要报送的是签字盖章后的 PDF 扫描件',
        },
        { path: '沈阳市第一批/和平区/张强-小小的船/Thumbs.db', reason: '系统或临时文件' },
      ]),
    );

    // Repairs: NEW files in the workspace, their origin recorded; UTF-8 names inside.
    const official = batch.works.find((w: any) => w.key === '2微课/1-孙丽-静夜思');
    const repacked = official.files.find((f: any) => f.role === 'materials');
    expect(repacked.origin).toBe(join(dir, '2微课/1-孙丽-静夜思/相关材料.zip'));
    expect(repacked.path.startsWith(join(root, 'plan', 'PLAN.baosong'))).toBe(true);
    const names = await zipNames(repacked.path);
    // Every non-ASCII name carries the UTF-8 flag now (an ASCII name needs none).
    const wide = names.filter((n) => /[^\x00-\x7f]/.test(n.name));
    expect(wide.map((n) => [n.name, n.utf8])).toEqual([['fff - 副本.txt', true]]);
    const packed = batch.works
      .find((w: any) => w.key.endsWith('张强-小小的船'))
      .files.find((f: any) => f.role === 'materials');
    expect((await zipNames(packed.path)).map((n) => n.name).sort()).toEqual(['学习指导.docx', '练习题/第1题.pdf']);

    // Nothing under DIR changed: bytes and mtimes.
    expect(hashes(dir)).toEqual(before);

    // The plan imports as it is, the repairs' origins with it; the row-less folder's missing data are findings.
    const imported = baosong(['import', plan, '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('6 件作品');
    const check = JSON.parse(baosong(['check', '--db', db, '--json']).stdout);
    const rules = (key: string) => check.findings.filter((f: any) => f.work === key).map((f: any) => f.rule);
    expect(rules('吴九-秋天的雨')).toEqual(expect.arrayContaining(['work.grade', 'authors.unit']));
    expect(rules('2微课/1-孙丽-静夜思')).not.toContain('zip.legacy-names');
    const { localClient } = await import('../../src/main/api/dispatch.js');
    const { createSession, closeSession } = await import('../../src/main/api/handlers.js');
    const session = createSession();
    const api = localClient(session);
    await api.call('catalog.open', { path: db });
    const listed = await api.call('works.list', {});
    const zip = listed.ok
      ? listed.value.find((w) => w.key === '2微课/1-孙丽-静夜思')!.files.find((f) => f.role === 'materials')!
      : null;
    expect(zip?.origin).toBe(join(dir, '2微课/1-孙丽-静夜思/相关材料.zip'));
    closeSession(session);
    // Intake of the same folder again: the same keys, so a second import is refused, not doubled.
    expect(baosong(['intake', dir, '--plan', join(root, 'plan2.json'), '--db', db]).status).toBe(0);
    const again = baosong(['import', join(root, 'plan2.json'), '--db', db]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已在目录中');
    expect(hashes(dir)).toEqual(before);
  }, 180_000);

  it('applies a pairing and a split from the screen, again and again from intake’s own guesses, into a plan that imports', async () => {
    const planFile = join(root, 'plan', 'PLAN.json');
    const report = JSON.parse(readFileSync(join(root, 'plan', 'PLAN.report.json'), 'utf8')) as IntakeReport;
    const ai = report.works.find((w) => w.folder === 'ＡＩ案例－周敏－智慧课堂')!;
    const autumn = report.works.find((w) => w.folder === '吴九-秋天的雨')!;
    const board2 = ai.files.find((f) => f.path.endsWith('展板2.jpg'))!;
    const keep = (w: typeof ai) => ({
      key: w.key,
      category: w.category.value,
      stage: w.stage.value,
      title: w.title.value,
      authors: w.authors.value,
      files: w.files.map((f) => ({ path: f.path, role: f.role as WorkRole })),
    });
    const edits = [
      ...report.works.filter((w) => w !== ai && w !== autumn).map(keep),
      { ...keep(ai), files: keep(ai).files.filter((f) => f.path !== board2.path) },
      // 展板2.jpg was another work's board: split out, under a key of its own.
      {
        ...keep(ai),
        key: `${ai.key}#2`,
        from: ai.key,
        title: '智慧校园',
        authors: ['周敏'],
        files: [{ path: board2.path, role: board2.role as WorkRole }],
      },
      // The folder with no row is the row with no folder (the school renamed the work).
      {
        ...keep(autumn),
        row: 0,
        category: 'courseware' as const,
        stage: 'primary' as const,
        title: '没有文件夹的作品',
        authors: ['钱七', '吴九'],
      },
    ];
    const session = createSession();
    const api = localClient(session);
    // A split-off work may not take an existing key; a row is paired once.
    expect(
      await api.call('intake.apply', { plan: planFile, works: [{ ...edits.at(-2)!, key: autumn.key }] }),
    ).toMatchObject({ ok: false, error: { message: '拆分出的作品不能沿用已有的作品键“吴九-秋天的雨”' } });
    expect(
      await api.call('intake.apply', { plan: planFile, works: [edits.at(-1)!, { ...keep(ai), row: 0 }] }),
    ).toMatchObject({
      ok: false,
      error: { message: '汇总表第 9 行同时配给了“吴九-秋天的雨”和“ＡＩ案例－周敏－智慧课堂”' },
    });
    expect(await api.call('intake.apply', { plan: planFile, works: edits })).toMatchObject({
      ok: true,
      value: { works: report.works.length + 1 },
    });
    const once = readFileSync(planFile, 'utf8');
    // Applied again (the import failed, the user corrected once more): the same plan, not an edit of the edit.
    expect(await api.call('intake.apply', { plan: planFile, works: edits })).toMatchObject({ ok: true });
    expect(readFileSync(planFile, 'utf8')).toBe(once);
    const batch = JSON.parse(once);
    const paired = batch.works.find((w: { key: string }) => w.key === autumn.key);
    expect(paired).toMatchObject({
      title: '没有文件夹的作品',
      category: 'courseware',
      subject: '数学',
      grade: '五年级',
      share: true,
    });
    expect(
      paired.authors.map((a: { name: string; unit: string; mobile: string }) => [a.name, a.unit, a.mobile]),
    ).toEqual([
      ['钱七', '沈阳市铁西区小学', '13800000006'],
      ['吴九', '沈阳市铁西区小学', ''],
    ]);
    const split = batch.works.find((w: { key: string }) => w.key === `${ai.key}#2`);
    expect(split).toMatchObject({
      title: '智慧校园',
      category: ai.category.value,
      files: [{ path: board2.path, role: board2.role }],
    });
    expect(
      batch.works.find((w: { key: string }) => w.key === ai.key).files.map((f: { path: string }) => f.path),
    ).not.toContain(board2.path);
    // And it imports.
    expect(await api.call('catalog.open', { path: join(root, 'paired.sqlite'), create: true })).toMatchObject({
      ok: true,
    });
    expect(await api.call('batch.import', { path: planFile })).toMatchObject({
      ok: true,
      value: { works: report.works.length + 1 },
    });
    closeSession(session);
  });

  it('says clearly what is wrong with its input', () => {
    const none = baosong(['intake', join(root, 'nope'), '--plan', join(root, 'p.json')]);
    expect([none.status, none.stderr.trim()]).toEqual([2, `错误：找不到文件夹 ${join(root, 'nope')}`]);
    const xls = join(root, '旧表.xls');
    writeFileSync(xls, 'x');
    const old = baosong(['intake', dir, '--plan', join(root, 'p.json'), '--summary', xls]);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain('另存为 .xlsx');
    const bad = join(root, '坏表.xlsx');
    writeFileSync(bad, 'not a zip');
    expect(baosong(['intake', dir, '--plan', join(root, 'p.json'), '--summary', bad]).stderr).toContain(
      '不是有效的 .xlsx 文件',
    );
    expect(baosong(['intake', dir]).stderr).toContain('缺少 --plan');
  });
  it('takes DIR as one work when it is a single work’s folder', () => {
    const one = join(root, '3-李华-认识时间');
    mkdirSync(one);
    copyFileSync(clip('lecture.mp4'), join(one, '认识时间.mp4'));
    writeFileSync(join(one, '推荐意见.pdf'), minimalPdf());
    const plan = join(root, 'one.json');
    const r = baosong(['intake', one, '--plan', plan]);
    expect(r.status).toBe(0);
    const batch = JSON.parse(readFileSync(plan, 'utf8'));
    expect(
      batch.works.map((w: any) => [w.key, w.title, w.authors[0].name, w.files.map((f: any) => f.role).sort()]),
    ).toEqual([['3-李华-认识时间', '认识时间', '李华', ['lecture-video', 'recommendation-scan']]]);
    // No catalog and no --unit: the unit's name is the folder's, marked for checking.
    expect(r.stdout).toContain('请改为按单位公章填写的名称');
  });
});
