import { toSVG } from 'bwip-js';
import { assert } from '../../kernel/assert.js';

/**
 * Printable labels (100 × 60 mm, the common thermal-label size) as SVG, with a Code 128 barcode: it
 * encodes all printable ASCII and every warehouse scanner reads it. Output depends only on the input,
 * so a reprint is byte-identical to the first print.
 */
export type LabelKind = 'sku' | 'bin' | 'carton' | 'parcel' | 'consignment';

export interface LabelInput {
  kind: LabelKind;
  /** What the barcode encodes: printable ASCII, at most LABEL_CODE_MAX_CHARS. */
  code: string;
  /** Human-readable lines under the code (Thai, Chinese or English), at most LABEL_LINES_MAX. */
  lines: string[];
}

/** At 48 characters a module is still 0.16 mm wide, above the 0.125 mm dot of a 203 dpi label printer. */
export const LABEL_CODE_MAX_CHARS = 48;
export const LABEL_LINES_MAX = 6;
export const LABEL_LINE_MAX_CHARS = 120;
export const LABEL_SHEET_MAX = 1_000;

const FONT_FAMILY = 'Noto Sans Thai, Noto Sans CJK SC, sans-serif';
const WIDTH_MM = 100;
const HEIGHT_MM = 60;
const MARGIN_MM = 5;
const TEXT_WIDTH_MM = WIDTH_MM - 2 * MARGIN_MM;
const BARCODE_TOP_MM = 7;
const BARCODE_HEIGHT_MM = 18;
/** Wide enough for any scanner; also makes the 5 mm margin a full 10-module quiet zone. */
const MODULE_MAX_MM = 0.5;
const CODE_BASELINE_MM = 30;
const CODE_SIZE_MM = 4;
const LINE_FIRST_BASELINE_MM = 35.5;
const LINE_STEP_MM = 4.3;
const LINE_SIZE_MM = 3.2;

const KIND_CAPTION: Record<LabelKind, string> = { sku: 'SKU', bin: 'BIN', carton: 'CARTON', parcel: 'PARCEL', consignment: 'CONSIGNMENT' };

/** The bare Code 128 barcode (bars and a 10-module quiet zone each side), sized in pixels for screen previews. */
export function barcodeSvg(code: string): string {
  checkCode(code);
  return toSVG({ bcid: 'code128', text: code, scale: 2, height: 15, paddingwidth: 10 });
}

/** One standalone SVG document: the barcode, the code in text under it, then the lines. */
export function labelSvg(input: LabelInput): string {
  checkCode(input.code);
  if (input.lines.length > LABEL_LINES_MAX) throw new Error(`a label has at most ${LABEL_LINES_MAX} lines, got ${input.lines.length}`);
  for (const line of input.lines) {
    if ([...line].length > LABEL_LINE_MAX_CHARS) throw new Error(`a label line has at most ${LABEL_LINE_MAX_CHARS} characters`);
  }
  const lines = input.lines.map((line, i) => textLine(line, LINE_FIRST_BASELINE_MM + i * LINE_STEP_MM, LINE_SIZE_MM, ''));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH_MM}mm" height="${HEIGHT_MM}mm" viewBox="0 0 ${WIDTH_MM} ${HEIGHT_MM}" font-family="${FONT_FAMILY}" data-kind="${input.kind}">`,
    `<rect width="${WIDTH_MM}" height="${HEIGHT_MM}" fill="#fff"/>`,
    `<text x="${MARGIN_MM}" y="5" font-size="2.8" font-weight="bold" letter-spacing="0.3">${KIND_CAPTION[input.kind]}</text>`,
    labelBars(input.code),
    textLine(input.code, CODE_BASELINE_MM, CODE_SIZE_MM, ' font-weight="bold"'),
    ...lines,
    '</svg>',
  ].join('\n');
}

