import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.js';
import { formatMoney } from '../shop/format.js';
import { useLanguage } from '../shop/queries.js';
import type { Money, Quote } from './api.js';

type Localised = { th: string; zh?: string | undefined; en?: string | undefined };

/** A text in the UI language, else the Thai original, with the language it is in (for the lang attribute). */
export function localised(text: Localised, language: Language): { text: string; lang: Language } {
  const wanted = language === 'th' ? undefined : text[language];
  return wanted?.trim() ? { text: wanted, lang: language } : { text: text.th, lang: 'th' };
}

/** An amount as the UI locale writes it in its currency, with the exact minor units for tests and scripts. */
export function Amount({ money, testId, negative = false }: { money: Money; testId?: string; negative?: boolean }) {
  const language = useLanguage();
  return (
    <span className="amount" data-testid={testId} data-amount-minor={money.amount_minor} data-currency={money.currency}>
      {negative && money.amount_minor > 0 ? '−' : ''}
      {formatMoney(money.amount_minor, money.currency, language)}
    </span>
  );
}

type Costs = Pick<Quote, 'goods' | 'shipping' | 'insurance' | 'tax' | 'total'>;

/**
 * Goods, shipping, insurance, tax (duty, VAT, consumption tax and their sum) and the total, as a list of lines whose
 * figures add up: total = goods + shipping + insurance + tax.
 */
export function Breakdown({ costs, testId, showTax = true }: { costs: Costs; testId: string; showTax?: boolean }) {
  const { t } = useTranslation();
  const row = (key: string, label: string, money: Money, className = '') => (
    <div className={`cost-row ${className}`} data-testid={`${testId}-${key}`}>
      <dt className="cost-label">{label}</dt>
      <dd className="cost-value">
        <Amount money={money} />
      </dd>
    </div>
  );
  return (
    <dl className="costs" data-testid={testId}>
      {row('goods', t('checkout.goods'), costs.goods)}
      {row('shipping', t('checkout.shipping'), costs.shipping)}
      {row('insurance', t('checkout.insurance'), costs.insurance)}
      {showTax ? (
        <>
          {row('duty', t('checkout.duty'), costs.tax.duty, 'cost-sub')}
          {row('vat', t('checkout.vat'), costs.tax.vat, 'cost-sub')}
          {row('consumption', t('checkout.consumption'), costs.tax.consumption, 'cost-sub')}
          {row('tax', t('checkout.tax_total'), costs.tax.total)}
        </>
      ) : null}
      {row('total', t('checkout.total'), costs.total, 'cost-total')}
    </dl>
  );
}

/** "4–7 days" */
export function transitText(t: (key: string, options?: Record<string, unknown>) => string, days: { min: number; max: number }): string {
  return days.min === days.max ? t('checkout.transit_same', { n: days.min }) : t('checkout.transit', { min: days.min, max: days.max });
}
