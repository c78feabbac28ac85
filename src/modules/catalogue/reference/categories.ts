/**
 * The product category taxonomy: the five OTOP product types of the Community Development Department
 * (food; beverages; textiles and garments; household items, decorations and souvenirs; herbal products
 * that are not food — domain.md §4.4, medium) as the top level, and sub-categories for the goods Thai
 * community producers actually sell (dried fruit, jasmine rice, Thai silk, celadon, balms, …).
 *
 * Per sub-category:
 * - `hs_codes`: the China 8-digit tariff lines such goods are typically declared under, offered to the
 *   seller as suggestions (the seller's product carries its own code). The lines are this file's own
 *   reading of the tariff, as domain.md §1.7 says of its table ("classification is my own reading of the
 *   HS"); each line's VAT and source is in compliance/reference/hs-tax.ts. *Unconfirmed* until a customs
 *   broker confirms a real SKU.
 * - `food`: the product needs an approved Thai FDA food serial number (อย., domain.md §4.2) — every food
 *   and beverage sub-category, including alcohol.
 * - `cosmetic`: sold as a notified cosmetic in Thailand (balms, skin care, soap, oils, spa products).
 * - `prohibited_markets`: only where a source supports it. Alcohol and traditional medicine are blocked
 *   for CN_CBEC: alcohol's consumption tax does not fit the CBEC formula ("block them or handle
 *   separately", domain.md §1.5) and "medicines are generally not allowed in CBEC" (domain.md §1.7);
 *   both are platform policy drawn from those notes, not a quoted legal ban.
 */

/** The five OTOP product types (domain.md §4.4). */
export type OtopType = 'food' | 'beverage' | 'textile' | 'household' | 'herbal';

/** A market a product may be sold in. */
export type CategoryMarket = 'TH' | 'CN_CBEC' | 'INTL';

/** A top-level OTOP type (parent null, no HS codes) or a sub-category of one. */
export interface Category {
  readonly code: string;
  readonly otop_type: OtopType;
  readonly parent: string | null;
  readonly name: { readonly th: string; readonly zh: string; readonly en: string };
  /** Typical China 8-digit tariff lines, digits only (e.g. '08045020'); empty for a top level. */
  readonly hs_codes: readonly string[];
  /** Needs an approved Thai FDA number (อย.). */
  readonly food: boolean;
  readonly cosmetic: boolean;
  readonly prohibited_markets: readonly CategoryMarket[];
}

