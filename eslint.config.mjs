import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Processes and domain code are pure: no framework, no store, no I/O, no hidden clock or randomness. */
const pureFolders = ['processes/**/*.ts', 'libs/*/src/domain/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', 'data/', 'apps/web/src/api/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // A focused or skipped test would pass CI while proving nothing; the gated suites skip by condition instead.
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['only', 'skip', 'todo'].map((property) => ({
            object,
            property,
            message: 'No focused, skipped or unfinished tests on main (DEVELOPERS.md, Standards).',
          })),
        ),
      ],
    },
  },
  {
    // Benchmarks and CI scripts report on stdout by design.
    files: ['bench/**', 'scripts/**'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: pureFolders,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', '@eventstore/*', 'better-sqlite3', 'node:*', ...builtinModules],
              message:
                'processes/ and domain code stay pure: frameworks, stores and Node built-ins belong in adapters (docs/adr/0001-toolchain-and-boundaries.md).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes from the command metadata (now), not the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time comes from the command metadata (now), not the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Ids and randomness come from the edge.',
        },
        { selector: "CallExpression[callee.name='randomUUID']", message: 'Ids come from the edge.' },
      ],
    },
  },
);
