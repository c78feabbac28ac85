import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { Amount } from '../checkout/shared.js';
import { useLanguage } from '../shop/queries.js';
import type { Dispute } from './settleApi.js';
import './spine.css';

/** Open: waiting for the platform (amber); decided: green when the buyer got money back, grey when the seller was paid. */
export function DisputeStatusBadge({ dispute, testId = 'dispute-status' }: { dispute: Dispute; testId?: string }) {
  const { t } = useTranslation();
  const decided = dispute.status === 'decided';
  const className = !decided ? 'badge-submitted' : dispute.outcome === 'release' ? 'badge-draft' : 'badge-verified';
  return (
    <span className={`badge ${className}`} data-testid={testId} data-status={dispute.status} data-outcome={dispute.outcome ?? ''}>
      {decided && dispute.outcome ? t(`spine.dispute.outcome.${dispute.outcome}`) : t(`spine.dispute.status.${dispute.status}`)}
    </span>
  );
}

/** The buyer's photos, small; a tap opens the full picture. */
export function DisputePhotos({ photos }: { photos: readonly string[] }) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <div className="photo-thumbs" data-testid="dispute-photos-shown">
      {photos.map((src, i) => (
        <a key={src} href={src} target="_blank" rel="noopener noreferrer" className="photo-thumb" data-testid="dispute-photo">
          <img src={src} alt={t('spine.dispute.photo_alt', { n: i + 1 })} loading="lazy" />
        </a>
      ))}
    </div>
  );
}

/** What the buyer said (reason, note, photos) and, once decided, what the platform decided. */
export function DisputeDetails({ dispute, showStatus = true }: { dispute: Dispute; showStatus?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <div className="row-head">
        <strong data-testid="dispute-reason" data-reason={dispute.reason}>
          {t(`spine.dispute.reason.${dispute.reason}`)}
        </strong>
        {showStatus ? <DisputeStatusBadge dispute={dispute} /> : null}
      </div>
      <p className="plain-text small" data-testid="dispute-note">
        {dispute.note}
      </p>
      <DisputePhotos photos={dispute.photos} />
      <p className="muted small">
        {t('spine.dispute.opened_at')} <time dateTime={dispute.created_at}>{formatDateTime(dispute.created_at, language)}</time>
      </p>
      {dispute.status === 'decided' ? (
        <div className="alert alert-info" data-testid="dispute-decision">
          <p>
            <strong data-testid="dispute-outcome">{dispute.outcome ? t(`spine.dispute.outcome_help.${dispute.outcome}`) : ''}</strong>
          </p>
          {dispute.refund && dispute.refund.amount_minor > 0 ? (
            <p className="small">
              {t('spine.dispute.refunded')} <Amount money={dispute.refund} testId="dispute-refund" />
            </p>
          ) : null}
          {dispute.decision_note ? (
            <p className="small plain-text" data-testid="dispute-decision-note">
              {dispute.decision_note}
            </p>
          ) : null}
          {dispute.decided_at ? (
            <p className="muted small">
              {t('spine.dispute.decided_at')} <time dateTime={dispute.decided_at}>{formatDateTime(dispute.decided_at, language)}</time>
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
