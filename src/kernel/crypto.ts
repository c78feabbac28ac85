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
}

const VERSION = 'v1';

export function createPiiCipher(key_material: string): PiiCipher {
  assert(key_material.length >= 32, 'the PII key must have at least 32 characters');
  const enc_key = createHash('sha256').update(`enc:${key_material}`).digest();
  const mac_key = createHash('sha256').update(`mac:${key_material}`).digest();
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', enc_key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
    },
    decrypt(ciphertext) {
      const [version, iv, body, tag] = ciphertext.split('.');
      assert(version === VERSION && iv && body !== undefined && tag, 'unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', enc_key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value, purpose) {
      return createHmac('sha256', mac_key).update(`${purpose}:${value}`).digest('base64url');
    },
  };
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
