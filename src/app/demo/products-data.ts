/**
 * Demo product data: plausible products of the demo sellers (sellers-data.ts), each matched to the seller's
 * specialty or province. Products are invented; prices are typical Thai retail prices in 2025.
 *
 * Each product is built from a *kind* (category, default HS line, description, ingredients, shelf life, art)
 * and an *offer* row (seller, titles in th/zh/en, variants and a few flags). The Chinese and English titles
 * are written as a reviewer would approve them, using the glossary's terms (catalogue/reference/glossary.ts).
 *
 * So that every state shows up in the demo, deterministically:
 * - about one product in ten has its Chinese translation not yet reviewed, one in twenty its English;
 * - a few food products from small community groups have no certificates at all (`nofda`: "FDA missing");
 * - some products use HS lines that are not on the CBEC positive list (fresh durian, dried shrimp and squid,
 *   single dried herbs, herbal compresses) or a category prohibited for CN_CBEC (fruit wine and sato, Thai
 *   traditional medicine, balms registered as medicine: 3004.90).
 */

import { CATEGORY_BY_CODE } from '../../modules/catalogue/index.js';
import { PROVINCES } from '../../modules/sellers/index.js';
import { DEMO_SELLERS } from './sellers-data.js';

export type DemoCert = 'thai_fda' | 'otop_stars' | 'tisi_community' | 'halal' | 'thai_gi' | 'organic_thailand';
export type DemoMotif = 'fruit' | 'rice' | 'coconut' | 'textile' | 'ceramic' | 'basket' | 'jar' | 'bottle' | 'leaf' | 'box';

export interface DemoProduct {
  /** Index into DEMO_SELLERS whose specialty or province fits the product. */
  readonly seller_index: number;
  /** A sub-category code from CATEGORIES. */
  readonly category_code: string;
  /** One of the category's hs_codes (8 digits). */
  readonly hs_code: string;
  readonly title: { readonly th: string; readonly zh: string; readonly en: string };
  readonly description: { readonly th: string; readonly zh: string; readonly en: string };
  readonly attributes?: { readonly ingredients?: { th: string; zh: string; en: string }; readonly shelf_life_days?: number };
  readonly variants: readonly {
    readonly sku: string;
    readonly price_thb_satang: number;
    readonly weight_g: number;
    readonly net_content?: { amount: number; unit: 'g' | 'ml' | 'piece' };
  }[];
  /** Whether the demo marks each translation reviewed. */
  readonly review: { readonly zh: boolean; readonly en: boolean };
  /** The certificates the demo attaches. */
  readonly certs: readonly DemoCert[];
  readonly otop_stars?: 1 | 2 | 3 | 4 | 5;
  readonly art: { readonly motif: DemoMotif; readonly color: string };
}

type T3 = readonly [th: string, zh: string, en: string];
type Unit = 'g' | 'ml' | 'piece';

interface Kind {
  readonly cat: string;
  readonly hs: string;
  readonly unit: Unit;
  readonly d: T3;
  readonly ing?: T3;
  readonly life?: number;
  readonly motif: DemoMotif;
  readonly color: string;
}

// ── Kinds ──────────────────────────────────────────────────────────────────────────────────────────────────

