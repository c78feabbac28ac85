import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Certification } from '../../api.js';
import { ErrorBox, Field } from '../../components/ui.js';
import { formatDate, formatDateTime, formatYear, isLanguage } from '../../i18n/index.js';
import { DocumentLink } from '../catalogue/CertificatesPage.js';
import { ReviewQueue } from './ReviewQueue.js';

const CERT_QUEUE_KEY = ['certifications', 'queue', 'submitted'] as const;

/** Certificates waiting for review (GET /certifications?status=submitted), with Approve and Reject. */
export function CertificateQueue() {
  const { t } = useTranslation();
  return (
    <ReviewQueue
      queryKey={CERT_QUEUE_KEY}
      fetchPage={(cursor) => api.listCertifications({ status: 'submitted', cursor })}
      renderItem={(cert, onDone) => <CertificateQueueItem cert={cert} onDone={onDone} />}
      intro={t('compliance.certs_intro')}
      empty={t('compliance.certs_empty')}
      testIds={{ tab: 'cert-queue-tab', done: 'cert-queue-done', empty: 'cert-queue-empty', list: 'cert-queue', more: 'cert-queue-more' }}
    />
  );
}

function CertificateQueueItem({ cert, onDone }: { cert: Certification; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const client = useQueryClient();
  const seller = useQuery({ queryKey: ['seller', cert.seller_id], queryFn: () => api.getSeller(cert.seller_id) });
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const label = `${t(`certs.type.${cert.type}`)} ${cert.display_number}`;

  const refresh = () => client.invalidateQueries({ queryKey: ['certifications'] });
  const approve = useMutation({
    mutationFn: () => api.approveCertification(cert.id),
    onSuccess: async () => {
      onDone(t('compliance.cert_approved_done', { label }));
      await refresh();
    },
  });
  const reject = useMutation({
    mutationFn: () => api.rejectCertification(cert.id, reason.trim()),
    onSuccess: async () => {
      onDone(t('compliance.cert_rejected_done', { label }));
      await refresh();
    },
  });
  const rejectErrors = reject.error instanceof ApiError ? reject.error.fieldErrors() : {};
  const busy = approve.isPending || reject.isPending;
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    reject.mutate();
  };

  return (
    <article className="card queue-item" data-testid="cert-queue-item" data-cert-id={cert.id}>
      <div className="card-head">
        <h2>{t(`certs.type.${cert.type}`)}</h2>
        <span className="badge badge-submitted">{t('certs.status.submitted')}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('compliance.cert_seller')}</dt>
          <dd data-testid="cert-queue-seller">{seller.data ? seller.data.legal_name_th : cert.seller_id}</dd>
        </div>
        <div>
          <dt>{t('certs.number')}</dt>
          <dd className="mono" data-testid="cert-queue-number">
            {cert.display_number}
          </dd>
        </div>
        {cert.standard_number ? (
          <div>
            <dt>{t('certs.standard_label')}</dt>
            <dd className="mono">{cert.standard_number}</dd>
          </div>
        ) : null}
        {cert.stars ? (
          <div>
            <dt>{t('certs.stars')}</dt>
            <dd>
              {'★'.repeat(cert.stars)} {cert.year_awarded ? `(${formatYear(cert.year_awarded, language)})` : ''}
            </dd>
          </div>
        ) : null}
        {cert.issuer ? (
          <div>
            <dt>{t('certs.issuer')}</dt>
            <dd>{cert.issuer}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('certs.validity')}</dt>
          <dd>
            {cert.issued_on ? formatDate(cert.issued_on, language) : '—'} → {cert.expires_on ? formatDate(cert.expires_on, language) : t('certs.no_expiry')}
          </dd>
        </div>
      </dl>
      <p className="document-line" data-testid="cert-queue-document" data-has-document={cert.document_url !== null}>
        {cert.document_url ? (
          <DocumentLink url={cert.document_url} testId="cert-queue-document-link" />
        ) : (
          <span className="small muted">{t('certs.document_missing')}</span>
        )}
      </p>
      <p className="muted small">
        {t('seller.created_at')} {formatDateTime(cert.created_at, language)}
      </p>
      {rejecting ? (
        <form onSubmit={submitReject} noValidate className="reject-form" data-testid="cert-reject-form">
          <Field
            label={t('compliance.cert_reject_reason')}
            htmlFor={`cert-reason-${cert.id}`}
            error={rejectErrors.reason}
            errorPath="reason"
            errorId={`error-reason-${cert.id}`}
          >
            <textarea
              id={`cert-reason-${cert.id}`}
              rows={3}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={`error-reason-${cert.id}`}
              data-testid="cert-reject-reason"
            />
          </Field>
          {reject.error && Object.keys(rejectErrors).length === 0 ? <ErrorBox error={reject.error} /> : null}
          <div className="actions">
            <button type="submit" className="danger" disabled={busy || !reason.trim()} data-testid="cert-reject-confirm">
              {t('compliance.reject_confirm')}
            </button>
            <button type="button" onClick={() => setRejecting(false)} data-testid="cert-reject-cancel">
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => approve.mutate()} data-testid="cert-approve">
            {t('compliance.cert_approve')}
          </button>
          <button type="button" className="danger-outline" disabled={busy} onClick={() => setRejecting(true)} data-testid="cert-reject">
            {t('compliance.reject')}
          </button>
        </div>
      )}
      <ErrorBox error={approve.error} testId="cert-approve-error" />
    </article>
  );
}
