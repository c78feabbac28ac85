import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/modules/catalogue/index.js';
import { HS_TAX_BY_CODE, POSITIVE_LIST_SUBSET } from '../../src/modules/compliance/index.js';
import { bearer, PASSWORD, sellerBody, uniqueEmail, userWithToken } from '../support/app.js';
import { HAS_CHROMIUM, launch, phonePage, SCREENSHOTS } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

type Texts = { catalogue: { image_cover: string }; certs: { document_view: string }; shop: { price_and_above: string } };
/** The texts the page shows, straight from the app's own translations. */
const th = JSON.parse(readFileSync('web/src/i18n/th.json', 'utf8')) as Texts;
const zh = JSON.parse(readFileSync('web/src/i18n/zh.json', 'utf8')) as Texts;

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A food sub-category with an HS line on China's CBEC positive list (as in the other journeys). */
const listed = new Set(POSITIVE_LIST_SUBSET.map((l) => l.hs_code));
const leaf = CATEGORIES.find((c) => c.parent !== null && c.food && c.hs_codes.some((h) => listed.has(h) && HS_TAX_BY_CODE.has(h)));
const hs = leaf?.hs_codes.find((h) => listed.has(h)) ?? '';

/** Today in Bangkok, the day a reference rate is for. */
const bangkokToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small valid PNG (48×48, a golden square on a coloured ground), made here so the test needs no fixture file. */
function tinyPng(ground: readonly [number, number, number] = [15, 92, 77]): Buffer {
  const size = 48;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const inner = x >= 12 && x < 36 && y >= 12 && y < 36;
      row.set(inner ? [200, 150, 46] : ground, 1 + x * 3);
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A minimal one-page PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

const DURIAN = { th: 'ทุเรียนหมอนทองอบกรอบ', zh: '金枕榴莲干', en: 'Crispy Monthong durian' };
const MANGO = { th: 'มะม่วงอบแห้งพรีเมียม', zh: '精选芒果干', en: 'Premium dried mango' };

/**
 * Pictures, prices and scans in a phone-sized browser: a seller adds a PNG picture to a product (a file that is not a
 * picture is refused in Thai), a Chinese buyer sees it as the cover in yuan at the day's reference rate and narrows the
 * results with the price facet; a certificate goes in with its PDF scan, which the compliance queue links to.
 */
describe.skipIf(!HAS_CHROMIUM)('pictures, prices in yuan and certificate scans in the browser (390×844)', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let owner: { email: string; token: string };
  let officer: { email: string; token: string };
  let sellerId = '';
  let durianId = '';
  let mangoId = '';
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    owner = await userWithToken(server, [], uniqueEmail('media'));
    officer = await userWithToken(server, ['compliance_officer']);
    const admin = await userWithToken(server, ['admin']);
    // The day's reference rate first: the search keeps the rate it found for a minute.
    const rate = await server.app.inject({
      method: 'POST',
      url: '/api/v1/fx-rates',
      headers: bearer(admin.token),
      payload: { currency: 'CNY', rate_date: bangkokToday(), thb_per_unit: '5.0000', source: 'BOT' },
    });
    expect(rate.statusCode, rate.body).toBe(201);

    const seller = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sellers',
      headers: bearer(owner.token),
      payload: sellerBody({ province_code: 'TH-22' }),
    });
    expect(seller.statusCode, seller.body).toBe(201);
    sellerId = seller.json().id;
    await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/submit`, headers: bearer(owner.token) });
    const verified = await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/verify`, headers: bearer(officer.token) });
    expect(verified.json().status).toBe('verified');
    const cert = await server.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token),
      payload: { seller_id: sellerId, type: 'thai_fda', number: '22-1-01234-1-0007', expires_on: isoDay(700) },
    });
    expect(cert.statusCode, cert.body).toBe(201);
    const approved = await server.app.inject({ method: 'POST', url: `/api/v1/certifications/${cert.json().id}/approve`, headers: bearer(officer.token) });
    expect(approved.json().status).toBe('approved');

    async function listProduct(sku: string, title: typeof DURIAN, satang: number): Promise<string> {
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
          variants: [{ sku, price: { amount_minor: satang, currency: 'THB' }, weight_g: 100, net_content: { amount: 100, unit: 'g' } }],
          certification_ids: [cert.json().id],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const id: string = res.json().id;
      const patched = await server.app.inject({
        method: 'PATCH',
        url: `/api/v1/products/${id}`,
        headers: bearer(owner.token),
        payload: { translations: { zh: { status: 'reviewed' }, en: { status: 'reviewed' } } },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const stock = await server.app.inject({
        method: 'POST',
        url: '/api/v1/inventory/adjustments',
        headers: bearer(owner.token),
        payload: { variant_id: res.json().variants[0].id, warehouse_code: 'GTC-BKK', delta: 10, reason: 'receipt' },
      });
      expect(stock.statusCode, stock.body).toBeLessThan(300);
      return id;
    }
    // ฿350 → ¥70 and ฿2,000 → ¥400 at 5 baht per yuan.
    durianId = await listProduct('MED-DURIAN', DURIAN, 35_000);
    mangoId = await listProduct('MED-MANGO', MANGO, 200_000);

    browser = await launch();
    ({ context, page } = await phonePage(browser, problems));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/media-${name}.png`, fullPage: true });
  /** A long page's section alone, so that the screenshot stays readable. */
  const shotOf = (locator: Locator, name: string) => locator.screenshot({ path: `${SCREENSHOTS}/media-${name}.png` });
  const testId = (id: string) => page.getByTestId(id);
  const card = (id: string) => page.locator(`[data-testid="shop-card"][data-product-id="${id}"]`);

  async function login(email: string) {
    await page.goto(`${server.url}/login`);
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

  it('a seller adds a PNG picture to a product and sees it as the cover', async () => {
    await login(owner.email);
    await page.waitForURL(/\/seller$/);
    await page.goto(`${server.url}/seller/products/${durianId}`);
    const images = testId('product-images');
    await images.waitFor();
    await testId('product-images-empty').waitFor();
    expect(await images.getAttribute('data-count')).toBe('0');
    await shotOf(images, '01-no-pictures');

    // A file that only claims to be a PNG: refused by the server, in Thai.
    await testId('image-file').setInputFiles({ name: 'not-a-picture.png', mimeType: 'image/png', buffer: Buffer.from('hello, not a picture') });
    await expect.poll(() => testId('images-error').getAttribute('data-code')).toBe('image_type_unsupported');
    expect(await testId('images-error').textContent()).toContain('รองรับเฉพาะรูป JPEG, PNG หรือ WebP');
    await shotOf(images, '02-picture-refused');

    // A real PNG: it becomes the cover.
    await testId('image-file').setInputFiles({ name: 'durian.png', mimeType: 'image/png', buffer: tinyPng() });
    await testId('image-added').waitFor();
    await expect.poll(() => images.getAttribute('data-count')).toBe('1');
    expect(await testId('images-error').count()).toBe(0);
    const cover = page.locator('[data-testid="product-image"][data-cover="true"]');
    expect(await cover.getByTestId('product-image-cover').textContent()).toBe(th.catalogue.image_cover);
    await expect.poll(() => cover.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
    await shotOf(images, '03-picture-cover');

    // Removing asks first; going back keeps it.
    await cover.getByTestId('image-remove').click();
    await testId('image-remove-step').waitFor();
    await shotOf(images, '03b-picture-remove-confirm');
    await testId('image-remove-step-cancel').click();
    expect(await images.getAttribute('data-count')).toBe('1');

    // Two more pictures; the last one is removed after the confirmation, the cover stays first.
    await testId('image-file').setInputFiles({ name: 'durian-open.png', mimeType: 'image/png', buffer: tinyPng([180, 40, 30]) });
    await expect.poll(() => images.getAttribute('data-count')).toBe('2');
    await testId('image-file').setInputFiles({ name: 'durian-box.png', mimeType: 'image/png', buffer: tinyPng([40, 60, 160]) });
    await expect.poll(() => images.getAttribute('data-count')).toBe('3');
    const third = testId('product-image').nth(2);
    const thirdId = await third.getAttribute('data-image-id');
    await third.getByTestId('image-remove').click();
    await testId('image-remove-step-confirm').click();
    await expect.poll(() => images.getAttribute('data-count')).toBe('2');
    expect(await page.locator(`[data-testid="product-image"][data-image-id="${thirdId}"]`).count()).toBe(0);
    expect(await testId('product-image').first().getAttribute('data-cover')).toBe('true');
    await shotOf(images, '03c-two-pictures');
    await logout();

    expect(problems).toEqual([]);
  });

  it('a Chinese buyer sees prices in yuan with pictures and narrows the results by price', async () => {
    await page.goto(`${server.url}/`);
    await testId('lang-zh').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh');
    await testId('nav-shop').click();
    await page.waitForURL(/\/shop$/);
    expect(await testId('shop-page').getAttribute('data-market')).toBe('CN_CBEC');

    // Both products, priced in yuan; the durian with its picture, the mango with a neutral box.
    const durian = card(durianId);
    const mango = card(mangoId);
    await durian.waitFor();
    await mango.waitFor();
    expect(await durian.getByTestId('shop-card-price').textContent()).toBe('¥70.00');
    expect(await durian.getByTestId('shop-card-price').getAttribute('data-currency')).toBe('CNY');
    expect(await mango.getByTestId('shop-card-price').textContent()).toBe('¥400.00');
    const picture = durian.getByTestId('shop-card-image');
    expect(await picture.getAttribute('alt')).toBe(DURIAN.zh);
    expect(await picture.getAttribute('loading')).toBe('lazy');
    expect(await picture.getAttribute('src')).toMatch(/^\/api\/v1\/images\//);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
    expect(await mango.getByTestId('shop-card-image-none').count()).toBe(1);
    // The picture box has the same size with or without a picture: the layout does not jump.
    const box = await durian.locator('.shop-card-media').boundingBox();
    const emptyBox = await mango.locator('.shop-card-media').boundingBox();
    expect(box?.width).toBe(emptyBox?.width);
    expect(box?.height).toBe(emptyBox?.height);
    await shot('04-shop-cny');

    // The price facet, in yuan: ¥50–100 holds the durian, ¥200–500 the mango.
    await testId('shop-filters').locator('summary').click();
    const cheap = page.locator('[data-testid="facet-price-option"][data-value="5000-10000"]');
    expect(await cheap.locator('span').first().textContent()).toBe('¥50–100');
    expect(await cheap.locator('.chip-count').textContent()).toBe('1');
    expect(await page.locator('[data-testid="facet-price-option"][data-value="20000-50000"]').locator('span').first().textContent()).toBe('¥200–500');
    expect(await page.locator('[data-testid="facet-price-option"][data-value="50000-"]').count()).toBe(0);
    expect(await testId('price-range').getAttribute('data-currency')).toBe('CNY');
    await testId('facet-price').scrollIntoViewIfNeeded();
    await shot('05-price-facet');
    await cheap.click();
    // The bucket's upper bound is exclusive; price_max is inclusive, so the bucket asks for up to ¥99.99.
    await page.waitForURL((url) => url.searchParams.get('min') === '50' && url.searchParams.get('max') === '99.99');
    await expect.poll(() => mango.count()).toBe(0);
    expect(await durian.count()).toBe(1);
    expect(await cheap.getAttribute('aria-pressed')).toBe('true');
    const chip = page.locator('[data-testid="active-filter"][data-filter="price"]');
    expect(await chip.textContent()).toContain('¥50–100');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('06-price-filtered');

    // Clearing the active filter brings the mango back.
    await chip.click();
    await page.waitForURL((url) => !url.searchParams.has('min'));
    await mango.waitFor();
    expect(await testId('active-filters').count()).toBe(0);

    // "And above" speaks Chinese. Until the answer arrives its currency is unknown: no chip guesses baht meanwhile.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route('**/api/v1/search?**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/shop?min=500`);
    await testId('shop-page').waitFor();
    expect(await page.locator('[data-testid="active-filter"][data-filter="price"]').count()).toBe(0);
    answer();
    await testId('active-filters').waitFor();
    await page.unroute('**/api/v1/search?**');
    expect(await page.locator('[data-testid="active-filter"][data-filter="price"]').textContent()).toContain(
      zh.shop.price_and_above.replace('{{price}}', '¥500'),
    );
    await testId('shop-empty').waitFor();
    // Another market speaks another currency: switching lifts the price range.
    await testId('market-INTL').click();
    await page.waitForURL((url) => !url.searchParams.has('min'));
    await expect.poll(() => card(durianId).getByTestId('shop-card-price').getAttribute('data-currency')).toBe('THB');
    await testId('market-CN_CBEC').click();
    await expect.poll(() => card(durianId).getByTestId('shop-card-price').textContent()).toBe('¥70.00');

    // The product page: the picture big, the price of the product itself in baht.
    await page.goto(`${server.url}/shop/product/${durianId}`);
    await testId('product-gallery').waitFor();
    const big = testId('product-image');
    expect(await big.getAttribute('alt')).toBe(DURIAN.zh);
    await expect.poll(() => big.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
    // The product's own price in baht, and about as much in yuan at the same rate.
    expect(await testId('product-price').textContent()).toBe('฿350.00');
    await expect.poll(() => testId('product-price-approx').textContent()).toBe('约 ¥70.00');
    // The second picture as a thumbnail takes the big place when tapped.
    expect(await testId('product-thumb').count()).toBe(2);
    const coverSrc = await big.getAttribute('src');
    expect(await testId('product-thumb').first().getAttribute('aria-pressed')).toBe('true');
    await testId('product-thumb').nth(1).click();
    await expect.poll(() => testId('product-thumb').nth(1).getAttribute('aria-pressed')).toBe('true');
    expect(await big.getAttribute('src')).not.toBe(coverSrc);
    await shot('07-product-gallery');
    await page.goto(`${server.url}/shop/product/${mangoId}`);
    await testId('product-image-none').waitFor();

    expect(problems).toEqual([]);
  });

  it('a seller submits a certificate with its PDF scan; the compliance queue links to it', async () => {
    await login(owner.email);
    await page.waitForURL(/\/seller$/);
    await page.goto(`${server.url}/seller/certificates`);
    await testId('cert-form').waitFor();
    await testId('cert-type').selectOption('halal');
    await testId('cert-number').fill('HL-2568-0042');
    await testId('cert-expires-on').fill(isoDay(365));
    // Not a scan: refused at the field before anything is sent.
    await testId('cert-document').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') });
    await expect.poll(() => page.locator('[data-error-for="document"]').textContent()).toBe('รับเฉพาะไฟล์ PDF, JPEG หรือ PNG');
    await testId('cert-document').setInputFiles({ name: 'halal.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => testId('cert-document-name').textContent()).toBe('halal.pdf');
    expect(await page.locator('[data-error-for="document"]').textContent()).toBe('');
    await shotOf(testId('cert-form'), '08-cert-with-scan');
    await testId('cert-submit').click();
    await testId('cert-submitted').waitFor();
    const row = testId('cert-row').filter({ hasText: 'HL-2568-0042' });
    const link = row.getByTestId('cert-document-link');
    expect(await link.textContent()).toBe(th.certs.document_view);
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/v1\/certifications\/.+\/document$/);
    // The seller's session may read it: the very bytes sent.
    const mine = await page.request.get(`${server.url}${href}`);
    expect(mine.status()).toBe(200);
    expect(mine.headers()['content-type']).toContain('application/pdf');
    expect(Buffer.from(await mine.body()).equals(PDF)).toBe(true);
    await shotOf(testId('cert-list-card'), '09-cert-scan-link');
    // The certificate without a scan has no link.
    expect(await testId('cert-row').filter({ hasText: '22-1-01234-1-0007' }).getByTestId('cert-document-link').count()).toBe(0);
    await logout();

    // The officer sees the link in the queue and can open the scan before approving.
    await login(officer.email);
    await page.waitForURL(/\/compliance$/);
    await testId('compliance-tab-certificates').click();
    const item = testId('cert-queue-item').filter({ hasText: 'HL-2568-0042' });
    await item.waitFor();
    const queued = item.getByTestId('cert-queue-document-link');
    expect(await queued.textContent()).toBe(th.certs.document_view);
    expect(await queued.getAttribute('href')).toBe(href);
    const theirs = await page.request.get(`${server.url}${href}`);
    expect(theirs.status()).toBe(200);
    await shotOf(item, '10-queue-scan-link');
    await item.getByTestId('cert-approve').click();
    await testId('cert-queue-done').waitFor();
    await logout();

    expect(problems).toEqual([]);
  });
});
