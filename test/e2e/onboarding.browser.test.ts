import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTaxId, PASSWORD, uniqueEmail, userWithToken } from '../support/app.js';
import { HAS_CHROMIUM, launch, phonePage, SCREENSHOTS } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

/** The Thai texts the page shows, straight from the app's own translations. */
const th = JSON.parse(readFileSync('web/src/i18n/th.json', 'utf8')) as { seller: { status: Record<string, string> } };

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Seller onboarding in a phone-sized browser, in Thai: sign up, live field errors, draft, submit,
 * a compliance officer verifies from the queue, the seller sees "verified".
 */
describe.skipIf(!HAS_CHROMIUM)('seller onboarding in the browser (th, 390×844)', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    ({ context, page } = await phonePage(browser, problems));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/onboarding-${name}.png`, fullPage: true });
  const testId = (id: string) => page.getByTestId(id);

  async function login(email: string, password: string) {
    await page.goto(`${server.url}/login`);
    await testId('login-email').fill(email);
    await testId('login-password').fill(password);
    await testId('login-submit').click();
  }

  async function logout() {
    await testId('nav-logout').click();
    await page.waitForURL(/\/login$/);
    await expect.poll(() => testId('nav-login').isVisible()).toBe(true);
  }

  it('signs up, applies with live errors, gets verified, and sees it in Thai', async () => {
    const sellerEmail = uniqueEmail('seller');
    const legalName = `บริษัท สะพานทดสอบ ${Date.now().toString(36)} จำกัด`;

    // 1. Sign up in Thai.
    await page.goto(`${server.url}/signup`);
    await testId('lang-th').click();
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await testId('signup-display-name').fill('สมศรี ใจดี');
    await testId('signup-email').fill(sellerEmail);
    await testId('signup-password').fill(PASSWORD);
    await shot('01-signup');
    await testId('signup-submit').click();
    await testId('nav-onboarding').waitFor();

    // 2. The onboarding form: a bad tax ID is reported at the field, in Thai, while typing.
    await testId('nav-onboarding').click();
    await testId('onboarding-form').waitFor();
    await testId('field-tax-id').fill('1101700207031');
    const taxIdError = page.locator('[data-error-for="tax_id"]');
    await expect.poll(() => taxIdError.textContent(), { timeout: 10_000 }).toContain('เลขประจำตัวผู้เสียภาษี');
    await shot('02-tax-id-error');

    // 3. Fix it, fill the rest and save the draft.
    await testId('field-tax-id').fill(freshTaxId());
    await expect.poll(() => taxIdError.textContent(), { timeout: 10_000 }).toBe('');
    await testId('field-legal-name-th').fill(legalName);
    await testId('field-legal-name-en').fill('Saphan Test Co., Ltd.');
    await testId('field-province').selectOption('TH-22');
    await testId('field-otop').fill('OTOP-22-2566-0001');
    await testId('field-promptpay-id').fill('0812345678');
    await expect.poll(() => testId('pdpa-version').textContent()).toMatch(/\S+-v\d+/);
    await testId('field-pdpa-consent').check();
    await expect.poll(() => page.locator('[data-error-for="payout.promptpay_id"]').textContent()).toBe('');
    await shot('03-form-filled');
    await testId('onboarding-submit').click();
    await page.waitForURL(/\/seller$/);
    await expect.poll(() => testId('seller-status').getAttribute('data-status')).toBe('draft');
    expect(await testId('seller-status').textContent()).toBe(th.seller.status.draft);
    expect(await testId('seller-tax-id').textContent()).toMatch(/[x*•X]/);
    await shot('04-draft');

    // 4. Submit for verification.
    await testId('seller-submit').click();
    await expect.poll(() => testId('seller-status').getAttribute('data-status')).toBe('submitted');
    await expect.poll(() => testId('seller-history').locator('li').count()).toBeGreaterThanOrEqual(2);
    await shot('05-submitted');
    await logout();

    // 5. A compliance officer signs in through the UI and verifies from the queue.
    const officer = await userWithToken(server, ['compliance_officer']);
    await login(officer.email, PASSWORD);
    await page.waitForURL(/\/compliance$/);
    const item = testId('queue-item').filter({ hasText: legalName });
    await item.waitFor();
    await shot('06-queue');
    await item.getByTestId('queue-verify').click();
    await testId('queue-done').waitFor();
    await expect.poll(() => item.count()).toBe(0);
    await shot('07-verified-by-officer');
    await logout();

    // 6. The seller signs in again and sees "verified" in Thai.
    await login(sellerEmail, PASSWORD);
    await page.waitForURL(/\/seller$/);
    await expect.poll(() => testId('seller-status').getAttribute('data-status')).toBe('verified');
    expect(await testId('seller-status').textContent()).toBe(th.seller.status.verified);
    expect(await testId('seller-submit').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await shot('08-seller-verified');

    expect(problems).toEqual([]);
  });

  it('shows a rejection with reason and note, follows a language switch, and takes a resubmission', async () => {
    const sellerEmail = uniqueEmail('seller');
    const legalName = `ห้างหุ้นส่วน ทดสอบปฏิเสธ ${Date.now().toString(36)}`;
    await page.goto(`${server.url}/signup`);
    await testId('signup-display-name').fill('วิชัย');
    await testId('signup-email').fill(sellerEmail);
    await testId('signup-password').fill(PASSWORD);
    await testId('signup-submit').click();
    await testId('nav-onboarding').click();
    await testId('onboarding-form').waitFor();

    // In Chinese the live error comes in Chinese; switching back to Thai re-checks in Thai.
    await testId('lang-zh').click();
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    await testId('field-tax-id').fill('12345');
    const taxIdError = page.locator('[data-error-for="tax_id"]');
    await expect.poll(() => taxIdError.textContent(), { timeout: 10_000 }).toContain('税号');
    await shot('09-zh-error');
    await testId('lang-th').click();
    await expect.poll(() => taxIdError.textContent(), { timeout: 10_000 }).toContain('เลขประจำตัวผู้เสียภาษี');

    // Bank payout: the account number is checked against the bank's length.
    await testId('field-tax-id').fill(freshTaxId('citizen'));
    await testId('field-legal-name-th').fill(legalName);
    await testId('field-province').selectOption('TH-50');
    await testId('payout-method-bank').check();
    const bankCode = await testId('field-bank').locator('option').nth(1).getAttribute('value');
    await testId('field-bank').selectOption(bankCode ?? '');
    await testId('field-account-number').fill('12');
    await expect.poll(() => page.locator('[data-error-for="payout.account_number"]').textContent(), { timeout: 10_000 }).toContain('หลัก');
    const digits = Number(/(\d+)/.exec((await page.locator('[data-error-for="payout.account_number"]').textContent()) ?? '')?.[1] ?? 10);
    await testId('field-account-number').fill('1234567890123456'.slice(0, digits));
    // Without consent the server refuses, at the consent checkbox.
    await testId('onboarding-submit').click();
    await expect.poll(() => page.locator('[data-error-for="pdpa_consent"]').textContent()).toContain('PDPA');
    await testId('field-pdpa-consent').check();
    await testId('onboarding-submit').click();
    await page.waitForURL(/\/seller$/);
    await testId('seller-submit').click();
    await expect.poll(() => testId('seller-status').getAttribute('data-status')).toBe('submitted');
    await logout();

    const officer = await userWithToken(server, ['compliance_officer']);
    await login(officer.email, PASSWORD);
    await page.waitForURL(/\/compliance$/);
    const item = testId('queue-item').filter({ hasText: legalName });
    await item.getByTestId('queue-reject').click();
    await item.getByTestId('reject-reason').selectOption('name_mismatch');
    await item.getByTestId('reject-note').fill('ชื่อไม่ตรงกับหนังสือรับรอง');
    await shot('10-reject-form');
    await item.getByTestId('reject-confirm').click();
    await testId('queue-done').waitFor();
    await logout();

    await login(sellerEmail, PASSWORD);
    await page.waitForURL(/\/seller$/);
    await expect.poll(() => testId('seller-status').getAttribute('data-status')).toBe('rejected');
    expect(await testId('seller-status').textContent()).toBe(th.seller.status.rejected);
    expect(await testId('seller-rejection-reason').textContent()).toBe('ชื่อนิติบุคคลไม่ตรงกับเอกสาร');
    expect(await testId('seller-rejection-note').textContent()).toBe('ชื่อไม่ตรงกับหนังสือรับรอง');
    await shot('11-rejected');
    // The server's reason follows the UI language.
    await testId('lang-en').click();
    await expect.poll(() => testId('seller-rejection-reason').textContent()).toBe('The legal name does not match the documents');
    await testId('lang-th').click();
    await testId('seller-submit').click();
    await expect.poll(() => testId('seller-status').getAttribute('data-status')).toBe('submitted');
    await logout();

    expect(problems).toEqual([]);
  });

  it('resets a forgotten password through the sandbox mailbox', async () => {
    const email = uniqueEmail('forgetful');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: PASSWORD, display_name: 'ลืมง่าย', locale: 'th' },
    });
    expect(res.statusCode).toBe(201);
    await page.goto(`${server.url}/login`);
    await testId('login-forgot').click();
    await testId('forgot-email').fill(email);
    await testId('forgot-submit').click();
    await testId('forgot-sent').waitFor();
    await testId('forgot-to-mail').click();
    const mail = testId('mail-item').filter({ hasText: email }).first();
    await mail.waitFor();
    await shot('12-sandbox-mail');
    await mail.getByTestId('mail-link').click();
    await testId('reset-password').fill('a brand new passphrase');
    await testId('reset-submit').click();
    await testId('reset-done').waitFor();
    await login(email, 'a brand new passphrase');
    await page.waitForURL((url) => url.pathname === '/');
    await testId('nav-logout').waitFor();
    await logout();

    expect(problems).toEqual([]);
  });
});
