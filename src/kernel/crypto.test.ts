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
    const [v, kid, iv, body, tag] = sealed.split('.');
    const flipped = `${body?.[0] === 'A' ? 'B' : 'A'}${body?.slice(1)}`;
    expect(() => cipher.decrypt([v, kid, iv, flipped, tag].join('.'))).toThrow();
  });

  it('blind index is deterministic per purpose and key', () => {
    expect(cipher.blindIndex('x', 'tax_id')).toBe(cipher.blindIndex('x', 'tax_id'));
    expect(cipher.blindIndex('x', 'tax_id')).not.toBe(cipher.blindIndex('x', 'login'));
    expect(createPiiCipher('j'.repeat(40)).blindIndex('x', 'tax_id')).not.toBe(cipher.blindIndex('x', 'tax_id'));
  });

  it('rotates: a new key writes, the old one still reads, blind indexes stay, reencrypt moves old ciphertexts', () => {
    const old_key = 'k'.repeat(40);
    const sealed_old = cipher.encrypt('110105194912310037');
    const rotated = createPiiCipher('n'.repeat(40), { previous: [old_key] });
    expect(rotated.decrypt(sealed_old)).toBe('110105194912310037');
    expect(rotated.blindIndex('x', 'tax_id')).toBe(cipher.blindIndex('x', 'tax_id'));
    const moved = rotated.reencrypt(sealed_old);
    expect(moved).toBeDefined();
    expect(rotated.reencrypt(moved as string)).toBeUndefined();
    expect(rotated.decrypt(moved as string)).toBe('110105194912310037');
    // Once everything is rewritten the old key can go: the new one alone reads it.
    expect(createPiiCipher('n'.repeat(40), { index_key: old_key }).decrypt(moved as string)).toBe('110105194912310037');
    expect(() => createPiiCipher('n'.repeat(40)).decrypt(sealed_old)).toThrow();
  });

  it('still reads v1 ciphertexts written before key ids', async () => {
    const { createCipheriv, createHash, randomBytes } = await import('node:crypto');
    const iv = randomBytes(12);
    const c = createCipheriv(
      'aes-256-gcm',
      createHash('sha256')
        .update(`enc:${'k'.repeat(40)}`)
        .digest(),
      iv,
    );
    const body = Buffer.concat([c.update('0812345678', 'utf8'), c.final()]);
    const v1 = ['v1', iv.toString('base64url'), body.toString('base64url'), c.getAuthTag().toString('base64url')].join('.');
    expect(cipher.decrypt(v1)).toBe('0812345678');
    expect(cipher.reencrypt(v1)?.startsWith('v2.')).toBe(true);
  });

  it('masks all but the last four', () => {
    expect(mask('1101700207030')).toBe('•••••••••7030');
    expect(mask('123')).toBe('•••');
  });
});
