import { describe, expect, it } from 'vitest';
import { signNotification, verifySignature, webhookSecret } from './signature.js';

describe('notification signatures', () => {
  const key = webhookSecret('platform-secret-0123456789abcdefghijklmnop', 'wallet');
  const now = new Date('2026-11-26T05:00:00Z');
  const t = now.getTime() / 1000;
  const body = '{"event_id":"e1","payment_reference":"SP1","status":"succeeded"}';

  it('accepts a fresh, well-signed body', () => {
    expect(verifySignature(key, signNotification(key, t, body), body, now)).toEqual({ ok: true, timestamp_s: t });
  });

  it.each([
    ['a changed body', signNotification(key, t, body), `${body} `, 'bad_signature'],
    ['another provider’s key', signNotification(webhookSecret('platform-secret-0123456789abcdefghijklmnop', 'card'), t, body), body, 'bad_signature'],
    ['no header', undefined, body, 'bad_signature'],
    ['a garbled header', 't=abc,v1=zz', body, 'bad_signature'],
    ['a timestamp six minutes old', signNotification(key, t - 360, body), body, 'stale'],
    ['a timestamp six minutes ahead', signNotification(key, t + 360, body), body, 'stale'],
  ])('refuses %s', (_name, header, sent, outcome) => {
    expect(verifySignature(key, header, sent, now)).toEqual({ ok: false, outcome });
  });

  it('accepts up to five minutes of age', () => {
    expect(verifySignature(key, signNotification(key, t - 300, body), body, now).ok).toBe(true);
  });
});
