/**
 * Receipts from customs (domain.md §2.8): CEB312 order, CEB412 payment, CEB512 waybill, CEB622 inventory. Parsing is
 * strict because a misread status could release escrow; building exists for the sandbox customs agent.
 */
import iconv from 'iconv-lite';
import { assert } from '../../kernel/assert.js';
import { buildCebXml, type CebElement, type CebField, CebFormatError, cebGroup, cebTimeMs, readCebXml } from './messages.js';

export type ReceiptType = 'CEB312' | 'CEB412' | 'CEB512' | 'CEB622';

export interface Receipt {
  message_type: ReceiptType;
  /** The guid of the message this receipt answers. */
  guid: string;
  order_no: string;
  /** See RETURN_STATUS; negative = processing error. */
  return_status: number;
  return_time: Date;
  return_info: string;
  invt_no?: string;
  pre_no?: string;
  customs_code?: string;
  agent_code?: string;
  ebp_code?: string;
  ebc_code?: string;
  cop_no?: string;
  pay_code?: string;
  pay_transaction_id?: string;
  logistics_code?: string;
  logistics_no?: string;
}

type IdentityKey = Exclude<keyof Receipt, 'message_type' | 'guid' | 'order_no' | 'return_status' | 'return_time' | 'return_info'>;

/**
 * Body element and the identifying elements before orderNo, in order (public JAXB models of the receipts; where those
 * leave orderNo out of 412/512 we keep it, since orderNo is how the platform files every receipt).
 */
const BODIES: Record<ReceiptType, { body: string; fields: readonly (readonly [element: string, key: IdentityKey])[] }> = {
  CEB312: {
    body: 'OrderReturn',
    fields: [
      ['ebpCode', 'ebp_code'],
      ['ebcCode', 'ebc_code'],
    ],
  },
  CEB412: {
    body: 'PaymentReturn',
    fields: [
      ['payCode', 'pay_code'],
      ['payTransactionId', 'pay_transaction_id'],
    ],
  },
  CEB512: {
    body: 'LogisticsReturn',
    fields: [
      ['logisticsCode', 'logistics_code'],
      ['logisticsNo', 'logistics_no'],
    ],
  },
  CEB622: {
    body: 'InventoryReturn',
    fields: [
      ['customsCode', 'customs_code'],
      ['ebpCode', 'ebp_code'],
      ['ebcCode', 'ebc_code'],
      ['agentCode', 'agent_code'],
      ['copNo', 'cop_no'],
      ['preNo', 'pre_no'],
      ['invtNo', 'invt_no'],
    ],
  },
};

const RECEIPT_TYPES = Object.keys(BODIES) as ReceiptType[];

/** What a customs agent sends; gb2312 because one real receipt came that way (domain.md §2.2). */
export function buildReceiptXml(r: Receipt, encoding: 'UTF-8' | 'gb2312' = 'UTF-8'): Buffer {
  assert(Number.isSafeInteger(r.return_status), `returnStatus must be an integer, got ${r.return_status}`);
  const { body, fields } = BODIES[r.message_type];
  const node = cebGroup(body, [
    ['guid', r.guid],
    ...fields.map(([element, key]): CebField => [element, r[key] || undefined]),
    ['orderNo', r.order_no],
    ['returnStatus', String(r.return_status)],
    ['returnTime', cebTimeMs(r.return_time)],
    ['returnInfo', r.return_info || undefined],
  ]);
  const xml = buildCebXml(r.message_type, r.guid, [node], encoding);
  if (encoding === 'UTF-8') return Buffer.from(xml, 'utf8');
  const bytes = iconv.encode(xml, 'gb2312');
  assert(iconv.decode(bytes, 'gb2312') === xml, 'the receipt holds characters gb2312 cannot encode');
  return bytes;
}

/**
 * Reads a receipt as it arrives: bytes are decoded by the XML declaration's encoding (UTF-8 when none; gb2312, GBK,
 * GB18030 via iconv-lite). Throws CebFormatError on malformed XML, an unknown root, or a missing orderNo, returnStatus
 * or returnTime.
 */
