// `node --import` this to run the installed app's files as Electron's runtime would (the main process, or the
// CLI under ELECTRON_RUN_AS_NODE): process.versions.electron is set, and `electron` is the recording stub.
// Nothing else changes: every other module, native addon and binary is the installed tree's own.
import { register } from 'node:module';

Object.defineProperty(process.versions, 'electron', { value: '39.8.10', enumerable: true });
register(
  'data:text/javascript,' +
    encodeURIComponent(`
const stub = ${JSON.stringify(new URL('./electron-module.mjs', import.meta.url).href)};
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: stub, shortCircuit: true };
  return next(specifier, context);
}`),
);
