import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api.js';
import { ErrorBox, Loading, Notice } from '../../components/ui.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSandboxOn } from '../sandbox/MailPage.js';
import { useLanguage } from '../shop/queries.js';
import { type Payment, type PaymentMethod, paymentSettled, shopApi } from './api.js';
import { Amount } from './shared.js';

export const paymentKey = (id: string) => ['payments', id] as const;

const POLL_MS = 2_000;

/** A payment, asked again every two seconds until it succeeds, fails or expires (the partner tells the server, not us). */
export function usePayment(id: string) {
  return useQuery({
    queryKey: paymentKey(id),
    queryFn: () => shopApi.payment(id),
    refetchInterval: (query) => (query.state.data && paymentSettled(query.state.data.status) ? false : POLL_MS),
    refetchIntervalInBackground: false,
  });
}

/** Where the partner's page lives: in this app (sandbox, or a path of ours) it opens here whatever base URL the server has. */
function partnerPath(url: string | null, method: PaymentMethod, id: string): { href: string; internal: boolean } {
  if (!url) return { href: `/pay/${method}/${encodeURIComponent(id)}`, internal: true };
  try {
    const parsed = new URL(url, window.location.origin);
    if (parsed.pathname.startsWith('/pay/')) return { href: `${parsed.pathname}${parsed.search}`, internal: true };
  } catch {
    // not a URL: use ours
  }
  return { href: url, internal: false };
}

