import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { stemmer } from 'stemmer';

/**
 * Text analysis for search, the same for documents and queries: Thai words from Intl.Segmenter plus
 * adjacent pairs (so the compound หมอนทอง matches although it segments as หมอน + ทอง), Chinese words
 * from jieba (HMM on) plus adjacent pairs, pinyin without tones and as initials, traditional folded
 * to simplified by OpenCC and a synonym table, English lower-cased and Porter-stemmed.
 */

const jieba = Jieba.withDict(dict);
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const thaiWords = new Intl.Segmenter('th', { granularity: 'word' });

/** What OpenCC does not fold: variants it maps elsewhere (榴槤 → 榴梿, not the usual 榴莲). */
export const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['榴梿', '榴莲'],
  ['榴槤', '榴莲'],
  ['芒菓', '芒果'],
  ['椰漿', '椰浆'],
  ['乾', '干'],
]);

const HAN = /\p{Script=Han}/u;
const THAI = /\p{Script=Thai}/u;
const LATIN_WORD = /[a-z0-9]+/g;
const MAX_TEXT_CHARS = 4_000;
/** No word is longer: a pasted blob is not a word, and typo keys grow with the square of length. */
export const MAX_TOKEN_CHARS = 40;
const MAX_TYPO_CHARS = 20;
/** Whole-run pinyin only for short runs (a title's words), never for a paragraph. */
const MAX_PINYIN_RUN_CHARS = 12;

export function normalize(text: string): string {
  let out = toSimplified(text.slice(0, MAX_TEXT_CHARS).normalize('NFKC').toLowerCase());
  for (const [from, to] of SYNONYMS) out = out.split(from).join(to);
  return out;
}

function pairs(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i += 1) out.push(`${words[i]}${words[i + 1]}`);
  return out;
}

function thaiTokens(run: string): string[] {
  const words = [...thaiWords.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
  return [...words, ...pairs(words)];
}

function hanTokens(run: string): string[] {
  const words = jieba.cut(run, true).filter((w) => HAN.test(w));
  const out = [...words, ...pairs(words)];
  for (const w of words) {
    const syllables = pinyin(w, { toneType: 'none', type: 'array' });
    out.push(syllables.join(''));
    if (syllables.length > 1) out.push(syllables.map((s) => s[0]).join(''));
  }
  const joined = words.join('');
  const whole = joined.length <= MAX_PINYIN_RUN_CHARS ? pinyin(joined, { toneType: 'none', type: 'array' }) : [];
  if (words.length > 1 && whole.length > 0) {
    out.push(whole.join(''));
    out.push(whole.map((s) => s[0]).join(''));
  }
  return out;
}

function latinTokens(run: string): string[] {
  const words = run.match(LATIN_WORD) ?? [];
  // Tone marks typed in pinyin (liúlián) are folded away by NFKD below; stems match "mangoes" to "mango".
  return words.flatMap((w) => (w.length > 3 ? [w, stemmer(w)] : [w]));
}

/** Splits text into script runs and returns every index token, without duplicates. */
export function tokens(text: string): string[] {
  const folded = normalize(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  const out = new Set<string>();
  for (const run of folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean)) {
    for (const part of splitScripts(run)) {
      const list = HAN.test(part) ? hanTokens(part) : THAI.test(part) ? thaiTokens(part) : latinTokens(part);
      for (const t of list) if (t && [...t].length <= MAX_TOKEN_CHARS) out.add(t);
    }
  }
  return [...out];
}

/** "ทุเรียน100g" → ["ทุเรียน", "100g"]; scripts are analysed separately. */
function splitScripts(run: string): string[] {
  const parts: string[] = [];
  let current = '';
  let kind = '';
  for (const ch of run) {
    const k = HAN.test(ch) ? 'han' : THAI.test(ch) ? 'thai' : 'latin';
    if (k !== kind && current) {
      parts.push(current);
      current = '';
    }
    kind = k;
    current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * The query's terms: each term is one thing the user meant, with its alternatives (stem, pinyin).
 * A document matches a term when it has any alternative; it must match every term.
 */
export function queryTerms(query: string): string[][] {
  const folded = normalize(query);
  const terms: string[][] = [];
  for (const run of folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean)) {
    for (const part of splitScripts(run)) {
      if (HAN.test(part)) {
        const words = jieba.cut(part, true).filter((w) => HAN.test(w));
        // A Chinese query like 榴莲干 must find 榴莲 + 干: each word is a term.
        for (const w of words) terms.push([w]);
      } else if (THAI.test(part)) {
        const words = [...thaiWords.segment(part)].filter((s) => s.isWordLike).map((s) => s.segment);
        for (const w of words) terms.push([w]);
      } else {
        const latin = part
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .match(LATIN_WORD);
        for (const w of latin ?? []) terms.push(w.length > 3 ? [...new Set([w, stemmer(w)])] : [w]);
      }
    }
  }
  return terms.map((alts) => alts.filter((a) => [...a].length <= MAX_TOKEN_CHARS)).filter((alts) => alts.length > 0);
}

/** Damerau–Levenshtein (optimal string alignment): a swap of two adjacent letters costs one edit. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    let row_min = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = v;
      row_min = Math.min(row_min, v);
    }
    if (row_min > max) return max + 1;
  }
  return d[a.length]?.[b.length] ?? max + 1;
}

/** How many edits a word of this length may carry (as users know from Algolia and Meilisearch). */
export function allowedEdits(term: string): number {
  const length = [...term].length;
  // Past twenty letters a word is a code or a run-on: exact matches only (keys grow with length²).
  if (length > MAX_TYPO_CHARS) return 0;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Deletion keys (SymSpell): two words within `n` edits share a key with up to `n` deletions each. */
export function deletionKeys(term: string, n: number): string[] {
  const chars = [...term];
  const out = new Set<string>([term]);
  let frontier = [chars];
  for (let k = 0; k < n; k += 1) {
    const next: string[][] = [];
    for (const word of frontier) {
      for (let i = 0; i < word.length; i += 1) {
        const shorter = [...word.slice(0, i), ...word.slice(i + 1)];
        const key = shorter.join('');
        if (!out.has(key)) {
          out.add(key);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}
