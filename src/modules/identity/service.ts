import { hash, verify } from '@node-rs/argon2';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import { type Db, isUniqueViolation, type Tx } from '../../db/client.js';
import type { Actor, Ctx, Membership, OrgRole, PlatformRole } from '../../kernel/context.js';
import { randomToken, sha256 } from '../../kernel/crypto.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import type { Locale } from '../../kernel/i18n.js';
import { newId } from '../../kernel/ids.js';
import { LIMITS } from '../../kernel/limits.js';
import type { Mail } from '../../kernel/mail.js';
import { apiKeys, loginFailures, memberships, organisations, passwordResets, sessions, users } from './schema.js';

type Queryable = Db | Tx;

// algorithm 2 is Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Verified against when the email is unknown, so that both failures cost the same work. */
const DUMMY_HASH_PROMISE = hash('saphan-dummy-password', ARGON2);

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly display_name: string;
  readonly locale: Locale;
  readonly roles: PlatformRole[];
  readonly memberships: (Membership & { org_name: string })[];
  readonly created_at: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

async function userView(q: Queryable, user: typeof users.$inferSelect): Promise<UserView> {
  const rows = await q
    .select({ org_id: memberships.org_id, role: memberships.role, org_name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.org_id))
    .where(eq(memberships.user_id, user.id))
    .orderBy(memberships.created_at);
  return {
    id: user.id,
    email: user.email,
    display_name: user.display_name,
    locale: user.locale,
    roles: user.roles as PlatformRole[],
    memberships: rows,
    created_at: user.created_at.toISOString(),
  };
}

export interface CreateUserInput {
  readonly email: string;
  /** Hashed by the caller with `hashPassword` before the transaction opens: argon2 is slow on purpose. */
  readonly password_hash: string;
  readonly display_name: string;
  readonly locale: Locale;
  readonly roles?: readonly PlatformRole[];
}

/** Registers a user; a new user is a `buyer` (plus any platform roles an operator grants through the CLI). */
export async function createUser(tx: Tx, ctx: Ctx, input: CreateUserInput): Promise<Result<UserView>> {
  const now = ctx.clock.now();
  const roles = Array.from(new Set<PlatformRole>(['buyer', ...(input.roles ?? [])]));
  const row = {
    id: newId('usr', now.getTime()),
    email: normaliseEmail(input.email),
    display_name: input.display_name.trim(),
    password_hash: input.password_hash,
    locale: input.locale,
    roles,
    created_at: now,
    updated_at: now,
  };
  try {
    await tx.transaction(async (sp) => {
      await sp.insert(users).values(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('conflict', 'email_taken', { errors: [{ path: 'email', code: 'email_taken' }] });
    throw error;
  }
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'user.registered',
      entity_type: 'user',
      entity_id: row.id,
      after: { roles, locale: row.locale },
    },
  );
  return ok(await userView(tx, row));
}

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  /** The caller's network address, for throttling. */
  readonly address: string;
}

export type LoginOutcome =
  | { readonly outcome: 'ok'; readonly token: string; readonly csrf_token: string; readonly user: UserView; readonly expires_at: Date }
  | { readonly outcome: 'failed' }
  | { readonly outcome: 'throttled' };

/**
 * Checks a password. A failure is an outcome, not an error, so that the failure record commits.
 * Unknown email and wrong password do the same work and give the same outcome. The attempt is
 * counted (under a per-account lock) before the slow hash check, so parallel guesses cannot get
 * past the limit, and no transaction is open while argon2 runs.
 */
