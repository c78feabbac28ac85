import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../components/ui.js';
import { formatDateTime } from '../../i18n/index.js';
import type { OrderStatus } from '../checkout/api.js';
import { useLanguage } from '../shop/queries.js';
import { settleApi, type TrackingCode, type TrackingEvent, trackingKey } from './settleApi.js';
import './spine.css';

/** Orders that may have a parcel on its way (or back): the others have nothing to track. */
const TRACKABLE: ReadonlySet<OrderStatus> = new Set([
  'in_fulfilment',
  'shipped',
  'customs_pending',
  'customs_hold',
  'cleared',
  'delivered',
  'completed',
  'refunded',
]);
const BAD_CODES: ReadonlySet<TrackingCode> = new Set(['failed_delivery', 'returned', 'lost']);

export function trackable(status: OrderStatus): boolean {
  return TRACKABLE.has(status);
}

function TrackingRow({ event, current }: { event: TrackingEvent; current: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const classes = ['track-event', current ? 'current' : '', BAD_CODES.has(event.code) ? 'bad' : '', event.late ? 'late' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid="tracking-event" data-code={event.code} data-late={event.late} aria-current={current ? 'step' : undefined}>
      <span className="track-code" data-testid="tracking-event-code">
        {t(`spine.tracking.code.${event.code}`, { defaultValue: event.code })}
      </span>
      <span className="track-meta">
        <time dateTime={event.occurred_at} data-testid="tracking-event-time">
          {formatDateTime(event.occurred_at, language)}
        </time>
        {event.location ? (
          <>
            <span aria-hidden="true"> · </span>
            <span data-testid="tracking-event-location">{event.location}</span>
          </>
        ) : null}
      </span>
      {event.note ? (
        <span className="track-meta" data-testid="tracking-event-note">
          {event.note}
        </span>
      ) : null}
      {event.late ? (
        <span className="track-late" data-testid="tracking-event-late">
          {t('spine.tracking.late_note')}
        </span>
      ) : null}
    </li>
  );
}

/**
 * The parcel's journey as the carrier reports it: the waybill number and one row per event, oldest first as they
 * happened (an event the carrier reported late keeps its place, with a note). Buyers, the seller's members and the GTC see it.
 */
export function TrackingPanel({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const { t } = useTranslation();
  const enabled = trackable(status);
  const tracking = useQuery({ queryKey: trackingKey(orderId), queryFn: () => settleApi.tracking(orderId), enabled });
  if (!enabled) return null;
  const data = tracking.data;
  const events = data?.events ?? [];
  return (
    <section className="card" aria-labelledby="tracking-title" data-testid="tracking-panel">
      <div className="card-head wrap">
        <h2 id="tracking-title">{t('spine.tracking.title')}</h2>
        <button type="button" className="button-small" onClick={() => void tracking.refetch()} disabled={tracking.isFetching} data-testid="tracking-refresh">
          {t('spine.refresh')}
        </button>
      </div>
      {tracking.isPending ? <Loading /> : null}
      <ErrorBox error={tracking.error} testId="tracking-error" />
      {data ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('spine.tracking.waybill')}</dt>
              <dd className="waybill" data-testid="tracking-no">
                {data.tracking_no ?? <span className="muted small">{t('spine.tracking.no_waybill')}</span>}
              </dd>
            </div>
            {data.status ? (
              <div>
                <dt>{t('spine.tracking.now')}</dt>
                <dd data-testid="tracking-status" data-status={data.status}>
                  {t(`spine.tracking.code.${data.status}`, { defaultValue: data.status })}
                </dd>
              </div>
            ) : null}
          </dl>
          {events.length === 0 ? (
            <p className="muted small" data-testid="tracking-empty">
              {t(data.tracking_no ? 'spine.tracking.no_events' : 'spine.tracking.not_dispatched')}
            </p>
          ) : (
            <ol className="track-list" data-testid="tracking-events">
              {events.map((event, i) => (
                <TrackingRow key={`${event.occurred_at}-${event.code}-${event.location ?? ''}`} event={event} current={i === events.length - 1} />
              ))}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}
