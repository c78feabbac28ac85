import { FilterXSS } from 'xss';
import type { GlossaryEntry } from './reference/glossary.js';

/**
 * Catalogue rules as pure functions: HS codes, prices, safe descriptions and glossary drafts.
 * Table-tested in rules.test.ts.
 */

/** China's tariff lines have 8 digits (10 with statistical suffix); dots and spaces are accepted on input. */
export function parseHsCode(raw: string): { ok: true; value: string } | { ok: false; code: 'hs_code_format' } {
  const digits = raw.replace(/[.\s]/g, '');
  return /^\d{8}(\d{2})?$/.test(digits) ? { ok: true, value: digits.slice(0, 8) } : { ok: false, code: 'hs_code_format' };
}

/**
 * Descriptions allow a few formatting tags and nothing else: no script, style, event handler,
 * link or image ever reaches a buyer's browser (js-xss with a closed list).
 */
const descriptionFilter = new FilterXSS({
  whiteList: { p: [], br: [], ul: [], ol: [], li: [], strong: [], em: [], b: [], i: [], h3: [], h4: [] },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript'],
  allowCommentTag: false,
});

export function sanitizeDescription(html: string): string {
  return descriptionFilter.process(html).trim();
}

/** Plain text for titles and attributes: no markup at all (tags are removed, not escaped twice). */
export function plainText(value: string): string {
  return new FilterXSS({ whiteList: {}, stripIgnoreTag: true, stripIgnoreTagBody: ['script', 'style'] }).process(value).replace(/\s+/g, ' ').trim();
}

export interface Draft {
  readonly zh: string | null;
  readonly en: string | null;
  /** Share of the Thai text (in characters, spaces excluded) that the glossary covered, 0–1. */
  readonly coverage: number;
}

/**
 * Drafts Chinese and English from Thai with the glossary: longest match first, left to right (Thai is
 * written without spaces). Words the glossary does not know stay in Thai, so a reviewer sees the gap.
 * A draft is never published as reviewed: a person approves it.
 */
export function draftFromGlossary(thai: string, glossary: readonly GlossaryEntry[]): Draft {
  const text = thai.trim();
  if (!text) return { zh: null, en: null, coverage: 0 };
  const by_length = [...glossary].filter((g) => g.th.length > 0).sort((a, b) => b.th.length - a.th.length);
  const zh: string[] = [];
  const en: string[] = [];
  let covered = 0;
  let i = 0;
  let unknown = '';
  const flush = () => {
    if (unknown.trim()) {
      zh.push(unknown.trim());
      en.push(unknown.trim());
    }
    unknown = '';
  };
  while (i < text.length) {
    const entry = by_length.find((g) => text.startsWith(g.th, i));
    if (entry) {
      flush();
      zh.push(entry.zh);
      en.push(entry.en);
      covered += entry.th.replace(/\s/g, '').length;
      i += entry.th.length;
    } else {
      unknown += text[i];
      i += 1;
    }
  }
  flush();
  const total = text.replace(/\s/g, '').length;
  if (covered === 0) return { zh: null, en: null, coverage: 0 };
  return { zh: zh.join(''), en: en.join(' ').replace(/\s+/g, ' ').trim(), coverage: Math.min(1, covered / total) };
}

/** Picture types a seller may upload, told by their first bytes (never by the name or the declared type). SVG is not one: it can carry script. */
export function sniffImage(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | undefined {
  const starts = (sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}
