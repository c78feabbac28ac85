/**
 * Demo seller data: fictional but plausible Thai SME / OTOP producers, each
 * matched to a product its province is known for. Names of businesses and
 * owners are invented; any resemblance to a real registrant is coincidental.
 *
 * kind 'juristic'  = registered company / limited partnership (บริษัท … จำกัด,
 *                    ห้างหุ้นส่วนจำกัด …).
 * kind 'citizen'   = community enterprise (วิสาหกิจชุมชน …) registered under a
 *                    member's national ID.
 *
 * province_code values are ISO 3166-2:TH codes from
 * src/modules/sellers/reference/provinces.ts.
 */

export interface DemoSeller {
  readonly legal_name_th: string;
  readonly legal_name_en: string;
  readonly province_code: string;
  readonly kind: 'juristic' | 'citizen';
  readonly otop: boolean;
  /** English, e.g. 'dried durian', 'Thai silk'. */
  readonly specialty: string;
  readonly owner: {
    readonly first_name_th: string;
    readonly last_name_th: string;
    readonly first_name_en: string;
    readonly last_name_en: string;
  };
}

type Row = [
  province_code: string,
  kind: DemoSeller['kind'],
  otop: boolean,
  specialty: string,
  legal_name_th: string,
  legal_name_en: string,
  owner_th: [first: string, last: string],
  owner_en: [first: string, last: string],
];