export async function login(db: Db, ctx: Ctx, input: LoginInput): Promise<LoginOutcome> {
  const now = ctx.clock.now();
  const email = normaliseEmail(input.email);
  const account_hash = ctx.pii.blindIndex(email, 'login');
  const attempt_id = newId('aud', now.getTime());
  const reserved = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${account_hash}))`);
    const since = new Date(now.getTime() - LIMITS.login_window_ms);
    const [by_account] = await tx
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.account_hash, account_hash), gt(loginFailures.at, since)));
    const [by_address] = await tx
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.address, input.address), gt(loginFailures.at, since)));
    if ((by_account?.n ?? 0) >= LIMITS.login_failures_per_account || (by_address?.n ?? 0) >= LIMITS.login_failures_per_address) return false;
    // Counted as a failure until the password proves right.
    await tx.insert(loginFailures).values({ id: attempt_id, at: now, account_hash, address: input.address });
    return true;
  });
  if (!reserved) return { outcome: 'throttled' };
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const password_ok = await verify(user?.password_hash ?? (await DUMMY_HASH_PROMISE), input.password);
  if (!user || !password_ok) return { outcome: 'failed' };
  const token = randomToken();
  const csrf_token = randomToken(24);
  const expires_at = new Date(now.getTime() + LIMITS.session_ttl_ms);
  const session_id = newId('ses', now.getTime());
  return db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.id, attempt_id));
    await tx.insert(sessions).values({ id: session_id, token_hash: sha256(token), user_id: user.id, csrf_token, created_at: now, expires_at });
    await recordAudit(tx, { ...ctx, actor: actorOfUser(user, [], 'user'), now }, { action: 'session.created', entity_type: 'session', entity_id: session_id });
    return { outcome: 'ok' as const, token, csrf_token, user: await userView(tx, user), expires_at };
  });
}

export async function logout(tx: Tx, ctx: Ctx, token: string): Promise<void> {
  const now = ctx.clock.now();
  const [row] = await tx
    .update(sessions)
    .set({ revoked_at: now })
    .where(and(eq(sessions.token_hash, sha256(token)), isNull(sessions.revoked_at)))
    .returning({ id: sessions.id });
  if (row) await recordAudit(tx, { ...ctx, now }, { action: 'session.revoked', entity_type: 'session', entity_id: row.id });
}

function actorOfUser(user: { id: string; roles: string[] }, member_rows: readonly Membership[], kind: 'user' | 'api_key', api_key_id?: string): Actor {
  return {
    kind,
    user_id: user.id,
    roles: user.roles as PlatformRole[],
    memberships: member_rows,
    ...(api_key_id ? { api_key_id } : {}),
  };
}

export interface ResolvedCredential {
  readonly actor: Actor;
  readonly locale: Locale;
  /** Present for sessions: cookie-authenticated writes must echo it. */
  readonly csrf_token?: string;
}

/** Resolves a bearer token or cookie value: a session token or an API key (`sk_…`). */
export async function resolveCredential(q: Queryable, now: Date, token: string): Promise<ResolvedCredential | undefined> {
  if (token.length > 200) return undefined;
  const token_hash = sha256(token);
  // One round trip per request: the credential, its user and the user's memberships (one row per membership).
  const membership = { org_id: memberships.org_id, role: memberships.role };
  if (token.startsWith(API_KEY_PREFIX)) {
    const rows = await q
      .select({ key_id: apiKeys.id, user_id: users.id, roles: users.roles, locale: users.locale, membership })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.user_id))
      .leftJoin(memberships, eq(memberships.user_id, users.id))
      .where(and(eq(apiKeys.key_hash, token_hash), isNull(apiKeys.revoked_at)));
    const first = rows[0];
    if (!first) return undefined;
    return { actor: actorOfUser({ id: first.user_id, roles: first.roles }, membershipsOf(rows), 'api_key', first.key_id), locale: first.locale };
  }
  const rows = await q
    .select({ csrf_token: sessions.csrf_token, user_id: users.id, roles: users.roles, locale: users.locale, membership })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.user_id))
    .leftJoin(memberships, eq(memberships.user_id, users.id))
    .where(and(eq(sessions.token_hash, token_hash), isNull(sessions.revoked_at), gt(sessions.expires_at, now)));
  const first = rows[0];
  if (!first) return undefined;
  return { actor: actorOfUser({ id: first.user_id, roles: first.roles }, membershipsOf(rows), 'user'), locale: first.locale, csrf_token: first.csrf_token };
}

/**
 * The actor a user is now (roles and memberships as they stand), for work that runs later on the
 * user's behalf: a background job acts with today's rights, not those it was queued with.
 */
export async function actorOfUserId(q: Queryable, user_id: string): Promise<Actor | undefined> {
  const membership = { org_id: memberships.org_id, role: memberships.role };
  const rows = await q
    .select({ user_id: users.id, roles: users.roles, membership })
    .from(users)
    .leftJoin(memberships, eq(memberships.user_id, users.id))
    .where(eq(users.id, user_id));
  const first = rows[0];
  return first ? actorOfUser({ id: first.user_id, roles: first.roles }, membershipsOf(rows), 'user') : undefined;
}

function membershipsOf(rows: readonly { membership: { org_id: string; role: OrgRole } | null }[]): Membership[] {
  return rows.flatMap((r) => (r.membership ? [r.membership] : []));
}

export async function getMe(q: Queryable, ctx: Ctx): Promise<Result<UserView>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const [user] = await q.select().from(users).where(eq(users.id, ctx.actor.user_id));
  if (!user) return fail('unauthorized', 'authentication_required');
  return ok(await userView(q, user));
}

export async function updateMe(tx: Tx, ctx: Ctx, input: { locale?: Locale; display_name?: string }): Promise<Result<UserView>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const now = ctx.clock.now();
  const [before] = await tx.select().from(users).where(eq(users.id, ctx.actor.user_id));
  if (!before) return fail('unauthorized', 'authentication_required');
  const [after] = await tx
    .update(users)
    .set({ ...(input.locale ? { locale: input.locale } : {}), ...(input.display_name ? { display_name: input.display_name.trim() } : {}), updated_at: now })
    .where(eq(users.id, before.id))
    .returning();
  if (!after) return fail('unauthorized', 'authentication_required');
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'user.updated',
      entity_type: 'user',
      entity_id: before.id,
      before: { locale: before.locale, display_name: before.display_name },
      after: { locale: after.locale, display_name: after.display_name },
    },
  );
  return ok(await userView(tx, after));
}

const RESET_MAIL: Record<Locale, { subject: string; body: (link: string) => string }> = {
  th: { subject: 'ตั้งรหัสผ่าน Saphan ใหม่', body: (link) => `กดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่ภายใน 1 ชั่วโมง:\n${link}\n\nหากคุณไม่ได้ขอ ไม่ต้องทำอะไร` },
  zh: { subject: '重置您的 Saphan 密码', body: (link) => `请在1小时内点击以下链接重置密码：\n${link}\n\n如果不是您本人操作，请忽略此邮件。` },
  en: {
    subject: 'Reset your Saphan password',
    body: (link) => `Open this link within an hour to choose a new password:\n${link}\n\nIf you did not ask for this, ignore this mail.`,
  },
};

/** Makes a single-use reset token; the caller sends the mail after commit. Unknown emails get no mail and the same answer. */
export async function requestPasswordReset(tx: Tx, ctx: Ctx, input: { email: string; base_url: string }): Promise<Mail | undefined> {
  const now = ctx.clock.now();
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(input.email)));
  if (!user) return undefined;
  const token = randomToken();
  const id = newId('prt', now.getTime());
  await tx.insert(passwordResets).values({
    id,
    user_id: user.id,
    token_hash: sha256(token),
    created_at: now,
    expires_at: new Date(now.getTime() + LIMITS.password_reset_ttl_ms),
  });
  await recordAudit(tx, { ...ctx, now }, { action: 'password_reset.requested', entity_type: 'user', entity_id: user.id });
  const text = RESET_MAIL[user.locale];
  return { to: user.email, subject: text.subject, text: text.body(`${input.base_url}/reset-password#token=${encodeURIComponent(token)}`) };
}

