// Adds up the vitest JSON reports of all suites into one closing line: "Tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const failures = [];
let passed = 0,
  failed = 0,
  skipped = 0,
  suites = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  suites++;
  passed += report.numPassedTests ?? 0;
  // A file that fails to load has no failed tests of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  failed += (report.numFailedTests ?? 0) + brokenFiles;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // Name every failure at the end, where a truncated CI log still shows it.
  for (const result of report.testResults ?? []) {
    const failedTests = (result.assertionResults ?? []).filter((t) => t.status === 'failed');
    if (result.status === 'failed' && failedTests.length === 0) failures.push(`${file}: ${result.name}: ${firstLine(result.message)}`);
    for (const t of failedTests) failures.push(`${result.name.replace(process.cwd() + '/', '')} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  }
}
function firstLine(text) {
  return String(text ?? '')
    .split('\n')
    .slice(0, 3)
    .join(' | ')
    .slice(0, 400);
}
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
console.log(`\n${suites} suites`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
