import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The embedded database has one owner at a time (architecture.md, Running). */
export interface LockOwner {
  readonly pid: number;
  readonly started_at: string;
  readonly command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly data_dir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `DATA_DIR ${data_dir} is in use by process ${owner.pid} (${owner.command}, since ${owner.started_at}). ` +
        'Stop that process first, or use the HTTP API while it runs.',
    );
    this.name = 'DataDirLockedError';
  }
}

function lockPath(data_dir: string): string {
  return path.join(data_dir, 'saphan.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(data_dir: string): LockOwner | undefined {
  return readOwner(lockPath(data_dir));
}

/**
 * Takes the lock or throws DataDirLockedError; a lock whose process is dead is stale and taken over.
 * The lock file appears whole or not at all (written aside, then hard-linked into place), and a stale
 * one is moved away by rename, which only one of several racing processes can win.
 */
export function acquireLock(data_dir: string, command: string): () => void {
  mkdirSync(data_dir, { recursive: true });
  const file = lockPath(data_dir);
  const me: LockOwner = { pid: process.pid, started_at: new Date().toISOString(), command };
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        linkSync(draft, file);
        return () => releaseLock(data_dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readLock(data_dir);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw new DataDirLockedError(data_dir, owner);
      const stale = `${file}.stale.${process.pid}`;
      try {
        renameSync(file, stale);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        continue; // another process moved it first; try again
      }
      const moved = readOwner(stale);
      if (moved && moved.pid !== process.pid && isAlive(moved.pid)) {
        // A live owner replaced the stale lock between our read and our rename: give it back.
        renameSync(stale, file);
        throw new DataDirLockedError(data_dir, moved);
      }
      rmSync(stale, { force: true });
    }
    throw new Error(`could not take the lock ${file}`);
  } finally {
    rmSync(draft, { force: true });
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

export function releaseLock(data_dir: string): void {
  const owner = readLock(data_dir);
  if (owner?.pid === process.pid) rmSync(lockPath(data_dir), { force: true });
}
