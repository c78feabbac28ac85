import iconv from 'iconv-lite';
import { runCli, startProcess } from '../test/support/process.js';

/**
 * Import throughput: a Windows-874 CSV of generated products (four sizes each, one row per SKU) is
 * uploaded through the HTTP API as a seller would, and the job is followed to the end; then the same
 * file again (every row unchanged); then `saphan search rebuild` over the whole catalogue.
 */

const HEADER = 'sku,product_key,category_code,hs_code,title_th,title_en,description_th,price_thb,weight_g,net_content,stock';
const KINDS = [
  ['food.dried_fruit', '08045020', 'มะม่วงอบแห้งน้ำดอกไม้', 'Dried Nam Dok Mai mango'],
  ['food.rice', '10063020', 'ข้าวหอมมะลิทุ่งกุลาร้องไห้', 'Thung Kula Hom Mali jasmine rice'],
  ['food.coconut', '08011100', 'มะพร้าวอบกรอบ', 'Crispy toasted coconut chips'],
  ['textile.silk_scarves', '62141000', 'ผ้าพันคอไหมมัดหมี่', 'Mudmee silk scarf'],
  ['household.celadon', '69120090', 'ถ้วยชามเซลาดอน', 'Celadon bowl'],
  ['herbal.balms', '33049900', 'ยาหม่องสมุนไพร', 'Herbal balm'],
] as const;

export function importCsv(rows: number): Buffer {
  const lines = [HEADER];
  for (let i = 0; lines.length <= rows; i++) {
    const [cat, hs, th, en] = KINDS[i % KINDS.length] ?? KINDS[0];
    for (let size = 0; size < 4 && lines.length <= rows; size++) {
      const first = size === 0;
      lines.push(
        [
          `BENCH-${i}-${size}`,
          `BENCH-${i}`,
          first ? cat : '',
          first ? hs : '',
          first ? `${th} รุ่น ${i}` : '',
          first ? `${en} no. ${i}` : '',
          first ? `"${th} จากวิสาหกิจชุมชน, ล็อต ${i}"` : '',
          `${79 + size * 50}.${String(i % 100).padStart(2, '0')}`,
          String(100 + size * 150),
          `${80 + size * 150} g`,
          String(5 + (i % 20)),
        ].join(','),
      );
    }
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-874');
}

export interface ImportBenchRow {
  database: string;
  rows: number;
  import_rows_per_s: number;
  reimport_rows_per_s: number;
  index_rebuild_s: number;
  products_indexed: number;
}

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'saphan-demo-2026' }),
  });
  return String(((await res.json()) as { token: string }).token);
}

async function timedImport(url: string, token: string, seller_id: string, file: Buffer): Promise<number> {
  const form = new FormData();
  form.append('seller_id', seller_id);
  form.append('file', new Blob([new Uint8Array(file)]), 'bench.csv');
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/products/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const { job_id } = (await res.json()) as { job_id: string };
  if (res.status !== 202) throw new Error(`upload refused: ${res.status}`);
  for (;;) {
    const job = (await (await fetch(`${url}/api/v1/jobs/${job_id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      status: string;
      error_count: number;
    };
    if (job.status === 'failed') throw new Error('import job failed');
    if (job.status === 'succeeded') {
      if (job.error_count > 0) throw new Error(`${job.error_count} row errors`);
      return performance.now() - started;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Expects a database the demo was seeded into (env names it); the server runs as its own process. */
export async function benchImport(label: string, env: Record<string, string>, rows: number): Promise<ImportBenchRow> {
  const file = importCsv(rows);
  const server = await startProcess({ ...env, SAPHAN_SEED: 'none', LOG_LEVEL: 'error' }, 180_000);
  let import_ms: number;
  let reimport_ms: number;
  try {
    const token = await login(server.url, 'seller@demo.saphan.test');
    const sellers = (await (await fetch(`${server.url}/api/v1/sellers?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { id: string }[];
    };
    const seller_id = sellers.items[0]?.id ?? '';
    import_ms = await timedImport(server.url, token, seller_id, file);
    reimport_ms = await timedImport(server.url, token, seller_id, file);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
  const rebuilt = runCli(['search', 'rebuild'], env);
  const match = /rebuilt: (\d+) products in (\d+) ms/.exec(rebuilt.stdout);
  if (!match) throw new Error(`search rebuild failed: ${rebuilt.stderr}`);
  return {
    database: label,
    rows,
    import_rows_per_s: Math.round(rows / (import_ms / 1000)),
    reimport_rows_per_s: Math.round(rows / (reimport_ms / 1000)),
    index_rebuild_s: Number(match[2]) / 1000,
    products_indexed: Number(match[1]),
  };
}
