import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError, errorsByPath, type Market } from '../../api.js';
import { ErrorBox, FieldError, Loading, Notice } from '../../components/ui.js';
import type { Language } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { useMe } from '../../session.js';
import { MarketSwitcher } from '../shop/components.js';
import { useMarket } from '../shop/market.js';
import { useLanguage } from '../shop/queries.js';
import { type AddressDraft, AddressForm, defaultCountry, EMPTY_ADDRESS, shipToOf } from './AddressForm.js';
import { type Cart, type CheckoutInput, type Lane, PAYMENT_METHODS, type PaymentMethod, type Quote, type QuoteInput, type QuoteLine, shopApi } from './api.js';
import { cartCount, cartKey, forgetCart, itemLabel, useCart, useCartLine } from './cart.js';
import { IdentitySection, useBuyerIdentities } from './IdentitySection.js';
import { OrderCosts, QuoteSummary } from './QuoteSummary.js';
import { Amount, localised } from './shared.js';

const MAX_QUANTITY = 999;

type CartItem = Cart['items'][number];

/** One line of the cart: what it is (from the quote, else from what this device remembers), its price and quantity. */
function CartLine({
  item,
  line,
  error,
  language,
  market,
  cartId,
}: {
  item: CartItem;
  line: QuoteLine | undefined;
  error: string | undefined;
  language: Language;
  market: Market;
  cartId: string;
}) {
  const { t } = useTranslation();
  const { setQuantity, remove } = useCartLine(market, cartId);
  const label = itemLabel(item.variant_id);
  const title = line ? localised(line.title, language) : label ? localised(label.title, language) : { text: item.variant_id, lang: language };
  const productId = line?.product_id ?? label?.product_id;
  const sku = line?.sku ?? label?.sku ?? '';
  const pending = setQuantity.isPending || remove.isPending;
  const change = (quantity: number) => {
    if (quantity < 1 || quantity > MAX_QUANTITY || quantity === item.quantity) return;
    setQuantity.mutate({ variant_id: item.variant_id, quantity });
  };
  const failure = setQuantity.error ?? remove.error;
  return (
    <li className="cart-line" data-testid="cart-line" data-variant-id={item.variant_id} data-quantity={item.quantity}>
      <div className="cart-line-main">
        {productId ? (
          <Link href={`/shop/product/${encodeURIComponent(productId)}`} lang={title.lang} className="cart-line-title" data-testid="cart-line-title">
            {title.text}
          </Link>
        ) : (
          <span lang={title.lang} className="cart-line-title" data-testid="cart-line-title">
            {title.text}
          </span>
        )}
        <span className="mono small muted">{sku}</span>
        {line ? (
          <span className="small">
            <Amount money={line.unit_price} testId="cart-line-unit" /> × {line.quantity} = <Amount money={line.total} testId="cart-line-total" />
            {line.tax.amount_minor > 0 ? (
              <span className="muted">
                {' '}
                · {t('checkout.line_tax')} <Amount money={line.tax} testId="cart-line-tax" />
              </span>
            ) : null}
          </span>
        ) : null}
      </div>
      <div className="cart-line-actions">
        <div className="stepper">
          <button
            type="button"
            onClick={() => change(item.quantity - 1)}
            disabled={pending || item.quantity <= 1}
            aria-label={t('cart.less')}
            data-testid="cart-line-less"
          >
            −
          </button>
          <output className="stepper-value" aria-label={t('cart.quantity')} data-testid="cart-line-quantity" aria-live="polite">
            {item.quantity}
          </output>
          <button type="button" onClick={() => change(item.quantity + 1)} disabled={pending} aria-label={t('cart.more')} data-testid="cart-line-more">
            +
          </button>
        </div>
        <button
          type="button"
          className="danger-outline button-small"
          onClick={() => remove.mutate(item.variant_id)}
          disabled={pending}
          data-testid="cart-line-remove"
        >
          {t('cart.remove')}
        </button>
      </div>
      {error ? (
        <p className="field-error" data-testid="cart-line-error">
          {error}
        </p>
      ) : null}
      {failure ? <ErrorBox error={failure} testId="cart-line-failure" /> : null}
    </li>
  );
}

/** Errors of a quote refused as a whole that name cart items (`items[2].quantity`), by variant. */
function itemErrors(error: unknown, cart: Cart): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors) {
    const match = /^items\[(\d+)\]/.exec(e.path);
    const item = match ? cart.items[Number(match[1])] : undefined;
    if (item && !out.has(item.variant_id)) out.set(item.variant_id, e.message);
  }
  return out;
}

