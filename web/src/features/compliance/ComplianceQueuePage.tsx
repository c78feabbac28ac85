import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { ApiError, api, type Seller } from '../../api.js';
import { ErrorBox, Field } from '../../components/ui.js';
import { formatDateTime, isLanguage } from '../../i18n/index.js';
import { SellerFacts, StatusBadge, useNames, useOnboardingReference } from '../sellers/shared.js';
import { CertificateQueue } from './CertificateQueue.js';
import { ReviewQueue } from './ReviewQueue.js';

const QUEUE_KEY = ['sellers', 'queue', 'submitted'] as const;

type Tab = 'sellers' | 'certificates';

/** The review queues: seller applications and certificates, one tab each (`?tab=certificates`, so a link can open either). */
export function ComplianceQueuePage() {
  const { t } = useTranslation();
  const tab: Tab = new URLSearchParams(useSearch()).get('tab') === 'certificates' ? 'certificates' : 'sellers';
  return (
    <>
      <h1>{t('nav.compliance')}</h1>
      <nav className="tabs" aria-label={t('nav.compliance')}>
        {(['sellers', 'certificates'] as const).map((name) => (
          <Link
            key={name}
            href={name === 'sellers' ? '/compliance' : '/compliance?tab=certificates'}
            className={tab === name ? 'tab active' : 'tab'}
            aria-current={tab === name ? 'page' : undefined}
            data-testid={`compliance-tab-${name}`}
          >
            {t(`compliance.tab_${name}`)}
          </Link>
        ))}
      </nav>
      {tab === 'sellers' ? <SellerQueue /> : <CertificateQueue />}
    </>
  );
}

/** Applications waiting for review (GET /sellers?status=submitted), with Verify and Reject. */
function SellerQueue() {
  const { t } = useTranslation();
  return (
    <ReviewQueue
      queryKey={QUEUE_KEY}
      fetchPage={(cursor) => api.listSellers({ status: 'submitted', cursor })}
      renderItem={(seller, onDone) => <QueueItem seller={seller} onDone={onDone} />}
      title={t('compliance.title')}
      intro={t('compliance.intro')}
      empty={t('compliance.empty')}
      testIds={{ tab: 'seller-queue-tab', done: 'queue-done', empty: 'queue-empty', list: 'queue', more: 'queue-more' }}
    />
  );
}

function QueueItem({ seller, onDone }: { seller: Seller; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const client = useQueryClient();
  const name = useNames();
  const reference = useOnboardingReference();
  const [rejecting, setRejecting] = useState(false);
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');

  const refresh = () => client.invalidateQueries({ queryKey: ['sellers'] });
  const verify = useMutation({
    mutationFn: () => api.verifySeller(seller.id),
    onSuccess: async () => {
      onDone(t('compliance.verified_done', { name: seller.legal_name_th }));
      await refresh();
    },
  });
  const reject = useMutation({
    mutationFn: () => api.rejectSeller(seller.id, { reason_code: reasonCode, reason: note }),
    onSuccess: async () => {
      onDone(t('compliance.rejected_done', { name: seller.legal_name_th }));
      await refresh();
    },
  });
  const rejectErrors = reject.error instanceof ApiError ? reject.error.fieldErrors() : {};
  const busy = verify.isPending || reject.isPending;

  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    reject.mutate();
  };

  return (
    <article className="card queue-item" data-testid="queue-item" data-seller-id={seller.id}>
      <div className="card-head">
        <h2>{seller.legal_name_th}</h2>
        <StatusBadge status={seller.status} />
      </div>
      <p className="muted small">
        {t('seller.created_at')} {formatDateTime(seller.created_at, language)}
      </p>
      <SellerFacts seller={seller} />
      {rejecting ? (
        <form onSubmit={submitReject} noValidate className="reject-form" data-testid="reject-form">
          <Field label={t('compliance.reject_reason')} htmlFor={`reason-${seller.id}`} error={rejectErrors.reason_code} errorPath="reason_code">
            <select id={`reason-${seller.id}`} required value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} data-testid="reject-reason">
              <option value="" disabled>
                —
              </option>
              {(reference.data?.rejection_reasons ?? []).map((r) => (
                <option key={r.code} value={r.code}>
                  {name(r.name)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('compliance.reject_note')} htmlFor={`note-${seller.id}`} error={rejectErrors.reason} errorPath="reason">
            <textarea id={`note-${seller.id}`} rows={3} required value={note} onChange={(e) => setNote(e.target.value)} data-testid="reject-note" />
          </Field>
          {reject.error && Object.keys(rejectErrors).length === 0 ? <ErrorBox error={reject.error} /> : null}
          <div className="actions">
            <button type="submit" className="danger" disabled={busy || !reasonCode || !note.trim()} data-testid="reject-confirm">
              {t('compliance.reject_confirm')}
            </button>
            <button type="button" onClick={() => setRejecting(false)} data-testid="reject-cancel">
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => verify.mutate()} data-testid="queue-verify">
            {t('compliance.verify')}
          </button>
          <button type="button" className="danger-outline" disabled={busy} onClick={() => setRejecting(true)} data-testid="queue-reject">
            {t('compliance.reject')}
          </button>
        </div>
      )}
      <ErrorBox error={verify.error} testId="queue-verify-error" />
    </article>
  );
}
