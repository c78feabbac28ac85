import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, userWithToken } from '../support/app.js';
import { HAS_CHROMIUM, launch, phonePage, SCREENSHOTS } from '../support/browser.js';
import { startTestServer } from '../support/server.js';
import { buy, CN_SHIP_TO, openShop, type Shop, TH_SHIP_TO } from '../support/shop.js';

type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['th', 'zh', 'en'] as const;
const texts = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(readFileSync(`web/src/i18n/${l}.json`, 'utf8')) as Tree])) as Record<
  (typeof LANGUAGES)[number],
  Tree
>;
/** A text of the app's own translations, by its dotted key. */
function text(language: (typeof LANGUAGES)[number], key: string): string {
  const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), texts[language]);
  if (typeof value !== 'string') throw new Error(`no text ${language}:${key}`);
  return value;
}

/** Every key of a translation tree, plural forms (`_one`, `_other`) folded into their base key. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(one|other)$/, '')}`;
    if (typeof value === 'string') out.add(path);
    else for (const k of keysOf(value, `${path}.`)) out.add(k);
  }
  return out;
}

describe('checkout texts', () => {
  it('exist in th, zh and en for every key', () => {
    const [th, zh, en] = LANGUAGES.map((l) => keysOf(texts[l]));
    for (const [name, keys] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      expect(
        [...(th ?? [])].filter((k) => !keys?.has(k)),
        `missing in ${name}`,
      ).toEqual([]);
      expect(
        [...(keys ?? [])].filter((k) => !th?.has(k)),
        `missing in th (present in ${name})`,
      ).toEqual([]);
    }
  });
});

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Today in Bangkok: the test server runs on the real clock and quotes at the Bangkok day's reference rate. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * Buying in a phone-sized browser. (a) A buyer in China, UI in 中文: searches, puts scarves of two sellers in the cart,
 * sees the landed cost in yuan with import VAT, gives a resident ID (shown masked once saved), checks out, pays on the
 * sandbox wallet and finds both orders paid. (b) A Thai buyer pays a Thai order by PromptPay: the QR is shown, the
 * sandbox plays the bank app, the page turns to paid by itself.
 */
