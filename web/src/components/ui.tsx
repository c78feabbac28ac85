import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';

/** A message for any error thrown by the API client, in the UI language when the server could not say. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) return error.code === 'network_error' ? t('common.network_error') : error.problem.title;
    return t('common.error');
  };
}

export function ErrorBox({ error, testId = 'form-error' }: { error: unknown; testId?: string }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert" data-testid={testId}>
      {message(error)}
    </p>
  );
}

export function Notice({ children, kind = 'info', testId }: { children: ReactNode; kind?: 'info' | 'success' | 'error'; testId?: string }) {
  return (
    <p className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}

/** The error of one field, always rendered (empty when fine) so tests and screen readers find it at the field. */
export function FieldError({ path, message }: { path: string; message: string | undefined }) {
  return (
    <p className="field-error" id={`error-${path}`} data-error-for={path} aria-live="polite">
      {message ?? ''}
    </p>
  );
}

interface FieldProps {
  label: string;
  htmlFor: string;
  hint?: string | undefined;
  optional?: boolean;
  error?: string | undefined;
  errorPath?: string;
  children: ReactNode;
}

export function Field({ label, htmlFor, hint, optional, error, errorPath, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={htmlFor}>
        {label}
        {optional ? <span className="muted"> ({t('common.optional')})</span> : null}
      </label>
      {children}
      {hint ? <p className="hint">{hint}</p> : null}
      {errorPath ? <FieldError path={errorPath} message={error} /> : null}
    </div>
  );
}
