import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { Header } from './components/Header.js';
import { ErrorBox, Loading, Notice } from './components/ui.js';
import { FxRatesPage, LedgerPage } from './features/admin/AdminPages.js';
import { isAdmin } from './features/admin/access.js';
import { DisputesPage, PayoutsPage } from './features/admin/PayoutsPage.js';
import { CertificatesPage } from './features/catalogue/CertificatesPage.js';
import { ImportPage } from './features/catalogue/ImportPage.js';
import { EditProductPage, NewProductPage } from './features/catalogue/ProductEditor.js';
import { ProductsPage } from './features/catalogue/ProductsPage.js';
import { CartPage } from './features/checkout/CartPage.js';
import { PartnerPage, PaymentPage } from './features/checkout/PaymentPage.js';
import { ComplianceQueuePage } from './features/compliance/ComplianceQueuePage.js';
import { DeclarationsPage } from './features/customs/DeclarationsPage.js';
import { GtcConsolePage } from './features/gtc/GtcConsolePage.js';
import { HomePage } from './features/home/HomePage.js';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage, SignUpPage } from './features/identity/pages.js';
import { OrderPage, OrdersPage } from './features/orders/OrdersPage.js';
import { SellerOrdersPage } from './features/orders/SellerOrdersPage.js';
import { MailPage, useSandboxOn } from './features/sandbox/MailPage.js';
import { SellerInboundPage } from './features/sellers/InboundPage.js';
import { SellerMoneyPage } from './features/sellers/MoneyPage.js';
import { EditSellerPage, MySellerPage, OnboardingPage } from './features/sellers/pages.js';
import { TeamPage } from './features/sellers/TeamPage.js';
import { ApiKeysPage } from './features/settings/ApiKeysPage.js';
import { OtopPage, ShopCategoryPage, ShopPage, ShopProductPage } from './features/shop/pages.js';
import { isReviewer, useMe, useProfileLanguage } from './session.js';

/** Pages for signed-in users; a reviewer-only or admin-only page also checks the role (the API checks again). */
function RequireUser({ reviewer = false, admin = false, children }: { reviewer?: boolean; admin?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const [location] = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorBox error={me.error} />;
  if (!me.data) {
    return (
      <section className="card narrow">
        <Notice>{t('common.sign_in_needed')}</Notice>
        <Link href={`/login?next=${encodeURIComponent(location)}`} className="button primary block" data-testid="require-login">
          {t('nav.login')}
        </Link>
      </section>
    );
  }
  if ((reviewer && !isReviewer(me.data)) || (admin && !isAdmin(me.data))) return <Notice kind="error">{t('common.forbidden')}</Notice>;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <h1>{t('common.not_found')}</h1>
      <Link href="/">{t('common.back_home')}</Link>
    </section>
  );
}

