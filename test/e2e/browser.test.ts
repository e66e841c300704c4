// End to end in Debian's Chromium over `npm run web`'s bridge: open the catalog, fix the unit, check, export, verify.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { browserReady, openBrowser, ROOT, SHOTS, startWeb } from '../helpers/web.js';

const BIN = join(ROOT, 'bin/baosong.js');
const ready = browserReady;

let web: ChildProcess;
let browser: Browser;
let page: Page;
let dir: string;
let url: string;

beforeAll(async () => {
  if (!ready) return;
  dir = tempDir();
  const batch = validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳', { title: '分数的初步认识' })]);
  batch.unit.cloudCode = '';
  const file = await writeBatch(dir, batch);
  const db = join(dir, 'c.sqlite');
  expect(spawnSync(process.execPath, [BIN, 'import', file, '--db', db]).status).toBe(0);
  ({ web, url } = await startWeb(db));
  ({ browser, page } = await openBrowser());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
});

describe.skipIf(!ready)('the UI in Chromium (skipped where /usr/bin/chromium or the built renderer is missing)', () => {
  it('a new user fills the unit, adds a micro-lecture by path, fixes a finding, reorders, exports and verifies', async () => {
    const { copyFileSync } = await import('node:fs');
    await page.goto(url);
    // An open catalog starts at 报送总览.
    await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 60_000 }).toContain('报送总览');
    await page.locator('nav').getByRole('button', { name: '作品列表' }).click();
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 30_000 }).toBe(2);
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.locator('.busy').count(), { timeout: 30_000 }).toBe(0);

    // The unit: the cloud-drive code is missing.
    await page.getByRole('button', { name: '单位信息' }).click();
    await expect
      .poll(() => page.locator('.findings li').allTextContents())
      .toEqual([expect.stringContaining('访问密码')]);
    await page.getByLabel('访问密码', { exact: true }).fill('ab12');
    // An existing unit saves itself, and says so.
    await expect.poll(() => page.getByLabel('保存状态').textContent(), { timeout: 30_000 }).toBe('已保存');
    await expect.poll(() => page.locator('.findings li').count(), { timeout: 30_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'unit.png') });

    // A new micro-lecture, titled with 《》: the finding shows at once.
    await page.getByRole('button', { name: '作品列表' }).click();
    await page.getByLabel('新作品类别', { exact: true }).selectOption('microlecture');
    await page.getByLabel('新作品名称', { exact: true }).fill('《春晓》');
    await page.getByRole('button', { name: '新建作品' }).click();
    await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 30_000 }).toContain('作品编辑');
    await expect.poll(() => page.locator('.inline-error').first().textContent()).toContain('请勿使用《》');
    await expect
      .poll(() => page.locator('.findings li').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('title.brackets')]));

    // From 检查, 定位 jumps to the field: the title input gets the focus.
    await page.getByRole('button', { name: '检查' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^定位 title\.brackets/ }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'check.png') });
    await page.getByRole('button', { name: /^定位 title\.brackets/ }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 10_000 })
      .toBe('作品名称');
    await expect.poll(() => page.locator('h2').first().textContent()).toContain('作品编辑');

    // Fix it, fill it, give it an author and its files through the path field.
    await page.getByLabel('作品名称', { exact: true }).fill('春晓');
    await page.getByLabel('学科', { exact: true }).fill('语文');
    await page.getByLabel('年级', { exact: true }).fill('一年级');
    await page.getByLabel('是否同意共享', { exact: true }).selectOption('yes');
    await page.getByLabel('推荐评语', { exact: true }).fill('该微课'.repeat(40));
    for (const box of await page.locator('fieldset input[type=checkbox]').all()) await box.check();
    // Saved by itself, and said so.
    await expect.poll(() => page.getByLabel('保存状态').textContent(), { timeout: 30_000 }).toBe('已保存');
    await expect
      .poll(() => page.locator('.findings li').allTextContents(), { timeout: 30_000 })
      .not.toEqual(expect.arrayContaining([expect.stringContaining('title.brackets')]));
    await page.getByRole('button', { name: '添加作者' }).click();
    await page.getByLabel('作者1姓名', { exact: true }).fill('孟浩');
    await page.getByLabel('作者1所在单位', { exact: true }).fill('沈阳市和平区第二小学');
    await page.getByLabel('作者1手机', { exact: true }).fill('13800000009');
    await page.getByLabel('作者1电子邮箱', { exact: true }).fill('menghao@example.cn');
    // A known person: typing the name fills the unit and shows their work count.
    await page.getByRole('button', { name: '添加作者' }).click();
    await page.getByLabel('作者2姓名', { exact: true }).fill('张强');
    await expect.poll(() => page.getByLabel('作者2所在单位', { exact: true }).inputValue()).not.toBe('');
    await expect.poll(() => page.locator('td.known').nth(1).textContent()).toContain('已在 1 件作品中(第一作者 1 件)');
    // …and, being w1's first author, may not join this work (authors.first-unique): said while typing, removed again.
    await expect.poll(() => page.getByLabel('作者检查').allTextContents()).toEqual([expect.stringContaining('张强')]);
    await page.getByRole('button', { name: '删除作者2' }).click();
    await expect.poll(() => page.getByLabel('作者检查').count()).toBe(0);
    await expect
      .poll(() => page.locator('td.known').first().textContent(), { timeout: 30_000 })
      .toContain('已在 1 件作品中');
    expect(await page.locator('td.known').count()).toBe(1);
    // Files: two with a chosen role, the video with its role guessed from its name and type.
    for (const [role, name] of [
      ['registration-scan', '登记表.pdf'],
      ['recommendation-scan', '推荐意见.pdf'],
      ['', '微课.mp4'],
    ] as const) {
      const path = join(dir, `new-${name}`);
      copyFileSync(join(dir, 'works/w1', name), path);
      await page.getByLabel('新文件的用途', { exact: true }).selectOption(role);
      await page.getByLabel('文件路径', { exact: true }).fill(path);
      await page.getByRole('button', { name: '添加文件' }).click();
      await expect
        .poll(() => page.locator('td.file').allTextContents(), { timeout: 30_000 })
        .toEqual(expect.arrayContaining([expect.stringContaining(path)]));
    }
    await expect.poll(() => page.locator('.notice').textContent(), { timeout: 30_000 }).toContain('判断为“微课视频”');
    // Its facts and the title-card contact sheet.
    await expect
      .poll(() => page.locator('.facts').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/H\.264 \d+×\d+ 25fps/)]));
    await expect.poll(() => page.locator('img.thumb').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('aside.indicators').textContent()).toContain('教学行为');
    await page.locator('#field-files').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'files.png') });
    await expect
      .poll(() => page.locator('.findings li').allTextContents(), { timeout: 30_000 })
      .toEqual(['没有问题。']);
    await page.locator('main').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'edit.png') });

    // Reorder: the new work first (序号 1 in its folder).
    await page.getByRole('button', { name: '作品列表' }).click();
    await page.getByRole('button', { name: '上移 春晓' }).click();
    await expect
      .poll(async () => (await page.locator('table.works tbody td.title-cell').allTextContents()).join('|'), {
        timeout: 30_000,
      })
      .toBe('小小的船w1|春晓|分数的初步认识');
    await page.getByRole('button', { name: '上移 春晓' }).click();
    await expect
      .poll(async () => (await page.locator('table.works tbody td.title-cell').allTextContents()).join('|'), {
        timeout: 30_000,
      })
      .toBe('春晓|小小的船w1|分数的初步认识');
    await expect.poll(() => page.locator('.busy').count(), { timeout: 30_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'works.png') });

    await page.getByRole('button', { name: '检查' }).click();
    await expect.poll(() => page.locator('h2').first().textContent()).toContain('检查结果：错误 0');

    // The export target picked with the folder browser (browser mode has no native dialog).
    const out = join(dir, '云盘上传');
    mkdirSync(out);
    await page.getByRole('button', { name: '导出' }).first().click();
    // First a target too deep for Excel, Word and Explorer: the pre-flight says so, with the disk's format.
    const deep = join(
      dir,
      ...Array.from(
        { length: 4 },
        (_, i) => `第二十九届教育教学信息化交流活动报送材料备份第${i + 1}份${'x'.repeat(30)}`,
      ),
      '导出',
    );
    await page.getByLabel('导出到文件夹', { exact: true }).fill(deep);
    await page.getByRole('button', { name: '预检' }).click();
    await expect.poll(() => page.getByLabel('目标的限制').count(), { timeout: 30_000 }).toBe(1);
    const limits = await page.getByLabel('目标的限制').textContent();
    expect(limits).toContain('Excel 打不开');
    expect(limits).toContain('Word 打不开');
    expect(limits).toContain('D:\\云盘上传');
    expect(await page.getByLabel('导出预检').textContent()).toMatch(/磁盘格式\w+/);
    await page.screenshot({ path: join(SHOTS, 'preflight-limits.png'), fullPage: true });
    await page.getByLabel('导出到文件夹', { exact: true }).fill(dir);
    await page.getByRole('button', { name: '浏览 导出到文件夹' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('dialog')
          .getByRole('button', { name: /云盘上传/ })
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: join(SHOTS, 'folder-browser.png') });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /云盘上传/ })
      .click();
    await expect.poll(() => page.getByLabel('当前文件夹').textContent()).toBe(out);
    await page.getByRole('button', { name: '选择此文件夹' }).click();
    expect(await page.getByLabel('导出到文件夹', { exact: true }).inputValue()).toBe(out);
    await page.getByRole('button', { name: '预检' }).click();
    await expect.poll(() => page.getByLabel('导出预检').textContent(), { timeout: 30_000 }).toContain('空文件夹');
    expect(await page.getByLabel('导出预检').textContent()).toMatch(/3 件作品.*2微课 3 件.*可用空间\d/);
    await page.screenshot({ path: join(SHOTS, 'preflight.png') });
    await page.locator('main').getByRole('button', { name: '导出', exact: true }).click();
    await expect.poll(() => page.locator('.ok').first().textContent(), { timeout: 60_000 }).toContain('已导出');
    await page.getByRole('button', { name: '校验' }).click();
    await expect.poll(() => page.locator('.ok').last().textContent(), { timeout: 30_000 }).toContain('校验通过');
    await page.screenshot({ path: join(SHOTS, 'export.png') });

    const manifest = readFileSync(join(out, 'manifest.sha256'), 'utf8');
    expect(manifest).toContain('2微课/1-孟浩-春晓/微课视频.mp4');
    expect(manifest).toContain('2微课/2-张强-小小的船w1/微课视频.mp4');
    expect(spawnSync(process.execPath, [BIN, 'verify', out]).status).toBe(0);

    await page.getByRole('button', { name: '到“打印与邮件”生成' }).click();
    await page.getByLabel('打印文件夹', { exact: true }).fill(join(dir, '打印'));
    await page.getByRole('button', { name: '生成打印用 PDF' }).click();
    await expect
      .poll(() => page.locator('.ok').first().textContent(), { timeout: 60_000 })
      .toContain('已生成 11 个 PDF');
    await page.getByLabel('邮件文件夹', { exact: true }).fill(join(dir, '邮件'));
    await page.getByRole('button', { name: '生成邮件附件' }).click();
    await expect
      .poll(() => page.locator('.ok').last().textContent(), { timeout: 60_000 })
      .toContain('Ln86593376@163.com');
    expect(existsSync(join(dir, '打印', '证书信息核对单(打印).pdf'))).toBe(true);
    expect(existsSync(join(dir, '打印', '2微课/1-孟浩-春晓/作品登记表(打印).pdf'))).toBe(true);
    // The preview draws the PDF's pages (pdf.js) in the window.
    await page.getByRole('button', { name: /2微课\/1-孟浩-春晓\/作品登记表/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '共' }).textContent(), { timeout: 30_000 })
      .toMatch(/共 \d 页/);
    const inked = await page
      .locator('.pdf-pages canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark += 1;
        return dark;
      });
    expect(inked).toBeGreaterThan(1000);
    await page.screenshot({ path: join(SHOTS, 'print.png') });

    await page.getByRole('button', { name: '目录' }).click();
    await page.screenshot({ path: join(SHOTS, 'catalog.png') });

    // A new catalog: the unit is made in 单位信息.
    await page.getByLabel('目录文件路径', { exact: true }).fill(join(dir, '新目录.sqlite'));
    await page.getByRole('button', { name: '新建或打开' }).click();
    await page.getByRole('button', { name: '单位信息' }).click();
    await page.getByLabel('组织单位名称', { exact: true }).fill('鞍山市教育局');
    await page.getByLabel('单位类型', { exact: true }).selectOption('city');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('nav .catalog-name').textContent(), { timeout: 30_000 }).toBe('鞍山市教育局');
  }, 180_000);
  it('takes a received folder in: picked in the folder browser, previewed, confirmed, then in the works list', async () => {
    const { copyFileSync, writeFileSync } = await import('node:fs');
    const { clip } = await import('../helpers/media.js');
    const { minimalPdf } = await import('../helpers/files.js');
    const received = join(dir, '收件');
    mkdirSync(join(received, '1-张三-荷塘月色'), { recursive: true });
    mkdirSync(join(received, '李四-认识钟表'), { recursive: true });
    copyFileSync(clip('lecture.mp4'), join(received, '1-张三-荷塘月色', '荷塘月色.mp4'));
    writeFileSync(join(received, '1-张三-荷塘月色', '作品登记表.pdf'), minimalPdf());
    copyFileSync(clip('lecture.mp4'), join(received, '李四-认识钟表', '微课.mp4'));
    // What a school also sends: a RAR nobody can open, and a system file.
    writeFileSync(
      join(received, '李四-认识钟表', '练习.rar'),
      Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), Buffer.alloc(32)]),
    );
    writeFileSync(join(received, 'Thumbs.db'), 'x');
    // The same work's recommendation sent in a folder of its own, under a co-author's name: merged on screen.
    mkdirSync(join(received, '王五-认识钟表'), { recursive: true });
    writeFileSync(
      join(received, '王五-认识钟表', '推荐意见.pdf'),
      Buffer.concat([minimalPdf(), Buffer.from('% 王五\n')]),
    );

    // The catalog made at the end of the first test (鞍山市教育局) is the open one.
    await page.getByRole('button', { name: '收件导入' }).click();
    await page.getByLabel('作品文件夹', { exact: true }).fill(dir);
    await page.getByRole('button', { name: '浏览 作品文件夹' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /收件/ }).click();
    await expect.poll(() => page.getByLabel('当前文件夹').textContent()).toBe(received);
    await page.getByRole('button', { name: '选择此文件夹' }).click();
    await page.getByRole('button', { name: '预览', exact: true }).click();
    const preview = page.getByLabel('导入预览');
    await expect.poll(() => preview.locator('tbody tr').count(), { timeout: 60_000 }).toBe(3);
    const first = await preview.locator('tbody tr').first().textContent();
    expect(first).toMatch(/^微课.*荷塘月色.*张三/);
    expect(first).toContain('微课视频：荷塘月色.mp4');
    expect(first).toContain('作品登记表(签字扫描件)：作品登记表.pdf');
    expect(await preview.textContent()).toContain('组织单位：鞍山市教育局');
    // Every file left out, once, with why — not only in the report file.
    await page.getByText('未列入计划的文件(2 个)').click();
    const left = await page.getByLabel('未列入计划的文件').locator('li').allTextContents();
    expect(left).toEqual([expect.stringMatching(/^李四-认识钟表\/练习\.rar：RAR 压缩包/), 'Thumbs.db：系统或临时文件']);
    // Corrected on screen: a co-author added, a file's role changed, a work merged into another.
    await page.getByRole('button', { name: '修改 1-张三-荷塘月色' }).click();
    const editor = page.getByLabel('修改 1-张三-荷塘月色 的计划');
    await editor.getByLabel('作者', { exact: true }).fill('张三、赵六');
    await editor.getByLabel('作品登记表.pdf 的用途').selectOption('recommendation-scan');
    await page.getByRole('button', { name: '修改 王五-认识钟表' }).click();
    await page
      .getByLabel('修改 王五-认识钟表 的计划')
      .getByLabel('并入')
      .selectOption({ label: '并入《认识钟表》(李四)' });
    await page.screenshot({ path: join(SHOTS, 'intake.png') });
    await page.getByRole('button', { name: '按修改后的计划导入' }).click();
    await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 30_000 }).toContain('作品列表(2 件)');
    expect(await page.locator('table.works tbody td.title-cell').allTextContents()).toEqual(['荷塘月色', '认识钟表']);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('已导入 2 件作品');
    // The imported catalog is the corrected plan.
    const { openCatalog } = await import('../../src/main/catalog/db.js');
    const { listWorks } = await import('../../src/main/catalog/works.js');
    const db = openCatalog(join(dir, '新目录.sqlite'));
    const works = listWorks(db).filter((w) => ['荷塘月色', '认识钟表'].includes(w.title));
    db.close();
    const byTitle = Object.fromEntries(works.map((w) => [w.title, w]));
    expect(byTitle['荷塘月色']!.authors.map((a) => a.name)).toEqual(['张三', '赵六']);
    expect(byTitle['荷塘月色']!.files.map((f) => [f.role, f.path.split(/[\\/]/).pop()]).sort()).toEqual([
      ['lecture-video', '荷塘月色.mp4'],
      ['recommendation-scan', '作品登记表.pdf'],
    ]);
    expect(byTitle['认识钟表']!.files.map((f) => [f.role, f.path.split(/[\\/]/).pop()]).sort()).toEqual([
      ['lecture-video', '微课.mp4'],
      ['recommendation-scan', '推荐意见.pdf'],
    ]);
  }, 120_000);
  it('splits a folder that holds two works and pairs a folder with the summary row that had none, then imports that', async () => {
    const { copyFileSync } = await import('node:fs');
    const { clipOf } = await import('../helpers/media.js');
    const ExcelJS = (await import('exceljs')).default;
    const received = join(dir, '收件二');
    mkdirSync(join(received, '郑十-雪地里的小画家'), { recursive: true });
    mkdirSync(join(received, '微课3'), { recursive: true });
    // One school put two teachers' videos in one folder; another named its folder after nothing.
    copyFileSync(clipOf('lecture.mp4', '雪地'), join(received, '郑十-雪地里的小画家', '雪地里的小画家.mp4'));
    copyFileSync(clipOf('lecture.mp4', '乌鸦'), join(received, '郑十-雪地里的小画家', '乌鸦喝水.mp4'));
    copyFileSync(clipOf('lecture.mp4', '蝌蚪'), join(received, '微课3', '第三节.mp4'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总表');
    ws.addRow([
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
    ]);
    ws.addRow([
      1,
      '中小学校',
      '雪地里的小画家',
      '郑十',
      '鞍山市第一小学',
      '微课',
      '一年级',
      '语文',
      '13800000010',
      '是',
    ]);
    ws.addRow([2, '中小学校', '乌鸦喝水', '孙七', '鞍山市第二小学', '微课', '二年级', '语文', '13800000011', '是']);
    ws.addRow([3, '中小学校', '小蝌蚪找妈妈', '李八', '鞍山市第三小学', '微课', '二年级', '语文', '13800000012', '否']);
    await wb.xlsx.writeFile(join(received, '作品汇总表.xlsx'));

    await page.getByRole('button', { name: '收件导入' }).click();
    await page.getByLabel('作品文件夹', { exact: true }).fill(received);
    await page.getByRole('button', { name: '预览', exact: true }).click();
    const preview = page.getByLabel('导入预览');
    await expect.poll(() => preview.locator('tbody tr').count(), { timeout: 60_000 }).toBe(2);
    const pairs = page.getByLabel('未匹配');
    expect(await pairs.textContent()).toContain('汇总表中找不到文件夹的行(2)');
    expect(await pairs.textContent()).toContain('汇总表中没有的文件夹(1)');
    // Split: the second video becomes a work of its own.
    await page.getByRole('button', { name: '修改 郑十-雪地里的小画家' }).click();
    const editor = page.getByLabel('修改 郑十-雪地里的小画家 的计划');
    await editor.getByLabel('雪地里的小画家.mp4 的用途').selectOption('lecture-video');
    await editor.getByLabel('选中 乌鸦喝水.mp4').check();
    await editor.getByRole('button', { name: '把选中的文件拆成另一件作品' }).click();
    const fresh = page.getByLabel('修改 乌鸦喝水 的计划');
    await fresh.getByLabel('乌鸦喝水.mp4 的用途').selectOption('lecture-video');
    await expect.poll(() => preview.locator('tbody tr:not(.editor)').count()).toBe(3);
    // Both videos are in the plan now: nothing is listed as left out.
    expect(await page.getByText(/未列入计划的文件/).count()).toBe(0);
    // Pair: each row with its folder.
    await pairs.getByLabel('行 汇总表第 3 行').check();
    await pairs.getByLabel('文件夹 郑十-雪地里的小画家(拆分出的《乌鸦喝水》)').check();
    await pairs.getByRole('button', { name: '配对选中的行和文件夹' }).click();
    await pairs.getByLabel('行 汇总表第 4 行').check();
    await pairs.getByLabel('文件夹 微课3').check();
    await pairs.getByRole('button', { name: '配对选中的行和文件夹' }).click();
    await expect.poll(() => page.getByLabel('未匹配').count()).toBe(0);
    expect(await preview.textContent()).toContain('已与汇总表第 4 行配对');
    await page.screenshot({ path: join(SHOTS, 'intake-split-pair.png'), fullPage: true });
    await page.getByRole('button', { name: '按修改后的计划导入' }).click();
    await expect.poll(() => page.locator('.notice').textContent(), { timeout: 30_000 }).toContain('已导入 3 件作品');
    const { openCatalog } = await import('../../src/main/catalog/db.js');
    const { listWorks } = await import('../../src/main/catalog/works.js');
    const db = openCatalog(join(dir, '新目录.sqlite'));
    const works = listWorks(db).filter((w) => ['雪地里的小画家', '乌鸦喝水', '小蝌蚪找妈妈'].includes(w.title));
    db.close();
    const byTitle = Object.fromEntries(works.map((w) => [w.title, w]));
    const summaryOf = (t: string) => {
      const w = byTitle[t]!;
      return {
        authors: w.authors.map((a) => [a.name, a.unit, a.mobile]),
        grade: w.grade,
        share: w.share,
        files: w.files.map((f) => [f.role, f.path.split(/[\\/]/).pop()]),
      };
    };
    expect(summaryOf('雪地里的小画家')).toEqual({
      authors: [['郑十', '鞍山市第一小学', '13800000010']],
      grade: '一年级',
      share: true,
      files: [['lecture-video', '雪地里的小画家.mp4']],
    });
    expect(summaryOf('乌鸦喝水')).toEqual({
      authors: [['孙七', '鞍山市第二小学', '13800000011']],
      grade: '二年级',
      share: true,
      files: [['lecture-video', '乌鸦喝水.mp4']],
    });
    expect(summaryOf('小蝌蚪找妈妈')).toEqual({
      authors: [['李八', '鞍山市第三小学', '13800000012']],
      grade: '二年级',
      share: false,
      files: [['lecture-video', '第三节.mp4']],
    });
  }, 120_000);
});
