// The bridge as a hostile page or program meets it: the real `web` process, raw HTTP over a socket. The cases an
// attack run found (bad escapes, a request target that is no URL, bodies that are not calls, arguments nested
// 100,000 deep) and a bounded fuzz of random paths, escapes, bodies and depths: every request gets an answer and
// the process is alive at the end, still serving the API.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validBatch, writeBatch } from '../helpers/batch.js';
import { tempDir } from '../helpers/files.js';

const WEB = fileURLToPath(new URL('../../dist/main/web.js', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/baosong.js', import.meta.url));

let web: ChildProcess;
let port = 0;
let token = '';
let exited: number | null | undefined;

/** One raw HTTP/1.1 request; resolves with the status code (0: the connection closed without an answer). */
function raw(head: string, body: string | Buffer = ''): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => socket.destroy(), 10_000);
    socket.on('data', (c) => (got += c.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0));
    });
    socket.on('error', () => undefined);
    const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    socket.write(
      Buffer.concat([
        Buffer.from(
          `${head}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nContent-Length: ${b.length}\r\n\r\n`,
          'latin1',
        ),
        b,
      ]),
    );
  });
}

const get = (target: string) => raw(`GET ${target} HTTP/1.1`);
const call = (body: string | Buffer, auth = token) =>
  raw(`POST /api/call HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${auth}`, body);

async function alive(): Promise<void> {
  expect(exited).toBeUndefined();
  expect(await call(JSON.stringify({ method: 'catalog.info', args: {} }))).toBe(200);
  expect(await get('/')).toBe(200);
}

beforeAll(async () => {
  const dir = tempDir();
  const batch = await writeBatch(dir, validBatch());
  const { spawnSync } = await import('node:child_process');
  expect(spawnSync(process.execPath, [BIN, 'import', batch, '--db', join(dir, 'c.sqlite')]).status).toBe(0);
  web = spawn(process.execPath, [WEB, '--db', join(dir, 'c.sqlite')], { stdio: ['ignore', 'pipe', 'pipe'] });
  web.on('exit', (code) => (exited = code));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    web.stdout!.on('data', (c) => {
      out += c;
      const m = /127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(out);
      if (m) {
        port = Number(m[1]);
        token = m[2]!;
        resolve();
      }
    });
    web.on('exit', () => reject(new Error(`web exited: ${out}`)));
  });
}, 60_000);

afterAll(() => void web?.kill());

describe.skipIf(!existsSync(WEB))('the bridge survives any request (skipped until npm run build)', () => {
  it('answers bad escapes and a request target that is no URL with 400, without the token', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/%ff', '/assets/%', '/%00'])
      expect([target, await get(target)]).toEqual([target, 400]);
    expect(await get('/..%2f..%2fsecret')).toBe(404);
    expect(await get('http://[')).toBe(400);
    expect(await raw('GET  HTTP/1.1')).toBe(400);
    await alive();
  });

  it('answers calls that are not calls: null, a method without a string, arguments nested 100,000 deep, 2 MB', async () => {
    expect(await call('null')).toBe(400);
    expect(await call('[]')).toBe(400);
    expect(await call('"x"')).toBe(400);
    expect(await call('{"method":{"toString":null}}')).toBe(400);
    expect(await call('{"method":"catalog.info","args":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}')).toBe(400);
    expect(await call(`{"method":"catalog.info","args":{"a":${'{"a":'.repeat(20)}1${'}'.repeat(20)}}}`)).toBe(200);
    expect(await call(Buffer.alloc(2 * 1024 * 1024, 0x20))).toBe(413);
    expect(await call('{"method":"nope"}')).toBe(200);
    expect(await call('{"method":"catalog.info"}', 'wrong')).toBe(401);
    // With the token, a malformed call is answered in the API's own envelope.
    const r = await fetch(`http://127.0.0.1:${port}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: 'null',
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ result: { ok: false, error: { code: 'bad-args' } } });
    await alive();
  });

  it('fuzz: random paths, escapes, bodies and depths; every request answered, alive at the end', async () => {
    let seed = 20261204;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pick = <T>(xs: T[]) => xs[rand(xs.length)]!;
    const piece = () =>
      pick([
        () => `%${rand(256).toString(16).padStart(2, '0')}`,
        () => `%${pick(['', 'f', 'G', 'zz', 'E0%A4'])}`,
        () => pick(['..', '.', '/', '//', '\\', 'assets', 'index.html', '报送', '%2e%2e', '%2f', '?', '#', ';', '~']),
        () => String.fromCharCode(33 + rand(94)),
      ])();
    const body = () =>
      pick([
        () => 'x'.repeat(rand(50)),
        () => '{'.repeat(rand(5000)),
        () =>
          `{"method":"${pick(['catalog.info', 'works.list', 'check.run', 'fs.list', 'toString', '__proto__', ''])}","args":${pick(['null', '1', '"s"', '[]', '{}', '{"dir":"/"}', '{"path":null}', '{"__proto__":{"x":1}}', '['.repeat(rand(200)) + ']'.repeat(rand(200))])}}`,
        () => Buffer.from(Array.from({ length: rand(400) }, () => rand(256))).toString('latin1'),
        () => JSON.stringify({ method: 'works.update', args: { id: rand(5), title: 'x'.repeat(rand(3000)) } }),
      ])();
    const started = Date.now();
    let answered = 0;
    let sent = 0;
    while (Date.now() - started < 45_000 && sent < 1500) {
      const batch = Array.from({ length: 10 }, () => {
        sent += 1;
        if (rand(2) === 0) return get(`/${Array.from({ length: 1 + rand(8) }, piece).join('')}`);
        return call(body(), rand(10) === 0 ? 'wrong' : token);
      });
      for (const status of await Promise.all(batch)) if (status >= 200) answered += 1;
      expect(exited).toBeUndefined();
    }
    expect(sent).toBeGreaterThan(300);
    expect(answered).toBe(sent);
    await alive();
  }, 120_000);
});