/** A printable page, one label per 100 × 60 mm page, for printing a batch of carton or parcel labels. */
export function labelSheetHtml(title: string, labels: LabelInput[]): string {
  if (labels.length === 0) throw new Error('a label sheet needs at least one label');
  if (labels.length > LABEL_SHEET_MAX) throw new Error(`a label sheet holds at most ${LABEL_SHEET_MAX} labels, got ${labels.length}`);
  const pages = labels.map((label) => `<section class="label">\n${labelSvg(label)}\n</section>`);
  return [
    '<!doctype html>',
    '<html lang="th">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeText(title)}</title>`,
    '<style>',
    '@page { size: 100mm 60mm; margin: 0; }',
    'html, body { margin: 0; padding: 0; }',
    '.label { width: 100mm; height: 60mm; overflow: hidden; break-after: page; page-break-after: always; }',
    '.label:last-child { break-after: auto; page-break-after: auto; }',
    '.label svg { display: block; }',
    '@media screen { body { background: #e5e5e5; } .label { margin: 4mm auto; background: #fff; } }',
    '</style>',
    '</head>',
    '<body>',
    ...pages,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function checkCode(code: string): void {
  if (code.trim() === '') throw new Error('a barcode code must not be empty');
  if (!/^[\x20-\x7E]*$/.test(code)) throw new Error('a barcode code must be printable ASCII (space to ~)');
  if (code.length > LABEL_CODE_MAX_CHARS) throw new Error(`a barcode code has at most ${LABEL_CODE_MAX_CHARS} characters, got ${code.length}`);
}

/** bwip-js draws one pixel per module at scale 1; the bars are nested in a viewport sized in mm. */
function labelBars(code: string): string {
  const svg = toSVG({ bcid: 'code128', text: code, scale: 1, height: 10 });
  const match = /^<svg viewBox="0 0 (\d+) (\d+)" xmlns="http:\/\/www\.w3\.org\/2000\/svg">\n([\s\S]*)<\/svg>\s*$/.exec(svg);
  assert(match, 'bwip-js toSVG output changed shape');
  const [, modules, height, bars] = match;
  const width_mm = Math.min(TEXT_WIDTH_MM, Number(modules) * MODULE_MAX_MM);
  return (
    `<svg x="${mm((WIDTH_MM - width_mm) / 2)}" y="${BARCODE_TOP_MM}" width="${mm(width_mm)}" height="${BARCODE_HEIGHT_MM}" ` +
    `viewBox="0 0 ${modules} ${height}" preserveAspectRatio="none" shape-rendering="crispEdges">\n${bars}</svg>`
  );
}

/** A centred line; one estimated wider than the label is squeezed to fit rather than cut off. */
function textLine(text: string, baseline_mm: number, size_mm: number, attributes: string): string {
  const fit = estimateWidth_em(text) * size_mm > TEXT_WIDTH_MM ? ` textLength="${TEXT_WIDTH_MM}" lengthAdjust="spacingAndGlyphs"` : '';
  return `<text x="${WIDTH_MM / 2}" y="${mm(baseline_mm)}" font-size="${size_mm}" text-anchor="middle"${attributes}${fit}>${escapeText(text)}</text>`;
}

/**
 * Advance width in em without font metrics: CJK and fullwidth forms 1, Thai vowel and tone marks 0
 * (they stack on their consonant), anything else 0.6 (a little wider than the Latin average).
 */
function estimateWidth_em(text: string): number {
  let width_em = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp === 0x0e31 || (cp >= 0x0e34 && cp <= 0x0e3a) || (cp >= 0x0e47 && cp <= 0x0e4e)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    width_em += wide ? 1 : 0.6;
  }
  return width_em;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for XML and HTML: markup characters escaped, and characters XML 1.0 forbids (control
 * characters, lone surrogates) replaced by U+FFFD, so a stray byte in a product name cannot break the document.
 * The `xss` dependency's escapeHtml only escapes `<` and `>`, which is not enough for attributes or `&`.
 */
function escapeText(text: string): string {
  let safe = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
    safe += allowed ? char : '\uFFFD';
  }
  return safe.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Coordinates to at most two decimals, so float noise never reaches the output. */
function mm(value: number): string {
  return String(Math.round(value * 100) / 100);
}
