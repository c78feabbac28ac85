import type { components } from '../../api/schema.js';
import { call, client, type JsonBody, type JsonResponse, type Market, type Operation } from '../../api.js';

/**
 * The buying side of the API (carts, quotes, buyer identities, checkout, payments, orders) and the admin money screens
 * (reference rates, trial balance), sent through the app's one client (web/src/api.ts: Accept-Language, CSRF, problems).
 */

type Schemas = components['schemas'];
export type Money = Schemas['Money'];
export type Currency = Money['currency'];
export type Cart = Schemas['Cart'];
export type Quote = Schemas['Quote'];
export type QuoteOrder = Quote['orders'][number];
export type QuoteLine = Quote['lines'][number];
export type QuoteProblem = Quote['problems'][number];
export type Lane = QuoteOrder['lane'];
export type QuoteInput = JsonBody<'/api/v1/quotes', 'post'>;
export type BuyerIdentity = Schemas['BuyerIdentity'];
export type BuyerIdentityInput = JsonBody<'/api/v1/buyer-identities', 'post'>;
export type CheckoutInput = JsonBody<'/api/v1/checkout', 'post'>;
export type ShipTo = CheckoutInput['ship_to'];
export type PaymentMethod = CheckoutInput['payment_method'];
export type CheckoutResult = Schemas['Checkout'];
export type Order = Schemas['Order'];
export type OrderStatus = Order['status'];
export type OrderLine = Order['lines'][number];
export type TimelineEntry = NonNullable<Order['timeline']>[number];
export type Payment = Schemas['Payment'];
export type PaymentStatus = Payment['status'];
export type FxRate = Schemas['FxRate'];
export type FxRateInput = JsonBody<'/api/v1/fx-rates', 'post'>;
export type TrialBalance = JsonResponse<'/api/v1/ledger/trial-balance', 'get', 200>;
type FxImport = Operation<'/api/v1/fx-rates/import', 'post'>['requestBody']['content']['multipart/form-data'];

/** How a buyer may pay in a market: PromptPay in baht, the real-name wallet for CBEC (buyer = payer), a card otherwise. */
export const PAYMENT_METHODS: Record<Market, readonly PaymentMethod[]> = { TH: ['promptpay', 'card'], CN_CBEC: ['wallet'], INTL: ['card'] };

/** A payment that will not change any more. */
export function paymentSettled(status: PaymentStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'expired';
}

/** Orders a buyer may still cancel (unpaid: the checkout ends; paid before picking: refunded in full). */
export function cancellable(status: OrderStatus): boolean {
  return status === 'pending_payment' || status === 'paid';
}

const byId = (id: string) => ({ params: { path: { id } } });
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });

export const shopApi = {
  createCart: (market: Market) => call(() => client.POST('/api/v1/carts', { body: { market } })),
  getCart: (id: string) => call(() => client.GET('/api/v1/carts/{id}', byId(id))),
  /** Adds to what is in the cart, or with `replace` sets the quantity. */
  setCartItem: (cartId: string, body: { variant_id: string; quantity: number; replace?: boolean }) =>
    call(() => client.POST('/api/v1/carts/{id}/items', { ...byId(cartId), body: { replace: false, ...body } })),
  removeCartItem: (cartId: string, variantId: string) =>
    call(() => client.DELETE('/api/v1/carts/{id}/items/{variant_id}', { params: { path: { id: cartId, variant_id: variantId } } })),

  quote: (body: QuoteInput) => call(() => client.POST('/api/v1/quotes', { body })),

  buyerIdentities: () => call(() => client.GET('/api/v1/buyer-identities')),
  createBuyerIdentity: (body: BuyerIdentityInput, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/buyer-identities', { body, ...keyed(idempotencyKey) })),

  /** The key must stay the same while the same submission is retried (api.md: required on POST /checkout). */
  checkout: (body: CheckoutInput, idempotencyKey: string) => call(() => client.POST('/api/v1/checkout', { body, ...keyed(idempotencyKey) })),

  payment: (id: string) => call(() => client.GET('/api/v1/payments/{id}', byId(id))),
  /** Sandbox only: play the payment partner (pay or decline); the server sends itself the signed notification. */
  sandboxPay: (id: string, outcome: 'succeed' | 'fail') =>
    call(() => client.POST('/api/v1/sandbox/payments/{id}/{outcome}', { params: { path: { id, outcome } } })),

  orders: (query: { seller_id?: string; status?: OrderStatus; cursor?: string | null } = {}) =>
    call(() =>
      client.GET('/api/v1/orders', {
        params: {
          query: {
            ...(query.seller_id ? { seller_id: query.seller_id } : {}),
            ...(query.status ? { status: query.status } : {}),
            ...(query.cursor ? { cursor: query.cursor } : {}),
          },
        },
      }),
    ),
  order: (id: string) => call(() => client.GET('/api/v1/orders/{id}', byId(id))),
  cancelOrder: (id: string) => {
    const key = crypto.randomUUID();
    return call(() => client.POST('/api/v1/orders/{id}/cancel', { ...byId(id), body: {}, ...keyed(key) }));
  },

  fxRates: () => call(() => client.GET('/api/v1/fx-rates')),
  setFxRate: (body: FxRateInput, idempotencyKey: string) => call(() => client.POST('/api/v1/fx-rates', { body, ...keyed(idempotencyKey) })),
  /** A CSV of rates as multipart/form-data (field `file`); the browser sets the content type with its boundary. */
  importFxRates: (file: File, source: string, idempotencyKey: string) => {
    const form = new FormData();
    form.append('source', source);
    form.append('file', file, file.name);
    const body: FxImport = { file: file.name, source };
    return call(() => client.POST('/api/v1/fx-rates/import', { body, bodySerializer: () => form, ...keyed(idempotencyKey) }));
  },
  trialBalance: () => call(() => client.GET('/api/v1/ledger/trial-balance')),
};
