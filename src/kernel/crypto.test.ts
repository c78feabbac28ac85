import { describe, expect, it } from 'vitest';
import { createPiiCipher, mask } from './crypto.js';

describe('PII cipher', () => {
  const cipher = createPiiCipher('k'.repeat(40));

  it('round-trips and never stores the plaintext', () => {
    const sealed = cipher.encrypt('1101700207030');
    expect(sealed).not.toContain('1101700207030');
    expect(cipher.decrypt(sealed)).toBe('1101700207030');
    expect(cipher.encrypt('1101700207030')).not.toBe(sealed);
  });

  it('detects tampering', () => {
    const sealed = cipher.encrypt('0812345678');
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = `${body?.[0] === 'A' ? 'B' : 'A'}${body?.slice(1)}`;
    expect(() => cipher.decrypt([v, iv, flipped, tag].join('.'))).toThrow();
  });

  it('blind index is deterministic per purpose and key', () => {
    expect(cipher.blindIndex('x', 'tax_id')).toBe(cipher.blindIndex('x', 'tax_id'));
    expect(cipher.blindIndex('x', 'tax_id')).not.toBe(cipher.blindIndex('x', 'login'));
    expect(createPiiCipher('j'.repeat(40)).blindIndex('x', 'tax_id')).not.toBe(cipher.blindIndex('x', 'tax_id'));
  });

  it('masks all but the last four', () => {
    expect(mask('1101700207030')).toBe('•••••••••7030');
    expect(mask('123')).toBe('•••');
  });
});
