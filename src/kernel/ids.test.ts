import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.js';

describe('ids', () => {
  it('are prefixed and sort by creation time', () => {
    const ids = Array.from({ length: 1000 }, () => newId('slr'));
    expect(ids.every((id) => isId('slr', id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reject other prefixes and shapes', () => {
    expect(isId('usr', newId('slr'))).toBe(false);
    expect(isId('slr', 'slr_123')).toBe(false);
  });
});
