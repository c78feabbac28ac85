import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, localDate } from '../../src/kernel/clock.js';
import { type TestApp, userWithToken } from '../support/app.js';
import { browserApp, HAS_CHROMIUM, SCREENSHOTS, signIn } from '../support/browser.js';
import { openShop } from '../support/shop.js';
import { call, dispatched, paidOrder, statusOf } from '../support/spine.js';

const HOUR_MS = 3_600_000;

/**
 * The sandbox carrier in the GTC console: with no real carrier in a demo, the operator moves a dispatched parcel along
 * its journey from the dispatch tab. A Thai PromptPay order needs no customs, so the carrier's delivery finishes it: the
 * waybill is scanned, the first event sent with Enter, the others tapped, and the buyer's order ends `delivered` with the
 * events in the order they were sent. The same event twice is answered as a duplicate and counts once.
 */
describe.skipIf(!HAS_CHROMIUM)('the sandbox carrier in the GTC console (390×844)', () => {
  // The server's clock stands still unless told: an hour passes between the carrier's events.
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

  it('drives a Thai parcel from pick-up to the buyer’s door', { timeout: 120_000 }, async () => {
    const shop = await openShop(t, { date: localDate(clock.now(), 7) });
    const product = await shop.list({ sku: 'CARRIER-SCARF', satang: 45_000, stock: 10, weight_g: 140 });
    const operator = await userWithToken(t, ['gtc_operator']);
    const { buyer, order_id } = await paidOrder(t, product.variant_id, 'TH');
    const { parcel, consignment } = await dispatched(t, operator, order_id);
    expect(await statusOf(t, buyer.token, order_id)).toBe('shipped');

    await signIn(page, url, operator.email, 'th');
    await page.goto(`${url}/gtc`);
    await page.getByTestId('gtc-tab-dispatch').click();
    await page.waitForURL(/\/gtc\/dispatch$/);
    const card = page.locator(`[data-testid="gtc-consignment"][data-consignment-id="${consignment.id}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('dispatched');

    // Open the sandbox carrier and scan the parcel's waybill: the parcel is chosen and its first step has the focus.
    const box = card.getByTestId('gtc-carrier-sandbox');
    await box.getByTestId('gtc-carrier-toggle').click();
    const row = box.locator(`[data-testid="gtc-carrier-parcel"][data-parcel-id="${parcel.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-tracking-status')).toBe('');
    await box.getByTestId('gtc-carrier-find').fill(parcel.tracking_no);
    await box.getByTestId('gtc-carrier-find').press('Enter');
    const selected = box.getByTestId('gtc-carrier-selected');
    await selected.waitFor();
    expect(await selected.getAttribute('data-parcel-id')).toBe(parcel.id);
    expect(await selected.getAttribute('data-next')).toBe('picked_up');
    await expect.poll(() => selected.getAttribute('data-order-status')).toBe('shipped');
    // A Thai parcel crosses no border: its route has no border or customs steps; the mishaps are always there.
    const codes = await selected.getByTestId('gtc-carrier-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toEqual(['picked_up', 'departed_hub', 'out_for_delivery', 'delivered', 'failed_delivery', 'returned', 'lost']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null)).toBe('picked_up');

    const answered = (code: string) => box.locator(`[data-testid="gtc-carrier-result"] [data-code="${code}"]`);
    // The scanner's station: Enter sends the step that has the focus.
    clock.advance(HOUR_MS);
    await page.keyboard.press('Enter');
    await answered('picked_up').waitFor();
    expect(await answered('picked_up').getAttribute('data-outcome')).toBe('applied');
    await expect.poll(() => selected.getAttribute('data-next')).toBe('departed_hub');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null)).toBe('departed_hub');
    expect(await selected.locator('[data-testid="gtc-carrier-event"][data-code="picked_up"]').getAttribute('data-state')).toBe('done');

    // The rest by touch.
    for (const code of ['departed_hub', 'out_for_delivery'] as const) {
      clock.advance(HOUR_MS);
      await selected.locator(`[data-testid="gtc-carrier-event"][data-code="${code}"]`).click();
      await answered(code).waitFor();
      expect(await answered(code).getAttribute('data-outcome')).toBe('applied');
    }
    await expect.poll(() => selected.getAttribute('data-tracking-status')).toBe('out_for_delivery');
    await expect.poll(() => box.getByTestId('gtc-carrier-timeline-event').count()).toBe(3);
    await page.screenshot({ path: `${SCREENSHOTS}/gtc-sandbox-01-out-for-delivery.png`, fullPage: true });

    clock.advance(HOUR_MS);
    await selected.locator('[data-testid="gtc-carrier-event"][data-code="delivered"]').click();
    await answered('delivered').waitFor();
    expect(await answered('delivered').getAttribute('data-outcome')).toBe('applied');
    await expect.poll(() => selected.getAttribute('data-status')).toBe('delivered');
    await expect.poll(() => selected.getAttribute('data-order-status')).toBe('delivered');
    expect(await selected.getAttribute('data-next')).toBe('');
    await box.getByTestId('gtc-carrier-ended').waitFor();
    expect(await row.getAttribute('data-status')).toBe('delivered');
    await expect.poll(() => box.getByTestId('gtc-carrier-timeline-event').count()).toBe(4);

    // The same event again: the carrier's webhook answers that it already has it, and nothing changes.
    await selected.locator('[data-testid="gtc-carrier-event"][data-code="delivered"]').click();
    await expect.poll(() => answered('delivered').getAttribute('data-outcome')).toBe('duplicate');
    await page.screenshot({ path: `${SCREENSHOTS}/gtc-sandbox-02-delivered.png`, fullPage: true });

    // What the buyer sees through the API: delivered, with the events in the order they happened.
    expect(await statusOf(t, buyer.token, order_id)).toBe('delivered');
    const tracking = await call(t, 'GET', `/orders/${order_id}/tracking`, buyer.token);
    expect(tracking.statusCode, tracking.body).toBe(200);
    const events = tracking.json().events as { code: string; occurred_at: string; late: boolean }[];
    expect(events.map((e) => e.code)).toEqual(['picked_up', 'departed_hub', 'out_for_delivery', 'delivered']);
    expect(events.every((e) => !e.late)).toBe(true);
    const times = events.map((e) => Date.parse(e.occurred_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(4);
    expect(tracking.json().status).toBe('delivered');
    expect(problems).toEqual([]);
  });
});
