#!/usr/bin/env node
// The `baosong` command: runs the compiled CLI (built by `npm run build`, which `prepare` runs on install).
import { main } from '../dist/main/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`错误：${error?.message ?? error}\n`);
    process.exitCode = 2;
  },
);
