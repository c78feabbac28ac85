import { crc16ccitt } from 'crc';

/**
 * Thai QR payment payloads (EMVCo merchant-presented mode; domain.md §3). A payload is a list of
 * data objects, each two-digit tag + two-digit length + value; tag 00 comes first and the CRC (tag 63,
 * CRC-16/CCITT-FALSE over everything before it including "6304") last. Amounts are integer satang.
 */

function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new Error(`EMVCo value of tag ${tag} is longer than 99 characters`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** The CRC as four upper-case hex digits. */
export function crc16(text: string): string {
  return crc16ccitt(text).toString(16).toUpperCase().padStart(4, '0');
}

function withCrc(body: string): string {
  const head = `${body}6304`;
  return `${head}${crc16(head)}`;
}

/** Satang as the two-decimal string tag 54 carries ("1250.50"); never through a float. */
export function formatAmount(satang: bigint): string {
  const whole = satang / 100n;
  const cents = satang % 100n;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

const AID_TRANSFER = 'A000000677010111';
const AID_BILL = 'A000000677010112';

/**
 * A PromptPay credit-transfer payload (tag 29) to a phone, national/tax ID or e-wallet, with the
 * target normalised as the reference implementation does (§3.4). No amount (or zero) is a static QR.
 */
export function transferPayload(target: string, amount_satang?: bigint | null): string {
  const digits = target.replace(/\D/g, '');
  let account: string;
  if (digits.length >= 15) account = tlv('03', digits);
  else if (digits.length >= 13) account = tlv('02', digits);
  else account = tlv('01', digits.replace(/^0/, '66').padStart(13, '0'));
  const dynamic = amount_satang !== undefined && amount_satang !== null && amount_satang > 0n;
  return withCrc(
    [
      tlv('00', '01'),
      tlv('01', dynamic ? '12' : '11'),
      tlv('29', tlv('00', AID_TRANSFER) + account),
      tlv('58', 'TH'),
      tlv('53', '764'),
      dynamic ? tlv('54', formatAmount(amount_satang)) : '',
    ].join(''),
  );
}

/**
 * A bill-payment payload (tag 30): the platform's biller ID and the payment reference as ref1 (the
 * bank sends both back with the payment), an optional ref2, and ref3 in tag 62's terminal label.
 */
export function billPaymentPayload(input: { biller_id: string; ref1: string; ref2?: string; ref3?: string; amount_satang?: bigint | null }): string {
  const dynamic = input.amount_satang !== undefined && input.amount_satang !== null && input.amount_satang > 0n;
  const merchant = tlv('00', AID_BILL) + tlv('01', input.biller_id) + tlv('02', input.ref1) + (input.ref2 ? tlv('03', input.ref2) : '');
  return withCrc(
    [
      tlv('00', '01'),
      tlv('01', dynamic ? '12' : '11'),
      tlv('30', merchant),
      tlv('53', '764'),
      tlv('58', 'TH'),
      dynamic ? tlv('54', formatAmount(input.amount_satang as bigint)) : '',
      input.ref3 ? tlv('62', tlv('07', input.ref3)) : '',
    ].join(''),
  );
}
