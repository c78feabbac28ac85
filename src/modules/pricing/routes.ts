import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../db/client.js';
import type { RouteDeps } from '../../db/deps.js';
import { localDate } from '../../kernel/clock.js';
import { fail, invalidFields, ok } from '../../kernel/errors.js';
import { problemResponses, schemas, send, unwrap } from '../../kernel/http.js';
import { LIMITS } from '../../kernel/limits.js';
import { parseFxCsv } from './fx-csv.js';
import { FX_CURRENCIES, latestRate, setRate } from './service.js';

const rateSchema = z.object({ currency: z.enum(FX_CURRENCIES), rate_date: z.string(), thb_per_unit: z.string(), source: z.string() }).meta({ id: 'FxRate' });

export function pricingRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    app.get(
      '/fx-rates',
      {
        schema: {
          tags: ['pricing'],
          summary: 'The reference rates in use today (THB per 1 unit), when not older than the allowed age',
          response: { 200: z.object({ items: z.array(rateSchema), next_cursor: z.null() }) },
        },
      },
      async (req) => {
        const today = localDate(req.ctx.clock.now(), 7);
        const items = [];
        for (const currency of FX_CURRENCIES) {
          const rate = await latestRate(db, currency, today, LIMITS.fx_rate_max_age_days);
          if (rate) items.push({ currency: rate.currency, rate_date: rate.rate_date, thb_per_unit: rate.thb_per_unit, source: rate.source });
        }
        return { items, next_cursor: null };
      },
    );
    app.post(
      '/fx-rates',
      {
        schema: {
          tags: ['pricing'],
          summary: 'Set a day’s reference rate (admin), e.g. from the Bank of Thailand',
          body: z.strictObject({
            currency: z.enum(FX_CURRENCIES),
            rate_date: z.iso.date(),
            thb_per_unit: z.string().trim().max(20),
            source: z.string().trim().min(1).max(200).default('admin'),
          }),
          response: { 201: rateSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 201, await inTransaction(db, (tx) => setRate(tx, req.ctx, req.body)));
      },
    );

    app.post(
      '/fx-rates/import',
      {
        schema: {
          tags: ['pricing'],
          summary: 'Import reference rates from a CSV (admin): date,currency,thb_per_unit or the Bank of Thailand’s period,currency_id,mid_rate',
          consumes: ['multipart/form-data'],
          body: z.strictObject({
            file: schemas.upload('import_file_required', 'the CSV file'),
            source: z.string().trim().min(1).max(200).default('Bank of Thailand'),
          }),
          response: { 201: z.object({ imported: z.number().int(), items: z.array(rateSchema) }), ...problemResponses(400, 401, 403, 413) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const { rows, errors } = parseFxCsv(req.body.file.toString('utf8'));
        if (errors.length > 0) return unwrap(invalidFields(errors));
        if (rows.length === 0) return unwrap(invalidFields([{ path: 'file', code: 'import_file_empty' }]));
        const saved = await inTransaction(db, async (tx) => {
          const items = [];
          for (const row of rows) {
            const r = await setRate(tx, req.ctx, { ...row, source: req.body.source });
            if (!r.ok) return r;
            items.push(r.value);
          }
          return ok({ imported: items.length, items });
        });
        return send(reply, 201, saved);
      },
    );
  };
}
