/**
 * Search at scale: 100,000 generated products (variations of the demo catalogue) indexed into a fresh
 * database, then a fixed mix of 100 queries at concurrency 32 against a real server process.
 */
import autocannon from 'autocannon';
import { DEMO_PRODUCTS } from '../src/app/demo/products-data.js';
import { DEMO_SELLERS } from '../src/app/demo/sellers-data.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { CATEGORY_BY_CODE } from '../src/modules/catalogue/index.js';
import { indexDocuments, type SearchDocumentInput } from '../src/modules/search/index.js';
import { startProcess } from '../test/support/process.js';

const SIZES = ['50 กรัม', '100 กรัม', '250 กรัม', '500 กรัม', '1 กิโลกรัม', 'แพ็ค 3', 'กล่องของขวัญ', 'ขนาดทดลอง'];
const GRADES = ['พรีเมียม', 'เกรด A', 'ออร์แกนิก', 'สูตรดั้งเดิม', 'ทำมือ', 'OTOP', 'คัดพิเศษ', 'ส่งออก'];
const ZH_SIZES = ['50克', '100克', '250克', '500克', '1公斤', '3包装', '礼盒装', '试用装'];
const EN_SIZES = ['50 g', '100 g', '250 g', '500 g', '1 kg', 'pack of 3', 'gift box', 'trial size'];
const MARKETS = [['TH', 'CN_CBEC', 'INTL'], ['TH', 'INTL'], ['TH'], ['TH', 'CN_CBEC', 'INTL'], ['TH', 'CN_CBEC', 'INTL']];
const CERTS = [['thai_fda'], ['thai_fda', 'otop_stars'], ['otop_stars'], ['tisi_community'], ['thai_fda', 'halal'], []];

export function generatedDocuments(count: number): SearchDocumentInput[] {
  const docs: SearchDocumentInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = DEMO_PRODUCTS[i % DEMO_PRODUCTS.length];
    const seller = DEMO_SELLERS[(base?.seller_index ?? 0) % DEMO_SELLERS.length];
    if (!base || !seller) continue;
    const v = Math.floor(i / DEMO_PRODUCTS.length);
    const category = CATEGORY_BY_CODE.get(base.category_code);
    docs.push({
      product_id: `prd_bench${String(i).padStart(21, '0')}`,
      seller_id: `slr_bench${String(base.seller_index).padStart(21, '0')}`,
      seller_name: seller.legal_name_th,
      province_code: seller.province_code,
      category_code: base.category_code,
      parent_category: category?.parent ?? base.category_code,
      otop_stars: v % 4 === 0 ? null : 1 + (v % 5),
      certifications: CERTS[v % CERTS.length] ?? [],
      price_min_thb_minor: (base.variants[0]?.price_thb_satang ?? 10_000) + (v % 50) * 500,
      in_stock: v % 10 !== 0,
      markets: MARKETS[v % MARKETS.length] ?? ['TH'],
      valid_until: null,
      reviewed: ['th', 'zh', 'en'],
      title: {
        th: `${base.title.th} ${SIZES[v % SIZES.length]} ${GRADES[(v >> 3) % GRADES.length]}`,
        zh: `${base.title.zh} ${ZH_SIZES[v % ZH_SIZES.length]}`,
        en: `${base.title.en} ${EN_SIZES[v % EN_SIZES.length]}`,
      },
      body: [base.description.th, base.description.zh, base.description.en],
    });
  }
  return docs;
}