/** Sets the new password (hashed by the caller), uses up the token and ends every session of the user. */
export async function confirmPasswordReset(tx: Tx, ctx: Ctx, input: { token: string; password_hash: string }): Promise<Result<{ user_id: string }>> {
  const now = ctx.clock.now();
  // One statement both checks and uses up the token, so two concurrent confirmations cannot both pass.
  const [reset] = await tx
    .update(passwordResets)
    .set({ used: true })
    .where(and(eq(passwordResets.token_hash, sha256(input.token)), eq(passwordResets.used, false), gt(passwordResets.expires_at, now)))
    .returning({ user_id: passwordResets.user_id });
  if (!reset) return fail('invalid', 'reset_token_invalid', { errors: [{ path: 'token', code: 'reset_token_invalid' }] });
  await tx.update(users).set({ password_hash: input.password_hash, updated_at: now }).where(eq(users.id, reset.user_id));
  await tx
    .update(sessions)
    .set({ revoked_at: now })
    .where(and(eq(sessions.user_id, reset.user_id), isNull(sessions.revoked_at)));
  await recordAudit(tx, { ...ctx, now }, { action: 'password_reset.completed', entity_type: 'user', entity_id: reset.user_id });
  return ok({ user_id: reset.user_id });
}

export const API_KEY_PREFIX = 'sk_';

