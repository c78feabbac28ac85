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
          summary:
            'Proof of the books (admin): per currency, posted debits and credits with net zero (api.md), the escrow still held and every cached balance equals the one rebuilt from the transfers',
          response: {
            200: z.object({
              balanced: z.boolean(),
              currencies: z.array(
                z.object({
                  currency: z.enum(['THB', 'CNY', 'USD']),
                  debits: z.object({ amount_minor: z.number().int(), currency: z.enum(['THB', 'CNY', 'USD']) }),
                  credits: z.object({ amount_minor: z.number().int(), currency: z.enum(['THB', 'CNY', 'USD']) }),
                  net: z.object({ amount_minor: z.number().int(), currency: z.enum(['THB', 'CNY', 'USD']) }),
                  /** Still held in escrow (pending transfers), per currency; it too sums to zero. */
                  pending_net: z.object({ amount_minor: z.number().int(), currency: z.enum(['THB', 'CNY', 'USD']) }),
                  posted_net_minor: z.string(),
                  pending_net_minor: z.string(),
                }),
              ),
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
            debits: { amount_minor: Number(c.debits_minor), currency: c.currency },
            credits: { amount_minor: Number(c.credits_minor), currency: c.currency },
            net: { amount_minor: Number(c.posted_net_minor), currency: c.currency },
            pending_net: { amount_minor: Number(c.pending_net_minor), currency: c.currency },
            posted_net_minor: String(c.posted_net_minor),
            pending_net_minor: String(c.pending_net_minor),
          })),
          mismatched_accounts: trial.mismatched_accounts,
        };
      },
    );
  };
}
