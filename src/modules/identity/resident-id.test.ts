import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskResidentId, normalizeResidentId, residentIdProblem } from './resident-id.js';

const vectors = JSON.parse(readFileSync(new URL('../../../../shared/data/test-vectors.json', import.meta.url), 'utf8')) as {
  cn_resident_id_checksum: { id: string; valid: boolean }[];
};
const TODAY = '2026-11-26';

describe('Chinese resident ID (shared vectors, strict)', () => {
  for (const v of vectors.cn_resident_id_checksum) {
    it(`${v.id} is ${v.valid ? 'valid' : 'refused'}`, () => expect(residentIdProblem(v.id, TODAY) === undefined).toBe(v.valid));
  }
  it('a lower-case x passes once normalised', () => expect(residentIdProblem(normalizeResidentId(' 11010519491231002x '), TODAY)).toBeUndefined());
});

describe('the birth date inside the number', () => {
  // The same 17 digits with a recomputed check character, so that only the date is wrong.
  const withCheck = (body: string) => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0);
    return body + ('10X98765432'[sum % 11] ?? '');
  };
  it('must be a real day, not in the future, not before 1900', () => {
    expect(residentIdProblem(withCheck('11010519490231002'), TODAY)).toBe('cn_id_birth_date');
    expect(residentIdProblem(withCheck('11010520271231002'), TODAY)).toBe('cn_id_birth_date');
    expect(residentIdProblem(withCheck('11010518991231002'), TODAY)).toBe('cn_id_birth_date');
    expect(residentIdProblem(withCheck('11010520000229002'), TODAY)).toBeUndefined();
  });
  it('is masked on screens', () => expect(maskResidentId('11010519491231002X')).toBe('110•••••••••••••2X'));
});
