// The window's page comes from our own scheme, app://baosong/…, not from file://: a file:// page may read any file
// the user can (and every file:// URL is "the same origin"); app:// serves the built renderer's folder and nothing
// else, with the bridge's Content-Security-Policy and security headers. And no web permission is ever granted:
// camera, microphone, notifications, geolocation… are refused without asking.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol, Session } from 'electron';
import { SECURITY_HEADERS, TYPES } from './api/bridge.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'baosong';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Before the app is ready: app:// is a standard, secure scheme (its own origin, fetch and workers allowed). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** The answer to one app:// request: a file inside `rootDir`, else 404; never a path outside it. */
export async function appResponse(url: string, rootDir: string): Promise<Response> {
  const notFound = () => new Response('not found', { status: 404, headers: SECURITY_HEADERS });
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return notFound();
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return notFound();
  let path: string;
  try {
    path = decodeURIComponent(u.pathname === '/' ? '/index.html' : u.pathname);
  } catch {
    return notFound();
  }
  if (path.includes('\0')) return notFound();
  const file = join(rootDir, normalize(path).replace(/^([/\\])+/, ''));
  if (!file.startsWith(rootDir + sep)) return notFound();
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' },
    });
  } catch {
    return notFound();
  }
}

/** Once the app is ready: app:// served from the built renderer's folder. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rootDir));
}

/** Every web permission request and check is refused (the page needs none). */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
