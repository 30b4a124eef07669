// Prints the closing line CI reads ("tests: N passed, N failed, N skipped"), after naming
// every skipped suite with its reason, from vitest's JSON report. Exits 1 when the report
// is missing, says it did not succeed, shows a failure, or skips a test that is not
// expected to be skipped here: a crashed run, a lost test or a new skip can never look green.
import { readFileSync } from 'node:fs';

/**
 * The only tests allowed to be skipped, by suite title, and how many at most: suites
 * that need a server this machine may not have. Each title names its reason.
 */
const EXPECTED_SKIPS = {
  'event store contract: EventStoreDB (skipped: EVENTSTOREDB_CONNECTION_STRING is not set)': 56,
  'EventStoreDB adapter (skipped: EVENTSTOREDB_CONNECTION_STRING is not set)': 10,
  'event store outage (skipped: EVENTSTOREDB_CONNECTION_STRING is not set)': 1,
};

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`no test report at ${file}: ${error.message}`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

const tests = report.testResults.flatMap((file) => file.assertionResults);
const count = (status) => tests.filter((t) => t.status === status).length;
const passed = count('passed');
const skipped = tests.filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo');
const failedFiles = report.testResults.filter(
  (f) => f.status === 'failed' && f.assertionResults.every((t) => t.status !== 'failed'),
);
const failed = count('failed') + failedFiles.length;

const skippedSuites = new Map();
for (const test of skipped) {
  const suite = test.ancestorTitles[0] ?? test.fullName;
  skippedSuites.set(suite, (skippedSuites.get(suite) ?? 0) + 1);
}
const problems = [];
for (const [suite, n] of skippedSuites) {
  console.log(`skipped ${n} in "${suite}"`);
  const allowed = EXPECTED_SKIPS[suite];
  if (allowed === undefined) problems.push(`"${suite}" skips ${n} test(s) and is not an expected skip`);
  else if (n > allowed) problems.push(`"${suite}" skips ${n} tests, more than the ${allowed} expected`);
}
for (const f of failedFiles) console.log(`failed to run: ${f.name}: ${f.message}`);
if (report.success === false && failed === 0) problems.push('the report says the run did not succeed');
for (const problem of problems) console.log(`not green: ${problem}`);

console.log(
  `tests: ${passed} passed, ${failed + problems.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`,
);
process.exit(failed > 0 || problems.length > 0 || passed === 0 ? 1 : 0);
