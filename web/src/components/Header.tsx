import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isAdmin } from '../features/admin/access.js';
import { CartLink } from '../features/checkout/CartLink.js';
import { isReviewer, isSellerMember, useLogout, useMe } from '../session.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

interface NavLinkProps {
  href: string;
  testId: string;
  children: string;
  /** Which locations the link is "current" for; by default its own and those below it. */
  match?: (location: string) => boolean;
}

function NavLink({ href, testId, children, match }: NavLinkProps) {
  const [location] = useLocation();
  const active = match ? match(location) : location === href || (href !== '/' && location.startsWith(`${href}/`));
  return (
    <Link href={href} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined} data-testid={testId}>
      {children}
    </Link>
  );
}

/** "My seller" covers the profile and its edit page; the team and the application have links of their own. */
const isMySellerPage = (location: string) => location === '/seller' || /^\/seller\/[^/]+\/edit$/.test(location);

/** Brand, navigation by role, language and sign-out. */
export function Header() {
  const { t } = useTranslation();
  const me = useMe().data;
  const logout = useLogout();
  const [, navigate] = useLocation();

  return (
    <header className="site-header">
      <div className="header-top">
        <Link href="/" className="brand" data-testid="nav-brand">
          <span className="brand-mark" aria-hidden="true">
            ส
          </span>
          {t('app.name')}
        </Link>
        <div className="header-tools">
          {me ? <CartLink /> : null}
          <LanguageSwitcher />
        </div>
      </div>
      <nav className="main-nav" aria-label={t('nav.menu')}>
        {me ? (
          <>
            <NavLink href="/" testId="nav-home">
              {t('nav.home')}
            </NavLink>
            <NavLink href="/shop" testId="nav-shop">
              {t('nav.shop')}
            </NavLink>
            <NavLink href="/orders" testId="nav-orders">
              {t('nav.orders')}
            </NavLink>
            {isSellerMember(me) ? (
              <>
                <NavLink href="/seller" testId="nav-my-seller" match={isMySellerPage}>
                  {t('nav.my_seller')}
                </NavLink>
                <NavLink href="/seller/products" testId="nav-products">
                  {t('nav.products')}
                </NavLink>
                <NavLink href="/seller/orders" testId="nav-seller-orders">
                  {t('nav.seller_orders')}
                </NavLink>
                <NavLink href="/seller/inbound" testId="nav-inbound">
                  {t('gtc.nav_inbound')}
                </NavLink>
                <NavLink href="/seller/money" testId="nav-money">
                  {t('spine.nav_money')}
                </NavLink>
                <NavLink href="/seller/team" testId="nav-team">
                  {t('nav.team')}
                </NavLink>
              </>
            ) : (
              <NavLink href="/seller/apply" testId="nav-onboarding">
                {t('nav.onboarding')}
              </NavLink>
            )}
            {isReviewer(me) ? (
              <NavLink href="/compliance" testId="nav-compliance">
                {t('nav.compliance')}
              </NavLink>
            ) : null}
            {me.roles.includes('gtc_operator') || isAdmin(me) ? (
              <NavLink href="/gtc" testId="nav-gtc" match={(location) => location.startsWith('/gtc')}>
                {t('gtc.nav_console')}
              </NavLink>
            ) : null}
            {isReviewer(me) ? (
              <NavLink href="/compliance/customs" testId="nav-customs">
                {t('spine.nav_customs')}
              </NavLink>
            ) : null}
            {isAdmin(me) ? (
              <NavLink href="/admin/fx-rates" testId="nav-admin" match={(location) => location.startsWith('/admin/')}>
                {t('nav.admin')}
              </NavLink>
            ) : null}
            <NavLink href="/settings/api-keys" testId="nav-api-keys">
              {t('nav.api_keys')}
            </NavLink>
            <span className="nav-spacer" />
            <span className="nav-user" data-testid="nav-user">
              {me.display_name}
            </span>
            <button
              type="button"
              className="button-link"
              data-testid="nav-logout"
              disabled={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
            >
              {t('nav.logout')}
            </button>
          </>
        ) : (
          <>
            <NavLink href="/shop" testId="nav-shop">
              {t('nav.shop')}
            </NavLink>
            <NavLink href="/login" testId="nav-login">
              {t('nav.login')}
            </NavLink>
            <NavLink href="/signup" testId="nav-signup">
              {t('nav.signup')}
            </NavLink>
          </>
        )}
      </nav>
    </header>
  );
}
