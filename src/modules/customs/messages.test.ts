import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  buildInventoryXml,
  buildLogisticsXml,
  buildOrderXml,
  buildPaymentXml,
  CebFormatError,
  CUSTOMS_COUNTRY,
  CUSTOMS_RMB,
  cebDate,
  cebTime,
  formatAmount,
  formatWeightKg,
  type InventoryDoc,
  type LogisticsDoc,
  type OrderDoc,
  type PaymentDoc,
  parseChinaTime,
  parseInventoryXml,
  parseLogisticsXml,
  parseOrderXml,
  parsePaymentXml,
} from './messages.js';

const transfer = { cop_code: '110196SAPH', cop_name: '萨潘跨境电商（北京）有限公司', dxp_id: 'DXPENT0000001417' };
const ebp = { code: '110196SAPH', name: '萨潘跨境电商平台' };
const ebc = { code: '1101960CMF', name: 'Chiang Mai Dried Fruit & Co. <Thailand>' };
const pay = { code: '4403169PAY', name: '示例支付有限公司' };
const buyer = { name: '王小明', id_number: '11010519491231002X', telephone: '13800138000' };
const address = '北京市朝阳区建国路88号3单元501室';

const mango = { item_no: 'SKU-MANGO-100G', item_name: '泰国芒果干', gmodel: '100g/袋', unit: '011', country: CUSTOMS_COUNTRY.TH };
const durian = { item_no: 'SKU-DURIAN-50G', item_name: '泰国榴莲干', gmodel: '50g/袋', unit: '011', country: CUSTOMS_COUNTRY.TH };

function order(): OrderDoc {
  return {
    guid: '6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B',
    app_time: new Date('2026-01-01T04:00:00Z'),
    order_no: 'TH2CN-0001',
    ebp,
    ebc,
    goods_value_minor: 19_900n,
    freight_minor: 2_000n,
    discount_minor: 500n,
    tax_total_minor: 1_800n,
    actural_paid_minor: 23_200n,
    buyer_reg_no: 'wangxm2026',
    buyer_name: buyer.name,
    buyer_telephone: buyer.telephone,
    buyer_id_number: buyer.id_number,
    pay,
    pay_transaction_id: 'PAY20260101000001',
    consignee: buyer.name,
    consignee_telephone: buyer.telephone,
    consignee_address: address,
    consignee_district: '110105',
    items: [
      { ...mango, qty: 2, price_minor: 3_500n, total_price_minor: 7_000n, gcode: '0804502000' },
      { ...durian, bar_code: '8850000000011', qty: 3, price_minor: 4_300n, total_price_minor: 12_900n, gcode: '2008999000' },
    ],
    transfer,
  };
}

function payment(): PaymentDoc {
  return {
    guid: '7A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9',
    app_time: new Date('2026-01-01T04:05:00Z'),
    pay,
    pay_transaction_id: 'PAY20260101000001',
    order_no: 'TH2CN-0001',
    ebp,
    payer_id_number: buyer.id_number,
    payer_name: buyer.name,
    telephone: buyer.telephone,
    amount_paid_minor: 23_200n,
    pay_time: new Date('2026-01-01T04:01:30Z'),
    note: '微信支付',
    transfer: { ...transfer, cop_code: pay.code, cop_name: pay.name },
  };
}

function logistics(): LogisticsDoc {
  return {
    guid: '8B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0',
    app_time: new Date('2026-01-02T01:00:00Z'),
    logistics: { code: '4403180LOG', name: '示例国际物流有限公司' },
    logistics_no: 'SL100000000123',
    bill_no: 'MAWB-784-12345675',
    order_no: 'TH2CN-0001',
    freight_minor: 2_000n,
    insured_fee_minor: 0n,
    weight_g: 480,
    pack_no: 1,
    goods_info: '芒果干2袋,榴莲干3袋',
    consignee: buyer.name,
    consignee_address: address,
    consignee_telephone: buyer.telephone,
    transfer,
  };
}

/** Declaration days are read back as midnight China time, so the fixture uses that instant. */
const CHINA_MIDNIGHT_JAN_2 = new Date('2026-01-01T16:00:00Z');

