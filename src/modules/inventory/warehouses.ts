/** Where stock can be: the Global Trading Center's sites and the seller's own premises (data, not code). */
export const WAREHOUSES = [
  { code: 'GTC-BKK', name: { th: 'ศูนย์กระจายสินค้า GTC ลาดกระบัง', zh: 'GTC 拉卡邦配送中心', en: 'GTC Lat Krabang hub' } },
  { code: 'GTC-LCB', name: { th: 'ศูนย์ GTC แหลมฉบัง', zh: 'GTC 林查班中心', en: 'GTC Laem Chabang hub' } },
  { code: 'GTC-NKP', name: { th: 'ศูนย์ GTC นครพนม (ชายแดน)', zh: 'GTC 那空拍侬边境中心', en: 'GTC Nakhon Phanom border hub' } },
  { code: 'SELLER', name: { th: 'คลังของผู้ขาย', zh: '卖家自有仓库', en: 'Seller’s own premises' } },
] as const;

export const WAREHOUSE_CODES = WAREHOUSES.map((w) => w.code) as [string, ...string[]];
