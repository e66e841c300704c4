// The works list at 120 works in Debian's Chromium: search and filters (timed and printed, not asserted), delete and
// undo, bulk share, move to a position, drag-and-drop; a single work's files on disk are never touched.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { browserReady, ROOT, serveBatch, SHOTS } from '../helpers/web.js';

const N = 120;
const SCHOOLS = ['沈阳市和平区第一小学', '大连市中山区实验小学', '鞍山市铁东区胜利小学'];
let web: ChildProcess;
let browser: Browser;
let page: Page;
let dir: string;
let db: string;
let url: string;

const titles = () => page.locator('table.works tbody td.title-cell').allTextContents();

beforeAll(async () => {
  if (!browserReady) return;
  dir = tempDir();
  const works = Array.from({ length: N }, (_, i) => {
    const w = microlecture(`w${i + 1}`, `作者${i + 1}`, { title: `作品${i + 1}` });
    w.authors[0].unit = SCHOOLS[i % 3];
    // A quarter not yet looked at by a person: their 待确认 items are open.
    if (i >= 90) w.checklist = {};
    return w;
  });
  // One title at the field's limit (80 characters): the list must not wrap per character.
  works[4]!.title = '长'.repeat(80);
  const file = await writeBatch(dir, validBatch(works));
  db = join(dir, 'c.sqlite');
  ({ web, url, browser, page } = await serveBatch(file, db));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
});