export function App() {
  const { t } = useTranslation();
  const me = useMe();
  const sandbox = useSandboxOn();
  useProfileLanguage(me.data);
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" className="container">
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/signup" component={SignUpPage} />
          <Route path="/login" component={LoginPage} />
          <Route path="/forgot-password" component={ForgotPasswordPage} />
          <Route path="/reset-password" component={ResetPasswordPage} />
          <Route path="/sandbox/mail" component={MailPage} />
          <Route path="/shop/product/:id">{(params) => <ShopProductPage key={params.id} id={params.id} />}</Route>
          <Route path="/shop/category/:code">{(params) => <ShopCategoryPage code={params.code} />}</Route>
          <Route path="/shop/otop" component={OtopPage} />
          <Route path="/shop" component={ShopPage} />
          <Route path="/cart">
            <RequireUser>
              <CartPage />
            </RequireUser>
          </Route>
          <Route path="/pay/wallet/:id">
            {(params) => (
              <RequireUser>
                <PartnerPage key={params.id} id={params.id} method="wallet" />
              </RequireUser>
            )}
          </Route>
          <Route path="/pay/card/:id">
            {(params) => (
              <RequireUser>
                <PartnerPage key={params.id} id={params.id} method="card" />
              </RequireUser>
            )}
          </Route>
          <Route path="/pay/:id">
            {(params) => (
              <RequireUser>
                <PaymentPage key={params.id} id={params.id} />
              </RequireUser>
            )}
          </Route>
          <Route path="/orders/:id">
            {(params) => (
              <RequireUser>
                <OrderPage key={params.id} id={params.id} />
              </RequireUser>
            )}
          </Route>
          <Route path="/orders">
            <RequireUser>
              <OrdersPage />
            </RequireUser>
          </Route>
          <Route path="/seller/orders/:id">
            {(params) => (
              <RequireUser>
                <OrderPage key={params.id} id={params.id} seller />
              </RequireUser>
            )}
          </Route>
          <Route path="/seller/orders">
            <RequireUser>
              <SellerOrdersPage />
            </RequireUser>
          </Route>
          <Route path="/admin/payouts">
            <RequireUser admin>
              <PayoutsPage />
            </RequireUser>
          </Route>
          <Route path="/admin/disputes">
            <RequireUser admin>
              <DisputesPage />
            </RequireUser>
          </Route>
          <Route path="/gtc/:tab?">
            {(params) => (
              <RequireUser>
                <GtcConsolePage tab={params.tab ?? 'receive'} />
              </RequireUser>
            )}
          </Route>
          <Route path="/compliance/customs">
            <RequireUser reviewer>
              <DeclarationsPage />
            </RequireUser>
          </Route>
          <Route path="/seller/inbound">
            <RequireUser>
              <SellerInboundPage />
            </RequireUser>
          </Route>
          <Route path="/seller/money">
            <RequireUser>
              <SellerMoneyPage />
            </RequireUser>
          </Route>
          <Route path="/admin/fx-rates">
            <RequireUser admin>
              <FxRatesPage />
            </RequireUser>
          </Route>
          <Route path="/admin/ledger">
            <RequireUser admin>
              <LedgerPage />
            </RequireUser>
          </Route>
          <Route path="/seller/apply">
            <RequireUser>
              <OnboardingPage />
            </RequireUser>
          </Route>
          <Route path="/seller/team">
            <RequireUser>
              <TeamPage />
            </RequireUser>
          </Route>
          <Route path="/seller/products/new">
            <RequireUser>
              <NewProductPage />
            </RequireUser>
          </Route>
          <Route path="/seller/products/import">
            <RequireUser>
              <ImportPage />
            </RequireUser>
          </Route>
          <Route path="/seller/products/:id">
            {(params) => (
              <RequireUser>
                <EditProductPage key={params.id} id={params.id} />
              </RequireUser>
            )}
          </Route>
          <Route path="/seller/products">
            <RequireUser>
              <ProductsPage />
            </RequireUser>
          </Route>
          <Route path="/seller/certificates">
            <RequireUser>
              <CertificatesPage />
            </RequireUser>
          </Route>
          <Route path="/seller/:id/edit">
            {(params) => (
              <RequireUser>
                <EditSellerPage id={params.id} />
              </RequireUser>
            )}
          </Route>
          <Route path="/seller">
            <RequireUser>
              <MySellerPage />
            </RequireUser>
          </Route>
          <Route path="/settings/api-keys">
            <RequireUser>
              <ApiKeysPage />
            </RequireUser>
          </Route>
          <Route path="/compliance">
            <RequireUser reviewer>
              <ComplianceQueuePage />
            </RequireUser>
          </Route>
          <Route component={NotFound} />
        </Switch>
      </main>
      <footer className="site-footer container">
        <span>{t('app.tagline')}</span>
        {sandbox ? (
          <Link href="/sandbox/mail" data-testid="nav-sandbox-mail">
            {t('nav.sandbox_mail')}
          </Link>
        ) : null}
      </footer>
    </>
  );
}
