import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Seller } from '../../api.js';
import { ErrorBox, Loading } from '../../components/ui.js';
import { SellerScope } from '../catalogue/shared.js';
import { type OrderStatus, shopApi } from '../checkout/api.js';
import { useLanguage } from '../shop/queries.js';
import { ORDERS_KEY, OrderRow } from './shared.js';

/** The statuses a seller filters by most: what to prepare, what is on its way, what is over. */
const FILTERS: readonly (OrderStatus | '')[] = ['', 'paid', 'pending_payment', 'in_fulfilment', 'shipped', 'completed', 'cancelled', 'refunded'];

function SellerOrders({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const orders = useInfiniteQuery({
    queryKey: [...ORDERS_KEY, 'seller', seller.id, status],
    queryFn: ({ pageParam }) => shopApi.orders({ seller_id: seller.id, cursor: pageParam, ...(status ? { status } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" data-testid="seller-orders" data-seller-id={seller.id}>
      <h2>{seller.legal_name_th}</h2>
      <div className="field">
        <label htmlFor="seller-orders-status">{t('orders.filter_status')}</label>
        <select id="seller-orders-status" value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')} data-testid="seller-orders-status">
          {FILTERS.map((s) => (
            <option key={s || 'all'} value={s}>
              {s ? t(`orders.status.${s}`) : t('orders.filter_all')}
            </option>
          ))}
        </select>
      </div>
      {orders.isPending ? <Loading /> : null}
      {orders.isError ? <ErrorBox error={orders.error} /> : null}
      {orders.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="seller-orders-empty">
          {t('orders.seller_empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="rows" data-testid="order-list">
          {items.map((order) => (
            <OrderRow key={order.id} order={order} href={`/seller/orders/${encodeURIComponent(order.id)}`} language={language} titleLanguage="th" />
          ))}
        </ul>
      ) : null}
      {orders.hasNextPage ? (
        <button type="button" className="block" disabled={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()} data-testid="orders-more">
          {t('compliance.load_more')}
        </button>
      ) : null}
    </section>
  );
}

/** /seller/orders: the orders of the seller the user belongs to (with several sellers, a choice), in Thai by default. */
export function SellerOrdersPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="seller-orders-page">
      <div className="page-head">
        <h1>{t('orders.seller_title')}</h1>
      </div>
      <p className="muted">{t('orders.seller_intro')}</p>
      <SellerScope path="/seller/orders">{(seller) => <SellerOrders seller={seller} />}</SellerScope>
    </div>
  );
}
