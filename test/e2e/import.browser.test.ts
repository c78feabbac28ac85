import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, sellerBody, uniqueEmail, userWithToken } from '../support/app.js';
import { HAS_CHROMIUM, launch, phonePage, SCREENSHOTS } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

/** The Thai texts the page shows, straight from the app's own translations. */
const th = JSON.parse(readFileSync('web/src/i18n/th.json', 'utf8')) as {
  import: { status: Record<string, string> };
};

type Server = Awaited<ReturnType<typeof startTestServer>>;

const HEADER = 'sku,product_key,category_code,hs_code,title_th,price_thb,weight_g,net_content,stock';
const good = (i: number) => `MG-${i},MG-${i},food.dried_fruit,08045020,มะม่วงอบแห้ง สูตร ${i},89.00,120,100 g,20`;
/** Five good rows and two bad ones; the header is row 1, so the bad ones are rows 4 and 7. */
const ROWS = [
  good(1),
  good(2),
  'MG-3,MG-3,food.dried_fruit,08045020,มะม่วงอบแห้ง ราคาผิด,-5,120,100 g,20',
  good(4),
  good(5),
  'MG-6,MG-6,food.dried_fruit,12,มะม่วงอบแห้ง พิกัดผิด,89.00,120,100 g,20',
  good(7),
];
/** A 1×1 PNG: binary, so not a spreadsheet whatever its name. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/**
 * Bulk import in a phone-sized browser, in Thai: a verified seller goes from the product list to the import page, uploads
 * a CSV saved by Thai Excel (Windows-874) with five good rows and two bad ones, follows the progress bar to the end, reads
 * the counts and the two row errors with their row numbers, finds the import in the recent list, and then is told plainly
 * that a picture is not a spreadsheet.
 */
