import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const GATED = 'event store contract: EventStoreDB (skipped: EVENTSTOREDB_CONNECTION_STRING is not set)';
const dir = mkdtempSync(join(tmpdir(), 'test-summary-'));

const test = (status: string, suite = 'a suite') => ({
  status,
  ancestorTitles: [suite],
  fullName: `${suite} t`,
});
function summarise(report: object): { code: number; output: string } {
  const file = join(dir, `${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(report));
  try {
    return {
      code: 0,
      output: execFileSync('node', ['scripts/test-summary.mjs', file], { encoding: 'utf8' }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, output: failed.stdout };
  }
}
const reportOf = (tests: object[], extra: object = {}) => ({
  success: true,
  testResults: [{ status: 'passed', assertionResults: tests }],
  ...extra,
});

describe('the CI summary', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given only passes and the gated suite skipped, then it is green and names the skip', () => {
    const { code, output } = summarise(reportOf([test('passed'), ...Array(56).fill(test('skipped', GATED))]));
    expect(code).toBe(0);
    expect(output).toContain(`skipped 56 in "${GATED}"`);
    expect(output).toContain('tests: 1 passed, 0 failed, 56 skipped');
  });

  it.each([
    ['the report says it did not succeed', reportOf([test('passed')], { success: false })],
    ['a test is skipped outside the gated suite', reportOf([test('passed'), test('skipped', 'other')])],
    [
      'the gated suite skips more than expected',
      reportOf([test('passed'), ...Array(57).fill(test('skipped', GATED))]),
    ],
    ['a test failed', reportOf([test('passed'), test('failed')])],
    ['nothing passed', reportOf([])],
  ])('given %s, then it is red', (_case, report) => {
    expect(summarise(report).code).toBe(1);
  });

  it.each(['it.only', 'describe.only', 'test.skip', 'it.todo'])(
    'given %s in a spec, then lint refuses it',
    async (call) => {
      const [result] = await new ESLint().lintText(`${call}('x', () => undefined);\n`, {
        filePath: 'test/x.spec.ts',
      });
      expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-properties');
    },
  );
});
