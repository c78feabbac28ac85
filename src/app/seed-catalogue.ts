import type { Tx } from '../db/client.js';
import { editProduct, listProduct } from '../flows/catalogue.js';
import { reindexProduct } from '../flows/index-product.js';
import { adjustStock } from '../flows/stock.js';
import type { BlobStore } from '../kernel/blobs.js';
import { FakeClock } from '../kernel/clock.js';
import type { Ctx } from '../kernel/context.js';
import { unwrap } from '../kernel/http.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as compliance from '../modules/compliance/index.js';
import { productSvg } from './demo/product-art.js';
import { DEMO_PRODUCTS, type DemoProduct } from './demo/products-data.js';

/** A demo seller as the seed made it: who acts for it, and whether it was verified. */
export interface SeededSeller {
  readonly id: string;
  readonly province_code: string;
  readonly owner: Ctx;
}

const DAY_MS = 24 * 3_600_000;
const NO_INDEX = { index: false } as const;

function isoDay(at: Date, days: number): string {
  return new Date(at.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The demo catalogue: certificates (most valid, some expired, some rejected; dates relative to the
 * seeding time), products through the same flows as the API, translations reviewed as the data says,
 * and stock for most variants, so that every eligibility outcome and search facet appears.
 */
export async function seedCatalogue(tx: Tx, sellers: readonly SeededSeller[], officer: Ctx, random: () => number, blobs: BlobStore): Promise<number> {
  const now = officer.clock.now();
  const certs = new Map<string, string>();
  const certFor = async (seller: SeededSeller, type: DemoProduct['certs'][number], stars?: number): Promise<string> => {
    const key = `${seller.id}:${type}:${stars ?? ''}`;
    const existing = certs.get(key);
    if (existing) return existing;
    const index = certs.size;
    // Every eleventh certificate was issued two years ago and has lapsed; it was approved back then.
    const lapsed = index % 11 === 5;
    const clock = lapsed ? new FakeClock(new Date(now.getTime() - 730 * DAY_MS)) : officer.clock;
    const owner = { ...seller.owner, clock };
    const issued = clock.now();
    const created = unwrap(
      await compliance.createCertification(tx, owner, {
        seller_id: seller.id,
        org_id: orgOf(seller.owner),
        type,
        number: certificateNumber(type, seller.province_code, index),
        standard_number: type === 'tisi_community' ? `มผช. ${100 + (index % 900)}/2546` : null,
        issuer: ISSUERS[type],
        issued_on: isoDay(issued, -30),
        expires_on: lapsed ? isoDay(now, -20) : isoDay(issued, 365 + Math.floor(random() * 730)),
        stars: type === 'otop_stars' ? (stars ?? 3) : null,
        year_awarded: type === 'otop_stars' ? issued.getUTCFullYear() - 1 : null,
      }),
    );
    unwrap(await compliance.reviewCertification(tx, { ...officer, clock }, created.id, { action: 'approve' }));
    certs.set(key, created.id);
    return created.id;
  };
  let count = 0;
  const product_ids: string[] = [];
  for (const demo of DEMO_PRODUCTS) {
    const seller = sellers[demo.seller_index];
    if (!seller) continue;
    const certification_ids: string[] = [];
    for (const type of demo.certs) certification_ids.push(await certFor(seller, type, type === 'otop_stars' ? demo.otop_stars : undefined));
    const listed = unwrap(
      await listProduct(
        tx,
        seller.owner,
        {
          seller_id: seller.id,
          category_code: demo.category_code,
          hs_code: demo.hs_code,
          title: demo.title,
          description: demo.description,
          attributes: demo.attributes,
          variants: demo.variants.map((v) => ({
            sku: v.sku,
            price_minor: BigInt(v.price_thb_satang),
            weight_g: v.weight_g,
            net_content: v.net_content ?? null,
          })),
          certification_ids,
        },
        NO_INDEX,
      ),
    );
    // Its picture: generated artwork, stored like an upload (an SVG of our own making, never a seller's).
    const blob_key = `images/${seller.id.toLowerCase()}/demo-${listed.product.id}.svg`;
    const art = Buffer.from(productSvg(demo.art, demo.title.th));
    await blobs.put(blob_key, art, 'image/svg+xml');
    unwrap(await catalogue.addImage(tx, seller.owner, { product_id: listed.product.id, blob_key, content_type: 'image/svg+xml', byte_size: art.length }));
    const translations = {
      ...(demo.review.zh ? { zh: { status: 'reviewed' as const } } : {}),
      ...(demo.review.en ? { en: { status: 'reviewed' as const } } : {}),
    };
    if (Object.keys(translations).length > 0) unwrap(await editProduct(tx, seller.owner, listed.product.id, { translations }, NO_INDEX));
    for (const variant of listed.product.variants) {
      if (random() < 0.1) continue; // sold out: listed, but not shown in search
      unwrap(
        await adjustStock(
          tx,
          seller.owner,
          {
            variant_id: variant.id,
            warehouse_code: random() < 0.7 ? 'GTC-BKK' : 'SELLER',
            delta: 5 + Math.floor(random() * 195),
            reason: 'demo: opening stock',
          },
          NO_INDEX,
        ),
      );
    }
    product_ids.push(listed.product.id);
    count += 1;
  }
  // One search document per product, written once everything about it is known.
  for (const id of product_ids) await reindexProduct(tx, now, id);
  // A few certificates are rejected outright, so the review queue shows every decision.
  for (const [i, seller] of sellers.entries()) {
    if (i % 13 !== 4) continue;
    const created = unwrap(
      await compliance.createCertification(tx, seller.owner, {
        seller_id: seller.id,
        org_id: orgOf(seller.owner),
        type: 'halal',
        number: `CICOT-${6000 + i}`,
        issuer: ISSUERS.halal,
        expires_on: isoDay(now, 400),
      }),
    );
    unwrap(await compliance.reviewCertification(tx, officer, created.id, { action: 'reject', reason: 'เอกสารไม่ชัดเจน กรุณาอัปโหลดใบรับรองฉบับเต็ม' }));
  }
  return count;
}

function orgOf(ctx: Ctx): string {
  return ctx.actor.kind === 'user' ? (ctx.actor.memberships[0]?.org_id ?? '') : '';
}

const ISSUERS: Record<DemoProduct['certs'][number], string> = {
  thai_fda: 'สำนักงานคณะกรรมการอาหารและยา (อย.)',
  otop_stars: 'กรมการพัฒนาชุมชน',
  tisi_community: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม (สมอ.)',
  halal: 'คณะกรรมการกลางอิสลามแห่งประเทศไทย',
  thai_gi: 'กรมทรัพย์สินทางปัญญา',
  organic_thailand: 'กรมวิชาการเกษตร',
};

function certificateNumber(type: DemoProduct['certs'][number], province_code: string, index: number): string {
  const seq = String(index + 1).padStart(4, '0');
  switch (type) {
    case 'thai_fda':
      // Province digits, premises type 1 (FDA-licensed producer), licence + Buddhist year, body 1, product sequence.
      return `${province_code.slice(3)}-1-${String(100 + (index % 900)).padStart(3, '0')}67-1-${seq}`;
    case 'otop_stars':
      return `OPC-${province_code.slice(3)}-${seq}`;
    case 'tisi_community':
      return `มผช-${seq}`;
    case 'halal':
      return `CICOT-${seq}`;
    case 'thai_gi':
      return `GI-${province_code.slice(3)}-${seq}`;
    case 'organic_thailand':
      return `OT-${seq}`;
  }
}