export interface CreatedApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  /** Shown once; only its hash is stored. */
  readonly key: string;
  readonly created_at: string;
}

export async function createApiKey(tx: Tx, ctx: Ctx, input: { name: string }): Promise<Result<CreatedApiKey>> {
  if (ctx.actor.kind !== 'user') return fail('forbidden', 'forbidden');
  const user_id = ctx.actor.user_id;
  const [existing] = await tx
    .select({ n: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.user_id, user_id), isNull(apiKeys.revoked_at)));
  if ((existing?.n ?? 0) >= LIMITS.api_keys_per_user) return fail('conflict', 'api_key_limit');
  const now = ctx.clock.now();
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  const row = { id: newId('key', now.getTime()), user_id, name: input.name.trim(), prefix: key.slice(0, 10), key_hash: sha256(key), created_at: now };
  await tx.insert(apiKeys).values(row);
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'api_key.created', entity_type: 'api_key', entity_id: row.id, after: { name: row.name, prefix: row.prefix } },
  );
  return ok({ id: row.id, name: row.name, prefix: row.prefix, key, created_at: now.toISOString() });
}

export async function listApiKeys(q: Queryable, ctx: Ctx) {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return [];
  const rows = await q
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, created_at: apiKeys.created_at })
    .from(apiKeys)
    .where(and(eq(apiKeys.user_id, ctx.actor.user_id), isNull(apiKeys.revoked_at)))
    .orderBy(apiKeys.created_at);
  return rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() }));
}

/** Revokes one of the caller's own API keys; it stops working at once. */
export async function revokeApiKey(tx: Tx, ctx: Ctx, id: string): Promise<Result<{ id: string }>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const now = ctx.clock.now();
  const [row] = await tx
    .update(apiKeys)
    .set({ revoked_at: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.user_id, ctx.actor.user_id), isNull(apiKeys.revoked_at)))
    .returning({ id: apiKeys.id, name: apiKeys.name });
  if (!row) return fail('not_found', 'not_found');
  await recordAudit(tx, { ...ctx, now }, { action: 'api_key.revoked', entity_type: 'api_key', entity_id: row.id, before: { name: row.name } });
  return ok({ id: row.id });
}

/** Creates an organisation with `owner_user_id` as its `seller_owner`. Called by the onboarding flow. */
export async function createOrganisation(tx: Tx, ctx: Ctx, input: { name: string; owner_user_id: string }): Promise<{ id: string }> {
  const now = ctx.clock.now();
  const id = newId('org', now.getTime());
  await tx.insert(organisations).values({ id, name: input.name, kind: 'seller', created_at: now });
  await tx.insert(memberships).values({ org_id: id, user_id: input.owner_user_id, role: 'seller_owner', created_at: now });
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'organisation.created', entity_type: 'organisation', entity_id: id, org_id: id, after: { name: input.name, owner: input.owner_user_id } },
  );
  return { id };
}

