import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pino from 'pino';
import type { z } from 'zod';
import type { Database } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { buyerIdentityRightsRoutes } from '../flows/buyer-identity.js';
import { catalogueRoutes } from '../flows/catalogue.js';
import { checkoutRoutes } from '../flows/checkout-routes.js';
import { type CustomsEnv, declareShipped, sandboxCustomsEnv } from '../flows/customs.js';
import { customsRoutes } from '../flows/customs-routes.js';
import { fulfilmentRoutes } from '../flows/fulfilment-routes.js';
import { importRoutes, PRODUCT_IMPORT, runProductImport } from '../flows/import-products.js';
import { onboardingRoutes } from '../flows/onboard-seller.js';
import { expireUnpaid } from '../flows/payments.js';
import { autoConfirm, DEFAULT_POLICY, matureReleases, processRun, resumePayoutRuns, type SettlementPolicy } from '../flows/settle.js';
import { settleRoutes } from '../flows/settle-routes.js';
import { stockRoutes } from '../flows/stock.js';
import type { BlobStore } from '../kernel/blobs.js';
import { type Clock, localDate } from '../kernel/clock.js';
import { constantTimeEqual, createPiiCipher, type KeyRing, sha256 } from '../kernel/crypto.js';
import { negotiateLocale } from '../kernel/i18n.js';
import { newId } from '../kernel/ids.js';
import { LIMITS } from '../kernel/limits.js';
import type { Mailer } from '../kernel/mail.js';
import { identityRoutes, resolveCredential, SESSION_COOKIE } from '../modules/identity/index.js';
import { ledgerRoutes } from '../modules/ledger/index.js';
import * as payments from '../modules/payments/index.js';
import * as pricing from '../modules/pricing/index.js';
import { searchRoutes, type ViewerCurrency } from '../modules/search/index.js';
import { sellerRoutes } from '../modules/sellers/index.js';
import { registerIdempotency } from './idempotency.js';
import { JobRunner } from './jobs.js';
import { registerMetrics } from './metrics.js';
import { problemOf, sendProblem, toProblem } from './problem.js';
import { sandboxRoutes } from './sandbox.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** What /readyz reports: migrations, seeding and projections finished. */
export interface Readiness {
  migrated: boolean;
  seeded: boolean;
}

export interface ServerOptions {
  readonly database: Database;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly pii_key: string;
  /** Older PII keys and the blind-index key (rotation). */
  readonly pii_ring?: KeyRing;
  readonly public_base_url: string;
  readonly sandbox: boolean;
  readonly production: boolean;
  readonly readiness: Readiness;
  readonly logger?: FastifyBaseLogger;
  /** Fastify trustProxy: which proxies' X-Forwarded-For names the client (login throttling and rate limits key on it). */
  readonly trust_proxy?: boolean | number | string;
  readonly auth_requests_per_minute?: number;
  readonly search_requests_per_minute?: number;
  readonly login_failure_floor_ms?: number;
  /** Serve the built web app when present (off in API tests). */
  readonly serve_web?: boolean;
  /** Uploaded files: local disk under DATA_DIR by default, an S3-compatible store in production. */
  readonly blobs: BlobStore;
  /** Run background jobs in this process (default on): imports, and cancelling checkouts left unpaid. */
  readonly run_jobs?: boolean;
  /** Signs partner callbacks (webhook keys are derived from it); defaults to one derived from the PII key. */
  readonly secret?: string;
  /** The platform's PromptPay biller ID (tax ID + 2-digit suffix). */
  readonly promptpay_biller_id?: string;
  /** Days to auto-confirm, holding period, payout minimum, default commission (defaults: LIMITS). */
  readonly settlement_policy?: SettlementPolicy;
  /** Customs agent, partner filings and the e-Port card (default: the sandbox ones). */
  readonly customs?: CustomsEnv;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The background jobs this process runs (imports). */
    jobs: JobRunner;
  }
  interface FastifyRequest {
    /** The name the uploaded file had on the caller's computer (shown back in the import list). */
    upload_file_name?: string;
  }
}

