// ESLint: typescript-eslint's recommended rules, React's hooks rules in the window, no import cycle, the layers as
// restricted imports (the compiler enforces them too: tsconfig per layer; the import graph: test/unit/architecture),
// and the house rules (eslint-rules/). Formatting is Prettier's (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import house from './eslint-rules/index.js';

/** Parts of src/main below the API: none of them may import it (one path for every caller). */
const BELOW_API = [
  'services',
  'catalog',
  'export',
  'forms',
  'intake',
  'inspect',
  'fix',
  'province',
  'demo',
  'docs',
  'fs',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'release/',
      'native/',
      'resources/',
      'test-results/',
      'node_modules/',
      '**/*.d.ts',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, house },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.cts', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.cjs': ['.cts', '.cjs'] },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Types are erased: `import type` keeps type-only imports out of the module graph that runs.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'house/no-cli-flags': 'error',
      // Chinese text is set with full-width spaces (　) in comments, strings and patterns alike.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true },
      ],
    },
  },
  {
    files: ['src/main/cli.ts', 'src/main/cli/**'],
    rules: { 'house/no-cli-flags': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The rules of hooks; the React Compiler's own rules (purity, refs, set-state-in-effect) are for code the
      // compiler rewrites, which this window is not.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'house/no-inline-scroll': 'error',
      // A component subscribes to what it shows (a selector, several with useShallow): the whole store would
      // re-render it on every progress tick.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='useStore'][arguments.length=0]",
          message:
            'useStore() subscribes to the whole store: select what the component shows (useStore((s) => …), useShallow)',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', 'node:*', 'electron'], message: 'the window reaches main only through the API' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', 'node:*', 'electron', 'react'],
              message: 'shared code runs in the window and in main alike',
            },
          ],
        },
      ],
    },
  },
  ...BELOW_API.map((part) => ({
    files: [`src/main/${part}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../api/*', '../api/**'],
              message: 'below the API: use src/main/services (the API sits on them, never the reverse)',
            },
            {
              group: ['../cli/*', '../cli.js', '../index.js', '../web.js'],
              message: 'only the entry points start things',
            },
            ...(part === 'forms' || part === 'intake'
              ? [{ group: ['../export/*'], message: 'forms and intake are used by the export, not users of it' }]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: [
      'test/**/*.ts',
      'bench/**/*.{ts,mjs}',
      'scripts/**/*.mjs',
      'bin/**/*.js',
      'eslint-rules/**/*.js',
      '*.config.{js,ts}',
    ],
    rules: {
      // Tests reach into what they test and build odd inputs on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'house/no-cli-flags': 'off',
      // Tests build NUL bytes and control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/helpers/*.cjs', 'test/helpers/*.d.mts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
