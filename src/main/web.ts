// `npm run web`: the UI in a plain browser, over the loopback HTTP bridge (no Electron needed).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBridge } from './api/bridge.js';
import { localClient } from './api/dispatch.js';
import { closeSession, createSession } from './api/handlers.js';
import { appResources } from './resources.js';

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' } },
  allowPositionals: false,
});
const staticDir = appResources().rendererDir;
const session = createSession();
if (values.db) {
  const opened = await localClient(session).call('catalog.open', { path: values.db, create: true });
  if (!opened.ok) {
    process.stderr.write(`错误：${opened.error.message}\n`);
    process.exit(2);
  }
}
const bridge = await startBridge({
  session,
  staticDir: existsSync(staticDir) ? staticDir : undefined,
  port: values.port ? Number(values.port) : 0,
});
process.stdout.write(
  `报送助手(浏览器模式)：请在本机浏览器中打开\n${bridge.url}\n(仅本机 127.0.0.1 可访问；按 Ctrl-C 结束)\n`,
);
// Ctrl-C (as the message says), a terminal closed, a kill: the catalog is closed first — its log folded into the
// file, so that the file alone holds every edit — then the bridge, without waiting for the page's open connection.
const stop = () => {
  closeSession(session);
  void bridge.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