/** Request validation with zod: issues keep their raw form so the error handler can render them in the caller's language. */
function validatorCompiler({ schema }: { schema: unknown }) {
  const zodSchema = schema as z.ZodType;
  return (data: unknown) => {
    const result = zodSchema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: Object.assign(new Error('validation failed'), { validation: result.error.issues }) };
  };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger ?? pino({ enabled: false }),
    bodyLimit: LIMITS.body_bytes,
    // A caller's x-request-id is kept only when it is a plain token, so that nothing can be injected into logs or the audit log.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId('aud').replace('aud_', 'req_');
    },
    // Fastify also accepts a hop count here at run time; its type declaration lists only the other forms.
    trustProxy: (options.trust_proxy ?? false) as boolean | string,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const pii = createPiiCipher(options.pii_key, options.pii_ring);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: options.production,
  });
  await app.register(fastifyCookie);
  // Uploads are read whole into the body (bounded by the import limit), so that they are validated and
  // hashed for Idempotency-Key like any JSON body.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: LIMITS.import_file_bytes, files: 1, fields: 8, fieldSize: 4_096, parts: 10 },
    async onFile(part) {
      this.upload_file_name = part.filename.slice(0, 200);
      (part as unknown as { value: Buffer }).value = await part.toBuffer();
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (request, context) =>
      Object.assign(new Error('rate limited'), { statusCode: 429, retry_after_ms: context.ttl, locale: request.locale }),
  });

  // Who is calling, and in which language, before anything else runs.
  app.decorateRequest('ctx');
  app.decorateRequest('actor');
  app.decorateRequest('locale');
  app.decorateRequest('auth_via');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    request.actor = { kind: 'anonymous' };
    request.auth_via = 'none';
    const authorization = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];
    const now = options.clock.now();
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const resolved = match?.[1] ? await resolveCredential(options.database.db, now, match[1]) : undefined;
      if (!resolved) return sendProblem(reply, problemOf({ kind: 'unauthorized', code: 'authentication_required' }, request.locale, request.id));
      request.actor = resolved.actor;
      request.auth_via = 'bearer';
      if (resolved.csrf_token && match?.[1] && !match[1].startsWith('sk_')) request.session_token = match[1];
      if (!request.headers['accept-language']) request.locale = resolved.locale;
    } else if (cookie) {
      const resolved = await resolveCredential(options.database.db, now, cookie);
      if (resolved?.csrf_token) {
        request.actor = resolved.actor;
        request.auth_via = 'cookie';
        request.session_token = cookie;
        request.csrf_token = resolved.csrf_token;
        if (!request.headers['accept-language']) request.locale = resolved.locale;
      }
    }
    request.ctx = { actor: request.actor, locale: request.locale, clock: options.clock, request_id: request.id, pii };
  });
  // Cookie-authenticated writes must echo the session's CSRF token (a bearer token cannot be sent by another site).
  app.addHook('preValidation', async (request, reply) => {
    if (request.auth_via !== 'cookie' || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (request.routeOptions.config.csrf === false) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !request.csrf_token || !constantTimeEqual(sent, request.csrf_token)) {
      return sendProblem(reply, problemOf({ kind: 'forbidden', code: 'csrf_token_invalid' }, request.locale, request.id));
    }
  });
  registerIdempotency(app, options.database, options.clock, pii);
  registerMetrics(app);
  // The request id travels back, so that a user's report can be matched with the logs.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error as Error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Saphan API',
        version: '1.0.0',
        description: 'Cross-border trade for Thai SMEs and OTOP producers. Errors are RFC 9457 problems in the caller’s language (Accept-Language th, zh, en).',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A login token or an API key (sk_…)' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });

  const deps: RouteDeps = {
    database: options.database,
    mailer: options.mailer,
    blobs: options.blobs,
    public_base_url: options.public_base_url,
    search_requests_per_minute: options.search_requests_per_minute ?? LIMITS.search_requests_per_minute,
    auth: {
      requests_per_minute: options.auth_requests_per_minute ?? LIMITS.auth_requests_per_minute,
      login_failure_floor_ms: options.login_failure_floor_ms ?? LIMITS.login_failure_floor_ms,
      secure_cookies: options.production,
    },
  };
  const import_env = { database: options.database, blobs: options.blobs, clock: options.clock, pii };
  const runner = new JobRunner(options.database, options.clock, { [PRODUCT_IMPORT]: (job, signal) => runProductImport(import_env, job, signal) }, app.log);
  app.decorate('jobs', runner);
  if (options.run_jobs !== false)
    app.addHook('onReady', async () => void runner.resume().catch((err: unknown) => app.log.error({ err }, 'resuming jobs failed')));
  app.addHook('onClose', async () => runner.stop());
  const webhook_secret = options.secret ?? sha256(`webhooks:${options.pii_key}`);
  const policy = options.settlement_policy ?? DEFAULT_POLICY;
  const customs_env: CustomsEnv = options.customs ?? sandboxCustomsEnv();
  // One payout run is worked on at a time per process; a second kick while it runs is a no-op.
  const running_payouts = new Set<string>();
  const runPayouts = (run_id: string): Promise<void> => {
    if (running_payouts.has(run_id) || options.run_jobs === false) return Promise.resolve();
    running_payouts.add(run_id);
    const ctx = { actor: { kind: 'system' as const, reason: 'payout run' }, locale: 'en' as const, clock: options.clock, pii };
    return processRun(options.database, ctx, run_id)
      .then(() => undefined)
      .catch((err: unknown) => app.log.error({ err, run_id }, 'payout run stopped'))
      .finally(() => running_payouts.delete(run_id));
  };
  // Checkouts left unpaid past their reservation are cancelled and their stock released.
  if (options.run_jobs !== false) {
    const system_ctx = () => ({ actor: { kind: 'system' as const, reason: 'reservation expiry' }, locale: 'en' as const, clock: options.clock, pii });
    let sweeping = false;
    const sweep = async () => {
      if (sweeping) return;
      sweeping = true;
      try {
        await expireUnpaid(options.database, system_ctx());
      } catch (err) {
        app.log.error({ err }, 'expiring unpaid checkouts failed');
      } finally {
        sweeping = false;
      }
    };
    const timer = setInterval(() => void sweep(), LIMITS.expiry_sweep_ms);
    timer.unref();
    app.addHook('onReady', async () => void sweep());
    app.addHook('onClose', async () => clearInterval(timer));
    // Settlement: delivered orders confirm themselves after the configured days, released money becomes
    // available after its holding period, shipped CBEC orders without a declaration are declared, and a
    // payout run a stopped process left half-way is finished.
    let settling = false;
    const settle_ctx = () => ({ actor: { kind: 'system' as const, reason: 'settlement' }, locale: 'en' as const, clock: options.clock, pii });
    const settleSweep = async () => {
      if (settling) return;
      settling = true;
      try {
        await declareShipped(options.database, settle_ctx(), customs_env);
        await autoConfirm(options.database, settle_ctx(), policy);
        await matureReleases(options.database, settle_ctx());
        await resumePayoutRuns(options.database, settle_ctx(), runPayouts);
      } catch (err) {
        app.log.error({ err }, 'settlement sweep failed');
      } finally {
        settling = false;
      }
    };
    const settle_timer = setInterval(() => void settleSweep(), LIMITS.settlement_sweep_ms);
    settle_timer.unref();
    app.addHook('onReady', async () => void settleSweep());
    app.addHook('onClose', async () => clearInterval(settle_timer));
  }
  await app.register(
    async (api) => {
      await api.register(identityRoutes(deps));
      await api.register(sellerRoutes(deps));
      await api.register(onboardingRoutes(deps));
      await api.register(catalogueRoutes(deps));
      await api.register(stockRoutes(deps));
      await api.register(importRoutes({ ...deps, env: import_env, kickJob: (id) => (options.run_jobs !== false ? runner.kick(id) : undefined) }));
      await api.register(searchRoutes(deps, { currencyFor: (market) => viewerCurrency(options.database, options.clock, market) }));
      await api.register(pricing.pricingRoutes(deps));
      await api.register(ledgerRoutes(deps));
      await api.register(buyerIdentityRightsRoutes(deps));
      await api.register(
        checkoutRoutes({
          ...deps,
          webhook_secret,
          env: {
            providers: payments.providers({ promptpay_biller_id: options.promptpay_biller_id ?? payments.SANDBOX_BILLER_ID }),
            // The sandbox partners' pages are the web app's own (/pay/wallet/…): links stay relative.
            public_base_url: '',
          },
        }),
      );
      await api.register(fulfilmentRoutes({ ...deps, webhook_secret, customs: customs_env }));
      await api.register(customsRoutes({ ...deps, webhook_secret, customs: customs_env }));
      await api.register(settleRoutes({ ...deps, policy, kickPayoutRun: (run_id) => void runPayouts(run_id) }));
      if (options.sandbox) await api.register(sandboxRoutes({ ...deps, webhook_secret }));
    },
    { prefix: '/api/v1' },
  );

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const database_ok = await options.database.ping().catch(() => false);
    const ready = options.readiness.migrated && options.readiness.seeded && database_ok;
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'starting', migrated: options.readiness.migrated, seeded: options.readiness.seeded, database: database_ok };
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const web = options.serve_web !== false && existsSync(path.join(WEB_DIST, 'index.html'));
  if (web) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const wants_page = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (web && wants_page) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, problemOf({ kind: 'not_found', code: 'route_not_found' }, request.locale ?? 'en', request.id));
  });
  return app;
}

