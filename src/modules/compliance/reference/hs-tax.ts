/**
 * China import VAT and consumption-tax rule per 8-digit tariff line, for the lines the catalogue
 * categories use (src/modules/catalogue/reference/categories.ts). Read by the CBEC tax estimate:
 * VAT and consumption tax at 70 % of the normal amount, duty 0 % (domain.md §1.3, §1.4).
 *
 * Sources and confidence:
 * - VAT rates: 9 % for primary agricultural goods (ch. 04 honey, 08 fruit and nuts, 10 rice, 12 herbs,
 *   edible vegetable oil), 13 % for everything processed or manufactured. Where a line's rate was seen on
 *   a tariff mirror (china-gacc.agency, htshub.com, hs-bianma.com, tatiao.com, bei99.com) the source says
 *   so: *medium* (third-party mirrors that agree with each other, domain.md §1.3). Lines marked
 *   "own reading" follow the heading's rate and were not seen line by line: *unconfirmed*.
 * - The 8-digit codes themselves are the domain author's and this file's reading of China's tariff
 *   (domain.md §1.7 says classification is "my own reading of the HS"). A customs broker must confirm
 *   the line for each real SKU; the table is data so a correction is one edit.
 * - Tea: mirrors disagree (tatiao.com shows 9 % for 0902.3010, lnmlw.com 13 % for 0902.1090; old tables
 *   split tea between the low and the high rate by processing). 9 % is used; *unconfirmed*.
 * - Consumption tax: only high-end cosmetics (3304.xx) fit the CBEC formula; 15 % when the dutiable price
 *   is ≥ CNY 10 per ml/g or ≥ CNY 15 per piece (domain.md §1.5, solid). Alcohol's consumption tax
 *   (specific + ad valorem) does not fit the formula (domain.md §1.5); those lines are `not_modelled`
 *   and their category is blocked for CN_CBEC.
 */

/** Bump when any rate, rule or line changes; stored with every eligibility decision and tax estimate. */
export const HS_TAX_TABLE_VERSION = '2026-11-26.1';

/** How consumption tax applies to a tariff line. */
export type ConsumptionTaxRule =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'cosmetic_high_end';
      /** 15 % = 1500 basis points. */
      readonly rate_bp: 1500;
      /** Taxed when the dutiable price is ≥ this many fen per gram or millilitre (CNY 10). */
      readonly threshold_fen_per_g: 1000;
      /** Taxed when the dutiable price is ≥ this many fen per piece or sheet (CNY 15). */
      readonly threshold_fen_per_piece: 1500;
    }
  /** The line carries a consumption tax the CBEC formula cannot compute (alcohol); never estimate it. */
  | { readonly kind: 'not_modelled'; readonly reason: string };

/** One China tariff line with its import VAT and consumption-tax rule. */
export interface HsTaxLine {
  /** 8 digits, no dots. */
  readonly hs_code: string;
  /** Normal import VAT in basis points: 900 (9 %) or 1300 (13 %). The CBEC estimate takes 70 % of it. */
  readonly vat_bp: 900 | 1300;
  readonly consumption_tax: ConsumptionTaxRule;
  readonly description: { readonly zh: string; readonly en: string };
  readonly source: string;
}

const NONE = { kind: 'none' } as const satisfies ConsumptionTaxRule;
const COSMETIC = { kind: 'cosmetic_high_end', rate_bp: 1500, threshold_fen_per_g: 1000, threshold_fen_per_piece: 1500 } as const satisfies ConsumptionTaxRule;
const ALCOHOL = {
  kind: 'not_modelled',
  reason: 'Alcohol: specific + ad-valorem consumption tax, outside the CBEC formula (domain.md §1.5)',
} as const satisfies ConsumptionTaxRule;

const CH08 = 'VAT 9 %: china-gacc.agency heading pages 0801/0810/0813 and hs-bianma.com ch. 08 (domain.md §1.3); medium';
const OWN_9 = 'VAT 9 %: own reading (primary agricultural product); unconfirmed';
const OWN_13 = 'VAT 13 %: own reading (processed or manufactured goods); unconfirmed';
const TEA = 'VAT 9 %: tatiao.com 0902.3010; lnmlw.com shows 13 % for 0902.1090; unconfirmed';
const CERAMIC = 'VAT 13 %: hs.e-to-china.com 6913.1000/6913.9000; medium';
const COSMETIC_SRC = 'VAT 13 % and CT 15 % above CNY 10/g or 15/piece: htshub.com 3304.99xx, 365area.com (财关税〔2016〕48号); solid';

