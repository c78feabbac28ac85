import { describe, expect, it } from 'vitest';
import { HS_TAX_BY_CODE } from './hs-tax.js';
import { POSITIVE_LIST_SUBSET, POSITIVE_LIST_VERSION } from './positive-list.js';

const listed = new Map(POSITIVE_LIST_SUBSET.map((l) => [l.hs_code, l]));

describe('positive list subset', () => {
  it('has unique 8-digit codes that the tax table knows', () => {
    expect(listed.size).toBe(POSITIVE_LIST_SUBSET.length);
    for (const l of POSITIVE_LIST_SUBSET) {
      expect(l.hs_code).toMatch(/^\d{8}$/);
      expect(HS_TAX_BY_CODE.has(l.hs_code), l.hs_code).toBe(true);
      expect(l.source.trim(), l.hs_code).not.toBe('');
    }
    expect(POSITIVE_LIST_VERSION).toBe('2022-03-01 subset');
  });

  it.each([
    ['dried or freeze-dried Monthong durian', '08134090'],
    ['crispy durian, sweetened dried mango', '20089990'],
    ['dried mango', '08045020'],
    ['Thai silk fabric', '50072019'],
    ['Thai silk scarves', '62141000'],
    ['Hom Mali jasmine rice', '10063020'],
    ['desiccated coconut', '08011100'],
    ['coconut milk', '21069040'],
    ['celadon ornaments', '69139000'],
    ['celadon tableware', '69120090'],
  ])('lists %s (%s)', (_name, hs) => {
    expect(listed.has(hs)).toBe(true);
  });

  it('limits jasmine rice to 20 kg a person a year', () => {
    expect(listed.get('10063020')?.quantity_limit).toEqual({ amount: 20, unit: 'kg', per: 'person_year' });
  });

  it('leaves off fresh durian, medicines, alcohol and prepared seafood', () => {
    for (const hs of ['08106000', '30049090', '22060090', '22089090', '16052900', '16055400', '12119099']) expect(listed.has(hs), hs).toBe(false);
  });

  it('has well-formed remarks and limits', () => {
    for (const l of POSITIVE_LIST_SUBSET) {
      if (l.remark) expect(l.remark.zh.trim() && l.remark.en.trim(), l.hs_code).toBeTruthy();
      if (l.quantity_limit) expect(l.quantity_limit.amount, l.hs_code).toBeGreaterThan(0);
    }
  });
});
