import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/modules/catalogue/index.js';
import { HS_TAX_BY_CODE, POSITIVE_LIST_SUBSET } from '../../src/modules/compliance/index.js';
import { bearer, sellerBody, userWithToken } from '../support/app.js';
import { HAS_CHROMIUM, launch, phonePage, SCREENSHOTS } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

type Names = { th: string; zh: string; en: string };
type Texts = { certs: { type: Record<string, string> }; shop: { title: string } };
/** The texts the page shows, straight from the app's own translations. */
const zh = JSON.parse(readFileSync('web/src/i18n/zh.json', 'utf8')) as Texts;
const en = JSON.parse(readFileSync('web/src/i18n/en.json', 'utf8')) as Texts;

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A food sub-category with an HS line on China's CBEC positive list (as in test/integration/search.test.ts). */
const listed = new Set(POSITIVE_LIST_SUBSET.map((l) => l.hs_code));
const leaf = CATEGORIES.find((c) => c.parent !== null && c.food && c.hs_codes.some((h) => listed.has(h) && HS_TAX_BY_CODE.has(h)));
const hs = leaf?.hs_codes.find((h) => listed.has(h)) ?? '';

const DURIAN = { th: 'ทุเรียนหมอนทองอบกรอบ', zh: '金枕榴莲干', en: 'Crispy Monthong durian' };

/**
 * The buyer storefront in a phone-sized browser: a visitor switches to 中文, shops in China (CBEC), finds dried durian
 * by Chinese characters and by pinyin, opens it (certificate and origin in Chinese, buyable in CN_CBEC), sees why an
 * unreviewed product cannot be bought there, then shops the international market in English and finds it despite a typo.
 */
