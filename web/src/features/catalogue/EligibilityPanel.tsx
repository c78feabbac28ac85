import { useTranslation } from 'react-i18next';
import { MARKETS, type Product } from '../../api.js';
import type { Language } from '../../i18n/index.js';
import { formatSatang } from './money.js';

/**
 * Where the product may be sold: per market "eligible" or every reason why not. The reasons come from the server
 * already in the UI language (Accept-Language); a language switch fetches them again.
 */
export function EligibilityPanel({ product, language }: { product: Product; language: Language }) {
  const { t } = useTranslation();
  const prices = product.variants.map((v) => v.price.amount_minor);
  return (
    <section className="card eligibility" data-testid="eligibility" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t('catalogue.eligibility_title')}</h2>
      <p className="muted small">
        {t('catalogue.sku_count', { n: product.variants.length })}
        {prices.length > 0 ? ` · ${formatSatang(Math.min(...prices), language)}` : ''}
        {product.otop_stars ? ` · ${t('catalogue.otop_stars', { stars: '★'.repeat(product.otop_stars) })}` : ''}
      </p>
      <ul className="markets">
        {MARKETS.map((market) => {
          const decision = product.eligibility[market];
          return (
            <li
              key={market}
              className={decision.eligible ? 'market market-yes' : 'market market-no'}
              data-testid={`eligibility-${market}`}
              data-eligible={decision.eligible}
            >
              <div className="market-head">
                <span className="market-name">
                  <strong>{t(`market.${market}`)}</strong> <span className="muted small mono">{market}</span>
                </span>
                <span className={`badge ${decision.eligible ? 'badge-eligible' : 'badge-not-eligible'}`} data-testid={`eligibility-${market}-badge`}>
                  {decision.eligible ? `✓ ${t('catalogue.eligible')}` : `✕ ${t('catalogue.not_eligible')}`}
                </span>
              </div>
              {decision.reasons.length > 0 ? (
                <ul className="reasons" data-testid={`eligibility-${market}-reasons`}>
                  {decision.reasons.map((reason) => (
                    <li key={reason.code} data-testid="eligibility-reason" data-code={reason.code}>
                      {reason.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
