// 省级汇总 in the window (Debian's Chromium over the loopback bridge, started without any unit catalog): a province
// folder opened, two units' trees added (their 附表1-4 read), the check across them, the outputs, the re-verification.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microlecture } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { clipOf } from '../helpers/media.js';
import { exportedTree } from '../helpers/province.js';
import { browserReady, openBrowser, SHOTS, startWeb } from '../helpers/web.js';

let web: ChildProcess;
let browser: Browser;
let page: Page;
let url: string;
let root: string;
let trees: string[] = [];

beforeAll(async () => {
  if (!browserReady) return;
  root = join(tempDir(), '省 级 汇总');
  const shared = clipOf('lecture.mp4', 'shared');
  const person = (name: string, mobile: string) => ({
    authors: [{ name, unit: '沈阳市和平区第一小学', mobile, email: 'a@q.cn', phone: '' }],
  });
  trees = [
    await exportedTree(
      root,
      '沈阳',
      { name: '沈阳市教育局' },
      [microlecture('w1', '张强', person('张强', '13800000001'))],
      { w1: shared },
    ),
    await exportedTree(
      root,
      '大连',
      { name: '大连市教育局', city: '大连' },
      [microlecture('w1', '张强', { title: '大连的海', ...person('张强', '13800000001') })],
      { w1: shared },
    ),
  ];
  ({ web, url } = await startWeb());
  ({ browser, page } = await openBrowser());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
});

describe.skipIf(!browserReady)(
  '省级汇总 in the window (skipped where /usr/bin/chromium or the built renderer is missing)',
  () => {
    it('opens a province folder, adds two units, checks across them and verifies', async () => {
      await page.goto(url);
      const nav = page.locator('nav').getByRole('button', { name: '省级汇总' });
      await expect.poll(() => nav.isEnabled(), { timeout: 60_000 }).toBe(true);
      await nav.click();
      const province = join(root, '省级 目录');
      await page.getByLabel('省级目录', { exact: true }).fill(province);
      await page.getByRole('button', { name: '打开', exact: true }).click();
      await expect.poll(() => page.getByText('还没有单位。').count(), { timeout: 30_000 }).toBe(1);

      for (const [i, tree] of trees.entries()) {
        await page.getByLabel('单位文件夹', { exact: true }).fill(tree);
        await page.getByRole('button', { name: '添加', exact: true }).click();
        const name = i === 0 ? '沈阳市教育局' : '大连市教育局';
        // The name from the tree's 附表1-4, and what the forms gave.
        await expect
          .poll(() => page.getByRole('status').allTextContents(), { timeout: 120_000 })
          .toContainEqual(expect.stringContaining(`已添加 ${name}`));
        expect((await page.getByRole('status').allTextContents()).join('')).toMatch(
          /名称：附表1-4 的组织单位名称.*附表1-4 已读取，附表1-6 已读取，推荐意见 1\/1 件/,
        );
        // Cleared for the next unit.
        expect(await page.getByLabel('单位文件夹', { exact: true }).inputValue()).toBe('');
      }
      const units = page.getByRole('table', { name: '已添加的单位' });
      expect(await units.locator('tbody tr').count()).toBe(2);

      await page.getByRole('button', { name: '全省检查', exact: true }).click();
      const results = page.getByLabel('全省检查结果');
      await expect.poll(() => results.count(), { timeout: 180_000 }).toBe(1);
      const rows = await results.locator('tbody tr').allTextContents();
      expect(rows).toHaveLength(2);
      // 张强 leads a work in both units and their videos are the same bytes: found across units, in both.
      for (const r of rows) expect(r).toMatch(/^(沈阳|大连)市教育局1\d+[1-9]一致$/);
      await results.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'province.png') });
      const out = join(province, '输出');
      expect(existsSync(join(out, '作品汇总表(全省).xlsx'))).toBe(true);
      expect(readdirSync(join(out, '退回补交')).sort()).toEqual([
        '大连市教育局.pdf',
        '大连市教育局.xlsx',
        '沈阳市教育局.pdf',
        '沈阳市教育局.xlsx',
      ]);

      await page.getByRole('button', { name: '重新读取全部文件核验' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents(), { timeout: 120_000 })
        .toContainEqual(expect.stringMatching(/重新核验 2 个单位：读取 \d+ 个文件.*全部与封存基准一致/));
    }, 600_000);
  },
);