function inventory(): InventoryDoc {
  return {
    guid: '9C3D4E5F-6071-4283-94A5-B6C7D8E9F0A1',
    app_time: new Date('2026-01-02T02:00:00Z'),
    order_no: 'TH2CN-0001',
    ebp,
    ebc,
    logistics: { code: '4403180LOG', name: '示例国际物流有限公司' },
    logistics_no: 'SL100000000123',
    cop_no: 'SAPHAN-INV-0001',
    assure_code: ebp.code,
    ie_flag: 'I',
    decl_time: CHINA_MIDNIGHT_JAN_2,
    customs_code: '7201',
    port_code: '7201',
    ie_date: CHINA_MIDNIGHT_JAN_2,
    buyer_name: buyer.name,
    buyer_id_number: buyer.id_number,
    buyer_telephone: buyer.telephone,
    consignee_address: address,
    agent: { code: '4401980AGT', name: '示例报关有限公司' },
    area: { code: '4401630ARE', name: '示例区内企业' },
    trade_mode: '9610',
    traf_mode: '4',
    country: CUSTOMS_COUNTRY.TH,
    freight_minor: 2_000n,
    insured_fee_minor: 0n,
    pack_no: 1,
    gross_weight_g: 480,
    net_weight_g: 350,
    items: [
      { ...mango, gcode: '0804502000', gname: '泰国芒果干', qty: 2, qty1: 0.2, unit1: '035', price_minor: 3_500n, total_price_minor: 7_000n },
      {
        ...durian,
        gcode: '2008999000',
        gname: '泰国榴莲干',
        bar_code: '8850000000011',
        qty: 3,
        qty1: 0.15,
        unit1: '035',
        price_minor: 4_300n,
        total_price_minor: 12_900n,
      },
    ],
    transfer,
  };
}

type Ordered = Record<string, unknown>[];
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false });

function name(node: Record<string, unknown>): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

/** Child element names of the first element called `tag`, in document order. */
function childNames(xml: string, tag: string): string[] {
  const visit = (nodes: Ordered): string[] | undefined => {
    for (const node of nodes) {
      const children = node[name(node)];
      if (!Array.isArray(children)) continue;
      if (name(node) === tag) return children.map((child: Record<string, unknown>) => name(child));
      const found = visit(children as Ordered);
      if (found) return found;
    }
    return undefined;
  };
  return visit(ordered.parse(xml) as Ordered) ?? [];
}

function prefixed(names: string): string[] {
  return names.split(/\s+/).map((n) => `ceb:${n}`);
}

describe('round trip: build, then parse back', () => {
  it('CEB311 order (CEB311 carries no gcode: it comes back empty)', () => {
    const doc = order();
    expect(parseOrderXml(buildOrderXml(doc))).toEqual({ ...doc, items: doc.items.map((item) => ({ ...item, gcode: '' })) });
  });

  it('CEB411 payment', () => {
    const doc = payment();
    expect(parsePaymentXml(buildPaymentXml(doc))).toEqual(doc);
  });

  it('CEB511 waybill', () => {
    const doc = logistics();
    expect(parseLogisticsXml(buildLogisticsXml(doc))).toEqual(doc);
  });

  it('CEB621 inventory', () => {
    const doc = inventory();
    expect(parseInventoryXml(buildInventoryXml(doc))).toEqual(doc);
  });

  it('CEB621 bonded (1210) with its account book, record numbers and a second legal unit', () => {
    const doc: InventoryDoc = { ...inventory(), trade_mode: '1210', ems_no: 'T7201W000001', note: '保税备货' };
    doc.items = doc.items.map((item) => ({
      ...item,
      item_record_no: `REC-${item.item_no}`,
      bar_code: item.bar_code ?? '8850000000028',
      qty2: item.qty,
      unit2: '122',
    }));
    const xml = buildInventoryXml(doc);
    expect(parseInventoryXml(xml)).toEqual(doc);
    expect(childNames(xml, 'ceb:InventoryList')).toEqual(
      prefixed('gnum itemRecordNo itemNo itemName gcode gname gmodel barCode country currency qty unit qty1 unit1 qty2 unit2 price totalPrice'),
    );
  });

  it('escapes & and < in text and reads Chinese back unchanged', () => {
    const xml = buildOrderXml(order());
    expect(xml).toContain('<ceb:ebcName>Chiang Mai Dried Fruit &amp; Co. &lt;Thailand&gt;</ceb:ebcName>');
    expect(xml).toContain('<ceb:buyerName>王小明</ceb:buyerName>');
    expect(parseOrderXml(xml).ebc.name).toBe('Chiang Mai Dried Fruit & Co. <Thailand>');
  });
});

