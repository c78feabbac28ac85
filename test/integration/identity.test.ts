import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, PASSWORD, sellerBody, type TestApp, uniqueEmail, userWithToken } from '../support/app.js';
import { dumpAllTables, tableCounts } from '../support/counts.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const register = (payload: Record<string, unknown>, lang = 'en') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': lang }, payload });

describe('registration', () => {
  it('creates a buyer; the same email again is 409 whatever its case', async () => {
    const email = uniqueEmail('reg');
    const res = await register({ email, password: PASSWORD, display_name: 'สมชาย', locale: 'th' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, roles: ['buyer'], locale: 'th', memberships: [] });
    expect(res.json()).not.toHaveProperty('password_hash');
    const before = await tableCounts(t.database);
    const again = await register({ email: email.toUpperCase(), password: PASSWORD, display_name: 'x', locale: 'th' }, 'th');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'email_taken', title: 'อีเมลนี้ลงทะเบียนแล้ว' });
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD, display_name: 'x' }, 'email'],
    [{ email: uniqueEmail(), password: 'short', display_name: 'x' }, 'password'],
    [{ email: uniqueEmail(), password: PASSWORD, display_name: '' }, 'display_name'],
    [{ email: uniqueEmail(), password: PASSWORD, display_name: 'x', roles: ['admin'] }, 'roles'],
    [{ email: uniqueEmail(), password: PASSWORD, display_name: 'x', locale: 'fr' }, 'locale'],
  ])('refuses %j at %s', async (payload, path) => {
    const res = await register(payload, 'zh');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(res.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('login', () => {
  it('returns a token, a CSRF token and an httpOnly session cookie', async () => {
    const user = await userWithToken(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'saphan_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json().csrf_token).toBeTruthy();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { saphan_session: cookie?.value ?? '' } });
    expect(me.json()).toMatchObject({ id: user.id, csrf_token: res.json().csrf_token });
  });

  it('a wrong password and an unknown email get the same answer after the same delay', async () => {
    const timing = await createTestApp({ login_failure_floor_ms: 400 });
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await timing.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'wrong password!!' } });
      return { res, ms: performance.now() - started };
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const user = await userWithToken(timing);
      const a = await timed(user.email);
      const b = await timed(uniqueEmail('nobody'));
      expect(a.res.statusCode).toBe(401);
      expect(b.res.statusCode).toBe(401);
      const strip = (body: string) => ({ ...JSON.parse(body), request_id: undefined });
      expect(strip(a.res.body)).toEqual(strip(b.res.body));
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    // Both answer no sooner than the floor (400 ms here), and their typical delays match.
    expect(Math.min(...wrong, ...unknown)).toBeGreaterThanOrEqual(395);
    expect(Math.abs(median(wrong) - median(unknown))).toBeLessThan(100);
    await timing.close();
  });

  it('repeated failures lock the account for a while, even for the right password', async () => {
    const user = await userWithToken(t);
    for (let i = 0; i < 5; i += 1) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: `wrong-${i}-password` } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'th' },
      payload: { email: user.email, password: PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'too_many_attempts', title: 'พยายามหลายครั้งเกินไป โปรดลองใหม่ภายหลัง' });
  });

  it('repeated failures from one address are throttled across accounts', async () => {
    const remoteAddress = '203.0.113.7';
    let last = 0;
    for (let i = 0; i < 31; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { email: uniqueEmail(`spray${i}`), password: 'wrong password!!' },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    const user = await userWithToken(t);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '203.0.113.8',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(other.statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const user = await userWithToken(t);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(user.token) })).statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) });
    expect(me.statusCode).toBe(401);
  });

  it('a made-up bearer token is 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('nonsense') });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('authentication_required');
  });
});

describe('auth routes are rate-limited per address', () => {
  it('answers 429 past the limit', async () => {
    const limited = await createTestApp({ auth_requests_per_minute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'accept-language': 'zh' },
          payload: { email: 'a@b.example', password: 'x' },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json()).toMatchObject({ code: 'rate_limited', title: '请求过多，请稍后再试' });
      }
      expect(codes.slice(0, 3).every((c) => c === 401)).toBe(true);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses a cookie write without the token and accepts it with', async () => {
    const user = await userWithToken(t);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: PASSWORD } });
    const cookies = { saphan_session: login.cookies.find((c) => c.name === 'saphan_session')?.value ?? '' };
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/sellers', cookies, payload: sellerBody() });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_token_invalid');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/sellers', cookies, headers: { 'x-csrf-token': 'guess' }, payload: sellerBody() });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sellers',
      cookies,
      headers: { 'x-csrf-token': login.json().csrf_token },
      payload: sellerBody(),
    });
    expect(right.statusCode).toBe(201);
    expect(right.json().pdpa_consent.channel).toBe('web');
  });
});

