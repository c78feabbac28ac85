import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, type Tx } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import type { Ctx } from '../kernel/context.js';
import { fail, invalidFields, type Result } from '../kernel/errors.js';
import { problemResponses, send, unwrap } from '../kernel/http.js';
import { fieldErrorsFromIssues, renderFieldErrors } from '../kernel/validation.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as identity from '../modules/identity/index.js';
import * as sellers from '../modules/sellers/index.js';
import { reindexProduct } from './index-product.js';

export interface OnboardInput extends sellers.SellerInput {
  readonly channel: 'web' | 'api' | 'cli';
  /** The user who will own the new seller organisation. */
  readonly owner_user_id: string;
}

/**
 * A seller application: a new seller organisation (identity) with the caller as `seller_owner`,
 * and the seller in `draft` (sellers), in one transaction. Validation runs first, so a bad
 * application creates no organisation.
 */
export async function onboardSeller(tx: Tx, ctx: Ctx, input: OnboardInput): Promise<Result<sellers.SellerView>> {
  const { errors } = sellers.validateSellerFields(input, 'create');
  if (errors.length > 0) return invalidFields(errors);
  const org = await identity.createOrganisation(tx, ctx, { name: input.legal_name_th.trim(), owner_user_id: input.owner_user_id });
  return sellers.createSeller(tx, ctx, { ...input, org_id: org.id });
}

/** Edits an application; the organisation keeps the seller's Thai legal name, so a rename renames it too. */
export async function editSellerApplication(tx: Tx, ctx: Ctx, id: string, patch: sellers.SellerPatch): Promise<Result<sellers.SellerView>> {
  const updated = await sellers.updateSeller(tx, ctx, id, patch);
  if (updated.ok && patch.legal_name_th !== undefined) await identity.renameOrganisation(tx, ctx, updated.value.org_id, updated.value.legal_name_th);
  return updated;
}

/**
 * A seller's review changes whether its products may be sold: every product's eligibility and search
 * document is refreshed in the same transaction.
 */
export async function moveSeller(tx: Tx, ctx: Ctx, id: string, input: sellers.TransitionInput): Promise<Result<sellers.SellerView>> {
  const moved = await sellers.transitionSeller(tx, ctx, id, input);
  if (!moved.ok) return moved;
  const now = ctx.clock.now();
  for (const product_id of await catalogue.productIdsOfSeller(tx, id)) await reindexProduct(tx, now, product_id);
  return moved;
}

export function onboardingRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    app.post(
      '/sellers',
      {
        schema: {
          tags: ['sellers'],
          summary: 'Apply as a seller: creates a seller organisation with the caller as seller_owner, status draft',
          body: sellers.sellerInputSchema,
          response: { 201: sellers.sellerSchema, ...problemResponses(400, 401, 409, 422) },
        },
      },
      async (req, reply) => {
        const actor = req.actor;
        if (actor.kind !== 'user' && actor.kind !== 'api_key') return unwrap(fail('unauthorized', 'authentication_required'));
        const input = { ...req.body, channel: req.auth_via === 'cookie' ? ('web' as const) : ('api' as const), owner_user_id: actor.user_id };
        return send(reply, 201, await inTransaction(db, (tx) => onboardSeller(tx, req.ctx, input)));
      },
    );

    const transition = (action: 'submit' | 'verify') =>
      app.post(
        `/sellers/:id/${action}`,
        {
          schema: {
            tags: ['sellers'],
            summary: action === 'submit' ? 'Submit for verification (owner)' : 'Verify a submitted seller (compliance officer)',
            params: z.object({ id: z.string().max(40) }),
            body: z.strictObject({}).nullish(),
            response: { 200: sellers.sellerSchema, ...problemResponses(401, 403, 404, 409) },
          },
        },
        async (req, reply) => {
          if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
          return send(reply, 200, await inTransaction(db, (tx) => moveSeller(tx, req.ctx, req.params.id, { action })));
        },
      );
    transition('submit');
    transition('verify');

    app.post(
      '/sellers/:id/reject',
      {
        schema: {
          tags: ['sellers'],
          summary: 'Reject a submitted seller with a reason (compliance officer)',
          params: z.object({ id: z.string().max(40) }),
          body: sellers.rejectSchema,
          response: { 200: sellers.sellerSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const input = { action: 'reject' as const, reason_code: req.body.reason_code, note: req.body.reason };
        return send(reply, 200, await inTransaction(db, (tx) => moveSeller(tx, req.ctx, req.params.id, input)));
      },
    );

    app.patch(
      '/sellers/:id',
      {
        schema: {
          tags: ['sellers'],
          summary: 'Edit an application while draft or rejected',
          params: z.object({ id: z.string().max(40) }),
          body: sellers.sellerPatchSchema,
          response: { 200: sellers.sellerSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 200, await inTransaction(db, (tx) => editSellerApplication(tx, req.ctx, req.params.id, req.body)));
      },
    );

    app.post(
      '/sellers/validate',
      {
        config: { idempotency: false },
        schema: {
          tags: ['sellers'],
          summary: 'Check an application as it is typed: field errors in the caller’s language, nothing saved',
          body: z.record(z.string(), z.unknown()),
          response: { 200: z.object({ valid: z.boolean(), errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })) }) },
        },
      },
      async (req) => {
        const parsed = sellers.sellerInputSchema.partial().safeParse(req.body, { reportInput: true });
        const shape = parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
        const domain = parsed.success ? sellers.validateSellerFields(parsed.data, 'patch').errors : [];
        const errors = [...shape, ...domain];
        return { valid: errors.length === 0, errors: renderFieldErrors(errors, req.locale) };
      },
    );
  };
}