/** Every category: the five top levels, each followed by its sub-categories. */
export const CATEGORIES: readonly Category[] = [
  // 1. Food
  {
    code: 'food',
    otop_type: 'food',
    parent: null,
    name: { th: 'อาหาร', zh: '食品', en: 'Food' },
    hs_codes: [],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.dried_fruit',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'ผลไม้อบแห้งและผลไม้แปรรูป', zh: '果干及水果制品', en: 'Dried and processed fruit' },
    // plain dried mango 0804.50; dried longan 0813.40; freeze-dried durian 0813.40 other; sweetened or fried 2008.99
    hs_codes: ['08045020', '08134010', '08134090', '20089990'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.fresh_fruit',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'ผลไม้สด', zh: '新鲜水果', en: 'Fresh fruit' },
    // fresh durian; fresh mango shares 0804.5020 with dried mango
    hs_codes: ['08106000', '08045020'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.rice',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'ข้าวสาร', zh: '大米', en: 'Rice' },
    // Hom Mali and other long-grain milled rice
    hs_codes: ['10063020'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.snacks',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'ขนมขบเคี้ยว', zh: '休闲零食', en: 'Snacks' },
    // fruit chips 2008.99; rice and prawn crackers, egg rolls 1905.90; puffed rice 1904.10
    hs_codes: ['20089990', '19059000', '19041000'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.nuts',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'ถั่วและเม็ดมะม่วงหิมพานต์', zh: '坚果及腰果', en: 'Nuts and cashews' },
    hs_codes: ['08013200', '20081999'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.coconut',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'ผลิตภัณฑ์มะพร้าว', zh: '椰子制品', en: 'Coconut products' },
    // desiccated coconut 0801.11; coconut milk 2106.9040; virgin coconut oil 1513.19
    hs_codes: ['08011100', '21069040', '15131900'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.chili_paste_sauces',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'น้ำพริก เครื่องแกง และซอส', zh: '辣椒酱、咖喱酱及调味汁', en: 'Chili pastes, curry pastes and sauces' },
    hs_codes: ['21039090', '21031000'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.seafood_snacks',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'อาหารทะเลแปรรูปและขนมทะเล', zh: '海味零食', en: 'Seafood snacks' },
    // prepared shrimp 1605.29; seasoned squid 1605.54; prawn crackers 1905.90
    hs_codes: ['16052900', '16055400', '19059000'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'food.honey_sweets',
    otop_type: 'food',
    parent: 'food',
    name: { th: 'น้ำผึ้งและขนมหวาน', zh: '蜂蜜及甜食', en: 'Honey and sweets' },
    hs_codes: ['04090000', '17049000'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },

  // 2. Beverages
  {
    code: 'beverage',
    otop_type: 'beverage',
    parent: null,
    name: { th: 'เครื่องดื่ม', zh: '饮料', en: 'Beverages' },
    hs_codes: [],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'beverage.coffee',
    otop_type: 'beverage',
    parent: 'beverage',
    name: { th: 'กาแฟ', zh: '咖啡', en: 'Coffee' },
    hs_codes: ['09012100', '21011200'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'beverage.tea',
    otop_type: 'beverage',
    parent: 'beverage',
    name: { th: 'ชา', zh: '茶叶', en: 'Tea' },
    // Thai tea and black tea; oolong (Chiang Rai); green tea
    hs_codes: ['09023090', '09023010', '09021090'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'beverage.herbal_tea',
    otop_type: 'beverage',
    parent: 'beverage',
    name: { th: 'ชาสมุนไพรและเครื่องดื่มสมุนไพร', zh: '草本茶及草本饮品', en: 'Herbal teas and herbal drinks' },
    // blends 2106.90; single dried herbs 1211.90 (e.g. butterfly pea, roselle)
    hs_codes: ['21069090', '12119099'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'beverage.coconut_drinks',
    otop_type: 'beverage',
    parent: 'beverage',
    name: { th: 'น้ำมะพร้าวและเครื่องดื่มมะพร้าว', zh: '椰子水及椰子饮品', en: 'Coconut water and coconut drinks' },
    // coconut drink 2202.99; pure coconut water 2009.89
    hs_codes: ['22029900', '20098919'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'beverage.juice',
    otop_type: 'beverage',
    parent: 'beverage',
    name: { th: 'น้ำผลไม้', zh: '果汁', en: 'Fruit juices' },
    hs_codes: ['20098919', '22029900'],
    food: true,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'beverage.wine_spirits',
    otop_type: 'beverage',
    parent: 'beverage',
    name: { th: 'ไวน์ผลไม้ สาโท และสุราชุมชน', zh: '果酒、米酒及社区酒类', en: 'Fruit wine, rice wine and community spirits' },
    hs_codes: ['22060090', '22089090'],
    food: true,
    cosmetic: false,
    // consumption tax on alcohol is outside the CBEC formula: blocked (domain.md §1.5)
    prohibited_markets: ['CN_CBEC'],
  },

  // 3. Textiles and garments
  {
    code: 'textile',
    otop_type: 'textile',
    parent: null,
    name: { th: 'ผ้าและเครื่องแต่งกาย', zh: '纺织品及服装', en: 'Textiles and garments' },
    hs_codes: [],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'textile.silk_fabric',
    otop_type: 'textile',
    parent: 'textile',
    name: { th: 'ผ้าไหม', zh: '泰丝面料', en: 'Thai silk fabric' },
    hs_codes: ['50072019', '50079090'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'textile.silk_scarves',
    otop_type: 'textile',
    parent: 'textile',
    name: { th: 'ผ้าพันคอและผ้าคลุมไหล่ไหม', zh: '真丝围巾及披肩', en: 'Silk scarves and shawls' },
    hs_codes: ['62141000'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'textile.cotton_indigo',
    otop_type: 'textile',
    parent: 'textile',
    name: { th: 'ผ้าฝ้ายทอมือและผ้าคราม', zh: '手织棉布及蓝染布', en: 'Handwoven cotton and indigo cloth' },
    // cloth by the metre 5208.42; pha khao ma and cotton scarves 6214.90
    hs_codes: ['52084200', '62149000'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'textile.garments',
    otop_type: 'textile',
    parent: 'textile',
    name: { th: 'เสื้อผ้า', zh: '服装', en: 'Garments' },
    hs_codes: ['62061000', '62044200', '62046200', '62052000'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'textile.bags',
    otop_type: 'textile',
    parent: 'textile',
    name: { th: 'กระเป๋าผ้าและกระเป๋าสาน', zh: '布包及编织包', en: 'Fabric and woven bags' },
    hs_codes: ['42022200', '42022900'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'textile.home_textiles',
    otop_type: 'textile',
    parent: 'textile',
    name: { th: 'ผ้าตกแต่งบ้าน', zh: '家居纺织品', en: 'Home textiles' },
    hs_codes: ['63049200'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },

  // 4. Household items, decorations and souvenirs
  {
    code: 'household',
    otop_type: 'household',
    parent: null,
    name: { th: 'ของใช้ ของตกแต่ง และของที่ระลึก', zh: '家居用品、装饰品及纪念品', en: 'Household items, decorations and souvenirs' },
    hs_codes: [],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'household.celadon',
    otop_type: 'household',
    parent: 'household',
    name: { th: 'เครื่องเคลือบเซลาดอน', zh: '青瓷', en: 'Celadon ware' },
    // Thai celadon is stoneware: ornaments 6913.90, tableware 6912.00
    hs_codes: ['69139000', '69120090'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'household.benjarong',
    otop_type: 'household',
    parent: 'household',
    name: { th: 'เครื่องเบญจรงค์', zh: '五彩瓷', en: 'Benjarong porcelain' },
    hs_codes: ['69131000'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'household.pottery',
    otop_type: 'household',
    parent: 'household',
    name: { th: 'เครื่องปั้นดินเผา', zh: '陶器', en: 'Pottery' },
    hs_codes: ['69120010', '69139000'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'household.basketry',
    otop_type: 'household',
    parent: 'household',
    name: { th: 'เครื่องจักสาน', zh: '编织工艺品', en: 'Basketry and wickerwork' },
    hs_codes: ['46021100', '46021200', '46021990'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'household.wood_carving',
    otop_type: 'household',
    parent: 'household',
    name: { th: 'ไม้แกะสลักและของใช้จากไม้', zh: '木雕及木制品', en: 'Wood carvings and wooden articles' },
    hs_codes: ['44201011', '44209090'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'household.umbrellas',
    otop_type: 'household',
    parent: 'household',
    name: { th: 'ร่มกระดาษและร่มผ้า', zh: '纸伞及布伞', en: 'Paper and cotton umbrellas' },
    hs_codes: ['66019900'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'household.home_decor',
    otop_type: 'household',
    parent: 'household',
    name: { th: 'ของตกแต่งบ้านและเทียนหอม', zh: '家居装饰及香薰', en: 'Home decor, candles and diffusers' },
    hs_codes: ['34060000', '33074900'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },

  // 5. Herbal products that are not food
  {
    code: 'herbal',
    otop_type: 'herbal',
    parent: null,
    name: { th: 'สมุนไพรที่ไม่ใช่อาหาร', zh: '非食品类草本产品', en: 'Herbal products (non-food)' },
    hs_codes: [],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'herbal.balms',
    otop_type: 'herbal',
    parent: 'herbal',
    name: { th: 'ยาหม่องและบาล์มสมุนไพร', zh: '青草膏及草本香膏', en: 'Herbal balms' },
    // notified as a cosmetic: 3304.99; registered as traditional medicine: 3004.90 (not on the CBEC list)
    hs_codes: ['33049900', '30049090'],
    food: false,
    cosmetic: true,
    prohibited_markets: [],
  },
  {
    code: 'herbal.cosmetics_skincare',
    otop_type: 'herbal',
    parent: 'herbal',
    name: { th: 'เครื่องสำอางและผลิตภัณฑ์บำรุงผิวสมุนไพร', zh: '草本化妆品及护肤品', en: 'Herbal cosmetics and skin care' },
    hs_codes: ['33049900', '33041000', '33051000'],
    food: false,
    cosmetic: true,
    prohibited_markets: [],
  },
  {
    code: 'herbal.soap',
    otop_type: 'herbal',
    parent: 'herbal',
    name: { th: 'สบู่สมุนไพร', zh: '草本香皂', en: 'Herbal soap' },
    hs_codes: ['34011100', '34013000'],
    food: false,
    cosmetic: true,
    prohibited_markets: [],
  },
  {
    code: 'herbal.essential_oils',
    otop_type: 'herbal',
    parent: 'herbal',
    name: { th: 'น้ำมันหอมระเหย', zh: '精油', en: 'Essential oils' },
    hs_codes: ['33012920', '33012999'],
    food: false,
    cosmetic: true,
    prohibited_markets: [],
  },
  {
    code: 'herbal.spa',
    otop_type: 'herbal',
    parent: 'herbal',
    name: { th: 'ผลิตภัณฑ์สปาและขัดผิว', zh: '水疗及磨砂产品', en: 'Spa and body scrub products' },
    hs_codes: ['33073000', '33049900'],
    food: false,
    cosmetic: true,
    prohibited_markets: [],
  },
  {
    code: 'herbal.herbal_compress',
    otop_type: 'herbal',
    parent: 'herbal',
    name: { th: 'ลูกประคบสมุนไพร', zh: '泰式草药球', en: 'Herbal compress balls' },
    hs_codes: ['12119099'],
    food: false,
    cosmetic: false,
    prohibited_markets: [],
  },
  {
    code: 'herbal.traditional_medicine',
    otop_type: 'herbal',
    parent: 'herbal',
    name: { th: 'ยาแผนไทยและยาดม', zh: '泰国传统药及鼻通', en: 'Thai traditional medicine and inhalers' },
    hs_codes: ['30049090'],
    food: false,
    cosmetic: false,
    // "medicines are generally not allowed in CBEC" (domain.md §1.7)
    prohibited_markets: ['CN_CBEC'],
  },
] as const satisfies readonly Category[];

/** CATEGORIES indexed by code. */
export const CATEGORY_BY_CODE: ReadonlyMap<string, Category> = new Map(CATEGORIES.map((c) => [c.code, c]));
