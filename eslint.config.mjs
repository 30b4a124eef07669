import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Processes and domain code are pure: no framework, no store, no I/O, no hidden clock or randomness. */
const pureFolders = ['processes/**/*.ts', 'libs/*/src/domain/**/*.ts', 'libs/workflow/src/**/*.ts'];
/** Frameworks, stores and Node built-ins belong in adapters. Listed again in the workflow library's rule, since a later rule replaces an earlier one. */
const pureMessage =
  'processes/, domain code and the workflow library stay pure: frameworks, stores and Node built-ins belong in adapters (docs/adr/0001-toolchain-and-boundaries.md).';
const pureImports = {
  group: ['@nestjs/*', '@eventstore/*', 'better-sqlite3', 'node:*'],
  message: pureMessage,
};
/** Built-ins by exact name: as patterns, `domain` would also match every path through a domain/ folder. */
const builtinPaths = builtinModules.map((name) => ({ name, message: pureMessage }));

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
          paths: builtinPaths,
          patterns: [pureImports],
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
  {
    // The read-model toolkit sits under every read model, the access feature's included.
    files: ['libs/read-model/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/access', '@app/projections', '@app/projections/*'],
              message:
                'The read-model toolkit knows no read model: access and the projections build on it (docs/adr/0019-one-access-feature.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // Access is one feature under the projections: their queries filter through its visibility rule.
    files: ['libs/access/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/projections', '@app/projections/*'],
              message:
                'The access feature sits under the projections, which filter through it (docs/adr/0019-one-access-feature.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // The generic library under the case model: it may know XState, never roles, BIP or the toolbox.
    files: ['libs/workflow/src/**/*.ts'],
    ignores: ['libs/workflow/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths,
          patterns: [
            pureImports,
            {
              group: [
                '@app/engine',
                '@app/engine/*',
                '@app/projections',
                '@app/projections/*',
                '@app/processes',
                '@app/access',
              ],
              message:
                'The workflow library knows no case model: the case, its roles and the toolbox build on it (docs/adr/0018-workflow-library.md).',
            },
          ],
        },
      ],
    },
  },
);
