/**
 * Shipping rate cards, Thailand → destination, per lane (domain.md §6). No published per-kilogram
 * prices exist for these lanes: the figures below are sample carrier quotes kept as configuration
 * (replace them with the carriers' signed cards), in THB satang, by chargeable weight.
 *
 * Price = `first_kg_satang` for the first kilogram, plus `per_additional_500g_satang` for every
 * started half kilogram above it. Volumetric weight = L × W × H (cm) / `volumetric_divisor` kg.
 */

export const LANES = ['road_r3a', 'rail_laos_china', 'sea_nansha', 'air', 'th_domestic'] as const;
export type Lane = (typeof LANES)[number];

/** What the goods need or cannot take, declared per category: a lane that cannot meet them is not offered. */
export type Constraint = 'chilled' | 'fragile' | 'liquid' | 'battery';

export interface RateCard {
  readonly lane: Lane;
  /** ISO country; CN cards name the receiving region (Yunnan, Guangdong…) in `region` or '*' for all. */
  readonly destination: 'TH' | 'CN' | 'INTL';
  readonly region: string;
  readonly name: { th: string; zh: string; en: string };
  readonly first_kg_satang: number;
  readonly per_additional_500g_satang: number;
  readonly volumetric_divisor: number;
  readonly transit_days: { readonly min: number; readonly max: number };
  /** Constraints this lane cannot meet. */
  readonly refuses: readonly Constraint[];
  /** The heaviest parcel the lane takes (grams of chargeable weight). */
  readonly max_chargeable_g: number;
  readonly source: string;
}

const SAMPLE = 'sample carrier quote (configuration; domain.md §6: no published per-kg rates)';

export const RATE_CARDS: readonly RateCard[] = [
  {
    lane: 'road_r3a',
    destination: 'CN',
    region: '*',
    name: { th: 'รถบรรทุก R3A ผ่านลาวสู่คุนหมิง', zh: '公路 R3A 经老挝至昆明', en: 'Road R3A via Laos to Kunming' },
    first_kg_satang: 9_000,
    per_additional_500g_satang: 2_500,
    volumetric_divisor: 6_000,
    transit_days: { min: 4, max: 7 },
    refuses: [],
    max_chargeable_g: 30_000,
    source: SAMPLE,
  },
  {
    lane: 'rail_laos_china',
    destination: 'CN',
    region: '*',
    name: { th: 'รถไฟลาว–จีน', zh: '中老铁路', en: 'Laos–China Railway' },
    first_kg_satang: 7_500,
    per_additional_500g_satang: 2_000,
    volumetric_divisor: 6_000,
    transit_days: { min: 3, max: 6 },
    refuses: ['chilled'],
    max_chargeable_g: 30_000,
    source: SAMPLE,
  },
  {
    lane: 'sea_nansha',
    destination: 'CN',
    region: '*',
    name: { th: 'ทางเรือ แหลมฉบัง–หนานซา', zh: '海运 林查班–南沙', en: 'Sea, Laem Chabang–Nansha' },
    first_kg_satang: 5_000,
    per_additional_500g_satang: 1_000,
    volumetric_divisor: 5_000,
    transit_days: { min: 9, max: 14 },
    refuses: ['chilled'],
    max_chargeable_g: 50_000,
    source: SAMPLE,
  },
  {
    lane: 'air',
    destination: 'CN',
    region: '*',
    name: { th: 'ทางอากาศ', zh: '空运', en: 'Air' },
    first_kg_satang: 28_000,
    per_additional_500g_satang: 9_000,
    volumetric_divisor: 5_000,
    transit_days: { min: 2, max: 4 },
    refuses: ['liquid', 'battery'],
    max_chargeable_g: 20_000,
    source: SAMPLE,
  },
  {
    lane: 'air',
    destination: 'INTL',
    region: '*',
    name: { th: 'ทางอากาศ ต่างประเทศ', zh: '国际空运', en: 'International air' },
    first_kg_satang: 65_000,
    per_additional_500g_satang: 18_000,
    volumetric_divisor: 5_000,
    transit_days: { min: 5, max: 10 },
    refuses: ['liquid', 'battery'],
    max_chargeable_g: 20_000,
    source: SAMPLE,
  },
  {
    lane: 'th_domestic',
    destination: 'TH',
    region: '*',
    name: { th: 'ขนส่งในประเทศ (EMS)', zh: '泰国国内快递', en: 'Domestic courier (EMS)' },
    first_kg_satang: 4_500,
    per_additional_500g_satang: 1_000,
    volumetric_divisor: 5_000,
    transit_days: { min: 1, max: 3 },
    refuses: [],
    max_chargeable_g: 30_000,
    source: SAMPLE,
  },
];
