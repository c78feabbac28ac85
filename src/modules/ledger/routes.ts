import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../db/deps.js';
import { hasRole } from '../../kernel/context.js';
import { fail } from '../../kernel/errors.js';
import { problemResponses, unwrap } from '../../kernel/http.js';
import { trialBalance } from './service.js';

export function ledgerRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/ledger/trial-balance',
      {
        schema: {
          tags: ['ledger'],
          summary: 'Proof of the books (admin): each currency sums to zero and every cached balance equals the one rebuilt from the transfers',
          response: {
            200: z.object({
              balanced: z.boolean(),
              currencies: z.array(z.object({ currency: z.string(), posted_net_minor: z.string(), pending_net_minor: z.string() })),
              mismatched_accounts: z.array(z.string()),
            }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        if (!hasRole(req.actor, 'admin')) return unwrap(fail('forbidden', 'forbidden'));
        const trial = await trialBalance(deps.database.db);
        return {
          balanced: trial.balanced,
          currencies: trial.currencies.map((c) => ({
            currency: c.currency,
            posted_net_minor: String(c.posted_net_minor),
            pending_net_minor: String(c.pending_net_minor),
          })),
          mismatched_accounts: trial.mismatched_accounts,
        };
      },
    );
  };
}
