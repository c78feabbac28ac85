import { z } from 'zod';
import { LIMITS } from '../../kernel/limits.js';
import { REJECTION_REASON_CODES, SELLER_STATUSES } from './states.js';

/** Request and response schemas of seller routes; shared with the onboarding flow's route. */
const payout = z.strictObject({
  promptpay_id: z.string().max(40).optional(),
  bank_code: z.string().max(10).optional(),
  account_number: z.string().max(40).optional(),
});

export const sellerInputSchema = z.strictObject({
  legal_name_th: z.string().trim().min(1).max(LIMITS.string_short_chars),
  legal_name_en: z.string().trim().max(LIMITS.string_short_chars).nullish(),
  tax_id: z.string().max(40),
  province_code: z.string().max(10),
  otop_registration: z.string().max(60).nullish(),
  payout,
  pdpa_consent: z.boolean(),
  /** The privacy-notice version the applicant was shown (GET /reference/onboarding); refused when it is no longer current. */
  pdpa_notice_version: z.string().max(80).optional(),
});

export const sellerPatchSchema = sellerInputSchema.omit({ pdpa_consent: true, pdpa_notice_version: true }).partial();

const names = z.object({ th: z.string(), zh: z.string(), en: z.string() });

export const sellerSchema = z
  .object({
    id: z.string(),
    org_id: z.string(),
    status: z.enum(SELLER_STATUSES),
    legal_name_th: z.string(),
    legal_name_en: z.string().nullable(),
    tax_id: z.string(),
    tax_id_masked: z.string(),
    tax_id_kind: z.enum(['juristic', 'citizen']),
    province_code: z.string(),
    province: z.object({ code: z.string(), name: names }),
    otop_registration: z.string().nullable(),
    payout: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('promptpay'), promptpay_id: z.string(), promptpay_kind: z.enum(['mobile', 'national_id', 'ewallet']), masked: z.string() }),
      z.object({ kind: z.literal('bank_account'), bank_code: z.string(), bank_name: names, account_number: z.string(), masked: z.string() }),
    ]),
    pdpa_consent: z.object({ notice_version: z.string(), consented_at: z.string(), channel: z.enum(['web', 'api', 'cli']) }),
    rejection: z.object({ reason_code: z.string(), reason: z.string(), note: z.string() }).nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Seller' });

export const rejectSchema = z.strictObject({
  reason_code: z.enum(REJECTION_REASON_CODES).default('other'),
  reason: z.string().trim().min(1).max(LIMITS.reject_reason_chars),
});