// biome-ignore format: one kind per block reads best compact
const K = {
  // food
  dur_crisp: {
    cat: 'food.dried_fruit', hs: '08134090', unit: 'g', motif: 'fruit', color: '#d9a521', life: 365,
    d: ['เนื้อทุเรียนหมอนทองสุกกำลังดี อบกรอบด้วยระบบสุญญากาศอุณหภูมิต่ำ ไม่ใส่สารกันบูด', '精选成熟金枕榴莲果肉，真空低温烘烤至酥脆，不含防腐剂。', 'Ripe Monthong durian flesh, vacuum-baked at low temperature until crisp, with no preservatives.'],
    ing: ['ทุเรียนหมอนทอง 100%', '100%金枕榴莲', '100% Monthong durian'],
  },
  dur_fd: {
    cat: 'food.dried_fruit', hs: '08134090', unit: 'g', motif: 'fruit', color: '#e6b422', life: 540,
    d: ['ทุเรียนฟรีซดรายที่อุณหภูมิต่ำ คงกลิ่นและรสชาติของทุเรียนสด เนื้อกรอบละลายในปาก', '低温冻干榴莲，保留新鲜榴莲的香气与风味，入口酥脆即化。', 'Durian freeze-dried at low temperature, keeping the aroma and taste of fresh fruit; crisp and melts in the mouth.'],
    ing: ['เนื้อทุเรียน 100%', '100%榴莲果肉', '100% durian flesh'],
  },
  dur_fresh: {
    cat: 'food.fresh_fruit', hs: '08106000', unit: 'g', motif: 'fruit', color: '#7a9a2e', life: 5,
    d: ['ทุเรียนสดตัดจากสวน คัดลูกที่แก่จัดกำลังดี ส่งแบบควบคุมอุณหภูมิ', '果园现摘新鲜榴莲，精选成熟度适中的果实，控温发货。', 'Fresh durian cut in the orchard at the right maturity and shipped temperature-controlled.'],
  },
  mango_fresh: {
    cat: 'food.fresh_fruit', hs: '08045020', unit: 'g', motif: 'fruit', color: '#f5c518', life: 7,
    d: ['มะม่วงสุกจากสวน ห่อผลทุกลูกตั้งแต่บนต้น ผิวสวย หวานหอม', '果园新鲜采摘，每个果实在树上套袋，果皮光亮，香甜可口。', 'Tree-ripened mangoes, each bagged on the branch for clean skin; sweet and fragrant.'],
  },
  mango_dried: {
    cat: 'food.dried_fruit', hs: '08045020', unit: 'g', motif: 'fruit', color: '#f2a900', life: 365,
    d: ['มะม่วงสุกหั่นชิ้นหนา อบแห้งด้วยลมร้อน เนื้อนุ่มหนึบ หวานอมเปรี้ยวตามธรรมชาติ', '熟芒果切厚片热风烘干，口感软糯，天然酸甜。', 'Thick slices of ripe mango dried with warm air; soft, chewy and naturally sweet and tangy.'],
    ing: ['มะม่วง น้ำตาลทราย', '芒果、白砂糖', 'mango, sugar'],
  },
  fruit_fd: {
    cat: 'food.dried_fruit', hs: '08134090', unit: 'g', motif: 'fruit', color: '#e67e22', life: 540,
    d: ['ผลไม้ไทยฟรีซดรายหรืออบแห้ง ไม่เติมน้ำตาล กรอบเบา เก็บได้นาน', '泰国水果冻干或烘干，无添加糖，轻脆耐储存。', 'Thai fruit freeze-dried or dried with no added sugar; light, crisp and long-keeping.'],
    ing: ['ผลไม้ 100%', '100%水果', '100% fruit'],
  },
  longan: {
    cat: 'food.dried_fruit', hs: '08134010', unit: 'g', motif: 'fruit', color: '#a0522d', life: 365,
    d: ['ลำไยพันธุ์อีดอคัดลูกใหญ่ อบแห้งจนเป็นสีทอง เนื้อหนา หวานหอม', '精选大果依多龙眼，烘干至金黄色，果肉厚实，香甜。', 'Large E-Daw longans dried to a golden colour; thick flesh, sweet and fragrant.'],
    ing: ['ลำไย 100%', '100%龙眼', '100% longan'],
  },
  fruit_paste: {
    cat: 'food.dried_fruit', hs: '20089990', unit: 'g', motif: 'jar', color: '#b8860b', life: 180,
    d: ['ผลไม้กวนสูตรโบราณ กวนด้วยไฟอ่อนในกระทะทองเหลืองจนเหนียวนุ่ม', '古法熬制果糕，以黄铜锅文火慢熬至软糯有嚼劲。', 'Fruit paste made the old way, slow-cooked in a brass pan until soft and chewy.'],
    ing: ['เนื้อผลไม้ น้ำตาลทราย เกลือ', '果肉、白砂糖、盐', 'fruit pulp, sugar, salt'],
  },
  candied: {
    cat: 'food.dried_fruit', hs: '20089990', unit: 'g', motif: 'fruit', color: '#c0392b', life: 270,
    d: ['ผลไม้แช่อิ่มและอบแห้งตามสูตรดั้งเดิม หวานอมเปรี้ยว ทานเล่นหรือเป็นของฝาก', '传统工艺蜜饯果干，酸甜可口，可作零食或伴手礼。', 'Fruit candied and dried to a traditional recipe, sweet and tangy; a snack or a gift.'],
    ing: ['ผลไม้ น้ำตาลทราย เกลือ', '水果、白砂糖、盐', 'fruit, sugar, salt'],
  },
  banana: {
    cat: 'food.dried_fruit', hs: '20089990', unit: 'g', motif: 'fruit', color: '#8b5a2b', life: 180,
    d: ['กล้วยสุกงอมตากแดดในโรงอบพลังงานแสงอาทิตย์ เนื้อนุ่มหนึบ หวานธรรมชาติ', '熟透的香蕉在太阳能烘房中晾晒，软糯有嚼劲，天然香甜。', 'Fully ripe bananas dried in a solar drying house; soft, chewy and naturally sweet.'],
    ing: ['กล้วย 100%', '100%香蕉', '100% banana'],
  },
  tamarind: {
    cat: 'food.dried_fruit', hs: '08134090', unit: 'g', motif: 'fruit', color: '#6b3e26', life: 180,
    d: ['มะขามหวานคัดฝักสวย เนื้อหนา หวานธรรมชาติ ไม่ผ่านการปรุงแต่ง', '精选甜角，荚形饱满，果肉厚实，天然香甜，未经添加。', 'Selected sweet tamarind pods with thick, naturally sweet flesh and nothing added.'],
    ing: ['มะขามหวาน 100%', '100%甜角', '100% sweet tamarind'],
  },
  rice_hm: {
    cat: 'food.rice', hs: '10063020', unit: 'g', motif: 'rice', color: '#c9b37e', life: 365,
    d: ['ข้าวหอมมะลิ 105 ข้าวใหม่ต้นฤดู เมล็ดยาวเรียว หุงขึ้นหม้อ นุ่มและหอม', '泰国茉莉香米105当季新米，米粒细长，煮后松软清香。', 'New-season Hom Mali 105 jasmine rice: long, slender grains that cook soft and fragrant.'],
    ing: ['ข้าวหอมมะลิ 100%', '100%茉莉香米', '100% Hom Mali rice'],
  },
  rice_other: {
    cat: 'food.rice', hs: '10063020', unit: 'g', motif: 'rice', color: '#6d2e46', life: 365,
    d: ['ข้าวพันธุ์พื้นเมืองคุณค่าทางโภชนาการสูง ปลูกแบบปลอดสารโดยเกษตรกรในชุมชน', '营养丰富的本地稻米品种，由社区农户无农药种植。', 'A nutritious heritage rice variety, grown without pesticides by community farmers.'],
    ing: ['ข้าว 100%', '100%大米', '100% rice'],
  },
  fruit_chips: {
    cat: 'food.snacks', hs: '20089990', unit: 'g', motif: 'box', color: '#e1a95f', life: 270,
    d: ['ผลไม้หั่นแผ่นบาง ทอดหรืออบจนกรอบ ปรุงรสพอดี เป็นของว่างทานเพลิน', '水果切薄片油炸或烘烤至酥脆，调味适中，休闲好滋味。', 'Thinly sliced fruit fried or baked until crisp and lightly seasoned; an easy snack.'],
    ing: ['ผลไม้ น้ำมันปาล์ม น้ำตาลทราย เกลือ', '水果、棕榈油、白砂糖、盐', 'fruit, palm oil, sugar, salt'],
  },
  bakery: {
    cat: 'food.snacks', hs: '19059000', unit: 'g', motif: 'box', color: '#c68642', life: 30,
    d: ['ขนมอบสูตรต้นตำรับของร้าน อบสดใหม่ทุกวัน ไม่ใส่สารกันบูด', '店铺祖传配方烘焙点心，每日新鲜出炉，不含防腐剂。', "Baked to the shop's original recipe, fresh every day, with no preservatives."],
    ing: ['แป้งสาลี น้ำตาลทราย ไข่ไก่ เนย', '小麦粉、白砂糖、鸡蛋、黄油', 'wheat flour, sugar, egg, butter'],
  },
  dessert: {
    cat: 'food.snacks', hs: '19059000', unit: 'g', motif: 'box', color: '#a86f32', life: 7,
    d: ['ขนมไทยโบราณ ทำจากกะทิ ไข่ และน้ำตาลโตนด อบจนหอม', '泰式传统甜点，以椰浆、鸡蛋和棕榈糖烘烤而成，香气浓郁。', 'A traditional Thai sweet of coconut milk, eggs and palm sugar, baked until fragrant.'],
    ing: ['กะทิ ไข่ไก่ น้ำตาลโตนด แป้ง', '椰浆、鸡蛋、棕榈糖、面粉', 'coconut milk, egg, palm sugar, flour'],
  },
  crackers: {
    cat: 'food.snacks', hs: '19059000', unit: 'g', motif: 'box', color: '#d4a373', life: 180,
    d: ['ขนมกรอบจากแป้งข้าวตามภูมิปัญญาท้องถิ่น ทอดใหม่ กรอบ ไม่อมน้ำมัน', '以米粉按地方传统工艺制作的脆饼，现炸酥脆不油腻。', 'A crisp snack of rice flour made by local tradition; freshly fried and not greasy.'],
    ing: ['แป้งข้าวเจ้า น้ำตาลทราย เกลือ น้ำมันพืช', '大米粉、白砂糖、盐、植物油', 'rice flour, sugar, salt, vegetable oil'],
  },
  puffed: {
    cat: 'food.snacks', hs: '19041000', unit: 'g', motif: 'rice', color: '#7b3f61', life: 180,
    d: ['ข้าวพองอบกรอบ เคลือบน้ำตาลอ้อยบางๆ หอมข้าว', '膨化米花，薄裹蔗糖，米香浓郁。', 'Puffed rice, lightly coated in cane sugar, with a toasty rice flavour.'],
    ing: ['ข้าว น้ำตาลอ้อย น้ำมันรำข้าว', '大米、蔗糖、米糠油', 'rice, cane sugar, rice bran oil'],
  },
  cashew: {
    cat: 'food.nuts', hs: '20081999', unit: 'g', motif: 'jar', color: '#c8a165', life: 270,
    d: ['เม็ดมะม่วงหิมพานต์เต็มเม็ด คั่วใหม่ทุกวัน หอม มัน กรอบ', '整粒腰果每日新鲜烘烤，香脆浓郁。', 'Whole cashews roasted fresh daily: fragrant, rich and crunchy.'],
    ing: ['เม็ดมะม่วงหิมพานต์ เกลือ เครื่องปรุง', '腰果、盐、调味料', 'cashew nuts, salt, seasoning'],
  },
  cashew_raw: {
    cat: 'food.nuts', hs: '08013200', unit: 'g', motif: 'jar', color: '#d2b48c', life: 365,
    d: ['เม็ดมะม่วงหิมพานต์ดิบกะเทาะเปลือก คัดเกรด สำหรับปรุงอาหารหรืออบเอง', '去壳生腰果，分级精选，可烹饪或自行烘烤。', 'Shelled raw cashews, graded, for cooking or roasting at home.'],
    ing: ['เม็ดมะม่วงหิมพานต์ 100%', '100%腰果', '100% cashew nuts'],
  },
  seeds: {
    cat: 'food.nuts', hs: '20081999', unit: 'g', motif: 'leaf', color: '#5b4a3a', life: 270,
    d: ['งาขี้ม้อนจากไร่บนดอย คั่วใหม่ หอม อุดมด้วยโอเมก้า 3', '山地种植的紫苏籽，新鲜烘焙，香气浓郁，富含Omega-3。', 'Perilla seeds from highland farms, freshly roasted, fragrant and rich in omega-3.'],
    ing: ['งาขี้ม้อน 100%', '100%紫苏籽', '100% perilla seeds'],
  },
  desiccated: {
    cat: 'food.coconut', hs: '08011100', unit: 'g', motif: 'coconut', color: '#8d6e63', life: 365,
    d: ['เนื้อมะพร้าวแก่ขูดฝอยอบแห้ง ไม่เติมน้ำตาล สำหรับทำขนมไทยและเบเกอรี่', '成熟椰肉刨丝烘干，无添加糖，适用于泰式甜点和烘焙。', 'Grated mature coconut meat, dried with no added sugar, for Thai desserts and baking.'],
    ing: ['เนื้อมะพร้าว 100%', '100%椰肉', '100% coconut meat'],
  },
  cmilk: {
    cat: 'food.coconut', hs: '21069040', unit: 'ml', motif: 'coconut', color: '#6d4c41', life: 365,
    d: ['กะทิคั้นจากมะพร้าวแก่ ไม่ใส่สารกันเสีย เข้มข้น หอมมัน สำหรับแกงและขนมไทย', '以成熟椰子压榨的椰浆，不含防腐剂，浓郁香醇，适用于咖喱和泰式甜点。', 'Pressed from mature coconuts with no preservatives; rich and creamy for curries and Thai desserts.'],
    ing: ['กะทิ 100%', '100%椰浆', '100% coconut milk'],
  },
  vco: {
    cat: 'food.coconut', hs: '15131900', unit: 'ml', motif: 'bottle', color: '#8fbc8f', life: 730,
    d: ['น้ำมันมะพร้าวสกัดเย็นบริสุทธิ์ ไม่ผ่านความร้อน ใช้ปรุงอาหารหรือรับประทานได้', '纯正冷榨椰子油，未经加热，可烹饪或直接食用。', 'Pure cold-pressed virgin coconut oil, never heated; for cooking or by the spoon.'],
    ing: ['น้ำมันมะพร้าวสกัดเย็น 100%', '100%冷榨椰子油', '100% cold-pressed coconut oil'],
  },
  paste: {
    cat: 'food.chili_paste_sauces', hs: '21039090', unit: 'g', motif: 'jar', color: '#b22222', life: 365,
    d: ['ตำจากพริกและสมุนไพรสดตามสูตรดั้งเดิม ไม่ใส่ผงชูรส', '以新鲜辣椒和香料按传统配方研磨，不添加味精。', 'Pounded from fresh chilies and herbs to a traditional recipe, with no MSG.'],
    ing: ['พริก หอมแดง กระเทียม ตะไคร้ ข่า เกลือ', '辣椒、红葱头、大蒜、香茅、南姜、盐', 'chili, shallot, garlic, lemongrass, galangal, salt'],
  },
  sauce: {
    cat: 'food.chili_paste_sauces', hs: '21039090', unit: 'ml', motif: 'bottle', color: '#8b4513', life: 365,
    d: ['ซอสปรุงรสสูตรท้องถิ่น หมักและปรุงสุกในโรงเรือนที่ถูกสุขลักษณะ', '地方风味调味汁，在卫生车间发酵并熟制。', 'A local seasoning sauce, fermented and cooked in a hygienic kitchen.'],
  },
  soy: {
    cat: 'food.chili_paste_sauces', hs: '21031000', unit: 'ml', motif: 'bottle', color: '#3e2723', life: 730,
    d: ['ซีอิ๊วหมักจากถั่วเหลืองตามกรรมวิธีธรรมชาติ', '以大豆自然酿造的酱油。', 'Soy sauce naturally brewed from soybeans.'],
    ing: ['ถั่วเหลือง เกลือ น้ำตาล แป้งสาลี', '大豆、盐、糖、小麦粉', 'soybeans, salt, sugar, wheat flour'],
  },
  shrimp: {
    cat: 'food.seafood_snacks', hs: '16052900', unit: 'g', motif: 'box', color: '#e9967a', life: 180,
    d: ['กุ้งทะเลต้มและตากแดดตามวิถีประมงพื้นบ้าน สีส้มตามธรรมชาติ ไม่ใส่สี', '按渔村传统将海虾煮熟晒干，色泽天然橙红，不添加色素。', 'Sea shrimp boiled and sun-dried the fishing-village way; naturally orange, no added colour.'],
    ing: ['กุ้ง เกลือ', '虾、盐', 'shrimp, salt'],
  },
  squid: {
    cat: 'food.seafood_snacks', hs: '16055400', unit: 'g', motif: 'box', color: '#d2691e', life: 180,
    d: ['ปลาหมึกทะเลคัดตัว ปรุงรสแล้วอบหรือย่าง เคี้ยวเพลิน', '精选海鱿鱼，调味后烘烤，越嚼越香。', 'Selected sea squid, seasoned then baked or grilled; a chewy snack.'],
    ing: ['ปลาหมึก น้ำตาลทราย เกลือ พริก', '鱿鱼、白砂糖、盐、辣椒', 'squid, sugar, salt, chili'],
  },
  sea_crackers: {
    cat: 'food.seafood_snacks', hs: '19059000', unit: 'g', motif: 'box', color: '#f4a460', life: 270,
    d: ['ข้าวเกรียบผสมเนื้อปลาหรือกุ้งสดในสัดส่วนสูง ทอดกรอบ หอมรสทะเล', '以高比例鲜鱼肉或虾肉制成的脆片，炸后酥脆，海味浓郁。', 'Crackers made with a high share of fresh fish or shrimp, fried crisp with a taste of the sea.'],
    ing: ['เนื้อปลาหรือกุ้ง แป้งมันสำปะหลัง เกลือ น้ำตาลทราย', '鱼肉或虾肉、木薯淀粉、盐、白砂糖', 'fish or shrimp, tapioca starch, salt, sugar'],
  },
  honey: {
    cat: 'food.honey_sweets', hs: '04090000', unit: 'g', motif: 'jar', color: '#daa520', life: 730,
    d: ['น้ำผึ้งแท้จากรังผึ้งในสวนลำไย ไม่ผสมน้ำเชื่อม', '来自龙眼园蜂巢的纯正蜂蜜，不掺糖浆。', 'Pure honey from hives in longan orchards, with no added syrup.'],
    ing: ['น้ำผึ้ง 100%', '100%蜂蜜', '100% honey'],
  },
  sweets: {
    cat: 'food.honey_sweets', hs: '17049000', unit: 'g', motif: 'box', color: '#d87093', life: 180,
    d: ['ขนมหวานทำมือจากวัตถุดิบท้องถิ่น หวานกำลังดี ห่อแยกชิ้น', '以本地原料手工制作的甜食，甜度适中，独立包装。', 'Hand-made sweets from local ingredients, not too sweet and individually wrapped.'],
  },
  sugar: {
    cat: 'food.honey_sweets', hs: '17049000', unit: 'g', motif: 'jar', color: '#8b5a2b', life: 365,
    d: ['เคี่ยวจากน้ำตาลสดด้วยเตาฟืน ไม่ผสมน้ำตาลทราย หอมกลิ่นคาราเมล', '以柴火熬制新鲜花汁，不掺白砂糖，带焦糖香。', 'Boiled down from fresh sap over a wood fire with no cane sugar added; a caramel aroma.'],
    ing: ['น้ำตาลสด 100%', '100%鲜花汁', '100% fresh sap'],
  },
  milk_tab: {
    cat: 'food.honey_sweets', hs: '17049000', unit: 'g', motif: 'box', color: '#4a90c2', life: 365,
    d: ['นมอัดเม็ดจากนมโคสดของฟาร์มโคนมมวกเหล็ก เคี้ยวเพลิน มีแคลเซียม', '采用牧勒奶牛场鲜牛奶压制的奶片，香浓耐嚼，含钙。', 'Milk tablets pressed from fresh Muak Lek dairy milk; chewy and with calcium.'],
    ing: ['นมผง น้ำตาลทราย', '奶粉、白砂糖', 'milk powder, sugar'],
  },
  // beverages
  coffee: {
    cat: 'beverage.coffee', hs: '09012100', unit: 'g', motif: 'box', color: '#5d4037', life: 365,
    d: ['เมล็ดกาแฟจากไร่ของเกษตรกร คั่วเป็นล็อตเล็กเพื่อความสดใหม่', '来自农户咖啡园的咖啡豆，小批量烘焙，保证新鲜。', 'Beans from family farms, roasted in small batches for freshness.'],
    ing: ['เมล็ดกาแฟคั่ว 100%', '100%焙炒咖啡豆', '100% roasted coffee'],
  },
  coffee_mix: {
    cat: 'beverage.coffee', hs: '21011200', unit: 'g', motif: 'box', color: '#795548', life: 540,
    d: ['กาแฟปรุงสำเร็จชนิดผง ชงง่ายด้วยน้ำร้อน', '速溶咖啡粉，热水即冲。', 'An instant coffee mix; just add hot water.'],
    ing: ['กาแฟสำเร็จรูป ครีมเทียม น้ำตาลทราย', '速溶咖啡、植脂末、白砂糖', 'instant coffee, non-dairy creamer, sugar'],
  },
  tea: {
    cat: 'beverage.tea', hs: '09023010', unit: 'g', motif: 'leaf', color: '#556b2f', life: 730,
    d: ['ใบชาเก็บด้วยมือจากไร่ชาบนดอยสูง ผ่านการหมักและม้วนตามกรรมวิธีไต้หวัน', '高山茶园人工采摘，按台湾工艺发酵揉捻。', 'Hand-picked in highland tea gardens, then withered and rolled the Taiwanese way.'],
    ing: ['ใบชา 100%', '100%茶叶', '100% tea leaves'],
  },
  herb_tea: {
    cat: 'beverage.herbal_tea', hs: '21069090', unit: 'g', motif: 'leaf', color: '#6b8e23', life: 540,
    d: ['ชาสมุนไพรไทยสูตรผสมชนิดซอง ชงดื่มได้ทั้งร้อนและเย็น', '泰国草本茶包，独家配方，冷热皆宜。', 'A blend of Thai herbs in tea bags, good hot or iced.'],
  },
  herb_dry: {
    cat: 'beverage.herbal_tea', hs: '12119099', unit: 'g', motif: 'leaf', color: '#3f51b5', life: 365,
    d: ['ดอกหรือใบสมุนไพรชนิดเดียวตากแห้ง ชงดื่มได้ทันที', '单一品种草本花叶干品，可直接冲泡饮用。', 'A single dried herb, flowers or leaves, ready to steep.'],
  },
  juice: {
    cat: 'beverage.juice', hs: '20098919', unit: 'ml', motif: 'bottle', color: '#ff8c00', life: 270,
    d: ['น้ำผลไม้คั้นจากผลไม้ในท้องถิ่น พาสเจอร์ไรส์ ไม่ใส่สี', '以本地水果榨汁，巴氏杀菌，不添加色素。', 'Juice pressed from local fruit, pasteurised, with no added colour.'],
  },
  drink: {
    cat: 'beverage.juice', hs: '22029900', unit: 'ml', motif: 'bottle', color: '#cd853f', life: 270,
    d: ['เครื่องดื่มผลไม้พร้อมดื่ม หวานน้อย แช่เย็นอร่อยยิ่งขึ้น', '即饮果味饮品，少糖，冰镇更佳。', 'A ready-to-drink fruit beverage, lightly sweetened; best chilled.'],
  },
  cwater: {
    cat: 'beverage.coconut_drinks', hs: '20098919', unit: 'ml', motif: 'coconut', color: '#4caf50', life: 270,
    d: ['น้ำมะพร้าวน้ำหอมแท้ 100% บรรจุจากลูกสด ไม่เติมน้ำตาล', '100%纯正香水椰椰子水，取自新鲜椰子，无添加糖。', '100% aromatic coconut water from fresh nuts, with no added sugar.'],
    ing: ['น้ำมะพร้าว 100%', '100%椰子水', '100% coconut water'],
  },
  cdrink: {
    cat: 'beverage.coconut_drinks', hs: '22029900', unit: 'ml', motif: 'coconut', color: '#66bb6a', life: 270,
    d: ['เครื่องดื่มมะพร้าวพร้อมดื่ม หอม สดชื่น', '即饮椰子饮品，清香爽口。', 'A fragrant, refreshing ready-to-drink coconut beverage.'],
  },
  wine: {
    cat: 'beverage.wine_spirits', hs: '22060090', unit: 'ml', motif: 'bottle', color: '#722f37', life: 730,
    d: ['ไวน์ผลไม้หมักจากผลไม้ในท้องถิ่น แอลกอฮอล์ 12% ห้ามจำหน่ายแก่ผู้มีอายุต่ำกว่า 20 ปี', '以本地水果酿造的果酒，酒精度12%，禁止向未满20岁者销售。', 'Fruit wine fermented from local fruit, 12% alcohol; not for sale to anyone under 20.'],
  },
  sato: {
    cat: 'beverage.wine_spirits', hs: '22060090', unit: 'ml', motif: 'bottle', color: '#b8962e', life: 365,
    d: ['สาโทหมักจากข้าวเหนียวตามภูมิปัญญาพื้นบ้าน แอลกอฮอล์ 10% ห้ามจำหน่ายแก่ผู้มีอายุต่ำกว่า 20 ปี', '按民间传统以糯米酿造的泰国米酒，酒精度10%，禁止向未满20岁者销售。', 'Sato rice wine fermented from sticky rice by folk tradition, 10% alcohol; not for sale to anyone under 20.'],
  },
  // textiles
  silk: {
    cat: 'textile.silk_fabric', hs: '50072019', unit: 'piece', motif: 'textile', color: '#8e24aa',
    d: ['ผ้าไหมแท้ทอมือจากเส้นไหมพันธุ์ไทย ย้อมและทอโดยช่างทอในชุมชน', '以泰国本土蚕丝手工织造的真丝面料，由社区织工染色织成。', 'Pure silk hand-woven from Thai silk yarn, dyed and woven by village weavers.'],
  },
  scarf: {
    cat: 'textile.silk_scarves', hs: '62141000', unit: 'piece', motif: 'textile', color: '#c2185b',
    d: ['ผ้าพันคอไหมแท้ทอมือ เนื้อนุ่มเบา ใช้ได้ทุกโอกาส', '手织真丝围巾，柔软轻盈，适合各种场合。', 'A hand-woven pure silk scarf, soft and light for any occasion.'],
  },
  cotton: {
    cat: 'textile.cotton_indigo', hs: '52084200', unit: 'piece', motif: 'textile', color: '#283593',
    d: ['ผ้าฝ้ายทอมือด้วยกี่พื้นบ้าน ย้อมสีธรรมชาติ', '以传统木织机手织的棉布，天然染色。', 'Cotton hand-woven on a village loom and naturally dyed.'],
  },
  cotton_wrap: {
    cat: 'textile.cotton_indigo', hs: '62149000', unit: 'piece', motif: 'textile', color: '#3949ab',
    d: ['ผ้าฝ้ายทอมือสำหรับพันคอหรือคลุมไหล่ ซักง่าย ระบายอากาศดี', '手织棉质围巾或披肩，易洗透气。', 'A hand-woven cotton scarf or wrap; easy to wash and breathable.'],
  },
  garment: {
    cat: 'textile.garments', hs: '62052000', unit: 'piece', motif: 'textile', color: '#1a237e',
    d: ['ตัดเย็บจากผ้าทอมือของชุมชน ทรงสบาย ใส่ได้ทุกวัน', '以社区手织布裁制，版型舒适，适合日常穿着。', 'Tailored from community hand-woven cloth in an easy, everyday cut.'],
  },
  bag: {
    cat: 'textile.bags', hs: '42022200', unit: 'piece', motif: 'textile', color: '#6a1b9a',
    d: ['กระเป๋าทำมือจากผ้าทอพื้นเมือง บุซับใน มีซิป', '以本地手织布手工制作，带内衬及拉链。', 'Hand-made from local woven cloth, lined and zipped.'],
  },
  hometex: {
    cat: 'textile.home_textiles', hs: '63049200', unit: 'piece', motif: 'textile', color: '#d84315',
    d: ['ของแต่งบ้านจากผ้าฝ้ายทอมือลายพื้นเมือง', '以传统纹样手织棉布制作的家居用品。', 'A home furnishing in hand-woven cotton with a traditional pattern.'],
  },
  // household
  celadon: {
    cat: 'household.celadon', hs: '69120090', unit: 'piece', motif: 'ceramic', color: '#5f9e8a',
    d: ['เครื่องเคลือบเซลาดอนเนื้อสโตนแวร์ เผาที่อุณหภูมิสูงกว่า 1,250 องศา เคลือบขี้เถ้าไม้สีเขียวหยก', '炻器青瓷，1250度以上高温烧制，草木灰釉呈翠玉色。', 'Stoneware celadon fired above 1,250 °C under a jade-green wood-ash glaze.'],
  },
  benjarong: {
    cat: 'household.benjarong', hs: '69131000', unit: 'piece', motif: 'ceramic', color: '#1565c0',
    d: ['เครื่องเบญจรงค์เขียนลายด้วยมือทีละชิ้น ลงสีห้าสีและตัดเส้นทอง', '五彩瓷逐件手绘，施五色彩釉并描金线。', 'Benjarong porcelain hand-painted piece by piece in five colours with gold outlines.'],
  },
  pottery: {
    cat: 'household.pottery', hs: '69120010', unit: 'piece', motif: 'jar', color: '#a0522d',
    d: ['เครื่องปั้นดินเผาขึ้นรูปด้วยมือจากดินในท้องถิ่น เผาด้วยเตาฟืน', '以本地陶土手工成型、柴窑烧制的陶器。', 'Pottery hand-formed from local clay and fired in a wood kiln.'],
  },
  basket: {
    cat: 'household.basketry', hs: '46021100', unit: 'piece', motif: 'basket', color: '#b5894e',
    d: ['งานจักสานทำมือโดยช่างในชุมชนจากวัสดุธรรมชาติ แข็งแรง ทนทาน', '社区匠人以天然材料手工编织，结实耐用。', 'Woven by hand by village craftspeople from natural materials; sturdy and long-lasting.'],
  },
  wood: {
    cat: 'household.wood_carving', hs: '44209090', unit: 'piece', motif: 'box', color: '#8d5524',
    d: ['งานไม้แกะสลักและลงสีด้วยมือ ของที่ระลึกจากภูมิปัญญาท้องถิ่น', '手工木雕彩绘，源自地方传统智慧的纪念品。', 'Hand-carved and hand-painted wood, a souvenir of local craft.'],
  },
  umbrella: {
    cat: 'household.umbrellas', hs: '66019900', unit: 'piece', motif: 'leaf', color: '#e53935',
    d: ['ร่มทำมือทุกขั้นตอน โครงไม้ไผ่ เพ้นท์ลายด้วยมือ', '全手工制作，竹制伞骨，手绘图案。', 'Made by hand at every step on a bamboo frame and hand-painted.'],
  },
  candle: {
    cat: 'household.home_decor', hs: '34060000', unit: 'g', motif: 'jar', color: '#f39c12',
    d: ['เทียนหอมจากไขถั่วเหลือง แต่งกลิ่นด้วยน้ำมันหอมระเหยจากสมุนไพรไทย', '大豆蜡香薰蜡烛，以泰国草本精油调香。', 'A soy-wax candle scented with essential oils of Thai herbs.'],
  },
  diffuser: {
    cat: 'household.home_decor', hs: '33074900', unit: 'ml', motif: 'bottle', color: '#9575cd',
    d: ['ก้านไม้หอมปรับอากาศ กลิ่นสมุนไพรไทย หอมนาน 6–8 สัปดาห์', '藤条香薰，泰国草本香气，可持续6至8周。', 'A reed diffuser with a Thai herbal scent that lasts six to eight weeks.'],
  },
  // herbal, not food
  balm: {
    cat: 'herbal.balms', hs: '33049900', unit: 'g', motif: 'jar', color: '#2e7d32', life: 1095,
    d: ['บาล์มสมุนไพรกลิ่นหอมสดชื่น ใช้ทานวดเพื่อความผ่อนคลาย', '草本香膏，气味清新，涂抹按摩，舒缓放松。', 'A herbal balm with a fresh scent, for massage and relaxation.'],
    ing: ['ขี้ผึ้ง เมนทอล การบูร น้ำมันหอมระเหย สารสกัดสมุนไพร', '蜂蜡、薄荷脑、樟脑、精油、草本提取物', 'beeswax, menthol, camphor, essential oils, herbal extracts'],
  },
  balm_med: {
    cat: 'herbal.balms', hs: '30049090', unit: 'g', motif: 'jar', color: '#1b5e20', life: 1095,
    d: ['ยาหม่องสมุนไพรที่ขึ้นทะเบียนเป็นยาแผนโบราณ ใช้ทาบรรเทาอาการปวดเมื่อย', '注册为泰国传统药的草本药膏，外用缓解肌肉酸痛。', 'A herbal balm registered as a Thai traditional medicine, for aches and pains.'],
  },
  tradmed: {
    cat: 'herbal.traditional_medicine', hs: '30049090', unit: 'piece', motif: 'bottle', color: '#f9a825', life: 1095,
    d: ['ยาแผนไทยตามตำรับดั้งเดิม ผลิตในสถานที่ที่ได้รับอนุญาต', '依传统方剂制作的泰国传统药，于持证场所生产。', 'Thai traditional medicine to a classic formula, made in licensed premises.'],
  },
  skincare: {
    cat: 'herbal.cosmetics_skincare', hs: '33049900', unit: 'g', motif: 'jar', color: '#e05f8c', life: 730,
    d: ['ผลิตภัณฑ์บำรุงผิวจากสารสกัดธรรมชาติ อ่อนโยน ไม่มีพาราเบน', '天然提取物护肤品，温和，不含对羟基苯甲酸酯。', 'Skin care from natural extracts; gentle and paraben-free.'],
  },
  soap: {
    cat: 'herbal.soap', hs: '34011100', unit: 'g', motif: 'box', color: '#7cb342', life: 1095,
    d: ['สบู่ก้อนทำมือแบบกระบวนการเย็น ผสมสารสกัดสมุนไพร ฟองนุ่ม', '冷制工艺手工香皂，添加草本提取物，泡沫绵密。', 'Cold-process hand-made soap with herbal extracts and a soft lather.'],
  },
  oil: {
    cat: 'herbal.essential_oils', hs: '33012999', unit: 'ml', motif: 'bottle', color: '#558b2f', life: 1095,
    d: ['น้ำมันหอมระเหยกลั่นด้วยไอน้ำจากพืชสมุนไพรไทย', '以泰国芳香草本植物蒸汽蒸馏提取的精油。', 'Steam-distilled essential oil from Thai aromatic plants.'],
  },
  spa: {
    cat: 'herbal.spa', hs: '33073000', unit: 'g', motif: 'jar', color: '#ff7043', life: 730,
    d: ['ผลิตภัณฑ์สปาสูตรสมุนไพรไทย ขัดผิวให้เนียนนุ่ม', '泰式草本水疗产品，令肌肤细腻柔滑。', 'A Thai herbal spa product that leaves skin smooth and soft.'],
  },
  compress: {
    cat: 'herbal.herbal_compress', hs: '12119099', unit: 'g', motif: 'leaf', color: '#827717', life: 365,
    d: ['ลูกประคบห่อผ้าฝ้าย บรรจุไพล ขมิ้น ตะไคร้ และใบมะขาม นึ่งก่อนใช้', '棉布包裹的草药球，内含泰国野姜、姜黄、香茅和酸角叶，使用前蒸热。', 'A cotton-wrapped compress of plai, turmeric, lemongrass and tamarind leaves; steam before use.'],
    ing: ['ไพล ขมิ้น ตะไคร้ ใบมะขาม การบูร', '泰国野姜、姜黄、香茅、酸角叶、樟脑', 'plai, turmeric, lemongrass, tamarind leaves, camphor'],
  },
} as const satisfies Record<string, Kind>;

