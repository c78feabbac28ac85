import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiKey, api, type CreatedApiKey } from '../../api.js';
import { ConfirmStep, ErrorBox, Field, Loading, Notice } from '../../components/ui.js';
import { formatDateTime, isLanguage, type Language } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';

export const API_KEYS_KEY = ['api-keys'] as const;

function canCopy(): boolean {
  return typeof navigator !== 'undefined' && 'clipboard' in navigator && typeof navigator.clipboard?.writeText === 'function';
}

/** Copies with the Clipboard API where the browser offers it (secure contexts); elsewhere the user selects the key. */
function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (!canCopy()) return <p className="hint">{t('api_keys.copy_manual')}</p>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="primary" onClick={() => void copy()} data-testid="api-key-copy">
        {state === 'copied' ? t('api_keys.copied') : t('api_keys.copy')}
      </button>
      <p className="hint" aria-live="polite" data-testid="api-key-copy-state" data-state={state}>
        {state === 'copied' ? t('api_keys.copied_hint') : state === 'failed' ? t('api_keys.copy_failed') : ''}
      </p>
    </>
  );
}

/** The secret of a key just created: shown here once, never stored by the app, gone when dismissed or the page is left. */
function SecretBox({ created, onDismiss }: { created: CreatedApiKey; onDismiss: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card secret-card" aria-labelledby="api-key-secret-title" data-testid="api-key-secret-box">
      <h2 id="api-key-secret-title" tabIndex={-1} ref={heading}>
        {t('api_keys.secret_title', { name: created.name })}
      </h2>
      <Notice kind="warning" testId="api-key-secret-warning">
        <strong>{t('api_keys.secret_once')}</strong> {t('api_keys.secret_warning')}
      </Notice>
      <code className="secret" data-testid="api-key-secret">
        {created.key}
      </code>
      <div className="actions">
        <CopyButton text={created.key} />
      </div>
      <button type="button" className="block" onClick={onDismiss} data-testid="api-key-dismiss">
        {t('api_keys.dismiss')}
      </button>
    </section>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [name, setName] = useState('');
  const mutation = useMutation({
    mutationFn: () => {
      const body = { name: name.trim() };
      return api.createApiKey(body, idempotency.keyFor(body));
    },
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async (created) => {
      setName('');
      onCreated(created);
      await client.invalidateQueries({ queryKey: API_KEYS_KEY });
    },
  });
  const errors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <section className="card" aria-labelledby="api-key-create-title">
      <h2 id="api-key-create-title">{t('api_keys.create_title')}</h2>
      <form onSubmit={submit} noValidate data-testid="api-key-form">
        <Field label={t('api_keys.name')} htmlFor="api-key-name" hint={t('api_keys.name_hint')} error={errors.name} errorPath="name">
          <input
            id="api-key-name"
            autoComplete="off"
            maxLength={100}
            required
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (mutation.isError) mutation.reset();
            }}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby="error-name"
            data-testid="api-key-name"
          />
        </Field>
        {mutation.error && !errors.name ? <ErrorBox error={mutation.error} testId="api-key-error" /> : null}
        <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="api-key-create">
          {t('api_keys.create_submit')}
        </button>
      </form>
    </section>
  );
}

function KeyRow({ item, language, onRevoked }: { item: ApiKey; language: Language; onRevoked: (item: ApiKey) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api.revokeApiKey(item.id),
    onSuccess: async () => {
      onRevoked(item);
      await client.invalidateQueries({ queryKey: API_KEYS_KEY });
    },
  });
  return (
    <li className="row" data-testid="api-key-item" data-key-id={item.id}>
      <div className="row-main">
        <strong className="row-title" data-testid="api-key-item-name">
          {item.name}
        </strong>
        <span className="mono small" title={t('api_keys.prefix_label')}>
          {item.prefix}…
        </span>
        <span className="muted small">
          {t('api_keys.created_at')} <time dateTime={item.created_at}>{formatDateTime(item.created_at, language)}</time>
        </span>
      </div>
      {confirming ? (
        <ConfirmStep
          question={t('api_keys.revoke_question', { name: item.name })}
          confirmLabel={t('api_keys.revoke_confirm')}
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate()}
          onCancel={() => {
            setConfirming(false);
            revoke.reset();
          }}
          testId="api-key-revoke"
        />
      ) : (
        <button type="button" className="danger-outline row-action" onClick={() => setConfirming(true)} data-testid="api-key-revoke">
          {t('api_keys.revoke')}
        </button>
      )}
      <ErrorBox error={revoke.error} testId="api-key-revoke-error" />
    </li>
  );
}

/** My API keys: create one (its secret shown once), see them by name and prefix, revoke one. */
export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const keys = useQuery({ queryKey: API_KEYS_KEY, queryFn: api.listApiKeys });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoked, setRevoked] = useState<ApiKey | null>(null);

  const onRevoked = (item: ApiKey) => {
    setRevoked(item);
    if (created?.id === item.id) setCreated(null);
  };

  return (
    <div data-testid="api-keys-page">
      <h1>{t('api_keys.title')}</h1>
      <p className="muted">{t('api_keys.intro')}</p>
      {created ? (
        <SecretBox created={created} onDismiss={() => setCreated(null)} />
      ) : (
        <CreateKeyForm
          onCreated={(key) => {
            setRevoked(null);
            setCreated(key);
          }}
        />
      )}
      <section className="card" aria-labelledby="api-keys-list-title">
        <h2 id="api-keys-list-title">{t('api_keys.list_title')}</h2>
        {revoked ? (
          <Notice kind="success" testId="api-key-revoked">
            {t('api_keys.revoked', { name: revoked.name })}
          </Notice>
        ) : null}
        {keys.isPending ? <Loading /> : null}
        {keys.isError ? <ErrorBox error={keys.error} /> : null}
        {keys.data && keys.data.items.length === 0 ? (
          <p className="muted" data-testid="api-keys-empty">
            {t('api_keys.empty')}
          </p>
        ) : null}
        {keys.data && keys.data.items.length > 0 ? (
          <ul className="rows" data-testid="api-keys-list">
            {keys.data.items.map((item) => (
              <KeyRow key={item.id} item={item} language={language} onRevoked={onRevoked} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
