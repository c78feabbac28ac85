import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError, api, type User } from '../../api.js';
import { ErrorBox, Field, Notice } from '../../components/ui.js';
import { currentLanguage } from '../../i18n/index.js';
import { ME_KEY } from '../../session.js';
import { useSandboxOn } from '../sandbox/MailPage.js';

/** Where a user lands after signing in: the page that sent them here, else the page for their role. */
function landingFor(user: User, next: string | null): string {
  if (next?.startsWith('/') && !next.startsWith('//')) return next;
  if (user.roles.includes('compliance_officer') || user.roles.includes('admin')) return '/compliance';
  if (user.memberships.length > 0) return '/seller';
  return '/';
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/** Signs in and stores the session in the query cache; returns the user. */
function useSignIn() {
  const client = useQueryClient();
  return async (email: string, password: string) => {
    const result = await api.login({ email, password });
    client.setQueryData(ME_KEY, { ...result.user, csrf_token: result.csrf_token });
    return result.user;
  };
}

export function SignUpPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const signIn = useSignIn();
  const [form, setForm] = useState({ display_name: '', email: '', password: '' });
  const mutation = useMutation({
    mutationFn: async () => {
      await api.register({ ...form, email: form.email.trim(), locale: currentLanguage() });
      return signIn(form.email.trim(), form.password);
    },
    onSuccess: () => navigate('/'),
  });
  const errors = fieldErrorsOf(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <section className="card narrow">
      <h1>{t('auth.signup_title')}</h1>
      <form onSubmit={submit} noValidate data-testid="signup-form">
        <Field label={t('auth.display_name')} htmlFor="signup-name" error={errors.display_name} errorPath="display_name">
          <input
            id="signup-name"
            autoComplete="name"
            required
            value={form.display_name}
            onChange={(e) => setForm({ ...form, display_name: e.target.value })}
            data-testid="signup-display-name"
          />
        </Field>
        <Field label={t('auth.email')} htmlFor="signup-email" error={errors.email} errorPath="email">
          <input
            id="signup-email"
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            data-testid="signup-email"
          />
        </Field>
        <Field label={t('auth.password')} htmlFor="signup-password" hint={t('auth.password_hint')} error={errors.password} errorPath="password">
          <input
            id="signup-password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            data-testid="signup-password"
          />
        </Field>
        {mutation.error && Object.keys(errors).length === 0 ? <ErrorBox error={mutation.error} /> : null}
        <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="signup-submit">
          {t('auth.signup_submit')}
        </button>
      </form>
      <p className="center">
        {t('auth.have_account')}{' '}
        <Link href="/login" data-testid="signup-to-login">
          {t('nav.login')}
        </Link>
      </p>
    </section>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const next = new URLSearchParams(useSearch()).get('next');
  const signIn = useSignIn();
  const [form, setForm] = useState({ email: '', password: '' });
  const mutation = useMutation({
    mutationFn: () => signIn(form.email.trim(), form.password),
    onSuccess: (user) => navigate(landingFor(user, next)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <section className="card narrow">
      <h1>{t('auth.login_title')}</h1>
      <form onSubmit={submit} noValidate data-testid="login-form">
        <Field label={t('auth.email')} htmlFor="login-email">
          <input
            id="login-email"
            type="email"
            inputMode="email"
            autoComplete="username"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            data-testid="login-email"
          />
        </Field>
        <Field label={t('auth.password')} htmlFor="login-password">
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            data-testid="login-password"
          />
        </Field>
        <ErrorBox error={mutation.error} />
        <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="login-submit">
          {t('auth.login_submit')}
        </button>
      </form>
      <p className="center">
        <Link href="/forgot-password" data-testid="login-forgot">
          {t('auth.forgot_link')}
        </Link>
      </p>
      <p className="center">
        {t('auth.no_account')}{' '}
        <Link href="/signup" data-testid="login-to-signup">
          {t('nav.signup')}
        </Link>
      </p>
    </section>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const sandbox = useSandboxOn();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: () => api.requestPasswordReset({ email: email.trim() }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <section className="card narrow">
      <h1>{t('auth.forgot_title')}</h1>
      <p>{t('auth.forgot_intro')}</p>
      {mutation.isSuccess ? (
        <>
          <Notice kind="success" testId="forgot-sent">
            {t('auth.forgot_sent')}
          </Notice>
          {sandbox ? (
            <p>
              <Link href="/sandbox/mail" data-testid="forgot-to-mail">
                {t('auth.forgot_sandbox')}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <form onSubmit={submit} noValidate data-testid="forgot-form">
          <Field label={t('auth.email')} htmlFor="forgot-email">
            <input
              id="forgot-email"
              type="email"
              inputMode="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="forgot-email"
            />
          </Field>
          <ErrorBox error={mutation.error} />
          <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="forgot-submit">
            {t('auth.forgot_submit')}
          </button>
        </form>
      )}
    </section>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  // The mailed link carries the token in the fragment (#token=…), which browsers never send to a server or a Referer.
  const search = useSearch();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? new URLSearchParams(search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => api.confirmPasswordReset({ token, password }),
    // Every session of the user ends with the reset.
    onSuccess: () => client.setQueryData(ME_KEY, null),
  });
  const errors = fieldErrorsOf(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  if (!token) {
    return (
      <section className="card narrow">
        <h1>{t('auth.reset_title')}</h1>
        <Notice kind="error">{t('auth.reset_missing_token')}</Notice>
        <Link href="/forgot-password">{t('auth.forgot_link')}</Link>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>{t('auth.reset_title')}</h1>
      {mutation.isSuccess ? (
        <>
          <Notice kind="success" testId="reset-done">
            {t('auth.reset_done')}
          </Notice>
          <Link href="/login" className="button primary block" data-testid="reset-to-login">
            {t('nav.login')}
          </Link>
        </>
      ) : (
        <form onSubmit={submit} noValidate data-testid="reset-form">
          <Field label={t('auth.new_password')} htmlFor="reset-password" hint={t('auth.password_hint')} error={errors.password} errorPath="password">
            <input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="reset-password"
            />
          </Field>
          {mutation.error && !errors.password ? <ErrorBox error={mutation.error} /> : null}
          <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="reset-submit">
            {t('auth.reset_submit')}
          </button>
        </form>
      )}
    </section>
  );
}
