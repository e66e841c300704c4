// The house lint rules' shape, for the tests that import them (test/unit/lint-rules.test.ts).
import type { Rule } from 'eslint';

declare const house: { meta: { name: string }; rules: Record<'no-cli-flags' | 'no-inline-scroll', Rule.RuleModule> };
export default house;
