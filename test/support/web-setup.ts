import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Browser journeys need the built web app: build it when missing or older than its sources. */
export default function setup() {
  const built = 'web/dist/index.html';
  const sources = Math.max(newestMtime('web/src'), statSync('web/index.html').mtimeMs, statSync('web/vite.config.ts').mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const r = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}
