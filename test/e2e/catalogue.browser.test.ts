import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/modules/catalogue/index.js';
import { HS_TAX_BY_CODE, POSITIVE_LIST_SUBSET } from '../../src/modules/compliance/index.js';
import { bearer, PASSWORD, sellerBody, uniqueEmail, userWithToken } from '../support/app.js';
import { HAS_CHROMIUM, launch, phonePage, SCREENSHOTS } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

/** The Thai texts the page shows, straight from the app's own translations. */
const th = JSON.parse(readFileSync('web/src/i18n/th.json', 'utf8')) as {
  catalogue: { price_error: Record<string, string> };
  certs: { status: Record<string, string> };
};

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A food sub-category with an HS line on China's CBEC positive list (as in test/integration/catalogue.test.ts). */
const listed = new Set(POSITIVE_LIST_SUBSET.map((l) => l.hs_code));
const foodLeaf = CATEGORIES.find((c) => c.parent !== null && c.food && c.hs_codes.some((h) => listed.has(h) && HS_TAX_BY_CODE.has(h)));
const onList = foodLeaf?.hs_codes.find((h) => listed.has(h)) ?? '';

/** A date `days` from today, as a date input takes it. */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The seller's catalogue in a phone-sized browser, in Thai: a verified seller lists a food product with an approved
 * FDA certificate, sees why China (CBEC) is not open yet, reviews the Chinese title, sees it open, and stocks the SKU;
 * then submits a certificate that a compliance officer approves from the queue.
 */
