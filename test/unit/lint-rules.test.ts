// The house rules that are lint rules (eslint-rules/), tested like any rule: each with code it must flag and code it
// must let through. `npm run lint` (run by .ci/run) applies them to the whole source.
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import tseslint from 'typescript-eslint';
import house from '../../eslint-rules/index.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-cli-flags: the window and the API name no command-line flag', house.rules['no-cli-flags'] as never, {
  valid: [
    { code: "const m = '有错误的作品：请先修改，或选择“仍然导出”';" },
    { code: "const flag = '--allow-errors';" }, // no Chinese: an identifier, not a message
    { code: 'const m = `共 ${n} 件作品`;' },
    { code: '// 用 --db 打开目录\nconst x = 1;' }, // a comment is no message
  ],
  invalid: [
    { code: "throw new Error('有错误的作品：加上 --allow-errors 仍然导出');", errors: [{ messageId: 'flag' }] },
    { code: 'const m = `缺少目录文件(--db ${path})`;', errors: [{ messageId: 'flag' }] },
    { code: 'const e = <p>请用 --out 指定文件夹</p>;', errors: [{ messageId: 'flag' }] },
  ],
});

tester.run('no-inline-scroll: only the main column scrolls', house.rules['no-inline-scroll'] as never, {
  valid: [
    { code: "const e = <div style={{ overflow: 'hidden' }} />;" },
    { code: "const s = { overflowWrap: 'anywhere' };" },
    { code: "const e = <div style={{ overflowY: 'visible' }} />;" },
  ],
  invalid: [
    { code: "const e = <div style={{ overflow: 'auto' }} />;", errors: [{ messageId: 'scroll' }] },
    { code: "const e = <ul style={{ overflowY: 'scroll', maxHeight: 300 }} />;", errors: [{ messageId: 'scroll' }] },
    { code: "const s = { 'overflow-x': 'auto' };", errors: [{ messageId: 'scroll' }] },
  ],
});
