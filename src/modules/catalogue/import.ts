import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type FieldError, fail, ok, type Result } from '../../kernel/errors.js';
import type { Locale } from '../../kernel/i18n.js';
import { LIMITS } from '../../kernel/limits.js';
import type { ProductAttributes } from './schema.js';

/**
 * The bulk-import file format: one row per variant (SKU); rows that share a `product_key` are one
 * product, whose content is taken from its first row (later rows may repeat it or leave it blank).
 * Files are CSV (UTF-8 with or without BOM, or Windows-874/TIS-620 as Thai Excel saves it; comma,
 * semicolon or tab) or XLSX. Row numbers are the spreadsheet's own: the header is row 1.
 */

export interface ImportColumn {
  readonly name: string;
  readonly required: boolean;
  /** Product-level columns come from a group's first row; variant-level ones from every row. */
  readonly level: 'product' | 'variant';
  readonly help: Record<Locale, string>;
  readonly example: readonly [string, string];
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  col('sku', true, 'variant', ['รหัสสินค้า (SKU) ของร้าน ไม่ซ้ำกัน', '店铺自有SKU，不可重复', 'Your SKU, unique in your shop'], ['MG-DRY-100', 'MG-DRY-250']),
  col(
    'product_key',
    false,
    'product',
    [
      'แถวที่ใช้รหัสเดียวกันคือสินค้าเดียวกัน (หลายขนาด) ว่างได้ = ใช้ SKU',
      '相同编码的行为同一商品的不同规格；留空则用SKU',
      'Rows sharing it are one product (sizes); blank = the SKU',
    ],
    ['MANGO-DRY', 'MANGO-DRY'],
  ),
  col(
    'category_code',
    true,
    'product',
    ['รหัสหมวดหมู่ (ดู GET /categories)', '类目编码（见 GET /categories）', 'Category code (see GET /categories)'],
    ['food.dried_fruit', ''],
  ),
  col(
    'hs_code',
    true,
    'product',
    ['พิกัดศุลกากร HS 8 หรือ 10 หลัก (จุดได้)', 'HS编码，8位或10位（可带点）', 'HS code, 8 or 10 digits (dots allowed)'],
    ['0804.50.20', ''],
  ),
  col('title_th', true, 'product', ['ชื่อสินค้าภาษาไทย', '泰文标题', 'Title in Thai'], ['มะม่วงอบแห้ง น้ำดอกไม้', '']),
  col('title_zh', false, 'product', ['ชื่อภาษาจีน (ว่างได้ ระบบร่างให้)', '中文标题（可留空，系统起草）', 'Chinese title (blank: drafted for review)'], ['', '']),
  col('title_en', false, 'product', ['ชื่อภาษาอังกฤษ (ว่างได้ ระบบร่างให้)', '英文标题（可留空，系统起草）', 'English title (blank: drafted for review)'], ['', '']),
  col('description_th', false, 'product', ['รายละเอียดภาษาไทย', '泰文描述', 'Description in Thai'], ['มะม่วงน้ำดอกไม้อบแห้ง หวานธรรมชาติ', '']),
  col('description_zh', false, 'product', ['รายละเอียดภาษาจีน', '中文描述', 'Description in Chinese'], ['', '']),
  col('description_en', false, 'product', ['รายละเอียดภาษาอังกฤษ', '英文描述', 'Description in English'], ['', '']),
  col('ingredients_th', false, 'product', ['ส่วนประกอบ', '配料（泰文）', 'Ingredients (Thai)'], ['มะม่วง 95% น้ำตาล 5%', '']),
  col('allergens_th', false, 'product', ['สารก่อภูมิแพ้', '过敏原（泰文）', 'Allergens (Thai)'], ['', '']),
  col('storage_th', false, 'product', ['วิธีเก็บรักษา', '储存方式（泰文）', 'Storage (Thai)'], ['เก็บในที่แห้ง', '']),
  col('shelf_life_days', false, 'product', ['อายุการเก็บ (วัน)', '保质期（天）', 'Shelf life (days)'], ['365', '']),
  col(
    'certificates',
    false,
    'product',
    ['เลขใบรับรองที่ส่งไว้แล้ว คั่นด้วย ;', '已提交证书的编号，以 ; 分隔', 'Numbers of certificates you submitted, separated by ;'],
    ['', ''],
  ),
  col('price_thb', true, 'variant', ['ราคาขาย (บาท) เช่น 189.00', '售价（泰铢），如 189.00', 'Price in baht, e.g. 189.00'], ['89.00', '189.00']),
  col('export_price_thb', false, 'variant', ['ราคาส่งออก (บาท) ว่างได้', '出口价（泰铢），可留空', 'Export price in baht (optional)'], ['', '']),
  col('weight_g', true, 'variant', ['น้ำหนักรวมบรรจุภัณฑ์ (กรัม)', '含包装重量（克）', 'Shipping weight in grams'], ['120', '290']),
  col(
    'net_content',
    false,
    'variant',
    ['ปริมาณสุทธิ เช่น 100 g, 50 ml, 1 piece', '净含量，如 100 g、50 ml、1 piece', 'Net content, e.g. 100 g, 50 ml, 1 piece'],
    ['100 g', '250 g'],
  ),
  col('stock', false, 'variant', ['จำนวนคงคลัง (ตั้งค่าเป็นจำนวนนี้)', '库存数量（设为此数）', 'Stock on hand (set to this number)'], ['40', '25']),
  col('warehouse_code', false, 'variant', ['คลังสินค้า (ว่าง = SELLER)', '仓库（留空 = SELLER）', 'Warehouse (blank = SELLER)'], ['', '']),
];