describe.skipIf(!browserReady)(
  'the works list at 120 works (skipped where /usr/bin/chromium or the built renderer is missing)',
  () => {
    it('searches by title, author and school, filters by category and status', async () => {
      await page.goto(url);
      // An open catalog starts at 报送总览.
      await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 60_000 }).toContain('报送总览');
      await page.locator('nav').getByRole('button', { name: '作品列表' }).click();
      await expect.poll(() => page.locator('table.works tbody tr').count(), { timeout: 60_000 }).toBe(N);
      await expect.poll(() => page.locator('.busy').count(), { timeout: 120_000 }).toBe(0);
      // Filtering is measured from the keystroke to the list drawn.
      const timed = async (what: string, act: () => Promise<unknown>, rows: number) => {
        const t = Date.now();
        await act();
        await expect.poll(() => page.locator('table.works tbody tr').count()).toBe(rows);
        console.log(`works list, 120 works: ${what} in ${Date.now() - t} ms (Playwright round trips included)`);
      };
      await timed('search by title', () => page.getByLabel('搜索作品').fill('作品11'), 11);
      expect(await titles()).toEqual(['作品11', ...Array.from({ length: 10 }, (_, i) => `作品${110 + i}`)]);
      await timed('search by author', () => page.getByLabel('搜索作品').fill('作者7'), 11);
      await timed('search by school', () => page.getByLabel('搜索作品').fill('大连市中山区'), N / 3);
      // Full-width input matches too.
      await timed('search, full-width digits', () => page.getByLabel('搜索作品').fill('作品１２０'), 1);
      await page.getByLabel('搜索作品').fill('');
      await timed(
        'filter by status 有错误 (the quota is one work-level error for none)',
        () => page.getByLabel('按状态筛选').selectOption('errors'),
        0,
      );
      expect(await page.getByText('没有符合条件的作品。').count()).toBe(1);
      await page.getByLabel('按状态筛选').selectOption('');
      await timed('filter by category', () => page.getByLabel('按类别筛选').selectOption('courseware'), 0);
      await page.getByLabel('按类别筛选').selectOption('');
      await expect.poll(() => page.locator('table.works tbody tr').count()).toBe(N);
      // The school column and the long title: headers on one line, buttons on one line.
      expect(await page.locator('table.works thead th').allTextContents()).toEqual([
        '',
        '序',
        '类别',
        '作品名称',
        '作者',
        '单位',
        '错误',
        '警告',
        '待确认',
        '',
      ]);
      const heights = await page
        .locator('table.works thead th')
        .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
      expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(2);
      const long = page.locator('table.works tbody tr').nth(4);
      for (const name of ['上移', '删除']) {
        const box = await long.getByRole('button', { name: new RegExp(`^${name}`) }).boundingBox();
        expect(box!.height).toBeLessThan(40);
      }
      await page.screenshot({ path: join(SHOTS, 'works-120.png') });
    }, 240_000);

    it('deletes a work after asking, keeps its files, and undoes it', async () => {
      const disk = (readdirSync(join(dir, 'works'), { recursive: true }) as string[])
        .map((f) => `${f}:${statSync(join(dir, 'works', f)).mtimeMs}`)
        .sort();
      await page.getByRole('button', { name: '删除 作品3', exact: true }).click();
      const ask = page.getByRole('alertdialog', { name: '确认删除' });
      expect(await ask.textContent()).toContain('删除作品《作品3》？作品的文件不会被删除');
      // Esc says no.
      await page.keyboard.press('Escape');
      expect(await ask.count()).toBe(0);
      await page.getByRole('button', { name: '删除 作品3', exact: true }).click();
      await ask.getByRole('button', { name: '删除', exact: true }).click();
      await expect.poll(() => page.locator('table.works tbody tr').count(), { timeout: 30_000 }).toBe(N - 1);
      expect(await page.getByLabel('已删除').textContent()).toContain('已删除作品《作品3》(其文件未被删除)');
      expect(
        (readdirSync(join(dir, 'works'), { recursive: true }) as string[])
          .map((f) => `${f}:${statSync(join(dir, 'works', f)).mtimeMs}`)
          .sort(),
      ).toEqual(disk);
      await page.getByLabel('已删除').getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => page.locator('table.works tbody tr').count(), { timeout: 30_000 }).toBe(N);
      expect((await titles()).slice(0, 4)).toEqual(['作品1', '作品2', '作品3', '作品4']);
    }, 120_000);

    it('sets the share flag of a selection, deletes a selection, and undoes that', async () => {
      await page.getByLabel('搜索作品').fill('作品12');
      await expect.poll(() => page.locator('table.works tbody tr').count()).toBe(2);
      await page.getByLabel('全选').check();
      const bulk = page.getByLabel('批量操作');
      expect(await bulk.textContent()).toContain('已选 2 件');
      await bulk.getByRole('button', { name: '设为不同意共享' }).click();
      await expect.poll(() => page.locator('.busy').count(), { timeout: 60_000 }).toBe(0);
      const { openCatalog } = await import('../../src/main/catalog/db.js');
      const { listWorks } = await import('../../src/main/catalog/works.js');
      const shares = () => {
        const c = openCatalog(db);
        const m = Object.fromEntries(listWorks(c).map((w) => [w.title, w.share]));
        c.close();
        return m;
      };
      await expect
        .poll(() => [shares()['作品12'], shares()['作品120'], shares()['作品11']])
        .toEqual([false, false, true]);
      // A 待确认 item confirmed on the selection: 作品12 had it ticked already, 作品120 (one of the last 30) not.
      await bulk.getByLabel('批量确认待确认项').selectOption('checklist.citations');
      await expect.poll(() => page.locator('.notice').textContent(), { timeout: 30_000 }).toContain('已确认 1 件作品');
      await bulk.getByRole('button', { name: '删除所选' }).click();
      await page
        .getByRole('alertdialog', { name: '确认删除' })
        .getByRole('button', { name: '删除', exact: true })
        .click();
      await expect.poll(() => page.locator('table.works tbody tr').count(), { timeout: 30_000 }).toBe(0);
      expect(await page.getByLabel('已删除').textContent()).toContain('已删除 2 件作品');
      await page.getByLabel('已删除').getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => page.locator('table.works tbody tr').count(), { timeout: 30_000 }).toBe(2);
      await page.getByLabel('搜索作品').fill('');
    }, 120_000);

    it('moves a work to position N by its number, and by dragging', async () => {
      await expect.poll(() => page.locator('table.works tbody tr').count()).toBe(N);
      const place = page.getByLabel('作品100 的序号', { exact: true });
      await place.fill('2');
      await place.press('Enter');
      await expect
        .poll(async () => (await titles()).slice(0, 3), { timeout: 30_000 })
        .toEqual(['作品1', '作品100', '作品2']);
      // Dragged onto the first row: it takes its place.
      await page.locator('table.works tbody tr').nth(3).dragTo(page.locator('table.works tbody tr').nth(0));
      await expect
        .poll(async () => (await titles()).slice(0, 4), { timeout: 30_000 })
        .toEqual(['作品3', '作品1', '作品100', '作品2']);
      // The order is the catalog's.
      const { openCatalog } = await import('../../src/main/catalog/db.js');
      const { listWorks } = await import('../../src/main/catalog/works.js');
      const c = openCatalog(db);
      expect(
        listWorks(c)
          .slice(0, 4)
          .map((w) => w.title),
      ).toEqual(['作品3', '作品1', '作品100', '作品2']);
      c.close();
    }, 120_000);

    it('keeps an edit across leaving the screen and reloading the page, and says when it is saved', async () => {
      const editor = async () => {
        await page.getByRole('button', { name: '作品列表' }).click();
        await page.getByLabel('搜索作品').fill('作品7');
        await page.getByRole('button', { name: '编辑 作品7', exact: true }).click();
        await expect.poll(() => page.locator('h2').first().textContent()).toContain('作品编辑 · 《作品7》');
      };
      await editor();
      const subject = page.getByLabel('学科', { exact: true });
      // Typed, and away at once (before the pause after which it saves itself).
      await subject.fill('数学离开');
      await page.getByRole('button', { name: '检查' }).click();
      await editor();
      await expect.poll(() => subject.inputValue(), { timeout: 30_000 }).toBe('数学离开');
      // Typed, and reloaded at once: the page asks; leaving anyway keeps the edit.
      await subject.fill('数学重载');
      page.once('dialog', (d) => void d.accept());
      await page.reload();
      await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 60_000 }).toContain('报送总览');
      await page.locator('nav').getByRole('button', { name: '作品列表' }).click();
      await expect.poll(() => page.locator('table.works tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await editor();
      await expect.poll(() => subject.inputValue(), { timeout: 30_000 }).toBe('数学重载');
      // And the state is shown: 已保存 after a pause.
      await subject.fill('数学');
      expect(await page.getByLabel('保存状态').textContent()).toMatch(/有未保存的修改|保存中/);
      await expect.poll(() => page.getByLabel('保存状态').textContent(), { timeout: 30_000 }).toBe('已保存');
      await page.screenshot({ path: join(SHOTS, 'edit-saved.png') });
    }, 180_000);

    it('keeps the window’s state true: the sidebar, a screen’s own messages, a stale pre-flight, folders and catalogs remembered', async () => {
      await page.getByRole('button', { name: '作品列表' }).click();
      expect(await page.locator('nav .catalog-name').textContent()).toBe('沈阳市教育局');
      // A message belongs to the screen that raised it: refused export (the quota error), then elsewhere.
      await page.locator('nav').getByRole('button', { name: '导出', exact: true }).click();
      const out = join(dir, '云盘 上传');
      await page.getByLabel('导出到文件夹', { exact: true }).fill(out);
      await page.locator('section').getByRole('button', { name: '导出', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 })
        .toContain('未导出：修正后再导出，或选择“有错误也导出”');
      expect(await page.getByRole('alert').textContent()).not.toMatch(/--[a-z]/);
      await page.getByRole('button', { name: '作品列表' }).click();
      expect(await page.getByRole('alert').count()).toBe(0);
      // The pre-flight says the folder will be made; after the export it is not shown as it was.
      await page.locator('nav').getByRole('button', { name: '导出', exact: true }).click();
      expect(await page.getByLabel('导出到文件夹', { exact: true }).inputValue()).toBe(out);
      await page.getByRole('button', { name: '预检' }).click();
      await expect
        .poll(() => page.getByLabel('导出预检').textContent(), { timeout: 60_000 })
        .toContain('新文件夹(将创建)');
      await page.getByLabel('有错误也导出').check();
      await page.locator('section').getByRole('button', { name: '导出', exact: true }).click();
      await expect.poll(() => page.locator('.ok[role=status]').count(), { timeout: 120_000 }).toBe(1);
      expect(await page.getByLabel('导出预检').count()).toBe(0);
      await page.getByRole('button', { name: '预检' }).click();
      await expect
        .poll(() => page.getByLabel('导出预检').textContent(), { timeout: 60_000 })
        .toContain('以前导出的文件夹');
      // After a reload: the folder is remembered for this catalog, and the catalog is among the recent ones.
      await page.reload();
      await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 60_000 }).toContain('报送总览');
      await page.locator('nav').getByRole('button', { name: '作品列表' }).click();
      await expect.poll(() => page.locator('table.works tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await page.locator('nav').getByRole('button', { name: '导出', exact: true }).click();
      expect(await page.getByLabel('导出到文件夹', { exact: true }).inputValue()).toBe(out);
      await page.getByRole('button', { name: '目录' }).click();
      expect(await page.getByLabel('最近打开的目录').textContent()).toContain(db);
    }, 240_000);

    it('an export cancelled from the window leaves no staging folder and the previous export as it was', async () => {
      const { truncateSync, existsSync: exists, readFileSync: read } = await import('node:fs');
      // One work's video grows by 1.5 GB of holes: the copy phase lasts long enough to be cancelled.
      truncateSync(join(dir, 'works', 'w60', '微课.mp4'), 1_500_000_000);
      const out = join(dir, '云盘 上传');
      const manifest = read(join(out, 'manifest.sha256'), 'utf8');
      await page.locator('nav').getByRole('button', { name: '导出', exact: true }).click();
      expect(await page.getByLabel('导出到文件夹', { exact: true }).inputValue()).toBe(out);
      await page.getByLabel('有错误也导出').check();
      await page.locator('section').getByRole('button', { name: '导出', exact: true }).click();
      // Cancelled while it copies; the bar names the phase and is short of 100 %.
      await expect.poll(() => page.locator('.busy').textContent(), { timeout: 120_000 }).toContain('复制文件');
      expect(await page.locator('.busy').textContent()).not.toContain('100%');
      await page.locator('.busy').getByRole('button', { name: '取消' }).click();
      await expect.poll(() => page.locator('.busy').count(), { timeout: 60_000 }).toBe(0);
      expect(await page.getByRole('alert').textContent()).toContain('已取消');
      // (The bridge ends the job when the window lets go of it; its clean-up follows within moments.)
      await expect.poll(() => exists(join(dir, '.云盘 上传.baosong-staging')), { timeout: 30_000 }).toBe(false);
      expect(read(join(out, 'manifest.sha256'), 'utf8')).toBe(manifest);
    }, 240_000);

    it('the folder browser works by keyboard alone: focus in and kept, a path box, Esc, the last folder remembered', async () => {
      const { mkdirSync } = await import('node:fs');
      const target = join(dir, '打印 文件夹');
      mkdirSync(join(target, '子文件夹'), { recursive: true });
      await page.locator('nav').getByRole('button', { name: '打印与邮件' }).click();
      await page.getByLabel('打印文件夹', { exact: true }).fill('');
      const active = () =>
        page.evaluate(
          () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
        );
      const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));
      await page.getByRole('button', { name: '浏览 打印文件夹' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: '选择位置' });
      await expect.poll(() => dialog.count()).toBe(1);
      await expect.poll(active).toBe('位置');
      // Typed into the path box.
      await page.keyboard.press('Control+A');
      await page.keyboard.type(target);
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog.getByLabel('当前文件夹').textContent()).toBe(target);
      // Tab and Shift+Tab never leave it.
      for (let i = 0; i < 25; i += 1) {
        await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
        expect(await inDialog()).toBe(true);
      }
      // Esc closes it, and focus is back on 浏览.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(active).toBe('浏览 打印文件夹');
      // Again: it starts where it was last, and the folder is chosen by keyboard.
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog.getByLabel('当前文件夹').textContent()).toBe(target);
      for (let i = 0; i < 40 && (await active()) !== '选择此文件夹'; i += 1) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByLabel('打印文件夹', { exact: true }).inputValue()).toBe(target);
      // Icons are drawn, not emoji.
      await expect.poll(active).toBe('浏览 打印文件夹');
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog.locator('svg.icon').count()).toBeGreaterThan(0);
      expect(await dialog.textContent()).not.toMatch(/[\u{1F4C1}\u{1F4C4}]/u);
      await page.screenshot({ path: join(SHOTS, 'folder-browser.png') });
      await page.keyboard.press('Escape');
    }, 120_000);

    it('检查 at 120 works: one screen a person reads (grouped, collapsed, filtered), 待确认 confirmed in bulk per item', async () => {
      const t = Date.now();
      await page.locator('nav').getByRole('button', { name: '检查', exact: true }).click();
      await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 60_000 }).toContain('检查结果');
      await expect.poll(() => page.locator('.group').count()).toBeGreaterThan(0);
      console.log(`检查, 120 works: the screen shown in ${Date.now() - t} ms (Playwright round trips included)`);
      const infos = async () => Number(/待确认 (\d+)/.exec((await page.locator('h2').first().textContent()) ?? '')![1]);
      expect(await infos()).toBe(89);
      // Collapsed by default where there is no error: a page, not 35,000 px.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8000);
      // By item: 30 works with the same open item, confirmed at once.
      await page.getByLabel('分组').selectOption('rule');
      const item = '片头显示教材版本、学段学科、年级学期、课名、教师姓名和所在单位，楷体';
      await page.getByRole('button', { name: `全部确认 ${item}` }).click();
      const ask = page.getByRole('alertdialog', { name: '确认批量确认' });
      expect(await ask.textContent()).toContain('确认这 30 件作品都已人工核对');
      await ask.getByRole('button', { name: '全部确认' }).click();
      await expect.poll(infos, { timeout: 60_000 }).toBe(59);
      await expect.poll(() => page.locator('.notice').textContent()).toContain('已确认 30 件作品');
      await page.getByText(/已人工确认 \d+ 项/).click();
      expect(await page.getByLabel('已人工确认').textContent()).toContain(item);
      // Filters: by severity and by text; a finding reads its message first, the rule id below.
      await page.getByLabel('按级别筛选').selectOption('info');
      await page.getByLabel('搜索检查结果').fill('作品95');
      await expect.poll(() => page.locator('.group').count()).toBe(2);
      await page.locator('.group .toggle').first().click();
      const line = page.locator('.group .findings li').first();
      expect(await line.locator('.finding-detail').textContent()).toMatch(/^checklist\./);
      await page.getByLabel('搜索检查结果').fill('');
      await page.getByLabel('按级别筛选').selectOption('');
      await page.getByLabel('分组').selectOption('work');
      await page.screenshot({ path: join(SHOTS, 'check-120.png') });
    }, 180_000);

    it('报送总览 says what `check --json` says: works by state, the counts; a tile opens the list so filtered', async () => {
      await page.locator('nav').getByRole('button', { name: '报送总览' }).click();
      await page.getByRole('button', { name: /^检查：/ }).waitFor();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/baosong.js'), 'check', '--db', db, '--json'], {
        encoding: 'utf8',
      });
      const report = JSON.parse(r.stdout) as {
        errors: number;
        warnings: number;
        infos: number;
        findings: { work?: string; severity: string }[];
      };
      const labels = Array.from({ length: N }, (_, i) => `w${i + 1}`);
      const with_ = (s: string) =>
        new Set(report.findings.filter((f) => f.work && f.severity === s).map((f) => f.work));
      const errors = labels.filter((l) => with_('error').has(l)).length;
      const confirm = labels.filter((l) => with_('info').has(l)).length;
      const ready = labels.filter((l) => !with_('error').has(l) && !with_('info').has(l)).length;
      const tiles = await page.getByLabel('作品状态').getByRole('button').allTextContents();
      expect(tiles).toEqual([
        `${ready} 件可报送`,
        `${errors} 件有错误`,
        `${confirm} 件待确认`,
        `检查：错误 ${report.errors} · 警告 ${report.warnings} · 待确认 ${report.infos}`,
      ]);
      expect(confirm).toBe(30);
      expect(await page.getByLabel('名额').textContent()).toContain('教学类 120/50');
      // Today (after 2025-09-30) the upload and the freeze are over; the unit's own items are each done or not.
      expect(await page.getByLabel('截止日期').textContent()).toMatch(/2025年7月15日|冻结|还有/);
      expect(await page.getByLabel('单位事项').locator('li').count()).toBeGreaterThanOrEqual(3);
      expect(await page.getByLabel('单位事项').textContent()).toContain(
        '证书信息核对单：每位作者核对姓名、单位、作品名称并签字',
      );
      await page.screenshot({ path: join(SHOTS, 'overview-120.png') });
      await page.getByRole('button', { name: `${confirm} 件待确认` }).click();
      await expect.poll(() => page.locator('table.works tbody tr').count()).toBe(confirm);
      expect(await page.getByLabel('按状态筛选').inputValue()).toBe('confirm');
    }, 120_000);

    it('every screen at 1366×768 and 1280×720 with 120 works and an 80-character title: no sideways scroll, no button on two lines', async () => {
      const screens: [string, string][] = [
        ['目录', 'catalog'],
        ['报送总览', 'overview'],
        ['收件导入', 'intake'],
        ['单位信息', 'unit'],
        ['作品列表', 'works'],
        ['检查', 'check'],
        ['导出', 'export'],
        ['打印与邮件', 'print'],
      ];
      const fits = async (where: string) => {
        const r = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          // A button's lines: its content box over its line height (a tile with a big number is still one line).
          const lines = (b: Element) => {
            const st = getComputedStyle(b);
            const box =
              b.getBoundingClientRect().height -
              parseFloat(st.paddingTop) -
              parseFloat(st.paddingBottom) -
              parseFloat(st.borderTopWidth) -
              parseFloat(st.borderBottomWidth);
            const line = st.lineHeight === 'normal' ? parseFloat(st.fontSize) * 1.5 : parseFloat(st.lineHeight);
            const tallest = Math.max(line, ...[...b.children].map((c) => c.getBoundingClientRect().height));
            return box / tallest;
          };
          const tall = [...document.querySelectorAll('main button')]
            .filter((b) => (b as HTMLElement).offsetParent !== null && !b.classList.contains('link') && lines(b) > 1.6)
            .map((b) => b.textContent);
          return { sideways: main.scrollWidth - main.clientWidth, tall };
        });
        expect({ where, ...r }).toEqual({ where, sideways: 0, tall: [] });
      };
      for (const [width, height] of [
        [1366, 768],
        [1280, 720],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const [name, shot] of screens) {
          await page.locator('nav').getByRole('button', { name, exact: true }).click();
          await page.locator('h2').first().waitFor();
          await fits(`${name} ${width}×${height}`);
          if (width === 1366) await page.screenshot({ path: join(SHOTS, `${shot}-120.png`) });
        }
        // The editor of the work with the 80-character title.
        await page.locator('nav').getByRole('button', { name: '作品列表', exact: true }).click();
        await page.getByRole('button', { name: `编辑 ${'长'.repeat(80)}` }).click();
        await expect.poll(() => page.locator('h2').first().textContent()).toContain('长长长');
        await fits(`作品编辑 ${width}×${height}`);
        if (width === 1366) await page.screenshot({ path: join(SHOTS, 'edit-120.png') });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
    }, 180_000);
  },
);
