import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SCREENSHOTS = path.resolve('test-results/screenshots');

if (!HAS_CHROMIUM) {
  // A loud skip, as architecture.md asks: the journeys did not run.
  console.warn(`\n*** Browser journeys SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-tlwg-loma fonts-wqy-zenhei) ***\n`);
}

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
