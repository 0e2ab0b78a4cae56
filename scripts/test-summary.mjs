// Prints one closing line for the whole suite — "N passed, N failed" — from Vitest's and
// Playwright's JSON reports. Exits 1 if either report is missing or anything failed.
import { readFileSync } from 'node:fs';

const [unitFile, e2eFile] = process.argv.slice(2);
const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
const e2e = JSON.parse(readFileSync(e2eFile, 'utf8'));
const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(`\nunit: ${unit.numPassedTests} passed, e2e: ${e2e.stats.expected} passed${e2e.stats.flaky ? ` (${e2e.stats.flaky} flaky)` : ''}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
