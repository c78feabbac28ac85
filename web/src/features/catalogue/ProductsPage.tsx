import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, type ProductSummary, type Seller } from '../../api.js';
import { ErrorBox, Loading } from '../../components/ui.js';
import { isLanguage, type Language } from '../../i18n/index.js';
import { formatSatang } from './money.js';
import { MarketBadges, SellerScope, sellerProductsKey, useProduct } from './shared.js';

const PAGE_SIZE = 20;

/** The lowest and highest price of a product's variants. */
function priceRange(product: ProductSummary, language: Language): string {
  const prices = product.variants.map((v) => v.price.amount_minor);
  if (prices.length === 0) return '—';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? formatSatang(low, language) : `${formatSatang(low, language)} – ${formatSatang(high, language)}`;
}

/** Eligibility comes with the product's own page (GET /products/{id}); at most one page of 20 of them is asked for. */
function ProductEligibility({ id }: { id: string }) {
  const { t } = useTranslation();
  const product = useProduct(id);
  if (product.isPending) return <span className="muted small">{t('common.loading')}</span>;
  if (product.isError) return null;
  return <MarketBadges eligibility={product.data.eligibility} />;
}

function ProductRow({ product, language, sellerId }: { product: ProductSummary; language: Language; sellerId: string }) {
  const { t } = useTranslation();
  return (
    <li className="row product-row" data-testid="product-row" data-product-id={product.id}>
      <div className="row-main">
        <Link href={`/seller/products/${product.id}?seller=${encodeURIComponent(sellerId)}`} className="row-title product-title" data-testid="product-link">
          {product.title.th}
        </Link>
        <span className="muted small">
          <span data-testid="product-sku-count">{t('catalogue.sku_count', { n: product.variants.length })}</span> ·{' '}
          <span data-testid="product-price">{priceRange(product, language)}</span>
        </span>
        <ProductEligibility id={product.id} />
      </div>
    </li>
  );
}

function SellerProducts({ seller }: { seller: Seller }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const products = useInfiniteQuery({
    queryKey: sellerProductsKey(seller.id),
    queryFn: ({ pageParam }) => api.sellerProducts(seller.id, { cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = products.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" data-testid="products" data-seller-id={seller.id}>
      <div className="card-head wrap">
        <h2>{seller.legal_name_th}</h2>
        <div className="head-links">
          <Link href={`/seller/products/import?seller=${encodeURIComponent(seller.id)}`} className="button" data-testid="products-import">
            {t('import.link')}
          </Link>
          <Link href={`/seller/products/new?seller=${encodeURIComponent(seller.id)}`} className="button primary" data-testid="product-new">
            {t('catalogue.new_product')}
          </Link>
        </div>
      </div>
      {products.isPending ? <Loading /> : null}
      {products.isError ? <ErrorBox error={products.error} /> : null}
      {products.isSuccess && items.length === 0 ? (
        <p className="muted" data-testid="products-empty">
          {t('catalogue.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="rows" data-testid="product-list">
          {items.map((product) => (
            <ProductRow key={product.id} product={product} language={language} sellerId={seller.id} />
          ))}
        </ul>
      ) : null}
      {products.hasNextPage ? (
        <button
          type="button"
          className="block"
          disabled={products.isFetchingNextPage}
          onClick={() => void products.fetchNextPage()}
          data-testid="products-more"
        >
          {t('compliance.load_more')}
        </button>
      ) : null}
    </section>
  );
}

/** My products: per product its Thai title, SKUs, price and where it may be sold. */
export function ProductsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="products-page">
      <div className="page-head">
        <h1>{t('catalogue.title')}</h1>
        <Link href="/seller/certificates" className="button" data-testid="certificates-link">
          {t('certs.link')}
        </Link>
      </div>
      <p className="muted">{t('catalogue.intro')}</p>
      <SellerScope path="/seller/products">{(seller) => <SellerProducts seller={seller} />}</SellerScope>
    </div>
  );
}