function col(name: string, required: boolean, level: 'product' | 'variant', help: [string, string, string], example: [string, string]): ImportColumn {
  return { name, required, level, help: { th: help[0], zh: help[1], en: help[2] }, example };
}

const COLUMN_NAMES = new Set(IMPORT_COLUMNS.map((c) => c.name));
const PRODUCT_COLUMNS = IMPORT_COLUMNS.filter((c) => c.level === 'product' && c.name !== 'product_key').map((c) => c.name);

export interface SheetRow {
  /** The row number a spreadsheet shows (the header is row 1). */
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface Sheet {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: 'utf-8' | 'windows-874' | null;
  readonly rows: readonly SheetRow[];
}

/** The file is not one we can read as a whole: a file-level error, answered before any job starts. */
export function readFailure(code: string, params: Record<string, string | number> = {}, path = 'file'): Result<never> {
  return fail('invalid', 'import_file_invalid', { errors: [{ path, code, params }] });
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads an uploaded file: XLSX by its ZIP signature, otherwise CSV in UTF-8 or Windows-874. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Result<Sheet>> {
  if (bytes.length === 0) return readFailure('import_file_empty');
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return readXlsx(bytes);
  // Text has no NUL bytes; images, PDFs and other binaries do (or fail to decode as any Thai text).
  if (bytes.subarray(0, 65_536).includes(0)) return readFailure('file_not_spreadsheet');
  const { text, encoding } = decodeText(bytes);
  return readCsv(text, encoding);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise Windows-874 (TIS-620 and its superset). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-874' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-874'), encoding: 'windows-874' };
  }
}

function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const unquoted = first.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readCsv(text: string, encoding: 'utf-8' | 'windows-874'): Result<Sheet> {
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: sniffDelimiter(text), relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('CSV_')) return readFailure('csv_malformed', { line: line ?? 0 });
    throw error;
  }
  return toSheet('csv', encoding, records);
}

async function readXlsx(bytes: Uint8Array): Promise<Result<Sheet>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return readFailure('file_not_spreadsheet');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return readFailure('import_file_empty');
  if (sheet.rowCount > LIMITS.import_rows_max + 1) return readFailure('import_too_many_rows', { max: LIMITS.import_rows_max });
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell);
    });
    records[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return toSheet(
    'xlsx',
    null,
    Array.from(records, (r) => r ?? []),
  );
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value) return value.result === undefined ? '' : String(value.result);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return cell.text;
}

function toSheet(format: 'csv' | 'xlsx', encoding: Sheet['encoding'], records: readonly (readonly string[])[]): Result<Sheet> {
  const header = (records[0] ?? []).map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const unknown = header.filter((h) => h !== '' && !COLUMN_NAMES.has(h));
  if (unknown.length > 0) return readFailure('import_column_unknown', { columns: unknown.join(', ') });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) return readFailure('import_columns_missing', { columns: missing.join(', ') });
  const rows: SheetRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (record.every((v) => v.trim() === '')) continue;
    const values: Record<string, string> = {};
    header.forEach((name, j) => {
      if (name) values[name] = (record[j] ?? '').trim();
    });
    rows.push({ row: i + 1, values });
  }
  if (rows.length === 0) return readFailure('import_file_empty');
  if (rows.length > LIMITS.import_rows_max) return readFailure('import_too_many_rows', { max: LIMITS.import_rows_max });
  return ok({ format, encoding, rows });
}

// ——— rows into products ———

export type RowError = FieldError & { readonly row: number };

export interface ImportVariant {
  readonly row: number;
  readonly sku: string;
  readonly price_minor: bigint;
  readonly export_price_minor: bigint | null;
  readonly weight_g: number;
  readonly net_content: { amount: number; unit: 'g' | 'ml' | 'piece' } | null;
  /** The on-hand quantity to set, when the file says. */
  readonly stock: number | null;
  readonly warehouse_code: string;
}

