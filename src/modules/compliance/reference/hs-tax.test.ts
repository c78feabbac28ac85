import { describe, expect, it } from 'vitest';
import { HS_TAX, HS_TAX_BY_CODE, HS_TAX_TABLE_VERSION } from './hs-tax.js';

describe('HS tax table', () => {
  it('has unique 8-digit codes, all in the map', () => {
    const codes = HS_TAX.map((l) => l.hs_code);
    for (const c of codes) expect(c).toMatch(/^\d{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(HS_TAX_BY_CODE.size).toBe(HS_TAX.length);
    expect(HS_TAX_TABLE_VERSION).toBe('2026-11-26.1');
  });

  it('uses only the 9 % and 13 % VAT rates', () => {
    for (const l of HS_TAX) expect([900, 1300], l.hs_code).toContain(l.vat_bp);
  });

  it('has 9 % for the agricultural lines of domain.md §1.3 and 13 % for processed fruit', () => {
    for (const hs of ['08106000', '08134010', '08011100', '10063020', '08045020']) expect(HS_TAX_BY_CODE.get(hs)?.vat_bp, hs).toBe(900);
    for (const hs of ['20089990', '33049900', '62141000', '50072019', '69139000']) expect(HS_TAX_BY_CODE.get(hs)?.vat_bp, hs).toBe(1300);
  });

  it('applies the high-end cosmetics rule to 3304 lines and only to them', () => {
    for (const l of HS_TAX) {
      const cosmetic = l.hs_code.startsWith('3304');
      expect(l.consumption_tax.kind === 'cosmetic_high_end', l.hs_code).toBe(cosmetic);
      if (l.consumption_tax.kind === 'cosmetic_high_end') {
        expect(l.consumption_tax).toEqual({ kind: 'cosmetic_high_end', rate_bp: 1500, threshold_fen_per_g: 1000, threshold_fen_per_piece: 1500 });
      }
    }
  });

  it('marks alcohol as not modelled, never as no consumption tax', () => {
    for (const l of HS_TAX) expect(l.consumption_tax.kind === 'not_modelled', l.hs_code).toBe(l.hs_code.startsWith('2206') || l.hs_code.startsWith('2208'));
  });

  it('describes and sources every line', () => {
    for (const l of HS_TAX) {
      expect(l.description.zh.trim(), l.hs_code).not.toBe('');
      expect(l.description.en.trim(), l.hs_code).not.toBe('');
      expect(l.source.trim(), l.hs_code).not.toBe('');
    }
  });
});
