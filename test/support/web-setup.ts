import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Browser journeys need the built web app; build it once when missing. */
export default function setup() {
  if (existsSync('web/dist/index.html') && !process.env.SAPHAN_REBUILD_WEB) return;
  const r = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}
