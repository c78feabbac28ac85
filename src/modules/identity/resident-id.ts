/**
 * China's resident identity number (GB 11643-1999; domain.md §1.8): 17 digits and a check character
 * (0–9 or X), the 7th–14th digits the holder's birth date. Strict: a lower-case x is refused here,
 * so callers normalise first (`normalizeResidentId`) and store the normalised form.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export function normalizeResidentId(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] as string;
}

export type ResidentIdProblem = 'cn_id_format' | 'cn_id_checksum' | 'cn_id_birth_date';

/** Undefined when valid; otherwise why not. `today` (YYYY-MM-DD, China time) bounds the birth date. */
export function residentIdProblem(id: string, today: string): ResidentIdProblem | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return 'cn_id_format';
  if (residentIdCheckChar(id) !== id[17]) return 'cn_id_checksum';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || id.slice(6, 14) > today.replaceAll('-', '')) return 'cn_id_birth_date';
  return undefined;
}

/** The number as screens show it: the first three and last two characters, the rest masked. */
export function maskResidentId(id: string): string {
  return id.length < 6 ? '•'.repeat(id.length) : `${id.slice(0, 3)}${'•'.repeat(id.length - 5)}${id.slice(-2)}`;
}
