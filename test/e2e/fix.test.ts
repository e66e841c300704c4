// 修复 in the window (Debian's Chromium over the loopback bridge): the check shows what a fix will do before it runs;
// after it the finding is gone, the editor names the source with 还原, and 还原 brings the finding back. The teacher's
// file is never touched.
import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { clip } from '../helpers/media.js';
import { browserReady, serveBatch, SHOTS } from '../helpers/web.js';

let web: ChildProcess;
let browser: Browser;
let page: Page;
let url: string;
let video: string;
let lesson: string;

beforeAll(async () => {
  if (!browserReady) return;
  const dir = join(tempDir(), '张 三 的批次');
  const { fields } = microlecture('w2', '王芳');
  const file = await writeBatch(
    dir,
    validBatch([
      microlecture('w1', '张强'),
      microlecture('w2', '王芳', { fields: { ...fields, 教材版本: undefined } }),
    ]),
  );
  video = join(dir, 'works/w1/微课.mp4');
  copyFileSync(clip('quicktime.mp4'), video);
  // w2 opens straight on the lesson, and its 教材版本 is not filled in.
  lesson = join(dir, 'works/w2/微课.mp4');
  copyFileSync(clip('no-card.mp4'), lesson);
  ({ web, url, browser, page } = await serveBatch(file, join(dir, 'c.sqlite')));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
});

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe.skipIf(!browserReady)(
  '修复 in the window (skipped where /usr/bin/chromium or the built renderer is missing)',
  () => {
    it('says what it will do, fixes, re-checks; 还原 goes back', async () => {
      const before = hash(video);
      await page.goto(url);
      await expect.poll(() => page.locator('h2').first().textContent(), { timeout: 60_000 }).toContain('报送总览');
      await page.locator('nav').getByRole('button', { name: '检查' }).click();
      const fixButton = page.getByRole('button', { name: /^修复 video\.container/ });
      await expect.poll(() => fixButton.count(), { timeout: 60_000 }).toBe(1);
      await fixButton.click();
      const ask = page.getByRole('group', { name: '修复说明' });
      await expect.poll(() => ask.textContent()).toContain('重新封装为 MP4，不重新编码');
      expect(await ask.textContent()).toContain('源文件不会改动');
      await page.screenshot({ path: join(SHOTS, 'fix-ask.png') });
      await ask.getByRole('button', { name: '确定修复' }).click();
      await expect
        .poll(() => page.locator('.notice, [role=status]').allTextContents(), { timeout: 60_000 })
        .toContainEqual(expect.stringContaining('已修复：'));
      await expect
        .poll(() => page.getByRole('button', { name: /^修复 video\.container/ }).count(), { timeout: 60_000 })
        .toBe(0);
      expect(hash(video)).toBe(before);
      // The editor names the source and offers 还原.
      await page.locator('nav').getByRole('button', { name: '作品列表' }).click();
      await page.getByRole('button', { name: '编辑 小小的船w1' }).click();
      await expect.poll(() => page.getByText(/由 .*微课\.mp4 生成/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.getByRole('button', { name: '还原' }).click();
      await expect
        .poll(() => page.locator('.notice, [role=status]').allTextContents(), { timeout: 60_000 })
        .toContainEqual(expect.stringContaining('已还原为源文件'));
      await page.locator('nav').getByRole('button', { name: '检查' }).click();
      await expect
        .poll(() => page.getByRole('button', { name: /^修复 video\.container/ }).count(), { timeout: 60_000 })
        .toBe(1);
      expect(hash(video)).toBe(before);
    }, 180_000);

    it('the title card: previewed, 教材版本 asked for and saved, made; the finding gone', async () => {
      const before = hash(lesson);
      await page.locator('nav').getByRole('button', { name: '检查' }).click();
      // w2's finding (w1 opens without a card too, but has its 教材版本), in w2's group, collapsed at first.
      const group = page.getByRole('button', { name: /《小小的船w2》/ });
      await expect.poll(() => group.count(), { timeout: 60_000 }).toBe(1);
      await group.click();
      const row = page.locator('li').filter({ hasText: 'works/w2/微课.mp4' }).filter({ hasText: 'video.title-card' });
      const fixButton = row.getByRole('button', { name: /^修复 video\.title-card/ });
      await expect.poll(() => fixButton.count(), { timeout: 60_000 }).toBe(1);
      await fixButton.click();
      const ask = row.getByRole('group', { name: '修复说明' });
      await expect.poll(() => ask.textContent()).toContain('5 秒蓝底白字楷体片头');
      await expect.poll(() => ask.getByRole('img', { name: '片头预览' }).count(), { timeout: 30_000 }).toBe(1);
      expect(await ask.getByRole('button', { name: '确定修复' }).isDisabled()).toBe(true);
      await expect.poll(() => ask.textContent()).toContain('片头需要教材版本');
      await page.screenshot({ path: join(SHOTS, 'fix-title-card-ask.png'), fullPage: true });
      await ask.getByRole('textbox', { name: '教材版本' }).fill('人教版');
      await ask.getByRole('textbox', { name: '学期' }).fill('上册');
      await ask.getByRole('button', { name: '保存到作品信息' }).click();
      await expect
        .poll(() => ask.getByRole('button', { name: '确定修复' }).isDisabled(), { timeout: 30_000 })
        .toBe(false);
      expect(await ask.textContent()).not.toContain('片头需要教材版本');
      const img = await ask.getByRole('img', { name: '片头预览' }).getAttribute('src');
      expect(img).toMatch(/^data:image\/png;base64,/);
      await page.screenshot({ path: join(SHOTS, 'fix-title-card.png'), fullPage: true });
      await ask.getByRole('button', { name: '确定修复' }).click();
      await expect
        .poll(() => page.locator('.notice, [role=status]').allTextContents(), { timeout: 120_000 })
        .toContainEqual(expect.stringContaining('已修复：'));
      await expect
        .poll(
          () =>
            page.locator('li').filter({ hasText: 'works/w2/微课.mp4' }).filter({ hasText: 'video.title-card' }).count(),
          { timeout: 60_000 },
        )
        .toBe(0);
      expect(hash(lesson)).toBe(before);
    }, 180_000);
  },
);
