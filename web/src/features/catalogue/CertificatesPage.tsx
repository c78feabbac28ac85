import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  api,
  CERTIFICATION_TYPES,
  type Certification,
  type CertificationDocument,
  type CertificationInput,
  type CertificationType,
  type Seller,
} from '../../api.js';
import { ErrorBox, Field, Loading, Notice } from '../../components/ui.js';
import { formatDate, formatYear, isLanguage, type Language } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { CertificationStatusBadge, SellerScope, sellerCertificationsKey, useSellerCertifications } from './shared.js';

interface CertForm {
  type: CertificationType | '';
  number: string;
  standard_number: string;
  stars: string;
  year_awarded: string;
  issuer: string;
  issued_on: string;
  expires_on: string;
}

const EMPTY: CertForm = { type: '', number: '', standard_number: '', stars: '', year_awarded: '', issuer: '', issued_on: '', expires_on: '' };

/** Which inputs feed which error paths. */
const PATHS: Record<keyof CertForm, string[]> = {
  type: ['type', 'number', 'standard_number', 'stars', 'year_awarded'],
  number: ['number'],
  standard_number: ['standard_number'],
  stars: ['stars'],
  year_awarded: ['year_awarded'],
  issuer: ['issuer'],
  issued_on: ['issued_on', 'expires_on'],
  expires_on: ['expires_on'],
};

/** What the form sends: only the fields of the chosen type. The server checks the rest (format, dates) and answers at the field. */
function bodyOf(form: CertForm, sellerId: string): CertificationInput {
  const type = form.type as CertificationType;
  return {
    seller_id: sellerId,
    type,
    number: form.number.trim(),
    ...(type === 'tisi' || type === 'tisi_community' ? { standard_number: form.standard_number.trim() || null } : {}),
    ...(type === 'otop_stars' ? { stars: form.stars ? Number(form.stars) : null, year_awarded: form.year_awarded ? Number(form.year_awarded) : null } : {}),
    issuer: form.issuer.trim() || null,
    issued_on: form.issued_on || null,
    expires_on: form.expires_on || null,
  };
}

/** The server's limit for a scan (LIMITS.image_bytes), checked here too so that a phone does not send a refused file. */
const MAX_DOCUMENT_MB = 5;
const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const DOCUMENT_ACCEPT = `${DOCUMENT_TYPES.join(',')},.pdf,.jpg,.jpeg,.png`;
/** Where the server names a problem with the scan. */
const DOCUMENT_PATHS = ['document', 'document.data_base64', 'document.file_name'];

/** A file as base64 without its `data:…;base64,` prefix, as the API takes a certificate's scan. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The number's label and hint follow the type: an FDA number has its own shape. */
function numberHint(type: CertificationType | '', t: (key: string) => string): string | undefined {
  if (type === 'thai_fda') return t('certs.fda_hint');
  if (type === 'tisi' || type === 'tisi_community') return t('certs.tisi_hint');
  if (type === 'otop_stars') return t('certs.otop_hint');
  return undefined;
}

