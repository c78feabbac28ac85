import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Where uploaded files live (product images, certificate documents, import files): behind one small
 * interface so that the local disk (the default, under DATA_DIR) can be swapped for an S3-compatible
 * store in production without touching a module. Keys are ours, never a caller's file name.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array, content_type: string): Promise<void>;
  /** The bytes and their type, or undefined when nothing is stored under the key. */
  get(key: string): Promise<{ bytes: Buffer; content_type: string } | undefined>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9_\-/.]{0,200}$/;

/** Refuses keys that could climb out of the store (`..`, absolute paths, odd characters). */
export function checkBlobKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
  }
}

/**
 * Files on local disk, one per key, written to a temporary name and renamed so that a reader never
 * sees half a file. The content type is kept beside the file.
 */
export function localBlobStore(root: string): BlobStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    checkBlobKey(key);
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
    return path;
  };
  return {
    async put(key, bytes, content_type) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${createHash('sha256').update(`${process.pid}:${Date.now()}:${Math.random()}`).digest('hex').slice(0, 12)}.tmp`;
      await writeFile(tmp, bytes);
      await writeFile(`${path}.type`, content_type);
      await rename(tmp, path);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        return undefined;
      }
      const [bytes, content_type] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8').catch(() => 'application/octet-stream')]);
      return { bytes, content_type };
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      await rm(`${path}.type`, { force: true });
    },
  };
}

/** Keeps blobs in memory: for tests that need no disk, and the shape an adapter must honour. */
export function memoryBlobStore(): BlobStore {
  const store = new Map<string, { bytes: Buffer; content_type: string }>();
  return {
    async put(key, bytes, content_type) {
      checkBlobKey(key);
      store.set(key, { bytes: Buffer.from(bytes), content_type });
    },
    async get(key) {
      checkBlobKey(key);
      return store.get(key);
    },
    async delete(key) {
      store.delete(key);
    },
  };
}