describe.skipIf(!HAS_CHROMIUM)('cart, checkout and payment in the browser (zh and th, 390×844)', () => {
  let server: Server;
  let browser: Browser;
  let shopA: Shop;
  let shopB: Shop;
  let scarf: { product_id: string; variant_id: string };
  let shawl: { product_id: string; variant_id: string };
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    shopA = await openShop(server, { date: today() });
    shopB = await openShop(server, { date: today() }, { admin: shopA.admin });
    scarf = await shopA.list({ sku: 'SCARF-A1', satang: 89_000, stock: 10 });
    shawl = await shopB.list({ sku: 'SHAWL-B1', satang: 125_000, export_satang: 120_000, stock: 5 });
    browser = await launch();
  });

  afterAll(async () => {
    for (const context of opened) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function signedIn(problems: string[], language: 'zh' | 'th', roles: ('buyer' | 'admin')[] = ['buyer']) {
    const buyer = await userWithToken(server, roles);
    const { context, page } = await phonePage(browser, problems);
    opened.push(context);
    await page.goto(`${server.url}/login`);
    await page.getByTestId(`lang-${language}`).click();
    await page.getByTestId('login-email').fill(buyer.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-logout').waitFor();
    return { buyer, page };
  }

  it('(a) a Chinese buyer buys from two sellers in yuan, gives an identity, pays with the sandbox wallet', async () => {
    const problems: string[] = [];
    const { buyer, page } = await signedIn(problems, 'zh');
    const testId = (id: string) => page.getByTestId(id);
    const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/checkout-${name}.png`, fullPage: true });
    const card = (id: string) => page.locator(`[data-testid="shop-card"][data-product-id="${id}"]`);

    // 1. The shop in 中文 opens on China (CBEC); searching 真丝围巾 finds both sellers' scarves.
    await testId('nav-shop').click();
    await page.waitForURL(/\/shop$/);
    expect(await testId('shop-page').getAttribute('data-market')).toBe('CN_CBEC');
    expect(await testId('nav-cart-count').textContent()).toBe('0');
    await testId('shop-search-input').fill('真丝围巾');
    await testId('shop-search-submit').click();
    await card(scarf.product_id).waitFor();
    await card(shawl.product_id).waitFor();

    // 2. One scarf of seller A from its page…
    await card(scarf.product_id).getByTestId('shop-card-link').click();
    await page.waitForURL(new RegExp(`/shop/product/${scarf.product_id}$`));
    expect(await testId('add-to-cart').getAttribute('data-market')).toBe('CN_CBEC');
    expect(await testId('add-to-cart-submit').textContent()).toBe(text('zh', 'cart.add'));
    await testId('add-to-cart-submit').click();
    await testId('add-to-cart-done').waitFor();
    await expect.poll(() => testId('nav-cart-count').textContent()).toBe('1');
    await shot('a1-added');

    // 3. …and two shawls of seller B.
    await page.goBack();
    await card(shawl.product_id).getByTestId('shop-card-link').click();
    await page.waitForURL(new RegExp(`/shop/product/${shawl.product_id}$`));
    await testId('add-to-cart-more').click();
    expect(await testId('add-to-cart-quantity').inputValue()).toBe('2');
    await testId('add-to-cart-submit').click();
    await testId('add-to-cart-done').waitFor();
    await expect.poll(() => testId('nav-cart-count').textContent()).toBe('3');

    // 4. The cart: one group per seller, the landed cost in CNY with import VAT, the rate of the day, the limits.
    await testId('nav-cart').click();
    await page.waitForURL(/\/cart$/);
    const summary = testId('quote-summary');
    await summary.waitFor();
    expect(await testId('cart-seller').count()).toBe(2);
    expect(await testId('quote-order').count()).toBe(2);
    expect(await page.locator(`[data-testid="cart-seller"][data-seller-id="${shopA.seller_id}"] [data-testid="cart-line"]`).count()).toBe(1);
    expect(await page.locator(`[data-testid="cart-seller"][data-seller-id="${shopB.seller_id}"] [data-testid="cart-line-quantity"]`).textContent()).toBe('2');
    const total = summary.getByTestId('quote-total-total').locator('.amount');
    expect(await total.getAttribute('data-currency')).toBe('CNY');
    expect(await total.textContent()).toMatch(/^¥[\d,]+\.\d{2}$/);
    const minor = async (id: string) => Number(await summary.getByTestId(id).locator('.amount').getAttribute('data-amount-minor'));
    const vat = await minor('quote-total-vat');
    expect(vat).toBeGreaterThan(0);
    // The figures add up: total = goods + shipping + insurance + tax, tax = duty + VAT + consumption tax.
    expect(await minor('quote-total-total')).toBe(
      (await minor('quote-total-goods')) + (await minor('quote-total-shipping')) + (await minor('quote-total-insurance')) + (await minor('quote-total-tax')),
    );
    expect(await minor('quote-total-tax')).toBe((await minor('quote-total-duty')) + vat + (await minor('quote-total-consumption')));
    expect(await testId('quote-fx').getAttribute('data-rate')).toBe('4.8523');
    expect(await testId('quote-fx').getAttribute('data-rate-date')).toBe(today());
    expect(await testId('quote-limit-per-order').getAttribute('data-ok')).toBe('true');
    expect(await testId('quote-limit-annual').getAttribute('data-ok')).toBe('unknown');
    expect(await testId('quote-limit-annual').textContent()).toContain(text('zh', 'checkout.limit_annual_unknown'));
    expect(await testId('quote-order-lane').first().getAttribute('data-lane')).toBeTruthy();
    expect(await testId('checkout-submit').textContent()).toContain(text('zh', 'checkout.place_order'));
    await shot('a2-cart-quote-cny');

    // 5. The identity for customs: once saved only the masked values are shown, and the allowance becomes known.
    await testId('identity-full-name').fill('王小明');
    await testId('identity-id-number').fill('11010519491231002X');
    await testId('identity-phone').fill('+8613800138000');
    await testId('identity-save').click();
    await testId('identity-saved').waitFor();
    const option = testId('identity-option');
    await expect.poll(() => option.count()).toBe(1);
    const masked = await option.getByTestId('identity-masked-number').textContent();
    expect(masked).toMatch(/^110•{13}2X$/);
    expect(await option.getByTestId('identity-masked-name').textContent()).toBe('王••');
    expect(await page.content()).not.toContain('11010519491231002X');
    expect(await option.locator('input').isChecked()).toBe(true);
    await expect.poll(() => testId('quote-limit-annual').getAttribute('data-ok')).toBe('true');
    expect(await testId('quote-limit-annual').getAttribute('data-remaining-minor')).toBe('2600000');

    // 6. Where it goes (a district code is required for China), paid by the wallet in yuan.
    await testId('ship-consignee_name').fill(CN_SHIP_TO.consignee_name);
    await testId('ship-consignee_phone').fill(CN_SHIP_TO.consignee_phone);
    await testId('ship-region').fill(CN_SHIP_TO.region);
    await testId('ship-city').fill(CN_SHIP_TO.city);
    await testId('ship-district_code').fill('4401');
    await testId('ship-address_line').fill(CN_SHIP_TO.address_line);
    await testId('ship-postal_code').fill(CN_SHIP_TO.postal_code);
    expect(await testId('pay-method-wallet').isChecked()).toBe(true);
    await expect.poll(() => testId('checkout-submit').isEnabled()).toBe(true);
    // A district code of four digits is refused at the field, in Chinese.
    await testId('checkout-submit').click();
    const districtError = page.locator('[data-error-for="ship_to.district_code"]');
    await expect.poll(() => districtError.textContent()).not.toBe('');
    expect(await districtError.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await testId('ship-district_code').fill(CN_SHIP_TO.district_code);
    await shot('a3-identity-address');
    await testId('checkout-submit').click();

    // 7. The payment: on to the sandbox wallet (沙箱钱包), pay, back to the payment page which turns to paid.
    await page.waitForURL(/\/pay\/pay_[^/]+$/);
    const paymentId = (await testId('payment-page').getAttribute('data-payment-id')) ?? '';
    expect(await testId('payment-page').getAttribute('data-method')).toBe('wallet');
    expect(await testId('payment-amount').getAttribute('data-currency')).toBe('CNY');
    expect(await testId('payment-allocation').count()).toBe(2);
    await expect.poll(() => testId('nav-cart-count').textContent()).toBe('0');
    await testId('payment-continue').click();
    await page.waitForURL(new RegExp(`/pay/wallet/${paymentId}$`));
    expect(await testId('partner-brand').textContent()).toBe('沙箱钱包');
    await shot('a4-sandbox-wallet');
    await testId('partner-pay').click();
    await page.waitForURL(new RegExp(`/pay/${paymentId}$`));
    await expect.poll(() => testId('payment-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('succeeded');
    await shot('a5-paid');

    // 8. Both orders, one per seller, paid.
    await testId('payment-orders').click();
    await page.waitForURL(/\/orders$/);
    const rows = testId('order-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['paid', 'paid']);
    expect(await rows.first().getByTestId('order-status').textContent()).toBe(text('zh', 'orders.status.paid'));
    await rows.first().getByTestId('order-link').click();
    await testId('order-page').waitFor();
    expect(await testId('order-ship-consignee_name').textContent()).toBe('王••');
    expect(await testId('order-timeline-entry').count()).toBe(2);
    await shot('a6-order');

    // The server agrees.
    const orders = await server.app.inject({ method: 'GET', url: '/api/v1/orders', headers: bearer(buyer.token) });
    expect(
      orders
        .json()
        .items.map((o: { status: string; seller_id: string }) => `${o.status}:${o.seller_id}`)
        .sort(),
    ).toEqual([`paid:${shopA.seller_id}`, `paid:${shopB.seller_id}`].sort());
    expect(problems).toEqual([]);
  });

  it('(b) a Thai buyer pays a Thai order with the PromptPay QR', async () => {
    const problems: string[] = [];
    const { buyer, page } = await signedIn(problems, 'th');
    const testId = (id: string) => page.getByTestId(id);
    const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/checkout-${name}.png`, fullPage: true });

    // 1. In Thai the shop is Thailand's: the scarf goes in the TH cart, priced in baht with VAT included.
    await page.goto(`${server.url}/shop/product/${scarf.product_id}`);
    expect(await testId('add-to-cart').getAttribute('data-market')).toBe('TH');
    await testId('add-to-cart-submit').click();
    await testId('add-to-cart-done').waitFor();
    await testId('add-to-cart-view').click();
    await page.waitForURL(/\/cart$/);
    const summary = testId('quote-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('quote-total-total').locator('.amount').getAttribute('data-currency')).toBe('THB');
    expect(await summary.getByTestId('quote-total-goods').locator('.amount').getAttribute('data-amount-minor')).toBe('89000');
    expect(Number(await testId('quote-vat-included').locator('.amount').getAttribute('data-amount-minor'))).toBeGreaterThan(0);
    expect(await testId('quote-fx').count()).toBe(0);
    expect(await testId('identity-section').count()).toBe(0);

    // 2. The address in Thailand, PromptPay.
    expect(await testId('ship-country').getAttribute('data-country')).toBe('TH');
    await testId('ship-consignee_name').fill(TH_SHIP_TO.consignee_name);
    await testId('ship-consignee_phone').fill(TH_SHIP_TO.consignee_phone);
    await testId('ship-region').fill(TH_SHIP_TO.region);
    await testId('ship-city').fill(TH_SHIP_TO.city);
    await testId('ship-address_line').fill(TH_SHIP_TO.address_line);
    await testId('ship-postal_code').fill(TH_SHIP_TO.postal_code);
    expect(await testId('pay-method-promptpay').isChecked()).toBe(true);
    await shot('b1-cart-th');

    // The cart changes behind the page's back (another tab): checkout refuses the old quote (409 quote_changed), the page
    // says so, prices the cart again and keeps the address.
    const cartId = await testId('cart-items').getAttribute('data-cart-id');
    const added = await server.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${cartId}/items`,
      headers: bearer(buyer.token),
      payload: { variant_id: scarf.variant_id, quantity: 1 },
    });
    expect(added.statusCode, added.body).toBe(200);
    await testId('checkout-submit').click();
    await testId('checkout-quote-changed').waitFor();
    expect(await testId('checkout-quote-changed').textContent()).toBe(text('th', 'checkout.quote_changed'));
    await expect.poll(() => testId('cart-line-quantity').textContent()).toBe('2');
    await expect.poll(() => summary.getByTestId('quote-total-goods').locator('.amount').getAttribute('data-amount-minor')).toBe('178000');
    expect(await testId('ship-address_line').inputValue()).toBe(TH_SHIP_TO.address_line);
    await expect.poll(() => testId('checkout-submit').isEnabled()).toBe(true);
    const total = (await summary.getByTestId('quote-total-total').locator('.amount').textContent()) ?? '';
    expect(total).toMatch(/^฿[\d,]+\.\d{2}$/);
    await testId('checkout-submit').click();

    // 3. The QR (an SVG as a data: image, allowed by the CSP), the amount and the reference.
    await page.waitForURL(/\/pay\/pay_[^/]+$/);
    const qr = testId('promptpay-qr');
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await testId('promptpay-amount').textContent()).toBe(total);
    expect((await testId('promptpay-ref1').textContent())?.length).toBeGreaterThan(0);
    expect(await testId('payment-status').getAttribute('data-status')).not.toBe('succeeded');
    await shot('b2-promptpay-qr');

    // 4. The sandbox plays the bank app; the page notices by itself (it polls) and says paid.
    await testId('promptpay-simulate').click();
    await expect.poll(() => testId('payment-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('succeeded');
    expect(await testId('payment-status').textContent()).toContain(text('th', 'pay.status.succeeded'));
    expect(await testId('promptpay-qr').count()).toBe(0);
    await shot('b3-promptpay-paid');
    await testId('payment-orders').click();
    const row = testId('order-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('paid');

    // 5. Changed their mind before the seller picked it: cancelling a paid order refunds it in full.
    await row.getByTestId('order-link').click();
    await testId('order-page').waitFor();
    await testId('order-cancel').click();
    await testId('order-cancel-step-confirm').click();
    await expect.poll(() => testId('order-page').getAttribute('data-status')).toBe('cancelled');
    expect(await testId('order-refund').count()).toBe(1);
    expect(await testId('order-refunded').locator('.amount').textContent()).toBe(`−${total}`);
    expect(await testId('order-cancel').count()).toBe(0);
    await shot('b4-cancelled-refunded');
    expect(problems).toEqual([]);
  });

  it('(c) the seller sees its orders in Thai; an admin sets rates, imports a CSV and checks the trial balance', async () => {
    // An order of its own, so that this journey does not depend on the others.
    const buyer = await userWithToken(server, ['buyer']);
    const bought = await buy(server, buyer, { market: 'TH', items: [{ variant_id: scarf.variant_id, quantity: 1 }], method: 'promptpay' });
    expect(bought.checkout.statusCode, bought.checkout.body).toBe(201);
    const orderId: string = bought.checkout.json().orders[0].id;

    // The seller's owner (openShop signed them in through the API: the same account signs in here).
    const owner = shopA.owner as { token: string; email?: string };
    if (!owner.email) throw new Error('openShop gave no owner email');
    const problems: string[] = [];
    const { context, page } = await phonePage(browser, problems);
    opened.push(context);
    const testId = (id: string) => page.getByTestId(id);
    const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/checkout-${name}.png`, fullPage: true });
    // Seller screens in Thai (chosen on this device: the test account's profile says English).
    await page.goto(`${server.url}/login`);
    await testId('lang-th').click();
    await testId('login-email').fill(owner.email);
    await testId('login-password').fill(PASSWORD);
    await testId('login-submit').click();
    await page.waitForURL(/\/seller$/);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await testId('nav-admin').count()).toBe(0);
    await testId('nav-seller-orders').click();
    await page.waitForURL(/\/seller\/orders$/);
    const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('pending_payment');
    expect(await row.getByTestId('order-link').textContent()).toContain('ผ้าพันคอไหม SCARF-A1');
    expect(await row.getByTestId('order-status').textContent()).toBe(text('th', 'orders.status.pending_payment'));
    await shot('c1-seller-orders');
    await row.getByTestId('order-link').click();
    await page.waitForURL(new RegExp(`/seller/orders/${orderId}$`));
    await testId('order-page').waitFor();
    expect(await testId('order-cancel').count()).toBe(0);
    expect(await testId('order-pay').count()).toBe(0);
    expect(await testId('order-ship-consignee_phone').textContent()).toMatch(/^•+5678$/);
    await testId('nav-logout').click();
    await page.waitForURL(/\/login$/);

    // An admin: the rates in use, a new USD rate, a CSV of rates, and the books in balance.
    const admin = await userWithToken(server, ['admin']);
    await testId('login-email').fill(admin.email);
    await testId('login-password').fill(PASSWORD);
    await testId('login-submit').click();
    await testId('nav-admin').click();
    await page.waitForURL(/\/admin\/fx-rates$/);
    const cny = page.locator('[data-testid="fx-rate-row"][data-currency="CNY"]');
    await expect.poll(() => cny.getAttribute('data-rate')).toBe('4.8523');
    await testId('fx-currency').selectOption('USD');
    await testId('fx-rate').fill('32.5010');
    await testId('fx-submit').click();
    await testId('fx-saved').waitFor();
    await expect.poll(() => page.locator('[data-testid="fx-rate-row"][data-currency="USD"]').getAttribute('data-rate')).toBe('32.5010');
    await testId('fx-file').setInputFiles({
      name: 'rates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`date,currency,thb_per_unit\n${today()},CNY,4.8600\n${today()},USD,32.4400\n`),
    });
    expect(await testId('fx-file-name').textContent()).toBe('rates.csv');
    await testId('fx-import-submit').click();
    await testId('fx-imported').waitFor();
    expect(await testId('fx-imported').textContent()).toContain('2');
    await expect.poll(() => cny.getAttribute('data-rate')).toBe('4.8600');
    await shot('c2-admin-fx');
    await testId('admin-tab-ledger').click();
    await page.waitForURL(/\/admin\/ledger$/);
    await testId('ledger-table').waitFor();
    expect(await testId('ledger-balanced').textContent()).toContain(text('th', 'admin.ledger_balanced'));
    const thb = page.locator('[data-testid="ledger-row"][data-currency="THB"]');
    expect(await thb.getAttribute('data-balanced')).toBe('true');
    // Money moved (checkouts held it in escrow, payments and a refund posted it): debits equal credits, the net is zero.
    const figure = async (key: string) => Number(await thb.getByTestId(`ledger-${key}`).locator('.amount').getAttribute('data-amount-minor'));
    expect(await figure('debits')).toBeGreaterThan(0);
    expect(await figure('credits')).toBe(await figure('debits'));
    expect(await figure('net')).toBe(0);
    expect(await figure('pending')).toBe(0);
    await shot('c3-admin-ledger');
    expect(problems).toEqual([]);
  });
});