// biome-ignore format: one row per seller reads best as a table
const ROWS: readonly Row[] = [
  // ── East ───────────────────────────────────────────────────────────────
  ['TH-22', 'juristic', false, 'dried durian', 'บริษัท ทุเรียนจันท์ จำกัด', 'Durian Chan Co., Ltd.', ['สมชาย', 'วงศ์สวัสดิ์'], ['Somchai', 'Wongsawat']],
  ['TH-22', 'citizen', true, 'mangosteen products', 'วิสาหกิจชุมชนกลุ่มแปรรูปมังคุดบ้านพลวง', 'Ban Phluang Mangosteen Processing Community Enterprise', ['มาลี', 'ศรีสุข'], ['Malee', 'Srisuk']],
  ['TH-21', 'juristic', false, 'frozen durian', 'บริษัท ระยองฟรุ๊ตเทรด จำกัด', 'Rayong Fruit Trade Co., Ltd.', ['ประเสริฐ', 'แซ่ลิ้ม'], ['Prasert', 'Saelim']],
  ['TH-21', 'citizen', true, 'shrimp paste', 'วิสาหกิจชุมชนกลุ่มกะปิบ้านเพ', 'Ban Phe Shrimp Paste Community Enterprise', ['บุญเรือน', 'ทองดี'], ['Bunruean', 'Thongdee']],
  ['TH-24', 'juristic', false, 'dried mango', 'บริษัท แปดริ้วมะม่วงอบแห้ง จำกัด', 'Paet Riu Dried Mango Co., Ltd.', ['สุรชัย', 'เพ็ชรรัตน์'], ['Surachai', 'Phetcharat']],
  ['TH-24', 'citizen', true, 'Nam Dok Mai mango', 'วิสาหกิจชุมชนกลุ่มผู้ปลูกมะม่วงบางคล้า', 'Bang Khla Mango Growers Community Enterprise', ['วันเพ็ญ', 'ศรีทอง'], ['Wanphen', 'Srithong']],
  ['TH-23', 'citizen', true, 'herbal yellow oil', 'วิสาหกิจชุมชนกลุ่มน้ำมันเหลืองบ้านท่าพริก', 'Ban Tha Phrik Herbal Yellow Oil Community Enterprise', ['ชูศรี', 'แก้วกาญจน์'], ['Chusri', 'Kaewkan']],
  ['TH-20', 'juristic', false, 'dried seafood', 'บริษัท อ่างศิลาอาหารทะเลแห้ง จำกัด', 'Ang Sila Dried Seafood Co., Ltd.', ['กมล', 'แซ่อึ้ง'], ['Kamon', 'Sae-ung']],
  ['TH-25', 'citizen', true, 'Thai herbal products', 'วิสาหกิจชุมชนกลุ่มสมุนไพรบ้านดงบัง', 'Ban Dong Bang Herbal Community Enterprise', ['ละมัย', 'ใจเย็น'], ['Lamai', 'Jaiyen']],

  // ── Northeast ──────────────────────────────────────────────────────────
  ['TH-32', 'citizen', true, 'Thai silk', 'วิสาหกิจชุมชนกลุ่มทอผ้าไหมบ้านท่าสว่าง', 'Ban Tha Sawang Silk Weaving Community Enterprise', ['สุดารัตน์', 'บุญมา'], ['Sudarat', 'Bunma']],
  ['TH-32', 'juristic', false, 'Hom Mali jasmine rice', 'บริษัท สุรินทร์ข้าวหอมมะลิ จำกัด', 'Surin Hom Mali Rice Co., Ltd.', ['วิชัย', 'ศรีสุรินทร์'], ['Wichai', 'Srisurin']],
  ['TH-45', 'citizen', true, 'jasmine rice', 'วิสาหกิจชุมชนข้าวหอมมะลิทุ่งกุลาร้องไห้', 'Thung Kula Rong Hai Jasmine Rice Community Enterprise', ['ทองใบ', 'ศรีวงษ์'], ['Thongbai', 'Sriwong']],
  ['TH-34', 'juristic', false, 'organic jasmine rice', 'บริษัท อุบลออร์แกนิค ไรซ์ จำกัด', 'Ubon Organic Rice Co., Ltd.', ['กิตติพงษ์', 'แสงทอง'], ['Kittiphong', 'Saengthong']],
  ['TH-40', 'citizen', true, 'mudmee silk', 'วิสาหกิจชุมชนกลุ่มผ้าไหมมัดหมี่ชนบท', 'Chonnabot Mudmee Silk Community Enterprise', ['บุญมี', 'พิมพ์ศรี'], ['Bunmee', 'Phimsri']],
  ['TH-40', 'juristic', false, 'fermented fish sauce (pla ra)', 'บริษัท ขอนแก่นปลาร้าทองคำ จำกัด', 'Khon Kaen Golden Pla Ra Co., Ltd.', ['อนุรักษ์', 'ภูมิพันธ์'], ['Anurak', 'Phumiphan']],
  ['TH-36', 'citizen', true, 'Thai silk', 'วิสาหกิจชุมชนกลุ่มทอผ้าไหมบ้านเขว้า', 'Ban Khwao Silk Weaving Community Enterprise', ['ละเอียด', 'ชัยมงคล'], ['La-iat', 'Chaimongkhon']],
  ['TH-30', 'citizen', true, 'Thai silk', 'วิสาหกิจชุมชนกลุ่มทอผ้าไหมปักธงชัย', 'Pak Thong Chai Silk Weaving Community Enterprise', ['ประไพ', 'สีดาคำ'], ['Praphai', 'Sidakham']],
  ['TH-30', 'juristic', true, 'Dan Kwian pottery', 'ห้างหุ้นส่วนจำกัด ด่านเกวียนเซรามิก', 'Dan Kwian Ceramics Limited Partnership', ['สมาน', 'นาคสวัสดิ์'], ['Saman', 'Naksawat']],
  ['TH-31', 'citizen', true, 'Thai silk', 'วิสาหกิจชุมชนกลุ่มทอผ้าไหมนาโพธิ์', 'Na Pho Silk Weaving Community Enterprise', ['รัตนา', 'ผลดี'], ['Rattana', 'Phondee']],
  ['TH-33', 'juristic', false, 'shallots', 'บริษัท หอมแดงศรีสะเกษ จำกัด', 'Si Sa Ket Shallot Co., Ltd.', ['ไพโรจน์', 'ศรีบุญ'], ['Pairoj', 'Sriboon']],
  ['TH-35', 'citizen', true, 'triangle cushions', 'วิสาหกิจชุมชนกลุ่มหมอนขวานบ้านศรีฐาน', 'Ban Si Than Triangle Pillow Community Enterprise', ['บุญเพ็ง', 'สีหาบุตร'], ['Bunpheng', 'Sihabut']],
  ['TH-41', 'citizen', true, 'handwoven cotton and silk', 'วิสาหกิจชุมชนกลุ่มผ้าทอบ้านนาข่า', 'Ban Na Kha Handwoven Cloth Community Enterprise', ['สุภาวดี', 'ทองมา'], ['Suphawadee', 'Thongma']],
  ['TH-43', 'juristic', false, 'rice paper', 'บริษัท แผ่นแป้งหนองคาย จำกัด', 'Nong Khai Rice Paper Co., Ltd.', ['ทวีศักดิ์', 'อุ่นเรือน'], ['Thaweesak', 'Unruean']],
  ['TH-42', 'citizen', true, 'Phi Ta Khon masks', 'วิสาหกิจชุมชนกลุ่มหน้ากากผีตาโขนด่านซ้าย', 'Dan Sai Phi Ta Khon Mask Community Enterprise', ['สมคิด', 'บุญศรี'], ['Somkit', 'Bunsri']],
  ['TH-46', 'citizen', true, 'Praewa silk', 'วิสาหกิจชุมชนกลุ่มทอผ้าไหมแพรวาบ้านโพน', 'Ban Phon Praewa Silk Community Enterprise', ['คำพอง', 'ภูผา'], ['Khamphong', 'Phupha']],
  ['TH-44', 'citizen', false, 'earthenware pottery', 'วิสาหกิจชุมชนกลุ่มปั้นหม้อบ้านหม้อ', 'Ban Mo Pottery Community Enterprise', ['หนูเพียร', 'ศรีสุวรรณ'], ['Nuphian', 'Srisuwan']],
  ['TH-47', 'citizen', true, 'indigo-dyed cotton', 'วิสาหกิจชุมชนกลุ่มผ้าย้อมครามบ้านดอนกอย', 'Ban Don Koi Indigo Dyeing Community Enterprise', ['นิตยา', 'ศรีสกล'], ['Nittaya', 'Srisakon']],
  ['TH-47', 'juristic', false, 'herbal balm', 'บริษัท สกลสมุนไพร จำกัด', 'Sakon Herb Co., Ltd.', ['อนุชา', 'พลเยี่ยม'], ['Anucha', 'Phonyiam']],
  ['TH-38', 'juristic', false, 'latex pillows', 'บริษัท บึงกาฬยางพารา จำกัด', 'Bueng Kan Para Rubber Co., Ltd.', ['ไชยา', 'ผาสุข'], ['Chaiya', 'Phasuk']],

  // ── North ──────────────────────────────────────────────────────────────
  ['TH-50', 'juristic', false, 'celadon ceramics', 'บริษัท เชียงใหม่ศิลาดล จำกัด', 'Chiang Mai Celadon Co., Ltd.', ['ณัฐพล', 'อินทรวงศ์'], ['Nattaphon', 'Inthawong']],
  ['TH-50', 'citizen', true, 'sa paper umbrellas', 'วิสาหกิจชุมชนกลุ่มร่มบ่อสร้าง', 'Bo Sang Umbrella Community Enterprise', ['ศรีนวล', 'ปัญญาดี'], ['Srinuan', 'Panyadee']],
  ['TH-57', 'juristic', false, 'arabica coffee', 'บริษัท ดอยวาวีคอฟฟี่ จำกัด', 'Doi Wawee Coffee Co., Ltd.', ['อาแย', 'เชอมือ'], ['Aye', 'Chermue']],
  ['TH-57', 'citizen', true, 'oolong tea', 'วิสาหกิจชุมชนกลุ่มชาอูหลงดอยแม่สลอง', 'Doi Mae Salong Oolong Tea Community Enterprise', ['เจริญ', 'แซ่หยาง'], ['Charoen', 'Saeyang']],
  ['TH-52', 'juristic', true, 'rooster-pattern ceramic bowls', 'บริษัท ลำปางชามไก่ จำกัด', 'Lampang Rooster Bowl Co., Ltd.', ['ธีรวัฒน์', 'แซ่โค้ว'], ['Theerawat', 'Saekhow']],
  ['TH-51', 'citizen', true, 'silk brocade', 'วิสาหกิจชุมชนกลุ่มผ้าไหมยกดอกลำพูน', 'Lamphun Silk Brocade Community Enterprise', ['บัวคำ', 'อินต๊ะ'], ['Buakham', 'Inta']],
  ['TH-51', 'juristic', false, 'dried longan', 'บริษัท ลำไยอบแห้งลำพูน จำกัด', 'Lamphun Dried Longan Co., Ltd.', ['เกรียงไกร', 'ใจมา'], ['Kriangkrai', 'Jaima']],
  ['TH-54', 'citizen', true, 'Mo Hom indigo cloth', 'วิสาหกิจชุมชนกลุ่มผ้าหม้อห้อมบ้านทุ่งโฮ้ง', 'Ban Thung Hong Mo Hom Cloth Community Enterprise', ['แสงเดือน', 'วงศ์ใหญ่'], ['Saengduean', 'Wongyai']],
  ['TH-55', 'citizen', true, 'Tai Lue textiles', 'วิสาหกิจชุมชนกลุ่มทอผ้าไทลื้อบ้านหนองบัว', 'Ban Nong Bua Tai Lue Weaving Community Enterprise', ['คำปัน', 'ตาแก้ว'], ['Khampan', 'Takaew']],
  ['TH-56', 'juristic', false, 'black sticky rice', 'บริษัท พะเยาข้าวก่ำ จำกัด', 'Phayao Black Rice Co., Ltd.', ['สุริยา', 'คำแสน'], ['Suriya', 'Khamsaen']],
  ['TH-58', 'citizen', true, 'perilla seeds', 'วิสาหกิจชุมชนกลุ่มงาขี้ม้อนแม่ฮ่องสอน', 'Mae Hong Son Perilla Seed Community Enterprise', ['จายแสง', 'ลุงต๊ะ'], ['Jaisaeng', 'Lungta']],
  ['TH-53', 'juristic', false, 'Long Lap Lae durian', 'บริษัท ทุเรียนหลงลับแลอุตรดิตถ์ จำกัด', 'Lap Lae Long Durian Co., Ltd.', ['สมเกียรติ', 'ปัญญาวงศ์'], ['Somkiat', 'Panyawong']],

  // ── Central ────────────────────────────────────────────────────────────
  ['TH-10', 'juristic', false, 'Thai curry paste', 'บริษัท บางกอกเครื่องแกง จำกัด', 'Bangkok Curry Paste Co., Ltd.', ['ปิยะนุช', 'ตั้งเจริญ'], ['Piyanut', 'Tangcharoen']],
  ['TH-10', 'citizen', true, "hand-hammered monk's bowls", 'วิสาหกิจชุมชนกลุ่มบาตรพระบ้านบาตร', "Ban Bat Monk's Bowl Community Enterprise", ['ทองคำ', 'เรืองศรี'], ['Thongkham', 'Ruangsri']],
  ['TH-11', 'citizen', true, 'dried snakeskin gourami', 'วิสาหกิจชุมชนกลุ่มปลาสลิดบางบ่อ', 'Bang Bo Dried Gourami Community Enterprise', ['ประยูร', 'แสงอรุณ'], ['Prayun', 'Saeng-arun']],
  ['TH-12', 'citizen', true, 'Ko Kret pottery', 'วิสาหกิจชุมชนกลุ่มเครื่องปั้นดินเผาเกาะเกร็ด', 'Ko Kret Pottery Community Enterprise', ['สมหมาย', 'มอญสุข'], ['Sommai', 'Monsuk']],
  ['TH-14', 'citizen', true, 'roti sai mai (candy floss crepes)', 'วิสาหกิจชุมชนกลุ่มโรตีสายไหมอยุธยา', 'Ayutthaya Roti Sai Mai Community Enterprise', ['อับดุลเลาะห์', 'มะหะหมัด'], ['Abdullah', 'Mahamat']],
  ['TH-14', 'juristic', true, 'Aranyik knives', 'ห้างหุ้นส่วนจำกัด มีดอรัญญิก', 'Aranyik Knives Limited Partnership', ['สมบัติ', 'เหล็กกล้า'], ['Sombat', 'Lekkla']],
  ['TH-15', 'citizen', true, 'woven basketry', 'วิสาหกิจชุมชนกลุ่มจักสานบ้านบางเจ้าฉ่า', 'Ban Bang Chao Cha Basketry Community Enterprise', ['สมศรี', 'บุญประเสริฐ'], ['Somsri', 'Bunprasoet']],
  ['TH-15', 'citizen', true, 'traditional drums', 'วิสาหกิจชุมชนกลุ่มทำกลองบ้านเอกราช', 'Ban Ekkarat Drum Making Community Enterprise', ['บุญชู', 'สุขสม'], ['Bunchu', 'Suksom']],
  ['TH-19', 'juristic', false, 'milk tablets', 'บริษัท มวกเหล็กแดรี่ จำกัด', 'Muak Lek Dairy Co., Ltd.', ['ธนวัฒน์', 'สุขสวัสดิ์'], ['Thanawat', 'Suksawat']],
  ['TH-26', 'juristic', false, 'marian plums', 'บริษัท มะยงชิดนครนายก จำกัด', 'Nakhon Nayok Marian Plum Co., Ltd.', ['ศิริพร', 'ชิดชอบ'], ['Siriporn', 'Chitchop']],
  ['TH-73', 'juristic', false, 'pomelo', 'บริษัท ส้มโอนครชัยศรี จำกัด', 'Nakhon Chai Si Pomelo Co., Ltd.', ['ศักดิ์ชัย', 'รุ่งเรือง'], ['Sakchai', 'Rungruang']],
  ['TH-74', 'citizen', true, 'Benjarong porcelain', 'วิสาหกิจชุมชนกลุ่มเบญจรงค์บ้านดอนไก่ดี', 'Ban Don Kai Di Benjarong Community Enterprise', ['อำนวย', 'เจริญสุข'], ['Amnuay', 'Charoensuk']],
  ['TH-74', 'juristic', false, 'dried squid', 'บริษัท มหาชัยซีฟู้ด จำกัด', 'Mahachai Seafood Co., Ltd.', ['ธนากร', 'แซ่ตั้ง'], ['Thanakorn', 'Saetang']],
  ['TH-75', 'citizen', true, 'coconut sugar', 'วิสาหกิจชุมชนกลุ่มน้ำตาลมะพร้าวอัมพวา', 'Amphawa Coconut Sugar Community Enterprise', ['ประนอม', 'สุขเจริญ'], ['Pranom', 'Sukcharoen']],
  ['TH-72', 'juristic', false, 'sali sponge cake', 'บริษัท สาลี่สุพรรณ จำกัด', 'Salee Suphan Co., Ltd.', ['เพ็ญศรี', 'วงศ์ทอง'], ['Phensri', 'Wongthong']],
  ['TH-60', 'juristic', false, 'Chinese-Thai pastries', 'บริษัท ขนมเปี๊ยะปากน้ำโพ จำกัด', 'Pak Nam Pho Chinese Pastry Co., Ltd.', ['วิโรจน์', 'แซ่เอี้ยว'], ['Wiroj', 'Sae-iao']],
  ['TH-62', 'juristic', false, 'banana chips', 'บริษัท กล้วยไข่กำแพงเพชร จำกัด', 'Kamphaeng Phet Kluai Khai Banana Co., Ltd.', ['วีรยุทธ', 'บุญชัย'], ['Weerayut', 'Bunchai']],
  ['TH-64', 'citizen', true, 'Sukhothai-style gold jewellery', 'วิสาหกิจชุมชนกลุ่มทองโบราณศรีสัชนาลัย', 'Si Satchanalai Ancient Gold Community Enterprise', ['ทองสุข', 'วงศ์คำ'], ['Thongsuk', 'Wongkham']],
  ['TH-65', 'citizen', true, 'herbal balm', 'วิสาหกิจชุมชนกลุ่มสมุนไพรบ้านวังทอง', 'Wang Thong Herbal Community Enterprise', ['สายใจ', 'พรหมมา'], ['Saijai', 'Phromma']],
  ['TH-65', 'juristic', true, 'sun-dried bananas', 'บริษัท กล้วยตากบางกระทุ่ม จำกัด', 'Bang Krathum Sun-Dried Banana Co., Ltd.', ['ชัยวัฒน์', 'อยู่เย็น'], ['Chaiwat', 'Yuyen']],
  ['TH-66', 'citizen', true, 'pomelo', 'วิสาหกิจชุมชนกลุ่มส้มโอท่าข่อย', 'Tha Khoi Pomelo Community Enterprise', ['มานพ', 'สุขดี'], ['Manop', 'Sukdee']],
  ['TH-67', 'juristic', false, 'sweet tamarind', 'บริษัท มะขามหวานเพชรบูรณ์ จำกัด', 'Phetchabun Sweet Tamarind Co., Ltd.', ['สุนันทา', 'เขียวขำ'], ['Sunanta', 'Khiaokham']],

  // ── West ───────────────────────────────────────────────────────────────
  ['TH-77', 'citizen', true, 'coconut products', 'วิสาหกิจชุมชนกลุ่มแปรรูปมะพร้าวบ้านกรูด', 'Ban Krut Coconut Processing Community Enterprise', ['จันทร์เพ็ญ', 'แก้วประเสริฐ'], ['Chanphen', 'Kaewprasert']],
  ['TH-77', 'juristic', false, 'virgin coconut oil', 'บริษัท ทับสะแกโคโคนัท จำกัด', 'Thap Sakae Coconut Co., Ltd.', ['อภิชาติ', 'ทองคำ'], ['Aphichat', 'Thongkham']],
  ['TH-76', 'juristic', false, 'khanom mo kaeng (Thai custard cake)', 'บริษัท ขนมหม้อแกงเมืองเพชร จำกัด', 'Mueang Phet Custard Cake Co., Ltd.', ['อรุณี', 'ทองเพชร'], ['Arunee', 'Thongphet']],
  ['TH-76', 'citizen', true, 'palmyra palm sugar', 'วิสาหกิจชุมชนกลุ่มน้ำตาลโตนดบ้านลาด', 'Ban Lat Palmyra Palm Sugar Community Enterprise', ['เสงี่ยม', 'บุญเกิด'], ['Sa-ngiam', 'Bunkoet']],
  ['TH-70', 'juristic', true, 'dragon jars', 'บริษัท โอ่งมังกรราชบุรี จำกัด', 'Ratchaburi Dragon Jar Co., Ltd.', ['วรวุฒิ', 'แซ่ฉั่ว'], ['Worawut', 'Saechua']],
  ['TH-71', 'citizen', true, 'bamboo handicrafts', 'วิสาหกิจชุมชนกลุ่มหัตถกรรมไม้ไผ่บ้านลาดหญ้า', 'Ban Lat Ya Bamboo Handicraft Community Enterprise', ['สุนทร', 'มีสุข'], ['Sunthon', 'Meesuk']],

  // ── South ──────────────────────────────────────────────────────────────
  ['TH-90', 'juristic', false, 'seafood snacks', 'บริษัท สงขลาซีฟู้ดสแน็ค จำกัด', 'Songkhla Seafood Snack Co., Ltd.', ['วีระพงศ์', 'ทองสง'], ['Weeraphong', 'Thongsong']],
  ['TH-90', 'citizen', true, 'fish crackers', 'วิสาหกิจชุมชนกลุ่มแม่บ้านข้าวเกรียบปลาเกาะยอ', 'Ko Yo Fish Cracker Housewives Community Enterprise', ['สุภาพ', 'ชูแก้ว'], ['Suphap', 'Chukaew']],
  ['TH-84', 'citizen', true, 'Chaiya salted eggs', 'วิสาหกิจชุมชนกลุ่มไข่เค็มไชยา', 'Chaiya Salted Egg Community Enterprise', ['วนิดา', 'ศรีไชยา'], ['Wanida', 'Srichaiya']],
  ['TH-84', 'juristic', false, 'coconut water and coconut chips', 'บริษัท สมุยโคโคนัท จำกัด', 'Samui Coconut Co., Ltd.', ['ปรีชา', 'แก้วมณี'], ['Preecha', 'Kaewmanee']],
  ['TH-80', 'citizen', true, 'yan lipao basketry', 'วิสาหกิจชุมชนกลุ่มจักสานย่านลิเภาเมืองนคร', 'Mueang Nakhon Yan Lipao Basketry Community Enterprise', ['จำเนียร', 'ทองเกลี้ยง'], ['Chamnian', 'Thongkliang']],
  ['TH-80', 'juristic', true, 'nielloware', 'ห้างหุ้นส่วนจำกัด เครื่องถมนคร', 'Nakhon Nielloware Limited Partnership', ['สุวิทย์', 'ศรีธรรม'], ['Suwit', 'Sritham']],
  ['TH-83', 'juristic', false, 'cashew nuts', 'บริษัท ภูเก็ตแคชชูว์ จำกัด', 'Phuket Cashew Co., Ltd.', ['ณรงค์', 'ตันติวงศ์'], ['Narong', 'Tantiwong']],
  ['TH-81', 'citizen', true, 'batik', 'วิสาหกิจชุมชนกลุ่มผ้าบาติกบ้านอ่าวนาง', 'Ao Nang Batik Community Enterprise', ['รอกีเยาะ', 'หมัดหลี'], ['Rokiyoh', 'Madlee']],
  ['TH-82', 'citizen', true, 'dried shrimp', 'วิสาหกิจชุมชนกลุ่มกุ้งแห้งเกาะยาวน้อย', 'Ko Yao Noi Dried Shrimp Community Enterprise', ['อับดุลรอหมาน', 'หลงหัน'], ['Abdulrohman', 'Longhan']],
  ['TH-92', 'juristic', false, 'Trang sponge cake', 'บริษัท เค้กเมืองตรัง จำกัด', 'Mueang Trang Cake Co., Ltd.', ['ธวัชชัย', 'เลิศวิริยะ'], ['Thawatchai', 'Lertwiriya']],
  ['TH-93', 'citizen', true, 'Sangyod rice', 'วิสาหกิจชุมชนข้าวสังข์หยดเมืองพัทลุง', 'Mueang Phatthalung Sangyod Rice Community Enterprise', ['ประพันธ์', 'แก้วทอง'], ['Praphan', 'Kaewthong']],
  ['TH-94', 'citizen', true, 'budu fish sauce', 'วิสาหกิจชุมชนกลุ่มน้ำบูดูสายบุรี', 'Sai Buri Budu Community Enterprise', ['ซูไฮลา', 'ดอเลาะ'], ['Suhaila', 'Doloh']],
  ['TH-95', 'citizen', false, 'Musang King durian', 'วิสาหกิจชุมชนกลุ่มทุเรียนมูซังคิงเบตง', 'Betong Musang King Durian Community Enterprise', ['อาหมัด', 'ยูโซะ'], ['Ahmad', 'Yuso']],
  ['TH-96', 'juristic', false, 'longkong', 'บริษัท ลองกองตันหยงมัส จำกัด', 'Tanyong Mat Longkong Co., Ltd.', ['มะยูโซะ', 'สาและ'], ['Mayuso', 'Saleh']],
  ['TH-86', 'citizen', true, 'Hom Thong bananas', 'วิสาหกิจชุมชนกลุ่มกล้วยหอมทองปะทิว', 'Pathio Hom Thong Banana Community Enterprise', ['สมปอง', 'เพชรสุวรรณ'], ['Sompong', 'Phetsuwan']],
];

export const DEMO_SELLERS: readonly DemoSeller[] = Object.freeze(
  ROWS.map(
    ([province_code, kind, otop, specialty, legal_name_th, legal_name_en, [fth, lth], [fen, len]]): DemoSeller =>
      Object.freeze({
        legal_name_th,
        legal_name_en,
        province_code,
        kind,
        otop,
        specialty,
        owner: Object.freeze({ first_name_th: fth, last_name_th: lth, first_name_en: fen, last_name_en: len }),
      }),
  ),
);
