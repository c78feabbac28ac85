import { localDate } from '../../kernel/clock.js';
import type { FieldError } from '../../kernel/errors.js';
import type { CertificationType, EligibilityReason } from './schema.js';

/**
 * Compliance rules as pure functions: certificate formats (domain.md §4.2–4.5) and per-market
 * eligibility (§1.3–1.7). Table-tested in rules.test.ts.
 */

/** Thai FDA food serial number: 13 digits shown XX-X-XXXXX-X-XXXX; the 3rd digit (premises type) is 1–4. No check digit is known. */
export function parseFdaNumber(raw: string): { ok: true; value: string; display: string } | { ok: false; code: 'fda_number_format' | 'fda_premises_type' } {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(digits)) return { ok: false, code: 'fda_number_format' };
  if (!['1', '2', '3', '4'].includes(digits[2] ?? '')) return { ok: false, code: 'fda_premises_type' };
  return { ok: true, value: digits, display: formatFdaNumber(digits) };
}

export function formatFdaNumber(digits: string): string {
  return `${digits.slice(0, 2)}-${digits.slice(2, 3)}-${digits.slice(3, 8)}-${digits.slice(8, 9)}-${digits.slice(9, 13)}`;
}

export interface CertificationInput {
  readonly type: CertificationType;
  readonly number: string;
  readonly standard_number?: string | null | undefined;
  readonly issuer?: string | null | undefined;
  readonly issued_on?: string | null | undefined;
  readonly expires_on?: string | null | undefined;
  readonly stars?: number | null | undefined;
  readonly year_awarded?: number | null | undefined;
}

/** Checks a certificate as submitted; `today` is the seller's calendar day (YYYY-MM-DD, Asia/Bangkok). */
export function validateCertification(input: CertificationInput, today: string): { errors: FieldError[]; number: string } {
  const errors: FieldError[] = [];
  let number = input.number.trim();
  if (input.type === 'thai_fda') {
    const fda = parseFdaNumber(number);
    if (fda.ok) number = fda.value;
    else errors.push({ path: 'number', code: fda.code });
  }
  if ((input.type === 'tisi' || input.type === 'tisi_community') && !input.standard_number?.trim()) {
    errors.push({ path: 'standard_number', code: 'required' });
  }
  if (input.type === 'otop_stars') {
    if (input.stars === undefined || input.stars === null) errors.push({ path: 'stars', code: 'required' });
    if (input.year_awarded === undefined || input.year_awarded === null) errors.push({ path: 'year_awarded', code: 'required' });
    else if (input.year_awarded > Number(today.slice(0, 4))) errors.push({ path: 'year_awarded', code: 'date_in_future' });
  }
  if (input.issued_on && input.issued_on > today) errors.push({ path: 'issued_on', code: 'date_in_future' });
  if (input.expires_on && input.expires_on <= today) errors.push({ path: 'expires_on', code: 'certificate_expired' });
  if (input.issued_on && input.expires_on && input.issued_on >= input.expires_on) errors.push({ path: 'expires_on', code: 'expiry_before_issue' });
  return { errors, number };
}

/** Today's date in Thailand, where certificates are issued and expire. */
export function bangkokDate(now: Date): string {
  return localDate(now, 7);
}

/** A certificate counts when approved and until the day before its expiry date: on that date it stops. */
export function inForce(cert: { readonly status: string; readonly expires_on: string | null }, today: string): boolean {
  return cert.status === 'approved' && (cert.expires_on === null || cert.expires_on > today);
}

export type Market = 'TH' | 'CN_CBEC' | 'INTL';
export const MARKETS: readonly Market[] = ['TH', 'CN_CBEC', 'INTL'];

export interface EligibilityFacts {
  readonly seller_status: string;
  readonly category: { readonly code: string; readonly food: boolean; readonly prohibited_markets: readonly Market[] } | undefined;
  readonly hs_code: string;
  readonly title: { readonly th?: string | undefined; readonly zh?: string | undefined; readonly en?: string | undefined };
  readonly translations: { readonly zh: { readonly status: string }; readonly en: { readonly status: string } };
  /** The certifications linked to the product. */
  readonly certifications: readonly { readonly type: CertificationType; readonly status: string; readonly expires_on: string | null }[];
  readonly today: string;
  readonly positive_list: ReadonlyMap<string, { readonly quantity_limit: unknown; readonly remark: unknown }>;
  readonly hs_tax: ReadonlyMap<string, { readonly vat_bp: number; readonly consumption_tax: unknown }>;
}

export interface MarketDecision {
  readonly eligible: boolean;
  readonly reasons: EligibilityReason[];
  readonly details: Record<string, unknown>;
  /** The last day the decision holds (a relied-upon certificate's expiry), if any. */
  readonly valid_through: string | null;
}

function liveCert(facts: EligibilityFacts, type: CertificationType) {
  return facts.certifications
    .filter((c) => c.type === type && inForce(c, facts.today))
    .sort((a, b) => (b.expires_on ?? '9999').localeCompare(a.expires_on ?? '9999'))[0];
}

/** Whether a product may be sold in a market and, if not, every reason why. */
export function decide(market: Market, facts: EligibilityFacts): MarketDecision {
  const reasons: EligibilityReason[] = [];
  const details: Record<string, unknown> = {};
  let valid_through: string | null = null;
  if (facts.seller_status !== 'verified') reasons.push({ code: 'seller_not_verified' });
  if (!facts.category) reasons.push({ code: 'category_unknown' });
  if (facts.category?.prohibited_markets.includes(market)) reasons.push({ code: 'category_prohibited', params: { market } });
  if (!facts.title.th?.trim()) reasons.push({ code: 'thai_content_missing' });
  const needs_fda = facts.category?.food === true && market !== 'INTL';
  if (needs_fda) {
    const fda = liveCert(facts, 'thai_fda');
    if (!fda) reasons.push({ code: 'fda_missing' });
    else valid_through = fda.expires_on;
  }
  if (market === 'INTL' && facts.translations.en.status !== 'reviewed') reasons.push({ code: 'translation_en_not_reviewed' });
  if (market === 'CN_CBEC') {
    if (facts.translations.zh.status !== 'reviewed') reasons.push({ code: 'translation_zh_not_reviewed' });
    const listed = facts.positive_list.get(facts.hs_code);
    if (!listed) reasons.push({ code: 'hs_not_on_positive_list', params: { hs_code: facts.hs_code } });
    else {
      details.positive_list_remark = listed.remark;
      details.quantity_limit = listed.quantity_limit;
    }
    const tax = facts.hs_tax.get(facts.hs_code);
    if (!tax) reasons.push({ code: 'hs_tax_unknown', params: { hs_code: facts.hs_code } });
    else {
      details.vat_bp = tax.vat_bp;
      details.consumption_tax = tax.consumption_tax;
    }
  }
  return { eligible: reasons.length === 0, reasons, details, valid_through };
}
