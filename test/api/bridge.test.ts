// The loopback bridge: refuses without the token or with another Host, listens on 127.0.0.1 only, sends its CSP,
// and carries the typed API with streamed progress through the renderer's own HTTP client.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, startBridge, type Bridge } from '../../src/main/api/bridge.js';
import { closeSession, createSession } from '../../src/main/api/handlers.js';
import { localClient } from '../../src/main/api/dispatch.js';
import type { JobProgress } from '../../src/shared/api.js';
import { httpClient } from '../../src/renderer/api/http.js';
import { validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

let bridge: Bridge;
const session = createSession();

function raw(
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, method: o.method ?? 'GET', headers: o.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

beforeAll(async () => {
  const dir = tempDir();
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>报送助手</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  const api = localClient(session);
  await api.call('catalog.open', { path: join(dir, 'c.sqlite'), create: true });
  await api.call('batch.import', { path: await writeBatch(dir, validBatch()) });
  bridge = await startBridge({ session, staticDir });
});

afterAll(async () => {
  await bridge.close();
  closeSession(session);
});

describe('the HTTP bridge', () => {
  it('listens on 127.0.0.1 only, with a random token in the URL fragment', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('refuses an API call without the token, with a wrong token, or from another Host', async () => {
    const call = JSON.stringify({ method: 'catalog.info', args: {} });
    const json = { 'Content-Type': 'application/json' };
    expect((await raw('/api/call', { method: 'POST', headers: json, body: call })).status).toBe(401);
    expect(
      (await raw('/api/call', { method: 'POST', headers: { ...json, Authorization: 'Bearer nope' }, body: call }))
        .status,
    ).toBe(401);
    const rebinding = await raw('/api/call', {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${bridge.token}`, Host: 'evil.example:80' },
      body: call,
    });
    expect(rebinding.status).toBe(403);
    const ok = await raw('/api/call', {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${bridge.token}` },
      body: call,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the page with its CSP, and nothing outside the renderer folder', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.body).toContain('报送助手');
    expect((await raw('/../secret.txt')).status).toBe(404);
    expect((await raw('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('carries the typed API through the renderer client, with job progress streamed', async () => {
    const api = httpClient(`http://127.0.0.1:${bridge.port}`, bridge.token);
    const info = await api.call('catalog.info', {});
    expect(info.ok && info.value.works).toBe(2);
    const progress: JobProgress[] = [];
    const report = await api.call('check.run', {}, { onProgress: (p) => progress.push(p) });
    expect(report.ok && report.value.errors).toBe(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'inspect', done: 12, total: 12 });
    expect(await api.call('check.run', { bogus: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'bad-args' },
    });
    expect(await httpClient(`http://127.0.0.1:${bridge.port}`, 'wrong').call('catalog.info', {})).toMatchObject({
      ok: false,
    });
  });
});
