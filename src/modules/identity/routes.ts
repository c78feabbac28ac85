import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../db/client.js';
import type { RouteDeps } from '../../db/deps.js';
import { ORG_ROLES } from '../../kernel/context.js';
import { fail } from '../../kernel/errors.js';
import { problemResponses, schemas, send, unwrap } from '../../kernel/http.js';
import { LOCALES } from '../../kernel/i18n.js';
import { LIMITS } from '../../kernel/limits.js';
import * as buyers from './buyer-identities.js';
import * as identity from './service.js';

export const SESSION_COOKIE = 'saphan_session';

const email = z.email().max(LIMITS.email_chars);
const password = z.string().min(LIMITS.password_min_chars).max(LIMITS.password_max_chars);

const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    display_name: z.string(),
    locale: z.enum(LOCALES),
    roles: z.array(z.string()),
    memberships: z.array(z.object({ org_id: z.string(), org_name: z.string(), role: z.enum(ORG_ROLES) })),
    created_at: z.string(),
  })
  .meta({ id: 'User' });

export function identityRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    const rateLimit = { max: deps.auth.requests_per_minute, timeWindow: 60_000 };
    // Signing in and asking for a reset are not creations: no Idempotency-Key replay of tokens, no CSRF (no session yet).
    const authLimit = { rateLimit, csrf: false, idempotency: false };

    app.post(
      '/auth/register',
      {
        config: { rateLimit, csrf: false },
        schema: {
          tags: ['identity'],
          summary: 'Register a user (role buyer)',
          body: z.strictObject({
            email,
            password,
            display_name: schemas.shortText(),
            locale: z.enum(LOCALES).default('th'),
          }),
          response: { 201: userSchema, ...problemResponses(400, 409, 422, 429) },
        },
      },
      async (req, reply) => {
        const { password, ...rest } = req.body;
        const password_hash = await identity.hashPassword(password);
        return send(reply, 201, await inTransaction(db, (tx) => identity.createUser(tx, req.ctx, { ...rest, password_hash })));
      },
    );

    app.post(
      '/auth/login',
      {
        config: authLimit,
        schema: {
          tags: ['identity'],
          summary: 'Sign in; sets the session cookie and returns a bearer token',
          body: z.strictObject({ email: z.string().max(LIMITS.email_chars), password: z.string().max(LIMITS.password_max_chars) }),
          response: {
            200: z.object({ token: z.string(), csrf_token: z.string(), expires_at: z.string(), user: userSchema }),
            ...problemResponses(400, 401, 429),
          },
        },
      },
      async (req, reply) => {
        const started = performance.now();
        const outcome = await identity.login(db, req.ctx, { ...req.body, address: req.ip });
        if (outcome.outcome !== 'ok') {
          // Every failure answers after the same floor, whatever failed (unknown email, wrong password, throttled).
          const wait_ms = deps.auth.login_failure_floor_ms - (performance.now() - started);
          if (wait_ms > 0) await sleep(wait_ms);
          return unwrap(
            fail(
              outcome.outcome === 'throttled' ? 'too_many_requests' : 'unauthorized',
              outcome.outcome === 'throttled' ? 'too_many_attempts' : 'invalid_credentials',
            ),
          );
        }
        reply.setCookie(SESSION_COOKIE, outcome.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.auth.secure_cookies,
          expires: outcome.expires_at,
        });
        return { token: outcome.token, csrf_token: outcome.csrf_token, expires_at: outcome.expires_at.toISOString(), user: outcome.user };
      },
    );

    app.post(
      '/auth/logout',
      { config: { idempotency: false }, schema: { tags: ['identity'], summary: 'End the current session', response: { 204: z.null() } } },
      async (req, reply) => {
        if (req.session_token) {
          const token = req.session_token;
          await db.transaction((tx) => identity.logout(tx, req.ctx, token));
        }
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        reply.status(204);
        return null;
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: authLimit,
        schema: {
          tags: ['identity'],
          summary: 'Mail a password-reset link (the same answer whether or not the email is known)',
          body: z.strictObject({ email: z.string().max(LIMITS.email_chars) }),
          response: { 202: z.object({ status: z.literal('sent_if_registered') }) },
        },
      },
      async (req, reply) => {
        const started = performance.now();
        const mail = await db.transaction((tx) => identity.requestPasswordReset(tx, req.ctx, { email: req.body.email, base_url: deps.public_base_url }));
        if (mail) await deps.mailer.send(mail);
        // Known and unknown emails answer after the same floor, so the delay does not tell which is registered.
        const wait_ms = deps.auth.login_failure_floor_ms - (performance.now() - started);
        if (wait_ms > 0) await sleep(wait_ms);
        reply.status(202);
        return { status: 'sent_if_registered' as const };
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: authLimit,
        schema: {
          tags: ['identity'],
          summary: 'Choose a new password with the token from the mail; ends all sessions',
          body: z.strictObject({ token: z.string().min(1).max(200), password }),
          response: { 200: z.object({ status: z.literal('password_changed') }), ...problemResponses(400) },
        },
      },
      async (req, reply) => {
        const password_hash = await identity.hashPassword(req.body.password);
        send(reply, 200, await inTransaction(db, (tx) => identity.confirmPasswordReset(tx, req.ctx, { token: req.body.token, password_hash })));
        return { status: 'password_changed' as const };
      },
    );

    app.get(
      '/me',
      {
        schema: {
          tags: ['identity'],
          summary: 'The signed-in user, organisations and roles',
          response: { 200: userSchema.extend({ csrf_token: z.string().nullable() }), ...problemResponses(401) },
        },
      },
      async (req) => {
        const me = unwrap(await identity.getMe(db, req.ctx));
        return { ...me, csrf_token: req.auth_via === 'cookie' ? (req.csrf_token ?? null) : null };
      },
    );

    app.patch(
      '/me',
      {
        schema: {
          tags: ['identity'],
          summary: 'Change display name or saved language',
          body: z.strictObject({ locale: z.enum(LOCALES).optional(), display_name: schemas.shortText().optional() }),
          response: { 200: userSchema, ...problemResponses(400, 401) },
        },
      },
      async (req, reply) => send(reply, 200, await inTransaction(db, (tx) => identity.updateMe(tx, req.ctx, req.body))),
    );

    app.post(
      '/api-keys',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create an API key for integrations (shown once, stored hashed)',
          body: z.strictObject({ name: schemas.shortText(100) }),
          response: {
            201: z.object({ id: z.string(), name: z.string(), prefix: z.string(), key: z.string(), created_at: z.string() }),
            ...problemResponses(400, 401, 403, 409),
          },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 201, await inTransaction(db, (tx) => identity.createApiKey(tx, req.ctx, req.body)));
      },
    );

    app.get(
      '/api-keys',
      {
        schema: {
          tags: ['identity'],
          summary: 'My API keys (without the secret)',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string(), created_at: z.string() })),
              next_cursor: z.null(),
            }),
          },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return { items: await identity.listApiKeys(db, req.ctx), next_cursor: null };
      },
    );

    app.delete(
      '/api-keys/:id',
      {
        schema: {
          tags: ['identity'],
          summary: 'Revoke one of my API keys',
          params: z.object({ id: z.string().max(40) }),
          response: { 204: z.null(), ...problemResponses(401, 404) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        send(reply, 204, await inTransaction(db, (tx) => identity.revokeApiKey(tx, req.ctx, req.params.id)));
        return null;
      },
    );

    const memberSchema = z.object({ user_id: z.string(), email: z.string(), display_name: z.string(), role: z.enum(ORG_ROLES), added_at: z.string() });

    app.get(
      '/organisations/:id/members',
      {
        schema: {
          tags: ['identity'],
          summary: 'Members of a seller organisation (its members and admins)',
          params: z.object({ id: z.string().max(40) }),
          response: { 200: z.object({ items: z.array(memberSchema), next_cursor: z.null() }), ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return { items: unwrap(await identity.listMembers(db, req.ctx, req.params.id)), next_cursor: null };
      },
    );

    app.delete(
      '/organisations/:id/members/:user_id',
      {
        schema: {
          tags: ['identity'],
          summary: 'Remove a staff member (owner or admin)',
          params: z.object({ id: z.string().max(40), user_id: z.string().max(40) }),
          response: { 204: z.null(), ...problemResponses(401, 404) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        send(reply, 204, await inTransaction(db, (tx) => identity.removeMember(tx, req.ctx, { org_id: req.params.id, user_id: req.params.user_id })));
        return null;
      },
    );

    app.post(
      '/organisations/:id/members',
      {
        schema: {
          tags: ['identity'],
          summary: 'Add a registered user to a seller organisation (owner or admin)',
          params: z.object({ id: z.string().max(40) }),
          body: z.strictObject({ email: z.string().max(LIMITS.email_chars), role: z.enum(ORG_ROLES) }),
          response: { 201: z.object({ org_id: z.string(), user_id: z.string(), role: z.enum(ORG_ROLES) }), ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 201, await inTransaction(db, (tx) => identity.addMember(tx, req.ctx, { org_id: req.params.id, ...req.body })));
      },
    );

    const buyerIdentity = z
      .object({
        id: z.string(),
        id_type: z.enum(['cn_resident_id', 'passport']),
        full_name: z.string(),
        id_number: z.string(),
        phone: z.string(),
        created_at: z.string(),
      })
      .meta({ id: 'BuyerIdentity' });

    app.post(
      '/buyer-identities',
      {
        schema: {
          tags: ['identity'],
          summary: 'Record a buyer identity for customs (real name, resident ID or passport, phone); encrypted at rest, answered masked',
          body: z.strictObject({
            full_name: schemas.shortText(100),
            id_type: z.enum(['cn_resident_id', 'passport']),
            id_number: z.string().trim().min(1).max(40),
            phone: z.string().trim().min(1).max(30),
          }),
          response: { 201: buyerIdentity, ...problemResponses(400, 401) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 201, await inTransaction(db, (tx) => buyers.createBuyerIdentity(tx, req.ctx, req.body)));
      },
    );

    app.get(
      '/buyer-identities',
      {
        schema: {
          tags: ['identity'],
          summary: 'The caller’s buyer identities, masked',
          response: { 200: z.object({ items: z.array(buyerIdentity), next_cursor: z.null() }), ...problemResponses(401) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return { items: await buyers.listBuyerIdentities(db, req.ctx), next_cursor: null };
      },
    );

    app.get(
      '/buyer-identities/:id',
      {
        schema: {
          tags: ['identity'],
          summary: 'One of the caller’s buyer identities, masked',
          params: z.object({ id: z.string().max(40) }),
          response: { 200: buyerIdentity, ...problemResponses(401, 404) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 200, await buyers.getBuyerIdentity(db, req.ctx, req.params.id));
      },
    );
  };
}
