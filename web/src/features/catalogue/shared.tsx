import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api, type Certification, type Eligibility, MARKETS, type Seller, type TranslationStatus } from '../../api.js';
import { ErrorBox, Loading } from '../../components/ui.js';
import { useMe } from '../../session.js';
import { StatusBadge } from '../sellers/shared.js';

export const productKey = (id: string) => ['products', id] as const;
export const sellerProductsKey = (sellerId: string) => ['products', 'seller', sellerId] as const;
export const sellerCertificationsKey = (sellerId: string) => ['certifications', 'seller', sellerId] as const;
export const stockKey = (variantId: string) => ['inventory', variantId] as const;
export const CATEGORIES_KEY = ['reference', 'categories'] as const;

/** The taxonomy changes with releases only. */
export function useCategories() {
  return useQuery({ queryKey: CATEGORIES_KEY, queryFn: api.categories, staleTime: Number.POSITIVE_INFINITY });
}

/** A product with its eligibility; the reasons come in the UI language, so a language switch fetches it again. */
export function useProduct(id: string) {
  return useQuery({ queryKey: productKey(id), queryFn: () => api.getProduct(id) });
}

/** The seller's certificates (up to 200: a seller holds a handful). */
export function useSellerCertifications(sellerId: string | undefined) {
  return useQuery({
    queryKey: sellerCertificationsKey(sellerId ?? ''),
    queryFn: () => api.listCertifications({ seller_id: sellerId ?? '', limit: 200 }),
    enabled: !!sellerId,
  });
}

/** The sellers the signed-in user is a member of (reviewers see every seller through GET /sellers; this is about their own). */
export function useMySellers() {
  const me = useMe().data;
  const sellers = useQuery({ queryKey: ['sellers', 'mine'], queryFn: () => api.listSellers() });
  const orgs = new Set(me?.memberships.map((m) => m.org_id) ?? []);
  return { ...sellers, mine: (sellers.data?.items ?? []).filter((s) => orgs.has(s.org_id)) };
}

/** The seller a page works on: `?seller=` when it names one of mine, else the first. */
export function useChosenSeller(): { sellers: ReturnType<typeof useMySellers>; seller: Seller | undefined } {
  const sellers = useMySellers();
  const params = new URLSearchParams(useSearch());
  const wanted = params.get('seller');
  const seller = sellers.mine.find((s) => s.id === wanted) ?? sellers.mine[0];
  return { sellers, seller };
}

/**
 * Loading, errors and "no seller yet" for the seller pages; with several sellers, a choice that goes into the URL.
 * Renders `children(seller)` once there is one.
 */
export function SellerScope({ path, children }: { path: string; children: (seller: Seller) => ReactNode }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { sellers, seller } = useChosenSeller();
  if (sellers.isPending) return <Loading />;
  if (sellers.isError) return <ErrorBox error={sellers.error} />;
  if (!seller) {
    return (
      <section className="card" data-testid="seller-none">
        <p>{t('seller.none_yet')}</p>
        <Link href="/seller/apply" className="button primary">
          {t('seller.apply_now')}
        </Link>
      </section>
    );
  }
  return (
    <>
      {sellers.mine.length > 1 ? (
        <div className="field">
          <label htmlFor="seller-choice">{t('catalogue.seller_choice')}</label>
          <select
            id="seller-choice"
            value={seller.id}
            onChange={(e) => navigate(`${path}?seller=${encodeURIComponent(e.target.value)}`)}
            data-testid="seller-choice"
          >
            {sellers.mine.map((s) => (
              <option key={s.id} value={s.id}>
                {s.legal_name_th}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {seller.status !== 'verified' ? (
        <p className="alert alert-warning" data-testid="seller-not-verified">
          <StatusBadge status={seller.status} /> {t('catalogue.seller_not_verified')}
        </p>
      ) : null}
      {children(seller)}
    </>
  );
}

/** TH / CN_CBEC / INTL: green with ✓ where the product may be sold, red with ✕ where not. */
export function MarketBadges({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  return (
    <span className="market-badges">
      {MARKETS.map((market) => {
        const eligible = eligibility[market].eligible;
        const label = `${t(`market.${market}`)}: ${t(eligible ? 'catalogue.eligible' : 'catalogue.not_eligible')}`;
        return (
          <span
            key={market}
            className={`badge ${eligible ? 'badge-eligible' : 'badge-not-eligible'}`}
            title={label}
            data-testid={`market-badge-${market}`}
            data-eligible={eligible}
          >
            <span aria-hidden="true">
              {eligible ? '✓' : '✕'} {market}
            </span>
            <span className="visually-hidden">{label}</span>
          </span>
        );
      })}
    </span>
  );
}

export function TranslationBadge({ status, testId }: { status: TranslationStatus; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-tr-${status}`} data-testid={testId} data-status={status}>
      {t(`catalogue.translation_status.${status}`)}
    </span>
  );
}

export function CertificationStatusBadge({ cert, testId = 'cert-status' }: { cert: Certification; testId?: string }) {
  const { t } = useTranslation();
  const kind = cert.status === 'approved' ? 'verified' : cert.status;
  return (
    <span className={`badge badge-${kind}`} data-testid={testId} data-status={cert.status}>
      {t(`certs.status.${cert.status}`)}
    </span>
  );
}
