import { describe, expect, it } from 'vitest';
// Cross-module on purpose: the taxonomy and the tax table must agree. Test files sit outside the
// module wall (.dependency-cruiser.cjs excludes *.test.ts); production code never does this.
import { HS_TAX_BY_CODE } from '../../compliance/reference/hs-tax.js';
import { CATEGORIES, CATEGORY_BY_CODE, type OtopType } from './categories.js';

const TYPES: readonly OtopType[] = ['food', 'beverage', 'textile', 'household', 'herbal'];
const subs = CATEGORIES.filter((c) => c.parent !== null);

describe('categories', () => {
  it('has unique codes, all in the map', () => {
    const codes = CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(CATEGORY_BY_CODE.size).toBe(CATEGORIES.length);
  });

  it('has the five OTOP types as top levels, without HS codes', () => {
    const tops = CATEGORIES.filter((c) => c.parent === null);
    expect(tops.map((c) => c.code).sort()).toEqual([...TYPES].sort());
    for (const t of tops) {
      expect(t.code).toBe(t.otop_type);
      expect(t.hs_codes).toEqual([]);
    }
  });

  it.each(TYPES)('%s has 6–10 sub-categories, each under its own type', (type) => {
    const own = subs.filter((c) => c.parent === type);
    expect(own.length).toBeGreaterThanOrEqual(6);
    expect(own.length).toBeLessThanOrEqual(10);
    for (const c of own) {
      expect(c.otop_type).toBe(type);
      expect(c.code.startsWith(`${type}.`)).toBe(true);
    }
  });

  it('gives every sub-category 8-digit HS codes that the tax table knows', () => {
    for (const c of subs) {
      expect(c.hs_codes.length, c.code).toBeGreaterThan(0);
      expect(new Set(c.hs_codes).size, c.code).toBe(c.hs_codes.length);
      for (const hs of c.hs_codes) {
        expect(hs, c.code).toMatch(/^\d{8}$/);
        expect(HS_TAX_BY_CODE.has(hs), `${c.code} ${hs}`).toBe(true);
      }
    }
  });

  it('has names in th, zh and en', () => {
    for (const c of CATEGORIES) for (const lang of ['th', 'zh', 'en'] as const) expect(c.name[lang].trim(), c.code).not.toBe('');
  });

  it('marks food and beverages as needing an FDA number, and nothing else', () => {
    for (const c of subs) expect(c.food, c.code).toBe(c.otop_type === 'food' || c.otop_type === 'beverage');
  });

  it('blocks only alcohol and traditional medicine for CN_CBEC', () => {
    const blocked = CATEGORIES.filter((c) => c.prohibited_markets.length > 0).map((c) => c.code);
    expect(blocked.sort()).toEqual(['beverage.wine_spirits', 'herbal.traditional_medicine']);
    for (const code of blocked) expect(CATEGORY_BY_CODE.get(code)?.prohibited_markets).toEqual(['CN_CBEC']);
  });

  it('has the core Thai sub-categories', () => {
    for (const code of ['food.dried_fruit', 'food.rice', 'food.coconut', 'textile.silk_fabric', 'textile.silk_scarves', 'household.celadon', 'herbal.balms'])
      expect(CATEGORY_BY_CODE.has(code), code).toBe(true);
    expect(CATEGORY_BY_CODE.get('food.rice')?.hs_codes).toContain('10063020');
    expect(CATEGORY_BY_CODE.get('herbal.cosmetics_skincare')?.cosmetic).toBe(true);
  });
});
