import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { components } from '../../api/schema.js';
import { ApiError, call, client, type JsonResponse } from '../../api.js';
import { ErrorBox, Field, Loading, Notice } from '../../components/ui.js';
import { formatDate, formatDateTime, intlLocale, type Language, pick } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { useCategories } from '../catalogue/shared.js';
import { type Money, type Order, shopApi } from '../checkout/api.js';
import { Amount } from '../checkout/shared.js';
import { DisputeDetails } from '../orders/DisputeView.js';
import { DISPUTE_OUTCOMES, DISPUTES_KEY, type Dispute, type DisputeOutcome, type DisputeStatus, settleApi } from '../orders/settleApi.js';
import { ORDERS_KEY, OrderStatusBadge, orderKey } from '../orders/shared.js';
import '../orders/spine.css';
import { useSandboxOn } from '../sandbox/MailPage.js';
import { currencySymbol, formatMoney } from '../shop/format.js';
import { useLanguage } from '../shop/queries.js';

/** Paying sellers (payout runs, the bank's answers, commission rates) and deciding buyers' disputes: admins only (the API checks again). */

type PayoutRun = components['schemas']['PayoutRun'];
type RunDetail = JsonResponse<'/api/v1/payouts/runs/{id}', 'get', 200>;
type Payout = RunDetail['payouts'][number];
type PayoutStatus = Payout['status'];
type CommissionRates = JsonResponse<'/api/v1/commission-rates', 'get', 200>;

const PAYOUT_STATUSES: readonly PayoutStatus[] = ['queued', 'sent', 'paid', 'failed', 'held_for_review'];
const PAYOUT_STATUS_CLASS: Record<PayoutStatus, string> = {
  queued: 'badge-draft',
  sent: 'badge-order-shipped',
  paid: 'badge-verified',
  failed: 'badge-rejected',
  held_for_review: 'badge-submitted',
};
const POLL_MS = 1500;
const PAYOUTS_KEY = ['payouts'] as const;
const RUNS_KEY = ['payouts', 'runs'] as const;
const runKey = (id: string) => ['payouts', 'runs', id] as const;
const COMMISSION_KEY = ['payouts', 'commission-rates'] as const;

const byId = (id: string) => ({ params: { path: { id } } });
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });

const payoutsApi = {
  run: (idempotencyKey: string) => call(() => client.POST('/api/v1/payouts/run', keyed(idempotencyKey))),
  runs: () => call(() => client.GET('/api/v1/payouts/runs')),
  runDetail: (id: string) => call(() => client.GET('/api/v1/payouts/runs/{id}', byId(id))),
  result: (payoutId: string, outcome: 'paid' | 'failed', idempotencyKey: string) =>
    call(() => client.POST('/api/v1/payouts/{id}/result', { ...byId(payoutId), body: { outcome }, ...keyed(idempotencyKey) })),
  sandboxSettle: (runId: string) => call(() => client.POST('/api/v1/sandbox/payouts/runs/{id}/settle', { ...byId(runId), body: { fail: [] } })),
  commissionRates: () => call(() => client.GET('/api/v1/commission-rates')),
  setCommissionRate: (category: string, rate_bp: number) =>
    call(() => client.PUT('/api/v1/commission-rates/{category}', { params: { path: { category } }, body: { rate_bp } })),
};

const bankFileHref = (runId: string) => `/api/v1/payouts/runs/${encodeURIComponent(runId)}/bank-file`;

