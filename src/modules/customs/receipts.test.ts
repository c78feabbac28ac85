import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CebFormatError } from './messages.js';
import { buildReceiptXml, describeStatus, parseReceiptXml, RETURN_STATUS, type Receipt } from './receipts.js';

const return_time = new Date('2026-01-02T03:04:05.678Z');

const receipts: Receipt[] = [
  {
    message_type: 'CEB312',
    guid: '6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B',
    ebp_code: '110196SAPH',
    ebc_code: '1101960CMF',
    order_no: 'TH2CN-0001',
    return_status: 120,
    return_time,
    return_info: '新增申报成功',
  },
  {
    message_type: 'CEB412',
    guid: '7A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9',
    pay_code: '4403169PAY',
    pay_transaction_id: 'PAY20260101000001',
    order_no: 'TH2CN-0001',
    return_status: 100,
    return_time,
    return_info: '支付人与订购人不一致',
  },
  {
    message_type: 'CEB512',
    guid: '8B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0',
    logistics_code: '4403180LOG',
    logistics_no: 'SL100000000123',
    order_no: 'TH2CN-0001',
    return_status: 2,
    return_time,
    return_info: '',
  },
  {
    message_type: 'CEB622',
    guid: '9C3D4E5F-6071-4283-94A5-B6C7D8E9F0A1',
    customs_code: '7201',
    ebp_code: '110196SAPH',
    ebc_code: '1101960CMF',
    agent_code: '4401980AGT',
    cop_no: 'SAPHAN-INV-0001',
    pre_no: 'B20260102000000001',
    invt_no: '72012026I000000001',
    order_no: 'TH2CN-0001',
    return_status: 800,
    return_time,
    return_info: '[Code:2600;Desc:放行]',
  },
];

const BODY = { CEB312: 'OrderReturn', CEB412: 'PaymentReturn', CEB512: 'LogisticsReturn', CEB622: 'InventoryReturn' } as const;

