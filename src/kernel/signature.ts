import { createHmac } from 'node:crypto';
import { constantTimeEqual } from './crypto.js';

/**
 * Signed partner callbacks (payment providers, carriers, the customs agent): the header
 * `x-saphan-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t." + raw body>`, one key per partner
 * derived from the platform secret, refused outside a five-minute window.
 */

export const SIGNATURE_HEADER = 'x-saphan-signature';

/** Each partner signs with its own key, derived from the platform secret (`webhook:<partner>`). */
export function webhookSecret(secret: string, partner: string): string {
  return createHmac('sha256', secret).update(`webhook:${partner}`).digest('hex');
}

function mac(key: string, timestamp_s: number, body: string | Buffer): string {
  return createHmac('sha256', key).update(`${timestamp_s}.`).update(body).digest('hex');
}

export function signNotification(key: string, timestamp_s: number, body: string | Buffer): string {
  return `t=${timestamp_s},v1=${mac(key, timestamp_s, body)}`;
}

/** Notifications older (or further in the future) than this are refused. */
export const NOTIFICATION_TOLERANCE_S = 300;

export type SignatureCheck = { ok: true; timestamp_s: number } | { ok: false; outcome: 'bad_signature' | 'stale' };

export function verifySignature(key: string, header: string | undefined, body: string | Buffer, now: Date): SignatureCheck {
  const parts = Object.fromEntries(
    (header ?? '')
      .split(',')
      .map((p) => p.trim().split('=', 2))
      .filter((p): p is [string, string] => p.length === 2),
  );
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isSafeInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, outcome: 'bad_signature' };
  if (!constantTimeEqual(mac(key, t, body), v1)) return { ok: false, outcome: 'bad_signature' };
  if (Math.abs(now.getTime() / 1000 - t) > NOTIFICATION_TOLERANCE_S) return { ok: false, outcome: 'stale' };
  return { ok: true, timestamp_s: t };
}