describe('API keys', () => {
  it('are shown once, work as bearer tokens and are stored only hashed (also in stored idempotent answers)', async () => {
    const user = await userWithToken(t);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(user.token, { 'idempotency-key': 'key-once' }),
      payload: { name: 'ERP sync' },
    });
    expect(created.statusCode).toBe(201);
    const key: string = created.json().key;
    expect(key).toMatch(/^sk_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(user.token) });
    expect(JSON.stringify(list.json())).not.toContain(key);
    expect(list.json().items[0]).toMatchObject({ name: 'ERP sync', prefix: key.slice(0, 10) });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(key) });
    expect(me.json().id).toBe(user.id);
    expect(await dumpAllTables(t.database)).not.toContain(key);
  });
});

describe('password reset', () => {
  it('mails a single-use link to the sandbox outbox and ends old sessions', async () => {
    const user = await userWithToken(t);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: uniqueEmail('ghost') } });
    const known = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    // A reset link lives in the fragment: browsers do not send it to servers (logs) or in Referer headers.
    const sent = (await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/mail' })).json().items.find((m: { to: string }) => m.to === user.email);
    expect(sent.text).toContain('/reset-password#token=');
    const remote = await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/mail', remoteAddress: '198.51.100.4' });
    expect(remote.statusCode).toBe(404);
    const outbox = await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/mail' });
    const mail = outbox.json().items.find((m: { to: string }) => m.to === user.email);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail.text)?.[1] ?? '');
    expect(token).toBeTruthy();
    const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'a brand new password' } });
    expect(confirm.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).statusCode).toBe(401);
    const reuse = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'another new password' } });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().code).toBe('reset_token_invalid');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'a brand new password' } });
    expect(login.statusCode).toBe(200);
  });
});

describe('audit log', () => {
  it('records who changed what, with before and after, without plain personal data', async () => {
    const user = await userWithToken(t);
    const seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(user.token), payload: sellerBody() })).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(user.token) });
    const { sql } = await import('drizzle-orm');
    const result = await t.database.db.execute(sql`select action, actor_id, before, after from platform_audit_log where entity_id = ${seller.id} order by id`);
    const rows = (result as unknown as { rows: { action: string; actor_id: string; before: { status: string } | null; after: { status: string } }[] }).rows;
    expect(rows.map((r) => r.action)).toEqual(['seller.created', 'seller.submit']);
    expect(rows.every((r) => r.actor_id === user.id)).toBe(true);
    expect(rows[1]?.before?.status).toBe('draft');
    expect(rows[1]?.after.status).toBe('submitted');
    expect(JSON.stringify(rows)).not.toContain(seller.tax_id);
  });
});

describe('API key revocation and request ids', () => {
  it('a revoked key stops working at once; only its owner can revoke it', async () => {
    const user = await userWithToken(t);
    const other = await userWithToken(t);
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(user.token), payload: { name: 'shop sync' } })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${created.id}`, headers: bearer(other.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(created.key) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${created.id}`, headers: bearer(user.token) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(created.key) })).statusCode).toBe(401);
  });

  it('every answer carries its request id, and problems name it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    expect(res.json().request_id).toBe(res.headers['x-request-id']);
  });

  it('keeps a caller’s plain request id and replaces one that could forge log lines', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123.abc' } });
    expect(kept.headers['x-request-id']).toBe('trace-123.abc');
    const forged = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'x"} {"level":60' } });
    expect(forged.headers['x-request-id']).toMatch(/^req_/);
  });
});

describe('renaming a seller renames its organisation', () => {
  it('follows the Thai legal name', async () => {
    const user = await userWithToken(t);
    const seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(user.token), payload: sellerBody() })).json();
    await t.app.inject({ method: 'PATCH', url: `/api/v1/sellers/${seller.id}`, headers: bearer(user.token), payload: { legal_name_th: 'บริษัท มังคุดทอง จำกัด' } });
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).json();
    expect(me.memberships.find((m: { org_id: string }) => m.org_id === seller.org_id).org_name).toBe('บริษัท มังคุดทอง จำกัด');
  });
});

describe('the audit log is append-only', () => {
  it.each([
    ['update', 'update platform_audit_log set action = action'],
    ['delete', 'delete from platform_audit_log'],
    ['truncate', 'truncate platform_audit_log'],
  ])('refuses %s', async (_name, statement) => {
    const { sql } = await import('drizzle-orm');
    await expect(t.database.db.execute(sql.raw(statement))).rejects.toThrow();
  });
});
