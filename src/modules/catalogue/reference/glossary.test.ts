import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary.js';

const by_th = new Map(GLOSSARY.map((e) => [e.th, e]));

describe('glossary', () => {
  it('has at least 250 entries and no duplicate Thai keys', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(250);
    expect(by_th.size).toBe(GLOSSARY.length);
  });

  it('gives every entry a non-empty, trimmed th, zh and en', () => {
    for (const e of GLOSSARY) {
      for (const lang of ['th', 'zh', 'en'] as const) {
        expect(e[lang].trim(), `${e.th} ${lang}`).not.toBe('');
        expect(e[lang], `${e.th} ${lang}`).toBe(e[lang].trim());
      }
      expect(e.zh, e.th).not.toMatch(/[/|]/);
    }
  });

  it('covers every kind', () => {
    const kinds = new Set(GLOSSARY.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['attribute', 'descriptor', 'otop', 'place', 'product', 'unit']);
  });

  it.each([
    ['ทุเรียน', '榴莲', 'durian'],
    ['หมอนทอง', '金枕', 'Monthong'],
    ['ทุเรียนหมอนทอง', '金枕榴莲', 'Monthong durian'],
    ['ทุเรียนอบกรอบ', '榴莲干', 'crispy dried durian'],
    ['มะม่วงอบแห้ง', '芒果干', 'dried mango'],
    ['ข้าวหอมมะลิ', '茉莉香米', 'jasmine rice'],
    ['ข้าวหอมมะลิไทย', '泰国茉莉香米', 'Thai Hom Mali jasmine rice'],
    ['ผ้าไหม', '泰丝', 'Thai silk'],
    ['เซลาดอน', '青瓷', 'celadon'],
    ['เบญจรงค์', '五彩瓷', 'Benjarong'],
    ['มะพร้าว', '椰子', 'coconut'],
    ['ยาหม่อง', '青草膏', 'balm'],
    ['กรัม', '克', 'g'],
    ['สารก่อภูมิแพ้', '过敏原', 'allergens'],
    ['จันทบุรี', '尖竹汶', 'Chanthaburi'],
  ])('translates %s', (th, zh, en) => {
    expect(by_th.get(th)).toMatchObject({ zh, en });
  });
});
