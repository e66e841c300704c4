// Issue 25 case 6: the catalog file is whole on its own. The window's edits (browser mode over the bridge) are in
// catalog.sqlite itself — not only in catalog.sqlite-wal — after Ctrl-C as documented, and even after a SIGKILL.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { BIN } from '../helpers/procs.js';
import { startWeb } from '../helpers/web.js';

async function call(url: string, method: string, args: unknown) {
  const u = new URL(url);
  const token = u.hash.replace('#token=', '');
  const r = await fetch(`${u.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ method, args }),
  });
  const lines = (await r.text()).trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!).result;
}

const cloudLinkOf = (db: string) => {
  const r = spawnSync(process.execPath, [BIN, 'unit', '--db', db], { encoding: 'utf8' });
  return r.stdout;
};

describe('the catalog file alone', () => {
  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`holds the window's edits after ${signal}`, async () => {
      const dir = join(tempDir(), '目录 完整');
      const file = await writeBatch(dir, validBatch());
      const db = join(dir, 'catalog.sqlite');
      expect(spawnSync(process.execPath, [BIN, 'import', file, '--db', db]).status).toBe(0);
      const { web, url } = await startWeb(db);
      const saved = await call(url, 'unit.update', {
        cloudLink: 'https://pan.baidu.com/s/1window-edit',
        cloudCode: 'wx12',
      });
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
      const created = await call(url, 'works.create', {
        category: 'microlecture',
        stage: 'primary',
        title: '窗口里新建的作品',
      });
      expect(created.ok).toBe(true);
      const exited = new Promise((r) => web.on('exit', r));
      web.kill(signal);
      await exited;
      // The file copied alone (a USB stick, a backup): no -wal beside it.
      const copy = join(dir, 'U盘', 'catalog.sqlite');
      mkdirSync(join(dir, 'U盘'));
      copyFileSync(db, copy);
      expect(existsSync(`${copy}-wal`)).toBe(false);
      expect(cloudLinkOf(copy)).toContain('https://pan.baidu.com/s/1window-edit');
      const check = spawnSync(process.execPath, [BIN, 'check', '--db', copy, '--json'], { encoding: 'utf8' });
      expect(check.stdout).toContain('窗口里新建的作品');
      if (signal === 'SIGINT') expect(existsSync(`${db}-wal`)).toBe(false);
    }, 60_000);
  }
});
