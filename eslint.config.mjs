// Lint rules: typescript-eslint's recommended set, and a wall that keeps the engine free of editor and I/O imports.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const nodeMessage =
  'src/engine is pure: Node belongs to src/cli and src/extension (src/engine/tsconfig.json has no Node types).';
const engineImports = [
  { name: 'vscode', message: 'src/engine is pure: the editor lives in src/extension.' },
  { name: 'fs', message: 'src/engine reads no files: pass text in.' },
  { name: 'node:fs', message: 'src/engine reads no files: pass text in.' },
  { name: 'fs/promises', message: 'src/engine reads no files: pass text in.' },
  { name: 'node:fs/promises', message: 'src/engine reads no files: pass text in.' },
  { name: 'http', message: 'src/engine makes no network calls.' },
  { name: 'https', message: 'src/engine makes no network calls.' },
  { name: 'child_process', message: 'src/engine runs no processes.' },
];
const engineOnlyPure = {
  paths: [
    ...engineImports,
    ...builtinModules
      .filter((name) => !engineImports.some((i) => i.name === name))
      .map((name) => ({ name, message: nodeMessage })),
  ],
  patterns: [{ group: ['node:*'], message: nodeMessage }],
};

// The host's globals. The engine's own tsconfig already leaves them undeclared; this names the reason in the editor.
const hostGlobals = ['process', 'Buffer', 'require', 'module', '__dirname', 'window', 'document', 'performance'].map(
  (name) => ({ name, message: 'src/engine is pure: pass what it needs in from the CLI or the extension.' }),
);

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
    // Manifests, snapshots and scripts are the user's text: a regex that backtracks or moves super-linearly on them
    // freezes the editor (an echo with 8 KB of spaces took 60 s). Parse such text by hand instead.
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': ['error', { ignorePartial: false }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', engineOnlyPure],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'src/engine has no clock: use the simulated time.' },
        { name: 'setTimeout', message: 'src/engine has no clock: use the simulated time.' },
        ...hostGlobals,
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/engine is deterministic.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