export interface ImportProduct {
  readonly key: string;
  readonly rows: readonly number[];
  readonly category_code: string;
  readonly hs_code: string;
  readonly title: { th: string; zh?: string; en?: string };
  readonly description: { th: string; zh?: string; en?: string };
  readonly attributes: ProductAttributes;
  readonly certificate_numbers: readonly string[];
  readonly variants: readonly ImportVariant[];
}

/** Baht as typed in a spreadsheet ("1,250.50", "89") to satang; a third decimal is a fraction of a satang. */
export function parseBaht(text: string): Result<bigint> {
  const cleaned = text.replace(/[,\s฿]/g, '').replace(/บาท$|THB$/i, '');
  const match = /^(-?)(\d{1,12})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return fail('invalid', 'not_a_number');
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > 2) return fail('invalid', 'price_fraction');
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  const value = sign === '-' ? -minor : minor;
  if (value <= 0n) return fail('invalid', 'price_not_positive');
  return ok(value);
}

function parseCount(text: string, min: number, max: number): Result<number> {
  const cleaned = text.replace(/[,\s]/g, '');
  if (!/^-?\d+$/.test(cleaned)) return fail('invalid', 'not_a_whole_number');
  const n = Number(cleaned);
  if (n < min || n > max) return fail('invalid', 'number_out_of_range', { params: { min, max } });
  return ok(n);
}

const NET_CONTENT = /^(\d{1,7})\s*(g|ml|piece|pieces|pcs|กรัม|มล\.?|ชิ้น)$/i;
const UNIT_OF: Record<string, 'g' | 'ml' | 'piece'> = {
  g: 'g',
  ml: 'ml',
  piece: 'piece',
  pieces: 'piece',
  pcs: 'piece',
  กรัม: 'g',
  มล: 'ml',
  'มล.': 'ml',
  ชิ้น: 'piece',
};

/**
 * Checks every row on its own and groups rows into products. A product with one bad row is not
 * imported at all; its other rows are reported as held back by that row.
 */
