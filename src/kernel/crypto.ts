import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { assert } from './assert.js';

/**
 * Field-level encryption for personal data at rest (ID numbers, phones, accounts): AES-256-GCM with
 * a random nonce, plus a keyed blind index (HMAC-SHA256) so that equality (uniqueness) can be checked
 * without decrypting. Built on Node's own crypto.
 */
export interface PiiCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Deterministic keyed hash of a normalised value, for unique indexes and look-ups. */
  blindIndex(value: string, purpose: string): string;
  /** The same plaintext under the current key, or undefined when it already is (`saphan pii rotate`). */
  reencrypt(ciphertext: string): string | undefined;
}

export interface KeyRing {
  /** Older keys, newest first: still read, never written. */
  readonly previous?: readonly string[];
  /** The key blind indexes are made with; it must outlive rotations (default: the oldest key of the ring). */
  readonly index_key?: string | undefined;
}

interface Key {
  readonly id: string;
  readonly enc: Buffer;
}

function keyOf(material: string): Key {
  assert(material.length >= 32, 'the PII key must have at least 32 characters');
  return {
    id: createHash('sha256').update(`kid:${material}`).digest('base64url').slice(0, 8),
    enc: createHash('sha256').update(`enc:${material}`).digest(),
  };
}

/**
 * Ciphertexts name their key (`v2.<key id>.<nonce>.<body>.<tag>`), so the key can be rotated: the new
 * key encrypts, older ones still decrypt until `saphan pii rotate` has rewritten everything. `v1`
 * ciphertexts (before key ids) are tried with every key of the ring.
 */
export function createPiiCipher(key_material: string, ring: KeyRing = {}): PiiCipher {
  const current = keyOf(key_material);
  const older = (ring.previous ?? []).map(keyOf);
  const by_id = new Map([current, ...older].map((k) => [k.id, k]));
  const index_material = ring.index_key ?? ring.previous?.at(-1) ?? key_material;
  const mac_key = createHash('sha256').update(`mac:${index_material}`).digest();
  const open = (key: Key, iv: string, body: string, tag: string) => {
    const decipher = createDecipheriv('aes-256-gcm', key.enc, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  };
  const cipher: PiiCipher = {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', current.enc, iv);
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      const tag = c.getAuthTag();
      return ['v2', current.id, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
    },
    decrypt(ciphertext) {
      const parts = ciphertext.split('.');
      if (parts[0] === 'v2') {
        const [, kid, iv, body, tag] = parts;
        const key = kid ? by_id.get(kid) : undefined;
        assert(key && iv && body !== undefined && tag, 'ciphertext of an unknown key or format');
        return open(key, iv, body, tag);
      }
      const [version, iv, body, tag] = parts;
      assert(version === 'v1' && iv && body !== undefined && tag, 'unknown ciphertext format');
      for (const key of [current, ...older]) {
        try {
          return open(key, iv, body, tag);
        } catch {
          // not this key
        }
      }
      throw new Error('no key of the ring opens this ciphertext');
    },
    blindIndex(value, purpose) {
      return createHmac('sha256', mac_key).update(`${purpose}:${value}`).digest('base64url');
    },
    reencrypt(ciphertext) {
      if (ciphertext.startsWith(`v2.${current.id}.`)) return undefined;
      return cipher.encrypt(cipher.decrypt(ciphertext));
    },
  };
  return cipher;
}

/** A random secret token for URLs, cookies and API keys. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a high-entropy token: enough to store session and API-key tokens (they are not passwords). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Shows only the last `visible` characters: `•••••••••0303`. */
export function mask(value: string, visible = 4): string {
  if (value.length <= visible) return '•'.repeat(value.length);
  return '•'.repeat(value.length - visible) + value.slice(-visible);
}
