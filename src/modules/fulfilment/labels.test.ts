import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { barcodeSvg, type LabelInput, labelSheetHtml, labelSvg } from './labels.js';

const carton: LabelInput = {
  kind: 'carton',
  code: 'CTN-01J9Z3K7Q2',
  lines: ['ข้าวกล้องหอมมะลิ 1 กก. × 12', '茉莉香糙米 1公斤 × 12', 'Jasmine brown rice <organic> & "fresh"'],
};

function expectValidXml(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
}

describe('labelSvg', () => {
  it('is one well-formed SVG document of 100 × 60 mm', () => {
    const svg = labelSvg(carton);
    expectValidXml(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="100mm" height="60mm" viewBox="0 0 100 60" /);
    expect(svg).toContain('font-family="Noto Sans Thai, Noto Sans CJK SC, sans-serif"');
  });

  it('shows the code under the barcode, then the lines, escaped', () => {
    const svg = labelSvg(carton);
    const texts = new XMLParser({ ignoreAttributes: true }).parse(svg).svg.text as string[];
    expect(texts).toEqual(['CARTON', 'CTN-01J9Z3K7Q2', ...carton.lines]);
    expect(svg).toContain('Jasmine brown rice &lt;organic&gt; &amp; &quot;fresh&quot;');
    expect(svg).not.toContain('<organic>');
    expect(svg.indexOf('<path')).toBeLessThan(svg.indexOf('>CTN-01J9Z3K7Q2<'));
  });

  it('escapes the code and keeps a stray control character from breaking the XML', () => {
    const svg = labelSvg({ kind: 'sku', code: `A<&>"'Z`, lines: ['bad\u0001byte', "O'Reilly"] });
    expectValidXml(svg);
    expect(svg).toContain('>A&lt;&amp;&gt;&quot;&#39;Z<');
    expect(svg).toContain('bad\uFFFDbyte');
    expect(svg).toContain('O&#39;Reilly');
  });

  it('squeezes a line estimated wider than the label, and only that line', () => {
    const svg = labelSvg({ kind: 'sku', code: 'SKU-1', lines: ['短', '超长的中文产品名称超长的中文产品名称超长的中文产品名称超长的'] });
    expect(svg.match(/textLength="90"/g)).toHaveLength(1);
    expect(svg).toMatch(/textLength="90" lengthAdjust="spacingAndGlyphs">超长/);
  });

  it('does not count Thai vowel and tone marks as width', () => {
    // 28 base characters plus marks stay within 90 mm at 3.2 mm (28 × 0.6 × 3.2 = 53.8 mm).
    const svg = labelSvg({ kind: 'sku', code: 'SKU-1', lines: ['น้ำพริกเผาสูตรดั้งเดิมของแม่ที่บ้านเชียงใหม่'] });
    expect(svg).not.toContain('textLength');
  });

  it('keeps the barcode within the margins, at most 0.5 mm a module', () => {
    const widths = [labelSvg({ ...carton, code: 'A' }), labelSvg({ ...carton, code: 'X'.repeat(48) })].map((svg) =>
      Number(/<svg x="[\d.]+" y="7" width="([\d.]+)"/.exec(svg)?.[1]),
    );
    expect(widths[0]).toBe(23); // start 11 + A 11 + check 11 + stop 13 = 46 modules
    expect(widths[1]).toBe(90);
  });

  it('accepts no lines and shows each kind', () => {
    for (const kind of ['sku', 'bin', 'carton', 'parcel', 'consignment'] as const) {
      const svg = labelSvg({ kind, code: 'B-01-02', lines: [] });
      expectValidXml(svg);
      expect(svg).toContain(`data-kind="${kind}"`);
      expect(svg).toContain(`>${kind.toUpperCase()}</text>`);
    }
  });

  it('gives byte-identical output for the same input', () => {
    expect(labelSvg(carton)).toBe(labelSvg({ ...carton, lines: [...carton.lines] }));
    expect(barcodeSvg('P-123')).toBe(barcodeSvg('P-123'));
  });

  it.each([
    ['an empty code', '', /empty/],
    ['a blank code', '   ', /empty/],
    ['a Thai code', 'รหัส1', /printable ASCII/],
    ['a code with a newline', 'A\nB', /printable ASCII/],
    ['a code with a tab', 'A\tB', /printable ASCII/],
    ['a code over 48 characters', 'X'.repeat(49), /at most 48/],
  ])('refuses %s', (_name, code, message) => {
    expect(() => labelSvg({ kind: 'sku', code, lines: [] })).toThrow(message);
    expect(() => barcodeSvg(code)).toThrow(message);
  });

  it('refuses more than 6 lines and overlong lines', () => {
    expect(() => labelSvg({ kind: 'sku', code: 'A', lines: Array(7).fill('x') })).toThrow(/at most 6 lines/);
    expect(() => labelSvg({ kind: 'sku', code: 'A', lines: ['x'.repeat(121)] })).toThrow(/at most 120 characters/);
  });
});

describe('barcodeSvg', () => {
  it('is a bare well-formed Code 128 SVG with no text', () => {
    const svg = barcodeSvg('CTN-01J9Z3K7Q2');
    expectValidXml(svg);
    expect(svg).toMatch(/^<svg viewBox="0 0 \d+ \d+" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/);
    expect(svg).not.toContain('<text');
  });

  it('encodes all of printable ASCII, including the FNC escape ^ literally', () => {
    expect(barcodeSvg('^FNC1')).not.toBe(barcodeSvg('FNC1'));
    expectValidXml(barcodeSvg(' !"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~'));
  });
});

describe('labelSheetHtml', () => {
  const labels: LabelInput[] = [carton, { kind: 'parcel', code: 'PCL-0002', lines: ['ถึง: <คุณสมชาย>'] }, { kind: 'parcel', code: 'PCL-0003', lines: [] }];

  it('has one 100 × 60 mm page per label, each SVG inline', () => {
    const html = labelSheetHtml('ป้ายกล่อง & พัสดุ', labels);
    expect(html).toMatch(/^<!doctype html>\n<html lang="th">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: 100mm 60mm; margin: 0; }');
    expect(html.match(/<section class="label">/g)).toHaveLength(3);
    expect(html.match(/<svg xmlns=/g)).toHaveLength(3);
    expect(html).toContain('<title>ป้ายกล่อง &amp; พัสดุ</title>');
    expect(html).toContain('ถึง: &lt;คุณสมชาย&gt;');
    for (const label of labels) expect(html).toContain(labelSvg(label));
  });

  it('is deterministic', () => {
    expect(labelSheetHtml('t', labels)).toBe(labelSheetHtml('t', structuredClone(labels)));
  });

  it('refuses an empty batch and a bad code anywhere in it', () => {
    expect(() => labelSheetHtml('t', [])).toThrow(/at least one label/);
    expect(() => labelSheetHtml('t', [carton, { kind: 'parcel', code: '', lines: [] }])).toThrow(/empty/);
  });
});
