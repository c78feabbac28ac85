import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Seller } from '../../api.js';
import { Loading } from '../../components/ui.js';
import { formatDate, formatDateTime, intlLocale, type Language, pick } from '../../i18n/index.js';
import { SellerScope } from '../catalogue/shared.js';
import type { Money } from '../checkout/api.js';
import { Amount } from '../checkout/shared.js';
import { gtcApi, type Release, type SellerPayout, statementHref } from '../gtc/api.js';
import { ProblemBox } from '../gtc/shared.js';
import { useLanguage } from '../shop/queries.js';
import { useOnboardingReference } from './shared.js';

const balanceKey = (sellerId: string) => ['money', 'balance', sellerId] as const;
const payoutsKey = (sellerId: string) => ['money', 'payouts', sellerId] as const;

/** This month and the two before it, in Bangkok (statements are by Thai calendar month): ["2025-03", "2025-02", "2025-01"]. */
export function recentMonths(now = Date.now(), count = 3): string[] {
  const bangkok = new Date(now + 7 * 3_600_000);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(bangkok.getUTCFullYear(), bangkok.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** "มีนาคม 2568" / "2025年3月" / "March 2025" */
function monthName(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  );
}

function BalanceCard({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const balance = useQuery({ queryKey: balanceKey(seller.id), queryFn: () => gtcApi.balance(seller.id) });
  return (
    <section className="card" aria-labelledby="money-balance-title" data-testid="money-balance">
      <h2 id="money-balance-title">{t('gtc.money.balance_title')}</h2>
      {balance.isPending ? <Loading /> : null}
      <ProblemBox error={balance.error} testId="money-balance-error" />
      {balance.data ? (
        <div className="big-figures">
          <div className="big-figure">
            <span className="label">{t('gtc.money.available')}</span>
            <Amount money={balance.data.available} testId="money-available" />
          </div>
          <div className="big-figure pending">
            <span className="label">{t('gtc.money.pending')}</span>
            <Amount money={balance.data.pending} testId="money-pending" />
          </div>
        </div>
      ) : null}
      <p className="muted small">{t('gtc.money.balance_help')}</p>
    </section>
  );
}

function Statements({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="money-statements-title" data-testid="money-statements">
      <h2 id="money-statements-title">{t('gtc.money.statements_title')}</h2>
      <p className="muted small">{t('gtc.money.statements_help')}</p>
      <div className="head-links">
        {recentMonths().map((month) => (
          <a
            key={month}
            href={statementHref(seller.id, month)}
            target="_blank"
            rel="noopener"
            className="button"
            data-testid="money-statement"
            data-month={month}
          >
            {monthName(month, language)}
          </a>
        ))}
      </div>
    </section>
  );
}

function ReleaseRow({ release: r }: { release: Release }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const line = (key: string, label: string, money: Money, negative = false, className = '') => (
    <div className={`cost-row ${className}`} data-testid={`money-release-${key}`}>
      <dt className="cost-label">{label}</dt>
      <dd className="cost-value">
        <Amount money={money} negative={negative} />
      </dd>
    </div>
  );
  return (
    <li className="row" data-testid="money-release" data-order-id={r.order_id} data-available={r.available}>
      <div className="row-head">
        <Link href={`/seller/orders/${encodeURIComponent(r.order_id)}`} className="row-title mono" data-testid="money-release-order">
          {r.order_id}
        </Link>
        <span className={`badge gtc-badge ${r.available ? 'gtc-badge-available' : 'gtc-badge-sent'}`} data-testid="money-release-status">
          {r.available ? t('gtc.money.release_available') : t('gtc.money.release_pending', { date: formatDate(r.available_at, language) })}
        </span>
      </div>
      <div className="small muted">{t('gtc.money.released_at', { date: formatDateTime(r.released_at, language) })}</div>
      <dl className="costs">
        {line('released', t('gtc.money.released'), r.released)}
        {line('commission', t('gtc.money.commission'), r.commission, true, 'cost-sub')}
        {line('tax', t('gtc.money.tax'), r.tax, true, 'cost-sub')}
        {line('shipping', t('gtc.money.shipping'), r.shipping, true, 'cost-sub')}
        {line('seller', t('gtc.money.seller_share'), r.seller)}
        {line(
          'thb',
          r.fx_rate ? t('gtc.money.seller_thb_rate', { rate: r.fx_rate, currency: r.seller.currency }) : t('gtc.money.seller_thb'),
          r.seller_thb,
          false,
          'cost-total',
        )}
        {r.fx_difference && r.fx_difference.amount_minor !== 0
          ? line(
              'fx',
              t('gtc.money.fx_difference'),
              { ...r.fx_difference, amount_minor: Math.abs(r.fx_difference.amount_minor) },
              r.fx_difference.amount_minor < 0,
              'cost-sub',
            )
          : null}
      </dl>
    </li>
  );
}

function PayoutRow({ payout: p }: { payout: SellerPayout }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reference = useOnboardingReference();
  const bank = p.destination.bank_code ? reference.data?.banks.find((b) => b.code === p.destination.bank_code) : undefined;
  const where =
    p.destination.kind === 'promptpay'
      ? t('seller.payout_promptpay')
      : bank
        ? pick(bank.name, language)
        : t('gtc.money.bank', { code: p.destination.bank_code ?? '' });
  return (
    <li className="row" data-testid="money-payout" data-payout-id={p.id} data-status={p.status}>
      <div className="row-head">
        <strong>
          <Amount money={p.amount} testId="money-payout-amount" />
        </strong>
        <span className={`badge gtc-badge gtc-badge-${p.status}`} data-testid="money-payout-status" data-status={p.status}>
          {t(`gtc.payout_status.${p.status}`)}
        </span>
      </div>
      <div className="small">
        {where}{' '}
        <span className="mono" data-testid="money-payout-destination">
          ••••{p.destination.last4}
        </span>
      </div>
      <div className="small muted">{formatDateTime(p.updated_at, language)}</div>
      {p.failure_reason ? (
        <p className="alert alert-error" data-testid="money-payout-failure">
          {t('gtc.money.failure', { reason: p.failure_reason })}
        </p>
      ) : null}
    </li>
  );
}

function Activity({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const payouts = useQuery({ queryKey: payoutsKey(seller.id), queryFn: () => gtcApi.payouts(seller.id) });
  return (
    <>
      <section className="card" aria-labelledby="money-payouts-title" data-testid="money-payouts">
        <h2 id="money-payouts-title">{t('gtc.money.payouts_title')}</h2>
        {payouts.isPending ? <Loading /> : null}
        <ProblemBox error={payouts.error} testId="money-payouts-error" />
        {payouts.data && payouts.data.payouts.length === 0 ? (
          <p className="muted" data-testid="money-payouts-empty">
            {t('gtc.money.no_payouts')}
          </p>
        ) : null}
        {payouts.data && payouts.data.payouts.length > 0 ? (
          <ul className="rows" data-testid="money-payout-list">
            {payouts.data.payouts.map((p) => (
              <PayoutRow key={p.id} payout={p} />
            ))}
          </ul>
        ) : null}
      </section>
      <section className="card" aria-labelledby="money-releases-title" data-testid="money-releases">
        <h2 id="money-releases-title">{t('gtc.money.releases_title')}</h2>
        <p className="muted small">{t('gtc.money.releases_help')}</p>
        {payouts.data && payouts.data.releases.length === 0 ? (
          <p className="muted" data-testid="money-releases-empty">
            {t('gtc.money.no_releases')}
          </p>
        ) : null}
        {payouts.data && payouts.data.releases.length > 0 ? (
          <ul className="rows" data-testid="money-release-list">
            {payouts.data.releases.map((r) => (
              <ReleaseRow key={`${r.order_id}-${r.released_at}`} release={r} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

/** /seller/money: what the seller has earned (available, pending), the escrow releases behind it, payouts and statements. */
export function SellerMoneyPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="seller-money-page">
      <div className="page-head">
        <h1>{t('gtc.money.title')}</h1>
      </div>
      <p className="muted">{t('gtc.money.intro')}</p>
      <SellerScope path="/seller/money">
        {(seller) => (
          <div data-testid="seller-money" data-seller-id={seller.id}>
            <BalanceCard seller={seller} />
            <Activity seller={seller} />
            <Statements seller={seller} />
          </div>
        )}
      </SellerScope>
    </div>
  );
}
