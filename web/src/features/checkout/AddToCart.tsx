import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError, type Product } from '../../api.js';
import { ErrorBox, FieldError, Notice } from '../../components/ui.js';
import { useMe } from '../../session.js';
import { formatMoney } from '../shop/format.js';
import { useMarket } from '../shop/market.js';
import { useLanguage } from '../shop/queries.js';
import { cartCount, useAddToCart } from './cart.js';

const MAX_QUANTITY = 999;

/**
 * Puts a variant of the product in the cart of the market the shop is in (a cart per market: its prices, tax and
 * limits are the market's). Only for a product buyable in that market; a visitor is asked to sign in first.
 */
export function AddToCart({ product }: { product: Product }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const market = useMarket();
  const me = useMe();
  const [location] = useLocation();
  const [variantId, setVariantId] = useState(product.variants[0]?.id ?? '');
  const [quantity, setQuantity] = useState(1);
  const add = useAddToCart(market);
  if (!product.eligibility[market].eligible || product.variants.length === 0) return null;
  if (!me.data) {
    return (
      <Link href={`/login?next=${encodeURIComponent(location)}`} className="button primary block" data-testid="add-to-cart-login">
        {t('cart.sign_in_to_buy')}
      </Link>
    );
  }
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0];
  const errors = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!variant) return;
    add.mutate({ variant_id: variant.id, quantity, label: { product_id: product.id, sku: variant.sku, title: product.title } });
  };
  const change = (n: number) => {
    setQuantity(Math.max(1, Math.min(MAX_QUANTITY, Number.isFinite(n) ? Math.trunc(n) : 1)));
    if (add.isSuccess || add.isError) add.reset();
  };
  return (
    <form className="add-to-cart" onSubmit={submit} noValidate data-testid="add-to-cart" data-market={market}>
      {product.variants.length > 1 ? (
        <fieldset>
          <legend>{t('cart.choose_variant')}</legend>
          {product.variants.map((v) => (
            <label key={v.id} className={v.id === variant?.id ? 'segment active' : 'segment'}>
              <input
                type="radio"
                name="variant"
                value={v.id}
                checked={v.id === variant?.id}
                onChange={() => {
                  setVariantId(v.id);
                  add.reset();
                }}
                data-testid="add-to-cart-variant"
              />
              <span className="mono small">{v.sku}</span>
              <span>{formatMoney(v.price.amount_minor, v.price.currency, language)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor="add-to-cart-quantity">{t('cart.quantity')}</label>
        <div className="stepper">
          <button type="button" onClick={() => change(quantity - 1)} disabled={quantity <= 1} aria-label={t('cart.less')} data-testid="add-to-cart-less">
            −
          </button>
          <input
            id="add-to-cart-quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QUANTITY}
            value={quantity}
            onChange={(e) => change(Number(e.target.value))}
            aria-invalid={errors.quantity ? true : undefined}
            aria-describedby="error-quantity"
            data-testid="add-to-cart-quantity"
          />
          <button type="button" onClick={() => change(quantity + 1)} aria-label={t('cart.more')} data-testid="add-to-cart-more">
            +
          </button>
        </div>
        <FieldError path="quantity" message={errors.quantity ?? errors.variant_id} />
      </div>
      <button type="submit" className="primary block" disabled={add.isPending} data-testid="add-to-cart-submit">
        {add.isPending ? t('cart.adding') : t('cart.add')}
      </button>
      {add.isError && !errors.quantity && !errors.variant_id ? <ErrorBox error={add.error} testId="add-to-cart-error" /> : null}
      {add.isSuccess ? (
        <Notice kind="success" testId="add-to-cart-done">
          {t('cart.added', { n: cartCount(add.data) })}{' '}
          <Link href="/cart" data-testid="add-to-cart-view">
            {t('cart.view')}
          </Link>
        </Notice>
      ) : null}
    </form>
  );
}
