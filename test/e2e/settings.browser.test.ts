import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, sellerBody, uniqueEmail, userWithToken } from '../support/app.js';
import { HAS_CHROMIUM, launch, phonePage, SCREENSHOTS } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

/** The Thai texts the page shows, straight from the app's own translations. */
const th = JSON.parse(readFileSync('web/src/i18n/th.json', 'utf8')) as {
  team: { role: Record<string, string> };
  api_keys: { secret_once: string };
};

const titles = (lang: string) => (JSON.parse(readFileSync(`web/src/i18n/${lang}.json`, 'utf8')) as { api_keys: { title: string } }).api_keys.title;

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The team and API-key screens in a phone-sized browser, in Thai: a seller owner adds a colleague as staff and
 * removes them again, then creates an API key, sees its secret once, uses it, and revokes it.
 */
describe.skipIf(!HAS_CHROMIUM)('team and API keys in the browser (th, 390×844)', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    ({ context, page } = await phonePage(browser, problems, { permissions: ['clipboard-read', 'clipboard-write'], origin: server.url }));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/settings-${name}.png`, fullPage: true });
  const testId = (id: string) => page.getByTestId(id);
  const asKey = (key: string) => fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });

  it('an owner adds and removes staff, then creates, uses and revokes an API key', async () => {
    // A seller owner (the organisation comes with the application) and a registered colleague.
    const owner = await userWithToken(server, [], uniqueEmail('owner'));
    const legalName = `บริษัท ทีมทดสอบ ${Date.now().toString(36)} จำกัด`;
    const seller = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sellers',
      headers: bearer(owner.token),
      payload: sellerBody({ legal_name_th: legalName }),
    });
    expect(seller.statusCode).toBe(201);
    const colleague = await userWithToken(server, [], uniqueEmail('colleague'));

    // 1. Sign in, in Thai (chosen on this device, so the profile's English does not take over).
    await page.goto(`${server.url}/login`);
    await testId('lang-th').click();
    await testId('login-email').fill(owner.email);
    await testId('login-password').fill(PASSWORD);
    await testId('login-submit').click();
    await page.waitForURL(/\/seller$/);
    // Sandbox mode on a loopback address: the footer offers the mailbox.
    await expect.poll(() => testId('nav-sandbox-mail').isVisible()).toBe(true);

    // 2. Team, from the seller page: the owner alone so far.
    await testId('seller-team-link').click();
    await page.waitForURL(/\/seller\/team$/);
    const org = testId('team-org').filter({ hasText: legalName });
    await org.waitFor();
    expect(await org.getByTestId('team-my-role').getAttribute('data-role')).toBe('seller_owner');
    await expect.poll(() => org.getByTestId('team-member').count()).toBe(1);
    expect(await testId('nav-team').getAttribute('aria-current')).toBe('page');
    expect(await testId('nav-my-seller').getAttribute('aria-current')).toBeNull();

    // An address nobody registered: the error is at the field, in Thai.
    await org.getByTestId('team-add-email').fill(uniqueEmail('nobody'));
    await org.getByTestId('team-add-submit').click();
    await expect.poll(() => org.locator('[data-error-for="email"]').textContent()).toBe('ไม่พบผู้ใช้');
    await shot('01-team-unknown-email');

    // 3. Add the colleague as staff.
    await org.getByTestId('team-add-email').fill(colleague.email);
    await org.getByTestId('team-add-submit').click();
    await org.getByTestId('team-added').waitFor();
    const row = org.locator(`[data-testid="team-member"][data-user-id="${colleague.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-role')).toBe('seller_staff');
    expect(await row.getByTestId('team-member-email').textContent()).toBe(colleague.email);
    expect(await row.getByTestId('team-role').textContent()).toBe(th.team.role.seller_staff);
    expect(await org.getByTestId('team-add-email').inputValue()).toBe('');

    // Adding them twice is refused with the server's title.
    await org.getByTestId('team-add-email').fill(colleague.email);
    await org.getByTestId('team-add-submit').click();
    await expect.poll(() => org.getByTestId('team-add-error').textContent()).toBe('ผู้ใช้นี้เป็นสมาชิกอยู่แล้ว');
    await shot('02-team-staff-added');

    // 4. Remove them, after a confirm step.
    await row.getByTestId('team-remove').click();
    await row.getByTestId('team-remove-confirm').waitFor();
    await shot('03-team-remove-confirm');
    await row.getByTestId('team-remove-confirm').click();
    await org.getByTestId('team-removed').waitFor();
    await expect.poll(() => row.count()).toBe(0);
    const members = await server.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${seller.json<{ org_id: string }>().org_id}/members`,
      headers: bearer(owner.token),
    });
    expect(members.json<{ items: { user_id: string }[] }>().items.map((m) => m.user_id)).toEqual([owner.id]);
    await shot('04-team-removed');

    // 5. API keys, from the header: none yet.
    await testId('nav-api-keys').click();
    await page.waitForURL(/\/settings\/api-keys$/);
    await testId('api-keys-empty').waitFor();

    // 6. Create one: the secret is shown once, with the warning, and can be copied.
    await testId('api-key-name').fill('ซิงก์ร้านค้า');
    await testId('api-key-create').click();
    await testId('api-key-secret-box').waitFor();
    expect(await testId('api-key-secret-warning').textContent()).toContain(th.api_keys.secret_once);
    const key = ((await testId('api-key-secret').textContent()) ?? '').trim();
    expect(key.length).toBeGreaterThan(20);
    await testId('api-key-copy').click();
    await expect.poll(() => testId('api-key-copy-state').getAttribute('data-state')).toBe('copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    const item = testId('api-key-item').filter({ hasText: 'ซิงก์ร้านค้า' });
    await item.waitFor();
    expect(await item.textContent()).toContain(key.slice(0, 10));
    await shot('05-api-key-secret');

    // The key works, acting as the owner.
    const before = await asKey(key);
    expect(before.status).toBe(200);
    expect(((await before.json()) as { email: string }).email).toBe(owner.email);

    // Once dismissed, the secret is gone from the page for good.
    await testId('api-key-dismiss').click();
    await testId('api-key-form').waitFor();
    expect(await page.content()).not.toContain(key);

    // 7. Revoke it, after a confirm step: it stops working at once.
    await item.getByTestId('api-key-revoke').click();
    await item.getByTestId('api-key-revoke-confirm').waitFor();
    await shot('06-api-key-revoke-confirm');
    await item.getByTestId('api-key-revoke-confirm').click();
    await testId('api-key-revoked').waitFor();
    await expect.poll(() => item.count()).toBe(0);
    await testId('api-keys-empty').waitFor();
    await shot('07-api-key-revoked');
    expect((await asKey(key)).status).toBe(401);

    // The same screen in Chinese and English.
    await testId('lang-zh').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(titles('zh'));
    await shot('08-api-keys-zh');
    await testId('lang-en').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(titles('en'));
    await testId('lang-th').click();

    expect(problems).toEqual([]);
  });
});