describe('layout (domain.md §2.2–2.6)', () => {
  it('OrderHead and OrderList keep the documented order (batchNumbers and itemDescribe are left out)', () => {
    const xml = buildOrderXml(order());
    expect(childNames(xml, 'ceb:OrderHead')).toEqual(
      prefixed(`guid appType appTime appStatus orderType orderNo ebpCode ebpName ebcCode ebcName goodsValue freight discount taxTotal
        acturalPaid currency buyerRegNo buyerName buyerTelephone buyerIdType buyerIdNumber payCode payName payTransactionId consignee
        consigneeTelephone consigneeAddress consigneeDitrict note`),
    );
    expect(childNames(xml, 'ceb:Order')).toEqual(prefixed('OrderHead OrderList OrderList'));
    expect(childNames(xml, 'ceb:OrderList')).toEqual(prefixed('gnum itemNo itemName gmodel unit qty price totalPrice currency country'));
    expect(xml).toContain('<ceb:gnum>2</ceb:gnum>');
  });

  it('InventoryHead keeps the documented order (preNo and invtNo are assigned by customs, emsNo is bonded only)', () => {
    expect(childNames(buildInventoryXml(inventory()), 'ceb:InventoryHead')).toEqual(
      prefixed(`guid appType appTime appStatus orderNo ebpCode ebpName ebcCode ebcName logisticsNo logisticsCode logisticsName copNo
        assureCode ieFlag declTime customsCode portCode ieDate buyerIdType buyerIdNumber buyerName buyerTelephone consigneeAddress
        agentCode agentName areaCode areaName tradeMode trafMode country freight insuredFee currency packNo grossWeight netWeight`),
    );
  });

  it('PaymentHead and LogisticsHead keep the documented order', () => {
    expect(childNames(buildPaymentXml(payment()), 'ceb:PaymentHead')).toEqual(
      prefixed(`guid appType appTime appStatus payCode payName payTransactionId orderNo ebpCode ebpName payerIdType payerIdNumber
        payerName telephone amountPaid currency payTime note`),
    );
    expect(childNames(buildLogisticsXml(logistics()), 'ceb:LogisticsHead')).toEqual(
      prefixed(`guid appType appTime appStatus logisticsCode logisticsName logisticsNo billNo orderNo freight insuredFee currency weight
        packNo goodsInfo consignee consigneeAddress consigneeTelephone`),
    );
  });

  const messages = [
    ['CEB311', buildOrderXml(order()), 'ceb:Order', 3],
    ['CEB411', buildPaymentXml(payment()), 'ceb:Payment', 1],
    ['CEB511', buildLogisticsXml(logistics()), 'ceb:Logistics', 1],
    ['CEB621', buildInventoryXml(inventory()), 'ceb:Inventory', 3],
  ] as const;

  it.each(messages)('%s: declaration, root, namespaces, guid, body and BaseTransfer', (type, xml, body) => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const [, root] = ordered.parse(xml) as Ordered;
    expect(root && name(root)).toBe(`ceb:${type}Message`);
    expect(root?.[':@']).toEqual({
      '@_guid': expect.stringMatching(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/),
      '@_version': '1.0',
      '@_xmlns:ceb': 'http://www.chinaport.gov.cn/ceb',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    });
    expect(childNames(xml, `ceb:${type}Message`)).toEqual([body, 'ceb:BaseTransfer']);
    expect(childNames(xml, 'ceb:BaseTransfer')).toEqual(prefixed('copCode copName dxpMode dxpId note'));
    expect(xml).toContain('<ceb:dxpMode>DXP</ceb:dxpMode>');
  });

  it.each(messages)('%s: currency is 142 in the head and in every list', (_type, xml, _body, count) => {
    const currencies = [...xml.matchAll(/<ceb:currency>([^<]*)<\/ceb:currency>/g)].map((m) => m[1]);
    expect(currencies).toEqual(Array(count).fill(CUSTOMS_RMB));
  });

  it('fixed values: appType 1, appStatus 2, orderType I, buyerIdType/payerIdType 1', () => {
    const xml = buildOrderXml(order());
    for (const fixed of [
      '<ceb:appType>1</ceb:appType>',
      '<ceb:appStatus>2</ceb:appStatus>',
      '<ceb:orderType>I</ceb:orderType>',
      '<ceb:buyerIdType>1</ceb:buyerIdType>',
    ]) {
      expect(xml).toContain(fixed);
    }
    expect(buildPaymentXml(payment())).toContain('<ceb:payerIdType>1</ceb:payerIdType>');
    expect(buildInventoryXml(inventory())).toContain('<ceb:ieFlag>I</ceb:ieFlag>');
  });

  it('amounts are N16,2 from fen; weights kg from grams', () => {
    const xml = buildOrderXml(order());
    expect(xml).toContain('<ceb:goodsValue>199.00</ceb:goodsValue>');
    expect(xml).toContain('<ceb:acturalPaid>232.00</ceb:acturalPaid>');
    expect(xml).toContain('<ceb:price>35.00</ceb:price>');
    expect(buildLogisticsXml(logistics())).toContain('<ceb:insuredFee>0.00</ceb:insuredFee>');
    expect(buildLogisticsXml(logistics())).toContain('<ceb:weight>0.48</ceb:weight>');
    expect(buildInventoryXml(inventory())).toContain('<ceb:qty1>0.15</ceb:qty1>');
  });

  it('the order head writes an empty note; other heads leave an absent note out', () => {
    expect(buildOrderXml(order())).toMatch(/<ceb:consigneeDitrict>110105<\/ceb:consigneeDitrict>\s*<ceb:note\/>\s*<\/ceb:OrderHead>/);
    expect(childNames(buildPaymentXml({ ...payment(), note: undefined }), 'ceb:PaymentHead')).not.toContain('ceb:note');
    expect(buildOrderXml({ ...order(), note: 'ส่งด่วน 加急' })).toContain('<ceb:note>ส่งด่วน 加急</ceb:note>');
  });

  it('refuses to build what customs would refuse', () => {
    expect(() => buildOrderXml({ ...order(), guid: '6f0e4c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b' })).toThrow(/upper case/);
    expect(() => buildOrderXml({ ...order(), freight_minor: -1n })).toThrow(/N16,2/);
    expect(() => buildOrderXml({ ...order(), items: [] })).toThrow(/at least one item/);
    expect(() => buildOrderXml({ ...order(), buyer_name: '' })).toThrow(/buyerName must not be empty/);
    expect(() => buildLogisticsXml({ ...logistics(), weight_g: 480.5 })).toThrow(/whole grams/);
    const bad_gcode = inventory();
    bad_gcode.items = bad_gcode.items.map((item) => ({ ...item, gcode: '08045020' }));
    expect(() => buildInventoryXml(bad_gcode)).toThrow(/10 digits/);
  });
});

