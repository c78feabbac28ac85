import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError, readLock } from './lock.js';

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'saphan-lock-'));
}

/** A pid that is certainly dead: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('DATA_DIR lock', () => {
  it('is taken, reported, and released', () => {
    const dir = tmp();
    const release = acquireLock(dir, 'test');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, command: 'test' });
    release();
    expect(existsSync(path.join(dir, 'saphan.lock'))).toBe(false);
  });

  it('refuses when a live process holds it', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'saphan.lock'), JSON.stringify({ pid: process.ppid, started_at: 'x', command: 'saphan start' }));
    expect(() => acquireLock(dir, 'saphan migrate')).toThrow(DataDirLockedError);
  });

  it('takes over a stale lock left by a dead process', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'saphan.lock'), JSON.stringify({ pid: deadPid(), started_at: 'x', command: 'saphan start' }));
    const release = acquireLock(dir, 'saphan start');
    expect(readLock(dir)?.pid).toBe(process.pid);
    release();
  });

  it('a half-written (unreadable) lock counts as stale', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'saphan.lock'), '{"pid": 12');
    const release = acquireLock(dir, 'saphan start');
    expect(readLock(dir)?.pid).toBe(process.pid);
    release();
  });
});
