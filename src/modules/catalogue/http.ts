import { z } from 'zod';
import { LIMITS } from '../../kernel/limits.js';

/** Request and response schemas of the catalogue (shared with the listing flow's routes). */
const title = z.string().max(LIMITS.string_short_chars);
const long = z.string().max(LIMITS.string_long_chars);

/** Whole satang only: a fraction of a satang is refused with its own code. */
export const satang = z
  .number()
  .refine((n) => Number.isInteger(n), { params: { code: 'price_fraction' } })
  .refine((n) => Number.isSafeInteger(n) || !Number.isInteger(n), { params: { code: 'price_not_positive' } });

const thbMoney = z.strictObject({ amount_minor: satang, currency: z.literal('THB') });

const localized = (max: z.ZodString) => z.strictObject({ th: max, zh: max.optional(), en: max.optional() });
const localizedOptionalTh = (max: z.ZodString) => z.strictObject({ th: max, zh: max.optional(), en: max.optional() }).optional();

export const variantInputSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  price: thbMoney,
  export_price: thbMoney.nullish(),
  weight_g: z.number().int().min(1).max(1_000_000),
  net_content: z.strictObject({ amount: z.number().int().min(1).max(1_000_000), unit: z.enum(['g', 'ml', 'piece']) }).nullish(),
});

const attributes = z.strictObject({
  ingredients: localizedOptionalTh(long),
  allergens: localizedOptionalTh(long),
  storage: localizedOptionalTh(long),
  shelf_life_days: z.number().int().min(1).max(3650).optional(),
});

export const productInputSchema = z.strictObject({
  seller_id: z.string().max(40),
  category_code: z.string().max(80),
  hs_code: z.string().max(20),
  title: localized(title),
  description: localized(long),
  attributes: attributes.optional(),
  variants: z.array(variantInputSchema).min(1).max(50),
  certification_ids: z.array(z.string().max(40)).max(20).optional(),
});

export const productPatchSchema = z.strictObject({
  category_code: z.string().max(80).optional(),
  hs_code: z.string().max(20).optional(),
  title: z.strictObject({ th: title.optional(), zh: title.optional(), en: title.optional() }).optional(),
  description: z.strictObject({ th: long.optional(), zh: long.optional(), en: long.optional() }).optional(),
  attributes: attributes.optional(),
  variants: z.array(variantInputSchema).min(1).max(50).optional(),
  certification_ids: z.array(z.string().max(40)).max(20).optional(),
  translations: z
    .strictObject({ zh: z.strictObject({ status: z.literal('reviewed') }).optional(), en: z.strictObject({ status: z.literal('reviewed') }).optional() })
    .optional(),
});

const names = z.object({ th: z.string(), zh: z.string(), en: z.string() });
const localizedOut = z.object({ th: z.string(), zh: z.string().optional(), en: z.string().optional() });
const translationState = z.object({ status: z.enum(['missing', 'draft', 'reviewed']), reviewed_by: z.string().nullish(), reviewed_at: z.string().nullish() });
const moneyOut = z.object({ amount_minor: z.number().int(), currency: z.literal('THB') });

export const productSchema = z
  .object({
    id: z.string(),
    seller_id: z.string(),
    category_code: z.string(),
    otop_type: z.string(),
    hs_code: z.string(),
    title: localizedOut,
    description: localizedOut,
    attributes: z.object({
      ingredients: localizedOut.optional(),
      allergens: localizedOut.optional(),
      storage: localizedOut.optional(),
      shelf_life_days: z.number().optional(),
    }),
    translations: z.object({ zh: translationState, en: translationState }),
    certification_ids: z.array(z.string()),
    variants: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        price: moneyOut,
        export_price: moneyOut.nullable(),
        weight_g: z.number(),
        net_content: z.object({ amount: z.number(), unit: z.enum(['g', 'ml', 'piece']) }).nullable(),
      }),
    ),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Product' });

export const categorySchema = z.object({
  code: z.string(),
  otop_type: z.string(),
  parent: z.string().nullable(),
  name: names,
  hs_codes: z.array(z.string()),
  food: z.boolean(),
  cosmetic: z.boolean(),
});
