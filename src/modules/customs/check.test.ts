import { describe, expect, it } from 'vitest';
import { type CheckInput, type CheckProblem, checkDocuments } from './check.js';
import { CUSTOMS_COUNTRY } from './messages.js';

const transfer = { cop_code: '110196SAPH', cop_name: '萨潘跨境电商（北京）有限公司', dxp_id: 'DXPENT0000001417' };
const ebp = { code: '110196SAPH', name: '萨潘跨境电商平台' };
const carrier = { code: '4403180LOG', name: '示例国际物流有限公司' };
const address = '北京市朝阳区建国路88号3单元501室';
const TH = CUSTOMS_COUNTRY.TH;

/** A consistent set for one parcel: 2 bags of dried mango and 3 of durian chips, bought and paid by 王小明. */
function documents(): CheckInput {
  const at = new Date('2026-01-01T04:00:00Z');
  return {
    order: {
      guid: '6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B',
      app_time: at,
      order_no: 'TH2CN-0001',
      ebp,
      ebc: { code: '1101960CMF', name: 'Chiang Mai Dried Fruit Co., Ltd.' },
      goods_value_minor: 19_900n,
      freight_minor: 2_000n,
      discount_minor: 500n,
      tax_total_minor: 1_800n,
      actural_paid_minor: 23_200n,
      buyer_reg_no: 'wangxm2026',
      buyer_name: '王小明',
      buyer_telephone: '13800138000',
      buyer_id_number: '11010519491231002X',
      pay: { code: '4403169PAY', name: '示例支付有限公司' },
      pay_transaction_id: 'PAY20260101000001',
      consignee: '王小明',
      consignee_telephone: '13800138000',
      consignee_address: address,
      consignee_district: '110105',
      items: [
        {
          item_no: 'SKU-MANGO-100G',
          item_name: '泰国芒果干',
          gmodel: '100g/袋',
          unit: '011',
          qty: 2,
          price_minor: 3_500n,
          total_price_minor: 7_000n,
          country: TH,
          gcode: '0804502000',
        },
        {
          item_no: 'SKU-DURIAN-50G',
          item_name: '泰国榴莲干',
          gmodel: '50g/袋',
          unit: '011',
          qty: 3,
          price_minor: 4_300n,
          total_price_minor: 12_900n,
          country: TH,
          gcode: '2008999000',
        },
      ],
      transfer,
    },
    payment: {
      guid: '7A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9',
      app_time: at,
      pay: { code: '4403169PAY', name: '示例支付有限公司' },
      pay_transaction_id: 'PAY20260101000001',
      order_no: 'TH2CN-0001',
      ebp,
      payer_id_number: '11010519491231002X',
      payer_name: '王小明',
      telephone: '13800138000',
      amount_paid_minor: 23_200n,
      pay_time: at,
      transfer,
    },
    logistics: {
      guid: '8B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0',
      app_time: at,
      logistics: carrier,
      logistics_no: 'SL100000000123',
      bill_no: 'MAWB-784-12345675',
      order_no: 'TH2CN-0001',
      freight_minor: 2_000n,
      insured_fee_minor: 0n,
      weight_g: 480,
      pack_no: 1,
      goods_info: '芒果干2袋,榴莲干3袋',
      consignee: '王小明',
      consignee_address: address,
      consignee_telephone: '13800138000',
      transfer,
    },
    inventory: {
      guid: '9C3D4E5F-6071-4283-94A5-B6C7D8E9F0A1',
      app_time: at,
      order_no: 'TH2CN-0001',
      ebp,
      ebc: { code: '1101960CMF', name: 'Chiang Mai Dried Fruit Co., Ltd.' },
      logistics: carrier,
      logistics_no: 'SL100000000123',
      cop_no: 'SAPHAN-INV-0001',
      assure_code: ebp.code,
      ie_flag: 'I',
      decl_time: at,
      customs_code: '7201',
      port_code: '7201',
      ie_date: at,
      buyer_name: '王小明',
      buyer_id_number: '11010519491231002X',
      buyer_telephone: '13800138000',
      consignee_address: address,
      agent: { code: '4401980AGT', name: '示例报关有限公司' },
      area: { code: '4401630ARE', name: '示例区内企业' },
      trade_mode: '9610',
      traf_mode: '4',
      country: TH,
      freight_minor: 2_000n,
      insured_fee_minor: 0n,
      pack_no: 1,
      gross_weight_g: 480,
      net_weight_g: 350,
      items: [
        {
          item_no: 'SKU-MANGO-100G',
          item_name: '泰国芒果干',
          gcode: '0804502000',
          gname: '泰国芒果干',
          gmodel: '100g/袋',
          country: TH,
          qty: 2,
          unit: '011',
          qty1: 0.2,
          unit1: '035',
          price_minor: 3_500n,
          total_price_minor: 7_000n,
        },
        {
          item_no: 'SKU-DURIAN-50G',
          item_name: '泰国榴莲干',
          gcode: '2008999000',
          gname: '泰国榴莲干',
          gmodel: '50g/袋',
          country: TH,
          qty: 3,
          unit: '011',
          qty1: 0.15,
          unit1: '035',
          price_minor: 4_300n,
          total_price_minor: 12_900n,
        },
      ],
      transfer,
    },
  };
}