export async function renameOrganisation(tx: Tx, ctx: Ctx, org_id: string, name: string): Promise<void> {
  const [before] = await tx.select().from(organisations).where(eq(organisations.id, org_id));
  if (!before || before.name === name) return;
  const now = ctx.clock.now();
  await tx.update(organisations).set({ name }).where(eq(organisations.id, org_id));
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'organisation.renamed', entity_type: 'organisation', entity_id: org_id, org_id, before: { name: before.name }, after: { name } },
  );
}

export interface MemberView {
  user_id: string;
  email: string;
  display_name: string;
  role: OrgRole;
  added_at: string;
}

/** The members of an organisation, for its own members and admins; to anyone else it does not exist. */
export async function listMembers(q: Queryable, ctx: Ctx, org_id: string): Promise<Result<MemberView[]>> {
  const actor = ctx.actor;
  const allowed = (actor.kind === 'user' || actor.kind === 'api_key') && (actor.roles.includes('admin') || actor.memberships.some((m) => m.org_id === org_id));
  if (!allowed) return fail('not_found', 'organisation_not_found');
  const rows = await q
    .select({ user_id: users.id, email: users.email, display_name: users.display_name, role: memberships.role, added_at: memberships.created_at })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.user_id))
    .where(eq(memberships.org_id, org_id))
    .orderBy(memberships.created_at);
  return ok(rows.map((r) => ({ ...r, added_at: r.added_at.toISOString() })));
}

/** Removes a staff member. Only the owner (or an admin) may, and an owner cannot be removed this way. */
export async function removeMember(tx: Tx, ctx: Ctx, input: { org_id: string; user_id: string }): Promise<Result<{ user_id: string }>> {
  const actor = ctx.actor;
  const is_admin = (actor.kind === 'user' || actor.kind === 'api_key') && actor.roles.includes('admin');
  const is_owner = (actor.kind === 'user' || actor.kind === 'api_key') && actor.memberships.some((m) => m.org_id === input.org_id && m.role === 'seller_owner');
  if (!(is_admin || is_owner)) return fail('not_found', 'organisation_not_found');
  const [removed] = await tx
    .delete(memberships)
    .where(and(eq(memberships.org_id, input.org_id), eq(memberships.user_id, input.user_id), eq(memberships.role, 'seller_staff')))
    .returning({ user_id: memberships.user_id, role: memberships.role });
  if (!removed) return fail('not_found', 'user_not_found');
  const now = ctx.clock.now();
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'membership.removed', entity_type: 'organisation', entity_id: input.org_id, org_id: input.org_id, before: removed },
  );
  return ok({ user_id: removed.user_id });
}

/** Adds an existing user to an organisation. Only the organisation's owner (or an admin) may. */
export async function addMember(tx: Tx, ctx: Ctx, input: { org_id: string; email: string; role: OrgRole }): Promise<Result<Membership & { user_id: string }>> {
  const actor = ctx.actor;
  const is_admin = (actor.kind === 'user' || actor.kind === 'api_key') && actor.roles.includes('admin');
  const is_owner = (actor.kind === 'user' || actor.kind === 'api_key') && actor.memberships.some((m) => m.org_id === input.org_id && m.role === 'seller_owner');
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.org_id));
  if (!org || !(actor.kind === 'system' || is_admin || is_owner)) return fail('not_found', 'organisation_not_found');
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(input.email)));
  if (!user) return fail('not_found', 'user_not_found', { errors: [{ path: 'email', code: 'user_not_found' }] });
  const now = ctx.clock.now();
  try {
    await tx.transaction(async (sp) => {
      await sp.insert(memberships).values({ org_id: org.id, user_id: user.id, role: input.role, created_at: now });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('conflict', 'member_exists');
    throw error;
  }
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'membership.added', entity_type: 'organisation', entity_id: org.id, org_id: org.id, after: { user_id: user.id, role: input.role } },
  );
  return ok({ org_id: org.id, user_id: user.id, role: input.role });
}

export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
