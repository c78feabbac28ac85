import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api.js';
import { ConfirmStep, ErrorBox, Loading, Notice } from '../../components/ui.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { useCountryName } from '../checkout/AddressForm.js';
import { cancellable, type Order, shopApi } from '../checkout/api.js';
import { Amount, Breakdown, localised } from '../checkout/shared.js';
import { useLanguage } from '../shop/queries.js';
import { ReceiptPanel } from './ReceiptPanel.js';
import { ORDERS_KEY, OrderRow, OrderStatusBadge, orderKey, TimelineItem } from './shared.js';
import { TrackingPanel } from './TrackingPanel.js';

/** /orders: the buyer's orders, newest first, page by page. */
export function OrdersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orders = useInfiniteQuery({
    queryKey: [...ORDERS_KEY, 'mine'],
    queryFn: ({ pageParam }) => shopApi.orders({ cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="orders-page">
      <div className="page-head">
        <h1>{t('orders.title')}</h1>
        <Link href="/cart" className="button" data-testid="orders-cart-link">
          {t('cart.title')}
        </Link>
      </div>
      {orders.isPending ? <Loading /> : null}
      {orders.isError ? <ErrorBox error={orders.error} /> : null}
      {orders.isSuccess && items.length === 0 ? (
        <section className="card empty" data-testid="orders-empty">
          <p>{t('orders.empty')}</p>
          <Link href="/shop" className="button primary">
            {t('cart.go_shopping')}
          </Link>
        </section>
      ) : null}
      {items.length > 0 ? (
        <section className="card">
          <ul className="rows" data-testid="order-list">
            {items.map((order) => (
              <OrderRow key={order.id} order={order} href={`/orders/${encodeURIComponent(order.id)}`} language={language} />
            ))}
          </ul>
        </section>
      ) : null}
      {orders.hasNextPage ? (
        <button type="button" className="block" disabled={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()} data-testid="orders-more">
          {t('compliance.load_more')}
        </button>
      ) : null}
    </div>
  );
}

/** Cancelling: an unpaid order ends its whole checkout (one payment for all its orders); a paid one is refunded. */
function CancelOrder({ order }: { order: Order }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () => shopApi.cancelOrder(order.id),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: ORDERS_KEY });
      await client.invalidateQueries({ queryKey: ['payments', order.payment_id] });
    },
  });
  if (!cancellable(order.status)) return null;
  return (
    <div className="cancel-order">
      {confirming ? (
        <ConfirmStep
          question={t(order.status === 'paid' ? 'orders.cancel_question_paid' : 'orders.cancel_question_unpaid')}
          confirmLabel={t('orders.cancel_confirm')}
          pending={cancel.isPending}
          onConfirm={() => cancel.mutate()}
          onCancel={() => setConfirming(false)}
          testId="order-cancel-step"
        />
      ) : (
        <button type="button" className="danger-outline block" onClick={() => setConfirming(true)} data-testid="order-cancel">
          {t('orders.cancel')}
        </button>
      )}
      <ErrorBox error={cancel.error} testId="order-cancel-error" />
    </div>
  );
}

const SHIP_TO_FIELDS = ['consignee_name', 'consignee_phone', 'region', 'city', 'district_code', 'address_line', 'postal_code', 'country'] as const;

