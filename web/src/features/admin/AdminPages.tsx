import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api.js';
import { ErrorBox, Field, Loading, Notice } from '../../components/ui.js';
import { formatDate } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { type FxRate, type FxRateInput, type Money, shopApi } from '../checkout/api.js';
import { Amount } from '../checkout/shared.js';
import { useLanguage } from '../shop/queries.js';

const FX_KEY = ['reference', 'fx-rates'] as const;
const FX_CURRENCIES = ['CNY', 'USD'] as const;

/** Today in Bangkok, where the Bank of Thailand publishes its rates (YYYY-MM-DD). */
export function bangkokToday(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

function AdminTabs() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const tab = (href: string, label: string, testId: string) => (
    <Link href={href} className={location === href ? 'tab active' : 'tab'} aria-current={location === href ? 'page' : undefined} data-testid={testId}>
      {label}
    </Link>
  );
  return (
    <nav className="tabs" aria-label={t('admin.title')}>
      {tab('/admin/fx-rates', t('admin.fx_title'), 'admin-tab-fx')}
      {tab('/admin/ledger', t('admin.ledger_title'), 'admin-tab-ledger')}
    </nav>
  );
}

function RatesInUse() {
  const { t } = useTranslation();
  const language = useLanguage();
  const rates = useQuery({ queryKey: FX_KEY, queryFn: shopApi.fxRates });
  const byCurrency = new Map((rates.data?.items ?? []).map((r) => [r.currency, r]));
  return (
    <section className="card" aria-labelledby="fx-in-use-title" data-testid="fx-in-use">
      <h2 id="fx-in-use-title">{t('admin.fx_in_use')}</h2>
      <p className="muted small">{t('admin.fx_in_use_help')}</p>
      {rates.isPending ? <Loading /> : null}
      {rates.isError ? <ErrorBox error={rates.error} /> : null}
      {rates.isSuccess ? (
        <div className="table-scroll">
          <table className="stock-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.fx_currency')}</th>
                <th scope="col">{t('admin.fx_rate')}</th>
                <th scope="col">{t('admin.fx_date')}</th>
                <th scope="col">{t('admin.fx_source')}</th>
              </tr>
            </thead>
            <tbody>
              {FX_CURRENCIES.map((c) => {
                const rate: FxRate | undefined = byCurrency.get(c);
                return (
                  <tr key={c} data-testid="fx-rate-row" data-currency={c} data-rate={rate?.thb_per_unit ?? ''}>
                    <th scope="row">{c}</th>
                    <td className="mono">{rate ? rate.thb_per_unit : '—'}</td>
                    <td>{rate ? formatDate(rate.rate_date, language) : <span className="muted">{t('admin.fx_none')}</span>}</td>
                    <td className="small">{rate?.source ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function RateForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [form, setForm] = useState<FxRateInput>({ currency: 'CNY', rate_date: bangkokToday(), thb_per_unit: '', source: 'Bank of Thailand' });
  const save = useMutation({
    mutationFn: () => shopApi.setFxRate(form, idempotency.keyFor(form)),
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async () => {
      setForm((f) => ({ ...f, thb_per_unit: '' }));
      await client.invalidateQueries({ queryKey: ['reference', 'fx-rates'] });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = <K extends keyof FxRateInput>(key: K, value: FxRateInput[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (save.isError || save.isSuccess) save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="card" aria-labelledby="fx-form-title">
      <h2 id="fx-form-title">{t('admin.fx_set_title')}</h2>
      <form onSubmit={submit} noValidate data-testid="fx-form">
        <div className="field-pair">
          <Field label={t('admin.fx_currency')} htmlFor="fx-currency" error={errors.currency} errorPath="currency">
            <select
              id="fx-currency"
              value={form.currency}
              onChange={(e) => set('currency', e.target.value as FxRateInput['currency'])}
              data-testid="fx-currency"
            >
              {FX_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('admin.fx_date')} htmlFor="fx-date" error={errors.rate_date} errorPath="rate_date">
            <input id="fx-date" type="date" value={form.rate_date} onChange={(e) => set('rate_date', e.target.value)} data-testid="fx-date" />
          </Field>
        </div>
        <Field
          label={t('admin.fx_rate_label', { currency: form.currency })}
          htmlFor="fx-rate"
          hint={t('admin.fx_rate_hint')}
          error={errors.thb_per_unit}
          errorPath="thb_per_unit"
        >
          <input
            id="fx-rate"
            inputMode="decimal"
            className="mono"
            autoComplete="off"
            maxLength={20}
            value={form.thb_per_unit}
            onChange={(e) => set('thb_per_unit', e.target.value)}
            aria-invalid={errors.thb_per_unit ? true : undefined}
            aria-describedby="error-thb_per_unit"
            data-testid="fx-rate"
          />
        </Field>
        <Field label={t('admin.fx_source')} htmlFor="fx-source" error={errors.source} errorPath="source">
          <input id="fx-source" maxLength={200} value={form.source ?? ''} onChange={(e) => set('source', e.target.value)} data-testid="fx-source" />
        </Field>
        {save.isError && Object.keys(errors).length === 0 ? <ErrorBox error={save.error} testId="fx-error" /> : null}
        {save.isSuccess ? (
          <Notice kind="success" testId="fx-saved">
            {t('admin.fx_saved', { currency: save.data.currency, rate: save.data.thb_per_unit, date: save.data.rate_date })}
          </Notice>
        ) : null}
        <button type="submit" className="primary block" disabled={save.isPending} data-testid="fx-submit">
          {t('admin.fx_save')}
        </button>
      </form>
    </section>
  );
}

function RateImport() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('Bank of Thailand');
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      // The key follows the file's content and source: a retry of the same file after a lost answer is the same request.
      const key = idempotency.keyFor({ name: chosen.name, size: chosen.size, modified: chosen.lastModified, source });
      return shopApi.importFxRates(chosen, source, key);
    },
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['reference', 'fx-rates'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate(file);
  };
  const errors = upload.error instanceof ApiError ? upload.error.problem.errors : [];
  return (
    <section className="card" aria-labelledby="fx-import-title">
      <h2 id="fx-import-title">{t('admin.fx_import_title')}</h2>
      <p className="muted small">{t('admin.fx_import_help')}</p>
      <form onSubmit={submit} noValidate data-testid="fx-import-form">
        <Field label={t('admin.fx_file')} htmlFor="fx-file">
          <label className={`file-picker${file ? ' chosen' : ''}`}>
            <input
              id="fx-file"
              ref={input}
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                upload.reset();
              }}
              data-testid="fx-file"
            />
            <span className="file-picker-button">{t(file ? 'import.file_change' : 'import.file_choose')}</span>
            <span className="file-picker-name" data-testid="fx-file-name">
              {file ? file.name : t('import.file_none')}
            </span>
          </label>
        </Field>
        <Field label={t('admin.fx_source')} htmlFor="fx-import-source">
          <input id="fx-import-source" maxLength={200} value={source} onChange={(e) => setSource(e.target.value)} data-testid="fx-import-source" />
        </Field>
        {upload.isError ? (
          <div className="alert alert-error" role="alert" data-testid="fx-import-error">
            <p>{upload.error instanceof ApiError ? upload.error.problem.title : t('common.error')}</p>
            {errors.length > 0 ? (
              <ul className="alert-list">
                {errors.map((e) => (
                  <li key={`${e.path}-${e.code}`}>
                    {e.path && e.path !== 'file' ? <span className="mono">{e.path}: </span> : null}
                    {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {upload.isSuccess ? (
          <Notice kind="success" testId="fx-imported">
            {t('admin.fx_imported', { n: upload.data.imported })}
          </Notice>
        ) : null}
        <button type="submit" className="primary block" disabled={!file || upload.isPending} data-testid="fx-import-submit">
          {t('admin.fx_import_submit')}
        </button>
      </form>
    </section>
  );
}

/** /admin/fx-rates: the reference rates prices are converted at (THB per unit), set one by one or from a CSV. */
export function FxRatesPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="admin-fx-page">
      <h1>{t('admin.title')}</h1>
      <AdminTabs />
      <RatesInUse />
      <RateForm />
      <RateImport />
    </div>
  );
}

/** /admin/ledger: the trial balance per currency (debits, credits, their net and the escrow still held, both zero) and every cached balance right. */
export function LedgerPage() {
  const { t } = useTranslation();
  const trial = useQuery({ queryKey: ['ledger', 'trial-balance'], queryFn: shopApi.trialBalance });
  return (
    <div data-testid="admin-ledger-page">
      <h1>{t('admin.title')}</h1>
      <AdminTabs />
      <section className="card" aria-labelledby="ledger-title">
        <div className="card-head wrap">
          <h2 id="ledger-title">{t('admin.ledger_title')}</h2>
          <button type="button" onClick={() => void trial.refetch()} disabled={trial.isFetching} data-testid="ledger-refresh">
            {t('mail.refresh')}
          </button>
        </div>
        <p className="muted small">{t('admin.ledger_help')}</p>
        {trial.isPending ? <Loading /> : null}
        {trial.isError ? <ErrorBox error={trial.error} /> : null}
        {trial.data ? (
          <>
            <Notice kind={trial.data.balanced ? 'success' : 'error'} testId="ledger-balanced">
              {trial.data.balanced ? `✓ ${t('admin.ledger_balanced')}` : `✕ ${t('admin.ledger_unbalanced')}`}
            </Notice>
            {trial.data.currencies.length === 0 ? <p className="muted">{t('admin.ledger_empty')}</p> : null}
            {trial.data.currencies.length > 0 ? (
              <ul className="rows" data-testid="ledger-table">
                {trial.data.currencies.map((c) => {
                  const zero = c.net.amount_minor === 0 && c.pending_net.amount_minor === 0;
                  const line = (key: string, label: string, money: Money) => (
                    <div className="cost-row" data-testid={`ledger-${key}`}>
                      <dt className="cost-label">{label}</dt>
                      <dd className="cost-value">
                        <Amount money={money} />
                      </dd>
                    </div>
                  );
                  return (
                    <li key={c.currency} className="row" data-testid="ledger-row" data-currency={c.currency} data-balanced={zero}>
                      <div className="row-head">
                        <strong>{c.currency}</strong>
                        <span className={zero ? 'limit-ok' : 'limit-bad'}>
                          {zero ? `✓ ${t('admin.ledger_balanced')}` : `✕ ${t('admin.ledger_unbalanced')}`}
                        </span>
                      </div>
                      <dl className="costs">
                        {line('debits', t('admin.ledger_debits'), c.debits)}
                        {line('credits', t('admin.ledger_credits'), c.credits)}
                        {line('net', t('admin.ledger_net'), c.net)}
                        {line('pending', t('admin.ledger_pending'), c.pending_net)}
                      </dl>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {trial.data.mismatched_accounts.length > 0 ? (
              <div className="alert alert-error" data-testid="ledger-mismatched">
                <p>{t('admin.ledger_mismatched')}</p>
                <ul className="alert-list">
                  {trial.data.mismatched_accounts.map((a) => (
                    <li key={a} className="mono small">
                      {a}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
}
