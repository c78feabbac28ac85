import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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
  try {
    return JSON.parse(readFileSync(lockPath(data_dir), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws DataDirLockedError; a lock whose process is dead is stale and taken over. */
export function acquireLock(data_dir: string, command: string): () => void {
  mkdirSync(data_dir, { recursive: true });
  const file = lockPath(data_dir);
  const me: LockOwner = { pid: process.pid, started_at: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => releaseLock(data_dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(data_dir);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw new DataDirLockedError(data_dir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

export function releaseLock(data_dir: string): void {
  const owner = readLock(data_dir);
  if (owner?.pid === process.pid) rmSync(lockPath(data_dir), { force: true });
}
