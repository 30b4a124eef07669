// Prints the closing line CI reads ("tests: N passed, N failed, N skipped"), after naming
// every skipped suite with its reason, from vitest's JSON report. Exits 1 when the report
// is missing or shows a failure, so a crashed run can never look green.
import { readFileSync } from 'node:fs';

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
for (const [suite, n] of skippedSuites) console.log(`skipped ${n} in "${suite}"`);
for (const f of failedFiles) console.log(`failed to run: ${f.name}: ${f.message}`);

console.log(
  `tests: ${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
