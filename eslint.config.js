// Flat config. Type-aware rules need the TS program; boundaries between layers are enforced here
// (and proven by electron/core/boundaries.test.ts).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import unicorn from 'eslint-plugin-unicorn';

const electronImport = {
  name: 'electron',
  message: 'This layer runs without Electron; inject what you need.',
};
const restrictedSyntax = [
  {
    selector: "ImportExpression[source.value='electron']",
    message: 'This layer runs without Electron.',
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
    message: 'This layer runs without Electron.',
  },
  // `import { z }` takes zod's namespace object, which esbuild cannot shake: the bundle then
  // holds all of zod (its compiler, JSON Schema import), 390 KB of serve's start instead of 200.
  ...[
    "ImportDeclaration[source.value=/^zod(\\/|$)/][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
    'ImportDeclaration[source.value=/^zod(\\/|$)/] > ImportDefaultSpecifier',
    "ExportNamedDeclaration[source.value=/^zod(\\/|$)/] > ExportSpecifier[local.name='z']",
  ].map((selector) => ({
    selector,
    message: "Write import * as z from 'zod', so the bundle keeps only the parts of zod in use.",
  })),
];

// Test code: spec files, the test trees (the top-level test/, renderer/src/test, servers' test/)
// and the fixtures beside the tests that run them.
const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  'test/**',
  '**/test/**',
  '**/fixtures/**',
  'e2e/**',
  'scripts/**',
];
// Production code never imports the test tree: helpers live in test/, not beside the code.
const noTestTree = { regex: '(^|/)test/', message: 'Production code may not import test helpers (test/).' };

/** A layer's import rule, once for all its files and once, stricter, for its production files. */
function importRules(files, options, extra = {}) {
  const rule = (patterns) => ['error', { paths: [electronImport], patterns }];
  return [
    { files, ...extra, rules: { ...extra.rules, 'no-restricted-imports': rule(options.patterns ?? []) } },
    {
      files,
      ignores: [...(extra.ignores ?? []), ...TEST_FILES],
      rules: { 'no-restricted-imports': rule([...(options.patterns ?? []), noTestTree]) },
    },
  ];
}

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.cache/', 'servers/*/dist/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { unicorn },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Of unicorn, only this rule: file names are kebab-case.
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Core, CLI and the built-in servers are plain Node: never Electron, not even its types.
  ...importRules(
    ['electron/core/**', 'electron/cli/**', 'servers/**'],
    {},
    {
      rules: { 'no-restricted-syntax': ['error', ...restrictedSyntax] },
    },
  ),
  // The orphan guardian is its own small process (dist/guardian/guardian.cjs) that must start
  // fast and run alone: Node's own modules and its folder only.
  ...importRules(
    ['electron/core/supervisor/guardian/**'],
    {
      patterns: [
        { regex: '^(?!node:|\\./)', message: 'The guardian imports only node: modules and its own folder.' },
      ],
    },
    { ignores: ['**/*.test.ts'], rules: { 'no-restricted-syntax': ['error', ...restrictedSyntax] } },
  ),
  // The contract is imported by the renderer and preload: it depends on nothing but zod.
  ...importRules(
    ['electron/shared/**'],
    {
      patterns: [
        { regex: '(^|/)(core|main|preload|cli)(/|$)', message: 'shared may not depend on other layers.' },
        { regex: '^node:', message: 'shared runs in the browser too.' },
      ],
    },
    { rules: { 'no-restricted-syntax': ['error', ...restrictedSyntax] } },
  ),
  // The renderer talks to the core only through the contract in electron/shared.
  ...importRules(
    ['renderer/**'],
    {
      patterns: [
        { regex: '(^|/)electron/(?!shared(/|$))', message: 'The renderer may import only electron/shared.' },
        { regex: '^node:', message: 'The renderer runs in a browser.' },
      ],
    },
    {
      ignores: ['renderer/*.config.ts'],
      languageOptions: { globals: { ...globals.browser } },
      rules: { 'no-restricted-syntax': ['error', ...restrictedSyntax] },
    },
  ),
  // The shell: only main.ts takes Electron's values; every setup step gets them as parameters
  // (typed with Electron's types), so it runs under the doubles in test/main.
  {
    files: ['electron/main/**'],
    ignores: ['electron/main/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Take Electron objects as parameters; main.ts passes the real ones.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts and tests talk to people on the terminal.
    files: [
      'scripts/**',
      'e2e/**',
      'test/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '*.config.ts',
      'renderer/*.config.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
