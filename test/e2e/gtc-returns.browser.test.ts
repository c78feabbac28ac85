import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, localDate } from '../../src/kernel/clock.js';
import { type TestApp, userWithToken } from '../support/app.js';
import { browserApp, HAS_CHROMIUM, SCREENSHOTS, signIn } from '../support/browser.js';
import { openShop } from '../support/shop.js';
import { call, dispatched, paidOrder, statusOf } from '../support/spine.js';

const HOUR_MS = 3_600_000;

interface ParcelView {
  id: string;
  tracking_no: string;
  status: string;
  lines: { variant_id: string; quantity: number }[];
  return_condition: string | null;
  return_received_at: string | null;
}

/**
 * Returned parcels at the GTC's receiving dock: the carrier brings a Thai parcel back to the sender (the buyer is
 * refunded), and the operator checks it back in from the receive tab. The waybill is scanned, a note added, and the goods
 * go back into the hub's stock; a second parcel, found by its id, is written off as damaged and the stock stays as it was.
 */
describe.skipIf(!HAS_CHROMIUM)('returned parcels in the GTC console (390×844)', () => {
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

  /** A paid Thai order, dispatched, then returned to sender by the sandbox carrier: the buyer is refunded. */
  async function returnedParcel(variant_id: string, operator: { token: string }, quantity: number): Promise<ParcelView> {
    const { buyer, order_id } = await paidOrder(t, variant_id, 'TH', quantity);
    const { parcel } = await dispatched(t, operator, order_id);
    expect(await statusOf(t, buyer.token, order_id)).toBe('shipped');
    clock.advance(HOUR_MS);
    const event = await call(t, 'POST', `/sandbox/parcels/${parcel.id}/events`, operator.token, { code: 'returned' }, false);
    expect(event.statusCode, event.body).toBe(200);
    expect(event.json().outcome).toBe('applied');
    expect(await statusOf(t, buyer.token, order_id)).toBe('refunded');
    return parcel as ParcelView;
  }

  async function onHand(token: string, variant_id: string): Promise<number> {
    const stock = await call(t, 'GET', `/inventory?variant_id=${variant_id}`, token);
    expect(stock.statusCode, stock.body).toBe(200);
    const items = stock.json().items as { warehouse_code: string; on_hand: number }[];
    return items.find((i) => i.warehouse_code === 'GTC-BKK')?.on_hand ?? 0;
  }

  async function parcelsWith(token: string, status: string): Promise<ParcelView[]> {
    const list = await call(t, 'GET', `/parcels?warehouse_code=GTC-BKK&status=${status}`, token);
    expect(list.statusCode, list.body).toBe(200);
    return list.json().items as ParcelView[];
  }

  it('checks a returned parcel back into stock and writes a damaged one off', { timeout: 120_000 }, async () => {
    const shop = await openShop(t, { date: localDate(clock.now(), 7) });
    const product = await shop.list({ sku: 'RETURN-SCARF', satang: 39_000, stock: 10, weight_g: 140 });
    const operator = await userWithToken(t, ['gtc_operator']);
    const resellable = await returnedParcel(product.variant_id, operator, 2);
    const damaged = await returnedParcel(product.variant_id, operator, 1);
    const quantity = resellable.lines.reduce((sum, l) => sum + l.quantity, 0);
    expect(quantity).toBe(2);
    const before = await onHand(shop.owner.token, product.variant_id);

    await signIn(page, url, operator.email, 'th');
    await page.goto(`${url}/gtc/receive`);
    const card = page.getByTestId('gtc-returns-card');
    await card.waitFor();
    const row = (p: ParcelView) => card.locator(`[data-testid="gtc-return-row"][data-parcel-id="${p.id}"]`);
    await row(resellable).waitFor();
    await row(damaged).waitFor();
    expect(await card.getAttribute('data-count')).toBe('2');

    // A waybill that is not among the returns: said so, nothing chosen.
    const find = card.getByTestId('gtc-returns-find');
    await find.fill('SP000000000TH');
    await find.press('Enter');
    await card.getByTestId('gtc-returns-find-error').waitFor();
    expect(await card.getByTestId('gtc-return-selected').count()).toBe(0);

    // The scanner types the waybill and Enter: the parcel is chosen, the field empty and ready for the next scan.
    await find.fill(resellable.tracking_no);
    await find.press('Enter');
    const selected = card.getByTestId('gtc-return-selected');
    await selected.waitFor();
    expect(await selected.getAttribute('data-parcel-id')).toBe(resellable.id);
    expect(await selected.getAttribute('data-status')).toBe('returned');
    expect(await find.inputValue()).toBe('');
    expect(await card.getByTestId('gtc-returns-find-error').count()).toBe(0);
    expect(await selected.getByTestId('gtc-return-line').getAttribute('data-quantity')).toBe('2');
    await selected.getByTestId('gtc-return-returned-at').waitFor();
    await selected.getByTestId('gtc-return-note').fill('กล่องสภาพดี ซีลยังอยู่');
    await page.screenshot({ path: `${SCREENSHOTS}/gtc-returns-01-scanned.png`, fullPage: true });

    await selected.getByTestId('gtc-return-resellable').click();
    const result = card.locator('[data-testid="gtc-return-result"] [data-parcel-id]');
    await expect.poll(() => result.getAttribute('data-parcel-id')).toBe(resellable.id);
    expect(await result.getAttribute('data-condition')).toBe('resellable');
    expect(await result.getAttribute('data-status')).toBe('return_received');
    await expect.poll(() => row(resellable).count()).toBe(0);
    expect(await card.getByTestId('gtc-return-selected').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe('gtc-returns-find');

    // Through the API: the goods are back in GTC-BKK's stock; the parcel is checked in, no longer `returned`.
    expect(await onHand(shop.owner.token, product.variant_id)).toBe(before + quantity);
    expect((await parcelsWith(operator.token, 'returned')).map((p) => p.id)).toEqual([damaged.id]);
    const checkedIn = (await parcelsWith(operator.token, 'return_received')).find((p) => p.id === resellable.id);
    expect(checkedIn?.return_condition).toBe('resellable');
    expect(checkedIn?.return_received_at).not.toBeNull();
    // Once only: a second receipt is refused.
    const again = await call(t, 'POST', `/parcels/${resellable.id}/return-receipt`, operator.token, { condition: 'resellable' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('parcel_not_returned');

    // The second parcel by its id, written off as damaged: the stock does not change.
    await find.fill(damaged.id);
    await find.press('Enter');
    await expect.poll(() => card.getByTestId('gtc-return-selected').getAttribute('data-parcel-id')).toBe(damaged.id);
    await card.getByTestId('gtc-return-damaged').click();
    await expect.poll(() => result.getAttribute('data-parcel-id')).toBe(damaged.id);
    expect(await result.getAttribute('data-condition')).toBe('damaged');
    await card.getByTestId('gtc-returns-empty').waitFor();
    expect(await card.getAttribute('data-count')).toBe('0');
    await page.screenshot({ path: `${SCREENSHOTS}/gtc-returns-02-written-off.png`, fullPage: true });

    expect(await onHand(shop.owner.token, product.variant_id)).toBe(before + quantity);
    expect(await parcelsWith(operator.token, 'returned')).toEqual([]);
    const writtenOff = (await parcelsWith(operator.token, 'return_received')).find((p) => p.id === damaged.id);
    expect(writtenOff?.return_condition).toBe('damaged');
    expect(problems).toEqual([]);
  });
});