export function productsFromRows(
  rows: readonly SheetRow[],
  warehouse_codes: readonly string[],
): { products: ImportProduct[]; errors: RowError[]; rows_total: number } {
  const errors: RowError[] = [];
  const groups = new Map<string, SheetRow[]>();
  const sku_rows = new Map<string, number>();
  for (const r of rows) {
    const sku = r.values.sku ?? '';
    const key = r.values.product_key || sku;
    const first_with_sku = sku ? sku_rows.get(sku.toLowerCase()) : undefined;
    if (first_with_sku !== undefined) errors.push({ row: r.row, path: 'sku', code: 'import_sku_repeated', params: { row: first_with_sku } });
    else if (sku) sku_rows.set(sku.toLowerCase(), r.row);
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const products: ImportProduct[] = [];
  for (const [key, group] of groups) {
    const group_errors: RowError[] = [];
    const first = group[0] as SheetRow;
    const v = first.values;
    const err = (row: number, path: string, code: string, params?: Record<string, string | number>) =>
      group_errors.push({ row, path, code, ...(params ? { params } : {}) });
    for (const r of group.slice(1)) {
      for (const name of PRODUCT_COLUMNS) {
        const value = r.values[name] ?? '';
        if (value !== '' && value !== (v[name] ?? '')) err(r.row, name, 'import_group_mismatch', { row: first.row });
      }
    }
    if (!v.category_code) err(first.row, 'category_code', 'required');
    if (!v.hs_code) err(first.row, 'hs_code', 'required');
    if (!v.title_th) err(first.row, 'title_th', 'required');
    for (const name of ['title_th', 'title_zh', 'title_en'] as const) {
      if ((v[name] ?? '').length > LIMITS.string_short_chars) err(first.row, name, 'too_long', { max: LIMITS.string_short_chars });
    }
    for (const name of ['description_th', 'description_zh', 'description_en', 'ingredients_th', 'allergens_th', 'storage_th'] as const) {
      if ((v[name] ?? '').length > LIMITS.string_long_chars) err(first.row, name, 'too_long', { max: LIMITS.string_long_chars });
    }
    let shelf_life_days: number | undefined;
    if (v.shelf_life_days) {
      const n = parseCount(v.shelf_life_days, 1, 3650);
      if (n.ok) shelf_life_days = n.value;
      else err(first.row, 'shelf_life_days', n.error.code, n.error.params);
    }
    if (group.length > 50) err(first.row, 'product_key', 'import_too_many_variants', { max: 50 });
    const variants: ImportVariant[] = [];
    for (const r of group) {
      const rv = r.values;
      const row_errors = group_errors.length;
      if (!rv.sku) err(r.row, 'sku', 'required');
      else if (rv.sku.length > 64) err(r.row, 'sku', 'too_long', { max: 64 });
      const price = rv.price_thb ? parseBaht(rv.price_thb) : fail<bigint>('invalid', 'required');
      if (!price.ok) err(r.row, 'price_thb', price.error.code);
      const export_price = rv.export_price_thb ? parseBaht(rv.export_price_thb) : ok(null);
      if (!export_price.ok) err(r.row, 'export_price_thb', export_price.error.code);
      const weight = rv.weight_g ? parseCount(rv.weight_g, 1, 1_000_000) : fail<number>('invalid', 'required');
      if (!weight.ok) err(r.row, 'weight_g', weight.error.code, weight.error.params);
      let net_content: ImportVariant['net_content'] = null;
      if (rv.net_content) {
        const m = NET_CONTENT.exec(rv.net_content);
        const unit = m ? UNIT_OF[(m[2] ?? '').toLowerCase()] : undefined;
        if (m && unit && Number(m[1]) > 0) net_content = { amount: Number(m[1]), unit };
        else err(r.row, 'net_content', 'net_content_format');
      }
      let stock: number | null = null;
      if (rv.stock) {
        const n = parseCount(rv.stock, 0, 1_000_000);
        if (n.ok) stock = n.value;
        else err(r.row, 'stock', n.error.code, n.error.params);
      }
      const warehouse_code = rv.warehouse_code || 'SELLER';
      if (!warehouse_codes.includes(warehouse_code)) err(r.row, 'warehouse_code', 'warehouse_unknown');
      if (group_errors.length === row_errors && price.ok && export_price.ok && weight.ok) {
        variants.push({
          row: r.row,
          sku: rv.sku as string,
          price_minor: price.value,
          export_price_minor: export_price.value,
          weight_g: weight.value,
          net_content,
          stock,
          warehouse_code,
        });
      }
    }
    if (group_errors.length > 0) {
      errors.push(...group_errors);
      const bad = new Set(group_errors.map((e) => e.row));
      for (const r of group) {
        if (!bad.has(r.row)) errors.push({ row: r.row, path: 'product_key', code: 'import_held_back', params: { rows: [...bad].join(', ') } });
      }
      continue;
    }
    const localized = (th: string, zh?: string, en?: string) => ({ th, ...(zh ? { zh } : {}), ...(en ? { en } : {}) });
    products.push({
      key,
      rows: group.map((r) => r.row),
      category_code: v.category_code as string,
      hs_code: v.hs_code as string,
      title: localized(v.title_th as string, v.title_zh, v.title_en),
      description: localized(v.description_th ?? '', v.description_zh, v.description_en),
      attributes: {
        ...(v.ingredients_th ? { ingredients: { th: v.ingredients_th } } : {}),
        ...(v.allergens_th ? { allergens: { th: v.allergens_th } } : {}),
        ...(v.storage_th ? { storage: { th: v.storage_th } } : {}),
        ...(shelf_life_days !== undefined ? { shelf_life_days } : {}),
      },
      certificate_numbers: (v.certificates ?? '')
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean),
      variants,
    });
  }
  // Rows that repeat a SKU are refused on their own; the product they sit in is held back.
  const repeated = new Set(errors.filter((e) => e.code === 'import_sku_repeated').map((e) => e.row));
  const kept = products.filter((p) => !p.rows.some((r) => repeated.has(r)));
  for (const p of products) {
    if (kept.includes(p)) continue;
    for (const r of p.rows)
      if (!repeated.has(r))
        errors.push({ row: r, path: 'product_key', code: 'import_held_back', params: { rows: p.rows.filter((x) => repeated.has(x)).join(', ') } });
  }
  errors.sort((a, b) => a.row - b.row);
  return { products: kept, errors, rows_total: rows.length };
}

// ——— the template ———

/** The template as a seller downloads it: the header, two example rows (one product in two sizes). */
export async function importTemplate(format: 'csv' | 'xlsx', encoding: 'utf-8' | 'windows-874', locale: Locale): Promise<Buffer> {
  const header = IMPORT_COLUMNS.map((c) => c.name);
  const examples = [0, 1].map((i) => IMPORT_COLUMNS.map((c) => c.example[i] ?? ''));
  if (format === 'csv') {
    const text = stringifyCsv([header, ...examples], { record_delimiter: 'windows' });
    return encoding === 'windows-874' ? iconv.encode(text, 'windows-874') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('products');
  sheet.addRow(header).font = { bold: true };
  for (const e of examples) sheet.addRow(e);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const help = workbook.addWorksheet(locale === 'th' ? 'คำอธิบาย' : locale === 'zh' ? '说明' : 'help');
  help.addRow(['column', 'required', locale]).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([c.name, c.required ? '✓' : '', c.help[locale]]);
  help.getColumn(1).width = 20;
  help.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
