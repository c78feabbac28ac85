import { useTranslation } from 'react-i18next';
import type { Market } from '../../api.js';
import { Field } from '../../components/ui.js';
import { intlLocale } from '../../i18n/index.js';
import { useLanguage } from '../shop/queries.js';
import type { ShipTo } from './api.js';

/** The address as typed: every field a string (empty when not given). */
export type AddressDraft = Required<{ [K in keyof ShipTo]: string }>;

export const EMPTY_ADDRESS: Omit<AddressDraft, 'country'> = {
  region: '',
  city: '',
  district_code: '',
  address_line: '',
  postal_code: '',
  consignee_name: '',
  consignee_phone: '',
};

/** Where each market delivers: Thailand, mainland China, or anywhere else (a few common destinations to pick from). */
export const INTL_COUNTRIES = ['SG', 'MY', 'HK', 'JP', 'KR', 'TW', 'AU', 'US', 'GB', 'DE', 'FR'] as const;

export function defaultCountry(market: Market): string {
  return market === 'TH' ? 'TH' : market === 'CN_CBEC' ? 'CN' : 'SG';
}

/** The country's name in the UI language (Intl knows them all). */
export function useCountryName(): (code: string) => string {
  const language = useLanguage();
  return (code) => {
    try {
      return new Intl.DisplayNames([intlLocale(language)], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** The address as the API takes it: trimmed, optional fields left out when empty. */
export function shipToOf(draft: AddressDraft): ShipTo {
  const trim = (v: string) => v.trim();
  return {
    country: draft.country,
    region: trim(draft.region),
    city: trim(draft.city),
    ...(trim(draft.district_code) ? { district_code: trim(draft.district_code) } : {}),
    address_line: trim(draft.address_line),
    ...(trim(draft.postal_code) ? { postal_code: trim(draft.postal_code) } : {}),
    consignee_name: trim(draft.consignee_name),
    consignee_phone: trim(draft.consignee_phone),
  };
}

type FieldName = Exclude<keyof AddressDraft, 'country'>;

/**
 * The delivery address (ship_to). The country follows the market (TH, CN) or is chosen (INTL); for China the 6-digit
 * administrative code of the district is required. Field errors come from the checkout answer (`ship_to.<field>`).
 */
export function AddressForm({
  market,
  value,
  onChange,
  errors,
}: {
  market: Market;
  value: AddressDraft;
  onChange: (next: AddressDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const cn = market === 'CN_CBEC';
  const field = (
    name: FieldName,
    options: { optional?: boolean; hint?: string; autoComplete: string; maxLength: number; inputMode?: 'numeric' | 'tel' | 'text'; type?: string },
  ) => {
    const path = `ship_to.${name}`;
    const id = `ship-${name}`;
    return (
      <Field
        label={t(`address.${name}`)}
        htmlFor={id}
        optional={options.optional}
        hint={options.hint}
        error={errors[path]}
        errorPath={path}
        errorId={`error-${id}`}
      >
        <input
          id={id}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete={options.autoComplete}
          maxLength={options.maxLength}
          value={value[name]}
          onChange={(e) => onChange({ ...value, [name]: e.target.value })}
          aria-invalid={errors[path] ? true : undefined}
          aria-describedby={`error-${id}`}
          data-testid={id}
        />
      </Field>
    );
  };
  return (
    <section className="card" aria-labelledby="address-title" data-testid="address-form">
      <h2 id="address-title">{t('address.title')}</h2>
      <Field label={t('address.country')} htmlFor="ship-country" error={errors['ship_to.country']} errorPath="ship_to.country" errorId="error-ship-country">
        {market === 'INTL' ? (
          <select
            id="ship-country"
            value={value.country}
            onChange={(e) => onChange({ ...value, country: e.target.value })}
            aria-describedby="error-ship-country"
            data-testid="ship-country"
          >
            {INTL_COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {countryName(c)}
              </option>
            ))}
          </select>
        ) : (
          <input id="ship-country" value={countryName(value.country)} readOnly data-testid="ship-country" data-country={value.country} />
        )}
      </Field>
      {field('consignee_name', { autoComplete: 'shipping name', maxLength: 100, hint: cn ? t('address.consignee_name_cn_hint') : undefined })}
      {field('consignee_phone', { autoComplete: 'shipping tel', maxLength: 20, type: 'tel', inputMode: 'tel' })}
      {field('region', { autoComplete: 'shipping address-level1', maxLength: 100, hint: t(`address.region_hint_${market}`) })}
      {field('city', { autoComplete: 'shipping address-level2', maxLength: 100 })}
      {cn ? field('district_code', { autoComplete: 'off', maxLength: 6, inputMode: 'numeric', hint: t('address.district_code_hint') }) : null}
      {field('address_line', { autoComplete: 'shipping street-address', maxLength: 300 })}
      {field('postal_code', { autoComplete: 'shipping postal-code', maxLength: 12, optional: true, inputMode: 'numeric' })}
    </section>
  );
}