/** Basis points as a percentage in the UI locale: 850 → "8.5%". */
function formatRate(bp: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** "8.5" or "8,5" (percent) as basis points (850), exactly; undefined when it is not a percentage with up to two decimals. */
function parsePercent(input: string): number | undefined {
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?$/.exec(input.trim().replace(/%$/, '').trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** An amount typed in a currency's major units ("120.50", "¥120.5", "1,200") as minor units; undefined when it is not one. */
function parseMajor(input: string): number | undefined {
  const text = input
    .trim()
    .replace(/^[฿¥$€]|^(THB|CNY|USD)\s*/i, '')
    .replace(/[,\s]/g, '');
  const match = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function MoneyTabs() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const tab = (href: string, label: string, testId: string) => (
    <Link href={href} className={location === href ? 'tab active' : 'tab'} aria-current={location === href ? 'page' : undefined} data-testid={testId}>
      {label}
    </Link>
  );
  return (
    <nav className="tabs" aria-label={t('admin.title')}>
      {tab('/admin/payouts', t('spine.payouts.tab'), 'admin-tab-payouts')}
      {tab('/admin/disputes', t('spine.disputes.tab'), 'admin-tab-disputes')}
    </nav>
  );
}

function PayoutStatusBadge({ status, testId = 'payout-status' }: { status: PayoutStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${PAYOUT_STATUS_CLASS[status]}`} data-testid={testId} data-status={status}>
      {t(`spine.payouts.status.${status}`)}
    </span>
  );
}

function RunStatusBadge({ run }: { run: PayoutRun }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${run.status === 'running' ? 'badge-submitted' : 'badge-verified'}`} data-testid="run-status" data-status={run.status}>
      {t(`spine.payouts.run_status.${run.status}`)}
    </span>
  );
}

/** The button that pays every available balance above the minimum; one run at a time (a second is refused with 409). */
function RunNow({ onStarted }: { onStarted: (run: PayoutRun | null) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const start = useMutation({
    mutationFn: () => payoutsApi.run(idempotency.keyFor({ run: 'payouts' })),
    onSettled: async (_data, error) => {
      idempotency.settle(error);
      await client.invalidateQueries({ queryKey: RUNS_KEY });
    },
    onSuccess: (run) => onStarted(run),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'payout_run_in_progress') onStarted(null);
    },
  });
  const busy = start.error instanceof ApiError && start.error.code === 'payout_run_in_progress';
  return (
    <section className="card" aria-labelledby="run-now-title">
      <h2 id="run-now-title">{t('spine.payouts.run_title')}</h2>
      <p className="muted small">{t('spine.payouts.run_help')}</p>
      <button type="button" className="primary block" disabled={start.isPending} onClick={() => start.mutate()} data-testid="payouts-run">
        {t('spine.payouts.run_now')}
      </button>
      {start.isSuccess ? (
        <Notice kind="success" testId="payouts-run-started">
          {t('spine.payouts.run_started', { n: start.data.total_items })}
        </Notice>
      ) : null}
      {busy && start.error instanceof ApiError ? (
        <Notice kind="warning" testId="payouts-run-busy">
          {start.error.problem.title}
        </Notice>
      ) : (
        <ErrorBox error={start.error} testId="payouts-run-error" />
      )}
    </section>
  );
}

function Destination({ payout }: { payout: Payout }) {
  const { t } = useTranslation();
  const d = payout.destination;
  return (
    <span className="mono small" data-testid="payout-destination">
      {t(`spine.payouts.destination.${d.kind}`)}
      {d.bank_code ? ` ${d.bank_code}` : ''} ••••{d.last4}
    </span>
  );
}

function PayoutRow({ payout, runId }: { payout: Payout; runId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const answer = useMutation({
    mutationFn: (outcome: 'paid' | 'failed') => payoutsApi.result(payout.id, outcome, idempotency.keyFor({ payout: payout.id, outcome })),
    onSettled: async (_data, error) => {
      idempotency.settle(error);
      await client.invalidateQueries({ queryKey: runKey(runId) });
      await client.invalidateQueries({ queryKey: RUNS_KEY, exact: true });
    },
  });
  const held = payout.status === 'held_for_review';
  return (
    <li className={`row payout-row${held ? ' held' : ''}`} data-testid="payout-row" data-payout-id={payout.id} data-status={payout.status}>
      <div className="row-head">
        <Amount money={payout.amount} testId="payout-amount" />
        <PayoutStatusBadge status={payout.status} />
      </div>
      <span className="small">
        {t('spine.payouts.seller')}{' '}
        <span className="mono" data-testid="payout-seller">
          {payout.seller_id}
        </span>
      </span>
      <Destination payout={payout} />
      {held ? (
        <span className="small" data-testid="payout-held-note">
          {t('spine.payouts.held_note')}
        </span>
      ) : null}
      {payout.failure_reason ? (
        <span className="small limit-bad" data-testid="payout-failure">
          {t(`spine.payouts.failure.${payout.failure_reason}`, { defaultValue: payout.failure_reason })}
        </span>
      ) : null}
      {payout.status === 'sent' ? (
        <div className="inline-actions">
          <button type="button" className="primary" disabled={answer.isPending} onClick={() => answer.mutate('paid')} data-testid="payout-paid">
            {t('spine.payouts.mark_paid')}
          </button>
          <button type="button" className="danger-outline" disabled={answer.isPending} onClick={() => answer.mutate('failed')} data-testid="payout-failed">
            {t('spine.payouts.mark_failed')}
          </button>
        </div>
      ) : null}
      <ErrorBox error={answer.error} testId="payout-result-error" />
    </li>
  );
}

/** Shown while payouts of the run wait for the bank, and after it answered (its answer stays on screen once nothing is left to answer). */
function BankSandbox({ runId, sent }: { runId: string; sent: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settle = useMutation({
    mutationFn: () => payoutsApi.sandboxSettle(runId),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: PAYOUTS_KEY });
    },
  });
  if (sent === 0 && settle.isIdle) return null;
  return (
    <div className="sandbox-box" data-testid="payouts-sandbox">
      <p className="small">{t('spine.payouts.sandbox_help')}</p>
      {sent > 0 ? (
        <button type="button" className="block" disabled={settle.isPending} onClick={() => settle.mutate()} data-testid="payouts-sandbox-settle">
          {t('spine.payouts.sandbox_settle')}
        </button>
      ) : null}
      {settle.isSuccess ? (
        <Notice kind="success" testId="payouts-sandbox-result">
          {t('spine.payouts.sandbox_settled', { paid: settle.data.paid, failed: settle.data.failed })}
        </Notice>
      ) : null}
      <ErrorBox error={settle.error} testId="payouts-sandbox-error" />
    </div>
  );
}

