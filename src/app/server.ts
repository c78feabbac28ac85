import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
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
import { catalogueRoutes } from '../flows/catalogue.js';
import { onboardingRoutes } from '../flows/onboard-seller.js';
import { stockRoutes } from '../flows/stock.js';
import type { Clock } from '../kernel/clock.js';
import { constantTimeEqual, createPiiCipher } from '../kernel/crypto.js';
import { negotiateLocale } from '../kernel/i18n.js';
import { newId } from '../kernel/ids.js';
import { LIMITS } from '../kernel/limits.js';
import type { Mailer } from '../kernel/mail.js';
import { identityRoutes, resolveCredential, SESSION_COOKIE } from '../modules/identity/index.js';
import { searchRoutes } from '../modules/search/index.js';
import { sellerRoutes } from '../modules/sellers/index.js';
import { registerIdempotency } from './idempotency.js';
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
  const pii = createPiiCipher(options.pii_key);

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
    public_base_url: options.public_base_url,
    search_requests_per_minute: options.search_requests_per_minute ?? LIMITS.search_requests_per_minute,
    auth: {
      requests_per_minute: options.auth_requests_per_minute ?? LIMITS.auth_requests_per_minute,
      login_failure_floor_ms: options.login_failure_floor_ms ?? LIMITS.login_failure_floor_ms,
      secure_cookies: options.production,
    },
  };
  await app.register(
    async (api) => {
      await api.register(identityRoutes(deps));
      await api.register(sellerRoutes(deps));
      await api.register(onboardingRoutes(deps));
      await api.register(catalogueRoutes(deps));
      await api.register(stockRoutes(deps));
      await api.register(searchRoutes(deps));
      if (options.sandbox) await api.register(sandboxRoutes(deps));
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