/** 100 queries: single words and two-word phrases in Thai, Chinese, pinyin and English; one in ten with a facet filter. */
export function queryMix(): string[] {
  const words = [
    ['TH', 'ทุเรียน'],
    ['TH', 'มะม่วง'],
    ['TH', 'ข้าวหอมมะลิ'],
    ['TH', 'ผ้าไหม'],
    ['TH', 'มะพร้าว'],
    ['TH', 'เซลาดอน'],
    ['TH', 'หมอนทอง'],
    ['TH', 'ยาหม่อง'],
    ['TH', 'กาแฟ'],
    ['TH', 'น้ำผึ้ง'],
    ['TH', 'ทุเรียน อบกรอบ'],
    ['TH', 'มะม่วง อบแห้ง'],
    ['TH', 'ผ้าไหม มัดหมี่'],
    ['TH', 'ข้าว หอมมะลิ'],
    ['TH', 'สบู่ สมุนไพร'],
    ['CN_CBEC', '榴莲'],
    ['CN_CBEC', '榴莲干'],
    ['CN_CBEC', '芒果干'],
    ['CN_CBEC', '茉莉香米'],
    ['CN_CBEC', '泰丝'],
    ['CN_CBEC', '青瓷'],
    ['CN_CBEC', '椰子'],
    ['CN_CBEC', '咖啡'],
    ['CN_CBEC', '蜂蜜'],
    ['CN_CBEC', '榴槤乾'],
    ['CN_CBEC', '金枕 榴莲'],
    ['CN_CBEC', '冻干 榴莲'],
    ['CN_CBEC', '泰国 香米'],
    ['CN_CBEC', '椰子 油'],
    ['CN_CBEC', '丝巾'],
    ['CN_CBEC', 'liulian'],
    ['CN_CBEC', 'mangguo'],
    ['CN_CBEC', 'xiangmi'],
    ['CN_CBEC', 'qingci'],
    ['CN_CBEC', 'liulian gan'],
    ['INTL', 'durian'],
    ['INTL', 'mango'],
    ['INTL', 'jasmine rice'],
    ['INTL', 'silk'],
    ['INTL', 'celadon'],
    ['INTL', 'coconut'],
    ['INTL', 'coffee'],
    ['INTL', 'honey'],
    ['INTL', 'balm'],
    ['INTL', 'soap'],
    ['INTL', 'dried mango'],
    ['INTL', 'freeze dried durian'],
    ['INTL', 'silk scarf'],
    ['INTL', 'coconut oil'],
    ['INTL', 'durain'],
  ];
  const facets = ['&otop_stars_min=3', '&certification=thai_fda', '&province=TH-22', '&category=food', '&price_max=50000'];
  const out: string[] = [];
  for (let i = 0; i < 100; i += 1) {
    const [market, q] = words[i % words.length] ?? ['INTL', 'durian'];
    const facet = i % 10 === 9 ? (facets[((i / 10) % facets.length) | 0] ?? '') : '';
    out.push(`/api/v1/search?market=${market}&limit=20&q=${encodeURIComponent(q ?? '')}${facet}`);
  }
  return out;
}

async function load(database: Database, docs: SearchDocumentInput[]): Promise<number> {
  const started = performance.now();
  const now = new Date();
  for (let i = 0; i < docs.length; i += 5_000) await database.db.transaction((tx) => indexDocuments(tx, now, docs.slice(i, i + 5_000)));
  return performance.now() - started;
}

export interface SearchBenchRow {
  database: string;
  products: number;
  index_docs_per_s: number;
  search_requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
}

export async function benchSearch(label: string, env: Record<string, string>, products: number, duration_s: number): Promise<SearchBenchRow> {
  const database = await openDatabase({ database_url: env.DATABASE_URL || undefined, data_dir: env.DATA_DIR });
  await database.migrate();
  const docs = generatedDocuments(products);
  const load_ms = await load(database, docs);
  await database.close();
  const server = await startProcess({ ...env, SAPHAN_SEED: 'none', LOG_LEVEL: 'error', SAPHAN_SEARCH_RATE_PER_MINUTE: '10000000' }, 180_000);
  try {
    const paths = queryMix();
    let n = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url: server.url,
          connections: 32,
          duration: duration_s,
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] ?? '/' }) }],
        },
        (err, r) => (err ? reject(err) : resolve(r)),
      );
    });
    return {
      database: label,
      products,
      index_docs_per_s: Math.round(products / (load_ms / 1000)),
      search_requests_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      non_2xx: result.non2xx,
    };
  } finally {
    server.child.kill('SIGTERM');
  }
}