describe('values', () => {
  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [20_000n, '200.00'],
    [24_002n, '240.02'],
    [9_999_999_999_999_999n, '99999999999999.99'],
  ])('formatAmount(%s) = %s', (minor, text) => {
    expect(formatAmount(minor)).toBe(text);
  });

  it.each([
    [0, '0'],
    [1, '0.001'],
    [480, '0.48'],
    [1_000, '1'],
    [1_250, '1.25'],
    [20_005, '20.005'],
  ])('formatWeightKg(%s g) = %s kg', (grams, kg) => {
    expect(formatWeightKg(grams)).toBe(kg);
  });

  it('times are China time (UTC+8)', () => {
    expect(cebTime(new Date('2026-01-01T04:00:00Z'))).toBe('20260101120000');
    expect(cebTime(new Date('2025-12-31T16:00:00Z'))).toBe('20260101000000');
    expect(cebDate(new Date('2026-01-01T16:30:00Z'))).toBe('20260102');
    expect(buildOrderXml(order())).toContain('<ceb:appTime>20260101120000</ceb:appTime>');
    expect(buildPaymentXml(payment())).toContain('<ceb:payTime>20260101120130</ceb:payTime>');
    expect(buildInventoryXml(inventory())).toContain('<ceb:declTime>20260102</ceb:declTime>');
    expect(parseChinaTime('20260101120000', 14, 'x')).toEqual(new Date('2026-01-01T04:00:00Z'));
    expect(parseChinaTime('20260102', 8, 'x')).toEqual(CHINA_MIDNIGHT_JAN_2);
  });

  it.each([
    ['20250230120000', 14],
    ['2025013112000', 14],
    ['20250131246000', 14],
    ['2025-01-31', 8],
  ] as const)('parseChinaTime refuses %s', (text, digits) => {
    expect(() => parseChinaTime(text, digits, 'ceb:appTime')).toThrow(CebFormatError);
  });
});

