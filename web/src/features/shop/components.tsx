import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Market, ProductCertificate, SearchHit } from '../../api.js';
import { type Currency, formatMoney, highlightSegments, stars } from './format.js';
import { chooseMarket, LANGUAGE_OF_MARKET, useMarket } from './market.js';
import { useLanguage, useProvinceName } from './queries.js';

/** China (CBEC) / International / Thailand: which market's rules, goods and language the shop shows. */
export function MarketSwitcher() {
  const { t } = useTranslation();
  const market = useMarket();
  return (
    <fieldset className="market-switcher" data-testid="market-switcher" data-market={market}>
      <legend className="visually-hidden">{t('shop.market_label')}</legend>
      {(['CN_CBEC', 'INTL', 'TH'] as const satisfies readonly Market[]).map((m) => (
        <button
          key={m}
          type="button"
          className={m === market ? 'market-option active' : 'market-option'}
          aria-pressed={m === market}
          data-testid={`market-${m}`}
          onClick={() => chooseMarket(m)}
        >
          <span className="market-option-name">{t(`shop.market.${m}`)}</span>
          <span className="market-option-lang">{t(`shop.market_language.${m}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}

/** A title with the server's highlight ranges as <mark>: the plain string is cut, nothing is parsed as HTML. */
export function Highlighted({ title, ranges }: { title: string; ranges: readonly (readonly number[])[] }) {
  return (
    <>
      {highlightSegments(title, ranges).map((segment, i) =>
        segment.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <mark key={i} data-testid="highlight">
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

export function Stars({ n, testId = 'otop-stars' }: { n: number | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!n) return null;
  return (
    <span className="otop-stars" data-testid={testId} data-stars={n} title={t('shop.otop_stars_label', { n })}>
      <span className="otop-label">OTOP</span> <span aria-hidden="true">{stars(n)}</span>
      <span className="visually-hidden">{t('shop.otop_stars_label', { n })}</span>
    </span>
  );
}

export function CertChips({ types, testId = 'cert-chip' }: { types: readonly string[]; testId?: string }) {
  const { t } = useTranslation();
  if (types.length === 0) return null;
  return (
    <ul className="cert-chips" aria-label={t('shop.certifications')}>
      {types.map((type) => (
        <li key={type} className="cert-chip" data-testid={testId} data-cert={type}>
          ✓ {t(`certs.type.${type}`, { defaultValue: type })}
        </li>
      ))}
    </ul>
  );
}

/** A certificate type's name without its gloss, for use before a number: "อย. (อาหารและยา)" → "อย.". */
function shortName(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '') || name;
}

/**
 * The certificates in force on a product, as printed on the package: the type in the UI language, the number for a Thai
 * FDA registration (อย. 10-1-03358-1-0001 / 泰国FDA 10-1-03358-1-0001) and the stars of an OTOP rating.
 */
export function ProductCertChips({ certificates, testId = 'cert-chip' }: { certificates: readonly ProductCertificate[]; testId?: string }) {
  const { t } = useTranslation();
  if (certificates.length === 0) return null;
  return (
    <ul className="cert-chips" aria-label={t('shop.certifications')}>
      {certificates.map((cert) => {
        const name = t(`certs.type.${cert.type}`, { defaultValue: cert.type });
        const otop = cert.type === 'otop_stars' && cert.stars ? cert.stars : null;
        return (
          <li
            key={`${cert.type}:${cert.number}`}
            className="cert-chip"
            data-testid={testId}
            data-cert={cert.type}
            data-number={cert.type === 'thai_fda' ? cert.number : undefined}
            data-stars={otop ?? undefined}
            title={cert.type === 'thai_fda' ? name : undefined}
          >
            ✓{' '}
            {cert.type === 'thai_fda' ? (
              <>
                {shortName(name)} <span className="mono">{cert.number}</span>
              </>
            ) : otop ? (
              <>
                {name} <span aria-hidden="true">{stars(otop)}</span>
                <span className="visually-hidden">{t('shop.otop_stars_label', { n: otop })}</span>
              </>
            ) : (
              name
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A price in minor units, in the currency it comes in (search: the market's; a product's own prices: baht). */
export function Price({ amount, currency, testId }: { amount: number; currency: Currency; testId: string }) {
  const language = useLanguage();
  return (
    <span className="price" data-testid={testId} data-amount-minor={amount} data-currency={currency}>
      {formatMoney(amount, currency, language)}
    </span>
  );
}

/**
 * A product picture in a box of fixed proportions (so the layout does not move when it arrives), loaded only when it
 * comes near the screen; a neutral box when the product has no picture.
 */
export function ProductPicture({
  url,
  alt,
  className,
  testId,
  eager = false,
}: {
  url: string | null;
  alt: string;
  className: string;
  testId: string;
  eager?: boolean;
}) {
  if (!url) return <span className={`${className} picture-none`} aria-hidden="true" data-testid={`${testId}-none`} />;
  return <img className={className} src={url} alt={alt} loading={eager ? 'eager' : 'lazy'} decoding="async" width={400} height={400} data-testid={testId} />;
}

/** The language a hit's title is in: the market's when the product has it, else Thai. */
function titleLanguage(hit: SearchHit, market: Market): string {
  const wanted = LANGUAGE_OF_MARKET[market];
  return wanted === 'th' || hit.title_all[wanted] ? wanted : 'th';
}

/** One result: picture, highlighted title, price, seller and province, OTOP stars and certificates. */
export function ResultCard({ hit, market }: { hit: SearchHit; market: Market }) {
  const province = useProvinceName();
  const href = `/shop/product/${encodeURIComponent(hit.product_id)}`;
  const lang = titleLanguage(hit, market);
  return (
    <li className="shop-card" data-testid="shop-card" data-product-id={hit.product_id}>
      {/* The title link below is the one keyboards and screen readers use; the picture is a bigger target for a thumb. */}
      <Link href={href} className="shop-card-media" tabIndex={-1} lang={lang}>
        <ProductPicture url={hit.image_url} alt={hit.title} className="shop-card-image" testId="shop-card-image" />
      </Link>
      <div className="shop-card-body">
        <Link href={href} className="shop-card-link" data-testid="shop-card-link">
          <h3 className="shop-card-title" lang={lang} data-testid="shop-card-title">
            <Highlighted title={hit.highlight.title || hit.title} ranges={hit.highlight.ranges} />
          </h3>
        </Link>
        <div className="shop-card-price-row">
          <Price amount={hit.price.amount_minor} currency={hit.price.currency} testId="shop-card-price" />
          <Stars n={hit.otop_stars} testId="shop-card-stars" />
        </div>
        <p className="shop-card-origin small">
          <span lang="th" data-testid="shop-card-seller">
            {hit.seller.name}
          </span>
          <span aria-hidden="true"> · </span>
          <span data-testid="shop-card-province" data-province={hit.seller.province_code}>
            {province(hit.seller.province_code)}
          </span>
        </p>
        <CertChips types={hit.certifications} testId="shop-card-cert" />
      </div>
    </li>
  );
}