/** The quote of the cart, asked again whenever the cart, destination, identity or lane changes, and when it expires. */
function useCartQuote(input: QuoteInput | null, cart: Cart) {
  const quote = useQuery({
    queryKey: ['quote', cart.id, cart.updated_at, input],
    queryFn: () => shopApi.quote(input as QuoteInput),
    enabled: input !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    // While a changed cart is priced again, the previous quote stays on screen (checkout waits for the new one).
    placeholderData: (previous) => previous,
  });
  const { data, refetch } = quote;
  useEffect(() => {
    if (!data) return;
    const timer = window.setTimeout(() => void refetch(), Math.max(0, Date.parse(data.expires_at) - Date.now()) + 1_000);
    return () => window.clearTimeout(timer);
  }, [data, refetch]);
  return quote;
}

function CartCheckout({ cart, market }: { cart: Cart; market: Market }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const cbec = market === 'CN_CBEC';
  const [address, setAddress] = useState<AddressDraft>({ country: defaultCountry(market), ...EMPTY_ADDRESS });
  const identities = useBuyerIdentities(cbec);
  const [identityId, setIdentityId] = useState<string | undefined>(undefined);
  const chosenIdentity = cbec ? (identityId ?? identities.data?.items[0]?.id) : undefined;
  const [lane, setLane] = useState<Lane | ''>('');
  const methods = PAYMENT_METHODS[market];
  const [method, setMethod] = useState<PaymentMethod>(methods[0] ?? 'card');
  const [quoteChanged, setQuoteChanged] = useState(false);
  const idempotency = useIdempotencyKey();
  const user = useMe().data?.id;

  const ready = !cbec || identities.isFetched;
  const input: QuoteInput | null = ready
    ? {
        market,
        cart_id: cart.id,
        ship_to: { country: address.country },
        ...(chosenIdentity ? { buyer_identity_id: chosenIdentity } : {}),
        ...(lane ? { lane } : {}),
      }
    : null;
  const quote = useCartQuote(input, cart);
  const q: Quote | undefined = quote.data;

  const checkout = useMutation({
    mutationFn: (body: CheckoutInput) => shopApi.checkout(body, idempotency.keyFor(body)),
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async (result) => {
      if (user) forgetCart(user, market);
      await client.invalidateQueries({ queryKey: ['cart'] });
      await client.invalidateQueries({ queryKey: ['orders'] });
      navigate(`/pay/${encodeURIComponent(result.payment.id)}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'quote_changed') {
        // The cart may have changed elsewhere (another tab, the API): read it again; a changed cart is priced again by
        // itself (the quote follows the cart), an unchanged one (the quote expired) is priced again here.
        setQuoteChanged(true);
        void client.invalidateQueries({ queryKey: ['cart'] }).then(() => {
          const fresh = client.getQueryData<Cart | null>([...cartKey(user ?? '', market), cart.id]);
          if (fresh?.updated_at === cart.updated_at) void quote.refetch();
        });
      }
      if (error instanceof ApiError && error.code === 'checkout_already_done' && user) forgetCart(user, market);
    },
  });
  const checkoutErrors = checkout.error instanceof ApiError ? errorsByPath(checkout.error.problem.errors) : {};
  const shownAtFields = Object.keys(checkoutErrors).some((p) => p.startsWith('ship_to.') || p === 'buyer_identity_id' || p === 'payment_method');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!q) return;
    setQuoteChanged(false);
    checkout.mutate({
      cart_id: cart.id,
      quote_id: q.id,
      ...(chosenIdentity ? { buyer_identity_id: chosenIdentity } : {}),
      ship_to: shipToOf(address),
      payment_method: method,
    });
  };

  const lineErrors = itemErrors(quote.error, cart);
  const bySeller = q ? q.orders : [];
  const lanes = q ? [...new Set(q.orders.flatMap((o) => o.lane_options.map((l) => l.lane)))] : [];
  const line = (item: CartItem) => (
    <CartLine
      key={item.variant_id}
      item={item}
      line={q?.lines.find((l) => l.variant_id === item.variant_id)}
      error={lineErrors.get(item.variant_id)}
      language={language}
      market={market}
      cartId={cart.id}
    />
  );
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (checkout.isError) errorRef.current?.scrollIntoView({ block: 'center' });
  }, [checkout.isError]);

  return (
    <>
      <section className="card" aria-labelledby="cart-items-title" data-testid="cart-items" data-cart-id={cart.id} data-count={cartCount(cart)}>
        <h2 id="cart-items-title">{t('cart.items_title', { n: cartCount(cart) })}</h2>
        {q ? (
          bySeller.map((order) => (
            <div key={order.seller_id} className="cart-seller" data-testid="cart-seller" data-seller-id={order.seller_id}>
              <h3 lang="th" data-testid="cart-seller-name">
                {order.seller_name}
              </h3>
              <ul className="cart-lines">
                {cart.items.filter((i) => q.lines.some((l) => l.variant_id === i.variant_id && l.seller_id === order.seller_id)).map(line)}
              </ul>
              <OrderCosts quote={q} order={order} />
            </div>
          ))
        ) : (
          <ul className="cart-lines">{cart.items.map(line)}</ul>
        )}
      </section>

      {quote.isPending && input ? <Loading /> : null}
      {quote.isError ? (
        <div data-testid="quote-error">
          <ErrorBox error={quote.error} testId="quote-error-message" />
          {lineErrors.size === 0 ? (
            <button type="button" onClick={() => void quote.refetch()} data-testid="quote-retry">
              {t('common.retry')}
            </button>
          ) : null}
        </div>
      ) : null}
      {quoteChanged ? (
        <Notice kind="warning" testId="checkout-quote-changed">
          {t('checkout.quote_changed')}
        </Notice>
      ) : null}
      {q ? (
        <>
          {lanes.length > 1 ? (
            <div className="field">
              <label htmlFor="quote-lane">{t('checkout.lane_choice')}</label>
              <select id="quote-lane" value={lane} onChange={(e) => setLane(e.target.value as Lane | '')} data-testid="quote-lane">
                <option value="">{t('checkout.lane_cheapest')}</option>
                {lanes.map((l) => (
                  <option key={l} value={l}>
                    {t(`checkout.lane.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <QuoteSummary quote={q} />
        </>
      ) : null}

      {cbec ? <IdentitySection chosen={chosenIdentity} onChoose={setIdentityId} error={checkoutErrors.buyer_identity_id} /> : null}

      <form onSubmit={submit} noValidate data-testid="checkout-form">
        <AddressForm market={market} value={address} onChange={setAddress} errors={checkoutErrors} />

        <section className="card" aria-labelledby="pay-method-title" data-testid="pay-methods">
          <h2 id="pay-method-title">{t('checkout.payment_method')}</h2>
          <fieldset className="choices">
            <legend className="visually-hidden">{t('checkout.payment_method')}</legend>
            {methods.map((m) => (
              <label key={m} className={m === method ? 'choice active' : 'choice'}>
                <input type="radio" name="payment-method" value={m} checked={m === method} onChange={() => setMethod(m)} data-testid={`pay-method-${m}`} />
                <span>
                  <strong>{t(`pay.method.${m}`)}</strong>
                  <span className="muted small block-text">{t(`pay.method_help.${m}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <FieldError path="payment_method" message={checkoutErrors.payment_method} />
        </section>

        <div ref={errorRef}>
          {checkout.isError && !shownAtFields ? <ErrorBox error={checkout.error} testId="checkout-error" /> : null}
          {checkout.isError && shownAtFields ? (
            <Notice kind="error" testId="checkout-error">
              {t('checkout.fix_fields')}
            </Notice>
          ) : null}
          {checkout.error instanceof ApiError && checkout.error.code === 'checkout_already_done' ? (
            <Link href="/orders" className="button block" data-testid="checkout-see-orders">
              {t('orders.title')}
            </Link>
          ) : null}
        </div>
        <button
          type="submit"
          className="primary block"
          disabled={!q?.payable || checkout.isPending || quote.isFetching || quote.isPlaceholderData}
          data-testid="checkout-submit"
        >
          {checkout.isPending ? t('checkout.placing') : q ? t('checkout.place_order') : t('checkout.place_order_wait')}
          {q && !checkout.isPending ? <Amount money={q.total} testId="checkout-submit-total" /> : null}
        </button>
        <p className="hint center">{t('checkout.terms')}</p>
      </form>
    </>
  );
}

/** /cart: the cart of the market the shop is in, its landed cost per seller and in total, and checkout. */
export function CartPage() {
  const { t } = useTranslation();
  const market = useMarket();
  const cart = useCart(market);
  return (
    <div data-testid="cart-page" data-market={market}>
      <div className="page-head">
        <h1>{t('cart.title')}</h1>
        <Link href="/orders" className="button" data-testid="cart-orders-link">
          {t('orders.title')}
        </Link>
      </div>
      <MarketSwitcher />
      {cart.isPending ? <Loading /> : null}
      {cart.isError ? <ErrorBox error={cart.error} /> : null}
      {cart.isSuccess && (!cart.data || cart.data.items.length === 0) ? (
        <section className="card empty" data-testid="cart-empty">
          <p>{t('cart.empty', { market: t(`shop.market.${market}`) })}</p>
          <Link href="/shop" className="button primary">
            {t('cart.go_shopping')}
          </Link>
        </section>
      ) : null}
      {cart.data && cart.data.items.length > 0 ? <CartCheckout key={`${cart.data.id}-${market}`} cart={cart.data} market={market} /> : null}
    </div>
  );
}
