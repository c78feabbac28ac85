import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../db/deps.js';
import { fail } from '../../kernel/errors.js';
import { problemResponses, unwrap } from '../../kernel/http.js';
import { search } from './service.js';

const MAX_QUERY_CHARS = 200;
/** Hot queries are answered from memory for a few seconds: search may lag a listing change by that much. */
const CACHE_TTL_MS = 10_000;
const CACHE_ENTRIES = 2_000;

/** A small LRU of search answers, per process (Map keeps insertion order: the oldest entry goes first). */
class AnswerCache<T> {
  readonly #entries = new Map<string, { at: number; value: T }>();
  get(key: string, now: number): T | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    this.#entries.delete(key);
    if (now - hit.at > CACHE_TTL_MS) return undefined;
    this.#entries.set(key, hit);
    return hit.value;
  }
  set(key: string, value: T, now: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, value });
    if (this.#entries.size > CACHE_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
  }
}
const MAX_OFFSET = 1_000;
const DEFAULT_LOCALE = { TH: 'th', CN_CBEC: 'zh', INTL: 'en' } as const;

/** Control characters are removed, not refused: what remains is searched (an empty query browses). */
function cleanQuery(q: string): string {
  return q
    .replace(/\p{Cc}|\p{Cf}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const hit = z.object({
  product_id: z.string(),
  title: z.string(),
  title_all: z.object({ th: z.string(), zh: z.string().optional(), en: z.string().optional() }),
  price: z.object({ amount_minor: z.number().int(), currency: z.enum(['THB', 'CNY', 'USD']) }),
  seller: z.object({ id: z.string(), name: z.string(), province_code: z.string() }),
  category_code: z.string(),
  otop_stars: z.number().nullable(),
  certifications: z.array(z.string()),
  image_url: z.string().nullable(),
  highlight: z.object({ title: z.string(), ranges: z.array(z.tuple([z.number(), z.number()])) }),
});
const facet = z.array(z.object({ value: z.string(), count: z.number() }));
const answerSchema = z.object({
  total: z.number(),
  items: z.array(hit),
  /** The currency of every price here (and of price_min/price_max): the market's, or THB when no fresh rate is known. */
  currency: z.enum(['THB', 'CNY', 'USD']),
  facets: z.object({ category: facet, province: facet, otop_stars: facet, certification: facet, price: facet }),
  next_cursor: z.string().nullable(),
});

/** Prices in the market's currency: conversion both ways with the day's reference rate (given by the composition root). */
export interface ViewerCurrency {
  readonly currency: 'CNY' | 'USD';
  /** Names the rate (currency, day, value), so that answers cached under another rate are not reused. */
  readonly tag: string;
  readonly fromThb: (satang: number) => number;
  readonly toThb: (minor: number) => number;
}
export type CurrencyFor = (market: 'CN_CBEC' | 'INTL') => Promise<ViewerCurrency | undefined>;

/** Price facet buckets in each currency's minor units (upper bounds but the last). */
const PRICE_EDGES: Record<'THB' | 'CNY' | 'USD', readonly number[]> = {
  THB: [20_000, 50_000, 100_000, 250_000],
  CNY: [5_000, 10_000, 20_000, 50_000],
  USD: [1_000, 2_000, 5_000, 10_000],
};

/** A JSON string is sent as it is: Fastify serialises only objects. */
function sendJson(reply: FastifyReply, body: string) {
  return reply.type('application/json; charset=utf-8').send(body as unknown as z.infer<typeof answerSchema>);
}

export function searchRoutes(deps: RouteDeps, options: { currencyFor?: CurrencyFor } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    // Whole answers, serialised: a hit costs neither the database nor serialisation.
    const cache = new AnswerCache<string>();
    app.get(
      '/search',
      {
        // Public and uncached queries cost database time: bounded per address.
        config: { rateLimit: { max: deps.search_requests_per_minute, timeWindow: 60_000 } },
        schema: {
          tags: ['search'],
          summary: 'Search eligible, in-stock products in Thai, Chinese (also pinyin, traditional) or English, with facets (public)',
          querystring: z.strictObject({
            q: z.string().max(MAX_QUERY_CHARS).default(''),
            market: z.enum(['TH', 'CN_CBEC', 'INTL']).default('INTL'),
            locale: z.enum(['th', 'zh', 'en']).optional(),
            category: z.string().max(80).optional(),
            province: z.string().max(10).optional(),
            otop_stars_min: z.coerce.number().int().min(1).max(5).optional(),
            certification: z.string().max(40).optional(),
            price_min: z.coerce.number().int().min(0).optional(),
            price_max: z.coerce.number().int().min(0).optional(),
            cursor: z.string().max(20).optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: answerSchema,
            ...problemResponses(400),
          },
        },
      },
      async (req, reply) => {
        const query = req.query;
        const offset = query.cursor ? Number(Buffer.from(query.cursor, 'base64url').toString('utf8')) : 0;
        if (!Number.isSafeInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
          return unwrap(fail('invalid', 'validation_failed', { errors: [{ path: 'cursor', code: 'cursor_invalid' }] }));
        }
        const viewer = query.market === 'TH' ? undefined : await options.currencyFor?.(query.market);
        const currency: 'THB' | 'CNY' | 'USD' = viewer?.currency ?? 'THB';
        const toThb = viewer ? viewer.toThb : (n: number) => n;
        const edges = PRICE_EDGES[currency];
        const input = {
          q: cleanQuery(query.q),
          market: query.market,
          locale: query.locale ?? DEFAULT_LOCALE[query.market],
          category: query.category,
          province: query.province,
          otop_stars_min: query.otop_stars_min,
          certification: query.certification,
          price_min_thb_minor: query.price_min === undefined ? undefined : toThb(query.price_min),
          price_max_thb_minor: query.price_max === undefined ? undefined : toThb(query.price_max),
          price_edges_thb_minor: edges.map(toThb),
          offset,
          limit: query.limit,
        };
        const key = JSON.stringify([input, viewer?.tag ?? null]);
        const now = Date.now();
        const cached = cache.get(key, now);
        if (cached) return sendJson(reply, cached);
        const result = await search(deps.database.db, input);
        const next =
          offset + query.limit < result.total && offset + query.limit <= MAX_OFFSET ? Buffer.from(String(offset + query.limit)).toString('base64url') : null;
        const answer: z.infer<typeof answerSchema> = {
          total: result.total,
          currency,
          items: result.items.map(({ price_thb_minor, ...h }) => ({
            ...h,
            price: { amount_minor: viewer ? viewer.fromThb(price_thb_minor) : price_thb_minor, currency },
          })),
          facets: {
            ...result.facets,
            // Bucket i holds prices from edge i−1 (or 0) up to edge i, in the viewer's currency.
            price: result.facets.price
              .map(({ value, count }) => {
                const i = Number(value);
                return { value: `${i === 0 ? 0 : edges[i - 1]}-${edges[i] ?? ''}`, count, i };
              })
              .sort((a, b) => a.i - b.i)
              .map(({ value, count }) => ({ value, count })),
          },
          next_cursor: next,
        };
        const body = JSON.stringify(answer);
        cache.set(key, body, now);
        return sendJson(reply, body);
      },
    );
  };
}
