import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime, type Language } from '../../i18n/index.js';
import type { Order, OrderStatus, TimelineEntry } from '../checkout/api.js';
import { Amount, localised } from '../checkout/shared.js';

export const ORDERS_KEY = ['orders'] as const;
export const orderKey = (id: string) => ['orders', 'one', id] as const;

/** Where an order stands, in words and colour (the lifecycle of api.md). */
export function OrderStatusBadge({ status, testId = 'order-status' }: { status: OrderStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-order-${status}`} data-testid={testId} data-status={status}>
      {t(`orders.status.${status}`)}
    </span>
  );
}

/** "Silk scarf × 2 + 1 more" */
export function orderHeadline(order: Order, language: Language, more: (n: number) => string): string {
  const [first, ...rest] = order.lines;
  if (!first) return '';
  const head = `${localised(first.title, language).text} × ${first.quantity}`;
  return rest.length > 0 ? `${head} ${more(rest.length)}` : head;
}

/** One order in a list: when, what, how much, where it stands. */
export function OrderRow({ order, href, language, titleLanguage }: { order: Order; href: string; language: Language; titleLanguage?: Language }) {
  const { t } = useTranslation();
  const headline = orderHeadline(order, titleLanguage ?? language, (n) => t('orders.more_lines', { n }));
  return (
    <li className="row order-row" data-testid="order-row" data-order-id={order.id} data-status={order.status} data-market={order.market}>
      <div className="row-head">
        <Link href={href} className="row-title order-link" data-testid="order-link">
          {headline}
        </Link>
        <OrderStatusBadge status={order.status} />
      </div>
      <div className="order-row-meta small muted">
        <time dateTime={order.created_at}>{formatDateTime(order.created_at, language)}</time>
        <span aria-hidden="true"> · </span>
        <span>{t(`shop.market.${order.market}`)}</span>
        <span aria-hidden="true"> · </span>
        <span className="mono">{order.id}</span>
      </div>
      <Amount money={order.total} testId="order-row-total" />
    </li>
  );
}

/** A timeline entry in words: the status it moved to and why, or a refund. */
export function TimelineItem({ entry, language }: { entry: TimelineEntry; language: Language }) {
  const { t } = useTranslation();
  const reason = typeof entry.detail.reason === 'string' ? entry.detail.reason : undefined;
  const refund = entry.kind === 'refund';
  const amount = refund && typeof entry.detail.amount_minor === 'string' ? Number(entry.detail.amount_minor) : undefined;
  const currency = typeof entry.detail.currency === 'string' ? (entry.detail.currency as Order['total']['currency']) : undefined;
  return (
    <li data-testid="order-timeline-entry" data-kind={entry.kind} data-to={entry.to ?? ''}>
      <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
      {refund ? (
        <span className="timeline-action">
          {t('orders.timeline_refund')} {amount !== undefined && currency ? <Amount money={{ amount_minor: amount, currency }} /> : null}
        </span>
      ) : entry.to ? (
        <OrderStatusBadge status={entry.to as OrderStatus} testId="order-timeline-status" />
      ) : (
        <span className="timeline-action">{entry.kind}</span>
      )}
      {reason ? <span className="muted small">{t(`orders.reason.${reason}`, { defaultValue: reason })}</span> : null}
    </li>
  );
}
