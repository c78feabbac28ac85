import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('the OpenAPI files of the web app', () => {
  it('match the routes (run `npm run gen:openapi` after changing a route)', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/openapi.ts', '--check'], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    expect(result.stderr + result.stdout).toContain('up to date');
    expect(result.status).toBe(0);
  }, 120_000);
});
