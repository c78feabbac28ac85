import { describe, expect, it } from 'vitest';
import { DEMO_SELLERS } from '../../../app/demo/sellers-data.js';
import { BANK_BY_CODE, BANKS } from './banks.js';
import { PROVINCE_BY_CODE, PROVINCES } from './provinces.js';

describe('provinces', () => {
  it('has 77 provinces (76 changwat + Bangkok), no Pattaya', () => {
    expect(PROVINCES).toHaveLength(77);
    expect(PROVINCE_BY_CODE.size).toBe(77);
    expect(PROVINCE_BY_CODE.has('TH-S')).toBe(false);
  });

  it('has unique ISO 3166-2:TH numeric codes, sorted', () => {
    for (const p of PROVINCES) expect(p.code).toMatch(/^TH-\d{2}$/);
    const codes = PROVINCES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('has non-empty, unique names in th/zh/en', () => {
    for (const lang of ['th', 'zh', 'en'] as const) {
      const names = PROVINCES.map((p) => p.name[lang]);
      for (const n of names) expect(n.trim().length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('maps well-known codes', () => {
    expect(PROVINCE_BY_CODE.get('TH-10')?.name.en).toBe('Bangkok');
    expect(PROVINCE_BY_CODE.get('TH-10')?.name.zh).toBe('曼谷');
    expect(PROVINCE_BY_CODE.get('TH-38')?.name.en).toBe('Bueng Kan');
    expect(PROVINCE_BY_CODE.get('TH-50')?.name.en).toBe('Chiang Mai');
    expect(PROVINCE_BY_CODE.get('TH-83')?.name.en).toBe('Phuket');
    expect(PROVINCE_BY_CODE.get('TH-96')?.name.en).toBe('Narathiwat');
  });

  it('uses the six-region grouping (9/20/22/7/5/14)', () => {
    const count = (r: string) => PROVINCES.filter((p) => p.region === r).length;
    expect(count('north')).toBe(9);
    expect(count('northeast')).toBe(20);
    expect(count('central')).toBe(22);
    expect(count('east')).toBe(7);
    expect(count('west')).toBe(5);
    expect(count('south')).toBe(14);
  });
});

describe('banks', () => {
  it('has unique 3-digit codes', () => {
    for (const b of BANKS) expect(b.code).toMatch(/^\d{3}$/);
    expect(BANK_BY_CODE.size).toBe(BANKS.length);
  });

  it('includes the required payout banks', () => {
    for (const code of ['002', '004', '006', '011', '014', '022', '024', '025', '030', '033', '034', '066', '067', '069', '071', '073']) {
      expect(BANK_BY_CODE.has(code), code).toBe(true);
    }
  });

  it('has names, SWIFT codes, account lengths and a source', () => {
    for (const b of BANKS) {
      expect(b.swift).toMatch(/^[A-Z]{4}TH[A-Z0-9]{2}([A-Z0-9]{3})?$/);
      expect(b.name.th && b.name.zh && b.name.en).toBeTruthy();
      expect(b.account_digits.length).toBeGreaterThan(0);
      for (const d of b.account_digits) expect(Number.isInteger(d) && d > 0).toBe(true);
      expect(b.source).toMatch(/^(confirmed|unconfirmed): /);
    }
  });

  it('marks only 002 and 014 as confirmed', () => {
    const confirmed = BANKS.filter((b) => b.source.startsWith('confirmed')).map((b) => b.code);
    expect(confirmed).toEqual(['002', '014']);
  });
});

describe('demo sellers', () => {
  it('has at least 60 sellers', () => {
    expect(DEMO_SELLERS.length).toBeGreaterThanOrEqual(60);
  });

  it('uses only valid province codes, at least 40 distinct', () => {
    for (const s of DEMO_SELLERS) expect(PROVINCE_BY_CODE.has(s.province_code), s.province_code).toBe(true);
    expect(new Set(DEMO_SELLERS.map((s) => s.province_code)).size).toBeGreaterThanOrEqual(40);
  });

  it('has unique legal names and complete owners', () => {
    expect(new Set(DEMO_SELLERS.map((s) => s.legal_name_th)).size).toBe(DEMO_SELLERS.length);
    expect(new Set(DEMO_SELLERS.map((s) => s.legal_name_en)).size).toBe(DEMO_SELLERS.length);
    for (const s of DEMO_SELLERS) {
      expect(s.specialty.length).toBeGreaterThan(0);
      const o = s.owner;
      expect(o.first_name_th && o.last_name_th && o.first_name_en && o.last_name_en).toBeTruthy();
    }
  });

  it('mixes juristic companies and community enterprises', () => {
    const juristic = DEMO_SELLERS.filter((s) => s.kind === 'juristic').length;
    const citizen = DEMO_SELLERS.length - juristic;
    expect(juristic).toBeGreaterThan(DEMO_SELLERS.length * 0.3);
    expect(citizen).toBeGreaterThan(DEMO_SELLERS.length * 0.3);
    for (const s of DEMO_SELLERS) {
      if (s.legal_name_th.startsWith('วิสาหกิจชุมชน')) expect(s.kind).toBe('citizen');
      if (s.legal_name_th.startsWith('บริษัท') || s.legal_name_th.startsWith('ห้างหุ้นส่วนจำกัด')) expect(s.kind).toBe('juristic');
    }
  });
});