function StatusLine({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const kind = payment.status === 'succeeded' ? 'success' : payment.status === 'failed' || payment.status === 'expired' ? 'error' : 'info';
  return (
    <p className={`alert alert-${kind}`} role="status" aria-live="polite" data-testid="payment-status" data-status={payment.status}>
      {t(`pay.status.${payment.status}`)}
      {payment.failure_code ? <span className="small"> ({t(`pay.failure.${payment.failure_code}`, { defaultValue: payment.failure_code })})</span> : null}
    </p>
  );
}

/** The orders a payment pays for, with links to them once the outcome is known. */
function Allocations({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  return (
    <div className="allocations">
      <h3>{t('pay.orders_title', { n: payment.allocations.length })}</h3>
      <ul className="rows">
        {payment.allocations.map((a) => (
          <li key={a.order_id} className="row" data-testid="payment-allocation" data-order-id={a.order_id}>
            <div className="row-head">
              <Link href={`/orders/${encodeURIComponent(a.order_id)}`} className="mono small">
                {a.order_id}
              </Link>
              <Amount money={a.amount} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sandbox only: what the payer's bank app or the partner would do, through the same signed notification. */
function useSandboxPay(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (outcome: 'succeed' | 'fail') => shopApi.sandboxPay(id, outcome),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: paymentKey(id) });
      await client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

function PromptPay({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const sandbox = useSandboxOn();
  const pay = useSandboxPay(payment.id);
  const pp = payment.promptpay;
  if (!pp) return null;
  const open = !paymentSettled(payment.status);
  return (
    <div className="promptpay" data-testid="promptpay">
      {open ? (
        <>
          <p>{t('pay.promptpay_scan')}</p>
          <figure className="qr">
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(pp.qr_svg)}`}
              alt={t('pay.promptpay_qr_alt', { ref: pp.ref1 })}
              width={260}
              height={260}
              data-testid="promptpay-qr"
            />
            <figcaption className="small muted">Thai QR Payment · PromptPay</figcaption>
          </figure>
        </>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('pay.amount')}</dt>
          <dd>
            <Amount money={payment.amount} testId="promptpay-amount" />
          </dd>
        </div>
        <div>
          <dt>{t('pay.ref1')}</dt>
          <dd className="mono" data-testid="promptpay-ref1">
            {pp.ref1}
          </dd>
        </div>
        <div>
          <dt>{t('pay.biller')}</dt>
          <dd className="mono">{pp.biller_id}</dd>
        </div>
      </dl>
      {open && sandbox ? (
        <div className="sandbox-box" data-testid="promptpay-sandbox">
          <p className="small">{t('pay.sandbox_promptpay')}</p>
          <button type="button" className="primary block" disabled={pay.isPending} onClick={() => pay.mutate('succeed')} data-testid="promptpay-simulate">
            {t('pay.simulate_bank_app')}
          </button>
          <ErrorBox error={pay.error} testId="promptpay-simulate-error" />
        </div>
      ) : null}
    </div>
  );
}

/** /pay/:id: how to pay (PromptPay QR, or on to the wallet or card partner), and the outcome as soon as it is known. */
export function PaymentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const payment = usePayment(id);
  if (payment.isPending) return <Loading />;
  if (payment.isError) {
    const missing = payment.error instanceof ApiError && payment.error.status === 404;
    return (
      <section className="card" data-testid="payment-not-found">
        {missing ? <p>{t('pay.not_found')}</p> : <ErrorBox error={payment.error} />}
        <Link href="/orders" className="button">
          {t('orders.title')}
        </Link>
      </section>
    );
  }
  const p = payment.data;
  const open = !paymentSettled(p.status);
  const partner = partnerPath(p.redirect_url, p.method, p.id);
  return (
    <section className="card" data-testid="payment-page" data-payment-id={p.id} data-method={p.method} data-status={p.status}>
      <h1>{t('pay.title')}</h1>
      <p className="pay-total">
        <span className="muted">{t(`pay.method.${p.method}`)}</span> <Amount money={p.amount} testId="payment-amount" />
      </p>
      <StatusLine payment={p} />
      {p.method === 'promptpay' ? <PromptPay payment={p} /> : null}
      {p.method !== 'promptpay' && open ? (
        partner.internal ? (
          <Link href={partner.href} className="button primary block" data-testid="payment-continue">
            {t(`pay.continue.${p.method}`)}
          </Link>
        ) : (
          <a href={partner.href} className="button primary block" rel="noopener noreferrer" data-testid="payment-continue">
            {t(`pay.continue.${p.method}`)}
          </a>
        )
      ) : null}
      {open ? (
        <p className="muted small" data-testid="payment-expires">
          {t('pay.expires', { at: formatDateTime(p.expires_at, language) })} · {t('pay.waiting')}
        </p>
      ) : null}
      {p.status === 'succeeded' ? <Notice kind="success">{t('pay.thanks')}</Notice> : null}
      <Allocations payment={p} />
      <Link href="/orders" className={open ? 'button block' : 'button primary block'} data-testid="payment-orders">
        {t('pay.see_orders')}
      </Link>
    </section>
  );
}

/**
 * /pay/wallet/:id and /pay/card/:id: where the API's redirect_url sends the payer. With the sandbox on, this page plays
 * the partner (沙箱钱包 / sandbox card page) with Pay and Decline; otherwise the real partner's page would be here.
 */
export function PartnerPage({ id, method }: { id: string; method: 'wallet' | 'card' }) {
  const { t } = useTranslation();
  const sandbox = useSandboxOn();
  const payment = usePayment(id);
  const pay = useSandboxPay(id);
  const [, navigate] = useLocation();
  if (payment.isPending) return <Loading />;
  if (payment.isError) return <ErrorBox error={payment.error} />;
  const p = payment.data;
  const open = !paymentSettled(p.status);
  return (
    <section className={`card partner partner-${method}`} data-testid="partner-page" data-method={method} data-status={p.status}>
      <p className="partner-brand" data-testid="partner-brand">
        {t(`pay.partner.${method}`)}
      </p>
      <h1>
        <Amount money={p.amount} testId="partner-amount" />
      </h1>
      <p className="muted small">
        {t('pay.merchant')} · <span className="mono">{p.reference}</span>
      </p>
      {!sandbox ? <Notice kind="warning">{t('pay.partner_unavailable')}</Notice> : null}
      {sandbox && open ? (
        <>
          <Notice>{t('pay.sandbox_partner')}</Notice>
          <div className="actions">
            <button type="button" className="danger-outline" disabled={pay.isPending} onClick={() => pay.mutate('fail')} data-testid="partner-decline">
              {t('pay.decline')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={pay.isPending}
              onClick={() => pay.mutate('succeed', { onSuccess: () => navigate(`/pay/${encodeURIComponent(id)}`) })}
              data-testid="partner-pay"
            >
              {t('pay.pay_now')}
            </button>
          </div>
          <ErrorBox error={pay.error} testId="partner-error" />
        </>
      ) : null}
      {!open ? <StatusLine payment={p} /> : null}
      <Link href={`/pay/${encodeURIComponent(id)}`} className="button block" data-testid="partner-back">
        {t('pay.back_to_shop')}
      </Link>
    </section>
  );
}
