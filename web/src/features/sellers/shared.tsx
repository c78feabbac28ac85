import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Seller, type SellerStatus } from '../../api.js';
import { isLanguage, pick } from '../../i18n/index.js';

export const REFERENCE_KEY = ['reference', 'onboarding'] as const;

/** Provinces, banks, rejection reasons and the PDPA notice version; they change with releases only. */
export function useOnboardingReference() {
  return useQuery({ queryKey: REFERENCE_KEY, queryFn: api.onboardingReference, staleTime: Number.POSITIVE_INFINITY });
}

/** Picks from `{th, zh, en}` in the current UI language (re-renders on language change). */
export function useNames() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  return (names: { th: string; zh: string; en: string }) => pick(names, language);
}

export function StatusBadge({ status, testId = 'seller-status' }: { status: SellerStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid={testId} data-status={status}>
      {t(`seller.status.${status}`)}
    </span>
  );
}

/** The facts of an application, sensitive ones masked. */
export function SellerFacts({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const name = useNames();
  return (
    <dl className="facts">
      <div>
        <dt>{t('seller.legal_name_th')}</dt>
        <dd data-testid="seller-legal-name-th">{seller.legal_name_th}</dd>
      </div>
      {seller.legal_name_en ? (
        <div>
          <dt>{t('seller.legal_name_en')}</dt>
          <dd lang="en">{seller.legal_name_en}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('seller.tax_id')}</dt>
        <dd>
          <span className="mono" data-testid="seller-tax-id">
            {seller.tax_id_masked}
          </span>{' '}
          <span className="muted">({t(`seller.tax_id_kind.${seller.tax_id_kind}`)})</span>
        </dd>
      </div>
      <div>
        <dt>{t('seller.province')}</dt>
        <dd data-testid="seller-province">{name(seller.province.name)}</dd>
      </div>
      {seller.otop_registration ? (
        <div>
          <dt>{t('seller.otop_registration')}</dt>
          <dd className="mono">{seller.otop_registration}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('seller.payout')}</dt>
        <dd>
          {seller.payout.kind === 'promptpay' ? t('seller.payout_promptpay') : name(seller.payout.bank_name)}{' '}
          <span className="mono" data-testid="seller-payout">
            {seller.payout.masked}
          </span>
        </dd>
      </div>
    </dl>
  );
}
