import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, api, type Market, type Product } from '../../api.js';
import { ErrorBox, Loading } from '../../components/ui.js';
import type { Language } from '../../i18n/index.js';
import { useProduct } from '../catalogue/shared.js';
import { AddToCart } from '../checkout/AddToCart.js';
import { MarketSwitcher, Price, ProductCertChips, ProductPicture, Stars } from './components.js';
import { formatMoney, fromThb } from './format.js';
import { useMarket } from './market.js';
import { useCategoryNames, useLanguage, useProvinceName } from './queries.js';
import { RichText } from './RichText.js';

type Localised = { th: string; zh?: string | undefined; en?: string | undefined };

/** A text in the UI language, else the Thai original, with the language it is in. */
function inLanguage(text: Localised, language: Language): { text: string; lang: Language } {
  const wanted = language === 'th' ? undefined : text[language];
  return wanted?.trim() ? { text: wanted, lang: language } : { text: text.th, lang: 'th' };
}

/** Whether the product may be bought in the chosen market, and every reason why not (in the UI language). */
function MarketAvailability({ product }: { product: Product }) {
  const { t } = useTranslation();
  const market = useMarket();
  const decision = product.eligibility[market];
  const marketName = t(`shop.market.${market}`);
  return (
    <section className="card buy-box" aria-labelledby="buy-title" data-testid="product-market" data-market={market} data-eligible={decision.eligible}>
      <h2 id="buy-title">{t('shop.buy_in')}</h2>
      <MarketSwitcher />
      {decision.eligible ? (
        <>
          <p className="alert alert-success" data-testid="product-market-status">
            ✓ {t('shop.can_buy', { market: marketName })}
          </p>
          <AddToCart product={product} />
        </>
      ) : (
        <div className="alert alert-error" data-testid="product-market-status">
          <p>✕ {t('shop.cannot_buy', { market: marketName })}</p>
          {decision.reasons.length > 0 ? (
            <ul className="reasons" data-testid="product-market-reasons">
              {decision.reasons.map((reason) => (
                <li key={reason.code} data-testid="product-market-reason" data-code={reason.code}>
                  {reason.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </section>
  );
}

/** The product's pictures: the first (the cover) big, the others as thumbnails that take its place when tapped. */
function Gallery({ product, title }: { product: Product; title: { text: string; lang: Language } }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(0);
  const images = product.images;
  const shown = images[chosen] ?? images[0];
  return (
    <div className="gallery" data-testid="product-gallery" data-count={images.length}>
      <div className="gallery-main" lang={title.lang}>
        <ProductPicture url={shown?.url ?? null} alt={title.text} className="gallery-image" testId="product-image" eager />
      </div>
      {images.length > 1 ? (
        <ul className="gallery-thumbs" aria-label={t('shop.pictures')}>
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                className={image.id === shown?.id ? 'gallery-thumb active' : 'gallery-thumb'}
                aria-pressed={image.id === shown?.id}
                aria-label={t('shop.picture_n', { n: i + 1, count: images.length })}
                onClick={() => setChosen(i)}
                data-testid="product-thumb"
                data-image-id={image.id}
              >
                <img src={image.url} alt="" loading="lazy" decoding="async" width={80} height={80} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const CURRENCY_OF_MARKET: Record<Market, 'CNY' | 'USD' | undefined> = { CN_CBEC: 'CNY', INTL: 'USD', TH: undefined };

/**
 * The baht price about as much in the market's currency, at the day's reference rate (as the search shows prices);
 * nothing in Thailand or while no fresh rate is known.
 */
function ApproxPrice({ satang }: { satang: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const currency = CURRENCY_OF_MARKET[useMarket()];
  const rates = useQuery({ queryKey: ['reference', 'fx-rates'], queryFn: api.fxRates, staleTime: 10 * 60_000, enabled: currency !== undefined });
  const rate = rates.data?.items.find((r) => r.currency === currency);
  const minor = rate ? fromThb(satang, rate.thb_per_unit) : undefined;
  if (!currency || minor === undefined) return null;
  return (
    <span className="muted price-approx" data-testid="product-price-approx" data-currency={currency} data-amount-minor={minor}>
      {t('shop.price_approx', { price: formatMoney(minor, currency, language) })}
    </span>
  );
}

function Variants({ product }: { product: Product }) {
  const { t } = useTranslation();
  if (product.variants.length === 0) return null;
  return (
    <section className="card" aria-labelledby="variants-title" data-testid="product-variants">
      <h2 id="variants-title">{t('shop.variants')}</h2>
      <ul className="variant-list">
        {product.variants.map((v) => (
          <li key={v.id} className="variant-line" data-testid="product-variant" data-sku={v.sku}>
            <span className="variant-desc">
              <span className="mono small">{v.sku}</span>
              <span className="muted small">
                {v.net_content ? `${v.net_content.amount} ${t(`catalogue.unit.${v.net_content.unit}`)} · ` : ''}
                {t('shop.weight', { g: v.weight_g })}
              </span>
            </span>
            <Price amount={v.price.amount_minor} currency={v.price.currency} testId="product-variant-price" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProductView({ product }: { product: Product }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const province = useProvinceName();
  const { byCode, name: categoryName } = useCategoryNames();
  const title = inLanguage(product.title, language);
  const description = inLanguage(product.description, language);
  const category = byCode.get(product.category_code);
  const parent = category?.parent ?? null;
  const prices = product.variants.map((v) => v.price.amount_minor);
  const draft = language !== 'th' && title.lang === language && product.translations[language].status !== 'reviewed';
  const { ingredients, allergens, storage, shelf_life_days } = product.attributes;

  return (
    <article className="product-page" data-testid="product-page" data-product-id={product.id}>
      <nav className="crumbs small" aria-label={t('shop.breadcrumb')}>
        <Link href="/shop" data-testid="product-back">
          {t('shop.title')}
        </Link>
        {parent ? (
          <>
            {' › '}
            <Link href={`/shop/category/${encodeURIComponent(parent)}`}>{categoryName(parent)}</Link>
          </>
        ) : null}
        {' › '}
        <Link href={`/shop/category/${encodeURIComponent(product.category_code)}`} data-testid="product-category">
          {categoryName(product.category_code)}
        </Link>
      </nav>

      <section className="card product-main">
        <Gallery product={product} title={title} />
        <h1 className="product-heading" lang={title.lang} data-testid="product-title">
          {title.text}
        </h1>
        {title.lang !== language ? (
          <p className="muted small" data-testid="product-original-language">
            {t('shop.thai_original')}
          </p>
        ) : null}
        {draft ? (
          <p className="muted small" data-testid="product-translation-draft">
            {t('shop.translation_draft')}
          </p>
        ) : null}
        <div className="product-price-row">
          {prices.length > 0 ? (
            <span className="price-pair">
              <Price amount={Math.min(...prices)} currency="THB" testId="product-price" />
              <ApproxPrice satang={Math.min(...prices)} />
            </span>
          ) : null}
          <Stars n={product.otop_stars} testId="product-stars" />
        </div>
        <ProductCertChips certificates={product.certificates} testId="product-cert" />
        <dl className="facts origin" data-testid="product-origin">
          <div>
            <dt>{t('shop.origin')}</dt>
            <dd data-testid="product-province" data-province={product.seller?.province_code ?? ''}>
              {product.seller ? province(product.seller.province_code) : '—'}
              {product.seller ? <span className="muted small"> · {t('shop.thailand')}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('shop.seller')}</dt>
            <dd lang="th" data-testid="product-seller">
              {product.seller?.name ?? '—'}
            </dd>
          </div>
        </dl>
      </section>

      <MarketAvailability product={product} />
      <Variants product={product} />

      <section className="card" aria-labelledby="description-title">
        <h2 id="description-title">{t('shop.description')}</h2>
        <RichText text={description.text} lang={description.lang} className="description" testId="product-description" />
        {ingredients || allergens || storage || shelf_life_days ? (
          <dl className="facts">
            {ingredients ? (
              <div>
                <dt>{t('shop.ingredients')}</dt>
                <dd lang={inLanguage(ingredients, language).lang}>{inLanguage(ingredients, language).text}</dd>
              </div>
            ) : null}
            {allergens ? (
              <div>
                <dt>{t('shop.allergens')}</dt>
                <dd lang={inLanguage(allergens, language).lang}>{inLanguage(allergens, language).text}</dd>
              </div>
            ) : null}
            {storage ? (
              <div>
                <dt>{t('shop.storage')}</dt>
                <dd lang={inLanguage(storage, language).lang}>{inLanguage(storage, language).text}</dd>
              </div>
            ) : null}
            {shelf_life_days ? (
              <div>
                <dt>{t('shop.shelf_life')}</dt>
                <dd>{t('shop.days', { count: shelf_life_days })}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </section>
    </article>
  );
}

/**
 * A product as buyers see it: in the UI language (Thai when not translated), prices, the certificates in force as printed
 * on the package, origin and where it may be bought.
 */
export function ShopProductPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const product = useProduct(id);
  if (product.isPending) return <Loading />;
  if (product.isError) {
    const missing = product.error instanceof ApiError && product.error.status === 404;
    return (
      <section className="card" data-testid={missing ? 'product-not-found' : 'product-error'}>
        {missing ? <p>{t('shop.product_not_found')}</p> : <ErrorBox error={product.error} />}
        <Link href="/shop" className="button">
          {t('shop.back_to_shop')}
        </Link>
      </section>
    );
  }
  return <ProductView product={product.data} />;
}