function mango<T>(items: T[]): T {
  const [first] = items;
  if (!first) throw new Error('fixture has no items');
  return first;
}

describe('checkDocuments (domain.md §2.7)', () => {
  it('passes a consistent set', () => {
    expect(checkDocuments(documents())).toEqual({ ok: true, problems: [] });
  });

  const cases: [string, (d: CheckInput) => void, CheckProblem][] = [
    [
      'order_no_mismatch (411)',
      (d) => {
        d.payment.order_no = 'TH2CN-0002';
      },
      { rule: 1, code: 'order_no_mismatch', field: 'CEB411.orderNo', expected: 'TH2CN-0001', actual: 'TH2CN-0002' },
    ],
    [
      'order_no_mismatch (511)',
      (d) => {
        d.logistics.order_no = 'TH2CN-0002';
      },
      { rule: 1, code: 'order_no_mismatch', field: 'CEB511.orderNo', expected: 'TH2CN-0001', actual: 'TH2CN-0002' },
    ],
    [
      'order_no_mismatch (621)',
      (d) => {
        d.inventory.order_no = 'TH2CN-0002';
      },
      { rule: 1, code: 'order_no_mismatch', field: 'CEB621.orderNo', expected: 'TH2CN-0001', actual: 'TH2CN-0002' },
    ],
    [
      'pay_transaction_mismatch',
      (d) => {
        d.payment.pay_transaction_id = 'PAY20260101000002';
      },
      { rule: 2, code: 'pay_transaction_mismatch', field: 'CEB411.payTransactionId', expected: 'PAY20260101000001', actual: 'PAY20260101000002' },
    ],
    [
      'paid_amount_mismatch',
      (d) => {
        d.payment.amount_paid_minor = 23_201n;
      },
      { rule: 2, code: 'paid_amount_mismatch', field: 'CEB411.amountPaid', expected: '232.00', actual: '232.01' },
    ],
    [
      'actural_paid_formula',
      (d) => {
        d.order.tax_total_minor = 1_801n;
      },
      { rule: 3, code: 'actural_paid_formula', field: 'CEB311.acturalPaid', expected: '232.01', actual: '232.00' },
    ],
    [
      'buyer_payer_mismatch (name)',
      (d) => {
        d.payment.payer_name = '王大明';
      },
      { rule: 4, code: 'buyer_payer_mismatch', field: 'CEB411.payerName', expected: '王小明', actual: '王大明' },
    ],
    [
      'buyer_payer_mismatch (ID number)',
      (d) => {
        d.payment.payer_id_number = '110105194912310037';
      },
      { rule: 4, code: 'buyer_payer_mismatch', field: 'CEB411.payerIdNumber', expected: '11010519491231002X', actual: '110105194912310037' },
    ],
    [
      'consignee_mismatch (consignee)',
      (d) => {
        d.logistics.consignee = '李四';
      },
      { rule: 5, code: 'consignee_mismatch', field: 'CEB511.consignee', expected: '王小明', actual: '李四' },
    ],
    [
      'consignee_mismatch (telephone)',
      (d) => {
        d.logistics.consignee_telephone = '13900139000';
      },
      { rule: 5, code: 'consignee_mismatch', field: 'CEB511.consigneeTelephone', expected: '13800138000', actual: '13900139000' },
    ],
    [
      'consignee_mismatch (address)',
      (d) => {
        d.logistics.consignee_address = '北京市朝阳区建国路88号';
      },
      { rule: 5, code: 'consignee_mismatch', field: 'CEB511.consigneeAddress', expected: address, actual: '北京市朝阳区建国路88号' },
    ],
    [
      'logistics_no_mismatch',
      (d) => {
        d.inventory.logistics_no = 'SL100000000999';
      },
      { rule: 6, code: 'logistics_no_mismatch', field: 'CEB621.logisticsNo', expected: 'SL100000000123', actual: 'SL100000000999' },
    ],
    [
      'inventory_items_mismatch (qty)',
      (d) => {
        mango(d.inventory.items).qty = 3;
        mango(d.inventory.items).total_price_minor = 10_500n;
      },
      { rule: 6, code: 'inventory_items_mismatch', field: 'CEB621.InventoryList[SKU-MANGO-100G].qty', expected: '2', actual: '3' },
    ],
    [
      'inventory_items_mismatch (price)',
      (d) => {
        mango(d.inventory.items).price_minor = 3_000n;
        mango(d.inventory.items).total_price_minor = 6_000n;
      },
      { rule: 6, code: 'inventory_items_mismatch', field: 'CEB621.InventoryList[SKU-MANGO-100G].price', expected: '35.00', actual: '30.00' },
    ],
    [
      'inventory_items_mismatch (gname)',
      (d) => {
        mango(d.inventory.items).gname = '芒果干';
      },
      { rule: 6, code: 'inventory_items_mismatch', field: 'CEB621.InventoryList[SKU-MANGO-100G].gname', expected: '泰国芒果干', actual: '芒果干' },
    ],
    [
      'inventory_items_mismatch (line missing)',
      (d) => {
        d.inventory.items.pop();
      },
      { rule: 6, code: 'inventory_items_mismatch', field: 'CEB621.InventoryList[SKU-DURIAN-50G]', expected: '1 line', actual: '0 lines' },
    ],
    [
      'inventory_items_mismatch (line not ordered)',
      (d) => {
        d.inventory.items.push({ ...mango(d.inventory.items), item_no: 'SKU-MANGO-200G' });
      },
      { rule: 6, code: 'inventory_items_mismatch', field: 'CEB621.InventoryList[SKU-MANGO-200G]', expected: '0 lines', actual: '1 line' },
    ],
    [
      'total_price_mismatch (order line)',
      (d) => {
        mango(d.order.items).total_price_minor = 7_100n;
        d.order.goods_value_minor = 20_000n;
        d.order.discount_minor = 600n;
      },
      { rule: 7, code: 'total_price_mismatch', field: 'CEB311.OrderList[SKU-MANGO-100G].totalPrice', expected: '70.00', actual: '71.00' },
    ],
    [
      'total_price_mismatch (inventory line)',
      (d) => {
        mango(d.inventory.items).total_price_minor = 6_999n;
      },
      { rule: 7, code: 'total_price_mismatch', field: 'CEB621.InventoryList[SKU-MANGO-100G].totalPrice', expected: '70.00', actual: '69.99' },
    ],
    [
      'goods_value_mismatch',
      (d) => {
        // A non-cash deduction booked into goodsValue and discount but not into the lines: the formula still holds.
        d.order.goods_value_minor = 20_400n;
        d.order.discount_minor = 1_000n;
      },
      { rule: 7, code: 'goods_value_mismatch', field: 'CEB311.goodsValue', expected: '199.00', actual: '204.00' },
    ],
  ];

  it.each(cases)('%s: one change, exactly that problem', (_name, mutate, problem) => {
    const d = documents();
    mutate(d);
    expect(checkDocuments(d)).toEqual({ ok: false, problems: [problem] });
  });

  it('every code of §2.7 has a case', () => {
    expect(new Set(cases.map(([, , p]) => p.code))).toEqual(
      new Set([
        'order_no_mismatch',
        'pay_transaction_mismatch',
        'paid_amount_mismatch',
        'actural_paid_formula',
        'buyer_payer_mismatch',
        'consignee_mismatch',
        'logistics_no_mismatch',
        'inventory_items_mismatch',
        'total_price_mismatch',
        'goods_value_mismatch',
      ]),
    );
  });

  it('a verified buyer may differ from the payer (rule 4 skipped)', () => {
    const d = documents();
    d.payment.payer_name = '王大明';
    d.payment.payer_id_number = '110105194912310037';
    expect(checkDocuments({ ...d, buyer_verified: true })).toEqual({ ok: true, problems: [] });
    expect(checkDocuments(d).problems.map((p) => p.field)).toEqual(['CEB411.payerName', 'CEB411.payerIdNumber']);
  });

  it('reports every problem, not just the first', () => {
    const d = documents();
    d.payment.order_no = 'X';
    d.payment.amount_paid_minor = 1n;
    d.logistics.consignee = '李四';
    d.inventory.items.pop();
    const result = checkDocuments(d);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([
      ['order_no_mismatch', 'CEB411.orderNo'],
      ['paid_amount_mismatch', 'CEB411.amountPaid'],
      ['consignee_mismatch', 'CEB511.consignee'],
      ['inventory_items_mismatch', 'CEB621.InventoryList[SKU-DURIAN-50G]'],
    ]);
  });

  it('a duplicated order line is reported', () => {
    const d = documents();
    d.order.items.push({ ...mango(d.order.items) });
    d.order.goods_value_minor += 7_000n;
    d.order.actural_paid_minor += 7_000n;
    d.payment.amount_paid_minor += 7_000n;
    expect(checkDocuments(d).problems).toEqual([
      { rule: 6, code: 'inventory_items_mismatch', field: 'CEB311.OrderList[SKU-MANGO-100G]', expected: '1 line', actual: '2 lines' },
    ]);
  });

  it('price × a fractional qty is exact: 0.5 kg at 35.01 is 17.505, which no whole-fen total equals', () => {
    const d = documents();
    const line = mango(d.order.items);
    Object.assign(line, { qty: 0.5, price_minor: 3_501n, total_price_minor: 1_751n });
    const problems = checkDocuments(d).problems.filter((p) => p.code === 'total_price_mismatch');
    expect(problems).toEqual([
      { rule: 7, code: 'total_price_mismatch', field: 'CEB311.OrderList[SKU-MANGO-100G].totalPrice', expected: '17.505', actual: '17.51' },
    ]);
    Object.assign(line, { qty: 0.5, price_minor: 3_500n, total_price_minor: 1_750n });
    expect(checkDocuments(d).problems.filter((p) => p.code === 'total_price_mismatch')).toEqual([]);
  });
});
