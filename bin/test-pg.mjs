#!/usr/bin/env node
// `npm run test:pg [-- vitest args]`: the database suites (integration) against PostgreSQL on a fresh
// database, dropped afterwards. PG_ADMIN_URL names the server (default: postgres@127.0.0.1:5432, trust).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const admin_url = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `saphan_test_${process.pid}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: admin_url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`create database ${name}`);
const url = new URL(admin_url);
url.pathname = `/${name}`;
const run = spawnSync('node', ['bin/test.mjs', '--project', 'integration', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url.toString(), SAPHAN_SKIP_STATIC: '1', SAPHAN_REPORT: process.env.SAPHAN_REPORT ?? 'postgres' },
});
await admin(`drop database if exists ${name} with (force)`).catch((error) => console.error(`could not drop ${name}: ${error.message}`));
process.exit(run.status ?? 1);