/** One run: its progress while it runs (polled), what it sent, each payout and the bank's answers. */
function RunDetailCard({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const sandbox = useSandboxOn();
  const run = useQuery({
    queryKey: runKey(runId),
    queryFn: () => payoutsApi.runDetail(runId),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const status = run.data?.status;
  useEffect(() => {
    // The list shows each run's progress too: refreshed when this one finishes.
    if (status === 'done') void client.invalidateQueries({ queryKey: RUNS_KEY, exact: true });
  }, [status, client]);
  if (run.isPending) return <Loading />;
  if (run.isError) return <ErrorBox error={run.error} testId="run-error" />;
  const r = run.data;
  const percent = r.total_items > 0 ? Math.round((r.done_items / r.total_items) * 100) : 100;
  const sent = r.payouts.filter((p) => p.status === 'sent').length;
  // The bank file lists what was sent to the bank (and its answers); a run with none has no file.
  const inFile = r.payouts.filter((p) => p.status === 'sent' || p.status === 'paid' || p.status === 'failed').length;
  return (
    <section className="card" aria-labelledby="run-title" data-testid="run-detail" data-run-id={r.id} data-status={r.status}>
      <div className="card-head wrap">
        <h2 id="run-title">{t('spine.payouts.run_of', { date: formatDate(r.value_date, language) })}</h2>
        <RunStatusBadge run={r} />
      </div>
      <p className="mono small muted">{r.id}</p>
      <div className="run-progress">
        <progress
          max={Math.max(1, r.total_items)}
          value={r.total_items > 0 ? r.done_items : 1}
          aria-label={t('spine.payouts.progress_label')}
          data-testid="run-progress"
          data-done={r.done_items}
          data-total={r.total_items}
        />
        <p className="progress-text small" data-testid="run-progress-text">
          {t('spine.payouts.progress', { done: r.done_items, total: r.total_items, percent })}
        </p>
      </div>
      <ul className="run-counts" data-testid="run-counts">
        {PAYOUT_STATUSES.filter((s) => (r.counts[s] ?? 0) > 0).map((s) => (
          <li key={s} data-testid="run-count" data-status={s} data-count={r.counts[s] ?? 0}>
            <span className={`badge ${PAYOUT_STATUS_CLASS[s]}`}>
              {t(`spine.payouts.status.${s}`)} · {r.counts[s] ?? 0}
            </span>
          </li>
        ))}
      </ul>
      <dl className="facts">
        <div>
          <dt>{t('spine.payouts.sent_total')}</dt>
          <dd>
            <Amount money={r.sent} testId="run-sent" />
          </dd>
        </div>
        <div>
          <dt>{t('spine.payouts.minimum')}</dt>
          <dd>
            <Amount money={r.minimum} testId="run-minimum" />
          </dd>
        </div>
        <div>
          <dt>{t('spine.payouts.trigger_label')}</dt>
          <dd data-testid="run-trigger">{t(`spine.payouts.trigger.${r.trigger}`)}</dd>
        </div>
        <div>
          <dt>{t('spine.payouts.started')}</dt>
          <dd>
            <time dateTime={r.created_at}>{formatDateTime(r.created_at, language)}</time>
            {r.finished_at ? (
              <>
                {' → '}
                <time dateTime={r.finished_at}>{formatDateTime(r.finished_at, language)}</time>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {inFile > 0 ? (
        <div className="actions">
          <a className="button" href={bankFileHref(r.id)} download={`${r.id}.csv`} data-testid="run-bank-file">
            {t('spine.payouts.bank_file')}
          </a>
        </div>
      ) : null}
      {sandbox && inFile > 0 ? <BankSandbox runId={r.id} sent={sent} /> : null}
      <h3>{t('spine.payouts.payouts_title')}</h3>
      {r.payouts.length === 0 ? (
        <p className="muted small" data-testid="run-payouts-empty">
          {t('spine.payouts.payouts_empty')}
        </p>
      ) : (
        <ul className="rows" data-testid="run-payouts">
          {r.payouts.map((p) => (
            <PayoutRow key={p.id} payout={p} runId={r.id} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RunList({ runs, selected, onSelect }: { runs: readonly PayoutRun[]; selected: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('spine.payouts.runs_title')}</h2>
      {runs.length === 0 ? (
        <p className="muted small" data-testid="runs-empty">
          {t('spine.payouts.runs_empty')}
        </p>
      ) : (
        <ul className="rows" data-testid="runs-list">
          {runs.map((r) => {
            const current = r.id === selected;
            return (
              <li key={r.id} className={`row run-row${current ? ' selected' : ''}`} data-testid="run-row" data-run-id={r.id} data-status={r.status}>
                <div className="row-head">
                  <strong>{formatDate(r.value_date, language)}</strong>
                  <RunStatusBadge run={r} />
                  <span className="muted small">{t(`spine.payouts.trigger.${r.trigger}`)}</span>
                </div>
                <span className="small">
                  {t('spine.payouts.progress_short', { done: r.done_items, total: r.total_items })} · <Amount money={r.sent} />
                </span>
                {current ? null : (
                  <button type="button" className="button-small row-action" onClick={() => onSelect(r.id)} data-testid="run-select">
                    {t('spine.payouts.show_run')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CommissionRatesCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const rates = useQuery({ queryKey: COMMISSION_KEY, queryFn: payoutsApi.commissionRates });
  const categories = useCategories();
  const [category, setCategory] = useState('*');
  const [percent, setPercent] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (rate_bp: number) => payoutsApi.setCommissionRate(category, rate_bp),
    onSuccess: async () => {
      setPercent('');
      await client.invalidateQueries({ queryKey: COMMISSION_KEY });
    },
  });
  const names = new Map((categories.data?.items ?? []).map((c) => [c.code, pick(c.name, language)]));
  const nameOf = (code: string) => (code === '*' ? t('spine.commission.all_other') : (names.get(code) ?? code));
  const data: CommissionRates | undefined = rates.data;
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const rateError = localError ?? errors.rate_bp;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bp = parsePercent(percent);
    if (bp === undefined) {
      setLocalError(t('spine.commission.rate_invalid'));
      return;
    }
    setLocalError(undefined);
    save.mutate(bp);
  };
  return (
    <section className="card" aria-labelledby="commission-title" data-testid="commission-rates">
      <h2 id="commission-title">{t('spine.commission.title')}</h2>
      <p className="muted small">{t('spine.commission.help')}</p>
      {rates.isPending ? <Loading /> : null}
      <ErrorBox error={rates.error} testId="commission-error" />
      {data ? (
        <ul className="rows" data-testid="commission-list">
          <li className="row" data-testid="commission-default" data-rate-bp={data.default_bp}>
            <div className="row-head">
              <span className="row-title">{t('spine.commission.default')}</span>
              <strong>{formatRate(data.default_bp, language)}</strong>
            </div>
          </li>
          {data.items.map((r) => (
            <li key={r.category_code} className="row" data-testid="commission-row" data-category={r.category_code} data-rate-bp={r.rate_bp}>
              <div className="row-head">
                <span className="row-title">
                  {nameOf(r.category_code)} <span className="mono muted small">{r.category_code}</span>
                </span>
                <strong data-testid="commission-rate">{formatRate(r.rate_bp, language)}</strong>
              </div>
              <span className="muted small">
                {t('spine.commission.updated')} <time dateTime={r.updated_at}>{formatDateTime(r.updated_at, language)}</time>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit} noValidate className="team-add" data-testid="commission-form">
        <h3>{t('spine.commission.set_title')}</h3>
        <Field label={t('spine.commission.category')} htmlFor="commission-category">
          <select
            id="commission-category"
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              save.reset();
            }}
            data-testid="commission-category"
          >
            <option value="*">{t('spine.commission.all_other')} (*)</option>
            {(categories.data?.items ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.parent ? '— ' : ''}
                {pick(c.name, language)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('spine.commission.rate')}
          htmlFor="commission-rate"
          hint={t('spine.commission.rate_hint')}
          error={rateError}
          errorPath="rate_bp"
          errorId="error-commission-rate"
        >
          <input
            id="commission-rate"
            inputMode="decimal"
            className="mono"
            autoComplete="off"
            maxLength={6}
            value={percent}
            onChange={(e) => {
              setPercent(e.target.value);
              setLocalError(undefined);
              if (save.isError || save.isSuccess) save.reset();
            }}
            aria-invalid={rateError ? true : undefined}
            aria-describedby="error-commission-rate"
            data-testid="commission-rate-input"
          />
        </Field>
        {save.isError && !errors.rate_bp ? <ErrorBox error={save.error} testId="commission-save-error" /> : null}
        {save.isSuccess ? (
          <Notice kind="success" testId="commission-saved">
            {t('spine.commission.saved', { category: nameOf(save.data.category_code), rate: formatRate(save.data.rate_bp, language) })}
          </Notice>
        ) : null}
        <button type="submit" className="primary block" disabled={save.isPending} data-testid="commission-save">
          {t('spine.commission.save')}
        </button>
      </form>
    </section>
  );
}

/** /admin/payouts: run payouts now, follow a run, record the bank's answers, download the bank file; commission rates. */
export function PayoutsPage() {
  const { t } = useTranslation();
  const runs = useQuery({ queryKey: RUNS_KEY, queryFn: payoutsApi.runs });
  const [chosen, setChosen] = useState<string | undefined>();
  const items = runs.data?.items ?? [];
  const selected = chosen ?? items[0]?.id;
  return (
    <div data-testid="admin-payouts-page">
      <h1>{t('spine.payouts.title')}</h1>
      <MoneyTabs />
      <RunNow
        onStarted={(run) => {
          // A run already under way (409): the newest, which the list puts first.
          setChosen(run?.id);
        }}
      />
      {runs.isPending ? <Loading /> : null}
      <ErrorBox error={runs.error} testId="runs-error" />
      {selected ? <RunDetailCard key={selected} runId={selected} /> : null}
      {runs.isSuccess ? <RunList runs={items} selected={selected} onSelect={setChosen} /> : null}
      <CommissionRatesCard />
    </div>
  );
}

function DecideForm({ dispute, order, onDecided }: { dispute: Dispute; order: Order | undefined; onDecided: (outcome: DisputeOutcome) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [outcome, setOutcome] = useState<DisputeOutcome | ''>('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const currency: Money['currency'] | undefined = order?.total.currency;
  const decide = useMutation({
    mutationFn: (body: { outcome: DisputeOutcome; note: string; amount?: Money }) => settleApi.decideDispute(dispute.id, body, idempotency.keyFor(body)),
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async (decided) => {
      onDecided(decided.outcome ?? 'release');
      await client.invalidateQueries({ queryKey: DISPUTES_KEY });
      await client.invalidateQueries({ queryKey: ORDERS_KEY });
    },
  });
  const errors = decide.error instanceof ApiError ? decide.error.fieldErrors() : {};
  const amountMessage = amountError ?? errors.amount ?? errors['amount.amount_minor'];
  const touched = () => {
    if (decide.isError) decide.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (outcome === 'partial_refund') {
      const minor = parseMajor(amount);
      if (minor === undefined || minor <= 0 || !currency) {
        setAmountError(t('spine.disputes.amount_invalid'));
        return;
      }
      decide.mutate({ outcome, note, amount: { amount_minor: minor, currency } });
      return;
    }
    // No outcome chosen goes to the server as it is: it answers with the field error in the admin's language.
    decide.mutate({ outcome: outcome as DisputeOutcome, note });
  };
  const id = (name: string) => `${name}-${dispute.id}`;
  return (
    <form onSubmit={submit} noValidate className="dispute-box" data-testid="dispute-decide-form">
      <h3>{t('spine.disputes.decide_title')}</h3>
      <fieldset>
        <legend>{t('spine.disputes.outcome')}</legend>
        {DISPUTE_OUTCOMES.map((o) => (
          <label key={o} className={`segment${outcome === o ? ' active' : ''}`} style={{ marginBottom: '0.4rem' }}>
            <input
              type="radio"
              name={id('outcome')}
              value={o}
              checked={outcome === o}
              onChange={() => {
                setOutcome(o);
                setAmountError(undefined);
                touched();
              }}
              data-testid={`dispute-outcome-${o}`}
            />
            <span>
              {t(`spine.dispute.outcome.${o}`)}
              <span className="hint" style={{ display: 'block' }}>
                {t(`spine.disputes.outcome_hint.${o}`)}
              </span>
            </span>
          </label>
        ))}
        {errors.outcome ? (
          <p className="field-error" data-error-for="outcome" data-testid="dispute-outcome-error">
            {errors.outcome}
          </p>
        ) : null}
      </fieldset>
      {outcome === 'partial_refund' ? (
        <Field
          label={t('spine.disputes.amount', { currency: currency ?? '' })}
          htmlFor={id('amount')}
          hint={
            order
              ? t('spine.disputes.amount_hint', {
                  max: formatMoney(order.total.amount_minor - order.refunded.amount_minor, order.total.currency, language),
                  symbol: currencySymbol(order.total.currency, language),
                })
              : undefined
          }
          error={amountMessage}
          errorPath="amount"
          errorId={id('error-amount')}
        >
          <input
            id={id('amount')}
            inputMode="decimal"
            className="mono"
            autoComplete="off"
            maxLength={16}
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setAmountError(undefined);
              touched();
            }}
            aria-invalid={amountMessage ? true : undefined}
            aria-describedby={id('error-amount')}
            data-testid="dispute-amount"
          />
        </Field>
      ) : null}
      <Field label={t('spine.disputes.note')} htmlFor={id('note')} error={errors.note} errorPath="note" errorId={id('error-note')}>
        <textarea
          id={id('note')}
          className="note"
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            touched();
          }}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={id('error-note')}
          data-testid="dispute-decision-note-input"
        />
      </Field>
      {decide.isError && !errors.note && !errors.outcome && !amountMessage ? <ErrorBox error={decide.error} testId="dispute-decide-error" /> : null}
      <button type="submit" className="primary block" disabled={decide.isPending} data-testid="dispute-decide">
        {t('spine.disputes.decide')}
      </button>
    </form>
  );
}

function DisputeCard({ dispute, onDecided }: { dispute: Dispute; onDecided: (dispute: Dispute, outcome: DisputeOutcome) => void }) {
  const { t } = useTranslation();
  const order = useQuery({ queryKey: orderKey(dispute.order_id), queryFn: () => shopApi.order(dispute.order_id) });
  const o = order.data;
  return (
    <li className="card" data-testid="dispute" data-dispute-id={dispute.id} data-order-id={dispute.order_id} data-status={dispute.status}>
      <div className="card-head wrap">
        <h2 className="mono">
          <Link href={`/orders/${encodeURIComponent(dispute.order_id)}`} data-testid="dispute-order-link">
            {dispute.order_id}
          </Link>
        </h2>
        {o ? <OrderStatusBadge status={o.status} testId="dispute-order-status" /> : null}
      </div>
      {o ? (
        <p className="small" data-testid="dispute-order-total">
          {t('spine.disputes.order_total')} <Amount money={o.total} />
          {o.refunded.amount_minor > 0 ? (
            <span className="muted">
              {' '}
              · {t('spine.disputes.already_refunded')} <Amount money={o.refunded} />
            </span>
          ) : null}
        </p>
      ) : null}
      <ErrorBox error={order.error} testId="dispute-order-error" />
      <DisputeDetails dispute={dispute} />
      {dispute.status === 'open' ? <DecideForm dispute={dispute} order={o} onDecided={(outcome) => onDecided(dispute, outcome)} /> : null}
    </li>
  );
}

/** /admin/disputes: buyers' disputes (reason, note, photos) and the decision: release, refund part, or refund everything. */
export function DisputesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DisputeStatus>('open');
  const [last, setLast] = useState<{ order_id: string; outcome: DisputeOutcome } | null>(null);
  const disputes = useQuery({ queryKey: [...DISPUTES_KEY, status], queryFn: () => settleApi.disputes(status) });
  const items = disputes.data?.items ?? [];
  return (
    <div data-testid="admin-disputes-page">
      <h1>{t('spine.disputes.title')}</h1>
      <MoneyTabs />
      <div className="chips" style={{ marginBottom: '0.75rem' }}>
        {(['open', 'decided'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`chip${status === s ? ' active' : ''}`}
            aria-pressed={status === s}
            onClick={() => setStatus(s)}
            data-testid={`disputes-filter-${s}`}
          >
            {t(`spine.dispute.status.${s}`)}
          </button>
        ))}
      </div>
      {last ? (
        <Notice kind="success" testId="dispute-decided">
          {t('spine.disputes.decided', { order: last.order_id, outcome: t(`spine.dispute.outcome.${last.outcome}`) })}
        </Notice>
      ) : null}
      {disputes.isPending ? <Loading /> : null}
      <ErrorBox error={disputes.error} testId="disputes-error" />
      {disputes.isSuccess && items.length === 0 ? (
        <p className="card muted" data-testid="disputes-empty">
          {t(status === 'open' ? 'spine.disputes.empty_open' : 'spine.disputes.empty_decided')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="rows" data-testid="disputes-list">
          {items.map((d) => (
            <DisputeCard key={d.id} dispute={d} onDecided={(decided, outcome) => setLast({ order_id: decided.order_id, outcome })} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
