import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_FILINGS, sandboxCustomsEnv } from '../../src/flows/customs.js';
import { FakeClock, localDate } from '../../src/kernel/clock.js';
import { type TestApp, userWithToken } from '../support/app.js';
import { browserApp, HAS_CHROMIUM, SCREENSHOTS, signIn } from '../support/browser.js';
import { openShop } from '../support/shop.js';
import { dispatched, paidOrder } from '../support/spine.js';

/**
 * The compliance officer's way out of a refused declaration (issue 5): the carrier filed its waybill
 * with an old address, so the three-document check refused to send; the officer reads why, tries
 * again too early (refused again, the first kept as superseded), and once the carrier has refiled,
 * declares again: the messages agree and go to customs.
 */
describe.skipIf(!HAS_CHROMIUM)('a refused declaration declared again, in the browser (390×844)', () => {
  const clock = new FakeClock(new Date());
  let t: TestApp;
  let url = '';
  let page: Page;
  let carrier_refiled = false;
  let problems: string[] = [];
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ t, url, page, problems, close } = await browserApp({
      clock,
      customs: sandboxCustomsEnv(undefined, {
        ...SANDBOX_FILINGS,
        waybill: (f, transfer) => {
          const doc = SANDBOX_FILINGS.waybill(f, transfer);
          return carrier_refiled ? doc : { ...doc, consignee_address: `${doc.consignee_address}（旧址）` };
        },
      }),
    }));
  });

  afterAll(async () => close?.());

  it('shows why nothing was sent, refuses again until the carrier refiles, then declares', { timeout: 120_000 }, async () => {
    const shop = await openShop(t, { date: localDate(clock.now(), 7) });
    const product = await shop.list({ sku: 'REDECLARE-SCARF', satang: 90_000, stock: 10, weight_g: 140 });
    const operator = await userWithToken(t, ['gtc_operator']);
    const officer = await userWithToken(t, ['compliance_officer']);
    const { order_id } = await paidOrder(t, product.variant_id);
    await dispatched(t, operator, order_id);

    await signIn(page, url, officer.email, 'th');
    await page.goto(`${url}/compliance/customs`);
    await page.getByTestId('decl-filter-order').fill(order_id);
    await page.getByTestId('decl-search').click();
    const live = page.locator(`[data-testid="declaration"][data-order-id="${order_id}"]:not([data-status="superseded"])`);
    await live.waitFor();
    expect(await live.getAttribute('data-status')).toBe('check_failed');
    const problem = live.getByTestId('decl-problem');
    expect(await problem.count()).toBe(1);
    expect(await live.getByTestId('decl-problem-actual').textContent()).toContain('（旧址）');
    // Nothing went out: no sandbox customs answers to play, but a way to declare again.
    expect(await live.getByTestId('decl-sandbox').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/customs-01-check-failed.png`, fullPage: true });

    // Too early: the carrier has not refiled; the check refuses again and the first attempt is kept, superseded.
    const first = await live.getAttribute('data-declaration-id');
    await live.getByTestId('decl-redeclare').click();
    const superseded = page.locator(`[data-testid="declaration"][data-order-id="${order_id}"][data-status="superseded"]`);
    await expect.poll(() => superseded.count()).toBe(1);
    expect(await superseded.getAttribute('data-declaration-id')).toBe(first);
    expect(await live.getAttribute('data-status')).toBe('check_failed');
    expect(await live.getByTestId('decl-supersedes').textContent()).toBe(first);

    // The carrier refiles; declared again, the four messages agree and go to customs.
    carrier_refiled = true;
    await live.getByTestId('decl-redeclare').click();
    await expect.poll(() => live.getAttribute('data-status')).toBe('submitted');
    expect(await superseded.count()).toBe(2);
    expect(await live.getByTestId('decl-check-ok').count()).toBe(1);
    expect(await live.getByTestId('decl-redeclare').count()).toBe(0);
    expect(await live.getByTestId('decl-status').textContent()).toBe('ยื่นแล้ว');
    await page.screenshot({ path: `${SCREENSHOTS}/customs-02-redeclared.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
