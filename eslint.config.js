// Flat config. Type-aware rules need the TS program; boundaries between layers are enforced here
// (and proven by electron/core/boundaries.test.ts).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = {
  name: 'electron',
  message: 'This layer runs without Electron; inject what you need.',
};
const noDynamicElectron = [
  {
    selector: "ImportExpression[source.value='electron']",
    message: 'This layer runs without Electron.',
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
    message: 'This layer runs without Electron.',
  },
];

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.cache/', 'servers/*/dist/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
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
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Core, shared contract and CLI are plain Node: never Electron, not even its types.
    files: ['electron/core/**', 'electron/shared/**', 'electron/cli/**', 'servers/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport] }],
      'no-restricted-syntax': ['error', ...noDynamicElectron],
    },
  },
  {
    // The contract is imported by the renderer and preload: it depends on nothing but zod.
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            { regex: '(^|/)(core|main|preload|cli)(/|$)', message: 'shared may not depend on other layers.' },
            { regex: '^node:', message: 'shared runs in the browser too.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the core only through the contract in electron/shared.
    files: ['renderer/**'],
    ignores: ['renderer/*.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            {
              regex: '(^|/)electron/(?!shared(/|$))',
              message: 'The renderer may import only electron/shared.',
            },
            { regex: '^node:', message: 'The renderer runs in a browser.' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...noDynamicElectron],
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
