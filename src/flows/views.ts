import { mask } from '../kernel/crypto.js';
import { money as kernelMoney, toJson } from '../kernel/money.js';
import type * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';

/** The wire shapes of orders and payments (api.md): Money objects, ISO times, masked personal data. */

type Currency = 'THB' | 'CNY' | 'USD';
/** An amount on the wire (api.md: `{ amount_minor, currency }`, never a float). */
export const money = (amount_minor: bigint | number, currency: Currency) => toJson(kernelMoney(amount_minor, currency));

export interface ShipTo {
  country: string;
  region: string;
  city: string;
  district_code?: string | undefined;
  address_line: string;
  postal_code?: string | undefined;
  consignee_name: string;
  consignee_phone: string;
}

/** What screens show of an address: where it goes, not who lives there. */
export function maskShipTo(s: ShipTo): Record<string, string> {
  const name = [...s.consignee_name].map((c, i) => (i === 0 || c === ' ' ? c : '•')).join('');
  return {
    country: s.country,
    region: s.region,
    city: s.city,
    ...(s.district_code ? { district_code: s.district_code } : {}),
    ...(s.postal_code ? { postal_code: s.postal_code } : {}),
    address_line: `${s.address_line.slice(0, 4)}${'•'.repeat(Math.max(0, Math.min(12, s.address_line.length - 4)))}`,
    consignee_name: name,
    consignee_phone: mask(s.consignee_phone.replace(/\s/g, ''), 4),
  };
}

export function orderView(
  o: orders.OrderRow,
  extra: {
    timeline?: Awaited<ReturnType<typeof orders.timelineOf>>;
    refunds?: Awaited<ReturnType<typeof payments.refundsOf>>;
  } = {},
) {
  const c = o.currency;
  return {
    id: o.id,
    checkout_id: o.checkout_id,
    quote_id: o.quote_id,
    status: o.status,
    market: o.market,
    seller_id: o.seller_id,
    lines: o.lines.map((l) => ({
      variant_id: l.variant_id,
      product_id: l.product_id,
      sku: l.sku,
      title: l.title,
      hs_code: l.hs_code,
      quantity: l.quantity,
      unit_price: money(l.unit_minor, c),
      total: money(l.total_minor, c),
      tax: money(l.tax_minor, c),
    })),
    goods: money(o.goods_minor, c),
    shipping: money(o.shipping_minor, c),
    insurance: money(o.insurance_minor, c),
    tax: {
      duty: money(o.duty_minor, c),
      vat: money(o.vat_minor, c),
      consumption: money(o.consumption_minor, c),
      total: money(o.duty_minor + o.vat_minor + o.consumption_minor, c),
    },
    total: money(o.total_minor, c),
    dutiable: money(o.dutiable_minor, c),
    refunded: money(o.refunded_minor, c),
    cbec_regime: o.cbec_regime,
    lane: o.lane,
    fx: o.fx ? { base: 'THB' as const, quote: c, rate: o.fx.rate, rate_date: o.fx.rate_date } : null,
    buyer_identity_id: o.buyer_identity_id,
    ship_to: o.ship_to_masked,
    payment_id: o.payment_id,
    reserved_until: o.reserved_until.toISOString(),
    paid_at: o.paid_at?.toISOString() ?? null,
    created_at: o.created_at.toISOString(),
    updated_at: o.updated_at.toISOString(),
    ...(extra.timeline
      ? {
          timeline: extra.timeline.map((e) => ({
            at: e.at.toISOString(),
            kind: e.kind,
            from: e.from_status,
            to: e.to_status,
            detail: e.detail,
          })),
        }
      : {}),
    ...(extra.refunds
      ? {
          refunds: extra.refunds.map((r) => ({
            id: r.id,
            amount: money(r.amount_minor, r.currency),
            reason: r.reason,
            status: r.status,
            created_at: r.created_at.toISOString(),
          })),
        }
      : {}),
  };
}

export async function paymentView(p: payments.PaymentRow, allocations: readonly { order_id: string; amount_minor: bigint }[]) {
  const c = p.currency;
  const promptpay =
    p.method === 'promptpay' && p.instructions.payload
      ? {
          payload: p.instructions.payload,
          qr_svg: await payments.qrSvg(p.instructions.payload),
          biller_id: p.instructions.biller_id ?? '',
          ref1: p.instructions.ref1 ?? p.reference,
        }
      : null;
  return {
    id: p.id,
    status: p.status,
    method: p.method,
    amount: money(p.amount_minor, c),
    refunded: money(p.refunded_minor, c),
    reference: p.reference,
    allocations: allocations.map((a) => ({ order_id: a.order_id, amount: money(a.amount_minor, c) })),
    promptpay,
    redirect_url: p.instructions.redirect_url ?? null,
    failure_code: p.failure_code,
    expires_at: p.expires_at.toISOString(),
    settled_at: p.settled_at?.toISOString() ?? null,
    created_at: p.created_at.toISOString(),
  };
}