describe.skipIf(!HAS_CHROMIUM)('buyer storefront in the browser (zh → en, 390×844)', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let durianId = '';
  let unreviewedId = '';
  let province: Names = { th: '', zh: '', en: '' };
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const owner = await userWithToken(server);
    const officer = await userWithToken(server, ['compliance_officer']);
    const seller = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sellers',
      headers: bearer(owner.token),
      payload: sellerBody({ province_code: 'TH-22' }),
    });
    expect(seller.statusCode, seller.body).toBe(201);
    const sellerId: string = seller.json().id;
    await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/submit`, headers: bearer(owner.token) });
    const verified = await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/verify`, headers: bearer(officer.token) });
    expect(verified.json().status).toBe('verified');
    const cert = await server.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token),
      payload: { seller_id: sellerId, type: 'thai_fda', number: '22-1-01234-1-0007', expires_on: '2030-01-01' },
    });
    expect(cert.statusCode, cert.body).toBe(201);
    const approved = await server.app.inject({ method: 'POST', url: `/api/v1/certifications/${cert.json().id}/approve`, headers: bearer(officer.token) });
    expect(approved.json().status).toBe('approved');

    async function listProduct(sku: string, title: Names, review: boolean): Promise<string> {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/products',
        headers: bearer(owner.token),
        payload: {
          seller_id: sellerId,
          category_code: leaf?.code,
          hs_code: hs,
          title,
          description: { th: `${title.th} จากจันทบุรี`, zh: `${title.zh}，产自尖竹汶`, en: `${title.en} from Chanthaburi` },
          variants: [{ sku, price: { amount_minor: 35_000, currency: 'THB' }, weight_g: 100, net_content: { amount: 100, unit: 'g' } }],
          certification_ids: [cert.json().id],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const id: string = res.json().id;
      if (review) {
        const patched = await server.app.inject({
          method: 'PATCH',
          url: `/api/v1/products/${id}`,
          headers: bearer(owner.token),
          payload: { translations: { zh: { status: 'reviewed' }, en: { status: 'reviewed' } } },
        });
        expect(patched.statusCode, patched.body).toBe(200);
      }
      const stock = await server.app.inject({
        method: 'POST',
        url: '/api/v1/inventory/adjustments',
        headers: bearer(owner.token),
        payload: { variant_id: res.json().variants[0].id, warehouse_code: 'GTC-BKK', delta: 10, reason: 'receipt' },
      });
      expect(stock.statusCode, stock.body).toBeLessThan(300);
      return id;
    }
    durianId = await listProduct('DUR-CRISPY', DURIAN, true);
    unreviewedId = await listProduct('DUR-PASTE', { th: 'ทุเรียนกวน', zh: '榴莲糕', en: 'Durian paste' }, false);

    const reference = await server.app.inject({ method: 'GET', url: '/api/v1/reference/onboarding' });
    const th22 = (reference.json().provinces as { code: string; name: Names }[]).find((p) => p.code === 'TH-22');
    if (!th22) throw new Error('TH-22 missing from the reference');
    province = th22.name;

    browser = await launch();
    ({ context, page } = await phonePage(browser, problems));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/storefront-${name}.png`, fullPage: true });
  const testId = (id: string) => page.getByTestId(id);
  const card = (id: string) => page.locator(`[data-testid="shop-card"][data-product-id="${id}"]`);

  async function search(q: string) {
    await testId('shop-search-input').fill(q);
    await testId('shop-search-submit').click();
    await page.waitForURL((url) => url.searchParams.get('q') === q);
  }

  it('finds a product in Chinese and pinyin, shows it in Chinese, then in English despite a typo', async () => {
    expect(leaf).toBeDefined();

    // 1. A visitor (not signed in) switches to 中文; the shop is in the header and opens on China (CBEC).
    await page.goto(`${server.url}/`);
    await testId('lang-zh').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh');
    await testId('nav-shop').click();
    await page.waitForURL(/\/shop$/);
    expect(await testId('nav-shop').textContent()).toBe('商城');
    expect(await testId('shop-title').textContent()).toBe(zh.shop.title);
    expect(await testId('shop-page').getAttribute('data-market')).toBe('CN_CBEC');
    expect(await testId('market-CN_CBEC').getAttribute('aria-pressed')).toBe('true');
    // Browsing everything: the reviewed durian is listed; the one without a reviewed Chinese title is not.
    await card(durianId).waitFor();
    expect(await card(unreviewedId).count()).toBe(0);
    await shot('01-shop-cn');

    // 2. 榴莲干: the card has the Chinese title with the match marked, the price in baht, seller, province and certificate.
    await search('榴莲干');
    const durian = card(durianId);
    await expect.poll(() => durian.getByTestId('shop-card-title').textContent()).toBe(DURIAN.zh);
    expect(await durian.getByTestId('highlight').allTextContents()).toEqual(['榴莲干']);
    expect(await durian.getByTestId('shop-card-price').textContent()).toBe('฿350.00');
    expect(await durian.getByTestId('shop-card-province').textContent()).toBe(province.zh);
    expect(await durian.getByTestId('shop-card-seller').textContent()).toBe(sellerBody().legal_name_th);
    expect(await durian.getByTestId('shop-card-cert').textContent()).toContain(zh.certs.type.thai_fda);
    // The certificate facet, with its Chinese name.
    await testId('shop-filters').locator('summary').click();
    const fda = page.locator('[data-testid="facet-certification-option"][data-value="thai_fda"]');
    expect(await fda.textContent()).toContain(zh.certs.type.thai_fda);
    const provinceFacet = page.locator('[data-testid="facet-province-option"][data-value="TH-22"]');
    expect(await provinceFacet.textContent()).toContain(province.zh);
    await shot('02-search-chinese');

    // 3. Pinyin finds it too.
    await search('liulian');
    await expect.poll(() => card(durianId).getByTestId('shop-card-title').textContent()).toBe(DURIAN.zh);
    await shot('03-search-pinyin');

    // 4. The product page: Chinese title, certificate and origin in Chinese, buyable in China (CBEC).
    await card(durianId).getByTestId('shop-card-link').click();
    await page.waitForURL(new RegExp(`/shop/product/${durianId}$`));
    await expect.poll(() => testId('product-title').textContent()).toBe(DURIAN.zh);
    expect(await testId('product-description').textContent()).toContain('产自尖竹汶');
    await expect.poll(() => testId('product-cert').textContent()).toContain(zh.certs.type.thai_fda);
    expect(await testId('product-province').textContent()).toContain(province.zh);
    expect(await testId('product-seller').textContent()).toBe(sellerBody().legal_name_th);
    expect(await testId('product-price').textContent()).toBe('฿350.00');
    expect(await testId('product-variant').count()).toBe(1);
    await expect.poll(() => testId('product-market').getAttribute('data-eligible')).toBe('true');
    expect(await testId('product-market').getAttribute('data-market')).toBe('CN_CBEC');
    await shot('04-product-cn');

    // 5. A product whose Chinese title nobody reviewed: not buyable in China (CBEC), and the page says why, in Chinese.
    await page.goto(`${server.url}/shop/product/${unreviewedId}`);
    await expect.poll(() => testId('product-market').getAttribute('data-eligible')).toBe('false');
    expect(await page.locator('[data-testid="product-market-reason"][data-code="translation_zh_not_reviewed"]').count()).toBe(1);
    await testId('product-market').scrollIntoViewIfNeeded();
    await shot('05-product-not-eligible');

    // 6. The international market (English titles), still with the Chinese UI: a typo still finds the durian.
    await testId('nav-shop').click();
    await page.waitForURL(/\/shop$/);
    await testId('market-INTL').click();
    await expect.poll(() => testId('shop-page').getAttribute('data-market')).toBe('INTL');
    await search('durain');
    await expect.poll(() => card(durianId).getByTestId('shop-card-title').textContent()).toBe(DURIAN.en);
    await shot('06-search-typo-intl');

    // 7. In English: the market is remembered, the labels and the province follow the UI language.
    await testId('lang-en').click();
    await expect.poll(() => testId('shop-title').textContent()).toBe(en.shop.title);
    expect(await testId('shop-page').getAttribute('data-market')).toBe('INTL');
    expect(await card(durianId).getByTestId('shop-card-province').textContent()).toBe(province.en);
    expect(await card(durianId).getByTestId('shop-card-price').textContent()).toBe('฿350.00');
    expect(await card(durianId).getByTestId('shop-card-cert').textContent()).toContain(en.certs.type.thai_fda);
    await shot('07-search-typo-en');

    // 8. The category page (name as title) and the OTOP storefront, whose three-star default leaves nothing here.
    if (!leaf) throw new Error('no category');
    await page.goto(`${server.url}/shop/category/${leaf.code}`);
    await expect.poll(() => testId('shop-title').textContent()).toBe(leaf.name.en);
    await card(durianId).waitFor();
    await page.goto(`${server.url}/shop/otop`);
    expect(await testId('otop-stars-3').getAttribute('aria-pressed')).toBe('true');
    await testId('shop-empty').waitFor();
    await shot('08-otop-empty');

    expect(problems).toEqual([]);
  });
});
