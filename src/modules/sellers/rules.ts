/**
 * Thai identifiers used in onboarding (domain.md §4.1, §4.6). Pure functions, table-tested in rules.test.ts.
 */
import { BANK_BY_CODE } from './reference/banks.js';

export type IdCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly params?: Record<string, string | number> };

/** Spaces and dashes are accepted on input and stripped (`1-1017-00207-03-0`). */
export function stripSeparators(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** Check digit of a 13-digit Thai ID: d13 = (11 − Σ dᵢ·(14−i) mod 11) mod 10. */
export function thaiIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export function isValidThaiId(digits: string): boolean {
  return /^\d{13}$/.test(digits) && !/^0{12}/.test(digits) && thaiIdCheckDigit(digits.slice(0, 12)) === Number(digits[12]);
}

export type TaxIdKind = 'juristic' | 'citizen';

/** A juristic-person number (DBD registration) starts with 0; a citizen's national ID does not. */
export function parseTaxId(raw: string): IdCheck<{ tax_id: string; kind: TaxIdKind }> {
  const digits = stripSeparators(raw);
  if (!/^\d{13}$/.test(digits)) return { ok: false, code: 'tax_id_format' };
  // 0000000000001 passes the arithmetic but means nothing: refused by policy (domain.md §4.1).
  if (/^0{12}/.test(digits)) return { ok: false, code: 'tax_id_all_zero' };
  if (thaiIdCheckDigit(digits.slice(0, 12)) !== Number(digits[12])) return { ok: false, code: 'tax_id_checksum' };
  return { ok: true, value: { tax_id: digits, kind: digits.startsWith('0') ? 'juristic' : 'citizen' } };
}

export type PromptPayKind = 'mobile' | 'national_id' | 'ewallet';

/**
 * A PromptPay proxy: a Thai mobile number (0XXXXXXXXX, or +66 / 66 followed by the number without its 0),
 * a 13-digit national or tax ID (checksum-valid), or a 15-digit e-wallet ID.
 */
export function parsePromptPayId(raw: string): IdCheck<{ promptpay_id: string; kind: PromptPayKind }> {
  let digits = stripSeparators(raw);
  if (digits.startsWith('+66')) digits = `0${digits.slice(3)}`;
  else if (/^66\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  if (/^0[689]\d{8}$/.test(digits)) return { ok: true, value: { promptpay_id: digits, kind: 'mobile' } };
  if (/^\d{13}$/.test(digits) && isValidThaiId(digits)) return { ok: true, value: { promptpay_id: digits, kind: 'national_id' } };
  if (/^\d{15}$/.test(digits)) return { ok: true, value: { promptpay_id: digits, kind: 'ewallet' } };
  return { ok: false, code: 'promptpay_id_invalid' };
}

export function parseBankAccount(bank_code: string, raw_account: string): IdCheck<{ bank_code: string; account_number: string }> & { path?: string } {
  const bank = BANK_BY_CODE.get(bank_code);
  if (!bank) return { ok: false, code: 'bank_unknown', path: 'payout.bank_code' };
  const digits = stripSeparators(raw_account);
  if (!/^\d+$/.test(digits) || !bank.account_digits.includes(digits.length)) {
    return { ok: false, code: 'bank_account_invalid', params: { digits: bank.account_digits.join(' / ') }, path: 'payout.account_number' };
  }
  return { ok: true, value: { bank_code, account_number: digits } };
}

/** OTOP registration numbers have no published format here: letters, digits, dashes, slashes and spaces. */
export function parseOtopRegistration(raw: string): IdCheck<string> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (!/^[\p{L}\p{N}][\p{L}\p{N} /-]{0,39}$/u.test(value)) return { ok: false, code: 'otop_registration_format' };
  return { ok: true, value };
}
