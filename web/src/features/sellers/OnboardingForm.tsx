import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ApiError, api, errorsByPath, newIdempotencyKey, type Seller, type SellerInput, type SellerPatch } from '../../api.js';
import { ErrorBox, Field, FieldError, Loading, Notice } from '../../components/ui.js';
import { intlLocale, isLanguage } from '../../i18n/index.js';
import { ME_KEY } from '../../session.js';
import { useNames, useOnboardingReference } from './shared.js';

type PayoutMethod = 'promptpay' | 'bank';

interface FormState {
  legal_name_th: string;
  legal_name_en: string;
  tax_id: string;
  province_code: string;
  otop_registration: string;
  method: PayoutMethod;
  promptpay_id: string;
  bank_code: string;
  account_number: string;
  pdpa_consent: boolean;
}

/** Which inputs feed which error paths of the API. */
const FIELD_PATHS: Record<keyof FormState, string[]> = {
  legal_name_th: ['legal_name_th'],
  legal_name_en: ['legal_name_en'],
  tax_id: ['tax_id'],
  province_code: ['province_code'],
  otop_registration: ['otop_registration'],
  method: ['payout', 'payout.promptpay_id', 'payout.bank_code', 'payout.account_number'],
  promptpay_id: ['payout', 'payout.promptpay_id'],
  bank_code: ['payout', 'payout.bank_code', 'payout.account_number'],
  account_number: ['payout', 'payout.account_number'],
  pdpa_consent: ['pdpa_consent'],
};

const LIVE_DELAY_MS = 300;

function initialState(seller?: Seller): FormState {
  return {
    legal_name_th: seller?.legal_name_th ?? '',
    legal_name_en: seller?.legal_name_en ?? '',
    tax_id: seller?.tax_id ?? '',
    province_code: seller?.province_code ?? '',
    otop_registration: seller?.otop_registration ?? '',
    method: seller?.payout.kind === 'bank_account' ? 'bank' : 'promptpay',
    promptpay_id: seller?.payout.kind === 'promptpay' ? seller.payout.promptpay_id : '',
    bank_code: seller?.payout.kind === 'bank_account' ? seller.payout.bank_code : '',
    account_number: seller?.payout.kind === 'bank_account' ? seller.payout.account_number : '',
    pdpa_consent: seller !== undefined,
  };
}

function payoutOf(form: FormState): SellerInput['payout'] {
  return form.method === 'promptpay' ? { promptpay_id: form.promptpay_id.trim() } : { bank_code: form.bank_code, account_number: form.account_number.trim() };
}

/** What the live check sends: only what the user has filled in, so empty fields are not reported while typing. */
function liveBody(form: FormState): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (form.legal_name_th.trim()) body.legal_name_th = form.legal_name_th;
  if (form.legal_name_en.trim()) body.legal_name_en = form.legal_name_en;
  if (form.tax_id.trim()) body.tax_id = form.tax_id.trim();
  if (form.province_code) body.province_code = form.province_code;
  if (form.otop_registration.trim()) body.otop_registration = form.otop_registration.trim();
  if (form.method === 'promptpay' && form.promptpay_id.trim()) body.payout = { promptpay_id: form.promptpay_id.trim() };
  if (form.method === 'bank' && (form.bank_code || form.account_number.trim())) {
    body.payout = {
      ...(form.bank_code ? { bank_code: form.bank_code } : {}),
      ...(form.account_number.trim() ? { account_number: form.account_number.trim() } : {}),
    };
  }
  return body;
}

function createBody(form: FormState): SellerInput {
  return {
    legal_name_th: form.legal_name_th.trim(),
    legal_name_en: form.legal_name_en.trim() || null,
    tax_id: form.tax_id.trim(),
    province_code: form.province_code,
    otop_registration: form.otop_registration.trim() || null,
    payout: payoutOf(form),
    pdpa_consent: form.pdpa_consent,
  };
}

/** The fields that differ from the saved application. */
function patchBody(form: FormState, seller: Seller): SellerPatch {
  const full = createBody(form);
  const before = createBody(initialState(seller));
  const patch: SellerPatch = {};
  if (full.legal_name_th !== before.legal_name_th) patch.legal_name_th = full.legal_name_th;
  if (full.legal_name_en !== before.legal_name_en) patch.legal_name_en = full.legal_name_en ?? null;
  if (full.tax_id !== before.tax_id) patch.tax_id = full.tax_id;
  if (full.province_code !== before.province_code) patch.province_code = full.province_code;
  if (full.otop_registration !== before.otop_registration) patch.otop_registration = full.otop_registration ?? null;
  if (JSON.stringify(full.payout) !== JSON.stringify(before.payout)) patch.payout = full.payout;
  return patch;
}

