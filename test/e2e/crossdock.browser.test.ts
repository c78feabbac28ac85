import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, localDate } from '../../src/kernel/clock.js';
import type { TestApp } from '../support/app.js';
import { browserApp, HAS_CHROMIUM, SCREENSHOTS, signIn } from '../support/browser.js';
import { openShop } from '../support/shop.js';
import { call, paidOrder } from '../support/spine.js';

/**
 * Cross-dock (issue 5): a paid order reserved from the seller's own premises cannot be picked at the
 * hub. The seller's inbound page says so and fills the booking with what the orders need.
 */
describe.skipIf(!HAS_CHROMIUM)('orders waiting for the seller’s goods at the hub, in the browser (390×844)', () => {
  const clock = new FakeClock(new Date());
  let t: TestApp;
  let url = '';
  let page: Page;
  let problems: string[] = [];
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ t, url, page, problems, close } = await browserApp({ clock }));
  });

  afterAll(async () => close?.());

  it('the seller (th) sees what the orders wait for and announces it in one tap', { timeout: 120_000 }, async () => {
    const shop = await openShop(t, { date: localDate(clock.now(), 7) });
    const product = await shop.list({ sku: 'OWN-SILK-SHAWL', satang: 150_000, stock: 0, weight_g: 220 });
    const stocked = await call(t, 'POST', '/inventory/adjustments', shop.owner.token, {
      variant_id: product.variant_id,
      warehouse_code: 'SELLER',
      delta: 6,
      reason: 'opening',
    });
    expect(stocked.statusCode, stocked.body).toBe(201);
    await paidOrder(t, product.variant_id, 'TH', 2);
    await paidOrder(t, product.variant_id, 'TH', 1);

    await signIn(page, url, shop.owner.email, 'th');
    await page.goto(`${url}/seller/inbound`);
    const line = page.locator(`[data-testid="inbound-awaiting-line"][data-variant-id="${product.variant_id}"]`);
    await line.waitFor();
    expect(await line.getAttribute('data-quantity')).toBe('3');
    expect(await line.textContent()).toContain('OWN-SILK-SHAWL');
    expect(await line.textContent()).toContain('2 คำสั่งซื้อ');
    await page.getByTestId('inbound-awaiting-announce').click();
    await expect.poll(() => page.getByTestId('inbound-variant-0').inputValue()).toBe(product.variant_id);
    expect(await page.getByTestId('inbound-quantity-0').inputValue()).toBe('3');
    await page.screenshot({ path: `${SCREENSHOTS}/crossdock-01-awaiting.png`, fullPage: true });
    await page.getByTestId('inbound-submit').click();
    await page.getByTestId('inbound-booked').waitFor();
    const shipment = page.getByTestId('inbound-shipment');
    await shipment.waitFor();
    expect(await shipment.getByTestId('inbound-line-announced').getAttribute('data-value')).toBe('3');
    expect(problems).toEqual([]);
  });
});
