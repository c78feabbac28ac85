import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createTestApp, PASSWORD } from './app.js';

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

/**
 * A test server serving the web app on a free port, with one phone page on it; `problems` collects
 * page errors, CSP violations and 5xx answers. `close` ends page, browser and server.
 */
export async function browserApp(options: Parameters<typeof createTestApp>[0]) {
  const t = await createTestApp({ ...options, serve_web: true });
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launch();
  const problems: string[] = [];
  const { context, page } = await phonePage(browser, problems);
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  const close = async () => {
    await context.close();
    await browser.close();
    await t.close();
  };
  return { t, url, browser, page, problems, close };
}

/** Signs in through the login screen in the given language. */
export async function signIn(page: Page, url: string, email: string, language: 'th' | 'zh' | 'en'): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId(`lang-${language}`).click();
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-logout').waitFor();
}