/**
 * The seller application: creates a draft (POST /sellers) or edits one (PATCH /sellers/{id}).
 * Fields are checked against POST /sellers/validate while typing; errors appear at the field, in the UI language.
 */
export function OnboardingForm({ seller }: { seller?: Seller }) {
  const { t, i18n } = useTranslation();
  const name = useNames();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const reference = useOnboardingReference();
  const [form, setForm] = useState<FormState>(() => initialState(seller));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [liveErrors, setLiveErrors] = useState<Record<string, string>>({});
  const [checking, setChecking] = useState(false);
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const language = isLanguage(i18n.language) ? i18n.language : 'th';

  const update = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    const paths = FIELD_PATHS[key];
    setTouched((prev) => new Set([...prev, ...paths]));
    setSubmitErrors((prev) => {
      const next = { ...prev };
      for (const p of paths) delete next[p];
      return next;
    });
  };

  // Live validation, debounced; re-run on a language change so the messages follow the UI.
  const live = useMemo(() => JSON.stringify({ language, body: liveBody(form) }), [form, language]);
  useEffect(() => {
    const { body } = JSON.parse(live) as { body: Record<string, unknown> };
    if (Object.keys(body).length === 0) {
      setLiveErrors({});
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      api
        .validateSeller(body, controller.signal)
        .then((result) => {
          if (!controller.signal.aborted) setLiveErrors(errorsByPath(result.errors));
        })
        .catch(() => {
          // A failed live check is not an error of the form; submitting reports for real.
        })
        .finally(() => {
          if (!controller.signal.aborted) setChecking(false);
        });
    }, LIVE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [live]);

  const mutation = useMutation({
    mutationFn: async (): Promise<Seller> => {
      if (seller) return api.updateSeller(seller.id, patchBody(form, seller));
      // The consent names the notice version this form showed.
      const body = { ...createBody(form), pdpa_notice_version: reference.data?.pdpa_notice_version };
      const json = JSON.stringify(body);
      // The same key for retries of the same application; a changed application is a new request.
      if (!attempt.current || attempt.current.body !== json) attempt.current = { key: newIdempotencyKey(), body: json };
      return api.createSeller(body, attempt.current.key);
    },
    onSuccess: async (saved) => {
      client.setQueryData(['seller', saved.id], saved);
      await Promise.all([client.invalidateQueries({ queryKey: ME_KEY }), client.invalidateQueries({ queryKey: ['sellers'] })]);
      navigate('/seller');
    },
    onError: (error) => {
      if (error instanceof ApiError) setSubmitErrors(error.fieldErrors());
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  const errorFor = (path: string): string | undefined => submitErrors[path] ?? (touched.has(path) ? liveErrors[path] : undefined);
  const describedBy = (path: string) => `error-${path}`;
  const inputProps = (path: string) => ({ 'aria-invalid': errorFor(path) ? true : undefined, 'aria-describedby': describedBy(path) });

  const provinces = useMemo(() => {
    const list = reference.data?.provinces ?? [];
    const collator = new Intl.Collator(intlLocale(language));
    return [...list].sort((a, b) => collator.compare(a.name[language], b.name[language]));
  }, [reference.data, language]);
  const banks = reference.data?.banks ?? [];
  const bank = banks.find((b) => b.code === form.bank_code);

  if (reference.isPending) return <Loading />;
  if (reference.isError) return <ErrorBox error={reference.error} />;

  const unplaced = mutation.error instanceof ApiError && mutation.error.problem.errors.length === 0;
  const hasSubmitErrors = Object.keys(submitErrors).length > 0;

  return (
    <form onSubmit={submit} noValidate className="seller-form" data-testid="onboarding-form">
      <Field label={t('seller.legal_name_th')} htmlFor="legal_name_th" error={errorFor('legal_name_th')} errorPath="legal_name_th">
        <input
          id="legal_name_th"
          lang="th"
          autoComplete="organization"
          required
          value={form.legal_name_th}
          onChange={(e) => update('legal_name_th', e.target.value)}
          data-testid="field-legal-name-th"
          {...inputProps('legal_name_th')}
        />
      </Field>
      <Field label={t('seller.legal_name_en')} htmlFor="legal_name_en" optional error={errorFor('legal_name_en')} errorPath="legal_name_en">
        <input
          id="legal_name_en"
          lang="en"
          value={form.legal_name_en}
          onChange={(e) => update('legal_name_en', e.target.value)}
          data-testid="field-legal-name-en"
          {...inputProps('legal_name_en')}
        />
      </Field>
      <Field label={t('seller.tax_id')} htmlFor="tax_id" hint={t('seller.tax_id_hint')} error={errorFor('tax_id')} errorPath="tax_id">
        <input
          id="tax_id"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          required
          className="mono"
          value={form.tax_id}
          onChange={(e) => update('tax_id', e.target.value)}
          data-testid="field-tax-id"
          {...inputProps('tax_id')}
        />
      </Field>
      <Field label={t('seller.province')} htmlFor="province_code" error={errorFor('province_code')} errorPath="province_code">
        <select
          id="province_code"
          required
          value={form.province_code}
          onChange={(e) => update('province_code', e.target.value)}
          data-testid="field-province"
          {...inputProps('province_code')}
        >
          <option value="">{t('seller.province_choose')}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name[language]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('seller.otop_registration')}
        htmlFor="otop_registration"
        optional
        hint={t('seller.otop_hint')}
        error={errorFor('otop_registration')}
        errorPath="otop_registration"
      >
        <input
          id="otop_registration"
          autoComplete="off"
          className="mono"
          value={form.otop_registration}
          onChange={(e) => update('otop_registration', e.target.value)}
          data-testid="field-otop"
          {...inputProps('otop_registration')}
        />
      </Field>

      <fieldset className="payout">
        <legend>{t('seller.payout')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('seller.payout')}>
          {(['promptpay', 'bank'] as const).map((method) => (
            <label key={method} className={form.method === method ? 'segment active' : 'segment'}>
              <input
                type="radio"
                name="payout-method"
                value={method}
                checked={form.method === method}
                onChange={() => update('method', method)}
                data-testid={`payout-method-${method}`}
              />
              {t(method === 'promptpay' ? 'seller.payout_promptpay' : 'seller.payout_bank')}
            </label>
          ))}
        </div>
        {form.method === 'promptpay' ? (
          <Field
            label={t('seller.promptpay_id')}
            htmlFor="promptpay_id"
            hint={t('seller.promptpay_hint')}
            error={errorFor('payout.promptpay_id')}
            errorPath="payout.promptpay_id"
          >
            <input
              id="promptpay_id"
              inputMode="tel"
              autoComplete="off"
              className="mono"
              value={form.promptpay_id}
              onChange={(e) => update('promptpay_id', e.target.value)}
              data-testid="field-promptpay-id"
              {...inputProps('payout.promptpay_id')}
            />
          </Field>
        ) : (
          <>
            <Field label={t('seller.bank')} htmlFor="bank_code" error={errorFor('payout.bank_code')} errorPath="payout.bank_code">
              <select
                id="bank_code"
                value={form.bank_code}
                onChange={(e) => update('bank_code', e.target.value)}
                data-testid="field-bank"
                {...inputProps('payout.bank_code')}
              >
                <option value="">{t('seller.bank_choose')}</option>
                {banks.map((b) => (
                  <option key={b.code} value={b.code}>
                    {name(b.name)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('seller.account_number')}
              htmlFor="account_number"
              hint={bank ? t('seller.account_digits', { digits: bank.account_digits.join(' / ') }) : undefined}
              error={errorFor('payout.account_number')}
              errorPath="payout.account_number"
            >
              <input
                id="account_number"
                inputMode="numeric"
                autoComplete="off"
                className="mono"
                value={form.account_number}
                onChange={(e) => update('account_number', e.target.value)}
                data-testid="field-account-number"
                {...inputProps('payout.account_number')}
              />
            </Field>
          </>
        )}
        <FieldError path="payout" message={errorFor('payout')} />
      </fieldset>

      {seller ? (
        <p className="muted small">{t('seller.pdpa_version', { version: seller.pdpa_consent.notice_version })}</p>
      ) : (
        <fieldset className="pdpa">
          <legend>{t('seller.pdpa_title')}</legend>
          <p className="small">{t('seller.pdpa_notice')}</p>
          <p className="muted small" data-testid="pdpa-version">
            {t('seller.pdpa_version', { version: reference.data.pdpa_notice_version })}
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={form.pdpa_consent}
              onChange={(e) => update('pdpa_consent', e.target.checked)}
              data-testid="field-pdpa-consent"
              aria-describedby={describedBy('pdpa_consent')}
            />
            <span>{t('seller.pdpa_consent')}</span>
          </label>
          <FieldError path="pdpa_consent" message={errorFor('pdpa_consent')} />
        </fieldset>
      )}

      {hasSubmitErrors ? <Notice kind="error">{t('seller.form_has_errors')}</Notice> : null}
      {unplaced ? <ErrorBox error={mutation.error} /> : null}
      {mutation.error && !(mutation.error instanceof ApiError) ? <ErrorBox error={mutation.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="onboarding-submit">
          {mutation.isPending ? t('seller.saving') : t(seller ? 'seller.save_changes' : 'seller.create_submit')}
        </button>
        <span className="muted small" aria-live="polite" data-testid="live-checking">
          {checking ? t('seller.checking') : ''}
        </span>
      </div>
    </form>
  );
}
