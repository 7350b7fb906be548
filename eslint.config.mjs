// Lint rules: typescript-eslint's recommended set, the rules of React hooks, and the layer rules
// that keep shared/ platform-neutral and electron imports confined to main.ts and preload.ts.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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

/**
 * A relative import that reaches into another layer's folder, at any depth (`../electron/x`,
 * `../../electron/service/y`): the folder names are top-level and used nowhere else.
 */
function layer(folder, from) {
  return {
    regex: `^(\\.\\.?/)+(.*/)?${folder}(/|$)`,
    message: `${from}/ may not import ${folder}/ (see the folder READMEs: each layer imports only what it may use).`,
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
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
          patterns: [layer('electron', 'shared'), layer('renderer', 'shared')],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeModules, ...nodeModules.map((m) => `node:${m}`)],
          patterns: [layer('electron', 'renderer')],
        },
      ],
      'react-hooks/rules-of-hooks': 'error',
      // A warning fails `npm run lint` (--max-warnings 0): each dependency left out says why.
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
);
