// End to end in Debian's Chromium over `npm run web`'s bridge: open the catalog, fix the unit, check, export, verify.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/baosong.js');
const SHOTS = join(ROOT, 'test-results/screenshots');
const ready = existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist/renderer/index.html'));

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
  web = spawn(process.execPath, [join(ROOT, 'dist/main/web.js'), '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    web.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
      if (m) resolve(m[0]);
    });
    web.on('exit', () => reject(new Error(`web exited: ${out}`)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
});

describe.skipIf(!ready)('the UI in Chromium (skipped where /usr/bin/chromium or the built renderer is missing)', () => {
  it('shows the works, fixes the unit, checks, exports and verifies', async () => {
    await page.goto(url);
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 30_000 }).toBe(2);
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.locator('.busy').count(), { timeout: 30_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'works.png') });

    await page.getByRole('button', { name: '检查' }).click();
    await expect.poll(() => page.locator('h2').first().textContent()).toContain('检查结果');
    expect(await page.locator('.findings li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('unit.cloud-link')]));
    await page.screenshot({ path: join(SHOTS, 'check.png') });

    await page.getByRole('button', { name: '单位信息' }).click();
    await page.getByLabel('访问密码').fill('ab12');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.findings li').count(), { timeout: 30_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'unit.png') });

    const out = join(dir, '云盘上传');
    await page.getByRole('button', { name: '导出' }).first().click();
    await page.getByLabel('导出到文件夹').fill(out);
    await page.locator('main').getByRole('button', { name: '导出', exact: true }).click();
    await expect.poll(() => page.locator('.ok').first().textContent(), { timeout: 60_000 }).toContain('已导出');
    await page.getByRole('button', { name: '校验' }).click();
    await expect.poll(() => page.locator('.ok').last().textContent(), { timeout: 30_000 }).toContain('校验通过');
    await page.screenshot({ path: join(SHOTS, 'export.png') });

    expect(readFileSync(join(out, 'manifest.sha256'), 'utf8')).toContain('2微课/1-张强-小小的船w1/微课视频.mp4');
    expect(spawnSync(process.execPath, [BIN, 'verify', out]).status).toBe(0);
  }, 120_000);
});
