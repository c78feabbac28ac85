import { stringify } from 'csv-stringify/sync';
import { assert } from '../../kernel/assert.js';
import { money, toDecimalString } from '../../kernel/money.js';

/**
 * Documents settlement hands to the outside: the bulk-credit file a bank pays sellers from, and the
 * statement a seller keeps. Pure functions of their input; every amount is integer satang to the
 * last digit (domain.md §8), never a float.
 */

/** One bulk file; banks' own caps differ (unconfirmed), so this is ours. */
export const PAYOUT_FILE_MAX_ITEMS = 50_000;
export const PAYOUT_REFERENCE_MAX_CHARS = 20;
export const PAYOUT_PAYEE_NAME_MAX_CHARS = 100;
export const STATEMENT_MAX_LINES = 10_000;

export interface PayoutFileItem {
  /** Unique in the file, e.g. `pot_…:slr_…` shortened by the caller; printable ASCII. */
  reference: string;
  payee_name: string;
  kind: 'promptpay' | 'bank_account';
  /** Required for `promptpay`, absent for `bank_account`. */
  promptpay_kind?: 'mobile' | 'national_id' | 'ewallet';
  /** Three digits; required for `bank_account`, absent for `promptpay`. */
  bank_code?: string;
  /** The full number, digits only. */
  account: string;
  /** Satang, positive. */
  amount_minor: bigint;
}

export interface BankBulkFileInput {
  run_id: string;
  value_date: Date;
  company_account: string;
  items: PayoutFileItem[];
}

/** PromptPay proxy lengths (domain.md §4.6); bank account lengths are unconfirmed, so only digits are checked. */
const PROMPTPAY: Record<NonNullable<PayoutFileItem['promptpay_kind']>, { type: string; pattern: RegExp }> = {
  mobile: { type: 'PROMPTPAY_MOBILE', pattern: /^0\d{9}$/ },
  national_id: { type: 'PROMPTPAY_NATIONAL_ID', pattern: /^\d{13}$/ },
  ewallet: { type: 'PROMPTPAY_EWALLET', pattern: /^\d{15}$/ },
};

/**
 * A generic Thai bulk-credit CSV: `H,company account,value date YYYYMMDD (Bangkok),count,total,run id`,
 * then `D,sequence,reference,payee name,destination type,account,amount,THB` per item, where the
 * destination type is the 3-digit bank code or `PROMPTPAY_MOBILE | PROMPTPAY_NATIONAL_ID | PROMPTPAY_EWALLET`,
 * then `T,count,total`. Amounts have two decimals.
 *
 * Every bank's real format (KBank, SCB, BBL, KTB …) is proprietary and differs in record layout,
 * field widths and encoding; this layout is what a bank adapter translates from, not an upload file.
 * UTF-8 with a BOM and CRLF, so Excel in Thailand opens the Thai names correctly. Excel drops leading
 * zeros from accounts it shows, so a file saved back from Excel must not be used.
 *
 * Throws on anything a bank would pay wrongly or refuse: a non-positive amount, a non-digit account,
 * a bank account without a 3-digit bank code, a duplicate reference.
 */
export function bankBulkCsv(input: BankBulkFileInput): string {
  const { items } = input;
  if (!/^\d+$/.test(input.company_account)) throw new Error('company account must be digits');
  checkPlainText(input.run_id, 'run_id', 64);
  if (!/^[\x21-\x7E]+$/.test(input.run_id)) throw new Error('run_id must be printable ASCII without spaces');
  if (items.length === 0) throw new Error('a payout file needs at least one item');
  if (items.length > PAYOUT_FILE_MAX_ITEMS) throw new Error(`a payout file holds at most ${PAYOUT_FILE_MAX_ITEMS} items, got ${items.length}`);
  const references = new Set<string>();
  let total_minor = 0n;
  const details = items.map((item, i) => {
    const label = `payout item ${i + 1} (${item.reference})`;
    const destination = checkItem(item, label);
    if (references.has(item.reference)) throw new Error(`${label}: duplicate reference`);
    references.add(item.reference);
    total_minor += item.amount_minor;
    return ['D', String(i + 1), item.reference, item.payee_name, destination, item.account, baht(item.amount_minor), 'THB'];
  });
  const count = String(items.length);
  const header = ['H', input.company_account, bangkokDate(input.value_date), count, baht(total_minor), input.run_id];
  return stringify([header, ...details, ['T', count, baht(total_minor)]], { bom: true, record_delimiter: 'windows' });
}

