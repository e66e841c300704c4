// 邮件.txt says what the package holds and, by name, each signed and stamped scan still missing — a scan the
// catalog never had included, not only one whose file is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

describe('邮件.txt', () => {
  it('names each missing scan (a work’s recommendation never added, the unit’s report) and counts the scans held', async () => {
    const dir = tempDir();
    const w2 = microlecture('w2', '王芳', { title: '分数的初步认识' });
    w2.files = w2.files.filter((f: { role: string }) => f.role !== 'recommendation-scan');
    const batch = validBatch([microlecture('w1', '张强'), w2]);
    batch.unit.files = batch.unit.files.filter((f: { role: string }) => f.role !== 'report-scan');
    const session = createSession();
    const api = localClient(session);
    await api.call('catalog.open', { path: join(dir, 'c.sqlite'), create: true });
    expect((await api.call('batch.import', { path: await writeBatch(dir, batch) })).ok).toBe(true);
    const r = await api.call('mail.run', { out: join(dir, '邮件') });
    expect(r.ok).toBe(true);
    const note = readFileSync(join(dir, '邮件', '邮件.txt'), 'utf8');
    expect(note).toMatch(/Word\/Excel 版，和 \d+ 个签字盖章扫描件/);
    expect(note).toContain('尚缺的签字盖章扫描件(2 个，补齐后重新生成)');
    expect(note).toContain('《分数的初步认识》(王芳)：推荐意见');
    expect(note).toMatch(/组织单位：.*工作报告/);
    closeSession(session);
  });
});
