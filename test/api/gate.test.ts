// Calls on one session overlap (the window, the bridge); catalog.open swaps the database under them. The gate makes
// an open wait for the calls running, and later calls wait for the open: a long export finishes on the database it
// started on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../src/main/api/dispatch.js';
import { Gate } from '../../src/main/api/gate.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import { microlecture, validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';
import { deferred, settle, type Deferred } from '../helpers/deferred.js';

/** A job that logs its start, waits for the test to let it end, and logs its end. */
function jobs(log: string[]) {
  const gates = new Map<string, Deferred>();
  const job = (name: string) => async () => {
    log.push(`${name}+`);
    const d = deferred();
    gates.set(name, d);
    await d.promise;
    log.push(`${name}-`);
  };
  const end = async (name: string) => {
    await settle();
    gates.get(name)!.resolve();
    await settle();
  };
  return { job, end };
}

describe('the gate', () => {
  it('runs ordinary calls together, an exclusive one alone, in the order they came', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const { job, end } = jobs(log);
    const all = Promise.all([
      gate.run(false, job('a')),
      gate.run(false, job('b')),
      gate.run(true, job('open')),
      gate.run(false, job('c')),
    ]);
    await settle();
    // The two reads run together; the open waits for both, and the read after it waits for the open.
    expect(log).toEqual(['a+', 'b+']);
    await end('b');
    expect(log).toEqual(['a+', 'b+', 'b-']);
    await end('a');
    expect(log).toEqual(['a+', 'b+', 'b-', 'a-', 'open+']);
    await end('open');
    await end('c');
    await all;
    expect(log).toEqual(['a+', 'b+', 'b-', 'a-', 'open+', 'open-', 'c+', 'c-']);
  });

  it('a failing call still lets the next one in', async () => {
    const gate = new Gate();
    await expect(gate.run(true, async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await gate.run(false, async () => 1)).toBe(1);
  });
});

describe('catalog.open during an export on the same session', () => {
  it('waits until the export is done; the export completes on its own catalog', async () => {
    const dir = tempDir();
    const session = createSession();
    const api = localClient(session);
    const first = join(dir, 'a.sqlite');
    const second = join(dir, 'b.sqlite');
    expect((await api.call('catalog.open', { path: first, create: true })).ok).toBe(true);
    expect(
      (
        await api.call('batch.import', {
          path: await writeBatch(join(dir, 'a'), validBatch([microlecture('w1', '张强'), microlecture('w2', '王芳')])),
        })
      ).ok,
    ).toBe(true);
    let openedAt = 0;
    let exportedAt = 0;
    let open: Promise<unknown> | null = null;
    const exported = api
      .call(
        'export.run',
        { out: join(dir, '导出') },
        {
          onProgress: () => {
            // In the middle of the export, the window (or another caller) opens another catalog.
            open ??= api.call('catalog.open', { path: second, create: true }).then((r) => ((openedAt = Date.now()), r));
          },
        },
      )
      .then((r) => ((exportedAt = Date.now()), r));
    const r = await exported;
    expect(r).toMatchObject({ ok: true });
    expect(open).not.toBeNull();
    expect(await open).toMatchObject({ ok: true, value: { path: second } });
    expect(openedAt).toBeGreaterThanOrEqual(exportedAt);
    expect(existsSync(join(dir, '导出', 'manifest.sha256'))).toBe(true);
    const info = await api.call('catalog.info', {});
    expect(info).toMatchObject({ ok: true, value: { path: second } });
    closeSession(session);
  }, 60_000);
});

describe('access by declaration', () => {
  it('writes run one at a time, reads beside them', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const { job, end } = jobs(log);
    const all = Promise.all([gate.run('write', job('w1')), gate.run('write', job('w2')), gate.run('read', job('r'))]);
    await settle();
    // The read beside the first write; the second write waits.
    expect([...log].sort()).toEqual(['r+', 'w1+']);
    await end('r');
    await end('w1');
    await end('w2');
    await all;
    // The read ran inside the first write; the second write started only after the first ended.
    expect(log.indexOf('r+')).toBeLessThan(log.indexOf('w1-'));
    expect(log.indexOf('r-')).toBeLessThan(log.indexOf('w1-'));
    expect(log.slice(-3)).toEqual(['w1-', 'w2+', 'w2-']);
  });

  it('a failed write lets the next one in', async () => {
    const gate = new Gate();
    await expect(gate.run('write', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await gate.run('write', async () => 2)).toBe(2);
  });

  it('every method that changes the catalog is declared a write, catalog.open an open', async () => {
    const { api, accessOf } = await import('../../src/shared/api.js');
    const changes = /\.(create|update|updateMany|delete|import|add|remove|restore|setRole|setAuthors|reorder|confirm)$/;
    // What each does is tested in access.test.ts; here the names: a method named for a change is a write, unless it
    // works on a folder of its own (the province's, the sample's) and never on the session's catalog.
    for (const method of Object.keys(api) as (keyof typeof api)[]) {
      if (method === 'catalog.open') expect(accessOf(method)).toBe('open');
      else if (method.startsWith('province.') || method === 'demo.create') expect(accessOf(method)).toBe('folder');
      else if (changes.test(method)) expect([method, accessOf(method)]).toEqual([method, 'write']);
      else expect([method, accessOf(method)]).toEqual([method, expect.stringMatching(/^(read|record)$/)]);
    }
  });

  it('calls on one folder run one at a time, beside the catalog calls', async () => {
    const gate = new Gate();
    const log: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = gate.run(
      'folder',
      async () => {
        log.push('a+');
        await held;
        log.push('a-');
      },
      '/p',
    );
    const second = gate.run(
      'folder',
      async () => {
        log.push('b+');
      },
      '/p',
    );
    const other = gate.run(
      'folder',
      async () => {
        log.push('c+');
      },
      '/q',
    );
    const write = gate.run('write', async () => {
      log.push('w+');
    });
    await Promise.all([other, write]);
    expect(log).toEqual(['a+', 'c+', 'w+']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['a+', 'c+', 'w+', 'a-', 'b+']);
  });

  it('two edits of one work from two callers both land, one after the other', async () => {
    const dir = tempDir();
    const session = createSession();
    const api = localClient(session);
    await api.call('catalog.open', { path: join(dir, 'a.sqlite'), create: true });
    await api.call('batch.import', {
      path: await writeBatch(join(dir, 'a'), validBatch([microlecture('w1', '张强')])),
    });
    const works = await api.call('works.list', {});
    const id = works.ok ? works.value[0]!.id : 0;
    const [a, b] = await Promise.all([
      api.call('works.update', { id, patch: { title: '甲' } }),
      api.call('works.update', { id, patch: { subject: '数学' } }),
    ]);
    expect(a).toMatchObject({ ok: true, value: { title: '甲' } });
    expect(b).toMatchObject({ ok: true, value: { title: '甲', subject: '数学' } });
    expect(await api.call('works.delete', { id: 999 })).toMatchObject({
      ok: false,
      error: { message: '目录中没有作品 id:999' },
    });
    closeSession(session);
  });
});