/** The tariff lines the categories use, with VAT and consumption-tax rule. */
export const HS_TAX: readonly HsTaxLine[] = [
  // Chapter 04, 08, 10, 12, 15: agricultural, 9 %
  { hs_code: '04090000', vat_bp: 900, consumption_tax: NONE, description: { zh: '天然蜂蜜', en: 'Natural honey' }, source: OWN_9 },
  {
    hs_code: '08011100',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '干的椰子', en: 'Desiccated coconut' },
    source: `${CH08}; line: hs-bianma.com 0801110000`,
  },
  {
    hs_code: '08013200',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '鲜或干的去壳腰果', en: 'Cashew nuts, shelled, fresh or dried' },
    source: `${CH08}; line: hs-bianma.com 0801320000`,
  },
  {
    hs_code: '08045020',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '鲜或干的芒果', en: 'Mangoes, fresh or dried' },
    source: `${CH08}; line: 0804502000 seen in China import-clearance data for Thai mango; medium`,
  },
  { hs_code: '08106000', vat_bp: 900, consumption_tax: NONE, description: { zh: '鲜榴莲', en: 'Durians, fresh' }, source: CH08 },
  { hs_code: '08134010', vat_bp: 900, consumption_tax: NONE, description: { zh: '龙眼干、肉', en: 'Dried longans and longan pulp' }, source: CH08 },
  {
    hs_code: '08134090',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '其他干果', en: 'Other dried fruit (e.g. freeze-dried durian, no added sugar or oil)' },
    source: `${CH08}; line: own reading`,
  },
  {
    hs_code: '10063020',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '长粒米精米', en: 'Long-grain rice, semi-milled or wholly milled' },
    source: 'VAT 9 %: china-gacc.agency 1006302090 (长粒米精米); medium',
  },
  {
    hs_code: '12119099',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '其他主要用作药料的植物及其某部分', en: 'Other plants and parts used primarily in pharmacy (dried herbs)' },
    source: 'VAT 9 %: hs-bianma.com ch. 12; line: own reading; unconfirmed',
  },
  {
    hs_code: '15131900',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '其他椰子油及其分离品', en: 'Coconut oil and its fractions, other than crude' },
    source: 'VAT 9 % (edible vegetable oil): own reading; domain.md §1.7 "not checked"; unconfirmed',
  },
  // Chapter 09: coffee and tea
  {
    hs_code: '09012100',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '未浸除咖啡碱的已焙炒咖啡', en: 'Coffee, roasted, not decaffeinated' },
    source: 'VAT 13 %: bei99.com 0901210000; medium',
  },
  {
    hs_code: '09021090',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '每件净重不超过3千克的其他绿茶', en: 'Other green tea, in packings of 3 kg or less' },
    source: TEA,
  },
  {
    hs_code: '09023010',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '每件净重不超过3千克的乌龙茶', en: 'Oolong tea, in packings of 3 kg or less' },
    source: TEA,
  },
  {
    hs_code: '09023090',
    vat_bp: 900,
    consumption_tax: NONE,
    description: { zh: '每件净重不超过3千克的其他红茶及半发酵茶', en: 'Other black and partly fermented tea, in packings of 3 kg or less' },
    source: `${TEA}; line: htshub.com ch. 09`,
  },
  // Chapters 16–22: prepared food and beverages, 13 %
  {
    hs_code: '16052900',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他制作或保藏的虾', en: 'Other prepared or preserved shrimps and prawns' },
    source: OWN_13,
  },
  {
    hs_code: '16055400',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '制作或保藏的墨鱼及鱿鱼', en: 'Prepared or preserved cuttlefish and squid' },
    source: OWN_13,
  },
  {
    hs_code: '17049000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他不含可可的糖食', en: 'Other sugar confectionery, not containing cocoa' },
    source: OWN_13,
  },
  {
    hs_code: '19041000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '谷物经膨化或烘炒制成的食品', en: 'Prepared foods obtained by swelling or roasting cereals' },
    source: 'VAT 13 %: china-gacc.agency (1904900000 shown 13 %); line: own reading; medium',
  },
  {
    hs_code: '19059000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他面包、糕点、饼干及焙烘糕饼', en: "Other bakers' wares (rice crackers, prawn crackers, biscuits)" },
    source: OWN_13,
  },
  {
    hs_code: '20081999',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他制作或保藏的坚果', en: 'Other nuts, prepared or preserved (e.g. roasted cashews)' },
    source: 'VAT 13 %: china-gacc.agency heading 2008; line: own reading; medium',
  },
  {
    hs_code: '20089990',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他未列名制作或保藏的水果', en: 'Other fruit, otherwise prepared or preserved (sweetened dried mango, crispy fried durian)' },
    source: 'VAT 13 %: china-gacc.agency heading 2008 (domain.md §1.3); line: own reading; medium',
  },
  {
    hs_code: '20098919',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他单一的水果汁', en: 'Juice of any other single fruit (incl. coconut water)' },
    source: 'VAT 13 %: own reading; coconut water 2009.8919 per cha138.com (椰子海关归类); unconfirmed',
  },
  {
    hs_code: '21011200',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '以咖啡为基本成分的制品', en: 'Preparations with a basis of coffee (3-in-1 mixes)' },
    source: 'VAT 13 %: htshub.com heading 2101; medium',
  },
  { hs_code: '21031000', vat_bp: 1300, consumption_tax: NONE, description: { zh: '酱油', en: 'Soy sauce' }, source: OWN_13 },
  {
    hs_code: '21039090',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他调味汁及其制品', en: 'Other sauces and preparations (chili paste, curry paste, fish sauce)' },
    source: OWN_13,
  },
  {
    hs_code: '21069040',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '椰子汁(椰浆)', en: 'Coconut milk (for cooking)' },
    source: 'VAT 13 %: own reading; line 2106.9040 per clubbiored.net and cha138.com (national subheading note); medium',
  },
  {
    hs_code: '21069090',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他未列名的食品', en: 'Other food preparations n.e.s. (herbal tea blends, drink powders)' },
    source: OWN_13,
  },
  {
    hs_code: '22029900',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他无酒精饮料', en: 'Other non-alcoholic beverages (coconut drinks)' },
    source: 'VAT 13 %, CT 0: htshub.com 2202990099; medium',
  },
  {
    hs_code: '22060090',
    vat_bp: 1300,
    consumption_tax: ALCOHOL,
    description: { zh: '其他发酵饮料', en: 'Other fermented beverages (fruit wine, sato rice wine)' },
    source: `${OWN_13}; consumption tax not modelled`,
  },
  {
    hs_code: '22089090',
    vat_bp: 1300,
    consumption_tax: ALCOHOL,
    description: { zh: '其他蒸馏酒及酒精饮料', en: 'Other spirits and spirituous beverages' },
    source: `${OWN_13}; consumption tax not modelled`,
  },
  // Chapters 30, 33, 34: medicines, cosmetics, soap, candles
  {
    hs_code: '30049090',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他已配定剂量或零售包装的药品', en: 'Other medicaments, in measured doses or retail packing (traditional medicine, medicinal balm)' },
    source: OWN_13,
  },
  {
    hs_code: '33012920',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '香茅油', en: 'Essential oil of citronella / lemongrass' },
    source: 'VAT 13 %: ayamama.com.cn 3301292000 (16 % before the 2019 cut to 13 %); medium',
  },
  {
    hs_code: '33012999',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他非柑橘属果实的精油', en: 'Other essential oils, other than of citrus fruit' },
    source: 'VAT 13 %: 365area.com heading 3301; line: transcustoms.com 3301299999; medium',
  },
  {
    hs_code: '33041000',
    vat_bp: 1300,
    consumption_tax: COSMETIC,
    description: { zh: '唇用化妆品', en: 'Lip make-up preparations (lip balm)' },
    source: COSMETIC_SRC,
  },
  {
    hs_code: '33049900',
    vat_bp: 1300,
    consumption_tax: COSMETIC,
    description: { zh: '其他美容品或化妆品及护肤品', en: 'Other beauty, make-up and skin-care preparations (incl. cosmetic balm)' },
    source: COSMETIC_SRC,
  },
  {
    hs_code: '33051000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '洗发剂', en: 'Shampoos' },
    source: 'VAT 13 %, CT 0: htshub.com 3305100090; medium',
  },
  {
    hs_code: '33073000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '香浴盐及其他泡澡用制剂', en: 'Perfumed bath salts and other bath preparations' },
    source: OWN_13,
  },
  {
    hs_code: '33074900',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他室内散香或除臭制品', en: 'Other preparations for perfuming rooms (reed diffusers)' },
    source: OWN_13,
  },
  {
    hs_code: '34011100',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '盥洗用皂及有机表面活性产品', en: 'Soap for toilet use, in bars or moulded shapes' },
    source: 'VAT 13 %: china-gacc.agency 3401110000; medium',
  },
  {
    hs_code: '34013000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '洁肤用有机表面活性产品及制品', en: 'Skin-washing preparations, liquid or cream, retail packed' },
    source: 'VAT 13 %: htshub.com 3401300010, hscode.wjccx.com 3401300090; medium',
  },
  { hs_code: '34060000', vat_bp: 1300, consumption_tax: NONE, description: { zh: '各种蜡烛及类似品', en: 'Candles, tapers and the like' }, source: OWN_13 },
  // Chapters 42, 44, 46: bags, wood, basketry
  {
    hs_code: '42022200',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '以塑料片或纺织材料作面的手提包', en: 'Handbags with outer surface of plastic sheeting or textile' },
    source: OWN_13,
  },
  {
    hs_code: '42022900',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '以其他材料作面的手提包', en: 'Handbags with outer surface of other materials (woven plant fibre)' },
    source: OWN_13,
  },
  {
    hs_code: '44201011',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '木刻', en: 'Wood carvings' },
    source: 'VAT 13 %: china-gacc.agency 4420101190; the HS 2022 split into 4420.11/4420.19 may have renumbered this line; unconfirmed',
  },
  {
    hs_code: '44209090',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他木制品(首饰盒、木盒等)', en: 'Other wooden articles of heading 4420 (caskets, boxes)' },
    source: 'VAT 13 %: china-gacc.agency heading 4420; line: own reading; medium',
  },
  {
    hs_code: '46021100',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '竹制的篮筐及编结品', en: 'Basketwork and wickerwork of bamboo' },
    source: `${OWN_13} (4601 mats shown 13 % on china-gacc.agency)`,
  },
  {
    hs_code: '46021200',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '藤制的篮筐及编结品', en: 'Basketwork and wickerwork of rattan' },
    source: `${OWN_13} (4601 mats shown 13 % on china-gacc.agency)`,
  },
  {
    hs_code: '46021990',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他植物材料制的篮筐及编结品', en: 'Basketwork of other vegetable materials (water hyacinth, krajood sedge)' },
    source: `${OWN_13} (4601 mats shown 13 % on china-gacc.agency)`,
  },
  // Chapters 50–63: textiles and garments
  {
    hs_code: '50072019',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他桑蚕丝机织物(含丝≥85%)', en: 'Other woven fabrics of mulberry silk, 85 % or more silk (dyed, printed)' },
    source: 'VAT 13 %: china-gacc.agency 5007201900; medium',
  },
  {
    hs_code: '50079090',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他丝机织物', en: 'Other woven fabrics of silk, less than 85 % silk' },
    source: 'VAT 13 %: china-gacc.agency heading 5007; line: own reading; medium',
  },
  {
    hs_code: '52084200',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '色织平纹棉机织物(每平方米重量超过100克)', en: 'Woven cotton, plain weave, of yarns of different colours, over 100 g/m²' },
    source: OWN_13,
  },
  { hs_code: '62044200', vat_bp: 1300, consumption_tax: NONE, description: { zh: '棉制女式连衣裙', en: "Women's dresses of cotton" }, source: OWN_13 },
  { hs_code: '62046200', vat_bp: 1300, consumption_tax: NONE, description: { zh: '棉制女式长裤', en: "Women's trousers of cotton" }, source: OWN_13 },
  { hs_code: '62052000', vat_bp: 1300, consumption_tax: NONE, description: { zh: '棉制男衬衫', en: "Men's shirts of cotton" }, source: OWN_13 },
  {
    hs_code: '62061000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '丝及绢丝制女式衬衫', en: "Women's blouses and shirts of silk" },
    source: 'VAT 13 %: htshub.com 6206100099; medium',
  },
  {
    hs_code: '62141000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '丝或绢丝制的披巾、头巾、围巾及类似品', en: 'Shawls, scarves and the like, of silk' },
    source: 'VAT 13 %: china-gacc.agency 6214100010, htshub.com 6214100090; medium',
  },
  {
    hs_code: '62149000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他纺织材料制的披巾、围巾', en: 'Shawls and scarves of other textile materials (cotton)' },
    source: OWN_13,
  },
  {
    hs_code: '63049200',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '棉制非针织装饰用织物制品', en: 'Furnishing articles of cotton, not knitted (cushion covers, runners)' },
    source: OWN_13,
  },
  // Chapters 66, 69: umbrellas and ceramics
  {
    hs_code: '66019900',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他伞', en: 'Other umbrellas (Bo Sang paper and cotton umbrellas)' },
    source: OWN_13,
  },
  {
    hs_code: '69120010',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '陶餐具', en: 'Earthenware tableware' },
    source: `${OWN_13}; line: own reading`,
  },
  {
    hs_code: '69120090',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他陶瓷餐具及厨房器具(炻器)', en: 'Other ceramic tableware and kitchenware, not porcelain (stoneware celadon)' },
    source: `${OWN_13}; line: own reading`,
  },
  {
    hs_code: '69131000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '瓷塑像及其他装饰用瓷制品', en: 'Statuettes and other ornamental articles of porcelain (Benjarong)' },
    source: CERAMIC,
  },
  {
    hs_code: '69139000',
    vat_bp: 1300,
    consumption_tax: NONE,
    description: { zh: '其他陶塑像及其他装饰用陶制品', en: 'Other ceramic statuettes and ornamental articles (celadon, pottery)' },
    source: CERAMIC,
  },
] as const satisfies readonly HsTaxLine[];

/** HS_TAX indexed by 8-digit code. */
export const HS_TAX_BY_CODE: ReadonlyMap<string, HsTaxLine> = new Map(HS_TAX.map((line) => [line.hs_code, line]));
