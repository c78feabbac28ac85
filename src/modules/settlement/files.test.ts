import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankBulkCsv, formatBaht, type PayoutFileItem, type StatementInput, type StatementLine, statementHtml } from './files.js';

const VALUE_DATE = new Date('2026-03-31T18:00:00Z'); // 1 April 2026, 01:00 in Bangkok

const bankItem: PayoutFileItem = {
  reference: 'pot_01JA:slr_01JB',
  payee_name: 'วิสาหกิจชุมชน "บ้านดอย", เชียงใหม่',
  kind: 'bank_account',
  bank_code: '014',
  account: '1234567890',
  amount_minor: 123450n,
};
const promptPayItem: PayoutFileItem = {
  reference: 'pot_01JA:slr_01JC',
  payee_name: 'นายสมชาย ใจดี',
  kind: 'promptpay',
  promptpay_kind: 'mobile',
  account: '0812345678',
  amount_minor: 5n,
};

function parseCsv(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: true }) as string[][];
}

/** "1234.50" → 123450n by string and integer arithmetic only. */
function satang(text: string): bigint {
  const match = /^(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a two-decimal amount: ${text}`);
  return BigInt(match[1] ?? '') * 100n + BigInt(match[2] ?? '');
}

describe('bankBulkCsv', () => {
  it('writes the header, one detail per item and the trailer', () => {
    const csv = bankBulkCsv({ run_id: 'prun_01JD', value_date: VALUE_DATE, company_account: '0011223344', items: [bankItem, promptPayItem] });
    expect(parseCsv(csv)).toEqual([
      ['H', '0011223344', '20260401', '2', '1234.55', 'prun_01JD'],
      ['D', '1', 'pot_01JA:slr_01JB', 'วิสาหกิจชุมชน "บ้านดอย", เชียงใหม่', '014', '1234567890', '1234.50', 'THB'],
      ['D', '2', 'pot_01JA:slr_01JC', 'นายสมชาย ใจดี', 'PROMPTPAY_MOBILE', '0812345678', '0.05', 'THB'],
      ['T', '2', '1234.55'],
    ]);
  });

  it('is UTF-8 with a BOM and CRLF line endings only', () => {
    const csv = bankBulkCsv({ run_id: 'prun_01JD', value_date: VALUE_DATE, company_account: '0011223344', items: [bankItem] });
    expect(csv.startsWith('\uFEFFH,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('names each PromptPay proxy type', () => {
    const items: PayoutFileItem[] = [
      { ...promptPayItem, reference: 'r1', promptpay_kind: 'national_id', account: '1101700230708' },
      { ...promptPayItem, reference: 'r2', promptpay_kind: 'ewallet', account: '123456789012345' },
    ];
    const details = parseCsv(bankBulkCsv({ run_id: 'r', value_date: VALUE_DATE, company_account: '1', items })).filter((r) => r[0] === 'D');
    expect(details.map((r) => r[4])).toEqual(['PROMPTPAY_NATIONAL_ID', 'PROMPTPAY_EWALLET']);
  });

  const itemArbitrary: fc.Arbitrary<Omit<PayoutFileItem, 'reference'>> = fc.oneof(
    fc.record({
      kind: fc.constant('bank_account' as const),
      bank_code: fc.stringMatching(/^\d{3}$/),
      account: fc.stringMatching(/^\d{10,12}$/),
      payee_name: fc
        .string({ unit: fc.constantFrom('ก', 'า', 'ำ', '่', ' ', ',', '"', '中', 'a', ';'), minLength: 1, maxLength: 40 })
        .filter((s) => s.trim() !== ''),
      amount_minor: fc.bigInt({ min: 1n, max: 10n ** 14n }),
    }),
    fc.record({
      kind: fc.constant('promptpay' as const),
      promptpay_kind: fc.constant('mobile' as const),
      account: fc.stringMatching(/^0\d{9}$/),
      payee_name: fc.constantFrom('นางสาวกมลา ศรีสุข', '李明', 'A, B & "C"'),
      amount_minor: fc.bigInt({ min: 1n, max: 10n ** 14n }),
    }),
  );

  it('parses back to the same items, and the totals are the sum of the details (property)', () => {
    fc.assert(
      fc.property(fc.array(itemArbitrary, { minLength: 1, maxLength: 30 }), (drafts) => {
        const items = drafts.map((draft, i) => ({ ...draft, reference: `pot_${i}` }));
        const records = parseCsv(bankBulkCsv({ run_id: 'prun_x', value_date: VALUE_DATE, company_account: '123', items }));
        const header = records[0] ?? [];
        const trailer = records.at(-1) ?? [];
        const details = records.slice(1, -1);
        const sum = items.reduce((total, item) => total + item.amount_minor, 0n);
        expect(details).toHaveLength(items.length);
        details.forEach((d, i) => {
          const item = items[i] as PayoutFileItem;
          expect(d.slice(0, 6)).toEqual(['D', String(i + 1), item.reference, item.payee_name, item.bank_code ?? 'PROMPTPAY_MOBILE', item.account]);
          expect(satang(d[6] ?? '')).toBe(item.amount_minor);
        });
        expect(trailer).toEqual(['T', String(items.length), trailer[2]]);
        expect(satang(trailer[2] ?? '')).toBe(details.reduce((total, d) => total + satang(d[6] ?? ''), 0n));
        expect(satang(trailer[2] ?? '')).toBe(sum);
        expect(header.slice(3, 5)).toEqual([String(items.length), trailer[2]]);
      }),
    );
  });

  const refusals: [string, Partial<PayoutFileItem>, RegExp][] = [
    ['a zero amount', { amount_minor: 0n }, /amount must be positive/],
    ['a negative amount', { amount_minor: -100n }, /amount must be positive/],
    ['an account with a dash', { account: '123-4-56789-0' }, /digits only/],
    ['an empty account', { account: '' }, /digits only/],
    ['a bank account without a bank code', { bank_code: undefined }, /3-digit bank code/],
    ['a two-digit bank code', { bank_code: '14' }, /3-digit bank code/],
    ['a bank account with a PromptPay kind', { promptpay_kind: 'mobile' }, /no PromptPay kind/],
    ['a PromptPay item without its kind', { kind: 'promptpay', bank_code: undefined }, /needs its kind/],
    ['a PromptPay item with a bank code', { kind: 'promptpay', promptpay_kind: 'mobile', account: '0812345678' }, /no bank code/],
    ['a PromptPay mobile of 9 digits', { kind: 'promptpay', bank_code: undefined, promptpay_kind: 'mobile', account: '081234567' }, /valid PromptPay mobile/],
    ['a reference over 20 characters', { reference: 'pot_01JA:slr_01JB:xyz' }, /at most 20/],
    ['a reference with a space', { reference: 'pot 1' }, /printable ASCII/],
    ['a blank payee name', { payee_name: '  ' }, /must not be empty/],
    ['a payee name that Excel would run', { payee_name: '=HYPERLINK("http://x")' }, /must not start with/],
    ['a payee name with a line break', { payee_name: 'สมชาย\nใจดี' }, /control characters/],
  ];

  it.each(refusals)('refuses %s', (_name, change, message) => {
    const item = { ...bankItem, ...change };
    expect(() => bankBulkCsv({ run_id: 'r', value_date: VALUE_DATE, company_account: '1', items: [item] })).toThrow(message);
  });

  it('refuses an empty file, duplicate references, a bad company account and an invalid date', () => {
    const file = { run_id: 'r', value_date: VALUE_DATE, company_account: '1', items: [bankItem] };
    expect(() => bankBulkCsv({ ...file, items: [] })).toThrow(/at least one item/);
    expect(() => bankBulkCsv({ ...file, items: [bankItem, { ...bankItem }] })).toThrow(/duplicate reference/);
    expect(() => bankBulkCsv({ ...file, company_account: '001-2' })).toThrow(/company account/);
    expect(() => bankBulkCsv({ ...file, value_date: new Date('nonsense') })).toThrow(/valid date/);
  });
});

describe('formatBaht', () => {
  it.each([
    [0n, '฿0.00'],
    [5n, '฿0.05'],
    [123450n, '฿1,234.50'],
    [-1n, '-฿0.01'],
    [-100000n, '-฿1,000.00'],
    [10n ** 20n + 1n, '฿1,000,000,000,000,000,000.01'],
  ])('writes %s satang as %s', (minor, text) => {
    expect(formatBaht(minor)).toBe(text);
  });

  it('round-trips every amount to the satang (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), (minor) => {
        expect(satang(formatBaht(minor).replace('฿', '').replaceAll(',', ''))).toBe(minor);
      }),
    );
  });
});

describe('statementHtml', () => {
  const bangkok = (iso: string) => new Date(`${iso}+07:00`);
  const lines: StatementLine[] = [
    { at: bangkok('2026-01-20T10:00:00'), kind: 'payout', description: 'โอนเข้าบัญชี xxx-x-x7890-x', amount_minor: -200_000n },
    { at: bangkok('2026-01-05T09:30:00'), kind: 'release', description: 'ข้าวกล้อง 12 ถุง', order_id: 'ord_01JA', amount_minor: 123_450n },
    { at: bangkok('2026-01-31T23:59:00'), kind: 'adjustment', description: 'ค่าธรรมเนียมโอน', amount_minor: -50n },
  ];
  const statement: StatementInput = {
    seller: { id: 'slr_01JB', legal_name_th: 'วิสาหกิจชุมชนบ้านดอย', tax_id_masked: '*********0708', payout_masked: '******7890' },
    period: { from: bangkok('2026-01-01T00:00:00'), to: bangkok('2026-01-31T23:59:59.999') },
    opening_minor: 100_000n,
    lines,
    pending_minor: 45_000n,
    generated_at: bangkok('2026-02-01T08:15:00'),
  };

  it('is a Thai A4 page with the seller, masked identifiers and the Buddhist-era period', () => {
    const html = statementHtml(statement);
    expect(html).toMatch(/^<!doctype html>\n<html lang="th">/);
    expect(html).toContain('<h1>ใบแจ้งยอดบัญชีผู้ขาย</h1>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).toContain('วิสาหกิจชุมชนบ้านดอย');
    expect(html).toContain('*********0708');
    expect(html).toContain('******7890');
    expect(html).toContain('1 มกราคม 2569 – 31 มกราคม 2569');
    expect(html).toContain('1 กุมภาพันธ์ 2569 เวลา 08:15 น.');
    expect(html).not.toContain('2026');
  });

  it('lists the lines in time order with credits, debits and the running balance', () => {
    const html = statementHtml(statement);
    const rows = [...html.matchAll(/<tr><td>([^<]*)<\/td>.*?<\/tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<td>5 ม.ค. 2569</td>');
    expect(rows[0]).toContain('<td>ord_01JA</td><td class="amount">฿1,234.50</td><td class="amount"></td><td class="amount">฿2,234.50</td>');
    expect(rows[1]).toContain('<td class="amount"></td><td class="amount">฿2,000.00</td><td class="amount">฿234.50</td>');
    expect(rows[2]).toContain('<td>31 ม.ค. 2569</td>');
    expect(rows[2]).toContain('<td class="amount">฿0.50</td><td class="amount">฿234.00</td>');
  });

  it('shows opening, totals, closing = opening + Σ lines, and pending apart', () => {
    const html = statementHtml(statement);
    expect(html).toContain('<tr class="opening"><td colspan="5">ยอดยกมา</td><td class="amount">฿1,000.00</td></tr>');
    expect(html).toContain('<td colspan="3">รวม</td><td class="amount">฿1,234.50</td><td class="amount">฿2,000.50</td>');
    expect(html).toContain('<tr class="closing"><td colspan="5">ยอดคงเหลือปลายงวด</td><td class="amount">฿234.00</td></tr>');
    expect(html).toContain('<dd class="amount closing-balance">฿234.00</dd>');
    expect(html).toContain('<dd class="amount pending">฿450.00</dd>');
  });

  it('escapes every text', () => {
    const html = statementHtml({
      ...statement,
      seller: { ...statement.seller, legal_name_th: '<script>alert("x")</script> & Co' },
      lines: [{ ...(lines[1] as StatementLine), description: '<img src=x onerror=alert(1)>', order_id: '"><b>' }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"><b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows opening = closing for a seller with no lines', () => {
    const html = statementHtml({ ...statement, lines: [], opening_minor: 98_765n });
    expect(html).toContain('ไม่มีรายการในรอบนี้');
    expect(html).toContain('<td colspan="5">ยอดยกมา</td><td class="amount">฿987.65</td>');
    expect(html).toContain('<td colspan="5">ยอดคงเหลือปลายงวด</td><td class="amount">฿987.65</td>');
  });

  it('shows a negative balance with its sign', () => {
    const html = statementHtml({ ...statement, opening_minor: 0n, lines: [{ ...(lines[0] as StatementLine) }] });
    expect(html).toContain('<td class="amount">-฿2,000.00</td></tr>');
  });

  it('is deterministic', () => {
    expect(statementHtml(statement)).toBe(statementHtml(structuredClone(statement)));
  });

  it('refuses lines outside the period or with the wrong sign, and a negative pending amount', () => {
    const release = lines[1] as StatementLine;
    expect(() => statementHtml({ ...statement, lines: [{ ...release, at: bangkok('2026-02-01T00:00:00') }] })).toThrow(/outside the period/);
    expect(() => statementHtml({ ...statement, lines: [{ ...release, amount_minor: -1n }] })).toThrow(/wrong sign/);
    expect(() => statementHtml({ ...statement, pending_minor: -1n })).toThrow(/pending/);
  });
});
