import { describe, expect, it } from 'vitest';
import { CATEGORY_BY_CODE } from '../../modules/catalogue/reference/categories.js';
import { POSITIVE_LIST_SUBSET } from '../../modules/compliance/reference/positive-list.js';
import { productSvg } from './product-art.js';
import { DEMO_PRODUCTS, type DemoProduct } from './products-data.js';
import { DEMO_SELLERS } from './sellers-data.js';

const ON_LIST = new Set(POSITIVE_LIST_SUBSET.map((l) => l.hs_code));
const isFood = (p: DemoProduct) => CATEGORY_BY_CODE.get(p.category_code)?.food === true;

/** Ready for TH, CN_CBEC and INTL: on the positive list, not prohibited, FDA when food, both translations reviewed. */
function eligibleEverywhere(p: DemoProduct): boolean {
  const category = CATEGORY_BY_CODE.get(p.category_code);
  return (
    category !== undefined &&
    category.prohibited_markets.length === 0 &&
    ON_LIST.has(p.hs_code) &&
    (!category.food || p.certs.includes('thai_fda')) &&
    p.review.zh &&
    p.review.en
  );
}

const REQUIRED: Record<string, (p: DemoProduct) => boolean> = {
  'Monthong durian, dried or freeze-dried': (p) => p.category_code === 'food.dried_fruit' && /monthong/i.test(p.title.en) && /dur/i.test(p.title.en),
  'dried mango': (p) => p.category_code === 'food.dried_fruit' && /dried/i.test(p.title.en) && /mango/i.test(p.title.en),
  'Thai silk': (p) => p.category_code === 'textile.silk_fabric' || p.category_code === 'textile.silk_scarves',
  'Hom Mali jasmine rice': (p) => p.category_code === 'food.rice' && /jasmine/i.test(p.title.en),
  'coconut products': (p) => p.category_code === 'food.coconut',
  celadon: (p) => p.category_code === 'household.celadon',
};

describe('demo products', () => {
  it('are numerous and varied', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(320);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.seller_index)).size).toBeGreaterThanOrEqual(60);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.category_code)).size).toBeGreaterThanOrEqual(30);
    const types = new Set(DEMO_PRODUCTS.map((p) => CATEGORY_BY_CODE.get(p.category_code)?.otop_type));
    expect([...types].sort()).toEqual(['beverage', 'food', 'herbal', 'household', 'textile']);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.title.th)).size).toBe(DEMO_PRODUCTS.length);
  });

  it('use known sub-categories, their HS lines and valid sellers', () => {
    for (const p of DEMO_PRODUCTS) {
      const category = CATEGORY_BY_CODE.get(p.category_code);
      expect(category?.parent, p.category_code).not.toBeNull();
      expect(category?.hs_codes, p.title.th).toContain(p.hs_code);
      expect(p.hs_code).toMatch(/^\d{8}$/);
      expect(DEMO_SELLERS[p.seller_index], p.title.th).toBeDefined();
      expect(p.title.zh && p.title.en && p.description.th && p.description.zh && p.description.en).toBeTruthy();
      expect(p.art.color).toMatch(/^#[0-9a-f]{6}$/i);
      if (p.otop_stars !== undefined) expect(p.certs).toContain('otop_stars');
    }
  });

  it('have positive integer prices and weights and SKUs unique per seller', () => {
    const skus = new Map<number, Set<string>>();
    for (const p of DEMO_PRODUCTS) {
      expect(p.variants.length).toBeGreaterThan(0);
      const seen = skus.get(p.seller_index) ?? new Set<string>();
      skus.set(p.seller_index, seen);
      for (const v of p.variants) {
        expect(Number.isInteger(v.price_thb_satang) && v.price_thb_satang > 0).toBe(true);
        expect(Number.isInteger(v.weight_g) && v.weight_g > 0).toBe(true);
        expect(seen.has(v.sku), v.sku).toBe(false);
        seen.add(v.sku);
      }
    }
  });

  it.each(Object.entries(REQUIRED))('have at least three %s eligible in every market', (_name, match) => {
    const ready = DEMO_PRODUCTS.filter((p) => match(p) && eligibleEverywhere(p));
    expect(ready.length).toBeGreaterThanOrEqual(3);
  });

  it('show every eligibility outcome', () => {
    const zhPending = DEMO_PRODUCTS.filter((p) => !p.review.zh).length;
    expect(zhPending / DEMO_PRODUCTS.length).toBeGreaterThan(0.07);
    expect(zhPending / DEMO_PRODUCTS.length).toBeLessThan(0.13);
    expect(DEMO_PRODUCTS.some((p) => !p.review.en)).toBe(true);
    const noFda = DEMO_PRODUCTS.filter((p) => isFood(p) && !p.certs.includes('thai_fda')).length;
    expect(noFda).toBeGreaterThanOrEqual(10);
    expect(DEMO_PRODUCTS.some((p) => !ON_LIST.has(p.hs_code))).toBe(true);
    expect(DEMO_PRODUCTS.some((p) => p.hs_code === '30049090')).toBe(true);
    expect(DEMO_PRODUCTS.some((p) => p.category_code === 'beverage.wine_spirits')).toBe(true);
  });
});

describe('productSvg', () => {
  it('draws a small self-contained SVG for every motif, escaping the label', () => {
    const motifs = [...new Set(DEMO_PRODUCTS.map((p) => p.art.motif))];
    expect(motifs.length).toBe(10);
    for (const motif of motifs) {
      const svg = productSvg({ motif, color: '#123456' }, 'ทุเรียน <script>alert("x")</script> & "more"');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(svg).toContain('viewBox="0 0 320 320"');
      expect(svg.toLowerCase()).not.toContain('<script');
      expect(svg).not.toMatch(/href|url\(/);
      expect(Buffer.byteLength(svg, 'utf8')).toBeLessThanOrEqual(2048);
      expect(svg.match(/</g)?.length).toBe(svg.match(/>/g)?.length);
    }
  });

  it('is deterministic', () => {
    const p = DEMO_PRODUCTS[0];
    expect(p).toBeDefined();
    if (p) expect(productSvg(p.art, p.title.th)).toBe(productSvg(p.art, p.title.th));
  });
});
