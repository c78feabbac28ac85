import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'promptparse';
import { describe, expect, it } from 'vitest';
import { billPaymentPayload, crc16, formatAmount, transferPayload } from './promptpay.js';

/** The shared vectors (→ promptpay, promptpay_bill_payment, crc16), and every payload parsed back by an independent parser. */
type Vector = { id: string; input: Record<string, string | number | null>; expected_payload: string };
const vectors = JSON.parse(readFileSync(new URL('../../../../shared/data/test-vectors.json', import.meta.url), 'utf8')) as {
  promptpay: Vector[];
  promptpay_bill_payment: Vector[];
  crc16: { input: string; expected_hex: string }[];
};
const satang = (amount: unknown) => (typeof amount === 'number' ? BigInt(Math.round(amount * 100)) : null);

describe('CRC-16/CCITT-FALSE', () => {
  for (const v of vectors.crc16) it(v.input, () => expect(crc16(v.input)).toBe(v.expected_hex));
});

describe('PromptPay transfer (tag 29)', () => {
  for (const v of vectors.promptpay) {
    it(v.id, () => {
      const payload = transferPayload(String(v.input.target), satang(v.input.amount));
      expect(payload).toBe(v.expected_payload);
      const parsed = parse(payload, true);
      expect(parsed, 'the independent parser accepts the CRC').not.toBeNull();
      expect(parsed?.getTagValue('58')).toBe('TH');
      expect(parsed?.getTagValue('53')).toBe('764');
    });
  }
});

describe('PromptPay bill payment (tag 30)', () => {
  for (const v of vectors.promptpay_bill_payment) {
    it(v.id, () => {
      const i = v.input as { billerId: string; ref1: string; ref2?: string; ref3?: string; amount?: number };
      const payload = billPaymentPayload({
        biller_id: i.billerId,
        ref1: i.ref1,
        ...(i.ref2 ? { ref2: i.ref2 } : {}),
        ...(i.ref3 ? { ref3: i.ref3 } : {}),
        amount_satang: satang(i.amount),
      });
      expect(payload).toBe(v.expected_payload);
      const parsed = parse(payload, true);
      expect(parsed?.getTagValue('30', '01')).toBe(i.billerId);
      expect(parsed?.getTagValue('30', '02')).toBe(i.ref1);
    });
  }

  it('any amount and reference round-trip through the independent parser', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 99_999_999_99n }), fc.stringMatching(/^[A-Z0-9]{1,20}$/), (amount, ref1) => {
        const parsed = parse(billPaymentPayload({ biller_id: '010753600010286', ref1, amount_satang: amount }), true);
        return parsed?.getTagValue('54') === formatAmount(amount) && parsed.getTagValue('30', '02') === ref1 && parsed.getTagValue('01') === '12';
      }),
    );
  });
});
