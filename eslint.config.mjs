// Lint rules: typescript-eslint's recommended set, and a wall that keeps the engine free of editor and I/O imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const engineOnlyPure = {
  paths: [
    { name: 'vscode', message: 'src/engine is pure: the editor lives in src/extension.' },
    { name: 'fs', message: 'src/engine reads no files: pass text in.' },
    { name: 'node:fs', message: 'src/engine reads no files: pass text in.' },
    { name: 'fs/promises', message: 'src/engine reads no files: pass text in.' },
    { name: 'node:fs/promises', message: 'src/engine reads no files: pass text in.' },
    { name: 'http', message: 'src/engine makes no network calls.' },
    { name: 'https', message: 'src/engine makes no network calls.' },
    { name: 'child_process', message: 'src/engine runs no processes.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.generated.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', engineOnlyPure],
      'no-restricted-globals': ['error', { name: 'Date', message: 'src/engine has no clock: use the simulated time.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/engine is deterministic.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
