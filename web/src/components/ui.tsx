import { type ReactNode, useEffect, useRef } from 'react';
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

export function Notice({ children, kind = 'info', testId }: { children: ReactNode; kind?: 'info' | 'success' | 'warning' | 'error'; testId?: string }) {
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
export function FieldError({ path, message, id = `error-${path}` }: { path: string; message: string | undefined; id?: string }) {
  return (
    <p className="field-error" id={id} data-error-for={path} aria-live="polite">
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
  /** The id of the error line when one page holds several forms with the same field (defaults to `error-<path>`). */
  errorId?: string;
  children: ReactNode;
}

export function Field({ label, htmlFor, hint, optional, error, errorPath, errorId, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={htmlFor}>
        {label}
        {optional ? <span className="muted"> ({t('common.optional')})</span> : null}
      </label>
      {children}
      {hint ? <p className="hint">{hint}</p> : null}
      {errorPath ? <FieldError path={errorPath} message={error} id={errorId} /> : null}
    </div>
  );
}

interface ConfirmStepProps {
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}

/**
 * The second step of a destructive action: the question, a way back and a red confirm button. The way back comes first
 * and takes the focus, so that a double tap on the first button never confirms.
 */
export function ConfirmStep({ question, confirmLabel, pending, onConfirm, onCancel, testId }: ConfirmStepProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="confirm-step" data-testid={testId}>
      <p>{question}</p>
      <div className="actions">
        <button type="button" ref={cancel} disabled={pending} onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={pending} onClick={onConfirm} data-testid={`${testId}-confirm`}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