export function parseReceiptXml(body: Buffer | string): Receipt {
  const { message_type, root } = readCebXml(typeof body === 'string' ? body : decode(body), RECEIPT_TYPES);
  const spec = BODIES[message_type];
  const r = root.child(spec.body);
  const guid = r.optional('guid') ?? root.attribute('guid');
  if (guid === undefined) throw new CebFormatError(`${r.path}/guid is missing`);
  const receipt: Receipt = {
    message_type,
    guid,
    order_no: r.text('orderNo'),
    return_status: returnStatus(r),
    return_time: r.time('returnTime', 17),
    return_info: r.optional('returnInfo') ?? '',
  };
  for (const [element, key] of spec.fields) {
    const value = r.optional(element);
    if (value !== undefined) receipt[key] = value;
  }
  return receipt;
}

function returnStatus(r: CebElement): number {
  const text = r.text('returnStatus');
  if (!/^-?\d{1,9}$/.test(text)) throw new CebFormatError(`${r.path}/returnStatus: '${text}' is not an integer`);
  return Number(text);
}

const GB_ENCODINGS = new Set(['gb2312', 'gbk', 'gb18030']);

function decode(bytes: Buffer): string {
  // The declaration is ASCII in every encoding we accept, so latin1 reads it without knowing the encoding yet.
  const head = bytes.subarray(0, 256).toString('latin1');
  const declared = /^(?:\xEF\xBB\xBF)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  if (declared === 'utf-8' || declared === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CebFormatError('the receipt is declared UTF-8 but is not valid UTF-8');
    }
  }
  if (!GB_ENCODINGS.has(declared)) throw new CebFormatError(`unsupported encoding '${declared}'`);
  const text = iconv.decode(bytes, declared);
  if (text.includes('\uFFFD')) throw new CebFormatError(`the receipt is not valid ${declared}`);
  return text;
}

/** Meanings of returnStatus (domain.md §2.8); the Thai is our own plain translation. */
export const RETURN_STATUS: Readonly<Record<number, { zh: string; en: string; th: string }>> = {
  1: { zh: '电子口岸已暂存', en: 'stored at the e-Port', th: 'บันทึกไว้ในระบบ e-Port แล้ว' },
  2: { zh: '电子口岸申报中', en: 'being declared', th: 'อยู่ระหว่างยื่นสำแดงผ่าน e-Port' },
  3: { zh: '发送海关成功', en: 'sent to customs', th: 'ส่งถึงศุลกากรแล้ว' },
  4: { zh: '发送海关失败', en: 'sending to customs failed', th: 'ส่งถึงศุลกากรไม่สำเร็จ' },
  100: { zh: '海关退单', en: 'rejected by customs', th: 'ศุลกากรตีกลับ' },
  120: { zh: '海关入库', en: 'accepted by customs', th: 'ศุลกากรรับเข้าระบบแล้ว' },
  300: { zh: '人工审核', en: 'manual review', th: 'อยู่ระหว่างการตรวจพิจารณาโดยเจ้าหน้าที่' },
  399: { zh: '海关审结', en: 'review concluded', th: 'ศุลกากรพิจารณาเสร็จสิ้น' },
  500: { zh: '查验', en: 'inspection', th: 'อยู่ระหว่างการตรวจสินค้า' },
  501: { zh: '扣留移送通关', en: 'detained, transferred to clearance', th: 'กักสินค้า ส่งต่อฝ่ายพิธีการศุลกากร' },
  502: { zh: '扣留移送缉私', en: 'detained, transferred to anti-smuggling', th: 'กักสินค้า ส่งต่อฝ่ายปราบปรามการลักลอบ' },
  503: { zh: '扣留移送法规', en: 'detained, transferred to the legal department', th: 'กักสินค้า ส่งต่อฝ่ายกฎหมาย' },
  599: { zh: '其他扣留', en: 'other detention', th: 'กักสินค้าด้วยเหตุอื่น' },
  700: { zh: '退运', en: 'returned (shipped back)', th: 'ส่งสินค้ากลับต้นทาง' },
  800: { zh: '放行', en: 'released', th: 'ปล่อยสินค้าแล้ว' },
  899: { zh: '结关', en: 'clearance closed', th: 'ปิดพิธีการศุลกากรแล้ว' },
};

/** A negative code is a processing error (e.g. -621003); an unknown positive one is shown with its number. */
export function describeStatus(code: number): { zh: string; en: string; th: string } {
  const known = RETURN_STATUS[code];
  if (known) return known;
  if (code < 0) return { zh: `处理失败（${code}）`, en: `processing error (${code})`, th: `เกิดข้อผิดพลาดในการประมวลผล (${code})` };
  return { zh: `未知状态（${code}）`, en: `unknown status (${code})`, th: `สถานะที่ไม่รู้จัก (${code})` };
}
