/**
 * The subset of China's CBEC positive list (跨境电子商务零售进口商品清单) that Saphan ships: the
 * lines of our categories that are, or are believed to be, on the list in force since 2022-03-01
 * (2019 edition as amended by MOF and seven other departments, announcement 2022 No. 7; 1,476 lines).
 * A product whose HS code is not here is not eligible for CN_CBEC, and the seller is told why.
 *
 * The official list could not be obtained (domain.md §1.7: "I could not get the list itself"), so this
 * subset is a stand-in. The compliance loader (written elsewhere) also accepts the full official list as
 * a file (8-digit code + remark + quantity limit) and uses it instead of this subset when present.
 *
 * Confidence, line by line in `source`:
 * - *medium*: the line appears in a partial copy of a list edition (wanglu.net, 2018).
 * - *unconfirmed*: the line is believed to be on the list because the product is routinely sold through
 *   CBEC; the required Thai lines (dried durian and mango, Thai silk fabric and scarves, jasmine rice,
 *   desiccated coconut, coconut milk, celadon) are here on that basis (domain.md §1.7 table).
 * - The quantity limits (long-grain rice ≤ 20 kg, sugar ≤ 2 kg a person a year) are *solid*
 *   (domain.md §1.7: ssopdot.com/blog/6801.html, reportify.ai).
 *
 * Deliberately left off, so that every eligibility outcome can be seen:
 * - 0810.6000 fresh durian: fresh fruit rarely clears CBEC (quarantine), domain.md §1.7 table.
 * - 3004.9090 medicines (a balm or inhaler registered as Thai traditional medicine): domain.md §1.7
 *   "medicines are generally not allowed in CBEC".
 * - 2206.0090, 2208.9090 alcohol: list status unclear and consumption tax not modelled (domain.md §1.5).
 * - 1605.2900, 1605.5400 prepared seafood: some seafood lines are limited to bonded import (1210) by
 *   remark (domain.md §1.7), which direct shipping (9610) cannot use; unconfirmed which.
 * - 1211.9099 dried medicinal herbs: list status unclear, plant quarantine.
 */

/** The edition this subset stands for; stored with every eligibility decision. */
export const POSITIVE_LIST_VERSION = '2022-03-01 subset';

/** One positive-list line: the 8-digit code, the list's remark and any per-person quantity limit. */
export interface PositiveListLine {
  readonly hs_code: string;
  readonly remark: { readonly zh: string; readonly en: string } | null;
  readonly quantity_limit: { readonly amount: number; readonly unit: 'kg' | 'piece'; readonly per: 'person_year' } | null;
  readonly source: string;
}

const PARTIAL_COPY = 'on the list: wanglu.net/thread/t12-359721-0.html (partial copy of a list edition, 2018); medium';
const ASSUMED = 'on the list: assumed (product routinely sold through CBEC); unconfirmed';
const REQUIRED = 'on the list: assumed for a core Thai product (domain.md §1.7 table); unconfirmed';

/** The positive-list lines for our categories. */
export const POSITIVE_LIST_SUBSET: readonly PositiveListLine[] = [
  // Food
  { hs_code: '04090000', remark: null, quantity_limit: null, source: PARTIAL_COPY },
  { hs_code: '08011100', remark: null, quantity_limit: null, source: `${PARTIAL_COPY}; desiccated coconut` },
  { hs_code: '08013200', remark: null, quantity_limit: null, source: PARTIAL_COPY },
  { hs_code: '08045020', remark: null, quantity_limit: null, source: `${REQUIRED}; dried mango` },
  { hs_code: '08134010', remark: null, quantity_limit: null, source: REQUIRED },
  { hs_code: '08134090', remark: null, quantity_limit: null, source: `${REQUIRED}; dried and freeze-dried Monthong durian` },
  {
    hs_code: '10063020',
    remark: { zh: '长粒米每人每年限购20千克', en: 'Long-grain rice: at most 20 kg per person per year' },
    quantity_limit: { amount: 20, unit: 'kg', per: 'person_year' },
    source: `${REQUIRED}; Hom Mali jasmine rice; limit: domain.md §1.7 (ssopdot.com/blog/6801.html); solid`,
  },
  { hs_code: '15131900', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '17049000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '19041000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '19059000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '20081999', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '20089990', remark: null, quantity_limit: null, source: `${REQUIRED}; crispy durian, sweetened dried mango` },
  { hs_code: '21031000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '21039090', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '21069040', remark: null, quantity_limit: null, source: `${REQUIRED}; coconut milk` },
  {
    hs_code: '21069090',
    remark: {
      zh: '依法不属于普通食品或依法需要注册备案管理的特殊食品除外',
      en: 'Excluding goods that are not ordinary food or are special foods needing registration or filing',
    },
    quantity_limit: null,
    source: `${ASSUMED}; remark wording as for the 0410 lines in the partial copy`,
  },
  // Beverages (no alcohol)
  { hs_code: '09012100', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '09021090', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '09023010', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '09023090', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '20098919', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '21011200', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '22029900', remark: null, quantity_limit: null, source: ASSUMED },
  // Textiles and garments
  { hs_code: '42022200', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '42022900', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '50072019', remark: null, quantity_limit: null, source: `${REQUIRED}; Thai silk fabric` },
  { hs_code: '50079090', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '52084200', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '62044200', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '62046200', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '62052000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '62061000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '62141000', remark: null, quantity_limit: null, source: `${REQUIRED}; Thai silk scarves` },
  { hs_code: '62149000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '63049200', remark: null, quantity_limit: null, source: ASSUMED },
  // Household, decorations and souvenirs
  { hs_code: '34060000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '33074900', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '44201011', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '44209090', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '46021100', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '46021200', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '46021990', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '66019900', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '69120010', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '69120090', remark: null, quantity_limit: null, source: `${REQUIRED}; celadon tableware` },
  { hs_code: '69131000', remark: null, quantity_limit: null, source: `${ASSUMED}; Benjarong` },
  { hs_code: '69139000', remark: null, quantity_limit: null, source: `${REQUIRED}; celadon ornaments` },
  // Herbal products that are not food (cosmetics, soap, oils; no medicines)
  { hs_code: '33012920', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '33012999', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '33041000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '33049900', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '33051000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '33073000', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '34011100', remark: null, quantity_limit: null, source: ASSUMED },
  { hs_code: '34013000', remark: null, quantity_limit: null, source: ASSUMED },
] as const satisfies readonly PositiveListLine[];