/** Search shows prices in the market's currency at the latest reference rate (kept a minute per process). */
const rate_cache = new WeakMap<Database, Map<string, { at: number; value: ViewerCurrency | undefined }>>();
async function viewerCurrency(database: Database, clock: Clock, market: 'CN_CBEC' | 'INTL'): Promise<ViewerCurrency | undefined> {
  const currency: 'CNY' | 'USD' = market === 'CN_CBEC' ? 'CNY' : 'USD';
  const now = clock.now();
  const per_database = rate_cache.get(database) ?? new Map<string, { at: number; value: ViewerCurrency | undefined }>();
  rate_cache.set(database, per_database);
  const cached = per_database.get(currency);
  if (cached && now.getTime() - cached.at < 60_000) return cached.value;
  const today = localDate(now, 7);
  const found = await pricing.latestRate(database.db, currency, today, LIMITS.fx_rate_max_age_days);
  const value = found
    ? {
        currency,
        tag: `${currency}:${found.rate_date}:${found.thb_per_unit}`,
        fromThb: (satang: number) => Number(pricing.fromThb(BigInt(satang), found.rate)),
        toThb: (minor: number) => Number(pricing.toThb(BigInt(minor), found.rate)),
      }
    : undefined;
  per_database.set(currency, { at: now.getTime(), value });
  return value;
}
