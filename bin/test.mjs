#!/usr/bin/env node
// `npm test`: every test (unit, integration on PGlite — or PostgreSQL when DATABASE_URL is set —,
// API and browser journeys), then one plain closing line that CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
// Static checks run once per `npm test`; the CI's later legs (PostgreSQL, stress) skip them.
const steps = process.env.SAPHAN_SKIP_STATIC
  ? []
  : [
      ['typecheck', ['npx', 'tsc', '--noEmit', '-p', '.']],
      ['lint', ['npx', 'biome', 'check', '.']],
    ];
for (const [name, [cmd, ...args]] of steps) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
const out = path.join(root, '.tmp');
mkdirSync(out, { recursive: true });
const report = path.join(out, `vitest-report-${process.env.SAPHAN_REPORT ?? 'test'}.json`);
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
});
let passed = 0;
let failed = vitest.status === 0 ? 0 : 1;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (vitest.status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  skipped = r.numPendingTests + r.numTodoTests;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitest.status ?? 1);
