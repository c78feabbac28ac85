import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** architecture.md, Module rules: enforced here so that `npm test` fails on a broken wall. */
const root = path.resolve(import.meta.dirname, '..');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');

function cruise(cwd: string, targets: string[]) {
  return spawnSync(depcruise, [...targets, '--config', path.join(root, '.dependency-cruiser.cjs')], { cwd, encoding: 'utf8' });
}

describe('import rules', () => {
  it('hold for the code base', () => {
    const result = cruise(root, ['src', 'web/src']);
    expect(result.stdout + result.stderr).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('catch a module importing another module', () => {
    const result = cruise(path.join(root, 'test/fixtures/architecture'), ['src']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('no-cross-module-imports');
  });
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('table ownership', () => {
  const modules_dir = path.join(root, 'src/modules');
  const modules = readdirSync(modules_dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const tables = new Map<string, string[]>();
  for (const m of modules) {
    // A module may own no tables yet (payments: only its pure rules so far).
    const file = path.join(modules_dir, m, 'schema.ts');
    const schema = existsSync(file) ? readFileSync(file, 'utf8') : '';
    tables.set(
      m,
      [...schema.matchAll(/pgTable\(\s*'([a-z0-9_]+)'/g)].map((x) => x[1] ?? ''),
    );
  }

  it.each(modules)('tables of %s carry its prefix', (m) => {
    for (const table of tables.get(m) ?? []) expect(table.startsWith(`${m}_`), table).toBe(true);
  });

  it.each(modules)('%s names no other module’s table, not even in raw SQL', (m) => {
    const foreign = [...tables.entries()].filter(([owner]) => owner !== m).flatMap(([, t]) => t);
    for (const file of files(path.join(modules_dir, m))) {
      // Comments may name an owner ("org_id: identity_organisations.id"), as architecture.md asks; code may not.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const table of foreign) expect(text.includes(table), `${path.relative(root, file)} names ${table}`).toBe(false);
    }
  });
});
