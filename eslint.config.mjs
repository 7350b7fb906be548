// Lint rules: typescript-eslint's recommended set plus the layer rules that keep shared/
// platform-neutral and electron imports confined to main.ts and preload.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'http',
  'net',
  'worker_threads',
  'sqlite',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', ...nodeModules, ...nodeModules.map((m) => `node:${m}`)],
          patterns: ['../electron/*', '../renderer/*'],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeModules, ...nodeModules.map((m) => `node:${m}`)],
          patterns: ['../electron/*'],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
);