describe.skipIf(!HAS_CHROMIUM)('seller catalogue in the browser (th, 390×844)', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let officer: { email: string; token: string };
  let owner: { email: string; token: string };
  let sellerId = '';
  let fdaId = '';
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    officer = await userWithToken(server, ['compliance_officer']);
    owner = await userWithToken(server, [], uniqueEmail('producer'));
    // A verified seller with an approved Thai FDA number, through the API.
    const seller = await server.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody() });
    expect(seller.statusCode, seller.body).toBe(201);
    sellerId = seller.json().id;
    await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/submit`, headers: bearer(owner.token) });
    const verified = await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/verify`, headers: bearer(officer.token) });
    expect(verified.json().status).toBe('verified');
    const cert = await server.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token),
      payload: { seller_id: sellerId, type: 'thai_fda', number: '10-1-03358-1-0001', issuer: 'อย.', issued_on: isoDay(-300), expires_on: isoDay(700) },
    });
    expect(cert.statusCode, cert.body).toBe(201);
    fdaId = cert.json().id;
    const approved = await server.app.inject({ method: 'POST', url: `/api/v1/certifications/${fdaId}/approve`, headers: bearer(officer.token) });
    expect(approved.json().status).toBe('approved');

    browser = await launch();
    ({ context, page } = await phonePage(browser, problems));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/catalogue-${name}.png`, fullPage: true });
  const testId = (id: string) => page.getByTestId(id);
  const errorAt = (path: string) => page.locator(`[data-error-for="${path}"]`);

  async function login(email: string) {
    await page.goto(`${server.url}/login`);
    // Thai chosen on this device, so the profile's English does not take over.
    await testId('lang-th').click();
    await testId('login-email').fill(email);
    await testId('login-password').fill(PASSWORD);
    await testId('login-submit').click();
  }

  async function logout() {
    await testId('nav-logout').click();
    await page.waitForURL(/\/login$/);
    await expect.poll(() => testId('nav-login').isVisible()).toBe(true);
  }

  it('lists a food product, reviews the Chinese title for CN_CBEC and stocks it', async () => {
    expect(foodLeaf).toBeDefined();
    const category = foodLeaf ?? CATEGORIES[0];
    if (!category) throw new Error('no categories');
    const sku = `DUR-${Date.now().toString(36)}`;

    // 1. Sign in; "my products" from the header, empty so far.
    await login(owner.email);
    await page.waitForURL(/\/seller$/);
    await testId('nav-products').click();
    await page.waitForURL(/\/seller\/products$/);
    await testId('products-empty').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await shot('01-no-products');

    // 2. The editor: the category (grouped by OTOP type, Thai names) prefills the HS code.
    await testId('product-new').click();
    await page.waitForURL(/\/seller\/products\/new/);
    await testId('product-form').waitFor();
    expect(await testId('product-category').locator('optgroup').first().getAttribute('label')).toBe('อาหาร');
    await testId('product-category').selectOption(category.code);
    await expect.poll(() => testId('product-hs').inputValue()).toBe(category.hs_codes[0]);
    if (category.hs_codes[0] !== onList) await testId('product-hs').fill(onList);
    await testId('product-title-th').fill('ทุเรียนอบกรอบหมอนทอง');
    await testId('product-description-th').fill('ทุเรียนหมอนทองจากจันทบุรี อบกรอบ ไม่ใส่น้ำตาล');
    await testId('product-ingredients').fill('ทุเรียนหมอนทอง 100%');
    await testId('product-shelf-life').fill('365');
    await testId('variant-sku-0').fill(sku);

    // 3. A price with three decimals is refused at the field while typing; two decimals are fine.
    await testId('variant-price-0').fill('35.505');
    await expect.poll(() => errorAt('variants[0].price.amount_minor').textContent()).toBe(th.catalogue.price_error.decimals);
    await shot('02-price-decimals');
    await testId('variant-price-0').fill('35.50');
    await expect.poll(() => errorAt('variants[0].price.amount_minor').textContent()).toBe('');
    await testId('variant-weight-0').fill('120');
    await testId('variant-net-amount-0').fill('100');
    await page.locator(`[data-testid="product-cert"][data-cert-id="${fdaId}"]`).getByTestId('product-cert-check').check();
    await shot('03-form-filled');

    // 4. Saved: the eligibility panel says why China (CBEC) is not open yet, in Thai.
    await testId('product-save').click();
    await page.waitForURL(/\/seller\/products\/prd_/);
    await testId('eligibility').waitFor();
    await testId('product-created').waitFor();
    expect(await testId('eligibility-TH').getAttribute('data-eligible')).toBe('true');
    expect(await testId('eligibility-CN_CBEC').getAttribute('data-eligible')).toBe('false');
    await expect.poll(() => testId('eligibility-CN_CBEC-reasons').textContent()).toContain('ชื่อภาษาจีนยังไม่ได้ตรวจทาน');
    expect(await testId('eligibility-CN_CBEC').locator('[data-code="translation_zh_not_reviewed"]').count()).toBe(1);
    expect(await testId('eligibility-INTL').locator('[data-code="translation_en_not_reviewed"]').count()).toBe(1);
    // The price went to the server as exact satang and comes back as typed.
    expect(await testId('variant-price-0').inputValue()).toBe('35.50');
    await shot('04-saved-cn-not-eligible');

    // 5. The Chinese title was drafted from the glossary; marking it reviewed opens China (CBEC).
    expect(await testId('translation-zh-status').getAttribute('data-status')).toBe('draft');
    expect((await testId('product-title-zh').inputValue()).length).toBeGreaterThan(0);
    await testId('translation-zh-review').click();
    await expect.poll(() => testId('translation-zh-status').getAttribute('data-status')).toBe('reviewed');
    await expect.poll(() => testId('eligibility-CN_CBEC').getAttribute('data-eligible')).toBe('true');
    expect(await testId('eligibility-CN_CBEC').locator('[data-testid="eligibility-reason"]').count()).toBe(0);
    await testId('eligibility').scrollIntoViewIfNeeded();
    await shot('05-cn-eligible');

    // 6. Stock: +20 at GTC Lat Krabang; taking out more than there is is refused at the field.
    const stock = testId('variant-stock').filter({ hasText: sku });
    await expect.poll(() => stock.getByTestId('stock-available').getAttribute('data-value')).toBe('0');
    await stock.getByTestId('stock-warehouse').selectOption('GTC-BKK');
    await stock.getByTestId('stock-quantity').fill('20');
    await stock.getByTestId('stock-reason').fill('รับสินค้าเข้าคลัง');
    await stock.getByTestId('stock-submit').click();
    await stock.getByTestId('stock-done').waitFor();
    await expect.poll(() => stock.getByTestId('stock-available').textContent()).toBe('20');
    expect(await stock.locator('[data-warehouse="GTC-BKK"] [data-testid="stock-line-available"]').textContent()).toBe('20');
    await stock.getByTestId('stock-direction-out').check();
    await stock.getByTestId('stock-quantity').fill('25');
    await stock.getByTestId('stock-reason').fill('นับสต็อก');
    await stock.getByTestId('stock-submit').click();
    await expect.poll(() => stock.locator('[data-error-for="delta"]').textContent()).toBe('สต็อกไม่พอ (พร้อมขาย 20)');
    expect(await stock.getByTestId('stock-available').textContent()).toBe('20');
    await stock.scrollIntoViewIfNeeded();
    await shot('06-stock');

    // 7. The list: title, one SKU, the price and green badges for TH and CN_CBEC.
    await testId('products-back').click();
    await page.waitForURL(/\/seller\/products(\?|$)/);
    const row = testId('product-row').filter({ hasText: 'ทุเรียนอบกรอบหมอนทอง' });
    await row.waitFor();
    expect(await row.getByTestId('product-price').textContent()).toBe('฿35.50');
    expect(await row.getByTestId('product-sku-count').textContent()).toBe('1 SKU');
    await expect.poll(() => row.getByTestId('market-badge-CN_CBEC').getAttribute('data-eligible')).toBe('true');
    expect(await row.getByTestId('market-badge-TH').getAttribute('data-eligible')).toBe('true');
    expect(await row.getByTestId('market-badge-INTL').getAttribute('data-eligible')).toBe('false');
    await shot('07-product-list');

    expect(problems).toEqual([]);
  });

  it('submits a certificate with errors at the fields; an officer approves it from the queue', async () => {
    // Still signed in as the seller.
    await page.goto(`${server.url}/seller/certificates`);
    const row = testId('cert-row').filter({ hasText: '10-1-03358-1-0001' });
    await row.waitFor();
    expect(await row.getByTestId('cert-in-force').getAttribute('data-in-force')).toBe('true');

    // A malformed FDA number, then an expiry date in the past: each refused at its field, in Thai.
    await testId('cert-type').selectOption('thai_fda');
    await testId('cert-number').fill('12-3');
    await testId('cert-submit').click();
    await expect.poll(() => errorAt('number').textContent()).toContain('XX-X-XXXXX-X-XXXX');
    await shot('08-cert-fda-format');
    await testId('cert-number').fill('1010335810002');
    await testId('cert-expires-on').fill(isoDay(-3));
    await testId('cert-submit').click();
    await expect.poll(() => errorAt('expires_on').textContent()).toBe('ใบรับรองหมดอายุแล้ว');
    expect(await errorAt('number').textContent()).toBe('');
    await testId('cert-issuer').fill('สำนักงานคณะกรรมการอาหารและยา');
    await testId('cert-expires-on').fill(isoDay(400));
    await testId('cert-submit').click();
    await testId('cert-submitted').waitFor();
    const fresh = testId('cert-row').filter({ hasText: '10-1-03358-1-0002' });
    await expect.poll(() => fresh.getByTestId('cert-status').textContent()).toBe(th.certs.status.submitted);
    await shot('09-cert-submitted');
    await logout();

    // The officer approves it from the certificates tab of the review queue.
    await login(officer.email);
    await page.waitForURL(/\/compliance$/);
    await testId('compliance-tab-certificates').click();
    const item = testId('cert-queue-item').filter({ hasText: '10-1-03358-1-0002' });
    await item.waitFor();
    await expect.poll(() => item.getByTestId('cert-queue-seller').textContent()).toBe(sellerBody().legal_name_th);
    await shot('10-cert-queue');
    await item.getByTestId('cert-approve').click();
    await testId('cert-queue-done').waitFor();
    await expect.poll(() => item.count()).toBe(0);
    await logout();

    // The seller sees it approved and in force.
    await login(owner.email);
    await page.waitForURL(/\/seller$/);
    await testId('seller-certificates-link').click();
    await expect.poll(() => fresh.getByTestId('cert-status').getAttribute('data-status')).toBe('approved');
    expect(await fresh.getByTestId('cert-in-force').getAttribute('data-in-force')).toBe('true');
    await shot('11-cert-approved');

    expect(problems).toEqual([]);
  });
});
