import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellerBody } from '../support/app.js';
import { type Running, runCli, startProcess, tempDataDir } from '../support/process.js';

/** `saphan import` uploads through the HTTP API with an API key, while the server owns DATA_DIR. */
let running: Running | undefined;
const DATA_DIR = tempDataDir();
let api_key = '';
let seller_id = '';

async function call(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  running = await startProcess({ DATA_DIR, SAPHAN_SEED: 'none' });
  const api = `${running.url}/api/v1`;
  const email = `cli.${process.pid}@test.saphan.example`;
  await call(`${api}/auth/register`, { email, password: 'a long enough password', display_name: 'สมชาย', locale: 'th' });
  const token = String((await call(`${api}/auth/login`, { email, password: 'a long enough password' })).token);
  seller_id = String((await call(`${api}/sellers`, sellerBody(), token)).id);
  api_key = String((await call(`${api}/api-keys`, { name: 'import script' }, token)).key);
}, 120_000);
afterAll(() => running?.child.kill('SIGKILL'));

describe('saphan import', () => {
  it('uploads a Windows-874 file, draws progress, prints refused rows in Thai and exits 1; a re-import changes nothing', () => {
    const file = path.join(DATA_DIR, 'products.csv');
    const csv = [
      'sku,product_key,category_code,hs_code,title_th,price_thb,weight_g,stock',
      'RICE-1,RICE,food.rice,10063020,ข้าวหอมมะลิ 1 กก.,89.00,1050,30',
      'RICE-5,RICE,,,,399.00,5100,12',
      'MANGO-1,MANGO,food.dried_fruit,08045020,มะม่วงอบแห้ง,-5,120,10',
    ].join('\r\n');
    writeFileSync(file, iconv.encode(csv, 'windows-874'));
    const env = { DATA_DIR, SAPHAN_API_KEY: api_key };
    const args = ['import', file, '--seller', seller_id, '--url', running?.url ?? '', '--lang', 'th'];
    const first = runCli(args, env);
    expect(first.status, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/\[#+\] 3\/3 100%/);
    expect(first.stdout).toContain('created 1, updated 0, unchanged 0, rows refused 1');
    expect(first.stdout).toContain('row 4 price_thb: ราคาต้องมากกว่าศูนย์');
    const again = runCli(args, env);
    expect(again.stdout).toContain('created 0, updated 0, unchanged 1, rows refused 1');
  });

  it('exits 4 with the server’s reason when the file cannot be imported, and 2 without an API key', () => {
    const file = path.join(DATA_DIR, 'photo.png');
    writeFileSync(file, Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    const refused = runCli(['import', file, '--seller', seller_id, '--url', running?.url ?? '', '--lang', 'en'], { DATA_DIR, SAPHAN_API_KEY: api_key });
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain('This file is not a CSV or XLSX spreadsheet');
    const no_key = runCli(['import', file, '--seller', seller_id], { DATA_DIR, SAPHAN_API_KEY: '' });
    expect(no_key.status).toBe(2);
  });
});