/** The order as stored: lines, costs, tax, the rate used, where it goes (masked), what happened to it, refunds. */
export function OrderView({ order, seller = false }: { order: Order; seller?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleLanguage = seller ? 'th' : language;
  const countryName = useCountryName();
  const cbec = order.market === 'CN_CBEC';
  return (
    <article data-testid="order-page" data-order-id={order.id} data-status={order.status}>
      <section className="card">
        <div className="card-head wrap">
          <h1 className="order-title">{t('orders.order_title')}</h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="mono small muted" data-testid="order-id">
          {order.id}
        </p>
        <p className="small">{t(`orders.status_help.${order.status}`)}</p>
        {order.status === 'pending_payment' && !seller ? (
          <>
            <p className="small muted">{t('orders.pay_before', { at: formatDateTime(order.reserved_until, language) })}</p>
            <Link href={`/pay/${encodeURIComponent(order.payment_id)}`} className="button primary block" data-testid="order-pay">
              {t('orders.pay_now')}
            </Link>
          </>
        ) : null}
        <dl className="facts">
          <div>
            <dt>{t('orders.placed')}</dt>
            <dd>{formatDateTime(order.created_at, language)}</dd>
          </div>
          {order.paid_at ? (
            <div>
              <dt>{t('orders.paid_at')}</dt>
              <dd data-testid="order-paid-at">{formatDateTime(order.paid_at, language)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('orders.market')}</dt>
            <dd>{t(`shop.market.${order.market}`)}</dd>
          </div>
          <div>
            <dt>{t('checkout.shipping')}</dt>
            <dd data-testid="order-lane">{t(`checkout.lane.${order.lane}`, { defaultValue: order.lane })}</dd>
          </div>
        </dl>
      </section>

      {!seller ? <ReceiptPanel order={order} /> : null}
      <TrackingPanel orderId={order.id} status={order.status} />

      <section className="card" aria-labelledby="order-lines-title">
        <h2 id="order-lines-title">{t('orders.lines_title')}</h2>
        <ul className="cart-lines" data-testid="order-lines">
          {order.lines.map((line) => {
            const title = localised(line.title, titleLanguage);
            return (
              <li key={line.variant_id} className="cart-line" data-testid="order-line" data-variant-id={line.variant_id}>
                <div className="cart-line-main">
                  <span lang={title.lang} className="cart-line-title">
                    {title.text}
                  </span>
                  <span className="mono small muted">
                    {line.sku} · HS {line.hs_code}
                  </span>
                  <span className="small">
                    <Amount money={line.unit_price} /> × {line.quantity} = <Amount money={line.total} />
                    {line.tax.amount_minor > 0 ? (
                      <span className="muted">
                        {' '}
                        · {t('checkout.line_tax')} <Amount money={line.tax} />
                      </span>
                    ) : null}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
        <Breakdown costs={order} testId="order-costs" showTax={cbec} />
        {order.refunded.amount_minor > 0 ? (
          <p className="small" data-testid="order-refunded">
            {t('orders.refunded')} <Amount money={order.refunded} negative />
          </p>
        ) : null}
        {order.fx ? (
          <p className="muted small" data-testid="order-fx">
            {t('orders.fx', { currency: order.fx.quote, rate: order.fx.rate, date: formatDate(order.fx.rate_date, language) })}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="order-ship-title">
        <h2 id="order-ship-title">{t('address.title')}</h2>
        <dl className="facts" data-testid="order-ship-to">
          {SHIP_TO_FIELDS.filter((f) => order.ship_to[f]).map((f) => (
            <div key={f}>
              <dt>{t(`address.${f}`)}</dt>
              <dd data-testid={`order-ship-${f}`}>{f === 'country' ? countryName(order.ship_to[f] ?? '') : order.ship_to[f]}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('orders.masked_note')}</p>
      </section>

      {order.timeline && order.timeline.length > 0 ? (
        <section className="card" aria-labelledby="order-timeline-title">
          <h2 id="order-timeline-title">{t('orders.timeline_title')}</h2>
          <ol className="timeline" data-testid="order-timeline">
            {order.timeline.map((entry) => (
              <TimelineItem key={`${entry.at}-${entry.kind}-${entry.to ?? ''}`} entry={entry} language={language} />
            ))}
          </ol>
        </section>
      ) : null}

      {order.refunds && order.refunds.length > 0 ? (
        <section className="card" aria-labelledby="order-refunds-title">
          <h2 id="order-refunds-title">{t('orders.refunds_title')}</h2>
          <ul className="rows" data-testid="order-refunds">
            {order.refunds.map((r) => (
              <li key={r.id} className="row" data-testid="order-refund">
                <div className="row-head">
                  <Amount money={r.amount} />
                  <span className="muted small">{formatDateTime(r.created_at, language)}</span>
                </div>
                <span className="small">{t(`orders.reason.${r.reason}`, { defaultValue: r.reason })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!seller ? <CancelOrder order={order} /> : null}
      <Link href={seller ? '/seller/orders' : '/orders'} className="button block" data-testid="order-back">
        {t('orders.back')}
      </Link>
    </article>
  );
}

/** /orders/:id (buyers) and /seller/orders/:id (the seller's members). */
export function OrderPage({ id, seller = false }: { id: string; seller?: boolean }) {
  const { t } = useTranslation();
  const order = useQuery({ queryKey: orderKey(id), queryFn: () => shopApi.order(id) });
  if (order.isPending) return <Loading />;
  if (order.isError) {
    const missing = order.error instanceof ApiError && order.error.status === 404;
    return (
      <section className="card" data-testid="order-not-found">
        {missing ? <Notice>{t('orders.not_found')}</Notice> : <ErrorBox error={order.error} />}
        <Link href={seller ? '/seller/orders' : '/orders'} className="button">
          {t('orders.back')}
        </Link>
      </section>
    );
  }
  return <OrderView order={order.data} seller={seller} />;
}
