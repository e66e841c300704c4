// Issue 25 case 7 in Chromium: the window's autosave sends only what the user changed. A cloud link the command line
// set while the unit screen was open survives the window's next save of another field; where both changed the same
// value, the later save wins and the window says which value it replaced.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { browserReady, openBrowser, ROOT, SHOTS, startWeb } from '../helpers/web.js';

const BIN = join(ROOT, 'bin/baosong.js');
let web: ChildProcess;
let browser: Browser;
let page: Page;
let db: string;
let url: string;
const unitShows = () => spawnSync(process.execPath, [BIN, 'unit', '--db', db], { encoding: 'utf8' }).stdout;

beforeAll(async () => {
  if (!browserReady) return;
  const dir = join(tempDir(), '自动 保存');
  const batch = validBatch([microlecture('w1', '张强')]);
  batch.unit.cloudLink = '';
  batch.unit.cloudCode = '';
  const file = await writeBatch(dir, batch);
  db = join(dir, 'c.sqlite');
  expect(spawnSync(process.execPath, [BIN, 'import', file, '--db', db]).status).toBe(0);
  ({ web, url } = await startWeb(db));
  ({ browser, page } = await openBrowser());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
});

describe.skipIf(!browserReady)(
  'autosave beside the command line (skipped where /usr/bin/chromium or the built renderer is missing)',
  () => {
    it('never reverts a value another program set; says so when it replaces one', async () => {
      await page.goto(url);
      await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 60_000 }).toContain('报送总览');
      await page.getByRole('button', { name: '单位信息' }).click();
      await expect.poll(() => page.getByLabel('座机号', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
      // Meanwhile the command line sets the cloud link and its code.
      const set = spawnSync(
        process.execPath,
        [BIN, 'unit', '--db', db, '--cloud-link', 'https://pan.baidu.com/s/1fromcli', '--cloud-code', 'cl12'],
        { encoding: 'utf8' },
      );
      expect(set.status, set.stderr).toBe(0);
      // The user edits another value in the window, which still shows the link empty.
      await page.getByLabel('座机号', { exact: true }).fill('024-87654321');
      await expect.poll(() => page.getByLabel('保存状态').textContent(), { timeout: 30_000 }).toBe('已保存');
      let shown = unitShows();
      expect(shown).toContain('https://pan.baidu.com/s/1fromcli');
      expect(shown).toContain('024-87654321');
      expect(await page.locator('.notice').count()).toBe(0);
      // …and the form now shows the link the command line set.
      await expect
        .poll(() => page.getByLabel('云盘链接地址', { exact: true }).inputValue(), { timeout: 10_000 })
        .toBe('https://pan.baidu.com/s/1fromcli');
      await expect.poll(() => page.getByLabel('保存状态').textContent(), { timeout: 30_000 }).toBe('已保存');

      // Both change the code: the command line first, then the window (whose copy is older): the window's wins, and
      // the window names what it replaced.
      expect(spawnSync(process.execPath, [BIN, 'unit', '--db', db, '--cloud-code', 'zz99']).status).toBe(0);
      await page.getByLabel('访问密码', { exact: true }).fill('ab12');
      await expect.poll(() => page.getByLabel('保存状态').textContent(), { timeout: 30_000 }).toBe('已保存');
      shown = unitShows();
      expect(shown).toContain('ab12');
      await expect
        .poll(() => page.locator('.notice').textContent(), { timeout: 10_000 })
        .toContain('“访问密码”刚被其他程序改为“zz99”，已用你在这里的修改覆盖');
      await page.screenshot({ path: join(SHOTS, 'autosave-overwritten.png') });
    }, 120_000);
  },
);
