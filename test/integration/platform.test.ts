import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('operations endpoints', () => {
  it('/healthz and /readyz answer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: true });
  });

  it('/readyz is 503 until seeding is done', async () => {
    const readiness = { migrated: true, seeded: false };
    const starting = await createTestApp({ readiness });
    try {
      const res = await starting.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'starting', seeded: false });
      readiness.seeded = true; // as main does once the demo is loaded
      expect((await starting.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await starting.close();
    }
  });

  it('/metrics is Prometheus text with request durations', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('saphan_http_request_duration_seconds_bucket');
    expect(res.body).toContain('process_resident_memory_bytes');
  });

  it('/openapi.json documents the public resources and /docs serves the browser', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/api-keys',
      '/api/v1/sellers',
      '/api/v1/sellers/{id}',
      '/api/v1/sellers/{id}/verify',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.Seller).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

describe('HTTP platform', () => {
  it('sets security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('an unknown API route is a problem in the caller’s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: { 'accept-language': 'zh-TW' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'route_not_found', title: '接口不存在', status: 404 });
  });

  it('a wrong content type is 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
  });

  it('public reference data for the onboarding form', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/onboarding' });
    const body = res.json();
    expect(body.provinces).toHaveLength(77);
    expect(body.provinces.find((p: { code: string }) => p.code === 'TH-10').name).toEqual({ th: 'กรุงเทพมหานคร', zh: '曼谷', en: 'Bangkok' });
    expect(body.banks.find((b: { code: string }) => b.code === '014')).toBeDefined();
  });
});