/** Checks one item and returns its destination type: the bank code or the PromptPay proxy type. */
function checkItem(item: PayoutFileItem, label: string): string {
  checkPlainText(item.reference, `${label} reference`, PAYOUT_REFERENCE_MAX_CHARS);
  if (!/^[\x21-\x7E]+$/.test(item.reference)) throw new Error(`${label}: reference must be printable ASCII without spaces`);
  checkPlainText(item.payee_name, `${label} payee name`, PAYOUT_PAYEE_NAME_MAX_CHARS);
  if (item.amount_minor <= 0n) throw new Error(`${label}: amount must be positive, got ${item.amount_minor} satang`);
  if (!/^\d+$/.test(item.account)) throw new Error(`${label}: account must be digits only`);
  if (item.kind === 'bank_account') {
    if (item.bank_code === undefined || !/^\d{3}$/.test(item.bank_code)) throw new Error(`${label}: a bank account needs a 3-digit bank code`);
    if (item.promptpay_kind !== undefined) throw new Error(`${label}: a bank account takes no PromptPay kind`);
    return item.bank_code;
  }
  if (item.promptpay_kind === undefined) throw new Error(`${label}: a PromptPay item needs its kind (mobile, national_id or ewallet)`);
  if (item.bank_code !== undefined) throw new Error(`${label}: a PromptPay item takes no bank code`);
  const proxy = PROMPTPAY[item.promptpay_kind];
  if (!proxy.pattern.test(item.account)) throw new Error(`${label}: not a valid PromptPay ${item.promptpay_kind}`);
  return proxy.type;
}

/**
 * Refuses blank or overlong text, control characters (banks reject them) and a leading = + - @,
 * which Excel would run as a formula (CSV injection); refusing keeps the payee name exactly as verified.
 */
function checkPlainText(text: string, label: string, max_chars: number): void {
  if (text.trim() === '') throw new Error(`${label} must not be empty`);
  if ([...text].length > max_chars) throw new Error(`${label} has at most ${max_chars} characters`);
  if (/\p{Cc}/u.test(text)) throw new Error(`${label} must not contain control characters`);
  if (/^[=+\-@]/.test(text)) throw new Error(`${label} must not start with = + - or @`);
}

function baht(amount_minor: bigint): string {
  return toDecimalString(money(amount_minor, 'THB'));
}

const BANGKOK_YMD = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  calendar: 'gregory',
  numberingSystem: 'latn',
});

function bangkokDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new Error('value date is not a valid date');
  const parts = Object.fromEntries(BANGKOK_YMD.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts['year']}${parts['month']}${parts['day']}`;
}

export interface StatementLine {
  at: Date;
  kind: 'release' | 'payout' | 'payout_returned' | 'adjustment';
  description: string;
  order_id?: string;
  /** Signed satang: + credit to the seller, − debit. */
  amount_minor: bigint;
}

export interface StatementInput {
  seller: { id: string; legal_name_th: string; tax_id_masked: string; payout_masked: string };
  /** Both ends inclusive: `to` is the last instant covered (e.g. 23:59:59.999 Bangkok time). */
  period: { from: Date; to: Date };
  opening_minor: bigint;
  lines: StatementLine[];
  /** Held in escrow, not yet available: shown apart, not part of the balance. */
  pending_minor: bigint;
  generated_at: Date;
}

const KIND_TH: Record<StatementLine['kind'], string> = {
  release: 'เงินจากคำสั่งซื้อ',
  payout: 'โอนเงินให้ผู้ขาย',
  payout_returned: 'เงินโอนถูกตีกลับ',
  adjustment: 'ปรับปรุงรายการ',
};

/** The sign each kind must carry; a line with the wrong sign is a bug upstream. */
const KIND_SIGN: Record<StatementLine['kind'], (amount_minor: bigint) => boolean> = {
  release: (a) => a > 0n,
  payout: (a) => a < 0n,
  payout_returned: (a) => a > 0n,
  adjustment: (a) => a !== 0n,
};

interface StatementRow {
  line: StatementLine;
  balance_minor: bigint;
}

/**
 * The seller's statement as a printable A4 page in Thai: lines in time order with a running balance,
 * closing = opening + Σ lines (checked against credits − debits), and the pending amount beside it.
 */
export function statementHtml(s: StatementInput): string {
  const { from, to } = s.period;
  assert(!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) && from <= to, 'statement period must be valid and from ≤ to');
  assert(s.lines.length <= STATEMENT_MAX_LINES, `a statement holds at most ${STATEMENT_MAX_LINES} lines`);
  assert(s.pending_minor >= 0n, 'pending amount must not be negative');
  // A stable sort: lines at the same instant keep the caller's order.
  const lines = [...s.lines].sort((a, b) => a.at.getTime() - b.at.getTime());
  let balance_minor = s.opening_minor;
  let credits_minor = 0n;
  let debits_minor = 0n;
  const rows: StatementRow[] = lines.map((line) => {
    assert(line.at >= from && line.at <= to, `statement line at ${line.at.toISOString()} is outside the period`);
    assert(KIND_SIGN[line.kind](line.amount_minor), `statement line ${line.kind} has the wrong sign: ${line.amount_minor}`);
    balance_minor += line.amount_minor;
    if (line.amount_minor > 0n) credits_minor += line.amount_minor;
    else debits_minor -= line.amount_minor;
    return { line, balance_minor };
  });
  const closing_minor = s.opening_minor + lines.reduce((total, line) => total + line.amount_minor, 0n);
  assert(closing_minor === balance_minor && closing_minor === s.opening_minor + credits_minor - debits_minor, 'statement closing balance does not add up');
  return statementPage(s, rows, { credits_minor, debits_minor, closing_minor });
}

function statementPage(s: StatementInput, rows: StatementRow[], totals: { credits_minor: bigint; debits_minor: bigint; closing_minor: bigint }): string {
  const body =
    rows.length === 0
      ? '<tr><td colspan="6" class="empty">ไม่มีรายการในรอบนี้</td></tr>'
      : rows.map(({ line, balance_minor }) => statementRow(line, balance_minor)).join('\n');
  const title = 'ใบแจ้งยอดบัญชีผู้ขาย';
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${title} ${escapeHtml(s.seller.legal_name_th)}</title>
<style>${STATEMENT_CSS}</style>
</head>
<body>
<h1>${title}</h1>
<dl>
<dt>ผู้ขาย</dt><dd>${escapeHtml(s.seller.legal_name_th)}</dd>
<dt>รหัสผู้ขาย</dt><dd>${escapeHtml(s.seller.id)}</dd>
<dt>เลขประจำตัวผู้เสียภาษี</dt><dd>${escapeHtml(s.seller.tax_id_masked)}</dd>
<dt>บัญชีรับเงิน</dt><dd>${escapeHtml(s.seller.payout_masked)}</dd>
<dt>รอบบัญชี</dt><dd>${THAI_DATE_LONG.format(s.period.from)} – ${THAI_DATE_LONG.format(s.period.to)}</dd>
<dt>ออกเมื่อ</dt><dd>${THAI_DATE_TIME.format(s.generated_at)} น.</dd>
</dl>
<table>
<thead><tr><th>วันที่</th><th>รายการ</th><th>คำสั่งซื้อ</th><th class="amount">เงินเข้า</th><th class="amount">เงินออก</th><th class="amount">คงเหลือ</th></tr></thead>
<tbody>
<tr class="opening"><td colspan="5">ยอดยกมา</td><td class="amount">${formatBaht(s.opening_minor)}</td></tr>
${body}
<tr class="total"><td colspan="3">รวม</td><td class="amount">${formatBaht(totals.credits_minor)}</td><td class="amount">${formatBaht(totals.debits_minor)}</td><td></td></tr>
<tr class="closing"><td colspan="5">ยอดคงเหลือปลายงวด</td><td class="amount">${formatBaht(totals.closing_minor)}</td></tr>
</tbody>
</table>
<dl class="summary">
<dt>ยอดยกมา</dt><dd class="amount">${formatBaht(s.opening_minor)}</dd>
<dt>ยอดคงเหลือปลายงวด</dt><dd class="amount closing-balance">${formatBaht(totals.closing_minor)}</dd>
<dt>ยอดรอปล่อย (ยังถอนไม่ได้)</dt><dd class="amount pending">${formatBaht(s.pending_minor)}</dd>
</dl>
<p class="note">ยอดรอปล่อยคือเงินจากคำสั่งซื้อที่ยังอยู่ระหว่างพักเงิน ไม่รวมอยู่ในยอดคงเหลือ</p>
</body>
</html>
`;
}

