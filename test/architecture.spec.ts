import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleViolations(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('architecture boundaries, enforced by lint', () => {
  it.each([
    ["import { Injectable } from '@nestjs/common';", 'no-restricted-imports'],
    ["import { EventStoreDBClient } from '@eventstore/db-client';", 'no-restricted-imports'],
    ["import Database from 'better-sqlite3';", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ["import { readFileSync } from 'fs';", 'no-restricted-imports'],
    ['export const at = new Date();', 'no-restricted-syntax'],
    ['export const at = Date.now();', 'no-restricted-syntax'],
    ['export const r = Math.random();', 'no-restricted-syntax'],
  ])('given processes/ code doing `%s`, then lint refuses it', async (code, rule) => {
    expect(await ruleViolations(`${code}\n`, 'processes/example/example.machine.ts')).toContain(rule);
    expect(await ruleViolations(`${code}\n`, 'libs/engine/src/domain/example.ts')).toContain(rule);
    expect(await ruleViolations(`${code}\n`, 'libs/workflow/src/example.ts')).toContain(rule);
  });

  it.each([
    "import { ROLE_LABELS } from '@app/engine';",
    "import { PROCESS_DEFINITIONS } from '@app/processes';",
  ])('given the workflow library importing the case model (`%s`), then lint refuses it', async (code) => {
    expect(await ruleViolations(`${code}\nexport { };\n`, 'libs/workflow/src/export/example.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it.each([
    ["import { ListCasesQuery } from '@app/projections';", 'libs/access/src/visibility/example.ts'],
    ["import { AccessLog } from '@app/access';", 'libs/read-model/src/example.ts'],
    ["import { ProjectionRunner } from '@app/projections';", 'libs/read-model/src/example.ts'],
  ])('given `%s` in %s, a lower layer importing a higher one, then lint refuses it', async (code, file) => {
    expect(await ruleViolations(`${code}\nexport { };\n`, file)).toContain('no-restricted-imports');
  });

  it('given the projections importing the access feature and the read-model toolkit, then lint allows it', async () => {
    expect(
      await ruleViolations(
        "import { visibleCases } from '@app/access';\nimport { ReadModelDb } from '@app/read-model';\nexport { visibleCases, ReadModelDb };\n",
        'libs/projections/src/case-list/example.ts',
      ),
    ).toEqual([]);
  });

  it('given the same import in an adapter, then lint allows it', async () => {
    expect(
      await ruleViolations(
        "import Database from 'better-sqlite3';\nexport { Database };\n",
        'libs/event-store/src/sqlite/x.ts',
      ),
    ).toEqual([]);
  });

  it('given domain code parsing a date it was given, then lint allows it (only reading the clock is banned)', async () => {
    expect(
      await ruleViolations(
        'export const at = (iso: string) => new Date(iso);\n',
        'libs/engine/src/domain/due.ts',
      ),
    ).toEqual([]);
  });

  it('given pure process code, then lint is silent', async () => {
    expect(
      await ruleViolations(
        'export const title = { sv: "Impuls" };\n',
        'processes/example/example.machine.ts',
      ),
    ).toEqual([]);
  });
});
