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

beforeAll(async () => {
  if (!browserReady) return;
  const dir = join(tempDir(), '张 三 的批次');
  const file = await writeBatch(dir, validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')]));
  video = join(dir, 'works/w1/微课.mp4');
  copyFileSync(clip('quicktime.mp4'), video);
  ({ web, url, browser, page } = await serveBatch(file, join(dir, 'c.sqlite')));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
});

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe.skipIf(!browserReady)('修复 in the window (skipped where /usr/bin/chromium or the built renderer is missing)', () => {
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
    await expect.poll(() => page.locator('.notice, [role=status]').allTextContents(), { timeout: 60_000 }).toContainEqual(expect.stringContaining('已修复：'));
    await expect.poll(() => page.getByRole('button', { name: /^修复 video\.container/ }).count(), { timeout: 60_000 }).toBe(0);
    expect(hash(video)).toBe(before);
    // The editor names the source and offers 还原.
    await page.locator('nav').getByRole('button', { name: '作品列表' }).click();
    await page.getByRole('button', { name: '编辑 小小的船w1' }).click();
    await expect.poll(() => page.getByText(/由 .*微课\.mp4 生成/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: '还原' }).click();
    await expect.poll(() => page.locator('.notice, [role=status]').allTextContents(), { timeout: 60_000 }).toContainEqual(expect.stringContaining('已还原为源文件'));
    await page.locator('nav').getByRole('button', { name: '检查' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^修复 video\.container/ }).count(), { timeout: 60_000 }).toBe(1);
    expect(hash(video)).toBe(before);
  }, 180_000);
});