function SubmitCertificateForm({ seller, language }: { seller: Seller; language: Language }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [form, setForm] = useState<CertForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState<Certification | null>(null);
  const [scan, setScan] = useState<{ file: File; document: CertificationDocument } | null>(null);
  const [reading, setReading] = useState(false);
  const scanInput = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: (body: CertificationInput) => api.createCertification(body, idempotency.keyFor(body)),
    onSettled: (_data, error) => idempotency.settle(error ?? undefined),
    onSuccess: async (cert) => {
      setSubmitted(cert);
      setForm(EMPTY);
      setScan(null);
      if (scanInput.current) scanInput.current.value = '';
      await client.invalidateQueries({ queryKey: sellerCertificationsKey(seller.id) });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
    },
  });

  const update = <K extends keyof CertForm>(key: K, value: CertForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSubmitted(null);
    setErrors((prev) => {
      const next = { ...prev };
      for (const p of PATHS[key]) delete next[p];
      return next;
    });
  };

  const chooseScan = async (file: File | null) => {
    setSubmitted(null);
    setErrors((prev) => {
      const next = { ...prev };
      for (const p of DOCUMENT_PATHS) delete next[p];
      return next;
    });
    setScan(null);
    if (!file) return;
    const refuse = (message: string) => {
      setErrors((prev) => ({ ...prev, document: message }));
      if (scanInput.current) scanInput.current.value = '';
    };
    if (!(DOCUMENT_TYPES as readonly string[]).includes(file.type)) return refuse(t('certs.document_type'));
    if (file.size > MAX_DOCUMENT_MB * 1_048_576) return refuse(t('certs.document_too_large', { max: MAX_DOCUMENT_MB }));
    setReading(true);
    try {
      setScan({ file, document: { file_name: file.name, data_base64: await readBase64(file) } });
    } catch {
      refuse(t('certs.document_unreadable'));
    } finally {
      setReading(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!form.type) missing.type = t('catalogue.required');
    if (!form.number.trim()) missing.number = t('catalogue.required');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    mutation.mutate({ ...bodyOf(form, seller.id), ...(scan ? { document: scan.document } : {}) });
  };

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2001 + 1 }, (_, i) => thisYear - i);
  const invalid = (path: string) => ({ 'aria-invalid': errors[path] ? true : undefined, 'aria-describedby': `error-${path}` });
  const dateHint = (value: string) => (value && language === 'th' ? formatDate(value, language) : undefined);
  const placed = ['type', 'number', 'standard_number', 'stars', 'year_awarded', 'issuer', 'issued_on', 'expires_on', ...DOCUMENT_PATHS];
  const documentError = DOCUMENT_PATHS.map((p) => errors[p]).find(Boolean);
  const unplaced = mutation.error && !placed.some((p) => errors[p]);
  const fda = form.type === 'thai_fda';

  return (
    <form onSubmit={submit} noValidate className="cert-form" data-testid="cert-form">
      <h2>{t('certs.submit_title')}</h2>
      <Field label={t('certs.type_label')} htmlFor="cert-type" error={errors.type} errorPath="type">
        <select
          id="cert-type"
          value={form.type}
          onChange={(e) => update('type', e.target.value as CertificationType)}
          data-testid="cert-type"
          {...invalid('type')}
        >
          <option value="">{t('certs.type_choose')}</option>
          {CERTIFICATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`certs.type.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t(fda ? 'certs.fda_number' : 'certs.number')}
        htmlFor="cert-number"
        hint={numberHint(form.type, t)}
        error={errors.number}
        errorPath="number"
      >
        <input
          id="cert-number"
          autoComplete="off"
          className="mono"
          inputMode={fda ? 'numeric' : 'text'}
          placeholder={fda ? 'XX-X-XXXXX-X-XXXX' : undefined}
          maxLength={80}
          value={form.number}
          onChange={(e) => update('number', e.target.value)}
          data-testid="cert-number"
          {...invalid('number')}
        />
      </Field>
      {form.type === 'tisi' || form.type === 'tisi_community' ? (
        <Field
          label={t(form.type === 'tisi' ? 'certs.standard_tisi' : 'certs.standard_community')}
          htmlFor="cert-standard"
          hint={t('certs.standard_hint')}
          error={errors.standard_number}
          errorPath="standard_number"
        >
          <input
            id="cert-standard"
            autoComplete="off"
            className="mono"
            value={form.standard_number}
            onChange={(e) => update('standard_number', e.target.value)}
            data-testid="cert-standard"
            {...invalid('standard_number')}
          />
        </Field>
      ) : null}
      {form.type === 'otop_stars' ? (
        <div className="field-pair">
          <Field label={t('certs.stars')} htmlFor="cert-stars" error={errors.stars} errorPath="stars">
            <select id="cert-stars" value={form.stars} onChange={(e) => update('stars', e.target.value)} data-testid="cert-stars" {...invalid('stars')}>
              <option value="">—</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {'★'.repeat(n)} ({n})
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('certs.year_awarded')} htmlFor="cert-year" error={errors.year_awarded} errorPath="year_awarded">
            <select
              id="cert-year"
              value={form.year_awarded}
              onChange={(e) => update('year_awarded', e.target.value)}
              data-testid="cert-year"
              {...invalid('year_awarded')}
            >
              <option value="">—</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {formatYear(y, language)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      <Field label={t('certs.issuer')} htmlFor="cert-issuer" optional error={errors.issuer} errorPath="issuer">
        <input
          id="cert-issuer"
          autoComplete="off"
          maxLength={200}
          value={form.issuer}
          onChange={(e) => update('issuer', e.target.value)}
          data-testid="cert-issuer"
          {...invalid('issuer')}
        />
      </Field>
      <div className="field-pair">
        <Field label={t('certs.issued_on')} htmlFor="cert-issued" optional hint={dateHint(form.issued_on)} error={errors.issued_on} errorPath="issued_on">
          <input
            id="cert-issued"
            type="date"
            value={form.issued_on}
            onChange={(e) => update('issued_on', e.target.value)}
            data-testid="cert-issued-on"
            {...invalid('issued_on')}
          />
        </Field>
        <Field label={t('certs.expires_on')} htmlFor="cert-expires" optional hint={dateHint(form.expires_on)} error={errors.expires_on} errorPath="expires_on">
          <input
            id="cert-expires"
            type="date"
            value={form.expires_on}
            onChange={(e) => update('expires_on', e.target.value)}
            data-testid="cert-expires-on"
            {...invalid('expires_on')}
          />
        </Field>
      </div>
      <Field
        label={t('certs.document')}
        htmlFor="cert-document"
        optional
        hint={t('certs.document_hint', { max: MAX_DOCUMENT_MB })}
        error={documentError}
        errorPath="document"
      >
        {/* The browser's own picker speaks the browser's language: this one speaks the page's. */}
        <label className={`file-picker${scan ? ' chosen' : ''}`}>
          <input
            id="cert-document"
            ref={scanInput}
            type="file"
            accept={DOCUMENT_ACCEPT}
            className="visually-hidden"
            onChange={(e) => void chooseScan(e.target.files?.[0] ?? null)}
            aria-invalid={documentError ? true : undefined}
            aria-describedby="error-document"
            data-testid="cert-document"
          />
          <span className="file-picker-button">{t(scan ? 'certs.document_change' : 'certs.document_choose')}</span>
          <span className="file-picker-name" data-testid="cert-document-name">
            {reading ? t('common.loading') : scan ? scan.file.name : t('certs.document_none')}
          </span>
        </label>
      </Field>
      {scan ? (
        <button
          type="button"
          className="button-small document-clear"
          onClick={() => {
            if (scanInput.current) scanInput.current.value = '';
            void chooseScan(null);
          }}
          data-testid="cert-document-clear"
        >
          {t('certs.document_remove')}
        </button>
      ) : null}
      {unplaced ? <ErrorBox error={mutation.error} testId="cert-error" /> : null}
      {submitted ? (
        <Notice kind="success" testId="cert-submitted">
          {t('certs.submitted', { number: submitted.display_number })}
        </Notice>
      ) : null}
      <button type="submit" className="primary block" disabled={mutation.isPending || reading} data-testid="cert-submit">
        {t('certs.submit')}
      </button>
    </form>
  );
}

/** The certificate's scan, opened in a new tab with the session cookie (only the seller's members and reviewers may). */
export function DocumentLink({ url, testId = 'cert-document-link' }: { url: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <a href={url} target="_blank" rel="noopener" className="button document-link" data-testid={testId}>
      {t('certs.document_view')}
    </a>
  );
}

function CertificateRow({ cert, language }: { cert: Certification; language: Language }) {
  const { t } = useTranslation();
  return (
    <li className="row" data-testid="cert-row" data-cert-id={cert.id} data-status={cert.status}>
      <div className="row-main">
        <span className="row-head">
          <strong className="row-title">{t(`certs.type.${cert.type}`)}</strong>
          <CertificationStatusBadge cert={cert} />
          <span className={`badge ${cert.in_force ? 'badge-eligible' : 'badge-draft'}`} data-testid="cert-in-force" data-in-force={cert.in_force}>
            {t(cert.in_force ? 'certs.in_force' : 'certs.not_in_force')}
          </span>
        </span>
        <span className="mono" data-testid="cert-number-shown">
          {cert.display_number}
        </span>
        {cert.standard_number ? <span className="small">{t('certs.standard', { number: cert.standard_number })}</span> : null}
        {cert.stars ? (
          <span className="small">
            {'★'.repeat(cert.stars)} {cert.year_awarded ? `(${formatYear(cert.year_awarded, language)})` : ''}
          </span>
        ) : null}
        {cert.issuer ? <span className="small muted">{cert.issuer}</span> : null}
        <span className="small muted" data-testid="cert-expiry">
          {cert.issued_on ? `${t('certs.issued_on')} ${formatDate(cert.issued_on, language)} · ` : ''}
          {cert.expires_on ? t('certs.expires', { date: formatDate(cert.expires_on, language) }) : t('certs.no_expiry')}
        </span>
        {cert.document_url ? <DocumentLink url={cert.document_url} /> : null}
        {cert.status === 'rejected' && cert.rejection_reason ? (
          <span className="alert alert-error small" data-testid="cert-rejection">
            {t('certs.rejection', { reason: cert.rejection_reason })}
          </span>
        ) : null}
      </div>
    </li>
  );
}

function SellerCertificates({ seller }: { seller: Seller }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const certs = useSellerCertifications(seller.id);
  const items = certs.data?.items ?? [];
  return (
    <>
      <section className="card" data-testid="cert-list-card">
        <h2>{seller.legal_name_th}</h2>
        {certs.isPending ? <Loading /> : null}
        {certs.isError ? <ErrorBox error={certs.error} /> : null}
        {certs.isSuccess && items.length === 0 ? (
          <p className="muted" data-testid="certs-empty">
            {t('certs.empty')}
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="rows" data-testid="cert-list">
            {items.map((cert) => (
              <CertificateRow key={cert.id} cert={cert} language={language} />
            ))}
          </ul>
        ) : null}
      </section>
      <section className="card">
        <SubmitCertificateForm seller={seller} language={language} />
      </section>
    </>
  );
}

/** The seller's certificates (อย., มอก., มผช., OTOP stars, …) with status and expiry, and a form to submit one for review. */
export function CertificatesPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="certificates-page">
      <h1>{t('certs.title')}</h1>
      <p className="muted">{t('certs.intro')}</p>
      <SellerScope path="/seller/certificates">{(seller) => <SellerCertificates seller={seller} />}</SellerScope>
    </div>
  );
}