describe.skipIf(!HAS_CHROMIUM)('product import in the browser (th, 390×844)', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let owner: { email: string; token: string };
  let dir = '';
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const officer = await userWithToken(server, ['compliance_officer']);
    owner = await userWithToken(server, [], uniqueEmail('importer'));
    const seller = await server.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody() });
    expect(seller.statusCode, seller.body).toBe(201);
    const sellerId = seller.json().id;
    await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/submit`, headers: bearer(owner.token) });
    const verified = await server.app.inject({ method: 'POST', url: `/api/v1/sellers/${sellerId}/verify`, headers: bearer(officer.token) });
    expect(verified.json().status).toBe('verified');

    dir = mkdtempSync(path.join(tmpdir(), 'saphan-import-'));
    browser = await launch();
    ({ context, page } = await phonePage(browser, problems));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/import-${name}.png`, fullPage: true });
  const testId = (id: string) => page.getByTestId(id);
  /** Nothing wider than the phone (390 px): tables scroll inside their own box. */
  const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - 390);

  it('imports a Windows-874 CSV with live progress, counts and Thai row errors; refuses a picture', async () => {
    const csvPath = path.join(dir, 'สินค้า-มะม่วง.csv');
    const bytes = iconv.encode(`${HEADER}\r\n${ROWS.join('\r\n')}\r\n`, 'windows-874');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    writeFileSync(csvPath, bytes);
    const pngPath = path.join(dir, 'photo.png');
    writeFileSync(pngPath, PNG);

    // 1. Sign in in Thai; my products; the import link.
    await page.goto(`${server.url}/login`);
    await testId('lang-th').click();
    await testId('login-email').fill(owner.email);
    await testId('login-password').fill(PASSWORD);
    await testId('login-submit').click();
    await page.waitForURL(/\/seller$/);
    await testId('nav-products').click();
    await page.waitForURL(/\/seller\/products$/);
    await testId('products-empty').waitFor();
    await shot('01-products-link');
    await testId('products-import').click();
    await page.waitForURL(/\/seller\/products\/import\?seller=/);
    await testId('import-form').waitFor();
    await testId('import-recent-empty').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('th');

    // The three templates download (the Windows-874 one in Thai Excel's encoding).
    for (const [id, type] of [
      ['import-template-xlsx', 'spreadsheetml'],
      ['import-template-csv', 'charset=utf-8'],
      ['import-template-csv-874', 'windows-874'],
    ] as const) {
      const href = await testId(id).getAttribute('href');
      const res = await page.request.get(`${server.url}${href}`);
      expect(res.status(), id).toBe(200);
      expect(res.headers()['content-type'], id).toContain(type);
    }
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await shot('02-import-page');

    // 2. Upload the CSV: the progress bar runs to the end of the seven rows.
    await testId('import-file').setInputFiles(csvPath);
    await testId('import-upload').click();
    await testId('import-accepted').waitFor();
    const progress = testId('import-progress');
    expect(await progress.getAttribute('aria-label')).toBe('ความคืบหน้าการนำเข้า');
    // The job runs in the background; the page asks for its progress every 700 ms until it is done.
    await expect
      .poll(() => progress.evaluate((el) => ({ value: (el as HTMLProgressElement).value, max: (el as HTMLProgressElement).max })), { timeout: 30_000 })
      .toEqual({ value: 7, max: 7 });
    await expect.poll(() => testId('import-job').getAttribute('data-status')).toBe('succeeded');
    expect(await testId('import-status').textContent()).toBe(th.import.status.succeeded);
    expect(await testId('import-progress-text').textContent()).toBe('7 จาก 7 แถว');

    // 3. The counts, and the two bad rows by row number and column, in Thai.
    expect(await testId('import-count-created').getAttribute('data-value')).toBe('5');
    expect(await testId('import-count-updated').getAttribute('data-value')).toBe('0');
    expect(await testId('import-count-unchanged').getAttribute('data-value')).toBe('0');
    expect(await testId('import-count-failed_rows').getAttribute('data-value')).toBe('2');
    const errors = testId('import-error');
    await expect.poll(() => errors.count()).toBe(2);
    const rowErrors = await errors.evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector('[data-testid="import-error-row"]')?.textContent,
        r.querySelector('[data-testid="import-error-column"]')?.textContent,
        r.querySelector('[data-testid="import-error-message"]')?.textContent,
      ]),
    );
    expect(rowErrors).toEqual([
      ['4', 'price_thb', 'ราคาต้องมากกว่าศูนย์'],
      ['7', 'hs_code', 'รหัส HS ต้องเป็นตัวเลข 8 หรือ 10 หลัก'],
    ]);
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await testId('import-job').scrollIntoViewIfNeeded();
    await shot('03-import-done');

    // 4. The recent imports: the file's name, the date in the Buddhist era, done, the counts.
    const recent = testId('import-recent-item').first();
    await expect.poll(() => recent.getAttribute('data-status'), { timeout: 10_000 }).toBe('succeeded');
    expect(await recent.locator('.row-title').textContent()).toBe('สินค้า-มะม่วง.csv');
    expect(await recent.getByTestId('import-recent-date').textContent()).toContain(String(new Date().getFullYear() + 543));
    expect(await recent.getByTestId('import-recent-counts').textContent()).toContain('สร้างใหม่ 5');
    expect(await testId('import-recent-item').count()).toBe(1);

    // In Chinese the row errors come again from the server in Chinese; then back to Thai.
    await testId('lang-zh').click();
    await expect.poll(() => testId('import-error-message').first().textContent()).toBe('价格必须大于零');
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await testId('import-job').scrollIntoViewIfNeeded();
    await shot('04-zh');
    await testId('lang-th').click();
    await expect.poll(() => testId('import-error-message').first().textContent()).toBe('ราคาต้องมากกว่าศูนย์');

    // 5. A picture is refused before any job starts, with the reason in Thai.
    await testId('import-file').setInputFiles(pngPath);
    await testId('import-upload').click();
    const fileError = testId('import-file-error');
    await fileError.waitFor();
    expect(await fileError.getAttribute('data-code')).toBe('file_not_spreadsheet');
    expect(await fileError.getByTestId('import-file-error-detail').textContent()).toBe('ไฟล์นี้ไม่ใช่ CSV หรือ XLSX');
    expect(await fileError.textContent()).toContain('ไม่สามารถอ่านไฟล์นำเข้าได้');
    expect(await testId('import-recent-item').count()).toBe(1);
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await fileError.scrollIntoViewIfNeeded();
    await shot('05-not-a-spreadsheet');

    // 6. The five products are in the list.
    await testId('import-view-products').click();
    await page.waitForURL(/\/seller\/products\?seller=/);
    await expect.poll(() => testId('product-row').count()).toBe(5);
    expect(await testId('product-row').filter({ hasText: 'มะม่วงอบแห้ง สูตร 7' }).count()).toBe(1);
    await shot('06-products-imported');

    expect(problems).toEqual([]);
  });
});
