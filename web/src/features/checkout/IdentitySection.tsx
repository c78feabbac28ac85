import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ErrorBox, Field, FieldError, Loading, Notice } from '../../components/ui.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { type BuyerIdentity, type BuyerIdentityInput, shopApi } from './api.js';

export const IDENTITIES_KEY = ['buyer-identities'] as const;

/** The caller's identities for customs, masked as the API answers them. */
export function useBuyerIdentities(enabled: boolean) {
  return useQuery({ queryKey: IDENTITIES_KEY, queryFn: shopApi.buyerIdentities, enabled });
}

function Masked({ identity }: { identity: BuyerIdentity }) {
  return (
    <span className="identity-masked">
      <span data-testid="identity-masked-name">{identity.full_name}</span>
      <span className="mono" data-testid="identity-masked-number">
        {identity.id_number}
      </span>
      <span className="mono muted small" data-testid="identity-masked-phone">
        {identity.phone}
      </span>
    </span>
  );
}

const EMPTY: Omit<BuyerIdentityInput, 'id_type'> = { full_name: '', id_number: '', phone: '' };

/**
 * New identity: real name, Chinese resident ID and phone, as China customs asks for a cross-border order. Once saved the
 * app keeps only what the API answers (masked); the typed number is cleared from the form.
 */
function NewIdentityForm({ onSaved, onCancel }: { onSaved: (identity: BuyerIdentity) => void; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [form, setForm] = useState(EMPTY);
  const save = useMutation({
    mutationFn: () => {
      const body: BuyerIdentityInput = { ...form, id_type: 'cn_resident_id' };
      return shopApi.createBuyerIdentity(body, idempotency.keyFor(body));
    },
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async (created) => {
      setForm(EMPTY);
      onSaved(created);
      await client.invalidateQueries({ queryKey: IDENTITIES_KEY });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (field: keyof typeof EMPTY) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (save.isError) save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const input = (field: keyof typeof EMPTY, props: { type?: string; inputMode?: 'text' | 'tel'; autoComplete: string; maxLength: number }) => (
    <input
      id={`identity-${field}`}
      type={props.type ?? 'text'}
      inputMode={props.inputMode}
      autoComplete={props.autoComplete}
      maxLength={props.maxLength}
      value={form[field]}
      onChange={(e) => set(field)(e.target.value)}
      aria-invalid={errors[field] ? true : undefined}
      aria-describedby={`error-identity-${field}`}
      data-testid={`identity-${field.replace('_', '-')}`}
    />
  );
  return (
    <form className="identity-form" onSubmit={submit} noValidate data-testid="identity-form">
      <Notice>{t('identity.why')}</Notice>
      <Field
        label={t('identity.full_name')}
        htmlFor="identity-full_name"
        hint={t('identity.full_name_hint')}
        error={errors.full_name}
        errorPath="full_name"
        errorId="error-identity-full_name"
      >
        {input('full_name', { autoComplete: 'name', maxLength: 100 })}
      </Field>
      <Field
        label={t('identity.id_number')}
        htmlFor="identity-id_number"
        hint={t('identity.id_number_hint')}
        error={errors.id_number}
        errorPath="id_number"
        errorId="error-identity-id_number"
      >
        {input('id_number', { autoComplete: 'off', maxLength: 40 })}
      </Field>
      <Field
        label={t('identity.phone')}
        htmlFor="identity-phone"
        hint={t('identity.phone_hint')}
        error={errors.phone}
        errorPath="phone"
        errorId="error-identity-phone"
      >
        {input('phone', { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 30 })}
      </Field>
      {save.isError && Object.keys(errors).length === 0 ? <ErrorBox error={save.error} testId="identity-error" /> : null}
      <div className="actions">
        {onCancel ? (
          <button type="button" onClick={onCancel} data-testid="identity-cancel">
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={save.isPending} data-testid="identity-save">
          {t('identity.save')}
        </button>
      </div>
      <p className="hint">{t('identity.privacy')}</p>
    </form>
  );
}

/** Whose name the CN_CBEC order is declared in: one of the saved identities (masked), or a new one. */
export function IdentitySection({ chosen, onChoose, error }: { chosen: string | undefined; onChoose: (id: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const identities = useBuyerIdentities(true);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const items = identities.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="identity-title" data-testid="identity-section">
      <h2 id="identity-title">{t('identity.title')}</h2>
      {identities.isPending ? <Loading /> : null}
      {identities.isError ? <ErrorBox error={identities.error} /> : null}
      {items.length > 0 ? (
        <fieldset className="choices">
          <legend className="visually-hidden">{t('identity.choose')}</legend>
          {items.map((identity) => (
            <label
              key={identity.id}
              className={identity.id === chosen ? 'choice active' : 'choice'}
              data-testid="identity-option"
              data-identity-id={identity.id}
            >
              <input
                type="radio"
                name="buyer-identity"
                value={identity.id}
                checked={identity.id === chosen}
                onChange={() => onChoose(identity.id)}
                aria-describedby="error-buyer_identity_id"
              />
              <Masked identity={identity} />
            </label>
          ))}
        </fieldset>
      ) : null}
      {saved ? (
        <Notice kind="success" testId="identity-saved">
          {t('identity.saved')}
        </Notice>
      ) : null}
      <FieldError path="buyer_identity_id" message={error} />
      {identities.isSuccess && (adding || items.length === 0) ? (
        <NewIdentityForm
          onSaved={(identity) => {
            setAdding(false);
            setSaved(identity.id);
            onChoose(identity.id);
          }}
          onCancel={items.length > 0 ? () => setAdding(false) : undefined}
        />
      ) : identities.isSuccess ? (
        <button
          type="button"
          className="block"
          onClick={() => {
            setAdding(true);
            setSaved(null);
          }}
          data-testid="identity-add"
        >
          {t('identity.add')}
        </button>
      ) : null}
    </section>
  );
}
