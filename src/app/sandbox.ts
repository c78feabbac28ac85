import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../db/deps.js';
import { mailOutbox } from '../db/schema.js';
import { problemOf, sendProblem } from './problem.js';

/** Sandbox-only views: the local mail outbox (password-reset links land here instead of an inbox). */
export function sandboxRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sandbox/mail',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Mails sent in sandbox mode, newest first (sandbox only)',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), at: z.string(), to: z.string(), subject: z.string(), text: z.string() })),
              next_cursor: z.null(),
            }),
          },
        },
      },
      async (request, reply) => {
        // Reset links are live credentials: the outbox answers only on this machine, never through a network.
        if (!isLoopback(request.ip)) return sendProblem(reply, problemOf({ kind: 'not_found', code: 'route_not_found' }, request.locale, request.id));
        const rows = await deps.database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(50);
        return { items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), to: r.to_address, subject: r.subject, text: r.body_text })), next_cursor: null };
      },
    );
  };
}

export function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}
