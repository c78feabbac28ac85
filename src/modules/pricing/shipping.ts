import { type Constraint, type Lane, RATE_CARDS, type RateCard } from './reference/rate-cards.js';

/** Chargeable weight: the actual weight or the volumetric one, whichever is more (grams, rounded up). */
export function chargeableWeightG(input: { actual_g: number; dims_cm?: { l: number; w: number; h: number } | null; volumetric_divisor: number }): number {
  const d = input.dims_cm;
  // L·W·H / divisor is kilograms; ×1000 for grams, rounded up to the gram.
  const volumetric = d ? Math.ceil((d.l * d.w * d.h * 1_000) / input.volumetric_divisor) : 0;
  return Math.max(input.actual_g, volumetric);
}

/** The card's price for a chargeable weight: the first kilogram, then every started half kilogram. */
export function priceSatang(card: RateCard, chargeable_g: number): bigint {
  const extra = Math.max(0, chargeable_g - 1_000);
  const steps = Math.ceil(extra / 500);
  return BigInt(card.first_kg_satang) + BigInt(steps) * BigInt(card.per_additional_500g_satang);
}

export interface LaneOption {
  readonly lane: Lane;
  readonly card: RateCard;
  readonly chargeable_g: number;
  readonly price_satang: bigint;
  readonly transit_days: { min: number; max: number };
}

/**
 * The lanes that can carry a shipment to a destination, cheapest first (ties: the faster). A lane is
 * left out when it refuses one of the goods' constraints or the parcel is too heavy for it.
 */
export function laneOptions(input: {
  destination: 'TH' | 'CN' | 'INTL';
  actual_g: number;
  dims_cm?: { l: number; w: number; h: number } | null;
  constraints: readonly Constraint[];
  cards?: readonly RateCard[];
}): LaneOption[] {
  const cards = (input.cards ?? RATE_CARDS).filter((c) => c.destination === input.destination);
  const out: LaneOption[] = [];
  for (const card of cards) {
    if (card.refuses.some((r) => input.constraints.includes(r))) continue;
    const chargeable_g = chargeableWeightG({ actual_g: input.actual_g, dims_cm: input.dims_cm ?? null, volumetric_divisor: card.volumetric_divisor });
    if (chargeable_g > card.max_chargeable_g) continue;
    out.push({ lane: card.lane, card, chargeable_g, price_satang: priceSatang(card, chargeable_g), transit_days: card.transit_days });
  }
  return out.sort((a, b) => (a.price_satang === b.price_satang ? a.transit_days.max - b.transit_days.max : a.price_satang < b.price_satang ? -1 : 1));
}
