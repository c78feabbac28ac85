import { describe, expect, it } from 'vitest';
import { draftFromGlossary, parseHsCode, plainText, sanitizeDescription } from './rules.js';

describe('HS code', () => {
  it.each([
    ['0813.40.00', '08134000'],
    ['0813 4000', '08134000'],
    ['0813400010', '08134000'],
  ])('%s → %s', (raw, code) => {
    expect(parseHsCode(raw)).toEqual({ ok: true, value: code });
  });
  it.each(['0813', '081340', 'abcdefgh', '081340001'])('%s is refused', (raw) => {
    expect(parseHsCode(raw).ok).toBe(false);
  });
});

describe('descriptions never carry script', () => {
  it.each([
    ['<script>alert(1)</script><p>ทุเรียน</p>', '<p>ทุเรียน</p>'],
    ['<p onclick="x()">a</p>', '<p>a</p>'],
    ['<img src=x onerror=alert(1)>b', 'b'],
    ['<a href="javascript:alert(1)">c</a>', 'c'],
    ['<strong>หวาน</strong> <em>กรอบ</em>', '<strong>หวาน</strong> <em>กรอบ</em>'],
    ['<style>body{}</style><ul><li>1</li></ul>', '<ul><li>1</li></ul>'],
  ])('%s', (input, expected) => {
    expect(sanitizeDescription(input)).toBe(expected);
  });

  it.each([
    '<svg><script>alert(1)</script></svg>ok',
    '<scr<script>ipt>alert(1)</script>',
    '<iframe src="//x"></iframe><p>x</p>',
    '<p style="background:url(javascript:x)">y</p>',
  ])('nothing executable survives %s', (input) => {
    expect(sanitizeDescription(input)).not.toMatch(/<script|<svg|<iframe|onerror|javascript:|style=/i);
  });

  it('titles are plain text', () => {
    expect(plainText('  <b>ทุเรียน</b>   อบกรอบ <script>x</script>')).toBe('ทุเรียน อบกรอบ');
  });
});

describe('glossary drafts', () => {
  const glossary = [
    { th: 'ทุเรียน', zh: '榴莲', en: 'durian', kind: 'product' as const },
    { th: 'ทุเรียนอบกรอบ', zh: '榴莲干', en: 'crispy dried durian', kind: 'product' as const },
    { th: 'หมอนทอง', zh: '金枕', en: 'Monthong', kind: 'product' as const },
    { th: 'กรัม', zh: '克', en: 'g', kind: 'unit' as const },
  ];
  it('takes the longest match first', () => {
    expect(draftFromGlossary('ทุเรียนอบกรอบหมอนทอง', glossary)).toMatchObject({ zh: '榴莲干金枕', en: 'crispy dried durian Monthong', coverage: 1 });
  });
  it('keeps unknown words in Thai for the reviewer to see', () => {
    const d = draftFromGlossary('ทุเรียนสดใหม่ 500 กรัม', glossary);
    expect(d.zh).toBe('榴莲สดใหม่ 500克');
    expect(d.coverage).toBeGreaterThan(0);
    expect(d.coverage).toBeLessThan(1);
  });
  it('has nothing to offer when nothing matches', () => {
    expect(draftFromGlossary('ผ้าขาวม้า', glossary)).toEqual({ zh: null, en: null, coverage: 0 });
  });
});
