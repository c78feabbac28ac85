import { createHmac } from 'node:crypto';
import QRCode from 'qrcode';
import { constantTimeEqual } from '../../kernel/crypto.js';
import { billPaymentPayload } from './promptpay.js';
import type { PaymentMethod } from './schema.js';

/**
 * Payment providers behind one interface. Each turns a payment into what the payer needs (a Thai QR,
 * a wallet redirect) and speaks one notification contract: a JSON body signed with HMAC-SHA256 over
 * `timestamp + "." + body` in `X-Saphan-Signature: t=<unix seconds>,v1=<hex>` (api.md, Webhooks).
 * In sandbox mode each provider is played by the built-in sandbox partner (app/sandbox.ts).
 */

export interface PaymentForProvider {
  readonly id: string;
  readonly reference: string;
  readonly amount_minor: bigint;
  readonly currency: 'THB' | 'CNY' | 'USD';
}

export interface PaymentProvider {
  readonly method: PaymentMethod;
  /** Currencies the provider settles in. */
  readonly currencies: readonly ('THB' | 'CNY' | 'USD')[];
  instructions(payment: PaymentForProvider, base_url: string): Record<string, string>;
}

/** The sandbox bank's PromptPay biller ID (a valid 13-digit tax ID + suffix 01); production sets its own. */
export const SANDBOX_BILLER_ID = '010555312345201';

export interface ProviderSettings {
  /** The platform's PromptPay biller ID (15 digits: tax ID + suffix), from the bank agreement. */
  readonly promptpay_biller_id: string;
}

export function providers(settings: ProviderSettings): Readonly<Record<PaymentMethod, PaymentProvider>> {
  return {
    promptpay: {
      method: 'promptpay',
      currencies: ['THB'],
      instructions: (p) => ({
        // Tag 30 bill payment: the biller is the platform, ref1 the payment reference the bank sends back.
        payload: billPaymentPayload({ biller_id: settings.promptpay_biller_id, ref1: p.reference, amount_satang: p.amount_minor }),
        biller_id: settings.promptpay_biller_id,
        ref1: p.reference,
      }),
    },
    wallet: {
      method: 'wallet',
      currencies: ['CNY'],
      instructions: (p, base_url) => ({ redirect_url: `${base_url}/pay/wallet/${p.id}`, reference: p.reference }),
    },
    card: {
      method: 'card',
      currencies: ['THB', 'CNY', 'USD'],
      instructions: (p, base_url) => ({ redirect_url: `${base_url}/pay/card/${p.id}`, reference: p.reference }),
    },
  };
}

const qr_cache = new Map<string, string>();

/**
 * The PromptPay payload as an SVG QR code (error correction M, as Thai QR Payment asks). The payment
 * page asks for it every few seconds while the payer scans: recent ones are kept (a payload is unique
 * per payment and never changes).
 */
export async function qrSvg(payload: string): Promise<string> {
  const cached = qr_cache.get(payload);
  if (cached) return cached;
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  if (qr_cache.size >= 2_000) qr_cache.delete(qr_cache.keys().next().value as string);
  qr_cache.set(payload, svg);
  return svg;
}

/** Each provider signs with its own key, derived from the platform secret. */
export function webhookSecret(secret: string, provider: PaymentMethod): string {
  return createHmac('sha256', secret).update(`webhook:${provider}`).digest('hex');
}

export function signNotification(key: string, timestamp_s: number, body: string): string {
  const v1 = createHmac('sha256', key).update(`${timestamp_s}.${body}`).digest('hex');
  return `t=${timestamp_s},v1=${v1}`;
}

/** Notifications older (or further in the future) than this are refused. */
export const NOTIFICATION_TOLERANCE_S = 300;

export type SignatureCheck = { ok: true; timestamp_s: number } | { ok: false; outcome: 'bad_signature' | 'stale' };

export function verifySignature(key: string, header: string | undefined, body: string, now: Date): SignatureCheck {
  const parts = Object.fromEntries(
    (header ?? '')
      .split(',')
      .map((p) => p.trim().split('=', 2))
      .filter((p): p is [string, string] => p.length === 2),
  );
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isSafeInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, outcome: 'bad_signature' };
  const expected = createHmac('sha256', key).update(`${t}.${body}`).digest('hex');
  if (!constantTimeEqual(expected, v1)) return { ok: false, outcome: 'bad_signature' };
  if (Math.abs(now.getTime() / 1000 - t) > NOTIFICATION_TOLERANCE_S) return { ok: false, outcome: 'stale' };
  return { ok: true, timestamp_s: t };
}
