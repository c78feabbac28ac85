/**
 * Thai provinces (changwat) with their ISO 3166-2:TH subdivision codes.
 *
 * 77 entries: 76 changwat + Bangkok (TH-10, a special administrative area that
 * ranks as a province). The numeric part of each ISO code equals the two-digit
 * province code used by the Department of Provincial Administration (DOPA).
 *
 * NOT included: TH-S Pattaya (Phatthaya). ISO 3166-2 lists it, but it is a
 * special administrative city inside Chon Buri (TH-20), not a province, so
 * sellers located there use TH-20.
 *
 * `region` follows the six-region geographic grouping of the National
 * Geographical Committee (1977): north 9, northeast 20, central 22 (incl.
 * Bangkok), east 7, west 5, south 14.
 *
 * English names follow ISO 3166-2 spelling, except TH-10 where ISO uses
 * "Krung Thep Maha Nakhon" and we show "Bangkok". Chinese names are the
 * commonly used simplified forms, without the 府 suffix.
 */

export type ProvinceCode = string;

export interface Province {
  readonly code: string;
  readonly name: { readonly th: string; readonly zh: string; readonly en: string };
  readonly region: 'north' | 'northeast' | 'central' | 'east' | 'west' | 'south';
}

type Region = Province['region'];

function p(code: string, th: string, zh: string, en: string, region: Region): Province {
  return Object.freeze({ code, name: Object.freeze({ th, zh, en }), region });
}

