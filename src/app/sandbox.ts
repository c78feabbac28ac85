import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../db/deps.js';
import { mailOutbox } from '../db/schema.js';

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
      async () => {
        const rows = await deps.database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(50);
        return { items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), to: r.to_address, subject: r.subject, text: r.body_text })), next_cursor: null };
      },
    );
  };
}
