import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api.js';
import { ErrorBox, Loading } from '../../components/ui.js';
import { formatDateTime, isLanguage } from '../../i18n/index.js';

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

/** Links in a mail; those to this app (reset-password) open here, whatever base URL the server was configured with. */
function linksOf(text: string): { href: string; internal: boolean }[] {
  return [...text.matchAll(URL_PATTERN)].map(([raw]) => {
    try {
      const url = new URL(raw);
      if (url.pathname.startsWith('/reset-password')) return { href: `${url.pathname}${url.search}${url.hash}`, internal: true };
    } catch {
      // not a URL after all
    }
    return { href: raw, internal: false };
  });
}

export const SANDBOX_ON_KEY = ['sandbox-on'] as const;

/**
 * Whether the mailbox is there for this browser: GET /sandbox/mail answers 200 only in sandbox mode (and only on the
 * server's own machine). Asked once per page load; any refusal or failure means "no".
 */
export function useSandboxOn(): boolean {
  const probe = useQuery({
    queryKey: SANDBOX_ON_KEY,
    queryFn: async () => {
      // Not the mail outbox (it answers only on the server's own machine): the sandbox may be reached over a network.
      await api.sandboxStatus();
      return true;
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return probe.data === true;
}

/** Sandbox only: mails the server would have sent (password-reset links land here). */
export function MailPage() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const mail = useQuery({ queryKey: ['sandbox', 'mail'], queryFn: api.sandboxMail, refetchOnWindowFocus: true });
  return (
    <>
      <h1>{t('mail.title')}</h1>
      <p className="muted">{t('mail.intro')}</p>
      <button type="button" onClick={() => void mail.refetch()} disabled={mail.isFetching} data-testid="mail-refresh">
        {t('mail.refresh')}
      </button>
      {mail.isPending ? <Loading /> : null}
      {mail.isError ? <ErrorBox error={mail.error} /> : null}
      {mail.data && mail.data.items.length === 0 ? <p className="card muted">{t('mail.empty')}</p> : null}
      {mail.data?.items.map((m) => (
        <article key={m.id} className="card mail" data-testid="mail-item">
          <h2>{m.subject}</h2>
          <p className="muted small">
            {t('mail.to')} {m.to} · <time dateTime={m.at}>{formatDateTime(m.at, language)}</time>
          </p>
          <pre className="mail-body">{m.text}</pre>
          {linksOf(m.text).map((link) =>
            link.internal ? (
              <Link key={link.href} href={link.href} className="button primary" data-testid="mail-link">
                {t('mail.open_link')}
              </Link>
            ) : (
              <a key={link.href} href={link.href} className="button" rel="noopener noreferrer">
                {t('mail.open_link')}
              </a>
            ),
          )}
        </article>
      ))}
    </>
  );
}
