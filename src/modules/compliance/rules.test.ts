import { describe, expect, it } from 'vitest';
import { bangkokDate, decide, type EligibilityFacts, formatFdaNumber, type Market, parseFdaNumber, validateCertification } from './rules.js';

describe('Thai FDA number (domain.md §4.2)', () => {
  it.each([
    ['10-1-03358-1-0001', true, '1010335810001'],
    ['1010335810001', true, '1010335810001'],
    ['50 2 12345 1 0042', true, '5021234510042'],
    ['10-5-03358-1-0001', false, 'fda_premises_type'],
    ['10-1-0335-1-0001', false, 'fda_number_format'],
    ['ab-1-03358-1-0001', false, 'fda_number_format'],
  ])('%s → %s', (raw, valid, expected) => {
    const r = parseFdaNumber(raw);
    expect(r.ok).toBe(valid);
    if (r.ok) expect(r.value).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it('is shown as XX-X-XXXXX-X-XXXX', () => {
    expect(formatFdaNumber('1010335810001')).toBe('10-1-03358-1-0001');
  });
});

describe('certificate dates', () => {
  const today = '2026-11-26';
  it('refuses a certificate that arrives expired, or expires before it was issued', () => {
    expect(validateCertification({ type: 'halal', number: 'H-1', expires_on: '2026-11-26' }, today).errors).toEqual([
      { path: 'expires_on', code: 'certificate_expired' },
    ]);
    expect(
      validateCertification({ type: 'halal', number: 'H-1', issued_on: '2026-01-01', expires_on: '2025-12-31' }, today).errors.map((e) => e.code),
    ).toContain('expiry_before_issue');
    expect(validateCertification({ type: 'halal', number: 'H-1', issued_on: '2026-12-01' }, today).errors).toEqual([
      { path: 'issued_on', code: 'date_in_future' },
    ]);
    expect(validateCertification({ type: 'halal', number: 'H-1', expires_on: '2026-11-27' }, today).errors).toEqual([]);
  });

  it('needs stars and a year for OTOP, a standard number for TISI', () => {
    expect(validateCertification({ type: 'otop_stars', number: 'OPC-1' }, today).errors.map((e) => e.path)).toEqual(['stars', 'year_awarded']);
    expect(validateCertification({ type: 'tisi_community', number: 'L-1' }, today).errors.map((e) => e.path)).toEqual(['standard_number']);
  });

  it('counts days in Bangkok', () => {
    expect(bangkokDate(new Date('2026-11-26T16:59:59Z'))).toBe('2026-11-26');
    expect(bangkokDate(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
  });
});

describe('eligibility per market', () => {
  const base: EligibilityFacts = {
    seller_status: 'verified',
    category: { code: 'food.dried_fruit', food: true, prohibited_markets: [] },
    hs_code: '08134000',
    title: { th: 'ทุเรียนอบกรอบ', zh: '榴莲干', en: 'Crispy dried durian' },
    translations: { zh: { status: 'reviewed' }, en: { status: 'reviewed' } },
    certifications: [{ type: 'thai_fda', status: 'approved', expires_on: '2027-06-30' }],
    today: '2026-11-26',
    positive_list: new Map([['08134000', { quantity_limit: null, remark: null }]]),
    hs_tax: new Map([['08134000', { vat_bp: 900, consumption_tax: { kind: 'none' } }]]),
  };
  const codes = (market: Market, facts: Partial<EligibilityFacts>) => decide(market, { ...base, ...facts }).reasons.map((r) => r.code);

  it('all three markets when everything holds, valid until the FDA certificate expires', () => {
    for (const market of ['TH', 'CN_CBEC', 'INTL'] as const) expect(decide(market, base)).toMatchObject({ eligible: true, reasons: [] });
    expect(decide('CN_CBEC', base).valid_through).toBe('2027-06-30');
    expect(decide('CN_CBEC', base).details).toMatchObject({ vat_bp: 900 });
  });

  it.each<[string, Partial<EligibilityFacts>, Market, string[]]>([
    ['unverified seller', { seller_status: 'submitted' }, 'TH', ['seller_not_verified']],
    ['Chinese not reviewed', { translations: { zh: { status: 'draft' }, en: { status: 'reviewed' } } }, 'CN_CBEC', ['translation_zh_not_reviewed']],
    ['Chinese not reviewed does not matter in INTL', { translations: { zh: { status: 'draft' }, en: { status: 'reviewed' } } }, 'INTL', []],
    ['English not reviewed', { translations: { zh: { status: 'reviewed' }, en: { status: 'missing' } } }, 'INTL', ['translation_en_not_reviewed']],
    ['no FDA for food', { certifications: [] }, 'TH', ['fda_missing']],
    [
      'an expired FDA certificate stops counting',
      { certifications: [{ type: 'thai_fda', status: 'approved', expires_on: '2026-11-25' }] },
      'CN_CBEC',
      ['fda_missing'],
    ],
    [
      'a rejected FDA certificate does not count',
      { certifications: [{ type: 'thai_fda', status: 'rejected', expires_on: '2027-01-01' }] },
      'TH',
      ['fda_missing'],
    ],
    ['FDA not needed in INTL', { certifications: [] }, 'INTL', []],
    ['HS line not on the positive list', { hs_code: '30049090' }, 'CN_CBEC', ['hs_not_on_positive_list', 'hs_tax_unknown']],
    ['prohibited category', { category: { code: 'herbal.medicine', food: false, prohibited_markets: ['CN_CBEC'] } }, 'CN_CBEC', ['category_prohibited']],
    ['no Thai title', { title: { th: '  ' } }, 'TH', ['thai_content_missing']],
  ])('%s', (_name, facts, market, expected) => {
    expect(codes(market, facts)).toEqual(expected);
  });
});