function statementRow(line: StatementLine, balance_minor: bigint): string {
  const credit = line.amount_minor > 0n ? formatBaht(line.amount_minor) : '';
  const debit = line.amount_minor < 0n ? formatBaht(-line.amount_minor) : '';
  const description = `<span class="kind">${KIND_TH[line.kind]}</span> ${escapeHtml(line.description)}`;
  return `<tr><td>${THAI_DATE_SHORT.format(line.at)}</td><td>${description}</td><td>${escapeHtml(line.order_id ?? '')}</td><td class="amount">${credit}</td><td class="amount">${debit}</td><td class="amount">${formatBaht(balance_minor)}</td></tr>`;
}

const STATEMENT_CSS = `
@page { size: A4; margin: 15mm 12mm; }
body { font-family: 'Noto Sans Thai', Sarabun, sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
dl { display: grid; grid-template-columns: max-content auto; gap: 1mm 6mm; margin: 0 0 5mm; }
dt { color: #555; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 1.5mm 2mm; border-bottom: 0.2mm solid #ccc; text-align: left; vertical-align: top; }
th { border-bottom: 0.4mm solid #111; }
.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.kind { color: #555; }
.opening td, .total td, .closing td { font-weight: bold; }
.closing td { border-top: 0.4mm solid #111; }
.empty { text-align: center; color: #555; }
.summary { margin-top: 6mm; grid-template-columns: max-content 40mm; }
.note { color: #555; font-size: 9pt; }
@media screen { body { max-width: 186mm; margin: 10mm auto; } }
@media print { thead { display: table-header-group; } tr { break-inside: avoid; } }
`;

const THAI_DATE = { timeZone: 'Asia/Bangkok', numberingSystem: 'latn' } as const;
const THAI_DATE_LONG = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { ...THAI_DATE, day: 'numeric', month: 'long', year: 'numeric' });
const THAI_DATE_SHORT = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { ...THAI_DATE, day: 'numeric', month: 'short', year: 'numeric' });
const THAI_DATE_TIME = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { ...THAI_DATE, dateStyle: 'long', timeStyle: 'short' });
const GROUPED = new Intl.NumberFormat('th-TH', { numberingSystem: 'latn', useGrouping: true });

/** "฿1,234.50", "-฿12.00": baht grouped by Intl on a bigint, satang by integer arithmetic. */
export function formatBaht(amount_minor: bigint): string {
  const negative = amount_minor < 0n;
  const abs = negative ? -amount_minor : amount_minor;
  return `${negative ? '-' : ''}฿${GROUPED.format(abs / 100n)}.${(abs % 100n).toString().padStart(2, '0')}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** All five markup characters: `xss`'s escapeHtml only escapes `<` and `>`, which leaves `&` and quotes open. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
