import QRCode from 'qrcode';
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