describe('reading', () => {
  it('parses the skeleton of domain.md §2.9 as written there', () => {
    const domain = readFileSync(new URL('../../../../shared/docs/domain.md', import.meta.url), 'utf8');
    const skeleton = /### 2\.9[\s\S]*?```xml\n([\s\S]*?)```/.exec(domain)?.[1];
    expect(skeleton).toBeDefined();
    const doc = parseOrderXml(skeleton ?? '');
    expect(doc).toMatchObject({
      guid: '6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B',
      app_time: new Date('2025-01-01T04:00:00Z'),
      order_no: 'TH2CN-0001',
      goods_value_minor: 20_000n,
      freight_minor: 2_000n,
      discount_minor: 0n,
      tax_total_minor: 2_002n,
      actural_paid_minor: 24_002n,
      buyer_name: '张三',
      buyer_id_number: '11010519491231002X',
      pay_transaction_id: 'P0001',
      consignee_district: '',
      note: undefined,
      items: [{ item_no: 'SKU-MANGO-100G', item_name: '泰国芒果干', gmodel: '100g/袋', qty: 2, price_minor: 10_000n, total_price_minor: 20_000n }],
    });
  });

  it('accepts another prefix or the default namespace', () => {
    const xml = buildPaymentXml(payment());
    expect(parsePaymentXml(xml.replaceAll('ceb:', 'c:').replace('xmlns:ceb=', 'xmlns:c='))).toEqual(payment());
    expect(parsePaymentXml(xml.replaceAll('ceb:', '').replace('xmlns:ceb=', 'xmlns='))).toEqual(payment());
  });

  const good = buildOrderXml(order());
  it.each([
    ['malformed XML', '<ceb:CEB311Message><ceb:Order></ceb:CEB311Message>', /malformed XML/],
    ['not XML', 'order TH2CN-0001', /malformed XML/],
    ['another message', buildPaymentXml(payment()), /unexpected root <ceb:CEB411Message>, expected <ceb:CEB311Message>/],
    ['wrong namespace', good.replace('http://www.chinaport.gov.cn/ceb', 'http://example.com/ceb'), /not in the namespace/],
    ['a DOCTYPE', good.replace('<ceb:CEB311Message', '<!DOCTYPE x [<!ENTITY e "e">]><ceb:CEB311Message'), /DOCTYPE/],
    ['a missing element', good.replace(/<ceb:orderNo>[^<]*<\/ceb:orderNo>/, ''), /ceb:OrderHead\/ceb:orderNo is missing/],
    ['an empty element', good.replace(/<ceb:orderNo>[^<]*<\/ceb:orderNo>/, '<ceb:orderNo/>'), /ceb:orderNo is empty/],
    ['a duplicated element', good.replace(/(<ceb:orderNo>[^<]*<\/ceb:orderNo>)/, '$1$1'), /ceb:orderNo must appear once/],
    ['three decimals', good.replace('<ceb:freight>20.00</ceb:freight>', '<ceb:freight>20.001</ceb:freight>'), /'20.001' is not an N16,2 amount/],
    ['ISO currency', good.replace('<ceb:currency>142</ceb:currency>', '<ceb:currency>156</ceb:currency>'), /currency must be 142, found '156'/],
    ['no items', good.replace(/<ceb:OrderList>[\s\S]*<\/ceb:OrderList>/, ''), /has no OrderList/],
    ['an impossible date', good.replace('20260101120000', '20260132120000'), /not a real date/],
  ])('refuses %s with an error that says what is wrong', (_what, xml, message) => {
    expect(() => parseOrderXml(xml)).toThrow(CebFormatError);
    expect(() => parseOrderXml(xml)).toThrow(message);
  });
});
