import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankAccount, parseOtopRegistration, parsePromptPayId, parseTaxId, thaiIdCheckDigit } from './rules.js';
import { isEditable, nextStatus, SELLER_ACTIONS, SELLER_STATUSES } from './states.js';

const vectors = JSON.parse(readFileSync(new URL('../../../../shared/data/test-vectors.json', import.meta.url), 'utf8')) as {
  thai_id_checksum: { id: string; valid: boolean }[];
};

describe('tax ID (domain.md §4.1)', () => {
  it.each(vectors.thai_id_checksum.map((v) => [v.id, v.valid] as const))('shared vector %s valid=%s', (id, valid) => {
    expect(parseTaxId(id).ok).toBe(valid);
  });

  it('accepts spaces and dashes and stores the digits', () => {
    expect(parseTaxId('1-1017-00207-03-0')).toEqual({ ok: true, value: { tax_id: '1101700207030', kind: 'citizen' } });
    expect(parseTaxId(' 0105556012341 ')).toEqual({ ok: true, value: { tax_id: '0105556012341', kind: 'juristic' } });
  });

  it.each([
    ['110170020703', 'tax_id_format'],
    ['abcdefghijklm', 'tax_id_format'],
    ['0000000000001', 'tax_id_all_zero'],
    ['1101700207031', 'tax_id_checksum'],
  ])('%s → %s', (id, code) => {
    expect(parseTaxId(id)).toMatchObject({ ok: false, code });
  });

  it('exactly one check digit makes any 12-digit body valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{11}$/), (body) => {
        const valid = Array.from({ length: 10 }, (_, d) => parseTaxId(`${body}${d}`).ok);
        expect(valid.filter(Boolean)).toHaveLength(1);
        expect(valid[thaiIdCheckDigit(body)]).toBe(true);
      }),
    );
  });
});

describe('PromptPay ID (domain.md §4.6)', () => {
  it.each([
    ['0812345678', 'mobile', '0812345678'],
    ['081-234-5678', 'mobile', '0812345678'],
    ['+66-89-123-4567', 'mobile', '0891234567'],
    ['66891234567', 'mobile', '0891234567'],
    ['1101700207030', 'national_id', '1101700207030'],
    ['123456789012345', 'ewallet', '123456789012345'],
  ])('%s is a %s', (raw, kind, normalised) => {
    expect(parsePromptPayId(raw)).toEqual({ ok: true, value: { promptpay_id: normalised, kind } });
  });

  it.each(['12', '0212345678', '1101700207031', '08123456789', 'abc', ''])('%s is refused', (raw) => {
    expect(parsePromptPayId(raw)).toMatchObject({ ok: false, code: 'promptpay_id_invalid' });
  });
});

describe('bank account', () => {
  it('checks the bank code and the account length from the bank table', () => {
    expect(parseBankAccount('014', '123-4-56789-0')).toMatchObject({ ok: true, value: { account_number: '1234567890' } });
    expect(parseBankAccount('999', '1234567890')).toMatchObject({ ok: false, code: 'bank_unknown' });
    expect(parseBankAccount('014', '12345')).toMatchObject({ ok: false, code: 'bank_account_invalid' });
  });
});

describe('OTOP registration', () => {
  it('accepts letters, digits, dashes and slashes', () => {
    expect(parseOtopRegistration(' OTOP-22-2566-0001 ')).toEqual({ ok: true, value: 'OTOP-22-2566-0001' });
    expect(parseOtopRegistration('<script>').ok).toBe(false);
  });
});

describe('seller lifecycle table', () => {
  const expected: Record<string, string | undefined> = {
    'draft/submit': 'submitted',
    'submitted/verify': 'verified',
    'submitted/reject': 'rejected',
    'rejected/submit': 'submitted',
  };
  it.each(SELLER_STATUSES.flatMap((s) => SELLER_ACTIONS.map((a) => [s, a] as const)))('%s + %s', (status, action) => {
    expect(nextStatus(status, action)).toBe(expected[`${status}/${action}`]);
  });

  it('only draft and rejected are editable', () => {
    expect(SELLER_STATUSES.filter(isEditable)).toEqual(['draft', 'rejected']);
  });
});
