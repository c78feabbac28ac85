import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Loading } from '../../components/ui.js';
import { isReviewer, isSellerMember, useMe } from '../../session.js';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const user = me.data;
  return (
    <section className="card hero">
      <h1>{user ? t('home.hello', { name: user.display_name }) : t('home.title')}</h1>
      <p>{t('app.tagline')}</p>
      <p className="muted">{t('home.intro')}</p>
      <div className="actions stack">
        {!user ? (
          <>
            <Link href="/signup" className="button primary" data-testid="home-signup">
              {t('home.cta_signup')}
            </Link>
            <Link href="/login" className="button" data-testid="home-login">
              {t('home.cta_login')}
            </Link>
          </>
        ) : null}
        {user && !isSellerMember(user) ? (
          <Link href="/seller/apply" className="button primary" data-testid="home-apply">
            {t('home.cta_apply')}
          </Link>
        ) : null}
        {user && isSellerMember(user) ? (
          <Link href="/seller" className="button primary" data-testid="home-profile">
            {t('home.cta_profile')}
          </Link>
        ) : null}
        {isReviewer(user) ? (
          <Link href="/compliance" className="button" data-testid="home-queue">
            {t('home.cta_queue')}
          </Link>
        ) : null}
        <Link href="/shop" className="button" data-testid="home-shop">
          {t('home.cta_shop')}
        </Link>
      </div>
    </section>
  );
}
