import type { DemoMotif, DemoProduct } from './products-data.js';

/**
 * Placeholder product pictures for the demo: a small self-contained SVG (no external references, no
 * scripts) with one simple shape per motif in the product's colour on a light tint of it, and the label
 * underneath. Deterministic: the same art and label always give the same bytes.
 */

const FALLBACK = '#888888';
const MAX_LABEL = 26;
/** Cuts long labels between grapheme clusters, so a Thai vowel or tone mark stays with its consonant. */
const GRAPHEMES = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Shapes drawn in a 320×320 box above the label; `C` is the colour, `D` a darker shade of it. */
const SHAPES: Readonly<Record<DemoMotif, string>> = {
  fruit: '<ellipse cx="160" cy="150" rx="78" ry="88" fill="C"/><path d="M160 64q6-30 34-36" stroke="D" stroke-width="8" fill="none"/>',
  rice:
    '<path d="M96 110h128l14 130H82z" fill="C"/><path d="M96 110l16-26h96l16 26" fill="D"/>' +
    '<ellipse cx="140" cy="170" rx="6" ry="12" fill="#fff"/><ellipse cx="180" cy="180" rx="6" ry="12" fill="#fff"/>',
  coconut:
    '<circle cx="160" cy="152" r="84" fill="D"/><circle cx="160" cy="152" r="62" fill="#fffaf0"/><circle cx="160" cy="152" r="46" fill="C" opacity=".25"/>',
  textile:
    '<rect x="70" y="72" width="180" height="160" rx="8" fill="C"/>' +
    '<path d="M70 112h180M70 152h180M70 192h180" stroke="D" stroke-width="10"/><path d="M110 72v160M210 72v160" stroke="#fff" stroke-width="4" opacity=".6"/>',
  ceramic: '<path d="M70 120h180q-10 100-90 106q-80-6-90-106z" fill="C"/><rect x="64" y="108" width="192" height="16" rx="8" fill="D"/>',
  basket:
    '<path d="M78 120h164l-20 110H98z" fill="C"/><path d="M100 120q60-90 120 0" stroke="D" stroke-width="10" fill="none"/>' +
    '<path d="M88 150h144M94 180h132M98 210h124" stroke="D" stroke-width="6"/>',
  jar: '<rect x="96" y="100" width="128" height="136" rx="24" fill="C"/><rect x="106" y="72" width="108" height="34" rx="6" fill="D"/><rect x="112" y="140" width="96" height="50" rx="6" fill="#fff" opacity=".8"/>',
  bottle:
    '<path d="M140 56h40v46q34 18 34 54v80q0 8-8 8h-92q-8 0-8-8v-80q0-36 34-54z" fill="C"/>' +
    '<rect x="136" y="44" width="48" height="18" rx="4" fill="D"/><rect x="120" y="160" width="80" height="48" rx="6" fill="#fff" opacity=".8"/>',
  leaf: '<path d="M80 230Q80 80 240 70Q240 230 80 230z" fill="C"/><path d="M80 230L220 90" stroke="D" stroke-width="6"/>',
  box: '<rect x="80" y="90" width="160" height="140" rx="10" fill="C"/><rect x="80" y="90" width="160" height="30" rx="10" fill="D"/><rect x="120" y="140" width="80" height="56" rx="6" fill="#fff" opacity=".8"/>',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `#rrggbb` mixed towards white (t > 0) or black (t < 0). */
function mix(hex: string, t: number): string {
  const target = t > 0 ? 255 : 0;
  const k = Math.abs(t);
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(v + (target - v) * k)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** A ≤ 2 KB SVG picture for a demo product. */
export function productSvg(art: DemoProduct['art'], label: string): string {
  const color = /^#[0-9a-fA-F]{6}$/.test(art.color) ? art.color.toLowerCase() : FALLBACK;
  const shape = (SHAPES[art.motif] ?? SHAPES.box).replace(/"C"/g, `"${color}"`).replace(/"D"/g, `"${mix(color, -0.35)}"`);
  const chars = Array.from(GRAPHEMES.segment(label.replace(/\s+/g, ' ').trim()), (g) => g.segment);
  const text = escapeXml(chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : chars.join(''));
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320" width="320" height="320">' +
    `<rect width="320" height="320" fill="${mix(color, 0.85)}"/>${shape}` +
    `<text x="160" y="286" text-anchor="middle" font-family="sans-serif" font-size="20" fill="#333">${text}</text></svg>`
  );
}