/** Sorted by code. */
export const PROVINCES: readonly Province[] = Object.freeze([
  // Central (Bangkok & vicinity, lower central)
  p('TH-10', 'กรุงเทพมหานคร', '曼谷', 'Bangkok', 'central'),
  p('TH-11', 'สมุทรปราการ', '北榄', 'Samut Prakan', 'central'),
  p('TH-12', 'นนทบุรี', '暖武里', 'Nonthaburi', 'central'),
  p('TH-13', 'ปทุมธานี', '巴吞他尼', 'Pathum Thani', 'central'),
  p('TH-14', 'พระนครศรีอยุธยา', '大城', 'Phra Nakhon Si Ayutthaya', 'central'),
  p('TH-15', 'อ่างทอง', '红统', 'Ang Thong', 'central'),
  p('TH-16', 'ลพบุรี', '华富里', 'Lop Buri', 'central'),
  p('TH-17', 'สิงห์บุรี', '信武里', 'Sing Buri', 'central'),
  p('TH-18', 'ชัยนาท', '猜纳', 'Chai Nat', 'central'),
  p('TH-19', 'สระบุรี', '北标', 'Saraburi', 'central'),
  // East
  p('TH-20', 'ชลบุรี', '春武里', 'Chon Buri', 'east'),
  p('TH-21', 'ระยอง', '罗勇', 'Rayong', 'east'),
  p('TH-22', 'จันทบุรี', '尖竹汶', 'Chanthaburi', 'east'),
  p('TH-23', 'ตราด', '达叻', 'Trat', 'east'),
  p('TH-24', 'ฉะเชิงเทรา', '北柳', 'Chachoengsao', 'east'),
  p('TH-25', 'ปราจีนบุรี', '巴真', 'Prachin Buri', 'east'),
  p('TH-26', 'นครนายก', '那空那育', 'Nakhon Nayok', 'central'),
  p('TH-27', 'สระแก้ว', '沙缴', 'Sa Kaeo', 'east'),
  // Northeast (Isan)
  p('TH-30', 'นครราชสีมา', '呵叻', 'Nakhon Ratchasima', 'northeast'),
  p('TH-31', 'บุรีรัมย์', '武里南', 'Buri Ram', 'northeast'),
  p('TH-32', 'สุรินทร์', '素林', 'Surin', 'northeast'),
  p('TH-33', 'ศรีสะเกษ', '四色菊', 'Si Sa Ket', 'northeast'),
  p('TH-34', 'อุบลราชธานี', '乌汶', 'Ubon Ratchathani', 'northeast'),
  p('TH-35', 'ยโสธร', '益梭通', 'Yasothon', 'northeast'),
  p('TH-36', 'ชัยภูมิ', '猜也蓬', 'Chaiyaphum', 'northeast'),
  p('TH-37', 'อำนาจเจริญ', '安纳乍伦', 'Amnat Charoen', 'northeast'),
  p('TH-38', 'บึงกาฬ', '汶干', 'Bueng Kan', 'northeast'),
  p('TH-39', 'หนองบัวลำภู', '廊磨南蒲', 'Nong Bua Lam Phu', 'northeast'),
  p('TH-40', 'ขอนแก่น', '孔敬', 'Khon Kaen', 'northeast'),
  p('TH-41', 'อุดรธานี', '乌隆', 'Udon Thani', 'northeast'),
  p('TH-42', 'เลย', '黎', 'Loei', 'northeast'),
  p('TH-43', 'หนองคาย', '廊开', 'Nong Khai', 'northeast'),
  p('TH-44', 'มหาสารคาม', '玛哈沙拉堪', 'Maha Sarakham', 'northeast'),
  p('TH-45', 'ร้อยเอ็ด', '黎逸', 'Roi Et', 'northeast'),
  p('TH-46', 'กาฬสินธุ์', '加拉信', 'Kalasin', 'northeast'),
  p('TH-47', 'สกลนคร', '色军', 'Sakon Nakhon', 'northeast'),
  p('TH-48', 'นครพนม', '那空拍侬', 'Nakhon Phanom', 'northeast'),
  p('TH-49', 'มุกดาหาร', '穆达汉', 'Mukdahan', 'northeast'),
  // North
  p('TH-50', 'เชียงใหม่', '清迈', 'Chiang Mai', 'north'),
  p('TH-51', 'ลำพูน', '南奔', 'Lamphun', 'north'),
  p('TH-52', 'ลำปาง', '南邦', 'Lampang', 'north'),
  p('TH-53', 'อุตรดิตถ์', '程逸', 'Uttaradit', 'north'),
  p('TH-54', 'แพร่', '帕', 'Phrae', 'north'),
  p('TH-55', 'น่าน', '难', 'Nan', 'north'),
  p('TH-56', 'พะเยา', '帕尧', 'Phayao', 'north'),
  p('TH-57', 'เชียงราย', '清莱', 'Chiang Rai', 'north'),
  p('TH-58', 'แม่ฮ่องสอน', '夜丰颂', 'Mae Hong Son', 'north'),
  // Upper central (lower north in the four-region scheme) + Tak (west)
  p('TH-60', 'นครสวรรค์', '北榄坡', 'Nakhon Sawan', 'central'),
  p('TH-61', 'อุทัยธานี', '乌泰他尼', 'Uthai Thani', 'central'),
  p('TH-62', 'กำแพงเพชร', '甘烹碧', 'Kamphaeng Phet', 'central'),
  p('TH-63', 'ตาก', '达', 'Tak', 'west'),
  p('TH-64', 'สุโขทัย', '素可泰', 'Sukhothai', 'central'),
  p('TH-65', 'พิษณุโลก', '彭世洛', 'Phitsanulok', 'central'),
  p('TH-66', 'พิจิตร', '披集', 'Phichit', 'central'),
  p('TH-67', 'เพชรบูรณ์', '碧差汶', 'Phetchabun', 'central'),
  // West + lower central
  p('TH-70', 'ราชบุรี', '叻丕', 'Ratchaburi', 'west'),
  p('TH-71', 'กาญจนบุรี', '北碧', 'Kanchanaburi', 'west'),
  p('TH-72', 'สุพรรณบุรี', '素攀武里', 'Suphan Buri', 'central'),
  p('TH-73', 'นครปฐม', '佛统', 'Nakhon Pathom', 'central'),
  p('TH-74', 'สมุทรสาคร', '龙仔厝', 'Samut Sakhon', 'central'),
  p('TH-75', 'สมุทรสงคราม', '夜功', 'Samut Songkhram', 'central'),
  p('TH-76', 'เพชรบุรี', '佛丕', 'Phetchaburi', 'west'),
  p('TH-77', 'ประจวบคีรีขันธ์', '巴蜀', 'Prachuap Khiri Khan', 'west'),
  // South
  p('TH-80', 'นครศรีธรรมราช', '洛坤', 'Nakhon Si Thammarat', 'south'),
  p('TH-81', 'กระบี่', '甲米', 'Krabi', 'south'),
  p('TH-82', 'พังงา', '攀牙', 'Phangnga', 'south'),
  p('TH-83', 'ภูเก็ต', '普吉', 'Phuket', 'south'),
  p('TH-84', 'สุราษฎร์ธานี', '素叻他尼', 'Surat Thani', 'south'),
  p('TH-85', 'ระนอง', '拉廊', 'Ranong', 'south'),
  p('TH-86', 'ชุมพร', '春蓬', 'Chumphon', 'south'),
  p('TH-90', 'สงขลา', '宋卡', 'Songkhla', 'south'),
  p('TH-91', 'สตูล', '沙敦', 'Satun', 'south'),
  p('TH-92', 'ตรัง', '董里', 'Trang', 'south'),
  p('TH-93', 'พัทลุง', '博达伦', 'Phatthalung', 'south'),
  p('TH-94', 'ปัตตานี', '北大年', 'Pattani', 'south'),
  p('TH-95', 'ยะลา', '也拉', 'Yala', 'south'),
  p('TH-96', 'นราธิวาส', '陶公', 'Narathiwat', 'south'),
]);

export const PROVINCE_BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((prov) => [prov.code, prov] as const));