type KindKey = keyof typeof K;

// ── Offers ─────────────────────────────────────────────────────────────────────────────────────────────────

/** A variant: net content (in the kind's unit), price in baht, shipping weight in grams. */
type V = readonly [amount: number, baht: number, weight_g: number];

interface Opt {
  /** Another of the category's HS lines. */
  readonly hs?: string;
  readonly gi?: true;
  readonly org?: true;
  /** A community food product with no certificate yet: shows "FDA missing". */
  readonly nofda?: true;
  readonly ing?: T3;
  readonly life?: number;
  readonly unit?: Unit;
  readonly color?: string;
}

type Offer = readonly [kind: KindKey, th: string, zh: string, en: string, variants: readonly V[], opt?: Opt];

// biome-ignore format: one row per product reads best as a table
const OFFERS: ReadonlyArray<readonly [seller: number, offers: readonly Offer[]]> = [
  // ── East ──
  [0, [
    ['dur_crisp', 'ทุเรียนหมอนทองอบกรอบ 100 กรัม', '金枕榴莲干 100克', 'Crispy Dried Monthong Durian 100 g', [[100, 350, 140]]],
    ['dur_fd', 'ทุเรียนฟรีซดรายหมอนทอง', '冻干金枕榴莲', 'Freeze-Dried Monthong Durian', [[50, 259, 90], [100, 459, 150]]],
    ['dur_crisp', 'ทุเรียนหมอนทองอบกรอบจันทบุรี แพ็คครอบครัว 250 กรัม', '尖竹汶金枕榴莲干 家庭装 250克', 'Chanthaburi Crispy Monthong Durian, Family Pack 250 g', [[250, 790, 310]]],
    ['dur_fresh', 'ทุเรียนหมอนทองสดจันทบุรี', '尖竹汶新鲜金枕榴莲', 'Fresh Chanthaburi Monthong Durian', [[3000, 690, 3400], [4500, 990, 5000]], { gi: true }],
    ['fruit_paste', 'ทุเรียนกวนหมอนทอง', '金枕榴莲糕', 'Monthong Durian Paste', [[250, 180, 290]], { ing: ['ทุเรียนหมอนทอง น้ำตาลทราย เกลือ', '金枕榴莲、白砂糖、盐', 'Monthong durian, sugar, salt'] }],
    ['fruit_chips', 'ทุเรียนทอดกรอบ', '炸榴莲片', 'Fried Durian Chips', [[100, 250, 130], [500, 1150, 560]]],
  ]],
  [1, [
    ['fruit_paste', 'มังคุดกวน', '山竹糕', 'Mangosteen Paste', [[200, 120, 240]], { color: '#6a1b4d' }],
    ['juice', 'น้ำมังคุด 100%', '100%山竹汁', '100% Mangosteen Juice', [[250, 45, 300], [1000, 150, 1100]], { color: '#5b1e3c' }],
    ['soap', 'สบู่เปลือกมังคุด', '山竹皮香皂', 'Mangosteen Peel Soap', [[100, 79, 120]], { color: '#7b1f4b' }],
    ['wine', 'ไวน์มังคุดจันทบุรี', '尖竹汶山竹果酒', 'Chanthaburi Mangosteen Fruit Wine', [[750, 350, 1300]]],
    ['fruit_fd', 'มังคุดฟรีซดราย', '冻干山竹', 'Freeze-Dried Mangosteen', [[50, 220, 90]]],
  ]],
  [2, [
    ['dur_fd', 'ทุเรียนหมอนทองฟรีซดราย 100 กรัม', '冻干金枕榴莲 100克', 'Freeze-Dried Monthong Durian 100 g', [[100, 450, 160]]],
    ['dur_crisp', 'ทุเรียนหมอนทองอบกรอบระยอง', '罗勇金枕榴莲干', 'Rayong Crispy Monthong Durian', [[100, 320, 140], [200, 599, 250]]],
    ['fruit_fd', 'เงาะอบแห้ง', '红毛丹干', 'Dried Rambutan', [[100, 150, 130]], { color: '#c62828' }],
    ['fruit_fd', 'ขนุนอบกรอบ', '菠萝蜜干', 'Crispy Jackfruit', [[100, 120, 130], [250, 260, 300]], { color: '#f9a825' }],
    ['fruit_fd', 'ผลไม้รวมฟรีซดราย', '冻干什锦水果', 'Freeze-Dried Mixed Thai Fruit', [[80, 239, 120]]],
  ]],
  [3, [
    ['paste', 'กะปิบ้านเพ', '班佩虾酱', 'Ban Phe Shrimp Paste', [[200, 80, 260]], { ing: ['เคย เกลือ', '小磷虾、盐', 'krill, salt'], color: '#6d4c41' }],
    ['paste', 'น้ำพริกกะปิ', '虾酱辣椒酱', 'Shrimp Paste Chili Dip', [[120, 69, 180]]],
    ['shrimp', 'กุ้งแห้งตัวใหญ่ระยอง', '罗勇大虾干', 'Rayong Large Dried Shrimp', [[100, 180, 130], [250, 420, 300]]],
    ['squid', 'ปลาหมึกแห้งบ้านเพ', '班佩鱿鱼干', 'Ban Phe Dried Squid', [[200, 290, 240]], { nofda: true }],
  ]],
  [4, [
    ['mango_dried', 'มะม่วงอบแห้ง 100 กรัม', '芒果干 100克', 'Dried Mango 100 g', [[100, 89, 130]]],
    ['mango_dried', 'มะม่วงน้ำดอกไม้อบแห้ง', '水仙芒芒果干', 'Dried Nam Dok Mai Mango', [[200, 159, 230], [500, 359, 560]]],
    ['mango_dried', 'มะม่วงอบแห้งไม่เติมน้ำตาล', '无添加糖芒果干', 'Dried Mango, No Added Sugar', [[150, 149, 180]], { ing: ['มะม่วง 100%', '100%芒果', '100% mango'] }],
    ['fruit_paste', 'มะม่วงกวนแปดริ้ว', '北柳芒果糕', 'Paet Riu Mango Paste', [[200, 95, 240]], { color: '#ef8f00' }],
    ['mango_dried', 'มะม่วงอบแห้งเกรดส่งออก 1 กิโลกรัม', '出口级芒果干 1千克', 'Export-Grade Dried Mango 1 kg', [[1000, 650, 1080]]],
    ['candied', 'มะม่วงแช่อิ่มอบแห้ง', '蜜饯芒果干', 'Candied Dried Mango', [[200, 99, 230]], { color: '#f57f17' }],
  ]],
  [5, [
    ['mango_fresh', 'มะม่วงน้ำดอกไม้สีทองสด', '新鲜金黄水仙芒', 'Fresh Golden Nam Dok Mai Mango', [[2000, 290, 2300], [5000, 650, 5600]]],
    ['mango_dried', 'มะม่วงน้ำดอกไม้อบแห้งบางคล้า', '邦卡水仙芒芒果干', 'Bang Khla Dried Nam Dok Mai Mango', [[200, 169, 230]]],
    ['juice', 'น้ำมะม่วงน้ำดอกไม้', '水仙芒芒果汁', 'Nam Dok Mai Mango Juice', [[250, 39, 290]], { color: '#ffb300' }],
    ['fruit_chips', 'มะม่วงอบกรอบ', '芒果脆片', 'Crispy Mango Chips', [[60, 79, 90]], { color: '#ffa000' }],
  ]],
  [6, [
    ['tradmed', 'น้ำมันเหลืองสมุนไพร', '泰国草本黄药油', 'Herbal Yellow Oil', [[1, 60, 40]], { ing: ['ไพล การบูร เมนทอล พิมเสน น้ำมันระกำ', '泰国野姜、樟脑、薄荷脑、冰片、冬青油', 'plai, camphor, menthol, borneol, wintergreen oil'] }],
    ['balm_med', 'ยาหม่องไพลสูตรโบราณ', '古法泰国野姜药膏', 'Traditional Plai Herbal Balm', [[15, 59, 40]]],
    ['tradmed', 'ยาดมสมุนไพรบ้านท่าพริก', '班塔普里草本鼻通', 'Ban Tha Phrik Herbal Inhaler', [[1, 35, 20], [6, 190, 110]]],
    ['oil', 'น้ำมันนวดไพล', '泰国野姜按摩油', 'Plai Massage Oil', [[100, 150, 160]]],
  ]],
  [7, [
    ['squid', 'ปลาหมึกปรุงรสอ่างศิลา', '安喜拉调味鱿鱼丝', 'Ang Sila Seasoned Shredded Squid', [[100, 120, 130]]],
    ['shrimp', 'กุ้งแห้งอ่างศิลา', '安喜拉虾干', 'Ang Sila Dried Shrimp', [[100, 190, 130], [500, 890, 560]]],
    ['sea_crackers', 'ข้าวเกรียบกุ้งอ่างศิลา', '安喜拉虾片', 'Ang Sila Prawn Crackers', [[200, 69, 240]]],
    ['squid', 'ปลาหมึกบดย่างปรุงรส', '碳烤鱿鱼片', 'Grilled Pressed Squid Sheets', [[80, 89, 110]]],
  ]],
  [8, [
    ['compress', 'ลูกประคบสมุนไพร', '泰式草药球', 'Thai Herbal Compress Ball', [[150, 89, 170], [300, 159, 330]]],
    ['balm', 'ยาหม่องสมุนไพรตะไคร้', '香茅青草膏', 'Lemongrass Herbal Balm', [[15, 65, 40]]],
    ['herb_tea', 'ชาตะไคร้ใบเตย', '香茅香兰叶草本茶', 'Lemongrass & Pandan Herbal Tea', [[40, 95, 90]], { ing: ['ตะไคร้ ใบเตย', '香茅、香兰叶', 'lemongrass, pandan leaf'] }],
    ['spa', 'เกลือขัดผิวสมุนไพร', '草本磨砂浴盐', 'Herbal Salt Body Scrub', [[250, 150, 300]]],
    ['tradmed', 'ยาฟ้าทะลายโจรชนิดแคปซูล', '穿心莲胶囊', 'Andrographis Capsules', [[60, 120, 80]]],
    ['candle', 'เทียนหอมตะไคร้หอม', '香茅草香薰蜡烛', 'Citronella Scented Candle', [[180, 220, 320]]],
  ]],
  // ── Northeast ──
  [9, [
    ['silk', 'ผ้าไหมยกทองบ้านท่าสว่าง 2 เมตร', '塔沙旺织金泰丝 2米', 'Tha Sawang Gold Brocade Thai Silk, 2 m', [[1, 12000, 450]], { color: '#b8860b' }],
    ['silk', 'ผ้าไหมมัดหมี่สุรินทร์', '素林扎经染泰丝', 'Surin Mudmee Ikat Silk', [[1, 3200, 350]]],
    ['scarf', 'ผ้าพันคอไหมสุรินทร์', '素林真丝围巾', 'Surin Silk Scarf', [[1, 1200, 120]]],
    ['scarf', 'ผ้าคลุมไหล่ไหมลายลูกแก้ว', '卢卡纹泰丝披肩', 'Luk Kaeo Pattern Silk Shawl', [[1, 1850, 200]]],
  ]],
  [10, [
    ['rice_hm', 'ข้าวหอมมะลิสุรินทร์ 5 กิโลกรัม', '素林泰国茉莉香米 5千克', 'Surin Hom Mali Jasmine Rice 5 kg', [[5000, 420, 5100]]],
    ['rice_hm', 'ข้าวหอมมะลิใหม่ 1 กิโลกรัม', '新米泰国茉莉香米 1千克', 'New-Crop Thai Hom Mali Jasmine Rice 1 kg', [[1000, 95, 1050]]],
    ['rice_hm', 'ข้าวหอมมะลิบรรจุสุญญากาศ 2 กิโลกรัม', '真空包装泰国茉莉香米 2千克', 'Vacuum-Packed Hom Mali Jasmine Rice 2 kg', [[2000, 190, 2060]]],
    ['rice_other', 'ข้าวกล้องหอมมะลิ', '茉莉香糙米', 'Hom Mali Brown Rice', [[1000, 85, 1050]], { color: '#8d6e3f' }],
  ]],
  [11, [
    ['rice_hm', 'ข้าวหอมมะลิทุ่งกุลาร้องไห้ 5 กิโลกรัม', '通古拉荣海泰国茉莉香米 5千克', 'Thung Kula Rong Hai Hom Mali Jasmine Rice 5 kg', [[5000, 550, 5100]], { gi: true }],
    ['rice_hm', 'ข้าวหอมมะลิทุ่งกุลาร้องไห้ 1 กิโลกรัม', '通古拉荣海泰国茉莉香米 1千克', 'Thung Kula Rong Hai Hom Mali Jasmine Rice 1 kg', [[1000, 120, 1050]], { gi: true }],
    ['rice_hm', 'ข้าวหอมมะลิร้อยเอ็ด ชุดของขวัญ', '黎逸泰国茉莉香米 礼盒装', 'Roi Et Hom Mali Jasmine Rice Gift Set', [[3000, 390, 3300]], { gi: true }],
    ['crackers', 'ข้าวแต๋นน้ำแตงโม', '西瓜汁泰式米饼', 'Thai Rice Crackers with Watermelon Juice', [[150, 55, 180]], { nofda: true }],
    ['soap', 'สบู่ข้าวหอมมะลิ', '茉莉香米香皂', 'Jasmine Rice Soap', [[100, 69, 120]], { color: '#bfa76f' }],
  ]],
  [12, [
    ['rice_hm', 'ข้าวหอมมะลิอินทรีย์ 5 กิโลกรัม', '有机泰国茉莉香米 5千克', 'Organic Hom Mali Jasmine Rice 5 kg', [[5000, 590, 5100]], { org: true }],
    ['rice_other', 'ข้าวไรซ์เบอร์รี่อินทรีย์', '有机莓果米', 'Organic Riceberry Rice', [[1000, 120, 1050]], { org: true }],
    ['rice_other', 'ข้าวกล้องหอมมะลิอินทรีย์', '有机茉莉香糙米', 'Organic Hom Mali Brown Rice', [[1000, 110, 1050]], { org: true, color: '#8d6e3f' }],
    ['rice_hm', 'ข้าวหอมมะลิอุบลราชธานี 1 กิโลกรัม', '乌汶泰国茉莉香米 1千克', 'Ubon Ratchathani Hom Mali Jasmine Rice 1 kg', [[1000, 89, 1050]]],
    ['rice_other', 'ข้าวสามสีอินทรีย์', '有机三色米', 'Organic Tri-Colour Rice', [[1000, 135, 1050]], { org: true }],
    ['skincare', 'เซรั่มน้ำมันรำข้าว', '米糠油精华液', 'Rice Bran Oil Serum', [[30, 290, 90]]],
  ]],
  [13, [
    ['silk', 'ผ้าไหมมัดหมี่ชนบท', '春纳扎经染泰丝', 'Chonnabot Mudmee Ikat Silk', [[1, 4500, 380]]],
    ['silk', 'ผ้าไหมมัดหมี่ขอนแก่นลายโบราณ', '孔敬古典纹扎经染泰丝', 'Khon Kaen Mudmee Silk, Traditional Pattern', [[1, 5800, 400]], { color: '#6a1b9a' }],
    ['scarf', 'ผ้าพันคอไหมมัดหมี่', '扎经染真丝围巾', 'Mudmee Silk Scarf', [[1, 1500, 130]]],
    ['bag', 'กระเป๋าถือผ้าไหมมัดหมี่', '扎经染泰丝手提包', 'Mudmee Silk Handbag', [[1, 1290, 450]]],
  ]],
  [14, [
    ['sauce', 'น้ำปลาร้าปรุงสุก', '熟制泰式发酵鱼酱汁', 'Cooked Seasoned Pla Ra Sauce', [[400, 45, 480]]],
    ['paste', 'น้ำพริกปลาร้า', '发酵鱼辣椒酱', 'Pla Ra Chili Paste', [[100, 60, 150]]],
    ['sauce', 'น้ำจิ้มแจ่วอีสาน', '伊桑蘸酱', 'Isan Jaew Dipping Sauce', [[250, 49, 320]], { color: '#a52a2a' }],
  ]],
  [15, [
    ['silk', 'ผ้าไหมบ้านเขว้า', '猜也蓬班科泰丝', 'Ban Khwao Thai Silk', [[1, 2800, 350]]],
    ['silk', 'ผ้าไหมพื้นย้อมสีธรรมชาติ', '天然染色素色泰丝', 'Naturally Dyed Plain Thai Silk', [[1, 2200, 330]], { hs: '50079090', color: '#9e7b4f' }],
    ['scarf', 'ผ้าพันคอไหมย้อมสีธรรมชาติ', '天然染色真丝围巾', 'Naturally Dyed Silk Scarf', [[1, 950, 110]]],
    ['garment', 'เสื้อผ้าไหมสตรี', '女士泰丝上衣', "Women's Thai Silk Blouse", [[1, 1890, 250]], { hs: '62061000' }],
  ]],
  [16, [
    ['silk', 'ผ้าไหมปักธงชัย', '北通猜泰丝', 'Pak Thong Chai Thai Silk', [[1, 2500, 340]]],
    ['silk', 'ผ้าไหมไทยสีพื้น 4 หลา', '泰国丝绸素色面料 4码', 'Plain Thai Silk Fabric, 4 yd', [[1, 3200, 420]], { hs: '50079090' }],
    ['scarf', 'ผ้าพันคอไหมปักธงชัย', '北通猜真丝围巾', 'Pak Thong Chai Silk Scarf', [[1, 890, 110]]],
    ['scarf', 'ผ้าคลุมไหล่ไหมปักธงชัย', '北通猜泰丝披肩', 'Pak Thong Chai Silk Shawl', [[1, 2400, 220]]],
  ]],
  [17, [
    ['pottery', 'แจกันดินเผาด่านเกวียน', '丹奎安赤陶花瓶', 'Dan Kwian Terracotta Vase', [[1, 450, 1800]], { hs: '69139000', gi: true }],
    ['pottery', 'ชุดถ้วยกาแฟดินเผา', '赤陶咖啡杯套装', 'Terracotta Coffee Cup Set', [[2, 590, 900]]],
    ['pottery', 'ช้างดินเผาด่านเกวียน', '丹奎安赤陶大象摆件', 'Dan Kwian Terracotta Elephant', [[1, 350, 1200]], { hs: '69139000', gi: true }],
    ['pottery', 'จานดินเผาเคลือบ', '上釉陶盘', 'Glazed Terracotta Plate', [[1, 280, 700]]],
  ]],
  [18, [
    ['silk', 'ผ้าไหมนาโพธิ์', '武里南那坡泰丝', 'Na Pho Thai Silk', [[1, 2600, 340]]],
    ['silk', 'ผ้าไหมหางกระรอก', '松鼠尾纹泰丝', 'Squirrel-Tail Thai Silk', [[1, 3500, 360]], { color: '#4a148c' }],
    ['scarf', 'ผ้าพันคอไหมหางกระรอก', '松鼠尾纹真丝围巾', 'Squirrel-Tail Silk Scarf', [[1, 1100, 120]]],
    ['silk', 'ผ้าซิ่นไหมบุรีรัมย์', '武里南泰丝筒裙布', 'Buri Ram Silk Pha Sin Skirt Cloth', [[1, 2900, 380]], { hs: '50079090' }],
  ]],
  [19, [
    ['paste', 'หอมเจียวกรอบศรีสะเกษ', '四色菊炸红葱酥', 'Si Sa Ket Crispy Fried Shallots', [[100, 69, 140]], { ing: ['หอมแดง น้ำมันรำข้าว', '红葱头、米糠油', 'shallots, rice bran oil'], color: '#b5651d' }],
    ['paste', 'น้ำพริกหอมแดง', '红葱辣椒酱', 'Shallot Chili Paste', [[120, 65, 180]]],
    ['dur_crisp', 'ทุเรียนภูเขาไฟหมอนทองอบกรอบ', '四色菊火山金枕榴莲干', 'Si Sa Ket Volcanic Monthong Durian Chips', [[100, 380, 140]], { gi: true }],
  ]],
  [20, [
    ['hometex', 'หมอนขวานผ้าขิด 10 ช่อง', '凯特纹泰式三角靠枕 10格', 'Thai Triangle Pillow, Khit Pattern, 10 Sections', [[1, 890, 2800]]],
    ['hometex', 'หมอนขวานพับได้', '可折叠泰式三角靠枕', 'Foldable Thai Triangle Pillow', [[1, 1590, 4200]]],
    ['hometex', 'หมอนอิงผ้าขิด', '凯特纹手织靠垫', 'Khit Pattern Cushion', [[1, 350, 600]]],
    ['hometex', 'เบาะรองนั่งผ้าขิด', '凯特纹坐垫', 'Khit Pattern Seat Cushion', [[1, 450, 900]]],
  ]],
  [21, [
    ['cotton', 'ผ้าฝ้ายทอมือลายขิดนาข่า', '那卡凯特纹手织棉布', 'Na Kha Khit-Pattern Handwoven Cotton', [[1, 650, 400]]],
    ['silk', 'ผ้าไหมขิดนาข่า', '那卡凯特纹泰丝', 'Na Kha Khit Silk', [[1, 3900, 380]]],
    ['cotton_wrap', 'ผ้าขาวม้าทอมือ', '手织泰式格纹水布', 'Handwoven Pha Khao Ma', [[1, 220, 200]], { color: '#c62828' }],
    ['cotton_wrap', 'ผ้าพันคอฝ้ายทอมืออุดร', '乌隆手织棉围巾', 'Udon Handwoven Cotton Scarf', [[1, 390, 150]]],
  ]],
  [22, [
    ['crackers', 'แผ่นแป้งเปาะเปี๊ยะหนองคาย', '廊开春卷米纸', 'Nong Khai Rice Paper Spring Roll Wrappers', [[500, 45, 540]]],
    ['crackers', 'ข้าวเกรียบงา', '芝麻米饼', 'Sesame Rice Crackers', [[120, 55, 160]], { nofda: true }],
  ]],
  [23, [
    ['wood', 'หน้ากากผีตาโขนจำลอง', '丹赛鬼面节面具', 'Phi Ta Khon Souvenir Mask', [[1, 690, 800]], { color: '#d81b60' }],
    ['wood', 'พวงกุญแจไม้ผีตาโขน', '丹赛鬼面节木制钥匙扣', 'Wooden Phi Ta Khon Keychain', [[1, 59, 30], [5, 250, 140]]],
  ]],
  [24, [
    ['silk', 'ผ้าไหมแพรวากาฬสินธุ์', '加拉信帕瓦泰丝', 'Kalasin Praewa Silk', [[1, 6500, 400]], { gi: true, color: '#ad1457' }],
    ['scarf', 'ผ้าสไบไหมแพรวา', '帕瓦真丝披肩', 'Praewa Silk Sabai Shawl', [[1, 3500, 220]], { gi: true }],
    ['scarf', 'ผ้าพันคอไหมแพรวา', '帕瓦真丝围巾', 'Praewa Silk Scarf', [[1, 1800, 130]]],
  ]],
  [25, [
    ['pottery', 'หม้อดินบ้านหม้อ', '陶土锅', 'Ban Mo Clay Cooking Pot', [[1, 180, 1500]]],
    ['pottery', 'โอ่งดินเผาขนาดเล็ก', '小陶罐', 'Small Earthenware Water Jar', [[1, 250, 3500]]],
    ['pottery', 'กระถางดินเผาลายไทย', '泰式花纹赤陶花盆', 'Thai-Pattern Terracotta Planter', [[1, 150, 1400]], { hs: '69139000' }],
  ]],
  [26, [
    ['cotton', 'ผ้าครามสกลนคร', '沙功那空蓝染布', 'Sakon Nakhon Indigo-Dyed Cloth', [[1, 890, 400]], { gi: true }],
    ['garment', 'เสื้อเชิ้ตผ้าครามชาย', '男士蓝染棉衬衫', "Men's Indigo Cotton Shirt", [[1, 1290, 300]]],
    ['cotton_wrap', 'ผ้าพันคอผ้าคราม', '蓝染棉围巾', 'Indigo Cotton Scarf', [[1, 450, 150]]],
    ['bag', 'กระเป๋าผ้าคราม', '蓝染布包', 'Indigo Cloth Tote Bag', [[1, 590, 350]], { color: '#1a237e' }],
    ['garment', 'เดรสผ้าครามสตรี', '女士蓝染棉连衣裙', "Women's Indigo Cotton Dress", [[1, 1590, 380]], { hs: '62044200' }],
  ]],
  [27, [
    ['balm', 'ยาหม่องสมุนไพรสกล 10 กรัม', '沙功草本青草膏 10克', 'Sakon Herbal Balm 10 g', [[10, 55, 30]]],
    ['balm_med', 'ยาหม่องเสลดพังพอน', '鳄嘴花青草膏', 'Clinacanthus Herbal Balm', [[15, 65, 40]]],
    ['tradmed', 'ยาดมสมุนไพรพิมเสน', '冰片草本鼻通', 'Borneol Herbal Inhaler', [[1, 35, 20]]],
    ['skincare', 'ลิปบาล์มสมุนไพร', '草本润唇膏', 'Herbal Lip Balm', [[5, 79, 20]], { hs: '33041000' }],
    ['skincare', 'ครีมขมิ้นชัน', '姜黄护肤霜', 'Turmeric Skin Cream', [[30, 190, 80]], { color: '#f9a825' }],
    ['diffuser', 'ก้านไม้หอมตะไคร้', '香茅藤条香薰', 'Lemongrass Reed Diffuser', [[100, 290, 350]]],
  ]],
  // ── North ──
  [29, [
    ['celadon', 'ชามเซลาดอนเชียงใหม่ลายคราม', '清迈青花青瓷碗', 'Chiang Mai Celadon Bowl, Blue-and-White Pattern', [[1, 650, 450]]],
    ['celadon', 'ชุดน้ำชาเซลาดอน', '青瓷茶具套装', 'Celadon Tea Set', [[6, 1800, 2200]]],
    ['celadon', 'แจกันเซลาดอนลายช้าง', '大象图案青瓷花瓶', 'Celadon Vase, Elephant Pattern', [[1, 1450, 1600]], { hs: '69139000' }],
    ['celadon', 'จานเซลาดอนลายใบไม้', '叶纹青瓷盘', 'Celadon Leaf Plate', [[1, 480, 600]]],
    ['celadon', 'ถ้วยกาแฟเซลาดอน', '青瓷咖啡杯', 'Celadon Coffee Cup', [[1, 450, 380], [2, 850, 760]]],
    ['celadon', 'ช้างเซลาดอนตั้งโต๊ะ', '青瓷大象摆件', 'Celadon Elephant Ornament', [[1, 890, 900]], { hs: '69139000' }],
    ['candle', 'เทียนหอมในถ้วยเซลาดอน', '青瓷杯香薰蜡烛', 'Scented Candle in a Celadon Cup', [[150, 590, 520]], { color: '#5f9e8a' }],
  ]],
  [30, [
    ['umbrella', 'ร่มบ่อสร้างกระดาษสา 20 นิ้ว', '博桑桑皮纸伞 20英寸', 'Bo Sang Mulberry Paper Umbrella 20 in', [[1, 450, 600]], { gi: true }],
    ['umbrella', 'ร่มผ้าฝ้ายเพ้นท์มือ', '手绘棉布伞', 'Hand-Painted Cotton Umbrella', [[1, 690, 700]]],
    ['umbrella', 'ร่มกระดาษตกแต่งขนาดเล็ก 10 นิ้ว', '装饰小纸伞 10英寸', 'Small Decorative Paper Umbrella 10 in', [[1, 120, 150], [4, 420, 560]]],
  ]],
  [31, [
    ['coffee', 'เมล็ดกาแฟอาราบิก้าดอยวาวี คั่วกลาง 250 กรัม', '泰北阿拉比卡咖啡豆 中度烘焙 250克', 'Doi Wawee Arabica Coffee Beans, Medium Roast 250 g', [[250, 290, 290]]],
    ['coffee', 'กาแฟคั่วบดอาราบิก้า คั่วเข้ม', '阿拉比卡焙炒咖啡粉 深度烘焙', 'Ground Arabica Coffee, Dark Roast', [[250, 250, 290], [500, 450, 560]]],
    ['coffee', 'กาแฟดริปอาราบิก้า 10 ซอง', '阿拉比卡挂耳咖啡 10小袋', 'Arabica Drip Coffee, 10 Sachets', [[100, 220, 180]]],
    ['coffee_mix', 'กาแฟสำเร็จรูป 3in1 ดอยวาวี', '泰北三合一速溶咖啡', 'Doi Wawee 3-in-1 Instant Coffee', [[360, 129, 420]]],
    ['coffee', 'เมล็ดกาแฟอาราบิก้าเชียงรายอินทรีย์', '清莱有机阿拉比卡咖啡豆', 'Organic Chiang Rai Arabica Coffee Beans', [[250, 380, 290]], { org: true }],
  ]],
  [32, [
    ['tea', 'ชาอู่หลงดอยแม่สลอง เบอร์ 12', '美斯乐乌龙茶 12号', 'Doi Mae Salong Oolong Tea No. 12', [[100, 250, 150]], { gi: true }],
    ['tea', 'ชาอู่หลงโสมดอยแม่สลอง', '美斯乐人参乌龙茶', 'Doi Mae Salong Ginseng Oolong Tea', [[100, 280, 150]]],
    ['tea', 'ชาเขียวดอยแม่สลอง', '美斯乐绿茶', 'Doi Mae Salong Green Tea', [[100, 180, 150]], { hs: '09021090', color: '#7cb342' }],
    ['tea', 'ชาอู่หลงชุดของขวัญ', '乌龙茶礼盒装', 'Oolong Tea Gift Set', [[200, 590, 450]], { gi: true }],
    ['tea', 'ชาดำอัสสัมเชียงราย', '清莱阿萨姆红茶', 'Chiang Rai Assam Black Tea', [[100, 150, 150]], { hs: '09023090', color: '#8b3a1a' }],
  ]],
  [33, [
    ['pottery', 'ชามตราไก่ลำปาง 6 นิ้ว', '南邦鸡公碗 6英寸', 'Lampang Rooster Bowl 6 in', [[1, 120, 400]], { color: '#d32f2f' }],
    ['pottery', 'ชุดชามตราไก่ 4 ใบ', '鸡公碗 4只装', 'Rooster Bowl Set of 4', [[4, 450, 1700]], { color: '#d32f2f' }],
    ['celadon', 'ชามเซลาดอนลายไก่ลำปาง', '南邦鸡纹青瓷碗', 'Lampang Celadon Rooster Bowl', [[1, 520, 450]]],
    ['pottery', 'แก้วมัคเซรามิกลายไก่', '鸡纹陶瓷马克杯', 'Rooster Pattern Ceramic Mug', [[1, 190, 380]]],
  ]],
  [34, [
    ['silk', 'ผ้าไหมยกดอกลำพูน', '南奔提花泰丝', 'Lamphun Silk Brocade', [[1, 7900, 420]], { gi: true, color: '#b71c1c' }],
    ['silk', 'ผ้าไหมยกดอกลายพิกุล', '香榄花纹提花泰丝', 'Pikul Flower Silk Brocade', [[1, 6500, 420]], { gi: true }],
    ['scarf', 'ผ้าพันคอไหมยกดอก', '提花真丝围巾', 'Silk Brocade Scarf', [[1, 2200, 140]]],
    ['bag', 'กระเป๋าคลัทช์ผ้าไหมยกดอก', '提花泰丝手拿包', 'Silk Brocade Clutch Bag', [[1, 1590, 300]]],
  ]],
  [35, [
    ['longan', 'ลำไยอบแห้งสีทอง 500 กรัม', '金黄龙眼干 500克', 'Golden Dried Longan 500 g', [[500, 280, 560]]],
    ['longan', 'ลำไยอบแห้งทั้งเปลือก', '带壳龙眼干', 'Dried Longan in Shell', [[1000, 220, 1080]], { color: '#8b4513' }],
    ['honey', 'น้ำผึ้งดอกลำไย', '龙眼花蜜', 'Longan Blossom Honey', [[500, 250, 700], [1000, 450, 1350]]],
    ['longan', 'ลำไยฟรีซดราย', '冻干龙眼', 'Freeze-Dried Longan', [[60, 150, 100]]],
    ['drink', 'น้ำลำไยพร้อมดื่ม', '龙眼饮料', 'Ready-to-Drink Longan Juice', [[250, 25, 290]]],
    ['soap', 'สบู่น้ำผึ้งดอกลำไย', '龙眼花蜜香皂', 'Longan Honey Soap', [[100, 75, 120]], { color: '#daa520' }],
  ]],
  [36, [
    ['garment', 'เสื้อหม้อห้อมแพร่', '帕府莫洪蓝染上衣', 'Phrae Mo Hom Indigo Shirt', [[1, 590, 280]], { gi: true }],
    ['cotton', 'ผ้าหม้อห้อม 2 เมตร', '莫洪蓝染棉布 2米', 'Mo Hom Indigo Cotton Cloth, 2 m', [[1, 350, 400]], { gi: true }],
    ['garment', 'กางเกงหม้อห้อม', '莫洪蓝染裤子', 'Mo Hom Indigo Trousers', [[1, 490, 320]], { hs: '62046200' }],
    ['cotton_wrap', 'ผ้าพันคอหม้อห้อมมัดย้อม', '扎染莫洪蓝染围巾', 'Tie-Dyed Mo Hom Scarf', [[1, 290, 130]]],
  ]],
  [37, [
    ['cotton', 'ผ้าซิ่นไทลื้อลายน้ำไหล', '傣泐流水纹筒裙布', 'Tai Lue Nam Lai Pha Sin Cloth', [[1, 1800, 420]], { color: '#c62828' }],
    ['hometex', 'ผ้าปูโต๊ะทอมือไทลื้อ', '傣泐手织桌旗', 'Tai Lue Handwoven Table Runner', [[1, 450, 300]]],
    ['bag', 'ย่ามผ้าทอไทลื้อ', '傣泐手织挎包', 'Tai Lue Woven Shoulder Bag', [[1, 390, 300]]],
    ['cotton_wrap', 'ผ้าคลุมไหล่ฝ้ายไทลื้อ', '傣泐棉披肩', 'Tai Lue Cotton Shawl', [[1, 690, 220]]],
  ]],
  [38, [
    ['rice_other', 'ข้าวก่ำพะเยา', '帕尧黑糯米', 'Phayao Black Sticky Rice (Khao Kam)', [[1000, 110, 1050]]],
    ['rice_other', 'ข้าวเหนียวดำอินทรีย์', '有机黑糯米', 'Organic Black Glutinous Rice', [[1000, 130, 1050]], { org: true }],
    ['sato', 'สาโทข้าวก่ำ', '黑糯米泰国米酒', 'Black Sticky Rice Sato Wine', [[650, 220, 1100]]],
    ['puffed', 'ข้าวพองข้าวก่ำ', '黑糯米米花', 'Puffed Black Rice Snack', [[80, 45, 110]]],
    ['herb_tea', 'ชาข้าวก่ำคั่ว', '烘焙黑糯米茶', 'Roasted Black Rice Tea', [[60, 89, 100]], { ing: ['ข้าวก่ำคั่ว 100%', '100%烘焙黑糯米', '100% roasted black rice'], color: '#4a2c2a' }],
  ]],
  [39, [
    ['seeds', 'งาขี้ม้อนคั่ว', '烘焙紫苏籽', 'Roasted Perilla Seeds', [[200, 120, 240]]],
    ['crackers', 'ข้าวแต๋นงาขี้ม้อน', '紫苏籽米饼', 'Perilla Seed Rice Crackers', [[150, 65, 180]]],
    ['sweets', 'งาขี้ม้อนตัด', '紫苏籽糖', 'Perilla Seed Brittle', [[150, 60, 180]], { nofda: true, ing: ['งาขี้ม้อน น้ำตาลอ้อย', '紫苏籽、蔗糖', 'perilla seeds, cane sugar'] }],
  ]],
  [40, [
    ['dur_fresh', 'ทุเรียนหลงลับแลสด', '新鲜隆拉莱榴莲', 'Fresh Long Lap Lae Durian', [[1500, 1200, 1900]], { gi: true }],
    ['dur_fd', 'ทุเรียนหลงลับแลฟรีซดราย', '冻干隆拉莱榴莲', 'Freeze-Dried Long Lap Lae Durian', [[50, 320, 90], [100, 590, 150]]],
    ['dur_crisp', 'ทุเรียนหมอนทองอุตรดิตถ์อบกรอบ', '程逸金枕榴莲干', 'Uttaradit Crispy Monthong Durian', [[100, 320, 140]]],
    ['fruit_paste', 'ทุเรียนกวนลับแล', '拉莱榴莲糕', 'Lap Lae Durian Paste', [[250, 200, 290]]],
  ]],
  // ── Central ──
  [41, [
    ['paste', 'พริกแกงเขียวหวาน', '绿咖喱酱', 'Green Curry Paste', [[100, 59, 140], [500, 199, 560]], { color: '#2e7d32' }],
    ['paste', 'พริกแกงแดง', '红咖喱酱', 'Red Curry Paste', [[100, 59, 140]]],
    ['paste', 'พริกแกงมัสมั่น', '玛莎曼咖喱酱', 'Massaman Curry Paste', [[100, 69, 140]], { color: '#8d4a24' }],
    ['paste', 'น้ำพริกเผา', '烤辣椒酱', 'Roasted Chili Paste (Nam Prik Pao)', [[200, 79, 280]]],
    ['paste', 'เครื่องต้มยำกุ้งสำเร็จรูป', '冬阴功汤料', 'Tom Yum Goong Paste', [[100, 65, 140]], { color: '#e64a19' }],
    ['sauce', 'น้ำจิ้มไก่', '泰式甜辣酱', 'Sweet Chili Sauce', [[300, 45, 420]], { color: '#e53935' }],
    ['soy', 'ซีอิ๊วขาวสูตรเจ', '素食生抽', 'Vegetarian Light Soy Sauce', [[300, 55, 450]]],
  ]],
  [43, [
    ['sea_crackers', 'ข้าวเกรียบปลาสลิด', '丝足鱼鱼肉脆片', 'Gourami Fish Crackers', [[150, 60, 180]]],
    ['paste', 'น้ำพริกปลาสลิด', '丝足鱼辣椒酱', 'Gourami Chili Paste', [[100, 85, 150]], { nofda: true }],
  ]],
  [44, [
    ['pottery', 'หม้อน้ำลายวิจิตรเกาะเกร็ด', '格律岛雕花陶水罐', 'Ko Kret Carved Water Jar', [[1, 650, 2000]], { hs: '69139000' }],
    ['pottery', 'แจกันดินเผาเกาะเกร็ด', '格律岛赤陶花瓶', 'Ko Kret Terracotta Vase', [[1, 380, 1300]], { hs: '69139000' }],
    ['pottery', 'ชุดถ้วยชาดินเผามอญ', '孟族赤陶茶杯套装', 'Mon Terracotta Tea Cup Set', [[4, 420, 900]]],
  ]],
  [45, [
    ['sweets', 'โรตีสายไหมอยุธยา', '大城泰式拉丝糖卷饼', 'Ayutthaya Roti Sai Mai', [[400, 80, 480]], { life: 10, ing: ['แป้งโรตี น้ำตาลทราย ใบเตย', '罗地饼皮、白砂糖、香兰叶', 'roti sheets, sugar, pandan'] }],
    ['sweets', 'สายไหมรสใบเตย', '香兰味拉丝糖', 'Pandan Candy Floss', [[100, 45, 140]], { nofda: true, color: '#43a047' }],
    ['bakery', 'แผ่นโรตีสด 10 แผ่น', '罗地饼皮 10张', 'Fresh Roti Sheets, 10 Pieces', [[250, 40, 290]], { life: 10, ing: ['แป้งสาลี น้ำตาลทราย เกลือ', '小麦粉、白砂糖、盐', 'wheat flour, sugar, salt'] }],
  ]],
  [47, [
    ['basket', 'กระเป๋าสานไม้ไผ่บางเจ้าฉ่า', '邦昭差竹编包', 'Bang Chao Cha Woven Bamboo Bag', [[1, 790, 450]]],
    ['basket', 'ตะกร้าไม้ไผ่สาน', '竹编篮', 'Woven Bamboo Basket', [[1, 350, 500]]],
    ['basket', 'กล่องทิชชูไม้ไผ่สาน', '竹编纸巾盒', 'Woven Bamboo Tissue Box', [[1, 250, 300]]],
    ['basket', 'กระติบข้าวเหนียวไม้ไผ่', '竹编糯米饭盒', 'Bamboo Sticky Rice Basket', [[1, 120, 150]]],
  ]],
  [48, [
    ['wood', 'กลองจิ๋วของที่ระลึก', '迷你装饰鼓纪念品', 'Miniature Souvenir Drum', [[1, 290, 400]]],
  ]],
  [49, [
    ['milk_tab', 'นมอัดเม็ดรสจืด', '原味奶片', 'Milk Tablets, Original', [[40, 35, 60]]],
    ['milk_tab', 'นมอัดเม็ดรสช็อกโกแลต', '巧克力味奶片', 'Milk Tablets, Chocolate', [[40, 35, 60]], { color: '#6d4c41' }],
    ['milk_tab', 'นมอัดเม็ดรสสตรอว์เบอร์รี่', '草莓味奶片', 'Milk Tablets, Strawberry', [[40, 35, 60]], { color: '#e91e63' }],
    ['bakery', 'คุกกี้นมสดมวกเหล็ก', '牧勒鲜奶曲奇', 'Muak Lek Fresh Milk Cookies', [[150, 89, 200]], { life: 90 }],
  ]],
  [50, [
    ['candied', 'มะยงชิดลอยแก้ว', '糖水甘达李', 'Marian Plum in Syrup', [[300, 89, 380]], { color: '#ef6c00' }],
    ['candied', 'มะยงชิดแช่อิ่มอบแห้ง', '蜜饯甘达李干', 'Candied Dried Marian Plum', [[150, 120, 180]], { color: '#ef6c00' }],
    ['wine', 'ไวน์มะยงชิด', '甘达李果酒', 'Marian Plum Fruit Wine', [[750, 390, 1300]]],
    ['juice', 'น้ำมะยงชิด', '甘达李果汁', 'Marian Plum Juice', [[250, 35, 290]], { nofda: true }],
  ]],
  [51, [
    ['candied', 'เปลือกส้มโอแช่อิ่ม', '蜜饯柚子皮', 'Candied Pomelo Peel', [[150, 75, 180]], { color: '#c0ca33' }],
    ['juice', 'น้ำส้มโอคั้นสด', '鲜榨柚子汁', 'Fresh-Pressed Pomelo Juice', [[250, 40, 290]], { color: '#f06292' }],
    ['fruit_fd', 'ส้มโออบแห้งนครชัยศรี', '那空猜西柚子干', 'Nakhon Chai Si Dried Pomelo', [[100, 150, 130]], { color: '#f48fb1' }],
  ]],
  [52, [
    ['benjarong', 'โถเบญจรงค์ลายเทพพนม', '泰式天神纹五彩瓷盖罐', 'Benjarong Lidded Jar, Thep Phanom Pattern', [[1, 2500, 1200]]],
    ['benjarong', 'ชุดกาแฟเบญจรงค์', '五彩瓷咖啡杯套装', 'Benjarong Coffee Set', [[2, 1900, 1100]]],
    ['benjarong', 'แจกันเบญจรงค์ตัดเส้นทอง', '描金五彩瓷花瓶', 'Gold-Outlined Benjarong Vase', [[1, 1650, 1000]], { color: '#0d47a1' }],
    ['benjarong', 'ตลับเบญจรงค์ขนาดเล็ก', '五彩瓷小首饰盒', 'Small Benjarong Trinket Box', [[1, 450, 250]]],
    ['benjarong', 'ถ้วยชาเบญจรงค์ แพ็คคู่', '五彩瓷茶杯 两件装', 'Benjarong Tea Cups, Twin Pack', [[2, 890, 500]], { color: '#2e7d32' }],
  ]],
  [53, [
    ['squid', 'ปลาหมึกแห้งมหาชัย', '玛哈猜鱿鱼干', 'Mahachai Dried Squid', [[200, 250, 240]]],
    ['squid', 'ปลาหมึกปรุงรสเผ็ด', '香辣调味鱿鱼丝', 'Spicy Seasoned Shredded Squid', [[80, 89, 110]]],
    ['sea_crackers', 'ข้าวเกรียบกุ้งมหาชัย', '玛哈猜虾片', 'Mahachai Prawn Crackers', [[200, 59, 240]]],
    ['shrimp', 'กุ้งแห้งทะเลคัดพิเศษ', '特选海虾干', 'Specially Selected Dried Sea Shrimp', [[200, 320, 240]]],
    ['fruit_chips', 'สาหร่ายทอดกรอบรสต้มยำ', '冬阴功味炸海苔', 'Crispy Fried Seaweed, Tom Yum Flavour', [[40, 49, 70]], { color: '#33691e', ing: ['สาหร่าย น้ำมันปาล์ม เครื่องปรุงรสต้มยำ', '海苔、棕榈油、冬阴功调味料', 'seaweed, palm oil, tom yum seasoning'] }],
  ]],
  [54, [
    ['sugar', 'น้ำตาลมะพร้าวแท้อัมพวา', '安帕瓦纯椰子花糖', 'Amphawa Pure Coconut Sugar', [[500, 90, 560]]],
    ['cmilk', 'กะทิ 100% กล่อง 250 มล.', '100%椰浆 250毫升', '100% Coconut Milk, 250 ml Carton', [[250, 29, 280]]],
    ['desiccated', 'มะพร้าวขูดอบแห้งอัมพวา', '安帕瓦椰蓉', 'Amphawa Desiccated Coconut', [[250, 60, 280]]],
    ['sweets', 'ลูกอมน้ำตาลมะพร้าว', '椰子花糖糖果', 'Coconut Sugar Candies', [[150, 45, 180]], { ing: ['น้ำตาลมะพร้าว กะทิ', '椰子花糖、椰浆', 'coconut sugar, coconut milk'] }],
  ]],
  [55, [
    ['bakery', 'ขนมสาลี่สุพรรณ', '素攀武里泰式海绵蛋糕', 'Suphan Buri Sali Sponge Cake', [[250, 60, 300]]],
    ['bakery', 'สาลี่ใบเตย', '香兰味海绵蛋糕', 'Pandan Sali Sponge Cake', [[250, 65, 300]], { color: '#558b2f' }],
    ['bakery', 'สาลี่กรอบ', '脆海绵蛋糕片', 'Crispy Sali Cake Bites', [[120, 50, 160]], { life: 120 }],
  ]],
  [56, [
    ['bakery', 'ขนมเปี๊ยะไส้ทุเรียนไข่เค็ม', '榴莲咸蛋黄泰式酥饼', 'Thai Flaky Pastry, Durian & Salted Egg', [[400, 120, 480]]],
    ['bakery', 'ขนมเปี๊ยะไส้ถั่วไข่เค็ม', '绿豆咸蛋黄泰式酥饼', 'Thai Flaky Pastry, Mung Bean & Salted Egg', [[400, 110, 480]]],
    ['bakery', 'ขนมเปี๊ยะไส้เผือก', '芋头泰式酥饼', 'Thai Flaky Pastry, Taro', [[400, 110, 480]], { color: '#8e6bbf' }],
    ['bakery', 'ขนมไหว้พระจันทร์ปากน้ำโพ', '北榄坡月饼', 'Pak Nam Pho Mooncake', [[200, 180, 260]]],
  ]],
  [57, [
    ['fruit_chips', 'กล้วยไข่อบกรอบกำแพงเพชร', '甘烹碧皇帝蕉脆片', 'Kamphaeng Phet Lady Finger Banana Chips', [[100, 55, 130]], { gi: true }],
    ['banana', 'กล้วยไข่ตากอบน้ำผึ้ง', '蜂蜜皇帝蕉干', 'Honey Sun-Dried Lady Finger Banana', [[200, 75, 230]], { gi: true }],
    ['fruit_chips', 'กล้วยฉาบเค็ม', '咸味香蕉片', 'Salted Banana Chips', [[150, 45, 180]]],
    ['fruit_paste', 'กล้วยกวน', '香蕉糕', 'Banana Paste', [[200, 50, 240]], { nofda: true, color: '#795548' }],
  ]],
  [58, [
    ['celadon', 'ชามสังคโลกศรีสัชนาลัย', '西沙差那莱宋加洛青瓷碗', 'Si Satchanalai Sangkhalok Celadon Bowl', [[1, 750, 500]]],
    ['cotton', 'ผ้าซิ่นตีนจกหาดเสี้ยว', '哈修织锦筒裙布', 'Hat Siao Teen Jok Pha Sin Cloth', [[1, 3500, 450]], { color: '#880e4f' }],
  ]],
  [59, [
    ['balm', 'ยาหม่องสมุนไพรสูตรร้อน 10 กรัม', '草本青草膏 热感型 10克', 'Herbal Balm, Warming Formula 10 g', [[10, 45, 30]], { color: '#bf360c' }],
    ['balm', 'ยาหม่องสมุนไพรสูตรเย็น 10 กรัม', '草本青草膏 清凉型 10克', 'Herbal Balm, Cooling Formula 10 g', [[10, 45, 30]]],
    ['compress', 'ลูกประคบสมุนไพรแห้ง แพ็คคู่', '泰式草药球 两件装', 'Dried Herbal Compress Balls, Twin Pack', [[300, 150, 330]]],
    ['oil', 'น้ำมันไพล', '泰国野姜精油', 'Plai Essential Oil', [[30, 120, 80]]],
    ['balm_med', 'ยาหม่องไพลตำรับวังทอง', '旺通泰国野姜药膏', 'Wang Thong Plai Balm', [[15, 69, 40]]],
    ['herb_dry', 'ดอกกระเจี๊ยบแห้ง', '洛神花干', 'Dried Roselle Flowers', [[100, 69, 130]], { color: '#ad1457' }],
  ]],
  [60, [
    ['banana', 'กล้วยตากบางกระทุ่ม', '邦卡通香蕉干', 'Bang Krathum Sun-Dried Banana', [[250, 69, 290]]],
    ['banana', 'กล้วยตากอบน้ำผึ้ง', '蜂蜜香蕉干', 'Honey-Glazed Sun-Dried Banana', [[250, 79, 290]], { ing: ['กล้วย น้ำผึ้ง', '香蕉、蜂蜜', 'banana, honey'] }],
    ['banana', 'กล้วยตากพลังงานแสงอาทิตย์ ไม่เติมน้ำตาล', '太阳能晒制香蕉干 无添加糖', 'Solar-Dried Banana, No Added Sugar', [[200, 85, 230]]],
    ['fruit_chips', 'กล้วยตากเคลือบช็อกโกแลต', '巧克力香蕉干', 'Chocolate-Coated Sun-Dried Banana', [[150, 99, 180]], { color: '#4e342e', ing: ['กล้วยตาก ช็อกโกแลต', '香蕉干、巧克力', 'sun-dried banana, chocolate'] }],
  ]],
  [61, [
    ['candied', 'ส้มโอท่าข่อยแช่อิ่ม', '塔科伊蜜饯柚子', 'Tha Khoi Candied Pomelo', [[150, 70, 180]], { color: '#9ccc65' }],
    ['fruit_fd', 'ส้มโอทองดีอบแห้ง', '通迪柚子干', 'Dried Thong Dee Pomelo', [[100, 130, 130]], { color: '#f8bbd0' }],
    ['juice', 'น้ำส้มโอพิจิตร', '披集柚子汁', 'Phichit Pomelo Juice', [[250, 35, 290]], { nofda: true, color: '#f06292' }],
  ]],
  [62, [
    ['tamarind', 'มะขามหวานเพชรบูรณ์', '碧差汶甜角', 'Phetchabun Sweet Tamarind', [[500, 150, 560], [1000, 280, 1100]], { gi: true }],
    ['candied', 'มะขามคลุกบ๊วย', '话梅酸角', 'Tamarind with Plum Powder', [[150, 55, 180]], { color: '#795548' }],
    ['candied', 'มะขามแช่อิ่ม', '蜜饯酸角', 'Candied Tamarind', [[200, 60, 230]], { color: '#a1887f' }],
    ['tamarind', 'มะขามหวานไร้เมล็ด', '无籽甜角', 'Seedless Sweet Tamarind', [[200, 120, 230]]],
    ['sweets', 'ลูกอมมะขาม', '酸角糖', 'Tamarind Candy', [[150, 35, 180]], { color: '#8d6e63', ing: ['มะขามเปียก น้ำตาลทราย เกลือ พริก', '酸角肉、白砂糖、盐、辣椒', 'tamarind pulp, sugar, salt, chili'] }],
    ['drink', 'น้ำมะขาม', '酸角汁', 'Tamarind Juice', [[250, 25, 290]], { color: '#8d6e63' }],
    ['spa', 'สครับมะขามขัดผิว', '酸角身体磨砂膏', 'Tamarind Body Scrub', [[200, 129, 260]], { hs: '33049900' }],
  ]],
  // ── West ──
  [63, [
    ['desiccated', 'มะพร้าวขูดอบแห้งบ้านกรูด', '班克鲁椰蓉', 'Ban Krut Desiccated Coconut', [[250, 65, 280]]],
    ['cmilk', 'กะทิผงสำเร็จรูป', '速溶椰子粉（椰浆粉）', 'Instant Coconut Milk Powder', [[60, 35, 80], [500, 189, 560]], { unit: 'g' }],
    ['fruit_chips', 'มะพร้าวอบกรอบ', '椰子脆片', 'Crispy Coconut Chips', [[60, 59, 90]], { color: '#a1887f', ing: ['เนื้อมะพร้าว น้ำตาลทราย เกลือ', '椰肉、白砂糖、盐', 'coconut meat, sugar, salt'] }],
    ['vco', 'น้ำมันมะพร้าวสกัดเย็นบ้านกรูด', '班克鲁冷榨椰子油', 'Ban Krut Cold-Pressed Coconut Oil', [[250, 180, 420]]],
    ['soap', 'สบู่น้ำมันมะพร้าว', '椰子油香皂', 'Coconut Oil Soap', [[100, 59, 120]], { color: '#8d6e63' }],
  ]],
  [64, [
    ['vco', 'น้ำมันมะพร้าวสกัดเย็นออร์แกนิก 500 มล.', '有机冷榨椰子油 500毫升', 'Organic Cold-Pressed Virgin Coconut Oil 500 ml', [[500, 290, 800]], { org: true }],
    ['cmilk', 'กะทิ 100% 1 ลิตร', '100%椰浆 1升', '100% Coconut Milk 1 L', [[1000, 95, 1100]]],
    ['desiccated', 'มะพร้าวขูดอบแห้งชนิดละเอียด 1 กิโลกรัม', '细椰蓉 1千克', 'Fine Desiccated Coconut 1 kg', [[1000, 180, 1050]]],
    ['skincare', 'โลชั่นน้ำมันมะพร้าว', '椰子油身体乳', 'Coconut Oil Body Lotion', [[250, 190, 300]], { color: '#8d6e63' }],
    ['spa', 'น้ำมันนวดมะพร้าวกลิ่นมะลิ', '茉莉香椰子按摩油', 'Jasmine Coconut Massage Oil', [[120, 250, 200]], { hs: '33049900' }],
  ]],
  [65, [
    ['dessert', 'ขนมหม้อแกงถั่วเมืองเพชร', '佛丕绿豆椰奶蛋糕', 'Phetchaburi Mung Bean Custard Cake', [[500, 80, 600]]],
    ['dessert', 'ขนมหม้อแกงเผือก', '芋头椰奶蛋糕', 'Taro Custard Cake', [[500, 90, 600]], { color: '#7e57c2' }],
    ['bakery', 'ทองม้วนกรอบ', '蛋卷', 'Crispy Egg Rolls', [[150, 65, 200]], { life: 120, ing: ['แป้ง กะทิ ไข่ไก่ น้ำตาลทราย งาดำ', '面粉、椰浆、鸡蛋、白砂糖、黑芝麻', 'flour, coconut milk, egg, sugar, black sesame'] }],
    ['bakery', 'ขนมผิง', '泰式椰香饼干', 'Khanom Ping Coconut Cookies', [[150, 50, 200]], { life: 90, ing: ['แป้งมัน กะทิ ไข่แดง น้ำตาลทราย', '木薯粉、椰浆、蛋黄、白砂糖', 'tapioca flour, coconut milk, egg yolk, sugar'] }],
    ['puffed', 'ข้าวตังหน้าตั้ง', '泰式锅巴配酱', 'Crispy Rice Cakes with Dip', [[200, 55, 260]], { nofda: true, color: '#bf8f4f' }],
  ]],
  [66, [
    ['sugar', 'น้ำตาลโตนดแท้บ้านลาด', '班拉纯棕榈糖', 'Ban Lat Pure Palmyra Palm Sugar', [[500, 80, 560]]],
    ['candied', 'ลูกตาลเชื่อม', '糖渍棕榈果', 'Palmyra Fruit in Syrup', [[300, 60, 380]], { color: '#bcaaa4' }],
    ['dessert', 'ขนมตาล', '棕榈糖糕', 'Khanom Tan Palm Sugar Cake', [[300, 50, 360]], { nofda: true, color: '#fbc02d' }],
    ['drink', 'น้ำตาลสดพร้อมดื่ม', '棕榈汁饮料', 'Fresh Palmyra Sap Drink', [[250, 25, 290]], { nofda: true, color: '#d7ccc8' }],
  ]],
  [67, [
    ['pottery', 'โอ่งมังกรราชบุรีขนาดเล็ก', '叻丕龙缸 小号', 'Small Ratchaburi Dragon Jar', [[1, 850, 6000]], { hs: '69139000', color: '#5d4037' }],
    ['pottery', 'โอ่งมังกรจิ๋วตั้งโต๊ะ', '迷你龙缸摆件', 'Miniature Dragon Jar Ornament', [[1, 250, 600]], { hs: '69139000', color: '#5d4037' }],
    ['pottery', 'กระถางเซรามิกลายมังกร', '龙纹陶瓷花盆', 'Dragon Pattern Ceramic Planter', [[1, 490, 2500]], { hs: '69139000' }],
    ['pottery', 'แก้วน้ำเซรามิกลายมังกร', '龙纹陶瓷水杯', 'Dragon Pattern Ceramic Cup', [[1, 180, 350]]],
  ]],
  [68, [
    ['basket', 'ตะกร้าไม้ไผ่สานกาญจนบุรี', '北碧竹编篮', 'Kanchanaburi Woven Bamboo Basket', [[1, 290, 450]]],
    ['basket', 'ถาดไม้ไผ่สาน', '竹编托盘', 'Woven Bamboo Tray', [[1, 190, 350]]],
    ['basket', 'กระจาดไม้ไผ่', '竹编圆筐', 'Round Bamboo Basket', [[1, 150, 300]]],
  ]],
  // ── South ──
  [69, [
    ['squid', 'ปลาหมึกอบกรอบรสต้มยำ', '冬阴功味烤鱿鱼脆片', 'Crispy Squid, Tom Yum Flavour', [[60, 89, 90]]],
    ['shrimp', 'กุ้งอบกรอบปรุงรส', '香脆调味虾', 'Seasoned Crispy Shrimp', [[80, 150, 110]]],
    ['sea_crackers', 'ข้าวเกรียบกุ้งสงขลา', '宋卡虾片', 'Songkhla Prawn Crackers', [[200, 55, 240]]],
    ['squid', 'ปลาหมึกบดรสเผ็ด', '香辣鱿鱼片', 'Spicy Pressed Squid', [[80, 75, 110]]],
    ['paste', 'น้ำพริกกุ้งเสียบ', '泰南烟熏虾辣椒酱', 'Southern Smoked Shrimp Chili Paste', [[100, 120, 150]], { ing: ['กุ้งเสียบ พริก หอมแดง กระเทียม น้ำตาลโตนด', '烟熏虾、辣椒、红葱头、大蒜、棕榈糖', 'smoked shrimp, chili, shallot, garlic, palm sugar'] }],
  ]],
  [70, [
    ['sea_crackers', 'ข้าวเกรียบปลาเกาะยอ', '阁约岛鱼肉脆片', 'Ko Yo Fish Crackers', [[150, 45, 180]]],
    ['sea_crackers', 'ข้าวเกรียบกุ้งเกาะยอ', '阁约岛虾片', 'Ko Yo Prawn Crackers', [[150, 50, 180]]],
    ['sea_crackers', 'ข้าวเกรียบปลาดิบพร้อมทอด', '待炸鱼肉片', 'Uncooked Fish Crackers, Ready to Fry', [[500, 40, 540]], { nofda: true }],
    ['cotton', 'ผ้าทอเกาะยอ', '阁约岛手织棉布', 'Ko Yo Handwoven Cotton', [[1, 750, 400]], { color: '#00695c' }],
  ]],
  [71, [
    ['cashew', 'เม็ดมะม่วงหิมพานต์ไข่เค็ม', '咸蛋黄腰果', 'Salted Egg Cashew Nuts', [[100, 150, 140]]],
    ['paste', 'น้ำพริกไข่เค็ม', '咸蛋辣椒酱', 'Salted Egg Chili Paste', [[100, 80, 150]], { nofda: true, color: '#ff8f00' }],
    ['bakery', 'ขนมเปี๊ยะไข่เค็มไชยา', '猜亚咸蛋黄酥饼', 'Chaiya Salted Egg Pastry', [[300, 95, 360]]],
  ]],
  [72, [
    ['cwater', 'น้ำมะพร้าวน้ำหอม 100% 330 มล.', '100%香水椰椰子水 330毫升', '100% Aromatic Coconut Water 330 ml', [[330, 35, 380]]],
    ['cdrink', 'น้ำมะพร้าวผสมเนื้อมะพร้าว', '含椰肉椰子汁', 'Coconut Water with Coconut Flesh', [[300, 30, 350]]],
    ['fruit_chips', 'มะพร้าวอบกรอบเกาะสมุย', '苏梅岛椰子脆片', 'Koh Samui Crispy Coconut Chips', [[60, 65, 90]], { color: '#a1887f', ing: ['เนื้อมะพร้าว น้ำตาลทราย เกลือ', '椰肉、白砂糖、盐', 'coconut meat, sugar, salt'] }],
    ['fruit_chips', 'มะพร้าวอบกรอบรสคาราเมล', '焦糖椰子脆片', 'Caramel Crispy Coconut Chips', [[60, 69, 90]], { color: '#bf8040', ing: ['เนื้อมะพร้าว น้ำตาลคาราเมล เกลือ', '椰肉、焦糖、盐', 'coconut meat, caramel, salt'] }],
    ['cdrink', 'น้ำมะพร้าวสปาร์กลิ้ง', '气泡椰子水', 'Sparkling Coconut Water', [[250, 45, 300]]],
    ['desiccated', 'มะพร้าวขูดอบแห้งเกาะสมุย', '苏梅岛椰蓉', 'Koh Samui Desiccated Coconut', [[250, 75, 280]]],
  ]],
  [73, [
    ['basket', 'กระเป๋าย่านลิเภา', '洛坤蕨藤编织手提包', 'Yan Lipao Fern Vine Handbag', [[1, 4500, 400]], { hs: '46021990', color: '#5d4037' }],
    ['basket', 'กำไลย่านลิเภา', '蕨藤编织手镯', 'Yan Lipao Woven Bangle', [[1, 890, 60]], { hs: '46021990', color: '#5d4037' }],
    ['basket', 'ตลับย่านลิเภา', '蕨藤编织小盒', 'Yan Lipao Woven Box', [[1, 1200, 150]], { hs: '46021990', color: '#5d4037' }],
  ]],
  [75, [
    ['cashew', 'เม็ดมะม่วงหิมพานต์อบ 500 กรัม', '烤腰果 500克', 'Roasted Cashew Nuts 500 g', [[500, 350, 560]]],
    ['cashew_raw', 'เม็ดมะม่วงหิมพานต์ดิบเกรดเอ', 'A级生腰果', 'Grade A Raw Cashew Nuts', [[500, 280, 540], [1000, 520, 1060]]],
    ['cashew', 'เม็ดมะม่วงหิมพานต์รสต้มยำ', '冬阴功味腰果', 'Tom Yum Cashew Nuts', [[150, 120, 190]], { color: '#e64a19' }],
    ['cashew', 'เม็ดมะม่วงหิมพานต์อบน้ำผึ้ง', '蜂蜜腰果', 'Honey Roasted Cashew Nuts', [[150, 130, 190]]],
    ['cashew', 'เม็ดมะม่วงหิมพานต์อบเกลือภูเก็ต', '普吉岛盐焗腰果', 'Phuket Salted Cashew Nuts', [[200, 150, 240]]],
  ]],
  [76, [
    ['cotton', 'ผ้าบาติกกระบี่', '甲米蜡染布', 'Krabi Batik Cloth', [[1, 450, 300]], { color: '#00838f' }],
    ['cotton_wrap', 'ผ้าปาเต๊ะบาติก', '蜡染纱笼布', 'Batik Sarong Cloth', [[1, 350, 280]], { color: '#00838f' }],
    ['garment', 'เสื้อเชิ้ตบาติกชาย', '男士蜡染衬衫', "Men's Batik Shirt", [[1, 690, 250]], { color: '#0277bd' }],
    ['scarf', 'ผ้าพันคอไหมบาติก', '蜡染真丝围巾', 'Batik Silk Scarf', [[1, 850, 100]], { color: '#00acc1' }],
    ['garment', 'เดรสผ้าฝ้ายบาติก', '蜡染棉连衣裙', 'Batik Cotton Dress', [[1, 890, 300]], { hs: '62044200', color: '#26a69a' }],
  ]],
  [77, [
    ['shrimp', 'กุ้งแห้งเกาะยาวน้อย', '攀牙瑶诺岛虾干', 'Ko Yao Noi Dried Shrimp', [[100, 220, 130]]],
    ['paste', 'กะปิเกาะยาว', '瑶岛虾酱', 'Ko Yao Shrimp Paste', [[200, 90, 260]], { ing: ['เคย เกลือ', '小磷虾、盐', 'krill, salt'], color: '#6d4c41' }],
    ['paste', 'น้ำพริกกุ้งแห้ง', '虾干辣椒酱', 'Dried Shrimp Chili Paste', [[100, 85, 150]], { nofda: true }],
  ]],
  [78, [
    ['bakery', 'เค้กเมืองตรังรสดั้งเดิม', '董里蛋糕 原味', 'Trang Cake, Original', [[450, 120, 550]], { life: 14 }],
    ['bakery', 'เค้กเมืองตรังรสใบเตย', '董里蛋糕 香兰味', 'Trang Cake, Pandan', [[450, 130, 550]], { life: 14, color: '#558b2f' }],
    ['bakery', 'เค้กเมืองตรังรสกาแฟ', '董里蛋糕 咖啡味', 'Trang Cake, Coffee', [[450, 130, 550]], { life: 14, color: '#6d4c41' }],
    ['coffee', 'กาแฟโบราณตรัง', '董里传统咖啡粉', 'Trang Traditional Coffee Powder', [[250, 120, 290]], { ing: ['เมล็ดกาแฟโรบัสต้าคั่ว ข้าวโพดคั่ว', '焙炒罗布斯塔咖啡豆、烘焙玉米', 'roasted robusta coffee, roasted corn'] }],
  ]],
  [79, [
    ['rice_other', 'ข้าวสังข์หยดเมืองพัทลุง', '博达伦桑约红米', 'Phatthalung Sangyod Rice', [[1000, 120, 1050]], { gi: true, color: '#8e2a2a' }],
    ['rice_other', 'ข้าวกล้องสังข์หยดอินทรีย์', '有机桑约糙米', 'Organic Sangyod Brown Rice', [[1000, 140, 1050]], { org: true, color: '#8e2a2a' }],
    ['puffed', 'ข้าวพองสังข์หยด', '桑约米米花', 'Puffed Sangyod Rice Snack', [[80, 45, 110]], { color: '#8e2a2a' }],
  ]],
  [80, [
    ['sauce', 'น้ำบูดูสายบุรี', '北大年布杜鱼露', 'Sai Buri Budu Fish Sauce', [[300, 50, 400]], { ing: ['ปลากะตัก เกลือ', '凤尾鱼、盐', 'anchovy, salt'] }],
    ['sauce', 'น้ำบูดูข้าวยำ', '米沙拉布杜酱', 'Budu Sauce for Khao Yam', [[250, 55, 330]], { ing: ['น้ำบูดู น้ำตาลโตนด หอมแดง ตะไคร้', '布杜鱼露、棕榈糖、红葱头、香茅', 'budu, palm sugar, shallot, lemongrass'] }],
    ['sea_crackers', 'กรือโป๊ะปัตตานี', '北大年鱼饼脆片', 'Pattani Keropok Fish Crackers', [[200, 60, 240]]],
  ]],
  [81, [
    ['dur_fresh', 'ทุเรียนมูซังคิงสดเบตง', '新鲜勿洞猫山王榴莲', 'Fresh Betong Musang King Durian', [[2000, 1500, 2400]]],
    ['dur_fd', 'ทุเรียนมูซังคิงฟรีซดราย', '冻干猫山王榴莲', 'Freeze-Dried Musang King Durian', [[100, 650, 150]], { color: '#c9a227' }],
    ['dur_fd', 'ทุเรียนหมอนทองฟรีซดรายเบตง', '勿洞冻干金枕榴莲', 'Betong Freeze-Dried Monthong Durian', [[100, 420, 150]]],
    ['fruit_paste', 'ทุเรียนกวนเบตง', '勿洞榴莲糕', 'Betong Durian Paste', [[250, 180, 290]], { nofda: true }],
  ]],
  [82, [
    ['fruit_fd', 'ลองกองอบแห้ง', '龙功果干', 'Dried Longkong', [[100, 150, 130]], { color: '#c5a880' }],
    ['juice', 'น้ำลองกอง', '龙功果汁', 'Longkong Juice', [[250, 30, 290]], { color: '#d7c49e' }],
    ['dur_crisp', 'ทุเรียนหมอนทองนราธิวาสอบกรอบ', '陶公金枕榴莲干', 'Narathiwat Crispy Monthong Durian', [[100, 320, 140]]],
  ]],
  [83, [
    ['banana', 'กล้วยหอมทองอบแห้ง', '金香蕉干', 'Dried Hom Thong Banana', [[200, 65, 230]], { color: '#c49a2c' }],
    ['fruit_chips', 'กล้วยหอมทองฉาบ', '金香蕉片', 'Hom Thong Banana Chips', [[100, 50, 130]], { color: '#e0b341' }],
    ['fruit_fd', 'กล้วยหอมทองฟรีซดราย', '冻干金香蕉', 'Freeze-Dried Hom Thong Banana', [[50, 120, 90]], { nofda: true, color: '#f0c419' }],
    ['coffee', 'กาแฟโรบัสต้าชุมพร', '春蓬罗布斯塔咖啡', 'Chumphon Robusta Coffee', [[250, 180, 290]], { ing: ['เมล็ดกาแฟโรบัสต้าคั่ว 100%', '100%焙炒罗布斯塔咖啡豆', '100% roasted robusta coffee'] }],
  ]],
];

