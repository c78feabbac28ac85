import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, api, type Member, type Membership, type OrgRole } from '../../api.js';
import { ConfirmStep, ErrorBox, Field, Loading, Notice } from '../../components/ui.js';
import { formatDateTime, isLanguage, type Language } from '../../i18n/index.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { useMe } from '../../session.js';

const membersKey = (orgId: string) => ['organisations', orgId, 'members'] as const;

function RoleBadge({ role, testId = 'team-role' }: { role: OrgRole; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-role-${role === 'seller_owner' ? 'owner' : 'staff'}`} data-testid={testId} data-role={role}>
      {t(`team.role.${role}`)}
    </span>
  );
}

/** The owner adds a registered user, by email, as staff. */
function AddMemberForm({ org }: { org: Membership }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { email: string; role: 'seller_staff' }) => api.addMember(org.org_id, body, idempotency.keyFor(body)),
    onSettled: (_data, error) => idempotency.settle(error),
    onSuccess: async (_result, body) => {
      setAdded(body.email);
      setEmail('');
      await client.invalidateQueries({ queryKey: membersKey(org.org_id) });
    },
  });
  const errors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};
  const inputId = `team-email-${org.org_id}`;
  const errorId = `error-email-${org.org_id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    mutation.mutate({ email: email.trim(), role: 'seller_staff' });
  };
  return (
    <form onSubmit={submit} noValidate className="team-add" data-testid="team-add-form">
      <h3>{t('team.add_title')}</h3>
      <Field label={t('auth.email')} htmlFor={inputId} hint={t('team.add_hint')} error={errors.email} errorPath="email" errorId={errorId}>
        <input
          id={inputId}
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            if (mutation.isError) mutation.reset();
          }}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errorId}
          data-testid="team-add-email"
        />
      </Field>
      {mutation.error && !errors.email ? <ErrorBox error={mutation.error} testId="team-add-error" /> : null}
      {added ? (
        <Notice kind="success" testId="team-added">
          {t('team.added', { email: added })}
        </Notice>
      ) : null}
      <button type="submit" className="primary block" disabled={mutation.isPending} data-testid="team-add-submit">
        {t('team.add_submit')}
      </button>
    </form>
  );
}

interface MemberRowProps {
  org: Membership;
  member: Member;
  isMe: boolean;
  canRemove: boolean;
  language: Language;
  onRemoved: (member: Member) => void;
}

function MemberRow({ org, member, isMe, canRemove, language, onRemoved }: MemberRowProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.removeMember(org.org_id, member.user_id),
    onSuccess: async () => {
      onRemoved(member);
      await client.invalidateQueries({ queryKey: membersKey(org.org_id) });
    },
  });
  return (
    <li className="row" data-testid="team-member" data-user-id={member.user_id} data-role={member.role}>
      <div className="row-main">
        <span className="row-head">
          <strong className="row-title" data-testid="team-member-name">
            {member.display_name}
          </strong>
          {isMe ? <span className="muted small">({t('team.you')})</span> : null}
          <RoleBadge role={member.role} />
        </span>
        <span className="row-email" data-testid="team-member-email">
          {member.email}
        </span>
        <span className="muted small">
          {t('team.added_at')} <time dateTime={member.added_at}>{formatDateTime(member.added_at, language)}</time>
        </span>
      </div>
      {canRemove ? (
        confirming ? (
          <ConfirmStep
            question={t('team.remove_question', { name: member.display_name, org: org.org_name })}
            confirmLabel={t('team.remove_confirm')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate()}
            onCancel={() => {
              setConfirming(false);
              remove.reset();
            }}
            testId="team-remove"
          />
        ) : (
          <button type="button" className="danger-outline row-action" onClick={() => setConfirming(true)} data-testid="team-remove">
            {t('team.remove')}
          </button>
        )
      ) : null}
      <ErrorBox error={remove.error} testId="team-remove-error" />
    </li>
  );
}

/** One organisation: its members; for its owner, adding and removing staff. */
function OrgTeam({ org, myUserId, language }: { org: Membership; myUserId: string; language: Language }) {
  const { t } = useTranslation();
  const members = useQuery({ queryKey: membersKey(org.org_id), queryFn: () => api.listMembers(org.org_id) });
  const [removed, setRemoved] = useState<Member | null>(null);
  const owner = org.role === 'seller_owner';
  return (
    <section className="card" data-testid="team-org" data-org-id={org.org_id} aria-labelledby={`team-org-${org.org_id}`}>
      <div className="card-head">
        <h2 id={`team-org-${org.org_id}`}>{org.org_name}</h2>
        <RoleBadge role={org.role} testId="team-my-role" />
      </div>
      <h3>{t('team.members_title')}</h3>
      {removed ? (
        <Notice kind="success" testId="team-removed">
          {t('team.removed', { name: removed.display_name })}
        </Notice>
      ) : null}
      {members.isPending ? <Loading /> : null}
      {members.isError ? <ErrorBox error={members.error} /> : null}
      {members.data ? (
        <ul className="rows" data-testid="team-members">
          {members.data.items.map((member) => (
            <MemberRow
              key={member.user_id}
              org={org}
              member={member}
              isMe={member.user_id === myUserId}
              canRemove={owner && member.role === 'seller_staff'}
              language={language}
              onRemoved={setRemoved}
            />
          ))}
        </ul>
      ) : null}
      {owner ? <AddMemberForm org={org} /> : <p className="muted small">{t('team.owner_only')}</p>}
    </section>
  );
}

/** The people of each seller organisation the signed-in user belongs to. */
export function TeamPage() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'th';
  const me = useMe().data;
  if (!me) return null;
  return (
    <div data-testid="team-page">
      <h1>{t('team.title')}</h1>
      <p className="muted">{t('team.intro')}</p>
      {me.memberships.length === 0 ? (
        <section className="card" data-testid="team-none">
          <p>{t('team.none')}</p>
          <Link href="/seller/apply" className="button primary">
            {t('seller.apply_now')}
          </Link>
        </section>
      ) : (
        me.memberships.map((org) => <OrgTeam key={org.org_id} org={org} myUserId={me.id} language={language} />)
      )}
    </div>
  );
}
