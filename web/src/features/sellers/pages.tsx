import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, type Seller } from '../../api.js';
import { ErrorBox, Loading, Notice } from '../../components/ui.js';
import { formatDateTime, isLanguage } from '../../i18n/index.js';
import { useMe } from '../../session.js';
import { OnboardingForm } from './OnboardingForm.js';
import { SellerFacts, StatusBadge } from './shared.js';

export function OnboardingPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <section className="card">
      <h1>{t('seller.onboarding_title')}</h1>
      <p className="muted">{t('seller.onboarding_intro')}</p>
      {me && me.memberships.length > 0 ? (
        <Notice>
          {t('seller.already_seller')} — <Link href="/seller">{t('nav.my_seller')}</Link>
        </Notice>
      ) : null}
      <OnboardingForm />
    </section>
  );
}

export function EditSellerPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const seller = useQuery({ queryKey: ['seller', id], queryFn: () => api.getSeller(id) });
  if (seller.isPending) return <Loading />;
  if (seller.isError) return <ErrorBox error={seller.error} />;
  const editable = seller.data.status === 'draft' || seller.data.status === 'rejected';
  return (
    <section className="card">
      <h1>{t('seller.edit_title')}</h1>
      {editable ? (
        // The key resets the form when the saved application changes.
        <OnboardingForm key={seller.data.updated_at} seller={seller.data} />
      ) : (
        <Notice>
          <StatusBadge status={seller.data.status} /> {t(`seller.status_help.${seller.data.status}`)}
        </Notice>
      )}
    </section>
  );
}

/** The signed-in user's seller organisations with status, masked details, rejection and history. */
export function MySellerPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const sellers = useQuery({ queryKey: ['sellers', 'mine'], queryFn: () => api.listSellers() });
  if (sellers.isPending) return <Loading />;
  if (sellers.isError) return <ErrorBox error={sellers.error} />;
  // Reviewers see every seller through GET /sellers; this page is about the user's own organisations.
  const orgs = new Set(me?.memberships.map((m) => m.org_id) ?? []);
  const mine = sellers.data.items.filter((s) => orgs.has(s.org_id));
  return (
    <>
      <div className="page-head">
        <h1>{t('seller.profile_title')}</h1>
        {me && me.memberships.length > 0 ? (
          <div className="head-links">
            <Link href="/seller/products" className="button" data-testid="seller-products-link">
              {t('catalogue.title')}
            </Link>
            <Link href="/seller/certificates" className="button" data-testid="seller-certificates-link">
              {t('certs.link')}
            </Link>
            <Link href="/seller/team" className="button" data-testid="seller-team-link">
              {t('team.link')}
            </Link>
          </div>
        ) : null}
      </div>
      {mine.length === 0 ? (
        <section className="card" data-testid="seller-none">
          <p>{t('seller.none_yet')}</p>
          <Link href="/seller/apply" className="button primary" data-testid="seller-apply">
            {t('seller.apply_now')}
          </Link>
        </section>
      ) : (
        mine.map((seller) => <SellerCard key={seller.id} seller={seller} />)
      )}
    </>
  );
}

function SellerCard({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const submit = useMutation({
    mutationFn: () => api.submitSeller(seller.id),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['sellers'] }), client.invalidateQueries({ queryKey: ['seller', seller.id] })]),
  });
  const editable = seller.status === 'draft' || seller.status === 'rejected';
  return (
    <section className="card seller-card" data-testid="seller-card" data-seller-id={seller.id}>
      <div className="card-head">
        <h2>{seller.legal_name_th}</h2>
        <StatusBadge status={seller.status} />
      </div>
      <p className={`status-help status-${seller.status}`} data-testid="seller-status-help">
        {t(`seller.status_help.${seller.status}`)}
      </p>
      {seller.status === 'rejected' && seller.rejection ? (
        <div className="alert alert-error" data-testid="seller-rejection">
          <p>
            <strong>{t('seller.rejection_title')}:</strong> <span data-testid="seller-rejection-reason">{seller.rejection.reason}</span>
          </p>
          {seller.rejection.note ? (
            <p>
              <strong>{t('seller.rejection_note')}:</strong> <span data-testid="seller-rejection-note">{seller.rejection.note}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      <SellerFacts seller={seller} />
      {editable ? (
        <div className="actions">
          <button type="button" className="primary" disabled={submit.isPending} onClick={() => submit.mutate()} data-testid="seller-submit">
            {t(seller.status === 'rejected' ? 'seller.resubmit' : 'seller.submit_for_verification')}
          </button>
          <Link href={`/seller/${seller.id}/edit`} className="button" data-testid="seller-edit">
            {t('seller.edit')}
          </Link>
        </div>
      ) : null}
      <ErrorBox error={submit.error} testId="seller-submit-error" />
      <SellerHistory seller={seller} />
    </section>
  );
}

function SellerHistory({ seller }: { seller: Seller }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  // Keyed by status and time of the last change, so a transition fetches the history again.
  const history = useQuery({ queryKey: ['sellers', seller.id, 'history', seller.updated_at], queryFn: () => api.sellerHistory(seller.id) });
  return (
    <div className="history">
      <h3>{t('seller.history_title')}</h3>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ErrorBox error={history.error} /> : null}
      {history.data && history.data.items.length === 0 ? <p className="muted">{t('seller.history_empty')}</p> : null}
      {history.data && history.data.items.length > 0 ? (
        <ol className="timeline" data-testid="seller-history">
          {history.data.items.map((item) => (
            <li key={`${item.at}-${item.action}-${item.to_status}`} data-status={item.to_status}>
              <time dateTime={item.at}>{formatDateTime(item.at, language)}</time>
              <span className="timeline-action">{t(`seller.action.${item.action}`, { defaultValue: item.action })}</span>
              <StatusBadge status={item.to_status} testId="history-status" />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
