/**
 * Where stock can be (data, not code): the Global Trading Center's Thai sites, a partner bonded
 * warehouse in China (goods stored there ship to Chinese buyers under trade mode 1210), and the
 * seller's own premises.
 */
export const WAREHOUSES = [
  { code: 'GTC-BKK', kind: 'hub', country: 'TH', name: { th: 'ศูนย์กระจายสินค้า GTC ลาดกระบัง', zh: 'GTC 拉卡邦配送中心', en: 'GTC Lat Krabang hub' } },
  { code: 'GTC-LCB', kind: 'hub', country: 'TH', name: { th: 'ศูนย์ GTC แหลมฉบัง', zh: 'GTC 林查班中心', en: 'GTC Laem Chabang hub' } },
  { code: 'GTC-NKP', kind: 'hub', country: 'TH', name: { th: 'ศูนย์ GTC นครพนม (ชายแดน)', zh: 'GTC 那空拍侬边境中心', en: 'GTC Nakhon Phanom border hub' } },
  {
    code: 'CN-NSA',
    kind: 'bonded',
    country: 'CN',
    name: { th: 'คลังทัณฑ์บนพันธมิตร หนานซา กว่างโจว', zh: '广州南沙保税仓（合作仓）', en: 'Nansha bonded warehouse (partner), Guangzhou' },
  },
  { code: 'SELLER', kind: 'seller', country: 'TH', name: { th: 'คลังของผู้ขาย', zh: '卖家自有仓库', en: 'Seller’s own premises' } },
] as const;

export type WarehouseCode = (typeof WAREHOUSES)[number]['code'];
export const WAREHOUSE_CODES = WAREHOUSES.map((w) => w.code) as [WarehouseCode, ...WarehouseCode[]];
/** Warehouses the GTC operates or contracts: inbound shipments go to these. */
export const FULFILMENT_WAREHOUSE_CODES = WAREHOUSES.filter((w) => w.kind !== 'seller').map((w) => w.code) as [WarehouseCode, ...WarehouseCode[]];
export const WAREHOUSE_BY_CODE: ReadonlyMap<string, (typeof WAREHOUSES)[number]> = new Map(WAREHOUSES.map((w) => [w.code, w]));
