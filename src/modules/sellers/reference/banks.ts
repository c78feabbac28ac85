/**
 * Thai banks that can receive seller payouts.
 *
 * Bank codes are the 3-digit Bank of Thailand (BOT) codes used in interbank
 * transfers and Thai QR payloads. Per the domain doc, only 002 (Bangkok Bank)
 * and 014 (Siam Commercial Bank) are confirmed from a primary-ish source; every
 * other code is common knowledge and is kept here as data (never hard-coded in
 * logic) so it can be corrected in one place.
 *
 * SWIFT/BIC codes and Chinese names are also common knowledge, not verified
 * against a primary source. Chinese names of the smaller banks are
 * transliterations / brand names rather than official Chinese names.
 *
 * `account_digits` lists the allowed account-number lengths (digits only, after
 * stripping dashes and spaces). Most commercial banks use 10 digits. State
 * banks (GSB, BAAC, GHB) and the Islamic Bank issue 12-digit accounts; TISCO and
 * KKP also issue 14-digit accounts. Where unsure, 10 is kept as an allowed length
 * so that valid accounts are not rejected.
 */

export interface Bank {
  /** 3-digit BOT bank code. */
  readonly code: string;
  readonly swift: string;
  readonly name: { readonly th: string; readonly zh: string; readonly en: string };
  /** Allowed account-number lengths. */
  readonly account_digits: readonly number[];
  readonly source: string;
}

const CONFIRMED = 'confirmed: thai-qr-payment.js.org guide (002, 014)';
const UNCONFIRMED = 'unconfirmed: common knowledge, keep as data';

function b(code: string, swift: string, th: string, zh: string, en: string, account_digits: readonly number[], source: string): Bank {
  return Object.freeze({
    code,
    swift,
    name: Object.freeze({ th, zh, en }),
    account_digits: Object.freeze([...account_digits]),
    source,
  });
}

/** Sorted by code. */
export const BANKS: readonly Bank[] = Object.freeze([
  b('002', 'BKKBTHBK', 'ธนาคารกรุงเทพ', '盘谷银行', 'Bangkok Bank', [10], CONFIRMED),
  b('004', 'KASITHBK', 'ธนาคารกสิกรไทย', '开泰银行', 'Kasikornbank', [10], UNCONFIRMED),
  b('006', 'KRTHTHBK', 'ธนาคารกรุงไทย', '泰京银行', 'Krungthai Bank', [10], UNCONFIRMED),
  // TMB (011) and Thanachart (065) merged in 2021 as TMBThanachart (ttb); ttb uses 011.
  b('011', 'TMBKTHBK', 'ธนาคารทหารไทยธนชาต', '泰国军人他那昌银行', 'TMBThanachart Bank (ttb)', [10], UNCONFIRMED),
  b('014', 'SICOTHBK', 'ธนาคารไทยพาณิชย์', '泰国汇商银行', 'Siam Commercial Bank', [10], CONFIRMED),
  b('022', 'UBOBTHBK', 'ธนาคารซีไอเอ็มบี ไทย', '联昌国际银行（泰国）', 'CIMB Thai Bank', [10], UNCONFIRMED),
  b('024', 'UOVBTHBK', 'ธนาคารยูโอบี', '大华银行（泰国）', 'UOB Thai', [10], UNCONFIRMED),
  b('025', 'AYUDTHBK', 'ธนาคารกรุงศรีอยุธยา', '大城银行', 'Krungsri (Bank of Ayudhya)', [10], UNCONFIRMED),
  b('030', 'GSBATHBK', 'ธนาคารออมสิน', '政府储蓄银行', 'Government Savings Bank', [12], UNCONFIRMED),
  b('033', 'GOHUTHB1', 'ธนาคารอาคารสงเคราะห์', '政府住房银行', 'Government Housing Bank', [10, 12], UNCONFIRMED),
  b(
    '034',
    'BAABTHBK',
    'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร',
    '农业与农业合作社银行',
    'Bank for Agriculture and Agricultural Cooperatives (BAAC)',
    [12],
    UNCONFIRMED,
  ),
  b('066', 'TIBTTHBK', 'ธนาคารอิสลามแห่งประเทศไทย', '泰国伊斯兰银行', 'Islamic Bank of Thailand', [10, 12], UNCONFIRMED),
  b('067', 'TFPCTHB1', 'ธนาคารทิสโก้', '铁狮可银行（TISCO）', 'TISCO Bank', [10, 14], UNCONFIRMED),
  b('069', 'KKPBTHBK', 'ธนาคารเกียรตินาคินภัทร', '基亚纳金帕特拉银行（KKP）', 'Kiatnakin Phatra Bank', [10, 14], UNCONFIRMED),
  b('071', 'THCETHB1', 'ธนาคารไทยเครดิต', '泰国信贷银行', 'Thai Credit Bank', [10], UNCONFIRMED),
  // SWIFT for LH Bank appears as both LAHRTHB1 and LAHRTHB2 in public data; unverified.
  b('073', 'LAHRTHB2', 'ธนาคารแลนด์ แอนด์ เฮ้าส์', '土地与房屋银行（LH Bank）', 'Land and Houses Bank (LH Bank)', [10], UNCONFIRMED),
]);

export const BANK_BY_CODE: ReadonlyMap<string, Bank> = new Map(BANKS.map((bank) => [bank.code, bank] as const));