// ── Building ───────────────────────────────────────────────────────────────────────────────────────────────

/** Sellers whose food and cosmetic products carry a Halal certificate (Muslim communities in the south and Ayutthaya). */
const HALAL_SELLERS: ReadonlySet<number> = new Set([45, 69, 70, 75, 76, 77, 80, 81, 82]);
const STARS: readonly (3 | 4 | 5)[] = [4, 3, 5, 4, 3];
const PROVINCE = new Map(PROVINCES.map((p) => [p.code, p.name]));

function origin(seller_index: number): T3 {
  const seller = DEMO_SELLERS[seller_index];
  const place = seller ? PROVINCE.get(seller.province_code) : undefined;
  if (!seller || !place) throw new Error(`demo product: unknown seller ${seller_index}`);
  const th = place.th === 'กรุงเทพมหานคร' ? place.th : `จังหวัด${place.th}`;
  return [`ผลิตโดย${seller.legal_name_th} ${th}`, `产地：泰国${place.zh}。`, `Made by ${seller.legal_name_en}, ${place.en}.`];
}

function build(): DemoProduct[] {
  const out: DemoProduct[] = [];
  for (const [seller_index, offers] of OFFERS) {
    const seller = DEMO_SELLERS[seller_index];
    if (!seller) throw new Error(`demo product: unknown seller ${seller_index}`);
    const from = origin(seller_index);
    offers.forEach(([key, th, zh, en, variants, opt = {}], n) => {
      const kind: Kind = K[key];
      const category = CATEGORY_BY_CODE.get(kind.cat);
      if (!category) throw new Error(`demo product: unknown category ${kind.cat}`);
      const i = out.length;
      const certs: DemoCert[] = [];
      let otop_stars: 3 | 4 | 5 | undefined;
      if (!opt.nofda) {
        if (category.food) certs.push('thai_fda');
        if (seller.otop) {
          certs.push('otop_stars');
          otop_stars = STARS[(seller_index + n) % STARS.length];
        }
        if (seller.kind === 'citizen' && seller.otop && n % 2 === 0) certs.push('tisi_community');
        if (HALAL_SELLERS.has(seller_index) && (category.food || category.cosmetic)) certs.push('halal');
        if (opt.gi) certs.push('thai_gi');
        if (opt.org) certs.push('organic_thailand');
      }
      const ing = opt.ing ?? kind.ing;
      const life = opt.life ?? kind.life;
      const code = key.toUpperCase().replace(/_/g, '');
      out.push({
        seller_index,
        category_code: kind.cat,
        hs_code: opt.hs ?? kind.hs,
        title: { th, zh, en },
        description: { th: `${kind.d[0]} ${from[0]}`, zh: `${kind.d[1]}${from[1]}`, en: `${kind.d[2]} ${from[2]}` },
        ...(ing || life
          ? { attributes: { ...(ing ? { ingredients: { th: ing[0], zh: ing[1], en: ing[2] } } : {}), ...(life ? { shelf_life_days: life } : {}) } }
          : {}),
        variants: variants.map(([amount, baht, weight_g], v) => ({
          sku: `${code}-${String(n + 1).padStart(2, '0')}-${v + 1}`,
          price_thb_satang: Math.round(baht * 100),
          weight_g,
          net_content: { amount, unit: opt.unit ?? kind.unit },
        })),
        review: { zh: i % 10 !== 9, en: i % 20 !== 14 },
        certs,
        ...(otop_stars ? { otop_stars } : {}),
        art: { motif: kind.motif, color: opt.color ?? kind.color },
      });
    });
  }
  return out;
}

/** The demo products, in seller order. */
export const DEMO_PRODUCTS: readonly DemoProduct[] = Object.freeze(build());
