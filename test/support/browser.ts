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

/**
 * A phone-sized page (390×844, Thai locale, touch) whose uncaught errors and CSP violations are
 * collected into `problems`, so that a journey can fail on them; the 401 of GET /me while signed out does not count.
 */
export async function phonePage(browser: Browser, problems: string[], grant?: { permissions: string[]; origin: string }) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'th-TH', isMobile: true, hasTouch: true });
  if (grant) await context.grantPermissions(grant.permissions, { origin: grant.origin });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  return { context, page };
}
