import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { formatMoney } from '../shop/format.js';
import { useLanguage } from '../shop/queries.js';
import type { Quote, QuoteOrder, QuoteProblem } from './api.js';
import { Amount, Breakdown, localised, transitText } from './shared.js';

/** A problem of a quote (limits, lanes, tax not modelled) in the UI language, from its code and parameters. */
export function ProblemText({ problem }: { problem: QuoteProblem }) {
  const { t } = useTranslation();
  return <>{t(`checkout.problem.${problem.code}`, { ...problem.params, defaultValue: t('checkout.problem.unknown', { code: problem.code }) })}</>;
}

/** The way a seller's parcel travels, how long it takes, and the other ways it could go. */
export function Shipping({ order }: { order: QuoteOrder }) {
  const { t } = useTranslation();
  const others = order.lane_options.filter((o) => o.lane !== order.lane);
  return (
    <div className="shipping" data-testid="quote-order-lane" data-lane={order.lane}>
      <p className="shipping-line">
        <strong>{t(`checkout.lane.${order.lane}`)}</strong> · <span data-testid="quote-order-transit">{transitText(t, order.transit_days)}</span>{' '}
        <span className="muted small">· {t('checkout.chargeable_weight', { kg: (order.chargeable_weight_g / 1000).toFixed(2) })}</span>
      </p>
      {others.length > 0 ? (
        <details className="lane-options">
          <summary className="lane-options-summary">{t('checkout.lane_options')}</summary>
          <ul>
            {others.map((o) => (
              <li key={o.lane} data-testid="quote-lane-option" data-lane={o.lane}>
                {t(`checkout.lane.${o.lane}`)} · {transitText(t, o.transit_days)} · <Amount money={o.shipping} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** One seller's order of the quote: its costs, and whether it is within China's per-order limit (CN_CBEC). */
export function OrderCosts({ quote, order }: { quote: Quote; order: QuoteOrder }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cbec = quote.market === 'CN_CBEC';
  const max = formatMoney(quote.limits.per_order.max.amount_minor, quote.limits.per_order.max.currency, language);
  return (
    <div className="order-costs" data-testid="quote-order" data-seller-id={order.seller_id}>
      <Shipping order={order} />
      <Breakdown costs={order} testId="quote-order-costs" showTax={cbec} />
      {cbec ? (
        <p className={`small ${order.per_order_ok ? 'limit-ok' : 'limit-bad'}`} data-testid="quote-order-limit" data-ok={order.per_order_ok}>
          {order.per_order_ok ? `✓ ${t('checkout.order_within_limit', { max })}` : `✕ ${t('checkout.order_over_limit', { max })}`}
        </p>
      ) : null}
    </div>
  );
}

/** The limits of a cross-border order in plain words: CNY 5,000 per order, CNY 26,000 a year per person. */
function Limits({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { per_order, annual } = quote.limits;
  const money = (m: { amount_minor: number; currency: Quote['currency'] }) => formatMoney(m.amount_minor, m.currency, language);
  const remaining = annual.remaining ? money(annual.remaining) : '';
  return (
    <div className="limits" data-testid="quote-limits">
      <h3>{t('checkout.limits_title')}</h3>
      <p className={`limit-line ${per_order.ok ? 'limit-ok' : 'limit-bad'}`} data-testid="quote-limit-per-order" data-ok={per_order.ok}>
        {per_order.ok ? '✓ ' : '✕ '}
        {t(per_order.ok ? 'checkout.limit_per_order_ok' : 'checkout.limit_per_order_over', { max: money(per_order.max) })}
      </p>
      <p
        className={`limit-line ${annual.ok === null ? 'limit-unknown' : annual.ok ? 'limit-ok' : 'limit-bad'}`}
        data-testid="quote-limit-annual"
        data-ok={annual.ok === null ? 'unknown' : String(annual.ok)}
        data-remaining-minor={annual.remaining?.amount_minor}
      >
        {annual.ok === null
          ? `? ${t('checkout.limit_annual_unknown')}`
          : `${annual.ok ? '✓' : '✕'} ${t(annual.ok ? 'checkout.limit_annual_ok' : 'checkout.limit_annual_over', { remaining })}`}
      </p>
      <p className="hint">{t('checkout.limits_help')}</p>
    </div>
  );
}

/** How to split an over-limit order into carts that each stay within the per-order limit. */
function SplitSuggestion({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!quote.split_suggestion) return null;
  const title = (variantId: string) => {
    const line = quote.lines.find((l) => l.variant_id === variantId);
    return line ? localised(line.title, language).text : variantId;
  };
  return (
    <div className="alert alert-warning" data-testid="quote-split">
      <p className="alert-title">{t('checkout.split_title')}</p>
      {quote.split_suggestion.map((s) => (
        <div key={s.seller_id}>
          <p>{quote.orders.find((o) => o.seller_id === s.seller_id)?.seller_name ?? ''}</p>
          <ol>
            {s.carts.map((cart) => (
              <li key={cart.map((i) => `${i.variant_id}×${i.quantity}`).join(',')} data-testid="quote-split-cart">
                {cart.map((i) => `${title(i.variant_id)} × ${i.quantity}`).join(', ')}
              </li>
            ))}
          </ol>
        </div>
      ))}
      <p className="small">{t('checkout.split_help')}</p>
    </div>
  );
}

/**
 * The quote as a whole: every figure in the market's currency, the reference rate it was converted at, the VAT a Thai
 * price already contains, the cross-border limits, what stops it from being paid, and until when it holds.
 */
export function QuoteSummary({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cbec = quote.market === 'CN_CBEC';
  return (
    <section className="card quote-summary" aria-labelledby="quote-title" data-testid="quote-summary" data-quote-id={quote.id} data-payable={quote.payable}>
      <h2 id="quote-title">{t('checkout.summary_title', { n: quote.orders.length })}</h2>
      <Breakdown costs={quote} testId="quote-total" showTax={cbec} />
      {quote.market === 'TH' ? (
        <p className="muted small" data-testid="quote-vat-included">
          {t('checkout.vat_included')} <Amount money={quote.vat_included} />
        </p>
      ) : null}
      {quote.fx ? (
        <p className="muted small" data-testid="quote-fx" data-rate={quote.fx.rate} data-rate-date={quote.fx.rate_date}>
          {t('checkout.fx', { currency: quote.fx.quote, rate: quote.fx.rate, date: formatDate(quote.fx.rate_date, language), source: quote.fx.source })}
        </p>
      ) : null}
      {cbec ? <Limits quote={quote} /> : null}
      {quote.problems.length > 0 ? (
        <div className="alert alert-error" role="alert" data-testid="quote-problems">
          <p className="alert-title">{t('checkout.problems_title')}</p>
          <ul className="alert-list">
            {quote.problems.map((p) => (
              <li key={`${p.path}-${p.code}`} data-testid="quote-problem" data-code={p.code}>
                <ProblemText problem={p} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SplitSuggestion quote={quote} />
      <p className="muted small" data-testid="quote-expires" data-expires-at={quote.expires_at}>
        {t('checkout.expires', { at: formatDateTime(quote.expires_at, language) })}
      </p>
    </section>
  );
}
