import createClient from 'openapi-fetch';
import type { components, paths } from '../../api/schema.js';
import { ApiError, api, type Market, type Problem } from '../../api.js';
import { currentLanguage } from '../../i18n/index.js';

/**
 * The buying side of the API (carts, quotes, buyer identities, checkout, payments, orders) and the admin money screens
 * (reference rates, trial balance), typed by web/src/api/schema.d.ts and sent exactly as web/src/api.ts sends its calls:
 * same origin, Accept-Language of the UI, the session's CSRF token on writes (fetched again once when refused as stale),
 * problem answers as ApiError. (These belong in web/src/api.ts; they live here until it takes them.)
 */

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonResponse<P extends keyof paths, M extends Method, S extends number> =
  Operation<P, M> extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;
type JsonBody<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

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

/** How a buyer may pay in a market: PromptPay in baht, the wallet in yuan, a card in any currency. */
export const PAYMENT_METHODS: Record<Market, readonly PaymentMethod[]> = { TH: ['promptpay', 'card'], CN_CBEC: ['wallet', 'card'], INTL: ['card'] };

/** A payment that will not change any more. */
export function paymentSettled(status: PaymentStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'expired';
}

/** Orders a buyer may still cancel (unpaid: the checkout ends; paid before picking: refunded in full). */
export function cancellable(status: OrderStatus): boolean {
  return status === 'pending_payment' || status === 'paid';
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session's CSRF token as GET /me gives it; asked for before the first write and again when refused as stale. */
let csrfToken: string | null = null;
let csrfPending: Promise<string | null> | null = null;

async function freshCsrf(): Promise<string | null> {
  csrfPending ??= api
    .me()
    .then((me) => me.csrf_token)
    .catch(() => null)
    .finally(() => {
      csrfPending = null;
    });
  csrfToken = await csrfPending;
  return csrfToken;
}

const client = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { accept: 'application/json, application/problem+json' },
});
client.use({
  async onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage());
    if (WRITES.has(request.method)) {
      const token = csrfToken ?? (await freshCsrf());
      if (token) request.headers.set('x-csrf-token', token);
    }
    return request;
  },
});

function problemOf(response: Response, body: unknown): Problem {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') && body !== null && typeof body === 'object') {
    const partial = body as Partial<Problem>;
    return {
      ...partial,
      title: partial.title ?? response.statusText,
      status: partial.status ?? response.status,
      code: partial.code ?? `http_${response.status}`,
      errors: Array.isArray(partial.errors) ? partial.errors : [],
    };
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status, code: `http_${response.status}`, errors: [] };
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

async function attempt<T>(run: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ title: 'network_error', status: 0, code: 'network_error', errors: [] });
  }
}

async function call<T>(run: () => Promise<Outcome<T>>): Promise<T> {
  let outcome = await attempt(run);
  let { response } = outcome;
  if (!response.ok && response.status === 403 && problemOf(response, outcome.error).code === 'csrf_token_invalid' && (await freshCsrf())) {
    outcome = await attempt(run);
    response = outcome.response;
  }
  if (!response.ok) throw new ApiError(problemOf(response, outcome.error));
  return outcome.data as T;
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
