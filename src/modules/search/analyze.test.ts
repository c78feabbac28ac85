import { describe, expect, it } from 'vitest';
import { allowedEdits, deletionKeys, editDistance, normalize, queryTerms, tokens } from './analyze.js';

describe('analysis', () => {
  it('folds traditional Chinese and the variants OpenCC misses', () => {
    expect(normalize('榴槤乾')).toBe('榴莲干');
    expect(normalize('泰國茉莉香米')).toBe('泰国茉莉香米');
  });

  it('indexes Thai words and adjacent pairs, so compounds match', () => {
    const t = tokens('ทุเรียนหมอนทองอบกรอบ');
    expect(t).toEqual(expect.arrayContaining(['ทุเรียน', 'หมอน', 'ทอง', 'หมอนทอง', 'อบกรอบ']));
  });

  it('indexes Chinese words, pinyin and initials', () => {
    const t = tokens('金枕榴莲干');
    expect(t).toEqual(expect.arrayContaining(['金枕', '榴莲', '干', '榴莲干', 'liulian', 'll', 'jinzhen']));
  });

  it('stems English', () => {
    expect(tokens('Dried Mangoes')).toEqual(expect.arrayContaining(['dried', 'dri', 'mangoes', 'mango']));
  });

  it('turns queries into terms, each with its alternatives', () => {
    expect(queryTerms('榴槤乾')).toEqual([['榴莲'], ['干']]);
    expect(queryTerms('liúlián')).toEqual([['liulian']]);
    expect(queryTerms('mangoes')).toEqual([['mangoes', 'mango']]);
    expect(queryTerms('หมอนทอง')).toEqual([['หมอน'], ['ทอง']]);
    expect(queryTerms('\u0000\u0001')).toEqual([]);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['durain', 'durian', 1],
    ['durian', 'durian', 0],
    ['duriam', 'durian', 1],
    ['jasmin', 'jasmine', 1],
    ['celedon', 'celadon', 1],
    ['abc', 'xyz', 3],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });

  it('bounds the work a long word can cause', () => {
    const blob = 'a'.repeat(1_500);
    expect(tokens(blob)).toEqual([]);
    expect(queryTerms(blob)).toEqual([]);
    expect(allowedEdits('x'.repeat(21))).toBe(0);
    const started = performance.now();
    tokens('泰国东部尖竹汶府的果农在雨季来临之前采摘成熟的金枕榴莲然后切片低温烘干制成香脆的榴莲干');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('allows one edit from five letters and two from nine', () => {
    expect(allowedEdits('rice')).toBe(0);
    expect(allowedEdits('mango')).toBe(1);
    expect(allowedEdits('freezedry')).toBe(2);
  });

  it('words one edit apart share a deletion key, swaps included', () => {
    const a = new Set(deletionKeys('durain', 1));
    expect(deletionKeys('durian', 1).some((k) => a.has(k))).toBe(true);
  });
});
