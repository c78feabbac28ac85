import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useMarket } from '../shop/market.js';
import { cartCount, useCart } from './cart.js';

/** The header's way to the cart of the market the shop is in, with how many pieces it holds. */
export function CartLink() {
  const { t } = useTranslation();
  const market = useMarket();
  const cart = useCart(market);
  const [location] = useLocation();
  const count = cartCount(cart.data);
  const active = location === '/cart';
  return (
    <Link
      href="/cart"
      className={active ? 'cart-link active' : 'cart-link'}
      aria-current={active ? 'page' : undefined}
      aria-label={t('cart.link_label', { n: count })}
      data-testid="nav-cart"
      data-market={market}
    >
      <svg className="cart-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="9" cy="19" r="1.6" fill="currentColor" />
        <circle cx="17" cy="19" r="1.6" fill="currentColor" />
      </svg>
      <span className="cart-link-text">{t('cart.title')}</span>
      <span className="cart-count" data-testid="nav-cart-count" data-count={count}>
        {count}
      </span>
    </Link>
  );
}