describe('receipts (domain.md §2.8)', () => {
  it.each(receipts.map((r) => [r.message_type, r] as const))('%s round trip', (type, receipt) => {
    const bytes = buildReceiptXml(receipt);
    const xml = bytes.toString('utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain(`<ceb:${type}Message guid="${receipt.guid}" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb"`);
    expect(xml).toContain(`<ceb:${BODY[type]}>`);
    expect(xml).toContain('<ceb:returnTime>20260102110405678</ceb:returnTime>');
    expect(parseReceiptXml(bytes)).toEqual(receipt);
    expect(parseReceiptXml(xml)).toEqual(receipt);
  });

  it('keeps milliseconds of the 17-digit returnTime, read as China time', () => {
    const xml = buildReceiptXml(receipts[0] as Receipt)
      .toString('utf8')
      .replace(/<ceb:returnTime>\d+/, '<ceb:returnTime>20251231235959999');
    expect(parseReceiptXml(xml).return_time).toEqual(new Date('2025-12-31T15:59:59.999Z'));
  });

  it('builds a gb2312 receipt whose Chinese returnInfo reads back', () => {
    const receipt = receipts[0] as Receipt;
    const bytes = buildReceiptXml(receipt, 'gb2312');
    expect(bytes.toString('latin1')).toMatch(/^<\?xml version="1.0" encoding="gb2312"\?>/);
    expect(bytes.includes(iconv.encode('新增申报成功', 'gb2312'))).toBe(true);
    expect(bytes.includes(Buffer.from('新增申报成功', 'utf8'))).toBe(false);
    expect(parseReceiptXml(bytes)).toEqual(receipt);
  });

  it('parses a gb2312 receipt written the way customs writes it (default namespace, tabs, CRLF)', () => {
    const xml = [
      '<?xml version="1.0" encoding="gb2312"?>',
      '<CEB312Message guid="4CF0E4A2-1B3D-4E5F-8A9B-0C1D2E3F4A5B" version="1.0" xmlns="http://www.chinaport.gov.cn/ceb">',
      '\t<OrderReturn>',
      '\t\t<guid>6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B</guid>',
      '\t\t<ebpCode>110196SAPH</ebpCode>',
      '\t\t<ebcCode>1101960CMF</ebcCode>',
      '\t\t<orderNo>TH2CN-0001</orderNo>',
      '\t\t<returnStatus>-621003</returnStatus>',
      '\t\t<returnTime>20260102110405678</returnTime>',
      '\t\t<returnInfo>订购人身份信息校验未通过</returnInfo>',
      '\t</OrderReturn>',
      '</CEB312Message>',
    ].join('\r\n');
    const receipt = parseReceiptXml(iconv.encode(xml, 'gb2312'));
    expect(receipt).toEqual({
      message_type: 'CEB312',
      guid: '6F0E4C1A-2B3D-4E5F-8A9B-0C1D2E3F4A5B',
      ebp_code: '110196SAPH',
      ebc_code: '1101960CMF',
      order_no: 'TH2CN-0001',
      return_status: -621003,
      return_time,
      return_info: '订购人身份信息校验未通过',
    });
    expect(describeStatus(receipt.return_status).en).toBe('processing error (-621003)');
  });

  it('refuses to encode text gb2312 cannot hold', () => {
    expect(() => buildReceiptXml({ ...(receipts[0] as Receipt), return_info: 'ศุลกากรรับแล้ว' }, 'gb2312')).toThrow(/gb2312/);
  });

  const good = buildReceiptXml(receipts[3] as Receipt).toString('utf8');
  it.each([
    ['malformed XML', '<ceb:CEB622Message><ceb:InventoryReturn></ceb:CEB622Message>', /malformed XML/],
    ['an empty body', '', /malformed XML/],
    ['an unknown root', good.replaceAll('CEB622Message', 'CEB626Message'), /unexpected root <ceb:CEB626Message>/],
    ['a sent message, not a receipt', good.replaceAll('CEB622Message', 'CEB621Message'), /unexpected root/],
    ['a body of another type', good.replaceAll('InventoryReturn', 'OrderReturn'), /ceb:InventoryReturn is missing/],
    ['no orderNo', good.replace(/<ceb:orderNo>[^<]*<\/ceb:orderNo>/, ''), /ceb:orderNo is missing/],
    ['no returnStatus', good.replace(/<ceb:returnStatus>[^<]*<\/ceb:returnStatus>/, ''), /ceb:returnStatus is missing/],
    ['no returnTime', good.replace(/<ceb:returnTime>[^<]*<\/ceb:returnTime>/, ''), /ceb:returnTime is missing/],
    ['a 14-digit returnTime', good.replace(/<ceb:returnTime>\d+/, '<ceb:returnTime>20260102110405'), /not a 17-digit China time/],
    ['a word for returnStatus', good.replace(/<ceb:returnStatus>\d+/, '<ceb:returnStatus>ok'), /'ok' is not an integer/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => parseReceiptXml(xml)).toThrow(CebFormatError);
    expect(() => parseReceiptXml(Buffer.from(xml, 'utf8'))).toThrow(message);
  });

  it('refuses bytes that do not match the declared encoding, or an encoding it does not know', () => {
    const gb = buildReceiptXml(receipts[0] as Receipt, 'gb2312');
    const mislabelled = Buffer.from(gb.toString('latin1').replace('gb2312', 'UTF-8'), 'latin1');
    expect(() => parseReceiptXml(mislabelled)).toThrow(/declared UTF-8 but is not valid UTF-8/);
    const big5 = Buffer.from(gb.toString('latin1').replace('gb2312', 'big5'), 'latin1');
    expect(() => parseReceiptXml(big5)).toThrow(/unsupported encoding 'big5'/);
  });
});

describe('status codes', () => {
  it('the table holds every code of §2.8 in three languages', () => {
    expect(
      Object.keys(RETURN_STATUS)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 100, 120, 300, 399, 500, 501, 502, 503, 599, 700, 800, 899]);
    for (const text of Object.values(RETURN_STATUS)) {
      expect(text.zh).not.toBe('');
      expect(text.en).not.toBe('');
      expect(text.th).not.toBe('');
    }
  });

  it.each([
    [120, '海关入库', 'accepted by customs'],
    [100, '海关退单', 'rejected by customs'],
    [800, '放行', 'released'],
    [-621003, '处理失败（-621003）', 'processing error (-621003)'],
    [-1, '处理失败（-1）', 'processing error (-1)'],
    [509, '未知状态（509）', 'unknown status (509)'],
  ])('describeStatus(%s)', (code, zh, en) => {
    expect(describeStatus(code)).toMatchObject({ zh, en });
    expect(describeStatus(code).th).not.toBe('');
  });
});
