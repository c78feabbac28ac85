import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATE_CARDS, type RateCard } from './reference/rate-cards.js';
import { chargeableWeightG, laneOptions, priceSatang } from './shipping.js';

const card = (over: Partial<RateCard> = {}): RateCard => ({ ...(RATE_CARDS[0] as RateCard), ...over });

describe('chargeable weight', () => {
  it('is the actual weight, or the volumetric one when the parcel is light for its size', () => {
    expect(chargeableWeightG({ actual_g: 1_200, dims_cm: { l: 10, w: 10, h: 10 }, volumetric_divisor: 6_000 })).toBe(1_200);
    // 40 × 30 × 20 cm / 6000 = 4 kg: a pillow of dried mango weighs less than the space it takes.
    expect(chargeableWeightG({ actual_g: 900, dims_cm: { l: 40, w: 30, h: 20 }, volumetric_divisor: 6_000 })).toBe(4_000);
    expect(chargeableWeightG({ actual_g: 900, dims_cm: { l: 41, w: 30, h: 20 }, volumetric_divisor: 6_000 })).toBe(4_100);
    expect(chargeableWeightG({ actual_g: 900, volumetric_divisor: 6_000 })).toBe(900);
  });
});

describe('price by chargeable weight', () => {
  it('charges the first kilogram, then every started half kilogram', () => {
    const c = card({ first_kg_satang: 9_000, per_additional_500g_satang: 2_500 });
    expect(priceSatang(c, 1)).toBe(9_000n);
    expect(priceSatang(c, 1_000)).toBe(9_000n);
    expect(priceSatang(c, 1_001)).toBe(11_500n);
    expect(priceSatang(c, 1_500)).toBe(11_500n);
    expect(priceSatang(c, 1_501)).toBe(14_000n);
  });

  it('never falls when the parcel gets heavier (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (g, more) => priceSatang(card(), g + more) >= priceSatang(card(), g),
      ),
    );
  });
});

describe('choosing a lane', () => {
  it('offers the cheapest lane that meets the goods’ constraints first', () => {
    const any = laneOptions({ destination: 'CN', actual_g: 2_000, constraints: [] });
    expect(any[0]?.lane).toBe('sea_nansha');
    const chilled = laneOptions({ destination: 'CN', actual_g: 2_000, constraints: ['chilled'] });
    expect(chilled.map((o) => o.lane)).not.toContain('sea_nansha');
    expect(chilled.map((o) => o.lane)).not.toContain('rail_laos_china');
    expect(chilled[0]?.lane).toBe('road_r3a');
    const balm = laneOptions({ destination: 'CN', actual_g: 300, constraints: ['liquid'] });
    expect(balm.map((o) => o.lane)).not.toContain('air');
  });

  it('leaves out a lane the parcel is too heavy for, and offers only international lanes abroad', () => {
    const heavy = laneOptions({ destination: 'CN', actual_g: 40_000, constraints: [] });
    expect(heavy.map((o) => o.lane)).toEqual(['sea_nansha']);
    expect(laneOptions({ destination: 'INTL', actual_g: 1_000, constraints: [] }).map((o) => o.lane)).toEqual(['air']);
    expect(laneOptions({ destination: 'INTL', actual_g: 1_000, constraints: ['battery'] })).toEqual([]);
  });
});
