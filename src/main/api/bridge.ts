// The loopback HTTP bridge: the same typed API as the Electron IPC, for a plain browser (`npm run web`) and for
// end-to-end tests. Bound to 127.0.0.1 only; every API call carries a random token; the Host header must be ours
// (DNS rebinding); no CORS headers; the page gets a strict CSP. Job progress streams back as NDJSON lines.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { jsonDepth } from '../../shared/text.js';
import { dispatch } from './dispatch.js';
import type { Session } from './handlers.js';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface Bridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** The API's arguments are shallow (a work is four levels deep); anything deeper is not a call of ours. */
const MAX_DEPTH = 32;

/** A request path decoded, or null where its escapes are not valid UTF-8 percent-encoding. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Refused, but read to the end (and dropped), so that the 413 reaches the caller.
        chunks.length = 0;
        reject(new Error('body too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tokenOk(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''), 'utf8');
  const want = Buffer.from(token, 'utf8');
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Serves the built renderer (read-only, inside staticDir only) and the API at POST /api/call. */
export function startBridge(options: { session: Session; staticDir?: string; port?: number }): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // The Host must be this loopback address: a page from elsewhere that rebinds a name to 127.0.0.1 is refused.
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`)
      return send(res, 403, 'forbidden host');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return send(res, 400, 'bad request target');
    }
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'POST only');
      if (!tokenOk(req, token)) return send(res, 401, 'token required');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(res, 415, 'application/json only');
      // A malformed call still gets the API's envelope, so that the client shows a message like any other.
      const malformed = (status: number, message: string) =>
        send(
          res,
          status,
          `${JSON.stringify({ result: { ok: false, error: { code: 'bad-args', message } } })}\n`,
          'application/json; charset=utf-8',
        );
      let body: string;
      try {
        body = await readBody(req);
      } catch {
        res.setHeader('Connection', 'close');
        return malformed(413, `请求太大(最多 ${MAX_BODY / 1024 / 1024} MB)`);
      }
      if (jsonDepth(body) > MAX_DEPTH) return malformed(400, `请求嵌套太深(超过 ${MAX_DEPTH} 层)`);
      let call: unknown;
      try {
        call = JSON.parse(body);
      } catch {
        return malformed(400, '请求不是有效的 JSON');
      }
      if (
        call === null ||
        typeof call !== 'object' ||
        Array.isArray(call) ||
        typeof (call as { method?: unknown }).method !== 'string'
      ) {
        return malformed(400, '请求的格式应为 {"method": "…", "args": {…}}');
      }
      const { method, args } = call as { method: string; args?: unknown };
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
      const result = await dispatch(options.session, method as never, args, {
        signal: controller.signal,
        onProgress: (p) => res.write(`${JSON.stringify({ progress: p })}\n`),
      });
      res.end(`${JSON.stringify({ result })}\n`);
      return;
    }
    if (req.method !== 'GET' || !options.staticDir) return send(res, 404, 'not found');
    const decoded = decodePath(url.pathname === '/' ? '/index.html' : url.pathname);
    if (decoded === null || decoded.includes('\0')) return send(res, 400, 'bad path');
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(options.staticDir, rel);
    if (!file.startsWith(options.staticDir + sep) || !existsSync(file) || !statSync(file).isFile())
      return send(res, 404, 'not found');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
  // One error boundary around every request: whatever a request does, it gets an answer and the bridge serves on.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });
  // The page keeps its connection between calls; a short idle timeout races with a call reusing it (the browser
  // then reports the call as failed). Only our own page talks to this server.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
